/**
 * ZIMA003 month by month on the worked examples of zima-1-3-6.md §2.6 as its errata correct them
 * (6: rows count when reported by the end of the run month; 7: the hourly wage from Q/S x 38 h), each
 * figure worked out by hand in the test names, and its negative variants.
 */
import { expect } from "chai";
import type {
  AssignmentRecord,
  AssignmentSalaryRecord,
  BreastfeedingBreakRecord,
  PersonSourceData,
  ReferenceData,
} from "../../../src/domain/ministry-records";
import { cents } from "../../../src/domain/money";
import type { YearMonth } from "../../../src/domain/year-month";
import { prepareBenefitsPerson } from "../../../src/rules/benefits-person";
import { decideZima003, planZima003, type Zima003Month } from "../../../src/rules/zima003";
import { assignmentRecord } from "../../support/records";
import { testFrame } from "../../support/run-frame";

/** Institutions 11 (CLB) and 12 (SO) of §1.6, both of board 1. */
const REFERENCES: ReferenceData = {
  boards: new Map([[1, { id: 1, name: "Board", agency: "AGODI", preventionServiceKbo: null, preventionServiceName: null, problems: [] }]]),
  institutions: new Map([
    [11, { id: 11, boardId: 1, name: "CLB", level: "CLB", establishmentUnit: "2123456791", problems: [] }],
    [12, { id: 12, boardId: 1, name: "School", level: "SO", establishmentUnit: "2234567818", problems: [] }],
  ]),
};

const A504 = assignmentRecord({
  id: 504,
  staffId: 1004,
  institutionId: 11,
  startDate: "2023-09-01",
  numerator: 1900,
  denominator: 3800,
  daysPerWeek: 250,
  status: "C",
  monthlySalary: cents(142_500),
});
const A505 = assignmentRecord({
  id: 505,
  staffId: 1004,
  institutionId: 12,
  startDate: "2024-03-11",
  numerator: 1000,
  denominator: 3800,
  daysPerWeek: 100,
  status: "C",
  monthlySalary: cents(80_000),
});
const A506 = assignmentRecord({
  id: 506,
  staffId: 1003,
  institutionId: 12,
  startDate: "2023-09-01",
  endDate: "2024-06-30",
  numerator: 1600,
  denominator: 3200,
  daysPerWeek: 400,
  status: "T",
  monthlySalary: cents(97_738),
});

function breaks(
  id: number,
  staffId: number,
  assignmentId: number,
  periodMonth: YearMonth,
  halfHourBreaks: number,
  reportedAt: string,
): BreastfeedingBreakRecord {
  return { id, staffId, assignmentId, periodMonth, halfHourBreaks, reportedAt, problems: [] };
}

/** Staff member `staffId` with these assignments (and break rows, for the units). */
function sourceOf(
  staffId: number,
  insz: string,
  assignments: AssignmentRecord[],
  gender: "F" | "M" = "F",
  breastfeedingBreaks: BreastfeedingBreakRecord[] = [],
): PersonSourceData {
  return {
    staffId,
    staff: { id: staffId, insz, lastName: "Peeters", firstName: "An", gender, genderProblem: null, problems: [] },
    notifications: [],
    assignments,
    salaryLines: [],
    breastfeedingBreaks,
  };
}

function plan(
  staffId: number,
  insz: string,
  assignments: AssignmentRecord[],
  rows: BreastfeedingBreakRecord[],
  runMonth: YearMonth,
  gender: "F" | "M" = "F",
  salaries: AssignmentSalaryRecord[] = [],
) {
  const frame = testFrame(runMonth, { references: REFERENCES, benefitsMonthsFrom: "2024-01" });
  return planZima003({
    person: prepareBenefitsPerson(sourceOf(staffId, insz, assignments, gender), frame),
    breaks: rows,
    salaries,
    runMonth,
    benefitsMonthsFrom: "2024-01",
    codes: frame.parameters.benefitsCodes,
  });
}

/** What a month declares, in the zones' terms. */
function zones(month: Zima003Month) {
  if (month.outcome.kind !== "declare") return month.outcome;
  return month.outcome.links.map((l) => ({
    assignment: l.occupation.assignmentId,
    "00036/00037": `${l.occupation.employerClass}/${l.occupation.workerCode}`,
    "00044": l.occupation.startDate,
    "00048/00049": `${l.occupation.q}/${l.occupation.s}`,
    "00074": l.period.start,
    "00075": l.period.end,
    "00151": l.halfHourBreaks,
    "00152": l.hourlyWage,
  }));
}

/** 3-A's and 3-B's link of assignment 504 in March 2024: 19/38 from 2023-09-01, 1425.00 x 1200 / (19 x 52) → 173077. */
const link504 = (halfHourBreaks: number) => ({
  assignment: 504,
  "00036/00037": "011/495",
  "00044": "2023-09-01",
  "00048/00049": "1900/3800",
  "00074": "2024-03-01",
  "00075": "2024-03-31",
  "00151": halfHourBreaks,
  "00152": 173_077,
});

/** 3-B's link of assignment 505: from 11 March 2024, 10/38, 12 breaks, 800.00 x 1200 / (10 x 52) → 184615. */
const LINK_505 = {
  assignment: 505,
  "00036/00037": "011/495",
  "00044": "2024-03-11",
  "00048/00049": "1000/3800",
  "00074": "2024-03-11",
  "00075": "2024-03-31",
  "00151": 12,
  "00152": 184_615,
};

describe("ZIMA003: what run M declares of each month of breastfeeding breaks", () => {
  it("3-A: one link 19/38 for March 2024, 40 breaks, 1425.00 x 1200 / (19 x 52) → 173077; the D13 codes 011/495", () => {
    const { months, unplaced } = plan(1004, "92110508627", [A504], [breaks(1, 1004, 504, "2024-03", 40, "2024-03-10 08:00:00")], "2024-03");
    expect(unplaced).to.deep.equal([]);
    expect(months.map((m) => m.month)).to.deep.equal(["2024-03"]);
    expect(zones(months[0])).to.deep.equal([link504(40)]);
  });

  it("3-B: two links on one form — 504 with 30 breaks, 505 from 11 March with 12 breaks at 800.00 x 1200 / (10 x 52) → 184615; 30 + 12 = 42 ≤ 62", () => {
    const rows = [breaks(1, 1004, 504, "2024-03", 30, "2024-03-10 08:00:00"), breaks(2, 1004, 505, "2024-03", 12, "2024-03-12 08:00:00")];
    const { months } = plan(1004, "92110508627", [A504, A505], rows, "2024-03");
    expect(zones(months[0])).to.deep.equal([link504(30), LINK_505]);
  });

  it("3-C (errata 6 and 7): February 2024, 58 breaks (2 x 29), reported on the 20th — within February, so run 2024-02 declares it; 16/32 x 38 h = 19 h → 118710", () => {
    const row = breaks(3, 1003, 506, "2024-02", 58, "2024-02-20 09:00:00");
    const { months } = plan(1003, "85031420220", [A506], [row], "2024-02");
    expect(zones(months[0])).to.deep.equal([
      {
        assignment: 506,
        "00036/00037": "011/495",
        "00044": "2023-09-01",
        "00048/00049": "1600/3200",
        "00074": "2024-02-01",
        "00075": "2024-02-29",
        "00151": 58,
        "00152": 118_710,
      },
    ]);
    // Reported in March: not run 2024-02's (the next run declares it, for February).
    expect(plan(1003, "85031420220", [A506], [{ ...row, reportedAt: "2024-03-01 08:00:00" }], "2024-02").months).to.deep.equal([]);
    expect(
      plan(1003, "85031420220", [A506], [{ ...row, reportedAt: "2024-03-01 08:00:00" }], "2024-03").months.map((m) => m.month),
    ).to.deep.equal(["2024-02"]);
  });

  it("3-C negative: 59 breaks in February 2024 → TOO_MANY_BREAKS (59 > 58), nothing declared", () => {
    const { months } = plan(1003, "85031420220", [A506], [breaks(3, 1003, 506, "2024-02", 59, "2024-02-20 09:00:00")], "2024-02");
    expect(months[0].outcome).to.deep.equal({
      kind: "rejected",
      problem: {
        table: "breastfeeding_break",
        recordId: "3",
        field: "half_hour_breaks",
        rule: "TOO_MANY_BREAKS",
        value: "59 > 58 in 2024-02",
      },
    });
  });

  it("3-C negative: the same row for a man (an odd INSZ counter: 850314201, check 97 - 850314201 mod 97 = 21) → SEX_DOES_NOT_FIT_RISK, by the INSZ whatever the gender column says (D21)", () => {
    const row = breaks(3, 1003, 506, "2024-02", 58, "2024-02-20 09:00:00");
    const byInsz = {
      kind: "rejected",
      problem: {
        table: "staff_member",
        recordId: "1003",
        field: "insz",
        rule: "SEX_DOES_NOT_FIT_RISK",
        value: "the INSZ is of a man; ZIMA003 needs a woman",
      },
    };
    expect(plan(1003, "85031420121", [A506], [row], "2024-02", "M").months[0].outcome).to.deep.equal(byInsz);
    // A gender column that says F does not make a man's INSZ a woman's: the column is the one reported wrong.
    expect(plan(1003, "85031420121", [A506], [row], "2024-02", "F").months[0].outcome).to.deep.equal({
      kind: "rejected",
      problem: { ...byInsz.problem, field: "gender", value: "F, while the INSZ is of a man" },
    });
  });

  it("D25: an appointment (V) has no link — the month is not eligible when it is the only one, and declared without it otherwise", () => {
    const appointed = { ...A504, status: "V" };
    const only = plan(1004, "92110508627", [appointed], [breaks(1, 1004, 504, "2024-03", 40, "2024-03-10 08:00:00")], "2024-03");
    // The same fingerprint as benefitsAssignmentCheck's: a later run on the same facts does not decide the month again.
    expect(only.months[0].outcome).to.deep.include({
      kind: "not-eligible",
      reason: "NOT_BENEFITS_INSURED",
      fingerprint: "NOT_BENEFITS_INSURED|V",
    });
    const rows = [breaks(1, 1004, 504, "2024-03", 30, "2024-03-10 08:00:00"), breaks(2, 1004, 505, "2024-03", 12, "2024-03-12 08:00:00")];
    const mixed = plan(1004, "92110508627", [appointed, A505], rows, "2024-03");
    // 505 alone.
    expect(zones(mixed.months[0])).to.deep.equal([LINK_505]);
    expect(mixed.months[0].outcome.kind === "declare" && mixed.months[0].outcome.notes).to.deep.equal([
      "breastfeeding_break 1: assignment 504 is an appointment (status V), not insured for benefits (D25): no link",
    ]);
  });

  it("rejects a month for a row that breaks the contract, an occupation of one day in the month, no wage, or two rows of one assignment", () => {
    const rule = (m: Zima003Month[]) =>
      m[0].outcome.kind === "rejected" ? [m[0].outcome.problem.rule, m[0].outcome.problem.value] : m[0].outcome.kind;
    expect(
      rule(plan(1004, "92110508627", [A504], [breaks(1, 1004, 504, "2024-03", 63, "2024-03-10 08:00:00")], "2024-03").months),
    ).to.deep.equal(["VALUE_OUT_OF_RANGE", "63 not in 1-62"]);
    const lastDay = { ...A505, startDate: "2024-03-31" as const };
    expect(
      rule(plan(1004, "92110508627", [lastDay], [breaks(2, 1004, 505, "2024-03", 2, "2024-03-31 18:00:00")], "2024-03").months),
    ).to.deep.equal(["NO_REFERENCE_PERIOD", "2024-03, occupation 2024-03-31 – open"]);
    const unpaid = { ...A504, monthlySalary: null };
    expect(
      rule(plan(1004, "92110508627", [unpaid], [breaks(1, 1004, 504, "2024-03", 40, "2024-03-10 08:00:00")], "2024-03").months),
    ).to.deep.equal(["NO_MONTHLY_WAGE", "504"]);
    const twice = [breaks(1, 1004, 504, "2024-03", 20, "2024-03-10 08:00:00"), breaks(4, 1004, 504, "2024-03", 20, "2024-03-11 08:00:00")];
    expect(rule(plan(1004, "92110508627", [A504], twice, "2024-03").months)).to.deep.equal(["DUPLICATE_ROW", "504 2024-03"]);
  });

  it("takes the salary history's row in force on the month's first day over monthly_salary", () => {
    const salaries = [
      { recordId: "504 2023-09-01", assignmentId: 504, validFrom: "2023-09-01" as const, monthlySalary: cents(140_000), problems: [] },
      { recordId: "504 2024-03-02", assignmentId: 504, validFrom: "2024-03-02" as const, monthlySalary: cents(150_000), problems: [] },
    ];
    const { months } = plan(
      1004,
      "92110508627",
      [A504],
      [breaks(1, 1004, 504, "2024-03", 40, "2024-03-10 08:00:00")],
      "2024-03",
      "F",
      salaries,
    );
    // 1400.00 x 1200 / (19 x 52) = 168 000 000 / 988 = 170 040.49 → 170040 (the row of 2 March is not yet in force on the 1st).
    expect(months[0].outcome.kind === "declare" && months[0].outcome.links[0].hourlyWage).to.equal(170_040);
  });

  it("rejects the month on a broken salary history row of a link's assignment instead of falling back to monthly_salary", () => {
    const unreadableDate = {
      field: "valid_from",
      rule: "FIELD_NOT_A_DATE",
      table: "assignment_salary",
      recordId: "504 ?",
      value: "2024-13-01",
    } as const;
    const outcome = (salaries: AssignmentSalaryRecord[]) =>
      plan(1004, "92110508627", [A504], [breaks(1, 1004, 504, "2024-03", 40, "2024-03-10 08:00:00")], "2024-03", "F", salaries).months[0]
        .outcome;
    // A row whose date cannot be read: its own problem, not a silent fall-back to assignment.monthly_salary.
    expect(
      outcome([{ recordId: "504 ?", assignmentId: 504, validFrom: null, monthlySalary: cents(150_000), problems: [unreadableDate] }]),
    ).to.deep.equal({ kind: "rejected", problem: unreadableDate });
    // A wage of 0 in force: VALUE_OUT_OF_RANGE on the row, not NO_MONTHLY_WAGE.
    expect(
      outcome([{ recordId: "504 2023-09-01", assignmentId: 504, validFrom: "2023-09-01", monthlySalary: cents(0), problems: [] }]),
    ).to.deep.equal({
      kind: "rejected",
      problem: {
        table: "assignment_salary",
        recordId: "504 2023-09-01",
        field: "monthly_salary",
        rule: "VALUE_OUT_OF_RANGE",
        value: "0.00 <= 0",
      },
    });
    // Another assignment's broken row does not concern this month.
    expect(
      outcome([{ recordId: "505 ?", assignmentId: 505, validFrom: null, monthlySalary: cents(1), problems: [unreadableDate] }]).kind,
    ).to.equal("declare");
  });
});

describe("ZIMA003 units: about the person's month, naming the assignments it concerns", () => {
  function units(rows: BreastfeedingBreakRecord[], assignments = [A504, A505]) {
    const source = sourceOf(1004, "92110508627", assignments, "F", rows);
    const frame = testFrame("2024-03", { references: REFERENCES, benefitsMonthsFrom: "2024-01" });
    return decideZima003(prepareBenefitsPerson(source, frame), source, frame).units;
  }

  it("a month's unit is the links' assignments: 504 its own, 505 also concerned; subject 'person'", () => {
    const [unit] = units([
      breaks(1, 1004, 504, "2024-03", 30, "2024-03-10 08:00:00"),
      breaks(2, 1004, 505, "2024-03", 12, "2024-03-12 08:00:00"),
    ]);
    expect([unit.assignmentId, unit.subject, unit.alsoConcerns?.map((c) => c.assignmentId), unit.outcome.status]).to.deep.equal([
      504,
      "person",
      [505],
      "declared",
    ]);
  });

  it("a row reported after the run month is not this run's: it names no assignment of the unit (here the rejected one of 505 only)", () => {
    // 505's row is rejected (one day: 2024-03-31 is its start); 504's row reported in April belongs to run 2024-04.
    const lastDay = { ...A505, startDate: "2024-03-31" as const };
    const [unit, ...more] = units(
      [breaks(1, 1004, 504, "2024-03", 30, "2024-04-02 08:00:00"), breaks(2, 1004, 505, "2024-03", 2, "2024-03-31 18:00:00")],
      [A504, lastDay],
    );
    expect(more).to.deep.equal([]);
    expect([unit.assignmentId, unit.alsoConcerns, unit.outcome.status]).to.deep.equal([505, undefined, "rejected"]);
  });

  it("a month whose rows name no readable assignment is the person's first assignment's (never an id of null), rejected on the row", () => {
    const unreadable = {
      ...breaks(1, 1004, 504, "2024-03", 30, "2024-03-10 08:00:00"),
      assignmentId: null,
      problems: [{ table: "breastfeeding_break", recordId: "1", field: "assignment_id", rule: "FIELD_REQUIRED", value: "NULL" } as const],
    };
    const [unit] = units([unreadable]);
    expect([unit.assignmentId, unit.outcome.status, unit.outcome.status === "rejected" && unit.outcome.rule]).to.deep.equal([
      504,
      "rejected",
      "FIELD_REQUIRED",
    ]);
  });
});
