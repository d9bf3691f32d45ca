/**
 * ZIMA006 on the CLI path, on every test engine: the worked examples 6-A and 6-C of zima-1-3-6.md §3.6
 * as its errata correct them (6: a row counts when reported by the end of the run month; 8: declared when
 * the absence outlasted what the agency paid; 9: 6-C with assignment 507 in force on the day), a late
 * report, the negative variants, and the lifecycle (a modification with the ticket, a cancellation that
 * repeats the day it cancels). Every expected value is worked out here from the note, seed 001 and the
 * glossary FBAMI6 2023/3; the run's clock is set (EASR_CLOCK) so that the forms are created on the dates
 * the examples give.
 */
import { join } from "node:path";
import { expect } from "chai";
import { readPayslipExtract } from "../../reports/payslip-copy";
import { DEMO_IDENTITY } from "../../schemas/config.schema";
import { type ContractRows } from "../../src/source/contract-writer";
import { at, formsOf, PERSON, type XmlNode } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { exampleAssignment, exampleStaff } from "../support/example-staff";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { expectFolderValid } from "../support/xsd-check";

/** Valid INSZs: 1001 and 1003 as the note gives them; the others women's numbers with valid check digits. */
const INSZ_1001 = "88013014435";
const INSZ_1003 = "85031420220";
const INSZ_1005 = "92110508627";
const INSZ_1013 = "90020512478";
const INSZ_1023 = "90020512676";
const INSZ_1033 = "90020512874";

const staff = exampleStaff;

/** An assignment of EUR 2400.00, five days a week when full time, else four. */
const assignment = (
  id: number,
  staffId: number,
  institution: number,
  start: string,
  end: string | null,
  hours: [string, string],
  status: string,
) => exampleAssignment(id, staffId, institution, start, end, hours, hours[0] === hours[1] ? "5.0" : "4.0", "2400.00", status);

function absence(id: number, staffId: number, firstDay: string, lastDay: string | null, paidUntil: string, reportedAt: string) {
  return {
    id,
    staff_id: staffId,
    kind: "INCAPACITY",
    first_day: firstDay,
    last_day: lastDay,
    paid_until: paidUntil,
    paid_day_code: "2.6",
    reported_at: reportedAt,
  };
}

const resumption = (id: number, absenceId: number, date: string, reportedAt: string) => ({
  id,
  absence_id: absenceId,
  resumption_date: date,
  reported_at: reportedAt,
});

const ROWS: ContractRows = {
  school_board: [
    { id: 1, name: "GO! scholengroep Gent", agency: "AGODI" },
    { id: 2, name: "Katholiek Onderwijs Brugge", agency: "AGODI" },
  ],
  institution: [
    { id: 11, board_id: 1, name: "CLB Gent", level: "CLB" },
    { id: 12, board_id: 2, name: "Sint-Lodewijkscollege", level: "SO" },
  ],
  payment_calendar: ["2024-03", "2024-04", "2024-05", "2024-10", "2024-11"].map((month) => ({
    period_month: month,
    cutoff_at: `${month}-15 16:00:00`,
  })),
  staff_member: [
    staff(1001, INSZ_1001),
    staff(1003, INSZ_1003),
    staff(1005, INSZ_1005),
    staff(1013, INSZ_1013),
    staff(1023, INSZ_1023),
    staff(1033, INSZ_1033),
  ],
  assignment: [
    // 1-A: contractual, CLB, 38/38 from 2022-09-01.
    assignment(501, 1001, 11, "2022-09-01", null, ["38.00", "38.00"], "C"),
    // 1-C and errata 9: a temporary's 16/20 up to 30 June, and assignment 507 from 1 September.
    assignment(503, 1003, 12, "2023-09-01", "2024-06-30", ["16.00", "20.00"], "T"),
    assignment(507, 1003, 12, "2024-09-01", null, ["16.00", "20.00"], "T"),
    // 1005: as 1-A (its form is cancelled later); 1013: as 6-C (reported late); 1023: a fully paid illness; 1033 appointed.
    assignment(505, 1005, 11, "2022-09-01", null, ["38.00", "38.00"], "C"),
    assignment(513, 1013, 12, "2023-09-01", "2024-06-30", ["16.00", "20.00"], "T"),
    assignment(517, 1013, 12, "2024-09-01", null, ["16.00", "20.00"], "T"),
    assignment(523, 1023, 11, "2022-09-01", null, ["38.00", "38.00"], "C"),
    assignment(533, 1033, 11, "2010-09-01", null, ["38.00", "38.00"], "V"),
  ],
  absence: [
    // 1-A: from 2024-02-05, ongoing, guaranteed wage until 2024-03-05.
    absence(9001, 1001, "2024-02-05", null, "2024-03-05", "2024-02-06 09:00:00"),
    // 1-C: from 2024-06-10, ongoing, paid by the education sector until 2024-06-30.
    absence(9005, 1003, "2024-06-10", null, "2024-06-30", "2024-06-11 09:00:00"),
    absence(9011, 1005, "2024-02-05", null, "2024-03-05", "2024-02-06 09:00:00"),
    absence(9015, 1013, "2024-06-10", null, "2024-06-30", "2024-06-11 09:00:00"),
    // A fully paid three-day illness (8-10 April, paid until the 10th).
    absence(9021, 1023, "2024-04-08", "2024-04-10", "2024-04-10", "2024-04-08 09:00:00"),
    absence(9031, 1033, "2024-02-05", null, "2024-03-05", "2024-02-06 09:00:00"),
  ],
  work_resumption: [
    // 6-A: announced on 12 April, work resumed on 15 April.
    resumption(1, 9001, "2024-04-15", "2024-04-12 10:00:00"),
    // 6-C: work resumed on 2 September, reported on 20 October.
    resumption(2, 9005, "2024-09-02", "2024-10-20 09:00:00"),
    resumption(3, 9011, "2024-04-15", "2024-04-12 10:00:00"),
    // The day after the paid illness: the mutuality paid nothing, has no file.
    resumption(4, 9021, "2024-04-11", "2024-04-11 08:00:00"),
    resumption(5, 9031, "2024-04-15", "2024-04-12 10:00:00"),
  ],
};

/** The one ZIMA006 form of a person in a month's files. */
function oneForm(dir: string, insz: string): XmlNode {
  const forms = formsOf(dir, "ZIMA006", insz);
  expect(forms, `ZIMA006 forms of ${insz}`).to.have.length(1);
  return forms[0];
}

/** The zones of a ZIMA006 in the note's terms (zima-1-3-6.md §3.2, §3.6). */
function zones(form: XmlNode): Record<string, string | undefined> {
  return {
    "00296": at(form, "Identification"),
    "00218": at(form, "FormCreationDate"),
    "00110": at(form, "AttestationStatus"),
    "00297": at(form, "TypeForm"),
    "00430": at(form, "RiskIdentification.IdentificationOfRisk"),
    "00011": at(form, "EmployerDeclarationLink.NOSSRegistrationNbr"),
    "00012": at(form, "EmployerDeclarationLink.Trusteeship"),
    "00014": at(form, "EmployerDeclarationLink.CompanyID"),
    "00024": at(form, `${PERSON}.INSS`),
    "00128": at(form, `${PERSON}.WorkRecovery.WorkRecoveryDate`),
    "00221": at(form, "Reference.0.ReferenceType"),
    "00298": at(form, "Reference.0.ReferenceOrigin"),
    "00222": at(form, "Reference.0.ReferenceNbr"),
  };
}

/** An original the note's way: spontaneous, risk 001, the ministry's identity, no reference. */
function original(created: string, insz: string, resumed: string): Record<string, string | undefined> {
  return {
    "00296": "ZIMA006",
    "00218": created,
    "00110": "0",
    "00297": "SU",
    "00430": "001",
    "00011": DEMO_IDENTITY.noss,
    "00012": "0",
    "00014": DEMO_IDENTITY.kbo,
    "00024": insz,
    "00128": resumed,
    "00221": undefined,
    "00298": undefined,
    "00222": undefined,
  };
}

function examplesOn(engine: TestEngine): void {
  describe(`ZIMA006, the note's examples 6-A and 6-C on the CLI path [${engine}]`, function () {
    this.timeout(200_000);
    let workspace: CliWorkspace;

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.withRows("zima006", engine, ROWS);
      await workspace.runAt("2024-03", "2024-04-02T09:00:00+02:00");
      await workspace.runAt("2024-04", "2024-05-02T09:00:00+02:00");
      // Social security accepts April's forms; then payroll corrects 6-A's day (2 May, not 15 April) and withdraws 1005's row.
      await workspace.acceptAllWritten();
      await workspace.execute("UPDATE work_resumption SET resumption_date = '2024-05-02' WHERE id = 1");
      await workspace.execute("DELETE FROM work_resumption WHERE id = 3");
      await workspace.runAt("2024-05", "2024-06-03T09:00:00+02:00");
      await workspace.runAt("2024-10", "2024-11-02T09:00:00+01:00");
      // 1013's resumption of 2 September reaches payroll only on 8 November, after run 2024-10.
      await workspace.execute(
        "INSERT INTO work_resumption (id, absence_id, resumption_date, reported_at) VALUES (6, 9015, '2024-09-02', '2024-11-08 10:00:00')",
      );
      await workspace.runAt("2024-11", "2024-12-02T09:00:00+01:00");
    });

    after(async () => workspace?.remove());

    it("6-A: run 2024-03 has no ZIMA006 (work resumed in April); run 2024-04, created 2024-05-02, declares 00128 2024-04-15", () => {
      expect(formsOf(workspace.monthDir("2024-03"), "ZIMA006", INSZ_1001)).to.deep.equal([]);
      expect(zones(oneForm(workspace.monthDir("2024-04"), INSZ_1001))).to.deep.equal(original("2024-05-02", INSZ_1001, "2024-04-15"));
      // Deadline: the first working day of June 2024, Monday the 3rd; the form of 2 May is in time.
      const unit = workspace
        .decisionsOf("2024-04")
        .find((line) => line.kind === "unit" && line.formType === "ZIMA006" && line.staffId === 1001);
      expect(unit).to.deep.include({ status: "declared", referencePeriod: "2024-04", subject: "resumption:1", assignmentId: 501 });
      expect(unit?.flags).to.equal(undefined);
      expect((unit?.declared as Record<string, unknown>).deadline).to.equal("2024-06-03");
    });

    it("6-C (errata 6, 9): reported on 20 October, declared by run 2024-10 created 2024-11-02, before the deadline of 2024-11-04", () => {
      expect(zones(oneForm(workspace.monthDir("2024-10"), INSZ_1003))).to.deep.equal(original("2024-11-02", INSZ_1003, "2024-09-02"));
      const unit = workspace
        .decisionsOf("2024-10")
        .find((line) => line.kind === "unit" && line.formType === "ZIMA006" && line.staffId === 1003);
      // Assignment 503 ended on 30 June: the unit is 507's, in force on 2 September.
      expect(unit).to.deep.include({ status: "declared", assignmentId: 507, subject: "resumption:2", referencePeriod: "2024-09" });
      expect(unit?.flags).to.equal(undefined);
      expect(formsOf(workspace.monthDir("2024-11"), "ZIMA006", INSZ_1003), "not again").to.deep.equal([]);
    });

    it("reported after the deadline: 1013's resumption of 2 September, registered on 8 November, goes with run 2024-11 flagged LATE_RESUMPTION", () => {
      expect(formsOf(workspace.monthDir("2024-10"), "ZIMA006", INSZ_1013)).to.deep.equal([]);
      expect(zones(oneForm(workspace.monthDir("2024-11"), INSZ_1013))).to.deep.equal(original("2024-12-02", INSZ_1013, "2024-09-02"));
      const counts = workspace.summaryOf("2024-11").forms.ZIMA006;
      expect([counts.declared, counts.flagged]).to.deep.equal([1, { LATE_RESUMPTION: 1 }]);
    });

    it("the negative variants: a fully paid illness is not declared (RESUMPTION_IN_PAID_PERIOD), nor an appointment's (NOT_BENEFITS_INSURED, D25)", () => {
      const april = workspace.monthDir("2024-04");
      expect(formsOf(april, "ZIMA006", INSZ_1023)).to.deep.equal([]);
      expect(formsOf(april, "ZIMA006", INSZ_1033)).to.deep.equal([]);
      const notEligible = workspace
        .decisionsOf("2024-04")
        .filter((line) => line.kind === "unit" && line.formType === "ZIMA006" && line.status === "not-eligible")
        .map((line) => [line.staffId, line.reason, line.subject]);
      expect(notEligible).to.deep.equal([
        [1023, "RESUMPTION_IN_PAID_PERIOD", "resumption:4"],
        [1033, "NOT_BENEFITS_INSURED", "resumption:5"],
      ]);
      const counts = workspace.summaryOf("2024-04").forms.ZIMA006;
      expect([counts.considered, counts.declared, counts.notEligible, counts.waiting, counts.rejected]).to.deep.equal([4, 2, 2, 0, 0]);
    });

    it("after acceptance: a day moved to May is a modification with the ticket (one event, whatever its month); a withdrawn row a cancellation that repeats the day it cancels", () => {
      const may = workspace.monthDir("2024-05");
      const modified = zones(oneForm(may, INSZ_1001));
      expect(modified).to.deep.equal({
        ...original("2024-06-03", INSZ_1001, "2024-05-02"),
        "00110": "1",
        "00221": "3",
        "00298": "2",
        "00222": "TCK0000000001",
      });
      // WorkRecovery (90016) is indispensable in every ZIMA006: the cancellation carries the day that was accepted.
      expect(zones(oneForm(may, INSZ_1005))).to.deep.equal({
        ...original("2024-06-03", INSZ_1005, "2024-04-15"),
        "00110": "3",
        "00221": "3",
        "00298": "2",
        "00222": "TCK0000000001",
      });
      const cancellations = workspace
        .decisionsOf("2024-05")
        .filter((line) => line.kind === "cancellation")
        .map((line) => [line.staffId, line.formType, line.referencePeriod, line.subject, (line.reason as { kind: string }).kind]);
      expect(cancellations).to.deep.equal([[1005, "ZIMA006", "2024-04", "resumption:3", "no-resumption"]]);
    });

    it("the staff member's copy names the school, the day and the risk, and not the hours the form does not carry", async () => {
      const records = [];
      for await (const record of readPayslipExtract(join(workspace.monthDir("2024-04"), "payslip-extract-2024-04.csv")))
        records.push(record);
      const mine = records.filter((r) => r.staffId === 1001 && r.formType === "ZIMA006");
      expect(mine).to.have.length(1);
      const fileName = workspace.summaryOf("2024-04").files.find((f) => f.formType === "ZIMA006")?.fileName;
      expect(mine[0].lines.filter((line) => line !== "")).to.deep.equal([
        "Aangifte sociaal risico ZIMA 006 – werkhervatting april 2024",
        "Instelling: CLB Gent",
        "Werkhervatting op 2024-04-15 na arbeidsongeschiktheid",
        `Bestand ${fileName}, volgnummer ${mine[0].sequenceNbr}`,
      ]);
    });

    it("every file written validates against its official XSD and glossary", async () => {
      for (const month of ["2024-04", "2024-05", "2024-10", "2024-11"])
        expect(await expectFolderValid(workspace.monthDir(month)), month).to.equal(workspace.summaryOf(month).files.length);
    });
  });
}

for (const engine of ENGINES) examplesOn(engine);
