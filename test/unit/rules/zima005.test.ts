/**
 * ZIMA005 decisions on plain records (seed 003): codes per sub-risk, half days, hours only for
 * part-timers, sectors without details, the cut-off, the adapted-work block of sub-risks 3 and 4, and
 * bad rows rejecting only their own form.
 */
import { expect } from "chai";
import type { CalendarDate } from "../../../src/domain/calendar-date";
import type { AdaptedWorkRecord, AssignmentRecord, HolidayBalanceRecord, PersonSourceData } from "../../../src/domain/ministry-records";
import { cents } from "../../../src/domain/money";
import type { YearMonth } from "../../../src/domain/year-month";
import { decideBenefits } from "../../../src/rules/decide-benefits";
import type { DecisionUnit, Zima005Declaration } from "../../../src/rules/decision-types";
import type { RunFrame } from "../../../src/rules/person-context";
import { defaultRuleParameters } from "../../../src/rules/rule-parameters";
import { testFrame } from "../../support/run-frame";
import { benefitsUnits, declaredAs, rejectedRule } from "../../support/unit-outcomes";
import { lastAdaptedWorkOfYear } from "../../../src/rules/zima005";

function frame(runMonth: YearMonth, holidayYearsFrom = 2017): RunFrame {
  return testFrame(runMonth, { holidayYearsFrom });
}

/** A part-timer 16/32 (Q 1600 < S 3200) unless told otherwise. */
function assignment(id = 10, numerator = 1600, denominator = 3200): AssignmentRecord {
  return {
    id,
    staffId: 1,
    institutionId: 1,
    startDate: "2015-09-01",
    endDate: null,
    numerator,
    denominator,
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
  };
}

function balance(
  id: number,
  subRisk: number,
  code: number | null,
  days: number | null,
  hours: number | null,
  overrides: Partial<HolidayBalanceRecord> = {},
): HolidayBalanceRecord {
  return {
    id,
    staffId: 1,
    assignmentId: 10,
    holidayYear: 2018,
    subRisk,
    holidaySector: 1,
    holidayCode: code,
    days,
    hours,
    reportedAt: "2019-01-07 10:00:00",
    problems: [],
    ...overrides,
  };
}

function adapted(id: number, start: CalendarDate, end: CalendarDate | null, qHours: number, daysPerWeek = 300): AdaptedWorkRecord {
  return {
    id,
    staffId: 1,
    assignmentId: 10,
    subRisk: 1,
    startDate: start,
    endDate: end,
    daysPerWeek,
    qHours,
    sHours: 3200,
    absenceId: null,
    laterColumnProblems: [],
    problems: [],
  };
}

function source(holidayBalances: HolidayBalanceRecord[], parts: Partial<PersonSourceData> = {}): PersonSourceData {
  return {
    staffId: 1,
    staff: { id: 1, insz: "85073003328", lastName: "Janssens", firstName: "Els", gender: "F", genderProblem: null, problems: [] },
    notifications: [],
    assignments: [assignment()],
    salaryLines: [],
    holidayBalances,
    ...parts,
  };
}

function units(data: PersonSourceData, f: RunFrame): DecisionUnit[] {
  return benefitsUnits(data, f, "ZIMA005");
}

const declared = (unit: DecisionUnit): Zima005Declaration => declaredAs<Zima005Declaration>(unit);

describe("ZIMA005 holiday codes and values", () => {
  it("one form per assignment and year, details in code order, days in half days, hours for a part-timer", () => {
    const found = units(source([balance(2, 2, 9, 250, 800), balance(1, 2, 8, 850, 2720)]), frame("2019-01"));
    expect(found).to.have.length(1);
    expect(found[0].referencePeriod).to.equal("2018");
    const d = declared(found[0]);
    expect([d.holidayYear, d.subRisk, d.holidaySector, d.adaptedWork]).to.deep.equal([2018, 2, 1, null]);
    expect(d.details).to.deep.equal([
      { code: 8, days: 850, hours: 2720 },
      { code: 9, days: 250, hours: 800 },
    ]);
  });

  for (const [subRisk, allowed, refused] of [
    [1, 5, 8],
    [2, 8, 1],
    [3, 2, 9],
    [4, 9, 3],
  ] as const) {
    it(`sub-risk ${subRisk}: code ${allowed} declared, code ${refused} rejected`, () => {
      const adaptedWork = [adapted(1, "2018-03-01", null, 1000)];
      expect(
        declared(units(source([balance(1, subRisk, allowed, 500, 1000)], { adaptedWork }), frame("2019-01"))[0]).details.map((l) => l.code),
      ).to.deep.equal([allowed]);
      expect(rejectedRule(units(source([balance(1, subRisk, refused, 500, 1000)], { adaptedWork }), frame("2019-01"))[0])).to.equal(
        "HOLIDAY_CODE_NOT_ALLOWED",
      );
    });
  }

  it("days not in half days are rejected", () => {
    expect(rejectedRule(units(source([balance(1, 1, 1, 830, 1000)]), frame("2019-01"))[0])).to.equal("DAYS_NOT_IN_HALF_DAYS");
  });

  it("a code twice in one form is rejected, and so are more than four details", () => {
    expect(rejectedRule(units(source([balance(1, 1, 1, 500, 100), balance(2, 1, 1, 100, 100)]), frame("2019-01"))[0])).to.equal(
      "HOLIDAY_CODE_REPEATED",
    );
    const parameters = { ...defaultRuleParameters(), benefitsCodes: { ...defaultRuleParameters().benefitsCodes, maxHolidayDetails: 2 } };
    const rows = [balance(1, 1, 1, 500, 100), balance(2, 1, 2, 100, 100), balance(3, 1, 3, 100, 100)];
    expect(rejectedRule(units(source(rows), { ...frame("2019-01"), parameters })[0])).to.equal("TOO_MANY_DETAIL_LINES");
  });

  it("hours are required for a part-timer", () => {
    expect(rejectedRule(units(source([balance(1, 2, 8, 500, null)]), frame("2019-01"))[0])).to.equal("HOLIDAY_HOURS_MISSING");
  });

  it("hours are not declared for a full-timer (Q = S)", () => {
    const decision = decideBenefits(
      source([balance(1, 2, 8, 500, 3800)], { assignments: [assignment(10, 3200, 3200)] }),
      frame("2019-01"),
    )!;
    expect(declared(decision.units[0]).details).to.deep.equal([{ code: 8, days: 500, hours: null }]);
    expect(decision.notes.join("\n")).to.contain("holiday hours not declared");
  });

  it("sector 2 (and 3) carries no details, whatever the rows hold", () => {
    const decision = decideBenefits(source([balance(1, 2, 8, 830, null, { holidaySector: 2 })]), frame("2019-01"))!;
    const d = declared(decision.units[0]);
    expect([d.holidaySector, d.details]).to.deep.equal([2, []]);
    expect(decision.notes.join("\n")).to.contain("not declared (seed 003 §4.3.1)");
    expect(declared(units(source([balance(1, 1, null, null, null, { holidaySector: 3 })]), frame("2019-01"))[0]).details).to.deep.equal([]);
  });

  it("rows of one form that disagree on sub-risk or sector are rejected", () => {
    expect(rejectedRule(units(source([balance(1, 2, 8, 500, 100), balance(2, 4, 9, 500, 100)]), frame("2019-01"))[0])).to.equal(
      "HOLIDAY_ROWS_DISAGREE",
    );
  });
});

describe("ZIMA005 timing", () => {
  it("a balance registered after the January cut-off is not yet declared, the February run declares it", () => {
    const rows = [balance(1, 2, 8, 500, 100, { reportedAt: "2019-01-20 09:00:00" })];
    const january = units(source(rows), frame("2019-01"));
    expect(january.map((u) => u.outcome.status)).to.deep.equal(["not-eligible"]);
    expect((january[0].outcome as { reason: string }).reason).to.equal("HOLIDAY_BALANCE_AFTER_CUTOFF");
    expect(declared(units(source(rows), frame("2019-02"))[0]).details).to.have.length(1);
  });

  it("rows of the current holiday year are not due", () => {
    expect(decideBenefits(source([balance(1, 2, 8, 500, 100, { holidayYear: 2019 })]), frame("2019-03"))).to.equal(null);
  });
});

describe("ZIMA005 adapted work (sub-risks 3 and 4)", () => {
  it("carries the Q and days of the last adapted work of the holiday year", () => {
    const adaptedWork = [
      adapted(1, "2018-02-01", "2018-06-30", 1000, 200),
      adapted(2, "2018-07-01", "2018-11-30", 1200, 300),
      adapted(3, "2019-02-01", null, 3200, 500),
    ];
    expect(lastAdaptedWorkOfYear(adaptedWork, 10, 2018)?.id).to.equal(2);
    const d = declared(units(source([balance(1, 4, 8, 500, 900)], { adaptedWork }), frame("2019-01"))[0]);
    expect(d.adaptedWork).to.deep.equal({ q: 1200, daysPerWeek: 300 });
    expect(d.details).to.deep.equal([{ code: 8, days: 500, hours: 900 }]);
  });

  it('hours for a part-time occupation even when the adapted work is full time: glossary 00198 "Verplicht indien Q/S < 1 of indien Q van de aangepaste arbeid/S < 1"', () => {
    const d = declared(
      units(source([balance(1, 3, 1, 500, 900)], { adaptedWork: [adapted(1, "2018-01-01", null, 3200)] }), frame("2019-01"))[0],
    );
    expect(d.details).to.deep.equal([{ code: 1, days: 500, hours: 900 }]);
  });

  it("no hours when both the occupation and the adapted work are full time", () => {
    const fullTime = { assignments: [assignment(10, 3200, 3200)], adaptedWork: [adapted(1, "2018-01-01", null, 3200)] };
    const d = declared(units(source([balance(1, 3, 1, 500, 900)], fullTime), frame("2019-01"))[0]);
    expect(d.details).to.deep.equal([{ code: 1, days: 500, hours: null }]);
  });

  it("without adapted work in the holiday year the form is rejected", () => {
    expect(
      rejectedRule(
        units(source([balance(1, 3, 1, 500, 900)], { adaptedWork: [adapted(1, "2019-02-01", null, 1000)] }), frame("2019-01"))[0],
      ),
    ).to.equal("NO_ADAPTED_WORK_IN_HOLIDAY_YEAR");
  });
});

describe("ZIMA005 bad data", () => {
  it("a bad sub-risk rejects its form, and the other assignment's form is still declared", () => {
    const rows = [balance(1, 7, 1, 500, 100), balance(2, 2, 8, 500, 100, { assignmentId: 11 })];
    const decision = decideBenefits(source(rows, { assignments: [assignment(10), assignment(11)] }), frame("2019-01"))!;
    expect(decision.units.map((u) => [u.assignmentId, u.outcome.status])).to.deep.equal([
      [10, "rejected"],
      [11, "declared"],
    ]);
    expect(rejectedRule(decision.units[0])).to.equal("SUB_RISK_NOT_ALLOWED");
    expect(decision.problems.map((p) => [p.table, p.recordId, p.field, p.rule, p.value])).to.deep.equal([
      ["holiday_balance", "1", "sub_risk", "SUB_RISK_NOT_ALLOWED", "7"],
    ]);
  });

  it("a NULL monthly_salary does not reject a ZIMA005", () => {
    const a = { ...assignment(), monthlySalary: null };
    expect(
      declared(units(source([balance(1, 2, 8, 500, 100)], { assignments: [a] }), frame("2019-01"))[0]).occupation.monthlySalary,
    ).to.equal(0);
  });
});
