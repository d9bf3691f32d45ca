/**
 * ZIMA003 on the CLI path, on every test engine: the worked examples 3-A, 3-B and 3-C of zima-1-3-6.md
 * §2.6 as its errata correct them (6: rows count when reported by the end of the run month; 7: the
 * hourly wage from Q/S x the 38-hour reference week), and their negative variants. Every expected value
 * is worked out here from the note and the glossary FBAMI3 2023/3; the run's clock is set (EASR_CLOCK)
 * so that the forms are created on the dates the examples give.
 */
import { expect } from "chai";
import { type ContractRows } from "../../src/source/contract-writer";
import { at, formsOf, PERSON, type XmlNode } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { exampleAssignment, exampleStaff } from "../support/example-staff";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { expectFolderValid } from "../support/xsd-check";

/** Women's INSZs (even counters) with valid check digits, and a man's (odd counter 121). */
const INSZ_1004 = "92110508627";
const INSZ_1014 = "88013014435";
const INSZ_1003 = "85031420220";
const INSZ_1023 = "90020512478";
const INSZ_1033 = "90020512676";
const INSZ_1053 = "90020512874";
const MAN = "85031420121";

const staff = exampleStaff;

/** An assignment as the examples give them (codes NULL: D13 defaults). */
const assignment = exampleAssignment;

const breaks = (id: number, staffId: number, assignmentId: number, month: string, count: number, reportedAt: string) => ({
  id,
  staff_id: staffId,
  assignment_id: assignmentId,
  period_month: month,
  half_hour_breaks: count,
  reported_at: reportedAt,
});

const ROWS: ContractRows = {
  school_board: [{ id: 1, name: "GO! scholengroep Gent", agency: "AGODI" }],
  institution: [
    { id: 11, board_id: 1, name: "Atheneum Gent", level: "SO" },
    { id: 12, board_id: 1, name: "CLB Gent", level: "CLB" },
  ],
  payment_calendar: [
    { period_month: "2024-02", cutoff_at: "2024-02-15 16:00:00" },
    { period_month: "2024-03", cutoff_at: "2024-03-15 16:00:00" },
    { period_month: "2024-04", cutoff_at: "2024-04-15 16:00:00" },
  ],
  staff_member: [
    staff(1003, INSZ_1003),
    staff(1004, INSZ_1004),
    staff(1014, INSZ_1014),
    staff(1023, INSZ_1023),
    staff(1033, INSZ_1033),
    staff(1043, MAN, "M"),
    staff(1053, INSZ_1053),
  ],
  assignment: [
    // 3-A: one half-time occupation, 19/38, 2.5 days, EUR 1425.00.
    assignment(504, 1004, 11, "2023-09-01", null, ["19.00", "38.00"], "2.5", "1425.00"),
    // 3-B (as staff 1014, so that 3-A stands beside it): 504's twin, and 10/38 from 11 March, 1 day, EUR 800.00.
    assignment(514, 1014, 11, "2023-09-01", null, ["19.00", "38.00"], "2.5", "1425.00"),
    assignment(515, 1014, 12, "2024-03-11", null, ["10.00", "38.00"], "1.0", "800.00"),
    // 3-C: a temporary teacher's 16/32 up to 30 June, 4 days, EUR 977.38; 1023 and 1033 the same.
    assignment(506, 1003, 12, "2023-09-01", "2024-06-30", ["16.00", "32.00"], "4.0", "977.38", "T"),
    assignment(526, 1023, 12, "2023-09-01", "2024-06-30", ["16.00", "32.00"], "4.0", "977.38", "T"),
    assignment(536, 1033, 12, "2023-09-01", "2024-06-30", ["16.00", "32.00"], "4.0", "977.38", "T"),
    assignment(546, 1043, 12, "2023-09-01", "2024-06-30", ["16.00", "32.00"], "4.0", "977.38", "T"),
    // An occupation that ends within April: 00045 is written, and the reference period ends with it.
    assignment(556, 1053, 12, "2023-09-01", "2024-04-19", ["16.00", "32.00"], "4.0", "977.38", "T"),
  ],
  breastfeeding_break: [
    breaks(1, 1004, 504, "2024-03", 40, "2024-03-10 10:00:00"),
    breaks(2, 1014, 514, "2024-03", 30, "2024-03-10 10:00:00"),
    breaks(3, 1014, 515, "2024-03", 12, "2024-03-12 10:00:00"),
    // 3-C: reported after the payroll cut-off but by the end of February: run 2024-02's (errata 6).
    breaks(4, 1003, 506, "2024-02", 58, "2024-02-20 10:00:00"),
    // 3-C reported in March: the reference month stays February, run 2024-03 declares it.
    breaks(5, 1023, 526, "2024-02", 58, "2024-03-05 10:00:00"),
    // Negative variants of 3-C: 59 breaks in February; the same row for a man.
    breaks(6, 1033, 536, "2024-02", 59, "2024-02-20 10:00:00"),
    breaks(7, 1043, 546, "2024-02", 58, "2024-02-20 10:00:00"),
    breaks(8, 1053, 556, "2024-04", 20, "2024-04-25 10:00:00"),
  ],
};

/**
 * 3-C's one link: 16/32 from 2023-09-01 to 2024-06-30 (no 00045: it ends after February), 4 days, February
 * 2024 whole, 58 breaks (2 x 29), 97738 x 1200 / (16/32 x 38 x 52) = 118710.1 → 118710 (errata 7).
 */
const C_FEBRUARY = [
  {
    "00044": "2023-09-01",
    "00045": undefined,
    "00046": "999",
    "00047": "400",
    "00048": "1600",
    "00049": "3200",
    "00074": "2024-02-01",
    "00075": "2024-02-29",
    "00151": "58",
    "00152": "118710",
  },
];

function oneForm(dir: string, insz: string): XmlNode {
  const forms = formsOf(dir, "ZIMA003", insz);
  expect(forms, `ZIMA003 forms of ${insz}`).to.have.length(1);
  return forms[0];
}

/** The OccupationLinks of a form's (only) WorkerRecordLink, in order. */
function linksOf(form: XmlNode): XmlNode[] {
  const person = (form.EmployerDeclarationLink as XmlNode).NaturalPerson as XmlNode;
  const links = (person.WorkerRecordLink as XmlNode).OccupationLink as XmlNode | XmlNode[];
  return Array.isArray(links) ? links : [links];
}

/** The zones of one OccupationLink, in the note's terms. */
function linkZones(link: XmlNode): Record<string, string | undefined> {
  return {
    "00044": at(link, "OccupationStartingDate"),
    "00045": at(link, "OccupationEndingDate"),
    "00046": at(link, "JointCommissionNbr"),
    "00047": at(link, "WorkingDaysSystem"),
    "00048": at(link, "MeanWorkingHours"),
    "00049": at(link, "RefMeanWorkingHours"),
    "00074": at(link, "ReferencePeriod.RefStartingDate"),
    "00075": at(link, "ReferencePeriod.RefEndingDate"),
    "00151": at(link, "ReferencePeriod.BreastFeedingPause.BreastFeedingPauseNbr"),
    "00152": at(link, "ReferencePeriod.BreastFeedingPause.BreastFeedingHourlyGrossSalary"),
  };
}

function examplesOn(engine: TestEngine): void {
  describe(`ZIMA003, the note's examples 3-A, 3-B, 3-C on the CLI path [${engine}]`, function () {
    this.timeout(200_000);
    let workspace: CliWorkspace;

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.withRows("zima003", engine, ROWS);
      await workspace.runAt("2024-02", "2024-03-01T09:00:00+01:00");
      await workspace.runAt("2024-03", "2024-04-02T09:00:00+02:00");
      // Social security accepts every form; then payroll corrects 3-A's breaks (40 → 36) and withdraws 3-B's rows.
      await workspace.acceptAllWritten();
      await workspace.execute("UPDATE breastfeeding_break SET half_hour_breaks = 36 WHERE id = 1");
      await workspace.execute("DELETE FROM breastfeeding_break WHERE staff_id = 1014");
      await workspace.runAt("2024-04", "2024-05-02T09:00:00+02:00");
    });

    after(async () => workspace?.remove());

    it("3-A: one form for March, one link of assignment 504 with 40 breaks at 173077", () => {
      const form = oneForm(workspace.monthDir("2024-03"), INSZ_1004);
      expect(at(form, "RiskIdentification.IdentificationOfRisk")).to.equal("001");
      expect(at(form, "AttestationStatus")).to.equal("0");
      expect(at(form, "FormCreationDate")).to.equal("2024-04-02");
      expect([at(form, `${PERSON}.WorkerRecordLink.EmployerClass`), at(form, `${PERSON}.WorkerRecordLink.WorkerCode`)]).to.deep.equal([
        "011",
        "495",
      ]);
      expect(linksOf(form).map(linkZones)).to.deep.equal([
        {
          "00044": "2023-09-01",
          "00045": undefined,
          "00046": "999",
          "00047": "250",
          "00048": "1900",
          "00049": "3800",
          "00074": "2024-03-01",
          "00075": "2024-03-31",
          "00151": "40",
          "00152": "173077",
        },
      ]);
    });

    it("3-B: one form, one WorkerRecordLink (011/495), two OccupationLinks; 30 + 12 = 42 breaks of at most 62", () => {
      const form = oneForm(workspace.monthDir("2024-03"), INSZ_1014);
      const record = (form.EmployerDeclarationLink as XmlNode).NaturalPerson as XmlNode;
      expect(Array.isArray(record.WorkerRecordLink), "one WorkerRecordLink").to.equal(false);
      expect([at(form, `${PERSON}.WorkerRecordLink.EmployerClass`), at(form, `${PERSON}.WorkerRecordLink.WorkerCode`)]).to.deep.equal([
        "011",
        "495",
      ]);
      expect(linksOf(form).map(linkZones)).to.deep.equal([
        {
          "00044": "2023-09-01",
          "00045": undefined,
          "00046": "999",
          "00047": "250",
          "00048": "1900",
          "00049": "3800",
          "00074": "2024-03-01",
          "00075": "2024-03-31",
          "00151": "30",
          "00152": "173077",
        },
        {
          "00044": "2024-03-11",
          "00045": undefined,
          "00046": "999",
          "00047": "100",
          "00048": "1000",
          "00049": "3800",
          "00074": "2024-03-11",
          "00075": "2024-03-31",
          "00151": "12",
          "00152": "184615",
        },
      ]);
    });

    it("3-C: February's 58 breaks (2 x 29), reported after the cut-off but in February, declared by run 2024-02 at 118710", () => {
      const form = oneForm(workspace.monthDir("2024-02"), INSZ_1003);
      expect(at(form, "FormCreationDate")).to.equal("2024-03-01");
      expect(linksOf(form).map(linkZones)).to.deep.equal(C_FEBRUARY);
      expect(formsOf(workspace.monthDir("2024-03"), "ZIMA003", INSZ_1003), "not again in March").to.deep.equal([]);
    });

    it("3-C reported in March: not in run 2024-02, declared by run 2024-03 for reference month February", () => {
      expect(formsOf(workspace.monthDir("2024-02"), "ZIMA003", INSZ_1023)).to.deep.equal([]);
      const form = oneForm(workspace.monthDir("2024-03"), INSZ_1023);
      expect(at(form, "FormCreationDate")).to.equal("2024-04-02");
      expect(linksOf(form).map(linkZones)).to.deep.equal(C_FEBRUARY);
    });

    it("an occupation ending on 19 April: 00045 2024-04-19 is written and the reference period ends with it (00075 <= 00045)", () => {
      const form = oneForm(workspace.monthDir("2024-04"), INSZ_1053);
      expect(linksOf(form).map(linkZones)).to.deep.equal([
        {
          "00044": "2023-09-01",
          "00045": "2024-04-19",
          "00046": "999",
          "00047": "400",
          "00048": "1600",
          "00049": "3200",
          "00074": "2024-04-01",
          "00075": "2024-04-19",
          "00151": "20",
          "00152": "118710",
        },
      ]);
    });

    it("after acceptance: 3-A's corrected breaks go as a modification with the ticket, 3-B's withdrawn rows as a cancellation; nothing else again", () => {
      const april = workspace.monthDir("2024-04");
      const modified = oneForm(april, INSZ_1004);
      expect([
        at(modified, "AttestationStatus"),
        at(modified, "Reference.0.ReferenceType"),
        at(modified, "Reference.0.ReferenceNbr"),
      ]).to.deep.equal(["1", "3", "TCK0000000001"]);
      expect(linksOf(modified).map((link) => linkZones(link)["00151"])).to.deep.equal(["36"]);
      const cancelled = oneForm(april, INSZ_1014);
      expect([
        at(cancelled, "AttestationStatus"),
        at(cancelled, "Reference.0.ReferenceNbr"),
        at(cancelled, `${PERSON}.WorkerRecordLink`),
      ]).to.deep.equal(["3", "TCK0000000001", undefined]);
      for (const insz of [INSZ_1003, INSZ_1023]) expect(formsOf(april, "ZIMA003", insz), insz).to.deep.equal([]);
      const cancellations = workspace
        .decisionsOf("2024-04")
        .filter((line) => line.kind === "cancellation")
        .map((line) => [
          line.staffId,
          line.formType,
          line.referencePeriod,
          line.subject,
          line.assignmentId,
          (line.reason as { kind: string }).kind,
        ]);
      expect(cancellations).to.deep.equal([[1014, "ZIMA003", "2024-03", "person", 514, "no-breastfeeding-breaks"]]);
    });

    it("the negative variants: 59 breaks in February rejected TOO_MANY_BREAKS, a man's breaks rejected by his INSZ (D21)", () => {
      const rejected = workspace
        .decisionsOf("2024-02")
        .filter((line) => line.kind === "unit" && line.formType === "ZIMA003" && line.status === "rejected")
        .map((line) => [line.staffId, line.rule, line.referencePeriod, line.subject, line.record]);
      expect(rejected).to.deep.equal([
        [
          1033,
          "TOO_MANY_BREAKS",
          "2024-02",
          "person",
          { table: "breastfeeding_break", recordId: "6", field: "half_hour_breaks", value: "59 > 58 in 2024-02" },
        ],
        [
          1043,
          "SEX_DOES_NOT_FIT_RISK",
          "2024-02",
          "person",
          { table: "staff_member", recordId: "1043", field: "insz", value: "the INSZ is of a man; ZIMA003 needs a woman" },
        ],
      ]);
      expect(formsOf(workspace.monthDir("2024-02"), "ZIMA003", INSZ_1033)).to.deep.equal([]);
      expect(formsOf(workspace.monthDir("2024-02"), "ZIMA003", MAN)).to.deep.equal([]);
    });

    it("every file written validates against its official XSD and glossary", async () => {
      for (const month of ["2024-02", "2024-03", "2024-04"])
        expect(await expectFolderValid(workspace.monthDir(month)), month).to.equal(workspace.summaryOf(month).files.length);
      expect(["2024-02", "2024-03", "2024-04"].map((month) => workspace.summaryOf(month).files.length)).to.deep.equal([1, 1, 1]);
    });
  });
}

for (const engine of ENGINES) examplesOn(engine);
