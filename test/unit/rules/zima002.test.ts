/**
 * ZIMA002 decisions on plain records (seed 002): reference periods and their split, sub-risk blocks,
 * exact-wage codes, the zero-pay month, severance, and bad rows rejecting only their own units.
 */
import { expect } from "chai";
import type {
  AdaptedWorkRecord,
  AssignmentRecord,
  DayNatureRecord,
  PerformanceLineRecord,
  PersonSourceData,
  SalaryLineRecord,
} from "../../../src/domain/ministry-records";
import { decideBenefits } from "../../../src/rules/decide-benefits";
import type { DecisionUnit, Zima002Declaration } from "../../../src/rules/decision-types";
import type { RunFrame } from "../../../src/rules/person-context";
import { testFrame } from "../../support/run-frame";
import { benefitsUnits, declaredAs, rejectedRule } from "../../support/unit-outcomes";
import { addCalendarMonths, type CalendarDate } from "../../../src/domain/calendar-date";
import { type Cents, cents } from "../../../src/domain/money";
import type { YearMonth } from "../../../src/domain/year-month";
import { referencePeriodRanges, severancePeriod } from "../../../src/rules/zima002";

function frame(runMonth: YearMonth, benefitsMonthsFrom = runMonth): RunFrame {
  return testFrame(runMonth, { benefitsMonthsFrom, holidayYearsFrom: 2018 });
}

function assignment(id = 10, overrides: Partial<AssignmentRecord> = {}): AssignmentRecord {
  return {
    id,
    staffId: 1,
    institutionId: 1,
    startDate: "2015-09-01",
    endDate: null,
    numerator: 2000,
    denominator: 2000,
    daysPerWeek: 500,
    jobTitle: null,
    status: "T",
    jointCommittee: null,
    employerCategory: null,
    workerCode: null,
    monthlySalary: cents(300000),
    payMode: null,
    laterColumnProblems: [],
    problems: [],
    ...overrides,
  };
}

function adapted(
  id: number,
  subRisk: number,
  start: CalendarDate,
  end: CalendarDate | null,
  qHours = 1000,
  overrides: Partial<AdaptedWorkRecord> = {},
): AdaptedWorkRecord {
  return {
    id,
    staffId: 1,
    assignmentId: 10,
    subRisk,
    startDate: start,
    endDate: end,
    daysPerWeek: 250,
    qHours,
    sHours: 2000,
    absenceId: null,
    laterColumnProblems: [],
    problems: [],
    ...overrides,
  };
}

function performance(
  id: number,
  adaptedWorkId: number,
  month: YearMonth,
  hours: number,
  code = "1",
  days: number | null = null,
): PerformanceLineRecord {
  return { id, adaptedWorkId, periodMonth: month, performanceCode: code, days, hours, problems: [] };
}

function dayNature(id: number, adaptedWorkId: number, day: CalendarDate, code = "3.1", hours = 400): DayNatureRecord {
  return { id, adaptedWorkId, day, code, hours, problems: [] };
}

function pay(
  id: number,
  month: YearMonth,
  gross: Cents,
  wageCode = "01",
  assignmentId: number | null = 10,
  paidOn: CalendarDate = `${month}-25`,
): SalaryLineRecord {
  return { id, staffId: 1, assignmentId, periodMonth: month, gross, wageCode, paidOn, problems: [] };
}

function source(parts: Partial<PersonSourceData>): PersonSourceData {
  return {
    staffId: 1,
    staff: { id: 1, insz: "85073003427", lastName: "Janssens", firstName: "Els", gender: "F", genderProblem: null, problems: [] },
    notifications: [],
    assignments: [assignment()],
    salaryLines: [],
    ...parts,
  };
}

function zima002Units(data: PersonSourceData, f: RunFrame): DecisionUnit[] {
  return benefitsUnits(data, f, "ZIMA002");
}

const declared = (unit: DecisionUnit): Zima002Declaration => declaredAs<Zima002Declaration>(unit);

describe("ZIMA002 reference periods", () => {
  it("a Q change mid-month splits the month into two periods with their own dates and Q", () => {
    const data = source({ adaptedWork: [adapted(1, 1, "2018-09-01", "2018-10-14", 1000), adapted(2, 1, "2018-10-15", null, 1500)] });
    const units = zima002Units(data, frame("2018-10"));
    expect(units).to.have.length(1);
    const d = declared(units[0]);
    expect(d.referencePeriod).to.equal("2018-10");
    expect(d.periods.map((p) => [p.adaptedWorkId, p.start, p.end, p.adaptedQ])).to.deep.equal([
      [1, "2018-10-01", "2018-10-14", 1000],
      [2, "2018-10-15", "2018-10-31", 1500],
    ]);
  });

  it("the first month starts on the first day of adapted work", () => {
    const d = declared(zima002Units(source({ adaptedWork: [adapted(1, 1, "2018-10-17", null)] }), frame("2018-10"))[0]);
    expect(d.periods.map((p) => [p.start, p.end])).to.deep.equal([["2018-10-17", "2018-10-31"]]);
  });

  it("a definitive stop mid-month ends the period on the last day of adapted work", () => {
    const d = declared(zima002Units(source({ adaptedWork: [adapted(1, 2, "2018-09-01", "2018-10-09")] }), frame("2018-10"))[0]);
    expect(d.periods.map((p) => [p.start, p.end])).to.deep.equal([["2018-10-01", "2018-10-09"]]);
  });

  it("one unit per month from benefitsMonthsFrom to the run month in which adapted work is in force", () => {
    const units = zima002Units(source({ adaptedWork: [adapted(1, 1, "2018-08-20", "2018-10-05")] }), frame("2018-11", "2018-07"));
    expect(units.map((u) => u.referencePeriod)).to.deep.equal(["2018-08", "2018-09", "2018-10"]);
    expect(units.map((u) => u.outcome.status)).to.deep.equal(["declared", "declared", "declared"]);
  });

  it("referencePeriodRanges sorts rows by start and clips them to the month", () => {
    expect(
      referencePeriodRanges(
        [
          { id: 7, start: "2018-02-20", end: null },
          { id: 6, start: "2018-01-01", end: "2018-02-19" },
        ],
        "2018-02",
      ),
    ).to.deep.equal([
      { adaptedWorkId: 6, start: "2018-02-01", end: "2018-02-19" },
      { adaptedWorkId: 7, start: "2018-02-20", end: "2018-02-28" },
    ]);
  });

  it("overlapping rows of one assignment reject the unit", () => {
    const units = zima002Units(
      source({ adaptedWork: [adapted(1, 1, "2018-09-01", "2018-10-20"), adapted(2, 1, "2018-10-15", null)] }),
      frame("2018-10"),
    );
    expect(rejectedRule(units[0])).to.equal("ADAPTED_WORK_OVERLAP");
  });

  it("months before the glossary's first reference day of the sub-risk are not eligible", () => {
    const units = zima002Units(source({ adaptedWork: [adapted(1, 1, "2018-06-01", null)] }), frame("2018-07", "2018-06"));
    expect(units.map((u) => [u.referencePeriod, u.outcome.status])).to.deep.equal([
      ["2018-06", "not-eligible"],
      ["2018-07", "declared"],
    ]);
    expect((units[0].outcome as { reason: string }).reason).to.equal("BEFORE_ZIMA002_START");
  });
});

describe("ZIMA002 sub-risks", () => {
  it("sub-risk 1 has services and no day natures or exact wages, even when the data holds them", () => {
    const data = source({
      adaptedWork: [adapted(1, 1, "2018-09-01", null)],
      performanceLines: [
        performance(1, 1, "2018-10", 4000, "1", 1000),
        performance(2, 1, "2018-10", 500, "1", 100),
        performance(3, 1, "2018-10", 800, "50"),
        performance(4, 1, "2018-09", 999),
      ],
      dayNatures: [dayNature(1, 1, "2018-10-03")],
      salaryLines: [pay(1, "2018-10", cents(150000))],
    });
    const decision = decideBenefits(data, frame("2018-10"))!;
    const d = declared(decision.units[0]);
    expect(d.subRisk).to.equal(1);
    expect(d.periods[0].services).to.deep.equal([
      { code: "1", hours: 4500, days: 1100 },
      { code: "50", hours: 800, days: null },
    ]);
    expect(d.periods[0].dayNatures).to.deep.equal([]);
    expect(d.periods[0].exactWages).to.deep.equal([]);
    expect(decision.problems.map((p) => [p.table, p.recordId, p.rule])).to.deep.equal([
      ["day_nature", "1", "BLOCK_FORBIDDEN_FOR_SUB_RISK"],
    ]);
  });

  it("sub-risk 2 has day natures and exact wages, and no services", () => {
    const data = source({
      adaptedWork: [adapted(1, 2, "2018-09-01", null)],
      performanceLines: [performance(1, 1, "2018-10", 4000)],
      dayNatures: [dayNature(2, 1, "2018-10-05", "5.4", 800), dayNature(1, 1, "2018-10-03", "3.1", 400), dayNature(3, 1, "2018-09-28")],
      salaryLines: [pay(1, "2018-10", cents(123456)), pay(2, "2018-10", cents(10000), "05"), pay(3, "2018-09", cents(99999))],
    });
    const decision = decideBenefits(data, frame("2018-10"))!;
    const d = declared(decision.units[0]);
    expect(d.subRisk).to.equal(2);
    expect(d.periods[0].services).to.deep.equal([]);
    expect(d.periods[0].dayNatures).to.deep.equal([
      { day: "2018-10-03", code: "3.1", hours: 400 },
      { day: "2018-10-05", code: "5.4", hours: 800 },
    ]);
    // 1234.56 stays 123456 cents: no rounding beyond the source's cents.
    expect(d.periods[0].exactWages).to.deep.equal([
      { code: "01", amount: 123456 },
      { code: "05", amount: 10000 },
    ]);
    expect(decision.problems.map((p) => p.rule)).to.deep.equal(["BLOCK_FORBIDDEN_FOR_SUB_RISK"]);
  });

  it("a row with a sub-risk other than 1 or 2 rejects its units, and the other assignment is still declared", () => {
    const data = source({
      assignments: [assignment(10), assignment(11)],
      adaptedWork: [adapted(1, 3, "2018-09-01", null), adapted(2, 2, "2018-09-01", null, 1000, { assignmentId: 11 })],
    });
    const units = zima002Units(data, frame("2018-10"));
    expect(units.map((u) => [u.assignmentId, u.outcome.status])).to.deep.equal([
      [10, "rejected"],
      [11, "declared"],
    ]);
    expect(rejectedRule(units[0])).to.equal("SUB_RISK_NOT_ALLOWED");
    expect((units[0].outcome as { problem: { table: string; recordId: string; value: string } }).problem).to.include({
      table: "adapted_work",
      recordId: "1",
      value: "3",
    });
  });

  it("a change of sub-risk within the month rejects the unit (declared by hand)", () => {
    const units = zima002Units(
      source({ adaptedWork: [adapted(1, 1, "2018-09-01", "2018-10-10"), adapted(2, 2, "2018-10-11", null)] }),
      frame("2018-10"),
    );
    expect(rejectedRule(units[0])).to.equal("SUB_RISK_CHANGES_IN_MONTH");
  });

  it("day nature 3.5 is never declared: the row is rejected and so is its unit", () => {
    const data = source({ adaptedWork: [adapted(1, 2, "2018-09-01", null)], dayNatures: [dayNature(1, 1, "2018-10-03", "3.5")] });
    const decision = decideBenefits(data, frame("2018-10"))!;
    expect(rejectedRule(decision.units[0])).to.equal("DAY_NATURE_CODE_NOT_ALLOWED");
    expect(decision.problems.map((p) => [p.table, p.recordId, p.field, p.value])).to.deep.equal([["day_nature", "1", "code", "3.5"]]);
  });

  it("Q above 48 hours is out of the form's range", () => {
    const units = zima002Units(source({ adaptedWork: [adapted(1, 1, "2018-09-01", null, 4850)] }), frame("2018-10"));
    expect(rejectedRule(units[0])).to.equal("VALUE_OUT_OF_RANGE");
  });
});

describe("ZIMA002 exact wages", () => {
  it("wage codes 02, 10 and 23 are not declared", () => {
    const data = source({
      adaptedWork: [adapted(1, 2, "2018-09-01", null)],
      salaryLines: [
        pay(1, "2018-10", cents(200000)),
        pay(2, "2018-10", cents(5000), "02"),
        pay(3, "2018-10", cents(6000), "10"),
        pay(4, "2018-10", cents(7000), "23"),
      ],
    });
    const decision = decideBenefits(data, frame("2018-10"))!;
    expect(declared(decision.units[0]).periods[0].exactWages).to.deep.equal([{ code: "01", amount: 200000 }]);
    expect(decision.notes.join("\n")).to.contain("wage codes 02, 10, 23 not declared");
  });

  it("an unknown wage code rejects the unit with the salary line", () => {
    const decision = decideBenefits(
      source({
        adaptedWork: [adapted(1, 2, "2018-09-01", null)],
        salaryLines: [pay(1, "2018-10", cents(200000)), pay(7, "2018-10", cents(100), "77")],
      }),
      frame("2018-10"),
    )!;
    expect(rejectedRule(decision.units[0])).to.equal("WAGE_CODE_NOT_ALLOWED");
    expect(decision.problems.map((p) => [p.table, p.recordId, p.field, p.value])).to.deep.equal([["salary_line", "7", "wage_code", "77"]]);
  });

  it("a month without pay is code 01 with amount 0; pay paid after the run month does not count yet", () => {
    const data = source({
      adaptedWork: [adapted(1, 2, "2018-09-01", null)],
      salaryLines: [pay(1, "2018-10", cents(150000), "01", 10, "2018-11-03")],
    });
    expect(declared(zima002Units(data, frame("2018-10"))[0]).periods[0].exactWages).to.deep.equal([{ code: "01", amount: 0 }]);
  });

  it("D20: a split month's pay is spread over the periods by (Q / S) x calendar days, the remainder on the last", () => {
    // October 2018 has 31 days. Period 1: 1-14 October, Q 10 of S 20 → weight 0.5 x 14 = 7. Period 2:
    // 15-31 October, Q 15 of S 20 → 0.75 x 17 = 12.75. The occupation (20/20) has no day outside them, so
    // all of EUR 1800.00 is declared: period 1 gets floor(180000 x 7 / 19.75) = floor(63797.47) = 63797
    // cents, period 2 the rest, 180000 - 63797 = 116203.
    const data = source({
      adaptedWork: [adapted(1, 2, "2018-09-01", "2018-10-14", 1000), adapted(2, 2, "2018-10-15", null, 1500)],
      salaryLines: [pay(1, "2018-10", cents(180000))],
    });
    const d = declared(zima002Units(data, frame("2018-10"))[0]);
    expect(d.periods.map((p) => p.exactWages)).to.deep.equal([[{ code: "01", amount: 63797 }], [{ code: "01", amount: 116203 }]]);
  });

  it("D20: only the adapted-work period's share of the month is declared when the occupation has days outside it", () => {
    // Adapted work from 15 October (17 days at 0.75 → 12.75); the occupation's 14 days before it count at
    // its own fraction 20/20 (14). Declared: round(180000 x 12.75 / 26.75) = round(85794.39) = 85794 cents,
    // per wage code (01 and 05 here: 05 EUR 100.00 → round(10000 x 12.75 / 26.75) = round(4766.36) = 4766).
    const data = source({
      adaptedWork: [adapted(2, 2, "2018-10-15", null, 1500)],
      salaryLines: [pay(1, "2018-10", cents(180000)), pay(2, "2018-10", cents(10000), "05")],
    });
    const d = declared(zima002Units(data, frame("2018-10"))[0]);
    expect(d.periods.map((p) => p.exactWages)).to.deep.equal([
      [
        { code: "01", amount: 85794 },
        { code: "05", amount: 4766 },
      ],
    ]);
  });

  it("a negative sum for a code rejects the unit", () => {
    const data = source({
      adaptedWork: [adapted(1, 2, "2018-09-01", null)],
      salaryLines: [pay(1, "2018-10", cents(1000)), pay(2, "2018-10", cents(-5000))],
    });
    expect(rejectedRule(zima002Units(data, frame("2018-10"))[0])).to.equal("NEGATIVE_ASSIGNMENT_AMOUNT");
  });

  it("a NULL monthly_salary does not reject a ZIMA002 without severance", () => {
    const data = source({ assignments: [assignment(10, { monthlySalary: null })], adaptedWork: [adapted(1, 2, "2018-09-01", null)] });
    expect(declared(zima002Units(data, frame("2018-10"))[0]).occupation.monthlySalary).to.equal(0);
  });
});

describe("ZIMA002 severance pay", () => {
  it("covers amount / monthly salary months from the day after the contract's end, on the last period", () => {
    const data = source({
      assignments: [assignment(10, { endDate: "2018-10-31" })],
      adaptedWork: [adapted(1, 1, "2018-09-01", "2018-10-31")],
      salaryLines: [pay(1, "2018-10", cents(450000), "03"), pay(2, "2018-10", cents(150000), "09"), pay(3, "2018-10", cents(100000), "01")],
    });
    const d = declared(zima002Units(data, frame("2018-10"))[0]);
    // 6000.00 / 3000.00 = 2 months: November and December.
    expect(d.periods[0].severance).to.deep.equal({ start: "2018-11-01", end: "2018-12-31", amount: 600000 });
    expect(d.periods[0].exactWages).to.deep.equal([]);
  });

  it("the fraction of a month becomes days of the following month, rounded down", () => {
    // 2.5 months from 2018-11-01: November, December, then 15 of January's 31 days.
    expect(severancePeriod("2018-10-31", cents(750000), cents(300000))).to.deep.equal({ start: "2018-11-01", end: "2019-01-15" });
    expect(severancePeriod("2018-10-31", cents(1), cents(300000))).to.deep.equal({ start: "2018-11-01", end: "2018-11-01" });
    expect(addCalendarMonths("2018-01-31", 1)).to.equal("2018-02-28");
  });

  it("severance without an assignment end date rejects the unit", () => {
    const data = source({ adaptedWork: [adapted(1, 2, "2018-09-01", null)], salaryLines: [pay(1, "2018-10", cents(450000), "03")] });
    expect(rejectedRule(zima002Units(data, frame("2018-10"))[0])).to.equal("SEVERANCE_WITHOUT_END_DATE");
  });

  it("severance needs the monthly salary", () => {
    const data = source({
      assignments: [assignment(10, { endDate: "2018-10-31", monthlySalary: null })],
      adaptedWork: [adapted(1, 2, "2018-09-01", "2018-10-31")],
      salaryLines: [pay(1, "2018-10", cents(450000), "03")],
    });
    expect(rejectedRule(zima002Units(data, frame("2018-10"))[0])).to.equal("THEORETICAL_SALARY_MISSING");
  });
});

describe("ZIMA002 person and assignment problems", () => {
  it("a bad INSZ rejects every unit of the person", () => {
    const data = source({
      staff: { id: 1, insz: "85073003399", lastName: "J", firstName: "E", gender: "F", genderProblem: null, problems: [] },
      adaptedWork: [adapted(1, 1, "2018-09-01", null)],
    });
    const units = zima002Units(data, frame("2018-10", "2018-09"));
    expect(units.map(rejectedRule)).to.deep.equal(["INSZ_INVALID", "INSZ_INVALID"]);
  });

  it("a broken assignment rejects the units on it; an unknown one too", () => {
    const data = source({
      assignments: [assignment(10, { denominator: 0 })],
      adaptedWork: [adapted(1, 1, "2018-09-01", null), adapted(2, 1, "2018-09-01", null, 1000, { assignmentId: 99 })],
    });
    const units = zima002Units(data, frame("2018-10"));
    expect(units.map((u) => [u.assignmentId, rejectedRule(u)])).to.deep.equal([
      [10, "DENOMINATOR_NOT_POSITIVE"],
      [99, "UNKNOWN_ASSIGNMENT"],
    ]);
  });

  it("no benefits data in scope: no decision", () => {
    expect(decideBenefits(source({ adaptedWork: [adapted(1, 1, "2018-01-01", "2018-05-31")] }), frame("2018-10", "2018-07"))).to.equal(
      null,
    );
    expect(decideBenefits(source({}), frame("2018-10"))).to.equal(null);
  });
});

describe("ZIMA002 who may be declared (D21, D25)", () => {
  const sub2 = (staff: Partial<NonNullable<PersonSourceData["staff"]>>, assignmentOverrides: Partial<AssignmentRecord> = {}) =>
    source({
      staff: {
        id: 1,
        insz: "85073003427",
        lastName: "Janssens",
        firstName: "Els",
        gender: "F",
        genderProblem: null,
        problems: [],
        ...staff,
      },
      assignments: [assignment(10, assignmentOverrides)],
      adaptedWork: [adapted(1, 2, "2018-10-01", null)],
    });
  const outcomeOf = (data: PersonSourceData) => zima002Units(data, frame("2018-10"))[0].outcome;

  it("risk 002 needs a woman's INSZ: counter 033 is odd (a man) and is rejected, counter 034 is even (a woman) and is declared", () => {
    // 85073003328: the counter (digits 7-9) 033 is odd → a man; check digits 97 - (850730033 mod 97) = 28.
    const man = outcomeOf(sub2({ insz: "85073003328", gender: "M", firstName: "Jan" }));
    expect(man.status === "rejected" && [man.rule, man.problem.field, man.problem.value]).to.deep.equal([
      "SEX_DOES_NOT_FIT_RISK",
      "insz",
      "the INSZ is of a man; ZIMA002 risk 002 needs a woman",
    ]);
    expect(outcomeOf(sub2({})).status).to.equal("declared");
  });

  it("a gender that contradicts the INSZ is rejected; risk 001 needs no sex", () => {
    const contradiction = outcomeOf(sub2({ gender: "M" }));
    expect(contradiction.status === "rejected" && [contradiction.rule, contradiction.problem.field]).to.deep.equal([
      "SEX_DOES_NOT_FIT_RISK",
      "gender",
    ]);
    const risk1 = source({
      staff: { id: 1, insz: "85073003328", lastName: "J", firstName: "Jan", gender: "M", genderProblem: null, problems: [] },
      adaptedWork: [adapted(1, 1, "2018-10-01", null)],
    });
    expect(zima002Units(risk1, frame("2018-10"))[0].outcome.status).to.equal("declared");
  });

  it("a BIS number given without sex (month + 20) takes the sex from staff_member.gender, with a note", () => {
    // 85273003470: month 27 = 07 + 20 (BIS, sex unknown); check digits 97 - (852730034 mod 97) = 97 - 27 = 70.
    const bis = "85273003470";
    expect(852730034 % 97).to.equal(27);
    const woman = decideBenefits(sub2({ insz: bis, gender: "F" }), frame("2018-10"))!;
    expect(woman.units[0].outcome.status).to.equal("declared");
    expect(woman.notes.some((n) => n.includes("sex taken from staff_member.gender (F)"))).to.equal(true);
    const unknown = outcomeOf(sub2({ insz: bis, gender: "X" }));
    expect(unknown.status === "rejected" && unknown.rule).to.equal("SEX_DOES_NOT_FIT_RISK");
  });

  it("appointed staff (status V) are not benefits-insured: not eligible, whatever the rest of the data says", () => {
    const appointed = outcomeOf(sub2({}, { status: "V" }));
    expect(appointed.status === "not-eligible" && appointed.reason).to.equal("NOT_BENEFITS_INSURED");
  });

  it("a civil-servant worker code (6xx) on a temporary or contractual assignment is a data error", () => {
    for (const status of ["T", "C"]) {
      const outcome = outcomeOf(sub2({}, { status, workerCode: "675" }));
      expect(outcome.status === "rejected" && [outcome.rule, outcome.problem.value], status).to.deep.equal([
        "WORKER_CODE_CIVIL_SERVANT",
        `675 with status ${status}`,
      ]);
    }
    expect(outcomeOf(sub2({}, { workerCode: "495" })).status).to.equal("declared");
  });

  it("glossary 00180: 0 hours only with day code 6.21", () => {
    const withHours = (code: string, hours: number) => outcomeOf({ ...sub2({}), dayNatures: [dayNature(7, 1, "2018-10-03", code, hours)] });
    expect(withHours("6.21", 0).status).to.equal("declared");
    const zero = withHours("3.1", 0);
    expect(zero.status === "rejected" && [zero.rule, zero.problem.value]).to.deep.equal([
      "DAY_HOURS_ZERO_NOT_ALLOWED",
      "0.00 with code 3.1",
    ]);
  });
});
