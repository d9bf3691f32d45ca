/**
 * The benchmark's synthetic population at a small scale: the same rows for the same seed, rows that
 * keep the source contract, the requested number of notified persons with about a third of them
 * eligible for WECH006 in March 2018, the same notified persons when only the staff doubles; the
 * SQLite file the bench caches, the floor's read window and read, and the bench's options. No timing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect } from "chai";
import { isValidInsz, isValidKbo, isValidNoss } from "../../src/domain/check-digits";
import { parseBenchOptions, scaleOf } from "../../tools/bench/bench-main";
import { floorRead, readWindow } from "../../tools/bench/floor";
import { countRows, populationFileName, writeSqlitePopulation } from "../../tools/bench/population-database";
import {
  generateSyntheticPopulation,
  type PopulationScale,
  POPULATION_TABLES,
  type PopulationValue,
} from "../../tools/bench/synthetic-population";

type Rows = Record<string, PopulationValue[][]>;

function collect(scale: PopulationScale): Rows {
  const rows: Rows = {};
  generateSyntheticPopulation(scale, (table, values) => (rows[table] ??= []).push([...values]));
  return rows;
}

/** Rows of `table` as objects keyed by contract column name. */
function records(rows: Rows, table: string): Record<string, PopulationValue>[] {
  const columns = POPULATION_TABLES.find((t) => t.name === table)!.columns;
  return (rows[table] ?? []).map((values) => Object.fromEntries(columns.map((column, i) => [column.name, values[i]])));
}

const SCALE: PopulationScale = { staff: 3000, notified: 900, seed: 11 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe("bench: synthetic population", () => {
  const rows = collect(SCALE);

  it("is the same for the same scale and seed, and another for another seed", () => {
    expect(JSON.stringify(collect(SCALE))).to.equal(JSON.stringify(rows));
    expect(JSON.stringify(collect({ ...SCALE, seed: 12 }).assignment)).to.not.equal(JSON.stringify(rows.assignment));
  });

  it("writes rows that keep the contract: columns, NOT NULL, lengths, date shapes, check digits, references", () => {
    for (const table of POPULATION_TABLES) {
      expect(rows[table.name], table.name).to.not.be.empty;
      for (const values of rows[table.name]) {
        expect(values).to.have.length(table.columns.length);
        table.columns.forEach((column, i) => {
          const value = values[i];
          if (!column.nullable) expect(value, `${table.name}.${column.name}`).to.not.equal(null);
          if (value === null) return;
          const kind = column.type.kind;
          if (kind === "varchar" || kind === "char")
            expect(String(value).length, `${table.name}.${column.name}`).to.be.at.most(column.type.length);
          if (kind === "date") expect(value, `${table.name}.${column.name}`).to.match(DATE);
          if (kind === "timestamp") expect(value, `${table.name}.${column.name}`).to.match(TIMESTAMP);
          if (kind === "integer" || kind === "smallint" || kind === "decimal")
            expect(value, `${table.name}.${column.name}`).to.be.a("number");
        });
      }
    }
    const staff = records(rows, "staff_member");
    expect(staff.map((s) => s.id)).to.deep.equal(Array.from({ length: SCALE.staff }, (_, i) => i + 1));
    expect(staff.every((s) => /^\d{11}$/.test(String(s.insz)) && isValidInsz(String(s.insz)))).to.equal(true);
    expect(new Set(staff.map((s) => s.insz)).size).to.equal(SCALE.staff);
    const boards = records(rows, "school_board");
    expect(boards.every((b) => isValidKbo(String(b.kbo_number)) && isValidNoss(String(b.noss_number)))).to.equal(true);
    const boardIds = new Set(boards.map((b) => b.id));
    const institutions = records(rows, "institution");
    expect(institutions.every((i) => boardIds.has(i.board_id))).to.equal(true);
    const institutionIds = new Set(institutions.map((i) => i.id));
    const assignments = records(rows, "assignment");
    const assignmentStaff = new Map(assignments.map((a) => [a.id, a.staff_id]));
    for (const a of assignments) {
      expect(institutionIds.has(a.institution_id)).to.equal(true);
      expect(Number(a.hours_numerator)).to.be.greaterThan(0).and.at.most(Number(a.hours_denominator));
      if (a.end_date !== null) expect(String(a.end_date) >= String(a.start_date)).to.equal(true);
    }
    for (const line of records(rows, "salary_line")) {
      if (line.assignment_id !== null) expect(assignmentStaff.get(line.assignment_id)).to.equal(line.staff_id);
      expect(line.period_month).to.match(/^\d{4}-\d{2}$/);
    }
    const notifications = records(rows, "rl16_notification");
    expect(new Set(notifications.map((n) => n.message_ref)).size).to.equal(notifications.length);
    expect(notifications.every((n) => boardIds.has(n.board_id) && Number(n.staff_id) <= SCALE.staff)).to.equal(true);
    expect(records(rows, "payment_calendar").map((c) => c.period_month)).to.include.members(["2017-09", "2018-03", "2019-08"]);
  });

  it("has the requested notified persons, about 2.2 assignments per staff member and lines for every month in force", () => {
    const notified = new Set(records(rows, "rl16_notification").map((n) => n.staff_id));
    expect(notified.size).to.equal(SCALE.notified);
    const perStaff = rows.assignment.length / SCALE.staff;
    expect(perStaff).to.be.within(2.0, 2.5);
    expect(rows.salary_line.length / rows.assignment.length).to.be.within(9, 14);
  });

  it("makes 30-40 % of the notified eligible for WECH006 in March 2018 (occupation < 80 %, gross < EUR 1600)", () => {
    const notifications = records(rows, "rl16_notification").filter(
      (n) => String(n.valid_from) <= "2018-03-31" && (n.withdrawn_from === null || String(n.withdrawn_from) > "2018-03-01"),
    );
    const inTime = new Set(notifications.filter((n) => String(n.received_at) <= "2018-03-15 16:00:00").map((n) => n.staff_id));
    const occupation = new Map<PopulationValue, number>();
    for (const a of records(rows, "assignment")) {
      if (String(a.start_date) > "2018-03-31" || (a.end_date !== null && String(a.end_date) < "2018-03-01")) continue;
      occupation.set(a.staff_id, (occupation.get(a.staff_id) ?? 0) + Number(a.hours_numerator) / Number(a.hours_denominator));
    }
    const gross = new Map<PopulationValue, number>();
    for (const line of records(rows, "salary_line")) {
      if (line.period_month === "2018-03")
        gross.set(line.staff_id, (gross.get(line.staff_id) ?? 0) + Math.round(Number(line.gross_amount) * 100));
    }
    const eligible = [...inTime].filter((id) => occupation.has(id) && occupation.get(id)! < 0.8 && (gross.get(id) ?? 0) < 160_000);
    expect(eligible.length / SCALE.notified).to.be.within(0.3, 0.4);
    // And the others are not all alike: some work too much, some earn too much.
    const overOccupied = [...inTime].filter((id) => (occupation.get(id) ?? 0) >= 0.8).length;
    const overPaid = [...inTime].filter((id) => (occupation.get(id) ?? 1) < 0.8 && (gross.get(id) ?? 0) >= 160_000).length;
    expect(overOccupied / SCALE.notified).to.be.within(0.15, 0.35);
    expect(overPaid / SCALE.notified).to.be.within(0.2, 0.4);
  });

  it("gives the notified persons the same assignments, pay and notifications when only the staff doubles", () => {
    const doubled = collect({ ...SCALE, staff: SCALE.staff * 2 });
    const notifiedFacts = (source: Rows) => {
      const notified = new Set(records(source, "rl16_notification").map((n) => n.staff_id));
      const rank = new Map([...notified].sort((a, b) => Number(a) - Number(b)).map((id, i) => [id, i]));
      const facts = records(source, "assignment")
        .filter((a) => notified.has(a.staff_id))
        .map((a) =>
          [rank.get(a.staff_id), a.institution_id, a.start_date, a.end_date, a.hours_numerator, a.hours_denominator, a.monthly_salary].join(
            "|",
          ),
        );
      const notices = records(source, "rl16_notification").map((n) =>
        [rank.get(n.staff_id), n.valid_from, n.received_at, n.withdrawn_from].join("|"),
      );
      return { facts, notices };
    };
    expect(records(doubled, "staff_member")).to.have.length(SCALE.staff * 2);
    expect(notifiedFacts(doubled)).to.deep.equal(notifiedFacts(rows));
  });

  it("refuses more notified persons than staff", () => {
    expect(() => generateSyntheticPopulation({ staff: 10, notified: 11, seed: 1 }, () => undefined)).to.throw(RangeError);
  });
});

describe("bench: the SQLite population and the floor", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "easr-bench-test-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the population into contract tables made by createContractTables, and the floor reads the run's rows of the month", async () => {
    const scale: PopulationScale = { staff: 600, notified: 180, seed: 5 };
    const path = join(dir, populationFileName(scale));
    const counts = await writeSqlitePopulation(scale, path);
    const inFile = countRows(path);
    for (const table of POPULATION_TABLES) expect(inFile[table.name], table.name).to.equal(counts.rows[table.name]);
    expect(inFile.notified_staff).to.equal(180);
    const db = new Database(path, { readonly: true });
    try {
      const row = db.prepare("SELECT typeof(gross_amount) AS money, typeof(period_month) AS month FROM salary_line LIMIT 1").get() as {
        money: string;
        month: string;
      };
      expect(row).to.deep.equal({ money: "real", month: "text" });
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_bench_%'").all();
      expect(indexes).to.have.length(4);
    } finally {
      db.close();
    }
    const read = floorRead(path, "2018-03");
    expect(read.rows.staff_member).to.equal(180);
    expect(read.rows.institution).to.equal(counts.rows.institution);
    // Salary lines of the notified from 2016-09 (none before 2017-09 exist) to 2018-03.
    const db2 = new Database(path, { readonly: true });
    try {
      const expected = db2
        .prepare(
          "SELECT COUNT(*) AS n FROM salary_line WHERE staff_id IN (SELECT staff_id FROM rl16_notification) AND period_month <= '2018-03'",
        )
        .get() as { n: number };
      expect(read.rows.salary_line).to.equal(expected.n);
    } finally {
      db2.close();
    }
  });

  it("reads back from the start of the previous school year, as monthSetting does", () => {
    expect(readWindow("2018-03")).to.deep.equal({ notificationsValidFrom: "2016-09-01", salaryFrom: "2016-09", salaryTo: "2018-03" });
    expect(readWindow("2018-09")).to.deep.equal({ notificationsValidFrom: "2017-09-01", salaryFrom: "2017-09", salaryTo: "2018-09" });
  });

  it("takes the scale factor and the populations from the command line", () => {
    const options = parseBenchOptions(["--scale", "0.05", "--only", "full,double", "--no-postgres"], {});
    expect(options.only).to.deep.equal(["full", "double"]);
    expect(options.postgres).to.equal(false);
    expect(scaleOf("double", options)).to.deep.equal({ staff: 20_000, notified: 3_000, seed: options.seed });
    expect(options.answerMb, "the answer is measured only when --only names it").to.equal(0);
    expect(parseBenchOptions(["--only", "answer", "--answer-mb", "20"], {})).to.deep.include({ only: [], answerMb: 20 });
    expect(parseBenchOptions([], {}).answerMb, "by default a 1 GB answer").to.equal(1024);
    expect(() => parseBenchOptions(["--only", "triple"], {})).to.throw(/full, half, double and answer/);
  });
});
