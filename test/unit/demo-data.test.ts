/**
 * The demo data: the circular's nine examples as the project reads them, the generated population,
 * the contract writer's SQL, and the demo database read back from SQLite and PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect } from "chai";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { isValidInsz, isValidKbo, isValidNoss } from "../../src/domain/check-digits";
import {
  BENEFITS_FIRST_ID,
  BENEFITS_INSTITUTIONS,
  BENEFITS_CASE_STAFF,
  BENEFITS_STAFF_IDS,
  type BenefitsFeature,
  DEMO_BENEFITS_BAD_RECORDS,
  DEMO_BENEFITS_EXAMPLES,
  generateBenefitsPopulation,
} from "../../tools/demo/benefits-population";
import { CIRCULAR_EXAMPLES, PAYMENT_CALENDAR_ROWS, circularExampleRows } from "../../tools/demo/circular-examples";
import { DEMO_BREASTFEEDING_CASES } from "../../tools/demo/breastfeeding-cases";
import { DEMO_ABSENCE_CASES } from "../../tools/demo/absence-cases";
import { zimaFormCaseRows } from "../../tools/demo/zima-form-cases";
import { buildDemoDatabase } from "../../tools/demo/demo-database";
import { DEMO_DECISION_CASES, decisionCaseRows } from "../../tools/demo/decision-cases";
import { DEMO_BAD_RECORDS } from "../../tools/demo/population/bad-records";
import { POPULATION_FIRST_ID } from "../../tools/demo/population/builder";
import { MIN_POPULATION_STAFF, generateDemoPopulation, generatePopulation } from "../../tools/demo/population/population";
import { CONTRACT_TABLES } from "../../src/source/contract";
import {
  CONTRACT_WRITE_ORDER,
  type ContractRow,
  type ContractRows,
  type ContractTableName,
  ContractRowsError,
  MAX_PARAMETERS_PER_STATEMENT,
  MAX_ROWS_PER_STATEMENT,
  insertStatements,
  writeContractRows,
} from "../../src/source/contract-writer";
import { ContractTablesExistError, createContractTables, openSourceDatabase } from "../../src/source/source-database";

function rowsOf(rows: ContractRows, table: ContractTableName): ContractRow[] {
  return rows[table] ?? [];
}

function example(number: number) {
  const found = CIRCULAR_EXAMPLES.find((candidate) => candidate.example === number);
  if (!found) throw new Error(`no example ${number}`);
  return found;
}

/** Both sets of rows together, as the demo database holds them. */
function demoRows(population: ContractRows): ContractRows {
  const examples = circularExampleRows();
  return Object.fromEntries(CONTRACT_WRITE_ORDER.map((table) => [table, [...rowsOf(examples, table), ...rowsOf(population, table)]]));
}

/** The population, the benefits rows and the 2026-12 cases together, as buildDemoDatabase adds them to the examples. */
function withBenefits(population: ContractRows): ContractRows {
  const benefits = generateBenefitsPopulation();
  const cases = decisionCaseRows();
  const zimaForms = zimaFormCaseRows();
  return Object.fromEntries(
    CONTRACT_WRITE_ORDER.map((table) => [
      table,
      [...rowsOf(population, table), ...rowsOf(benefits, table), ...rowsOf(cases, table), ...rowsOf(zimaForms, table)],
    ]),
  );
}

/** The one example person written to show `feature` (the first when several show it). */
function exampleWith(feature: BenefitsFeature, formType?: "ZIMA002" | "ZIMA005"): number {
  const found = DEMO_BENEFITS_EXAMPLES.find((e) => e.features.includes(feature) && (formType === undefined || e.formType === formType));
  if (!found) throw new Error(`no benefits example shows ${feature}`);
  return found.staffId;
}

function duplicates(values: readonly unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

describe("demo data", () => {
  describe("the circular's worked examples", () => {
    it("gives example n staff member n and ids below the population's", () => {
      expect(CIRCULAR_EXAMPLES.map((e) => e.example)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      for (const e of CIRCULAR_EXAMPLES) {
        expect(e.staffId).to.equal(e.example);
        expect(rowsOf(e.rows, "staff_member").map((s) => s.id)).to.deep.equal([e.example]);
        expect(rowsOf(e.rows, "assignment").map((a) => a.id)).to.deep.equal(e.assignmentIds);
        for (const rows of Object.values(e.rows)) for (const row of rows) expect(row.id).to.be.below(POPULATION_FIRST_ID);
      }
    });

    it("puts every example at an institution of its level, AGODI or AHOVOKS as the level says", () => {
      const levels = ["BaO", "DKO", "SO", "CLB", "VWO", "CBE", "HO", "DKO", "SO"];
      const all = circularExampleRows();
      for (const e of CIRCULAR_EXAMPLES) {
        for (const a of rowsOf(e.rows, "assignment")) {
          const institution = rowsOf(all, "institution").find((i) => i.id === a.institution_id);
          const board = rowsOf(all, "school_board").find((b) => b.id === institution?.board_id);
          expect(institution?.level, `example ${e.example}`).to.equal(levels[e.example - 1]);
          expect(board?.agency).to.equal(["VWO", "CBE", "HO"].includes(String(institution?.level)) ? "AHOVOKS" : "AGODI");
        }
      }
      for (const board of rowsOf(all, "school_board")) {
        expect(isValidKbo(String(board.kbo_number)), String(board.name)).to.equal(true);
        expect(isValidNoss(String(board.noss_number)), String(board.name)).to.equal(true);
      }
    });

    it("gives each staff member a valid INSZ that matches birth date and gender", () => {
      for (const e of CIRCULAR_EXAMPLES) {
        const [staff] = rowsOf(e.rows, "staff_member");
        const insz = String(staff.insz);
        expect(isValidInsz(insz), insz).to.equal(true);
        expect(insz.slice(0, 6)).to.equal(String(staff.birth_date).slice(2).replaceAll("-", ""));
        expect(Number(insz.slice(6, 9)) % 2 === 1 ? "M" : "F").to.equal(staff.gender);
      }
    });

    it("example 1 (BaO): 16/32, EUR 977.38 each month September-June, RL16 on 5 September", () => {
      const { rows } = example(1);
      expect(rowsOf(rows, "assignment")[0]).to.include({
        start_date: "2017-09-01",
        end_date: "2018-06-30",
        hours_numerator: "16",
        hours_denominator: "32",
        monthly_salary: "977.38",
        job_title: "kinderverzorgster",
        status: "T",
      });
      const lines = rowsOf(rows, "salary_line");
      expect(lines.map((l) => l.period_month)).to.deep.equal([
        "2017-09",
        "2017-10",
        "2017-11",
        "2017-12",
        "2018-01",
        "2018-02",
        "2018-03",
        "2018-04",
        "2018-05",
        "2018-06",
      ]);
      for (const line of lines) {
        expect(line).to.include({ gross_amount: "977.38", wage_code: "01", assignment_id: 11, paid_on: `${line.period_month}-25` });
      }
      expect(rowsOf(rows, "rl16_notification")[0]).to.include({
        valid_from: "2017-09-01",
        received_at: "2017-09-05 10:12:00",
        maintenance_of_rights: 1,
        fulltime_request: 1,
        withdrawn_from: null,
      });
    });

    it("example 2 (DKO): 7/22 and 2/20 from 21 November to 24 December, EUR 328.00 and 784.21, RL16 after November's cut-off", () => {
      const { rows } = example(2);
      const [first, second] = rowsOf(rows, "assignment");
      expect(first).to.include({
        id: 21,
        hours_numerator: "7",
        hours_denominator: "22",
        monthly_salary: "738.00",
        start_date: "2017-11-21",
        end_date: "2017-12-24",
      });
      expect(second).to.include({
        id: 22,
        hours_numerator: "2",
        hours_denominator: "20",
        monthly_salary: "246.00",
        start_date: "2017-11-21",
        end_date: "2017-12-24",
      });
      const lines = rowsOf(rows, "salary_line");
      const total = (month: string) =>
        lines.filter((l) => l.period_month === month).reduce((sum, l) => sum + Math.round(Number(l.gross_amount) * 100), 0);
      expect(total("2017-11")).to.equal(32_800);
      expect(total("2017-12")).to.equal(78_421);
      expect(lines.map((l) => [l.assignment_id, l.period_month, l.gross_amount, l.paid_on])).to.deep.equal([
        [21, "2017-11", "246.00", "2017-11-29"],
        [22, "2017-11", "82.00", "2017-11-29"],
        [21, "2017-12", "588.16", "2017-12-22"],
        [22, "2017-12", "196.05", "2017-12-22"],
      ]);
      const [notification] = rowsOf(rows, "rl16_notification");
      expect(notification).to.include({ valid_from: "2017-11-21", received_at: "2017-11-23 09:30:00" });
      const november = PAYMENT_CALENDAR_ROWS.find((row) => row.period_month === "2017-11");
      expect(String(notification.received_at) > String(november?.cutoff_at)).to.equal(true);
    });

    it("example 3 (SO): 12/29 in October, then 15/22 under another board in November", () => {
      const { rows } = example(3);
      const [october, november] = rowsOf(rows, "assignment");
      expect(october).to.include({
        hours_numerator: "12",
        hours_denominator: "29",
        start_date: "2017-10-01",
        end_date: "2017-10-28",
        monthly_salary: "980.11",
      });
      expect(november).to.include({
        hours_numerator: "15",
        hours_denominator: "22",
        start_date: "2017-11-14",
        end_date: "2017-11-30",
        monthly_salary: "1579.00",
      });
      const boardOf = (institutionId: unknown) => rowsOf(rows, "institution").find((i) => i.id === institutionId)?.board_id;
      expect(boardOf(october.institution_id)).to.not.equal(boardOf(november.institution_id));
      expect(rowsOf(rows, "salary_line").map((l) => [l.assignment_id, l.period_month, l.gross_amount, l.paid_on])).to.deep.equal([
        [31, "2017-10", "885.25", "2017-10-25"],
        [32, "2017-11", "894.76", "2017-11-29"],
      ]);
      expect(rowsOf(rows, "rl16_notification")[0]).to.include({
        board_id: boardOf(october.institution_id),
        valid_from: "2017-10-01",
        received_at: "2017-10-02 08:45:00",
      });
    });

    it("examples 4-7: fractions, salaries and notifications", () => {
      const expected = [
        {
          n: 4,
          fraction: ["6", "10"],
          salary: "1817.86",
          end: "2018-06-30",
          status: "V",
          received: "2017-09-06 14:00:00",
          valid: "2017-09-01",
          flags: [0, 0],
          months: ["2017-09", "2018-06"],
        },
        {
          n: 5,
          fraction: ["8", "22"],
          salary: "862.43",
          end: "2018-06-30",
          status: "T",
          received: "2017-09-04 11:00:00",
          valid: "2017-09-01",
          flags: [1, 1],
          months: ["2017-09", "2018-06"],
        },
        {
          n: 6,
          fraction: ["18", "36"],
          salary: "1472.78",
          end: "2018-06-30",
          status: "T",
          received: "2017-09-07 09:00:00",
          valid: "2017-09-01",
          flags: [1, 1],
          months: ["2017-09", "2018-06"],
        },
        {
          n: 7,
          fraction: ["50", "100"],
          salary: "1325.56",
          end: null,
          status: "T",
          received: "2017-10-03 10:00:00",
          valid: "2017-10-01",
          flags: [1, 1],
          months: ["2017-10", "2018-08"],
        },
      ];
      for (const e of expected) {
        const { rows } = example(e.n);
        const [assignment] = rowsOf(rows, "assignment");
        expect(assignment, `example ${e.n}`).to.include({
          hours_numerator: e.fraction[0],
          hours_denominator: e.fraction[1],
          monthly_salary: e.salary,
          start_date: e.valid,
          end_date: e.end,
          status: e.status,
        });
        const lines = rowsOf(rows, "salary_line");
        expect(lines.every((l) => l.gross_amount === e.salary)).to.equal(true);
        expect([lines[0].period_month, lines[lines.length - 1].period_month]).to.deep.equal(e.months);
        expect(rowsOf(rows, "rl16_notification")[0]).to.include({
          valid_from: e.valid,
          received_at: e.received,
          maintenance_of_rights: e.flags[0],
          fulltime_request: e.flags[1],
        });
      }
      expect(rowsOf(example(7).rows, "salary_line")).to.have.length(11);
    });

    it("examples 8 and 9 have pay but no notification", () => {
      expect(rowsOf(example(8).rows, "assignment")[0]).to.include({
        hours_numerator: "5",
        hours_denominator: "22",
        monthly_salary: "549.79",
        job_title: "leraar gitaar",
      });
      expect(rowsOf(example(9).rows, "assignment")[0]).to.include({
        hours_numerator: "12",
        hours_denominator: "24",
        monthly_salary: "1150.00",
      });
      expect(rowsOf(example(8).rows, "salary_line").map((l) => l.gross_amount)).to.deep.equal(Array(10).fill("549.79"));
      expect(rowsOf(example(9).rows, "salary_line").map((l) => l.gross_amount)).to.deep.equal(Array(10).fill("1150.00"));
      expect(rowsOf(example(8).rows, "rl16_notification")).to.have.length(0);
      expect(rowsOf(example(9).rows, "rl16_notification")).to.have.length(0);
    });

    it("has a payment calendar from September 2017 to August 2019 with cut-off on the 15th at 16:00", () => {
      expect(PAYMENT_CALENDAR_ROWS).to.have.length(24);
      expect(PAYMENT_CALENDAR_ROWS[0]).to.deep.equal({ period_month: "2017-09", cutoff_at: "2017-09-15 16:00:00" });
      expect(PAYMENT_CALENDAR_ROWS[23]).to.deep.equal({ period_month: "2019-08", cutoff_at: "2019-08-15 16:00:00" });
    });

    it("merges chosen examples with their shared boards and institutions once", () => {
      const dko = circularExampleRows(2, 8);
      expect(rowsOf(dko, "school_board").map((b) => b.id)).to.deep.equal([2]);
      expect(rowsOf(dko, "institution").map((i) => i.id)).to.deep.equal([2]);
      expect(rowsOf(dko, "staff_member").map((s) => s.id)).to.deep.equal([2, 8]);
      expect(rowsOf(dko, "payment_calendar")).to.have.length(24);
      const so = circularExampleRows(9, 3);
      expect(rowsOf(so, "school_board").map((b) => b.id)).to.deep.equal([4, 3]);
      expect(rowsOf(circularExampleRows(), "staff_member")).to.have.length(9);
      expect(() => circularExampleRows(10)).to.throw(RangeError);
    });
  });

  describe("the generated population", () => {
    const population = generateDemoPopulation({ staff: 400 });
    const rows = population.rows;
    const all = demoRows(rows);

    it("is the same for the same seed and differs for another", () => {
      expect(generatePopulation({ staff: 400 })).to.deep.equal(rows);
      expect(generatePopulation({ staff: 120, seed: 7 })).to.deep.equal(generatePopulation({ staff: 120, seed: 7 }));
      expect(generatePopulation({ staff: 400, seed: 7 })).to.not.deep.equal(rows);
    });

    it("has the requested number of staff, ids from 1000 and a profile for each", () => {
      expect(rowsOf(rows, "staff_member")).to.have.length(400);
      expect(population.staff.map((s) => s.staffId)).to.deep.equal(rowsOf(rows, "staff_member").map((s) => s.id));
      for (const table of CONTRACT_WRITE_ORDER)
        for (const row of rowsOf(rows, table)) if ("id" in row) expect(row.id).to.be.at.least(POPULATION_FIRST_ID);
      expect(() => generatePopulation({ staff: MIN_POPULATION_STAFF - 1 })).to.throw(RangeError);
    });

    it("has ~8 AGODI and ~4 AHOVOKS boards with institutions of every level", () => {
      const boards = rowsOf(rows, "school_board");
      expect(boards.filter((b) => b.agency === "AGODI")).to.have.length(8);
      expect(boards.filter((b) => b.agency === "AHOVOKS")).to.have.length(4);
      expect(new Set(rowsOf(rows, "institution").map((i) => i.level))).to.deep.equal(
        new Set(["BaO", "SO", "DKO", "CLB", "VWO", "CBE", "HO"]),
      );
      for (const board of boards) expect(isValidKbo(String(board.kbo_number)) && isValidNoss(String(board.noss_number))).to.equal(true);
    });

    it("has only valid INSZs matching birth date and gender, except the deliberate bad one", () => {
      const invalid = rowsOf(all, "staff_member").filter((s) => !isValidInsz(String(s.insz)));
      expect(invalid.map((s) => s.id)).to.deep.equal(DEMO_BAD_RECORDS.filter((b) => b.rule === "INSZ_INVALID").map((b) => b.id));
      for (const staff of rowsOf(all, "staff_member")) {
        const insz = String(staff.insz);
        expect(insz.slice(0, 6)).to.equal(String(staff.birth_date).slice(2).replaceAll("-", ""));
        expect(Number(insz.slice(6, 9)) % 2 === 1 ? "M" : "F").to.equal(staff.gender);
      }
    });

    it("keeps ids, INSZs and message references unique across examples and population", () => {
      for (const table of CONTRACT_WRITE_ORDER) {
        const keys = rowsOf(all, table).map((row) => row.id ?? row.period_month);
        expect(duplicates(keys), table).to.deep.equal([]);
      }
      expect(duplicates(rowsOf(all, "staff_member").map((s) => s.insz))).to.deep.equal([]);
      expect(duplicates(rowsOf(all, "rl16_notification").map((n) => n.message_ref))).to.deep.equal([]);
    });

    it("only refers to rows that exist, but for the deliberate unknown assignment", () => {
      const ids = (table: ContractTableName) => new Set(rowsOf(all, table).map((row) => row.id));
      const [boards, institutions, staff, assignments] = [ids("school_board"), ids("institution"), ids("staff_member"), ids("assignment")];
      for (const i of rowsOf(all, "institution")) expect(boards.has(i.board_id)).to.equal(true);
      for (const a of rowsOf(all, "assignment")) expect(staff.has(a.staff_id) && institutions.has(a.institution_id)).to.equal(true);
      for (const n of rowsOf(all, "rl16_notification")) expect(staff.has(n.staff_id) && boards.has(n.board_id)).to.equal(true);
      const dangling = rowsOf(all, "salary_line").filter(
        (l) => !staff.has(l.staff_id) || (l.assignment_id !== null && !assignments.has(l.assignment_id)),
      );
      expect(dangling.map((l) => l.id)).to.deep.equal(DEMO_BAD_RECORDS.filter((b) => b.rule === "UNKNOWN_ASSIGNMENT").map((b) => b.id));
    });

    it("holds the deliberately bad records, each for a notified person", () => {
      const find = (table: ContractTableName, id: number) => rowsOf(rows, table).find((row) => row.id === id);
      const notified = new Set(rowsOf(rows, "rl16_notification").map((n) => n.staff_id));
      expect(DEMO_BAD_RECORDS).to.have.length(5);
      for (const bad of DEMO_BAD_RECORDS) {
        const row = find(bad.table, bad.id);
        expect(row, bad.rule).to.not.equal(undefined);
        expect(bad.table === "staff_member" ? row?.id : row?.staff_id).to.equal(bad.staffId);
        expect(notified.has(bad.staffId), bad.rule).to.equal(true);
      }
      const [insz, denominator, endBeforeStart, , negative] = DEMO_BAD_RECORDS;
      expect(isValidInsz(String(find("staff_member", insz.id)?.insz))).to.equal(false);
      expect(find("assignment", denominator.id)?.hours_denominator).to.equal("0");
      const reversed = find("assignment", endBeforeStart.id);
      expect(String(reversed?.end_date) < String(reversed?.start_date)).to.equal(true);
      const march = rowsOf(rows, "salary_line").filter((l) => l.staff_id === negative.staffId && l.period_month === "2018-03");
      expect(march.reduce((sum, l) => sum + Math.round(Number(l.gross_amount) * 100), 0)).to.equal(-25_000);
    });

    it("notifies about 40 % of the staff with the intended mix", () => {
      const notified = new Set(rowsOf(rows, "rl16_notification").map((n) => n.staff_id));
      expect(notified.size).to.equal(160);
      const profiles = new Set(population.staff.map((s) => s.profile));
      for (const profile of [
        "eligible",
        "eligible-two-assignments",
        "employer-change",
        "gross-above-threshold",
        "gross-at-threshold",
        "gross-just-below-threshold",
        "occupation-above-limit",
        "two-assignments-over-limit",
        "short-fulltime-interim",
        "interim-at-limit",
        "next-year-only",
        "bad-record",
      ] as const) {
        expect(profiles.has(profile), profile).to.equal(true);
      }
      const notices = new Set(population.staff.flatMap((s) => s.notices));
      for (const notice of [
        "after-september-cutoff",
        "later-in-year-after-cutoff",
        "at-cutoff-moment",
        "second-after-cutoff",
        "withdrawn",
        "withdrawn-at-once",
        "duplicate",
        "next-school-year",
      ] as const) {
        expect(notices.has(notice), notice).to.equal(true);
      }
      const notifications = rowsOf(rows, "rl16_notification");
      expect(notifications.some((n) => n.received_at === "2017-11-15 16:00:00")).to.equal(true);
      expect(notifications.some((n) => n.received_at === "2018-01-15 16:00:01")).to.equal(true);
      expect(notifications.filter((n) => n.valid_from === "2018-09-01").length).to.be.at.least(3);
      expect(notifications.filter((n) => n.withdrawn_from !== null).length).to.be.at.least(2);
    });

    it("keeps eligible profiles below 80 % and EUR 1600 in every month and the gross profiles at or above it", () => {
      const linesOf = (staffId: unknown) => rowsOf(rows, "salary_line").filter((l) => l.staff_id === staffId);
      const monthTotals = (staffId: unknown) => {
        const totals = new Map<string, number>();
        for (const l of linesOf(staffId))
          totals.set(String(l.period_month), (totals.get(String(l.period_month)) ?? 0) + Math.round(Number(l.gross_amount) * 100));
        return [...totals.values()];
      };
      for (const staff of population.staff) {
        const assignments = rowsOf(rows, "assignment").filter((a) => a.staff_id === staff.staffId);
        const fractions = assignments.map((a) => Number(a.hours_numerator) / Number(a.hours_denominator));
        if (["eligible", "employer-change", "next-year-only", "gross-just-below-threshold"].includes(staff.profile)) {
          expect(Math.max(...fractions), `staff ${staff.staffId}`).to.be.below(0.8);
          expect(Math.max(...monthTotals(staff.staffId)), `staff ${staff.staffId}`).to.be.below(160_000);
        }
        if (staff.profile === "eligible-two-assignments") {
          expect(fractions.reduce((a, b) => a + b, 0)).to.be.below(0.8);
          expect(Math.max(...monthTotals(staff.staffId))).to.be.below(160_000);
        }
        if (staff.profile === "gross-above-threshold" || staff.profile === "gross-at-threshold") {
          expect(Math.max(...fractions)).to.be.below(0.8);
          expect(Math.min(...monthTotals(staff.staffId))).to.be.at.least(160_000);
        }
      }
    });

    it("pays every month an assignment is in force, pro rata, on the 25th, with a few late corrections and unassigned lines", () => {
      const lines = rowsOf(rows, "salary_line");
      for (const line of lines) expect(String(line.gross_amount)).to.match(/^-?\d+\.\d{2}$/);
      const interim = population.staff.find((s) => s.profile === "interim-at-limit");
      const [assignment] = rowsOf(rows, "assignment").filter((a) => a.staff_id === interim?.staffId);
      expect(assignment).to.include({
        start_date: "2018-03-05",
        end_date: "2018-03-16",
        hours_numerator: "8",
        hours_denominator: "10",
        monthly_salary: "2320.00",
      });
      expect(lines.filter((l) => l.assignment_id === assignment.id).map((l) => [l.period_month, l.gross_amount, l.paid_on])).to.deep.equal([
        ["2018-03", "898.06", "2018-03-25"],
      ]);
      const late = lines.filter((l) => String(l.paid_on).slice(0, 7) > String(l.period_month));
      expect(late.length).to.be.at.least(5);
      expect(lines.filter((l) => l.assignment_id === null).length).to.be.at.least(10);
    });
  });

  describe("the benefits-sector rows", () => {
    const benefits = generateBenefitsPopulation();
    const population = generatePopulation({ staff: 400 });
    const all = demoRows(withBenefits(population));

    it("are the same on every call, with ids above the population's and the examples'", () => {
      expect(generateBenefitsPopulation()).to.deep.equal(benefits);
      for (const table of CONTRACT_WRITE_ORDER)
        for (const row of rowsOf(benefits, table)) expect(row.id, table).to.be.above(BENEFITS_FIRST_ID);
      expect(rowsOf(benefits, "staff_member").map((s) => s.id)).to.deep.equal([...BENEFITS_STAFF_IDS]);
      for (const table of CONTRACT_WRITE_ORDER) {
        const keys = rowsOf(all, table).map((row) => row.id ?? row.period_month);
        expect(duplicates(keys), table).to.deep.equal([]);
      }
      // ids grow with the staff count: 4000 staff stay below 1/50 of them, so the demo's largest (100000, 25 times) stays below too
      const large = generatePopulation({ staff: 4000 });
      for (const table of CONTRACT_WRITE_ORDER)
        for (const row of rowsOf(large, table)) if ("id" in row) expect(Number(row.id), table).to.be.below(BENEFITS_FIRST_ID / 50);
    });

    it("give every person a valid INSZ of their own, matching birth date and gender, born on a day the population never draws", () => {
      for (const staff of rowsOf(benefits, "staff_member")) {
        const insz = String(staff.insz);
        expect(isValidInsz(insz), insz).to.equal(true);
        expect(insz.slice(0, 6)).to.equal(String(staff.birth_date).slice(2).replaceAll("-", ""));
        expect(Number(insz.slice(6, 9)) % 2 === 1 ? "M" : "F").to.equal(staff.gender);
        expect(Number(String(staff.birth_date).slice(8))).to.be.at.least(29);
      }
      expect(duplicates(rowsOf(all, "staff_member").map((s) => s.insz))).to.deep.equal([]);
      for (const staff of rowsOf(population, "staff_member")) expect(Number(String(staff.birth_date).slice(8))).to.be.at.most(28);
    });

    it("put every assignment at an institution of the population and only refer to rows that exist", () => {
      const institutions = new Map(rowsOf(population, "institution").map((i) => [i.id, i]));
      for (const id of Object.values(BENEFITS_INSTITUTIONS)) expect(institutions.has(id), `institution ${id}`).to.equal(true);
      expect(institutions.get(BENEFITS_INSTITUTIONS.hogeschoolDiest)).to.include({
        name: "Hogeschool Kempen-Demer campus Diest",
        level: "HO",
      });
      expect(institutions.get(BENEFITS_INSTITUTIONS.sintAmandscollege)).to.include({ name: "Sint-Amandscollege Kortrijk", level: "SO" });
      expect(institutions.get(BENEFITS_INSTITUTIONS.cbeGent)).to.include({
        name: "Centrum voor Basiseducatie Leie en Schelde",
        level: "CBE",
      });
      const assignments = new Map(rowsOf(benefits, "assignment").map((a) => [a.id, a]));
      for (const a of assignments.values()) {
        expect(institutions.has(a.institution_id), `assignment ${a.id}`).to.equal(true);
        expect(a.monthly_salary, `assignment ${a.id}`).to.match(/^\d+\.\d{2}$/);
      }
      for (const table of ["salary_line", "adapted_work", "holiday_balance"] as const) {
        for (const row of rowsOf(benefits, table))
          expect(assignments.get(row.assignment_id)?.staff_id, `${table} ${row.id}`).to.equal(row.staff_id);
      }
      const work = new Set(rowsOf(benefits, "adapted_work").map((w) => w.id));
      for (const table of ["performance_line", "day_nature"] as const)
        for (const row of rowsOf(benefits, table)) expect(work.has(row.adapted_work_id), `${table} ${row.id}`).to.equal(true);
      // a change of Q or days is a new row that starts the day after the old one ends
      const byStaff = new Map<unknown, ContractRow[]>();
      for (const w of rowsOf(benefits, "adapted_work")) byStaff.set(w.staff_id, [...(byStaff.get(w.staff_id) ?? []), w]);
      for (const rows of byStaff.values()) {
        for (let i = 1; i < rows.length; i++)
          expect(new Date(`${rows[i].start_date}T00:00:00Z`).getTime() - new Date(`${rows[i - 1].end_date}T00:00:00Z`).getTime()).to.equal(
            86_400_000,
          );
      }
    });

    it("describe each example person once, and every feature at least once", () => {
      const ids = DEMO_BENEFITS_EXAMPLES.map((e) => e.staffId);
      expect(duplicates(ids)).to.deep.equal([]);
      // The persons of the 2026-12 cases (decision-cases.ts) are no examples either.
      expect(ids.length).to.equal(BENEFITS_STAFF_IDS.length - DEMO_BENEFITS_BAD_RECORDS.length - Object.values(BENEFITS_CASE_STAFF).length);
      for (const id of ids) expect(BENEFITS_STAFF_IDS).to.include(id);
      for (const bad of DEMO_BENEFITS_BAD_RECORDS) expect(ids).to.not.include(bad.staffId);
      const features: BenefitsFeature[] = [
        "mid-month-start",
        "q-change",
        "definitive-stop",
        "before-first-reference-day",
        "absence-hours",
        "day-natures",
        "other-wage-codes",
        "wage-code-02",
        "zero-pay-month",
        "severance",
        "holiday-details",
        "part-timer-hours",
        "full-timer-no-hours",
        "public-sector",
        "no-holiday-scheme",
        "adapted-work-to-year-end",
        "late-balance",
      ];
      for (const feature of features)
        expect(
          DEMO_BENEFITS_EXAMPLES.some((e) => e.features.includes(feature)),
          feature,
        ).to.equal(true);
      expect(new Set(DEMO_BENEFITS_EXAMPLES.filter((e) => e.formType === "ZIMA002").map((e) => e.subRisk))).to.deep.equal(new Set([1, 2]));
      expect(new Set(DEMO_BENEFITS_EXAMPLES.filter((e) => e.formType === "ZIMA005").map((e) => e.subRisk))).to.deep.equal(
        new Set([1, 2, 3, 4]),
      );
    });
  });

  describe("the contract writer", () => {
    const fake = (type: string) => ({ options: { type }, driver: { escape: (name: string) => `"${name}"` } }) as unknown as DataSource;
    const lines = (count: number): ContractRow[] =>
      Array.from({ length: count }, (_, i) => ({
        id: i + 1,
        staff_id: 1,
        assignment_id: null,
        period_month: "2017-09",
        gross_amount: "1.00",
        wage_code: "01",
        paid_on: "2017-09-25",
      }));

    it("uses the engine's parameter markers", () => {
      const row = [
        { period_month: "2017-09", cutoff_at: "2017-09-15 16:00:00" },
        { period_month: "2017-10", cutoff_at: "2017-10-15 16:00:00" },
      ];
      expect(insertStatements(fake("postgres"), "payment_calendar", row)[0].sql).to.equal(
        'INSERT INTO "payment_calendar" ("period_month", "cutoff_at") VALUES ($1, $2), ($3, $4)',
      );
      expect(insertStatements(fake("mssql"), "payment_calendar", row)[0].sql).to.equal(
        'INSERT INTO "payment_calendar" ("period_month", "cutoff_at") VALUES (@0, @1), (@2, @3)',
      );
      for (const type of ["better-sqlite3", "mysql", "mariadb"]) {
        expect(insertStatements(fake(type), "payment_calendar", row)[0].sql).to.equal(
          'INSERT INTO "payment_calendar" ("period_month", "cutoff_at") VALUES (?, ?), (?, ?)',
        );
      }
      expect(() => insertStatements(fake("oracle"), "payment_calendar", row)).to.throw(ContractRowsError);
    });

    it("splits at 500 rows and 2000 parameters a statement, numbering markers per statement", () => {
      const statements = insertStatements(fake("postgres"), "salary_line", lines(1001));
      const perStatement = Math.floor(MAX_PARAMETERS_PER_STATEMENT / 7);
      expect(statements.map((s) => s.parameters.length / 7)).to.deep.equal([
        perStatement,
        perStatement,
        perStatement,
        1001 - 3 * perStatement,
      ]);
      for (const s of statements) {
        expect(s.parameters.length).to.be.at.most(MAX_PARAMETERS_PER_STATEMENT);
        expect(s.sql).to.contain("($1, $2, $3, $4, $5, $6, $7)");
      }
      const narrow = insertStatements(
        fake("mssql"),
        "payment_calendar",
        Array.from({ length: 1200 }, (_, i) => ({ period_month: `${2000 + i}-01`, cutoff_at: "x" })),
      );
      expect(narrow.map((s) => s.parameters.length / 2)).to.deep.equal([MAX_ROWS_PER_STATEMENT, MAX_ROWS_PER_STATEMENT, 200]);
    });

    it("fills missing columns with NULL and refuses unknown tables, columns and values", () => {
      const [statement] = insertStatements(fake("postgres"), "school_board", [
        { id: 1, name: "A", agency: "AGODI" },
        { id: 2, name: "B", agency: "AGODI", kbo_number: "0412345614" },
      ]);
      expect(statement.sql).to.equal(
        'INSERT INTO "school_board" ("id", "name", "agency", "kbo_number") VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)',
      );
      expect(statement.parameters).to.deep.equal([1, "A", "AGODI", null, 2, "B", "AGODI", "0412345614"]);
      expect(() => insertStatements(fake("postgres"), "school_board", [{ id: 1, naam: "A" }])).to.throw(ContractRowsError, /naam/);
      expect(() => insertStatements(fake("postgres"), "staff" as ContractTableName, [{ id: 1 }])).to.throw(ContractRowsError);
      expect(() => insertStatements(fake("postgres"), "school_board", [{ id: 1, name: true }])).to.throw(ContractRowsError);
    });

    it("writes parents before children in one transaction", async () => {
      const executed: string[] = [];
      let transactions = 0;
      const dataSource = {
        ...fake("better-sqlite3"),
        transaction: async (work: (manager: { query: (sql: string) => Promise<void> }) => Promise<void>) => {
          transactions++;
          await work({ query: async (sql: string) => void executed.push(sql.split(" ")[2]) });
        },
      } as unknown as DataSource;
      await writeContractRows(dataSource, circularExampleRows(1));
      expect(transactions).to.equal(1);
      expect(executed).to.deep.equal([
        '"school_board"',
        '"institution"',
        '"staff_member"',
        '"assignment"',
        '"salary_line"',
        '"rl16_notification"',
        '"payment_calendar"',
      ]);
      expect(CONTRACT_WRITE_ORDER).to.have.members(CONTRACT_TABLES.map((t) => t.name));
    });
  });

  describe("buildDemoDatabase on SQLite", () => {
    let dir: string;
    let url: string;
    let counts: Record<string, number>;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), "easr-demo-"));
      url = `sqlite:${dir}/demo.sqlite`;
      ({ counts } = await buildDemoDatabase(url, { staff: 400 }));
    });

    after(() => rmSync(dir, { recursive: true, force: true }));

    it("reports the counts the database holds", () => {
      const expected = demoRows(withBenefits(generatePopulation({ staff: 400 })));
      const db = new Database(join(dir, "demo.sqlite"), { readonly: true });
      try {
        for (const table of CONTRACT_WRITE_ORDER) {
          const { n } = db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number };
          expect(n, table).to.equal(counts[table]);
          expect(n, table).to.equal(rowsOf(expected, table).length);
        }
      } finally {
        db.close();
      }
      // The six unemployment cases of decision-cases.ts have a staff row here; its two benefits cases are benefits persons.
      // The four ZIMA003 cases of breastfeeding-cases.ts are persons of their own, with 5 assignments and 5 break rows;
      // the nine ZIMA001/ZIMA006 cases of absence-cases.ts too, with 10 absences, 8 absence days and 6 resumptions.
      const breastfeedingCases = DEMO_BREASTFEEDING_CASES.length;
      const absenceCases = DEMO_ABSENCE_CASES.length;
      const unemploymentCases =
        DEMO_DECISION_CASES.filter((c) => !BENEFITS_STAFF_IDS.includes(c.staffId)).length - breastfeedingCases - absenceCases;
      expect([unemploymentCases, breastfeedingCases, absenceCases]).to.deep.equal([6, 4, 9]);
      expect(counts.staff_member).to.equal(409 + BENEFITS_STAFF_IDS.length + unemploymentCases + breastfeedingCases + absenceCases);
      expect(counts).to.include({ breastfeeding_break: 5, absence: 10, absence_day: 8, work_resumption: 6 });
      expect(BENEFITS_STAFF_IDS).to.have.length(35);
      expect(counts.payment_calendar).to.equal(24);
      expect(counts).to.include({ adapted_work: 22, day_nature: 13, holiday_balance: 27 });
    });

    it("stores amounts and dates as written", () => {
      const db = new Database(join(dir, "demo.sqlite"), { readonly: true });
      try {
        expect(db.prepare("SELECT * FROM salary_line WHERE id = 101").get()).to.deep.equal({
          id: 101,
          staff_id: 1,
          assignment_id: 11,
          period_month: "2017-09",
          gross_amount: 977.38,
          wage_code: "01",
          paid_on: "2017-09-25",
        });
        expect(db.prepare("SELECT gross_amount FROM salary_line WHERE id = 204").get()).to.deep.equal({ gross_amount: 196.05 });
        expect(db.prepare("SELECT gross_amount FROM salary_line WHERE id = 1041").get()).to.deep.equal({ gross_amount: -1400 });
        expect(db.prepare("SELECT insz, birth_date, typeof(birth_date) AS t FROM staff_member WHERE id = 1").get()).to.deep.equal({
          insz: "91041718481",
          birth_date: "1991-04-17",
          t: "text",
        });
        expect(
          db.prepare("SELECT start_date, end_date, hours_numerator, hours_denominator, monthly_salary FROM assignment WHERE id = 71").get(),
        ).to.deep.equal({
          start_date: "2017-10-01",
          end_date: null,
          hours_numerator: 50,
          hours_denominator: 100,
          monthly_salary: 1325.56,
        });
        expect(
          db.prepare("SELECT received_at, valid_from, typeof(valid_from) AS t FROM rl16_notification WHERE id = 2").get(),
        ).to.deep.equal({
          received_at: "2017-11-23 09:30:00",
          valid_from: "2017-11-21",
          t: "text",
        });
        expect(db.prepare("SELECT cutoff_at FROM payment_calendar WHERE period_month = '2017-11'").get()).to.deep.equal({
          cutoff_at: "2017-11-15 16:00:00",
        });
        const { total } = db
          .prepare("SELECT SUM(gross_amount) AS total FROM salary_line WHERE staff_id = 2 AND period_month = '2017-12'")
          .get() as { total: number };
        expect(Math.round(total * 100)).to.equal(78_421);
      } finally {
        db.close();
      }
    });

    it("refuses a database that already has the contract tables", async () => {
      let error: unknown;
      try {
        await buildDemoDatabase(url, { staff: 0 });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(ContractTablesExistError);
    });

    it("builds the examples alone with staff 0", async () => {
      const onlyExamples = `sqlite:${dir}/examples.sqlite`;
      const built = await buildDemoDatabase(onlyExamples, { staff: 0 });
      expect(built.counts).to.include({
        school_board: 8,
        institution: 8,
        staff_member: 9,
        assignment: 11,
        rl16_notification: 7,
        payment_calendar: 24,
      });
      expect(built.counts).to.include({ adapted_work: 0, performance_line: 0, day_nature: 0, holiday_balance: 0 });
    });

    describe("the benefits-sector rows in the database", () => {
      let db: Database.Database;
      before(() => {
        db = new Database(join(dir, "demo.sqlite"), { readonly: true });
      });
      after(() => db.close());

      type Row = Record<string, unknown>;
      const all = (sql: string, ...parameters: unknown[]) => db.prepare(sql).all(...parameters) as Row[];
      const cents = (value: unknown) => Math.round(Number(value) * 100);
      const firstCutoff = () =>
        String((db.prepare("SELECT cutoff_at FROM payment_calendar WHERE period_month = '2018-01'").get() as Row).cutoff_at);

      it("holds ZIMA002 adapted work of both sub-risks: performance lines only for sub-risk 1, day natures only for 2", () => {
        const perSubRisk = all(
          "SELECT sub_risk, COUNT(DISTINCT staff_id) AS persons FROM adapted_work GROUP BY sub_risk ORDER BY sub_risk",
        );
        expect(perSubRisk.map((r) => r.sub_risk)).to.deep.equal([1, 2, 7]);
        expect(Number(perSubRisk[0].persons)).to.be.at.least(6);
        expect(Number(perSubRisk[1].persons)).to.be.at.least(6);
        expect(
          all("SELECT DISTINCT w.sub_risk FROM performance_line p JOIN adapted_work w ON w.id = p.adapted_work_id").map((r) => r.sub_risk),
        ).to.deep.equal([1]);
        expect(
          all("SELECT DISTINCT w.sub_risk FROM day_nature d JOIN adapted_work w ON w.id = d.adapted_work_id").map((r) => r.sub_risk),
        ).to.deep.equal([2]);
        // every month a sub-risk-1 row touches (up to September 2018) has a code-1 line with days and hours
        for (const work of all("SELECT id, start_date, end_date FROM adapted_work WHERE sub_risk = 1")) {
          const last = work.end_date === null ? "2018-09" : String(work.end_date).slice(0, 7);
          const months = all(
            "SELECT period_month, days, hours FROM performance_line WHERE adapted_work_id = ? AND performance_code = '1' ORDER BY period_month",
            work.id,
          );
          expect(months[0].period_month, `adapted work ${work.id}`).to.equal(String(work.start_date).slice(0, 7));
          expect(months[months.length - 1].period_month, `adapted work ${work.id}`).to.equal(last);
          for (const m of months)
            expect(Number(m.days) > 0 && Number(m.hours) > 0, `adapted work ${work.id} ${m.period_month}`).to.equal(true);
        }
        expect(
          all("SELECT DISTINCT performance_code FROM performance_line ORDER BY performance_code").map((r) => r.performance_code),
        ).to.deep.equal(["1", "50"]);
        expect(all("SELECT DISTINCT code FROM day_nature ORDER BY code").map((r) => r.code)).to.deep.equal(["3.1", "3.5", "5.4", "6.21"]);
      });

      it("starts sub-risk-1 adapted work mid-month, on 16 July 2018 (the glossary's first reference day is 1 July 2018)", () => {
        const staffId = exampleWith("mid-month-start", "ZIMA002");
        expect(staffId).to.equal(5_000_101);
        const [work] = all("SELECT id, sub_risk, start_date, q_hours, s_hours FROM adapted_work WHERE staff_id = ?", staffId);
        expect(work).to.include({ sub_risk: 1, start_date: "2018-07-16", q_hours: 15.2, s_hours: 38 });
        // 12 working days from the 16th at 2 of 5 days a week: 4.8, rounded to 5 days; at 15.20 hours a 2-day week: 38 hours
        expect(
          all("SELECT performance_code, days, hours FROM performance_line WHERE adapted_work_id = ? AND period_month = '2018-07'", work.id),
        ).to.deep.equal([{ performance_code: "1", days: 5, hours: 38 }]);
      });

      it("changes Q mid-month: 19.00 until 12 August 2018, 24.00 from Monday the 13th, both with August lines", () => {
        const staffId = exampleWith("q-change");
        const rows = all(
          "SELECT id, start_date, end_date, days_per_week, q_hours, s_hours FROM adapted_work WHERE staff_id = ? ORDER BY start_date",
          staffId,
        );
        expect(rows.map(({ id: _id, ...rest }) => rest)).to.deep.equal([
          { start_date: "2018-06-04", end_date: "2018-08-12", days_per_week: 2.5, q_hours: 19, s_hours: 38 },
          { start_date: "2018-08-13", end_date: null, days_per_week: 3, q_hours: 24, s_hours: 38 },
        ]);
        const august = all(
          "SELECT adapted_work_id, days, hours FROM performance_line WHERE period_month = '2018-08' AND adapted_work_id IN (?, ?) ORDER BY adapted_work_id",
          rows[0].id,
          rows[1].id,
        );
        expect(august).to.deep.equal([
          { adapted_work_id: rows[0].id, days: 4, hours: 30.4 },
          { adapted_work_id: rows[1].id, days: 9, hours: 72 },
        ]);
      });

      it("stops sub-risk-1 adapted work for good on 17 August 2018: no performance line after August, code 50 in July", () => {
        const staffId = exampleWith("definitive-stop", "ZIMA002");
        const [work] = all("SELECT id, sub_risk, end_date FROM adapted_work WHERE staff_id = ?", staffId);
        expect(work).to.include({ sub_risk: 1, end_date: "2018-08-17" });
        const months = all(
          "SELECT DISTINCT period_month FROM performance_line WHERE adapted_work_id = ? ORDER BY period_month",
          work.id,
        ).map((r) => r.period_month);
        expect(months[months.length - 1]).to.equal("2018-08");
        expect(
          all(
            "SELECT period_month, hours FROM performance_line WHERE adapted_work_id = ? AND performance_code = '50' ORDER BY period_month",
            work.id,
          ),
        ).to.deep.equal([
          { period_month: "2018-01", hours: 7.2 },
          { period_month: "2018-07", hours: 14.4 },
        ]);
      });

      it("puts the sub-risk-2 cases in 2018 (first reference day 1 January 2018) and keeps one person's adapted work before it", () => {
        const subRisk2 = DEMO_BENEFITS_EXAMPLES.filter((x) => x.formType === "ZIMA002" && x.subRisk === 2).map((x) => x.staffId);
        expect(subRisk2.length).to.be.at.least(6);
        const placeholders = subRisk2.map(() => "?").join(", ");
        const allBefore = all(
          `SELECT staff_id FROM adapted_work WHERE staff_id IN (${placeholders}) AND end_date < '2018-01-01'`,
          ...subRisk2,
        ).map((r) => r.staff_id);
        expect(allBefore).to.deep.equal([5_000_207]);
        expect(DEMO_BENEFITS_EXAMPLES.find((x) => x.staffId === 5_000_207)?.features).to.include("before-first-reference-day");
        // the day natures of the others (3.1, 5.4, 6.21) all fall in declared months
        const days = all(
          `SELECT d.day, d.code FROM day_nature d JOIN adapted_work w ON w.id = d.adapted_work_id WHERE w.staff_id IN (${placeholders}) AND w.staff_id <> 5000207`,
          ...subRisk2,
        );
        expect(days.every((d) => String(d.day) >= "2018-01-01")).to.equal(true);
        expect(new Set(days.map((d) => d.code))).to.deep.equal(new Set(["3.1", "5.4", "6.21"]));
      });

      it("has a month of adapted work without any pay (January 2018) between paid months", () => {
        const staffId = exampleWith("zero-pay-month");
        const [work] = all("SELECT start_date, end_date, sub_risk FROM adapted_work WHERE staff_id = ?", staffId);
        expect(work.sub_risk).to.equal(2);
        expect(String(work.start_date) <= "2018-01-01" && String(work.end_date) >= "2018-01-31").to.equal(true);
        const months = all(
          "SELECT DISTINCT period_month FROM salary_line WHERE staff_id = ? AND period_month BETWEEN '2017-12' AND '2018-02'",
          staffId,
        ).map((r) => r.period_month);
        expect(months).to.deep.equal(["2017-12", "2018-02"]);
      });

      it("ends an assignment during adapted work with severance pay coded 03 in that month: three months' salary", () => {
        const staffId = exampleWith("severance");
        const [assignment] = all("SELECT id, end_date, monthly_salary FROM assignment WHERE staff_id = ?", staffId);
        expect(assignment).to.include({ end_date: "2018-04-13", monthly_salary: 3100 });
        const [work] = all("SELECT sub_risk, start_date, end_date FROM adapted_work WHERE staff_id = ?", staffId);
        expect(work).to.include({ sub_risk: 2, end_date: "2018-04-13" });
        expect(String(work.start_date) < String(assignment.end_date)).to.equal(true);
        const april = all(
          "SELECT wage_code, gross_amount FROM salary_line WHERE assignment_id = ? AND period_month = '2018-04' ORDER BY wage_code",
          assignment.id,
        );
        expect(april.map((l) => l.wage_code)).to.deep.equal(["01", "03"]);
        expect(cents(april[1].gross_amount)).to.equal(3 * cents(assignment.monthly_salary));
        expect(all("SELECT COUNT(*) AS n FROM salary_line WHERE wage_code = '03'")).to.deep.equal([{ n: 1 }]);
      });

      it("pays maternity-protection staff with codes 01, 05 and 30, and one year-end bonus coded 02", () => {
        const codes = all(
          "SELECT wage_code, COUNT(*) AS n FROM salary_line WHERE staff_id IN (SELECT staff_id FROM adapted_work WHERE sub_risk = 2) GROUP BY wage_code ORDER BY wage_code",
        );
        expect(codes.map((c) => c.wage_code)).to.deep.equal(["01", "02", "03", "05", "30"]);
        expect(codes.find((c) => c.wage_code === "02")?.n).to.equal(1);
        const [bonus] = all("SELECT staff_id, period_month, gross_amount FROM salary_line WHERE wage_code = '02'");
        expect(bonus).to.deep.equal({ staff_id: exampleWith("wage-code-02"), period_month: "2018-03", gross_amount: 612.35 });
        // every benefits assignment has its theoretical monthly salary
        expect(all("SELECT COUNT(*) AS n FROM assignment WHERE id >= ? AND monthly_salary IS NULL", BENEFITS_FIRST_ID)).to.deep.equal([
          { n: 0 },
        ]);
      });

      it("holds ZIMA005 balances of holiday year 2017 for all four sub-risks, with the codes, half days and hours each allows", () => {
        const bad = new Set(DEMO_BENEFITS_BAD_RECORDS.filter((b) => b.table === "holiday_balance").map((b) => b.id));
        const balances = all(
          `SELECT b.*, a.hours_numerator, a.hours_denominator FROM holiday_balance b JOIN assignment a ON a.id = b.assignment_id AND a.staff_id = b.staff_id ORDER BY b.id`,
        ).filter((b) => !bad.has(Number(b.id)));
        expect(new Set(balances.map((b) => b.holiday_year))).to.deep.equal(new Set([2017]));
        expect([...new Set(balances.map((b) => b.sub_risk))].sort()).to.deep.equal([1, 2, 3, 4]);
        const allowed: Record<number, number[]> = { 1: [1, 2, 3, 5], 2: [8, 9], 3: [1, 2, 3, 5], 4: [8, 9] };
        for (const b of balances) {
          const label = `holiday_balance ${b.id}`;
          if (b.holiday_sector !== 1) {
            expect([b.holiday_code, b.days, b.hours], label).to.deep.equal([null, null, null]);
            continue;
          }
          expect(allowed[Number(b.sub_risk)], label).to.include(b.holiday_code);
          expect((Number(b.days) * 10) % 5, label).to.equal(0);
          // hours only for part-timers (glossary 00198): Q < S of the assignment, or for 3 and 4 of the adapted work
          const [work] = all("SELECT q_hours, s_hours FROM adapted_work WHERE staff_id = ? ORDER BY start_date DESC", b.staff_id);
          const adaptedPartTime = Number(b.sub_risk) >= 3 && Number(work.q_hours) < Number(work.s_hours);
          const partTime = adaptedPartTime || Number(b.hours_numerator) < Number(b.hours_denominator);
          expect(b.hours !== null, label).to.equal(partTime);
        }
        const sectors = balances.map((b) => b.holiday_sector);
        expect(sectors.filter((sector) => sector === 2).length).to.be.at.least(6);
        expect(sectors).to.include(3);
        // all four codes 1, 2, 3 and 5 for sub-risk 1 (block 90089: two lines or four), in half days (8.5)
        expect(
          all("SELECT holiday_code, days FROM holiday_balance WHERE staff_id = ? ORDER BY holiday_code", exampleWith("part-timer-hours")),
        ).to.deep.equal([
          { holiday_code: 1, days: 8.5 },
          { holiday_code: 2, days: 2 },
          { holiday_code: 3, days: 1 },
          { holiday_code: 5, days: 3 },
        ]);
        expect(balances.filter((b) => b.sub_risk === 2).map((b) => b.holiday_code)).to.include.members([8, 9]);
      });

      it("gives sub-risks 3 and 4 adapted work that continues to the end of 2017", () => {
        const staffIds = all("SELECT DISTINCT staff_id FROM holiday_balance WHERE sub_risk IN (3, 4)").map((r) => r.staff_id);
        expect(staffIds.length).to.be.at.least(3);
        for (const staffId of staffIds) {
          const works = all("SELECT start_date, end_date FROM adapted_work WHERE staff_id = ?", staffId);
          expect(
            works.some((w) => String(w.start_date) <= "2017-12-31" && (w.end_date === null || String(w.end_date) >= "2017-12-31")),
            `staff ${staffId}`,
          ).to.equal(true);
        }
      });

      it("registers the balances before January 2018's cut-off, but one in March 2018", () => {
        const january = firstCutoff();
        const march = String((db.prepare("SELECT cutoff_at FROM payment_calendar WHERE period_month = '2018-03'").get() as Row).cutoff_at);
        const late = all("SELECT DISTINCT staff_id, reported_at FROM holiday_balance WHERE reported_at > ?", january);
        expect(late.map((l) => l.staff_id)).to.deep.equal([exampleWith("late-balance")]);
        expect(String(late[0].reported_at).slice(0, 7)).to.equal("2018-03");
        expect(String(late[0].reported_at) <= march).to.equal(true);
        expect(all("SELECT COUNT(*) AS n FROM holiday_balance WHERE reported_at <= ?", january)[0].n).to.be.at.least(20);
      });

      it("holds each deliberately bad benefits record with its bad value", () => {
        expect(DEMO_BENEFITS_BAD_RECORDS.map((b) => [b.rule, b.table, b.column])).to.deep.equal([
          ["SUB_RISK_NOT_ALLOWED", "adapted_work", "sub_risk"],
          ["HOLIDAY_CODE_NOT_ALLOWED", "holiday_balance", "holiday_code"],
          ["DAYS_NOT_IN_HALF_DAYS", "holiday_balance", "days"],
          ["DAY_NATURE_CODE_NOT_ALLOWED", "day_nature", "code"],
        ]);
        for (const bad of DEMO_BENEFITS_BAD_RECORDS) {
          const row = db.prepare(`SELECT * FROM ${bad.table} WHERE id = ?`).get(bad.id) as Row | undefined;
          expect(row, `${bad.table} ${bad.id}`).to.not.equal(undefined);
          expect(String(row?.[bad.column]), `${bad.table} ${bad.id}`).to.equal(String(bad.value));
          const owner =
            bad.table === "day_nature"
              ? (db.prepare("SELECT staff_id FROM adapted_work WHERE id = ?").get(row?.adapted_work_id) as Row).staff_id
              : row?.staff_id;
          expect(owner).to.equal(bad.staffId);
        }
        const holidayBad = all(
          "SELECT sub_risk, holiday_code, days FROM holiday_balance WHERE id IN (?, ?) ORDER BY id",
          DEMO_BENEFITS_BAD_RECORDS[1].id,
          DEMO_BENEFITS_BAD_RECORDS[2].id,
        );
        expect(holidayBad).to.deep.equal([
          { sub_risk: 1, holiday_code: 8, days: 4 },
          { sub_risk: 2, holiday_code: 8, days: 2.3 },
        ]);
      });
    });
  });

  describe("writeContractRows on PostgreSQL", function () {
    const server = { host: "127.0.0.1", port: 5432, user: "postgres" };
    const database = `easr_t_${randomBytes(6).toString("hex")}`;
    let admin: Client | undefined;

    before(async function () {
      const client = new Client({ ...server, database: "test", connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
      } catch {
        this.skip();
      }
      admin = client;
      await admin.query(`CREATE DATABASE ${database}`);
    });

    after(async () => {
      if (!admin) return;
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    });

    it("writes the examples and a population in several statements and reads them back exactly", async () => {
      const url = `postgres://postgres@127.0.0.1:5432/${database}`;
      await createContractTables(url);
      const rows = demoRows(withBenefits(generatePopulation({ staff: MIN_POPULATION_STAFF })));
      const dataSource = await openSourceDatabase(url);
      try {
        await writeContractRows(dataSource, rows);
      } finally {
        await dataSource.destroy();
      }
      const client = new Client({ ...server, database });
      await client.connect();
      try {
        for (const table of CONTRACT_WRITE_ORDER) {
          const result = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`);
          expect(Number(result.rows[0].n), table).to.equal(rowsOf(rows, table).length);
        }
        const line = await client.query(
          "SELECT gross_amount::text AS amount, paid_on::text AS paid_on, period_month FROM salary_line WHERE id = 101",
        );
        expect(line.rows[0]).to.deep.equal({ amount: "977.38", paid_on: "2017-09-25", period_month: "2017-09" });
        const notification = await client.query("SELECT received_at::text AS received_at, message_ref FROM rl16_notification WHERE id = 2");
        expect(notification.rows[0]).to.deep.equal({ received_at: "2017-11-23 09:30:00", message_ref: "RL16-2017-000002" });
        const sum = await client.query(
          "SELECT SUM(gross_amount)::text AS total FROM salary_line WHERE staff_id = 2 AND period_month = '2017-12'",
        );
        expect(sum.rows[0].total).to.equal("784.21");
        const work = await client.query(
          "SELECT q_hours::text AS q, days_per_week::text AS days, end_date::text AS end_date FROM adapted_work WHERE staff_id = 5000102 ORDER BY start_date",
        );
        expect(work.rows).to.deep.equal([
          { q: "19.00", days: "2.5", end_date: "2018-08-12" },
          { q: "24.00", days: "3.0", end_date: null },
        ]);
        const balance = await client.query(
          "SELECT days::text AS days, hours::text AS hours, reported_at::text AS reported_at FROM holiday_balance WHERE staff_id = 5000501 AND holiday_code = 1",
        );
        expect(balance.rows).to.deep.equal([{ days: "8.5", hours: "61.20", reported_at: "2017-12-20 09:30:00" }]);
      } finally {
        await client.end();
      }
    });
  });
});
