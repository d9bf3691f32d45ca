/**
 * ZIMA001 on the CLI path, on every test engine: the worked examples 1-A, 1-B, 1-C and 6-B of
 * zima-1-3-6.md §1.6 and §3.6 as its errata correct them (2: the assignment's own DmfA codes; 5: the sheet
 * goes with the run of the month before the agency's pay ends; 6: rows count when reported by the end of
 * the run month; 9: example 6-B), and the lifecycle (a modification with the ticket, a cancellation that
 * repeats the risk's start and quarter). Every expected value is worked out here from the note and the
 * glossary FBAMI1 2023/3; the run's clock is set (EASR_CLOCK) so that the forms are created on the dates
 * the examples give.
 */
import { expect } from "chai";
import { DEMO_IDENTITY } from "../../schemas/config.schema";
import type { ContractRows } from "../../src/source/contract-writer";
import { at, formsOf, type XmlNode } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { exampleAssignment, exampleStaff } from "../support/example-staff";
import { expectFolderValid } from "../support/xsd-check";

const INSZ_1001 = "88013014435";
const INSZ_1002 = "85073003328";
const INSZ_1003 = "85031420220";
const INSZ_1005 = "85073003427";
/** The negative variants: 1-B with a 21st leave day (a man), 1-C on an appointment (a woman). */
const INSZ_1012 = "85031420121";
const INSZ_1013 = "90020512478";

/** The assignment's own DmfA codes (errata 2), as errata 9 gives them for 6-B. */
const OWN_CODES = { employer_category: "011", worker_code: "495", joint_committee: "999" };

/** An assignment with the ministry's own DmfA codes. */
const assignment = (
  id: number,
  staffId: number,
  institution: number,
  start: string,
  end: string | null,
  hours: [string, string],
  days: string,
  status: string,
  salary: string,
) => exampleAssignment(id, staffId, institution, start, end, hours, days, salary, status, OWN_CODES);

const ROWS: ContractRows = {
  school_board: [
    {
      id: 1,
      name: "GO! scholengroep Gent",
      agency: "AGODI",
      prevention_service_kbo: "0412345614",
      prevention_service_name: "Externe Dienst A",
    },
    {
      id: 2,
      name: "Katholiek Onderwijs Brugge",
      agency: "AGODI",
      prevention_service_kbo: "0876543270",
      prevention_service_name: "Externe Dienst B",
    },
  ],
  institution: [
    { id: 11, board_id: 1, name: "CLB Gent", level: "CLB", establishment_unit: "2123456791" },
    { id: 12, board_id: 2, name: "Sint-Lodewijkscollege", level: "SO", establishment_unit: "2234567818" },
  ],
  payment_calendar: ["2024-02", "2024-06", "2024-07", "2024-08", "2024-10", "2024-11"].map((month) => ({
    period_month: month,
    cutoff_at: `${month}-15 16:00:00`,
  })),
  staff_member: [
    exampleStaff(1001, INSZ_1001),
    exampleStaff(1002, INSZ_1002, "M"),
    exampleStaff(1003, INSZ_1003),
    exampleStaff(1005, INSZ_1005),
    exampleStaff(1012, INSZ_1012, "M"),
    exampleStaff(1013, INSZ_1013),
  ],
  assignment: [
    assignment(501, 1001, 11, "2022-09-01", null, ["38.00", "38.00"], "5.0", "C", "2850.00"),
    assignment(502, 1002, 12, "2021-09-01", null, ["38.00", "38.00"], "5.0", "C", "2660.00"),
    assignment(503, 1003, 12, "2023-09-01", "2024-06-30", ["16.00", "20.00"], "4.0", "T", "2400.00"),
    assignment(505, 1005, 11, "2022-09-01", null, ["38.00", "38.00"], "5.0", "C", "3000.00"),
    assignment(512, 1012, 12, "2021-09-01", null, ["38.00", "38.00"], "5.0", "C", "2660.00"),
    assignment(513, 1013, 12, "2023-09-01", "2024-06-30", ["16.00", "20.00"], "4.0", "V", "2400.00"),
  ],
  assignment_salary: [
    { assignment_id: 501, valid_from: "2022-09-01", monthly_salary: "2790.00" },
    { assignment_id: 501, valid_from: "2024-01-01", monthly_salary: "2850.00" },
    { assignment_id: 502, valid_from: "2024-01-01", monthly_salary: "2610.00" },
    { assignment_id: 502, valid_from: "2024-10-01", monthly_salary: "2660.00" },
  ],
  absence: [
    {
      id: 9001,
      staff_id: 1001,
      kind: "INCAPACITY",
      first_day: "2024-02-05",
      last_working_day: "2024-02-02",
      paid_until: "2024-03-05",
      paid_day_code: "2.6",
      reported_at: "2024-02-06 09:00:00",
    },
    {
      id: 9002,
      staff_id: 1002,
      kind: "BIRTH_LEAVE",
      first_day: "2024-10-07",
      last_day: "2024-10-18",
      event_date: "2024-10-07",
      paid_until: "2024-10-09",
      reported_at: "2024-09-20 09:00:00",
    },
    {
      id: 9003,
      staff_id: 1002,
      kind: "BIRTH_LEAVE",
      first_day: "2024-11-04",
      last_day: "2024-11-08",
      event_date: "2024-10-07",
      reported_at: "2024-10-30 09:00:00",
    },
    {
      id: 9004,
      staff_id: 1002,
      kind: "BIRTH_LEAVE",
      first_day: "2024-11-18",
      last_day: "2024-11-22",
      event_date: "2024-10-07",
      reported_at: "2024-11-12 09:00:00",
    },
    {
      id: 9005,
      staff_id: 1003,
      kind: "INCAPACITY",
      first_day: "2024-06-10",
      last_working_day: "2024-06-06",
      paid_until: "2024-06-30",
      paid_day_code: "1.3",
      reported_at: "2024-06-11 09:00:00",
    },
    // 1-B's negative variant: the same blocks, the last one a day longer (to Monday 25 November): 21 leave days.
    {
      id: 9012,
      staff_id: 1012,
      kind: "BIRTH_LEAVE",
      first_day: "2024-10-07",
      last_day: "2024-10-18",
      event_date: "2024-10-07",
      paid_until: "2024-10-09",
      reported_at: "2024-09-20 09:00:00",
    },
    {
      id: 9013,
      staff_id: 1012,
      kind: "BIRTH_LEAVE",
      first_day: "2024-11-04",
      last_day: "2024-11-08",
      event_date: "2024-10-07",
      reported_at: "2024-10-30 09:00:00",
    },
    {
      id: 9014,
      staff_id: 1012,
      kind: "BIRTH_LEAVE",
      first_day: "2024-11-18",
      last_day: "2024-11-25",
      event_date: "2024-10-07",
      reported_at: "2024-11-12 09:00:00",
    },
    // 1-C's negative variant: the same illness on an appointment (status V).
    {
      id: 9015,
      staff_id: 1013,
      kind: "INCAPACITY",
      first_day: "2024-06-10",
      last_working_day: "2024-06-06",
      paid_until: "2024-06-30",
      paid_day_code: "1.3",
      reported_at: "2024-06-11 09:00:00",
    },
    {
      id: 9006,
      staff_id: 1005,
      kind: "INCAPACITY",
      first_day: "2024-06-03",
      last_day: "2024-07-19",
      paid_until: "2024-07-02",
      paid_day_code: "2.6",
      reported_at: "2024-07-05 09:00:00",
    },
  ],
  // 1-C: Mon-Thu 10-13, 17-20, 24-27 June, code 1.3, 4.00 hours.
  absence_day: ["10", "11", "12", "13", "17", "18", "19", "20", "24", "25", "26", "27"].map((day, i) => ({
    id: 100 + i,
    absence_id: 9005,
    day: `2024-06-${day}`,
    code: "1.3",
    hours: "4.00",
  })),
  work_resumption: [{ id: 1, absence_id: 9006, resumption_date: "2024-07-22", reported_at: "2024-07-10 09:00:00" }],
};

function oneForm(dir: string, insz: string): XmlNode {
  const forms = formsOf(dir, "ZIMA001", insz);
  expect(forms, `ZIMA001 forms of ${insz}`).to.have.length(1);
  return forms[0];
}

const EMPLOYER = "EmployerDeclaration";
const PERSON_1 = `${EMPLOYER}.NaturalPerson`;
const OCCUPATION = `${PERSON_1}.WorkerRecord.Occupation`;
const RISK = `${OCCUPATION}.RiskDetailOccupation`;

/** The zones of a ZIMA001 with one occupation, in the note's terms. */
function zones(form: XmlNode): Record<string, string | undefined> {
  return {
    "00110": at(form, "AttestationStatus"),
    "00430": at(form, "RiskIdentification.IdentificationOfRisk"),
    "00408": at(form, "RiskDetail.RiskStartingDate"),
    "00128": at(form, "WorkRecovery.WorkRecoveryDate"),
    "90564/00014": at(form, "PreventionService.CompanyID"),
    "90564/00776": at(form, "PreventionService.Denomination"),
    "00013": at(form, `${EMPLOYER}.Quarter`),
    "00011": at(form, `${EMPLOYER}.NOSSRegistrationNbr`),
    "00014": at(form, `${EMPLOYER}.CompanyID`),
    "00024": at(form, `${PERSON_1}.INSS`),
    "00036": at(form, `${PERSON_1}.WorkerRecord.EmployerClass`),
    "00037": at(form, `${PERSON_1}.WorkerRecord.WorkerCode`),
    "00038": at(form, `${PERSON_1}.WorkerRecord.NOSSQuarterStartingDate`),
    "00039": at(form, `${PERSON_1}.WorkerRecord.NOSSQuarterEndingDate`),
    "00040": at(form, `${PERSON_1}.WorkerRecord.Border`),
    "00043": at(form, `${OCCUPATION}.OccupationSequenceNbr`),
    "00044": at(form, `${OCCUPATION}.OccupationStartingDate`),
    "00045": at(form, `${OCCUPATION}.OccupationEndingDate`),
    "00046": at(form, `${OCCUPATION}.JointCommissionNbr`),
    "00047": at(form, `${OCCUPATION}.WorkingDaysSystem`),
    "00050": at(form, `${OCCUPATION}.ContractType`),
    "00049": at(form, `${OCCUPATION}.RefMeanWorkingHours`),
    "00048": at(form, `${OCCUPATION}.MeanWorkingHours`),
    "00054": at(form, `${OCCUPATION}.Retired`),
    "00060": at(form, `${OCCUPATION}.TenthOrTwelfth`),
    "00042": at(form, `${OCCUPATION}.LocalUnitID`),
    // Zone 00617: the ministry's own reference of the occupation, the assignment id.
    "00617": at(form, `${OCCUPATION}.OccupationUserReference`),
    "00410": at(form, `${RISK}.LastWorkingDayDate`),
    "00189": at(form, `${RISK}.CalculationBaseAllowance.RemunerationTimeUnit`),
    "00191": at(form, `${RISK}.CalculationBaseAllowance.RemunerationBasisAmount`),
    "01160": at(form, `${RISK}.CalculationBaseAllowance.StableOccupationIndicator`),
    "00074": at(form, `${RISK}.ReferencePeriod.RefStartingDate`),
    "00075": at(form, `${RISK}.ReferencePeriod.RefEndingDate`),
    "00385": at(form, `${PERSON_1}.ServiceData.ServiceEndingDate`),
  };
}

/** The NatureOfDay entries as [00178, 00179, 00180]. */
function days(form: XmlNode): (string | undefined)[][] {
  const risk = ((((form[EMPLOYER] as XmlNode).NaturalPerson as XmlNode).WorkerRecord as XmlNode).Occupation as XmlNode)
    .RiskDetailOccupation as XmlNode;
  const entries = (risk.ReferencePeriod as XmlNode).NatureOfDay as XmlNode | XmlNode[];
  return (Array.isArray(entries) ? entries : [entries]).map((d) => [at(d, "DayIndicator"), at(d, "DayNatureCode"), at(d, "HoursNumber")]);
}

/** The weekdays from `from` to `to` as --MM-DD (none of the examples' spans holds a public holiday). */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(`--${d.toISOString().slice(5, 10)}`);
  }
  return out;
}

const EMPLOYER_ZONES = {
  "00011": DEMO_IDENTITY.noss,
  "00014": DEMO_IDENTITY.kbo,
  "00036": "011",
  "00037": "495",
  "00040": "0",
  "00043": "1",
  "00046": "999",
  "00054": "0",
  "00060": "12",
  "00189": "4",
};

function examplesOn(engine: TestEngine): void {
  describe(`ZIMA001, the note's examples 1-A, 1-B, 1-C and 6-B on the CLI path [${engine}]`, function () {
    this.timeout(300_000);
    let workspace: CliWorkspace;

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.withRows("zima001", engine, ROWS);
      await workspace.runAt("2024-02", "2024-03-01T09:00:00+01:00");
      await workspace.runAt("2024-06", "2024-07-02T09:00:00+02:00");
      await workspace.runAt("2024-07", "2024-08-02T09:00:00+02:00");
      // Social security accepts every sheet; then payroll corrects 1-A's last working day and withdraws 1-C's absence.
      await workspace.acceptAllWritten();
      await workspace.execute("UPDATE absence SET last_working_day = '2024-02-01' WHERE id = 9001");
      await workspace.execute("DELETE FROM absence_day WHERE absence_id = 9005");
      await workspace.execute("DELETE FROM absence WHERE id = 9005");
      await workspace.runAt("2024-08", "2024-09-03T09:00:00+02:00");
      await workspace.runAt("2024-10", "2024-11-04T09:00:00+01:00");
      await workspace.runAt("2024-11", "2024-12-02T09:00:00+01:00");
    });

    after(async () => workspace?.remove());

    it("1-A (errata 5): run 2024-02 sends the sheet — quarter 20241, 00410 2024-02-02, 00191 279000 on R₂ 2023-09-30, 01160 1, 22 days 2.6 without hours", () => {
      const form = oneForm(workspace.monthDir("2024-02"), INSZ_1001);
      expect(zones(form)).to.deep.equal({
        ...EMPLOYER_ZONES,
        "00110": "0",
        "00430": "001",
        "00408": "2024-02-05",
        "00128": undefined,
        "90564/00014": "0412345614",
        "90564/00776": "Externe Dienst A",
        "00013": "20241",
        "00024": INSZ_1001,
        "00038": "2024-01-01",
        "00039": "2024-03-31",
        "00044": "2022-09-01",
        "00045": undefined,
        "00047": "500",
        "00050": "0",
        "00049": "3800",
        "00048": "3800",
        "00042": "2123456791",
        "00617": "501",
        "00410": "2024-02-02",
        "00191": "279000",
        "01160": "1",
        "00074": "2024-02-05",
        "00075": "2024-03-05",
        "00385": undefined,
      });
      // Feb 5-9, 12-16, 19-23, 26-29, Mar 1, Mar 4-5: 22 weekdays.
      expect(days(form)).to.deep.equal(weekdays("2024-02-05", "2024-03-05").map((d) => [d, "2.6", undefined]));
      expect(days(form)).to.have.length(22);
    });

    it("1-C: run 2024-06 — 12 days 1.3 with 00180 400, 00045 and 00385 2024-06-30, part time (00050 1), board 2's prevention service", () => {
      const form = oneForm(workspace.monthDir("2024-06"), INSZ_1003);
      expect(zones(form)).to.deep.include({
        "00430": "001",
        "00408": "2024-06-10",
        "90564/00014": "0876543270",
        "00013": "20242",
        "00038": "2024-04-01",
        "00039": "2024-06-30",
        "00044": "2023-09-01",
        "00045": "2024-06-30",
        "00047": "400",
        "00050": "1",
        "00049": "2000",
        "00048": "1600",
        "00042": "2234567818",
        "00617": "503",
        "00410": "2024-06-06",
        "00191": "240000",
        "01160": "1",
        "00074": "2024-06-10",
        "00075": "2024-06-30",
        "00385": "2024-06-30",
      });
      const expected = ["10", "11", "12", "13", "17", "18", "19", "20", "24", "25", "26", "27"].map((d) => [`--06-${d}`, "1.3", "400"]);
      expect(days(form)).to.deep.equal(expected);
    });

    it("6-B (errata 9): run 2024-07 sends the sheet with WorkRecovery 00128 2024-07-22 and no ZIMA006, in that run or the next", () => {
      const form = oneForm(workspace.monthDir("2024-07"), INSZ_1005);
      expect(zones(form)).to.deep.include({
        "00408": "2024-06-03",
        "00617": "505",
        "00013": "20242",
        "00128": "2024-07-22",
        "00074": "2024-06-03",
        "00075": "2024-07-02",
        "00191": "300000",
      });
      expect(days(form)).to.deep.equal(weekdays("2024-06-03", "2024-07-02").map((d) => [d, "2.6", undefined]));
      const units = (month: string) =>
        workspace.decisionsOf(month).filter((l) => l.kind === "unit" && l.formType === "ZIMA006" && l.staffId === 1005);
      expect(units("2024-07").map((u) => [u.status, u.reason])).to.deep.equal([["not-eligible", "RESUMPTION_SENT_IN_ZIMA001"]]);
      // Run 2024-08 finds the same: decided before on the same facts, not listed again, and still no form.
      expect(units("2024-08")).to.deep.equal([]);
      expect(workspace.summaryOf("2024-08").forms.ZIMA006).to.deep.include({ declared: 0, unchanged: 1 });
      for (const month of ["2024-07", "2024-08"]) expect(formsOf(workspace.monthDir(month), "ZIMA006", INSZ_1005), month).to.deep.equal([]);
    });

    it("1-B: run 2024-10 waits (the leave is not over); run 2024-11 sends one sheet for the three blocks — 006, 20 days, 1 while paid then 6.10", () => {
      const october = workspace.decisionsOf("2024-10").filter((l) => l.kind === "unit" && l.formType === "ZIMA001" && l.staffId === 1002);
      expect(october.map((l) => [l.status, l.reason, l.subject])).to.deep.equal([["waiting", "RISK_NOT_DUE", "absence:9002"]]);
      const form = oneForm(workspace.monthDir("2024-11"), INSZ_1002);
      expect(zones(form)).to.deep.include({
        "00430": "006",
        "00408": "2024-10-07",
        "90564/00014": undefined,
        "00013": "20244",
        "00038": "2024-10-01",
        "00039": "2024-12-31",
        "00044": "2021-09-01",
        "00042": "2234567818",
        "00617": "502",
        "00410": "2024-10-04",
        "00191": "261000",
        "01160": "1",
        "00074": "2024-10-07",
        "00075": "2024-11-22",
        "00385": undefined,
      });
      const leave = [
        ...weekdays("2024-10-07", "2024-10-18"),
        ...weekdays("2024-11-04", "2024-11-08"),
        ...weekdays("2024-11-18", "2024-11-22"),
      ];
      expect(days(form)).to.deep.equal(leave.map((d) => [d, d <= "--10-09" ? "1" : "6.10", undefined]));
      expect(days(form)).to.have.length(20);
    });

    it("after acceptance: 1-A's corrected last working day is a modification with the ticket; 1-C's withdrawn absence a cancellation with 00408 and the quarter, no WorkerRecord", () => {
      const august = workspace.monthDir("2024-08");
      const modified = oneForm(august, INSZ_1001);
      expect([
        at(modified, "AttestationStatus"),
        at(modified, "Reference.0.ReferenceType"),
        at(modified, "Reference.0.ReferenceNbr"),
      ]).to.deep.equal(["1", "3", "TCK0000000001"]);
      expect(zones(modified)["00410"]).to.equal("2024-02-01");
      const cancelled = oneForm(august, INSZ_1003);
      expect([
        at(cancelled, "AttestationStatus"),
        at(cancelled, "Reference.0.ReferenceNbr"),
        at(cancelled, "RiskIdentification.IdentificationOfRisk"),
        at(cancelled, "RiskDetail.RiskStartingDate"),
        at(cancelled, `${EMPLOYER}.Quarter`),
        at(cancelled, `${PERSON_1}.WorkerRecord.EmployerClass`),
        at(cancelled, "PreventionService.CompanyID"),
      ]).to.deep.equal(["3", "TCK0000000001", "001", "2024-06-10", "20242", undefined, undefined]);
      expect(formsOf(august, "ZIMA001", INSZ_1005), "6-B not again").to.deep.equal([]);
    });

    it("the negative variants: a 21st leave day rejected TOO_MANY_DAYS (90074-090), an appointment not eligible NOT_BENEFITS_INSURED; nothing sent", () => {
      const units = (month: string, staffId: number) =>
        workspace
          .decisionsOf(month)
          .filter((l) => l.kind === "unit" && l.formType === "ZIMA001" && l.staffId === staffId)
          .map((l) => [l.status, l.rule ?? l.reason, l.record ?? null]);
      expect(units("2024-11", 1012)).to.deep.equal([
        ["rejected", "TOO_MANY_DAYS", { table: "absence", recordId: "9012", field: "last_day", value: "21 days > 20" }],
      ]);
      expect(formsOf(workspace.monthDir("2024-11"), "ZIMA001", INSZ_1012)).to.deep.equal([]);
      expect(units("2024-06", 1013)).to.deep.equal([["not-eligible", "NOT_BENEFITS_INSURED", null]]);
      expect(formsOf(workspace.monthDir("2024-06"), "ZIMA001", INSZ_1013)).to.deep.equal([]);
    });

    it("every file written validates against its official XSD and glossary", async () => {
      for (const month of ["2024-02", "2024-06", "2024-07", "2024-08", "2024-11"])
        expect(await expectFolderValid(workspace.monthDir(month)), month).to.equal(workspace.summaryOf(month).files.length);
    });
  });
}

for (const engine of ENGINES) examplesOn(engine);
