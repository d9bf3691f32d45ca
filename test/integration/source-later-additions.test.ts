/**
 * The tables and columns ministry-db.md added in 2026-12 for ZIMA001, ZIMA003 and ZIMA006, on every
 * test engine: `easr db init` creates them, the reader hands their rows out with each person (amounts
 * and hours as integers x 100, codes checked), and a source that does not have them yet still runs:
 * the reader asks it which ones it has, reads a missing column as NULL and a missing table as empty,
 * and the run says once, in its summary, which forms it therefore cannot produce.
 */
import { expect } from "chai";
import type { DataSource } from "typeorm";
import type { PersonSourceData } from "../../src/domain/ministry-records";
import { type ContractRows, writeContractRows } from "../../src/source/contract-writer";
import { MinistryReader, type PersonPageQuery } from "../../src/source/ministry-reader";
import { openSourceDatabase } from "../../src/source/source-database";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";

const QUERY: PersonPageQuery = {
  salaryFrom: "2024-05",
  salaryTo: "2024-07",
  benefitsFrom: "2024-05",
  holidayYearsFrom: 2023,
  holidayYearsTo: 2023,
};

/** Staff 1005 of the note's example 6-B (errata 9): contractual, CLB, 38/38, incapacity from 2024-06-03, resumption 2024-07-22. */
const ROWS: ContractRows = {
  school_board: [
    { id: 1, name: "GO! scholengroep", agency: "AGODI", prevention_service_kbo: "0412345614", prevention_service_name: "Externe Dienst A" },
  ],
  institution: [{ id: 12, board_id: 1, name: "CLB Gent", level: "CLB", establishment_unit: "2123456791" }],
  staff_member: [
    { id: 1005, insz: "85073003328", last_name: "Peeters", first_name: "An", birth_date: "1985-07-30", gender: "F", country_code: "150" },
  ],
  assignment: [
    {
      id: 505,
      staff_id: 1005,
      institution_id: 12,
      start_date: "2022-09-01",
      hours_numerator: "38.00",
      hours_denominator: "38.00",
      status: "C",
      monthly_salary: "3200.00",
      pay_mode: 10,
    },
  ],
  payment_calendar: [{ period_month: "2024-07", cutoff_at: "2024-07-15 16:00:00" }],
  absence: [
    {
      id: 9001,
      staff_id: 1005,
      kind: "INCAPACITY",
      first_day: "2024-06-03",
      last_day: "2024-07-19",
      paid_until: "2024-07-02",
      paid_day_code: "2.6",
      reported_at: "2024-07-05 10:00:00",
    },
    // Before the months read: not read.
    { id: 9000, staff_id: 1005, kind: "INCAPACITY", first_day: "2024-01-08", last_day: "2024-01-12", reported_at: "2024-01-09 10:00:00" },
    // A career break is no risk of the contract (D24 OQ7): read, its kind rejected.
    { id: 9002, staff_id: 1005, kind: "CAREER_BREAK", first_day: "2024-07-01", reported_at: "2024-07-01 10:00:00", prenatal_rest_stop: 1 },
  ],
  absence_day: [{ id: 1, absence_id: 9001, day: "2024-06-03", code: "2.6", hours: "7.60" }],
  work_resumption: [{ id: 1, absence_id: 9001, resumption_date: "2024-07-22", reported_at: "2024-07-10 09:00:00" }],
  breastfeeding_break: [
    { id: 1, staff_id: 1005, assignment_id: 505, period_month: "2024-06", half_hour_breaks: 40, reported_at: "2024-07-01 08:00:00" },
    { id: 2, staff_id: 1005, assignment_id: 505, period_month: "2024-03", half_hour_breaks: 40, reported_at: "2024-04-01 08:00:00" },
  ],
  assignment_salary: [
    { assignment_id: 505, valid_from: "2022-09-01", monthly_salary: "3100.00" },
    { assignment_id: 505, valid_from: "2024-01-01", monthly_salary: "3250.50" },
  ],
};

async function readPerson(url: string): Promise<{ person: PersonSourceData; gaps: string[]; establishmentUnit: string | null }> {
  const dataSource: DataSource = await openSourceDatabase(url);
  try {
    const reader = await MinistryReader.open(dataSource);
    const references = await reader.referenceData();
    return {
      person: await reader.person(1005, QUERY),
      gaps: reader.gaps(),
      establishmentUnit: references.institutions.get(12)!.establishmentUnit,
    };
  } finally {
    await dataSource.destroy();
  }
}

function laterAdditionsOn(engine: TestEngine): void {
  describe(`the parts of the source contract added for ZIMA001/003/006 [${engine}]`, function () {
    this.timeout(200_000);
    let workspace: CliWorkspace;

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.create("later-additions", engine);
      await workspace.initContract();
      const dataSource = await openSourceDatabase(workspace.dbUrl);
      try {
        await writeContractRows(dataSource, ROWS);
      } finally {
        await dataSource.destroy();
      }
    });

    after(async () => workspace?.remove());

    it("reads the added tables and columns with each person: absences of the months read with their days and resumptions, breaks, salaries", async () => {
      const { person, gaps, establishmentUnit } = await readPerson(workspace.dbUrl);
      expect(gaps).to.deep.equal([]);
      expect(establishmentUnit).to.equal("2123456791");
      expect(person.assignments[0]).to.include({ payMode: 10 });
      expect(
        person.absences!.map((a) => [a.id, a.kind, a.firstDay, a.lastDay, a.paidUntil, a.paidDayCode, a.prenatalRestStop]),
      ).to.deep.equal([
        [9001, "INCAPACITY", "2024-06-03", "2024-07-19", "2024-07-02", "2.6", false],
        [9002, null, "2024-07-01", null, null, null, true],
      ]);
      expect(person.absences![1].problems.map((p) => [p.table, p.recordId, p.field, p.rule, p.value])).to.deep.equal([
        ["absence", "9002", "kind", "FIELD_VALUE_NOT_ALLOWED", "CAREER_BREAK"],
      ]);
      expect(person.absenceDays!.map((d) => [d.absenceId, d.day, d.code, d.hours])).to.deep.equal([[9001, "2024-06-03", "2.6", 760]]);
      expect(person.workResumptions!.map((r) => [r.absenceId, r.resumptionDate, r.requestTicket])).to.deep.equal([
        [9001, "2024-07-22", null],
      ]);
      expect(person.breastfeedingBreaks!.map((b) => [b.periodMonth, b.halfHourBreaks])).to.deep.equal([["2024-06", 40]]);
      expect(person.assignmentSalaries!.map((s) => [s.validFrom, s.monthlySalary])).to.deep.equal([
        ["2022-09-01", 310000],
        ["2024-01-01", 325050],
      ]);
    });

    it("reports the rows of the added tables that belong to nothing: an absence or breaks of no staff member, days and resumptions of no absence, salaries of no assignment", async () => {
      const dataSource = await openSourceDatabase(workspace.dbUrl);
      try {
        await writeContractRows(dataSource, {
          payment_calendar: [{ period_month: "2024-06", cutoff_at: "2024-06-14 16:00:00" }],
          absence: [{ id: 9100, staff_id: 99999, kind: "INCAPACITY", first_day: "2024-06-03", reported_at: "2024-06-04 10:00:00" }],
          breastfeeding_break: [
            {
              id: 9,
              staff_id: 99998,
              assignment_id: 505,
              period_month: "2024-06",
              half_hour_breaks: 10,
              reported_at: "2024-06-04 10:00:00",
            },
          ],
          absence_day: [{ id: 9, absence_id: 77777, day: "2024-06-03", code: "2.6" }],
          work_resumption: [{ id: 9, absence_id: 77777, resumption_date: "2024-06-10", reported_at: "2024-06-11 10:00:00" }],
          assignment_salary: [{ assignment_id: 88888, valid_from: "2024-01-01", monthly_salary: "100.00" }],
        });
      } finally {
        await dataSource.destroy();
      }
      await workspace.run("2024-06");
      const items = workspace
        .summaryOf("2024-06")
        .rejectedRecords.items.map((i) => [i.table, i.recordId, i.field, i.rule, i.value, i.staffId]);
      // Breaks make a staff member a person of the run (ZIMA003): those of no staff member are that
      // person's UNKNOWN_STAFF; staff 1005's breaks of 2024-06 are rejected because her INSZ is a man's (D21),
      // and the information sheet of her (unpaid) January illness because assignment 505 carries no DmfA codes (errata 2).
      expect(items).to.deep.equal([
        ["absence", "9100", "staff_id", "UNKNOWN_STAFF", "99999", null],
        ["absence_day", "9", "absence_id", "UNKNOWN_ABSENCE", "77777", null],
        ["work_resumption", "9", "absence_id", "UNKNOWN_ABSENCE", "77777", null],
        ["assignment_salary", "88888 2024-01-01", "assignment_id", "UNKNOWN_ASSIGNMENT", "88888", null],
        ["assignment", "505", "employer_category", "DMFA_CODES_MISSING", "NULL", 1005],
        ["staff_member", "1005", "gender", "SEX_DOES_NOT_FIT_RISK", "F, while the INSZ is of a man", 1005],
        ["breastfeeding_break", "9", "staff_id", "UNKNOWN_STAFF", "99998", 99998],
      ]);
    });

    it("runs on a source without them: missing columns read as NULL, missing tables as empty, and the run says so once in its summary", async () => {
      for (const table of ["absence_day", "work_resumption", "absence", "breastfeeding_break", "assignment_salary"])
        await workspace.execute(`DROP TABLE ${table}`);
      await workspace.execute("ALTER TABLE institution DROP COLUMN establishment_unit");
      await workspace.execute("ALTER TABLE assignment DROP COLUMN pay_mode");
      const { person, gaps, establishmentUnit } = await readPerson(workspace.dbUrl);
      expect(establishmentUnit).to.equal(null);
      expect(person.assignments[0]).to.include({ payMode: null });
      expect(person.assignments[0].problems).to.deep.equal([]);
      expect(person).to.deep.include({
        absences: [],
        absenceDays: [],
        workResumptions: [],
        breastfeedingBreaks: [],
        assignmentSalaries: [],
      });
      const expected = [
        "the source has no column institution.establishment_unit (ministry-db.md, added 2026-12): read as NULL, needed for ZIMA001",
        "the source has no column assignment.pay_mode (ministry-db.md, added 2026-12): read as NULL, needed for ZIMA001",
        "the source has no table absence (ministry-db.md, added 2026-12): read as empty, so no ZIMA001 or ZIMA006 from it",
        "the source has no table absence_day (ministry-db.md, added 2026-12): read as empty, so no ZIMA001 from it",
        "the source has no table breastfeeding_break (ministry-db.md, added 2026-12): read as empty, so no ZIMA003 from it",
        "the source has no table work_resumption (ministry-db.md, added 2026-12): read as empty, so no ZIMA001 or ZIMA006 from it",
        "the source has no table assignment_salary (ministry-db.md, added 2026-12): read as empty, assignment.monthly_salary is the salary of every month",
      ];
      expect(gaps).to.deep.equal(expected);

      const run = await workspace.run("2024-07");
      expect(run.code, run.err.join("\n")).to.equal(0);
      // Said once each, beside the month's other warnings (the RVA limit above the agency's threshold in 2024).
      expect(workspace.summaryOf("2024-07").warnings.filter((w) => w.startsWith("the source has no"))).to.deep.equal(expected);
    });
  });
}

for (const engine of ENGINES) laterAdditionsOn(engine);
