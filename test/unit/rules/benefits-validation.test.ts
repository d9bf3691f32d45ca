/** Record checks of the benefits tables: each breach named by table, record, field, rule and value. */
import { expect } from "chai";
import type { AdaptedWorkRecord, DayNatureRecord, HolidayBalanceRecord, PerformanceLineRecord } from "../../../src/domain/ministry-records";
import type { RecordProblem } from "../../../src/domain/outcome-codes";
import {
  adaptedWorkProblems,
  dayNatureProblems,
  holidayBalanceProblems,
  performanceLineProblems,
  wageCodeKind,
} from "../../../src/rules/benefits-validation";
import { defaultRuleParameters } from "../../../src/rules/rule-parameters";

const codes = defaultRuleParameters().benefitsCodes;

function brief(problems: readonly RecordProblem[]): string[][] {
  return problems.map((p) => [p.table, p.recordId, p.field, p.rule, p.value]);
}

const adapted: AdaptedWorkRecord = {
  id: 5,
  staffId: 1,
  assignmentId: 10,
  subRisk: 1,
  startDate: "2018-09-01",
  endDate: null,
  daysPerWeek: 250,
  qHours: 1000,
  sHours: 2000,
  absenceId: null,
  laterColumnProblems: [],
  problems: [],
};
const performance: PerformanceLineRecord = {
  id: 6,
  adaptedWorkId: 5,
  periodMonth: "2018-10",
  performanceCode: "1",
  days: null,
  hours: 800,
  problems: [],
};
const day: DayNatureRecord = { id: 7, adaptedWorkId: 5, day: "2018-10-03", code: "3.1", hours: 400, problems: [] };
const holiday: HolidayBalanceRecord = {
  id: 8,
  staffId: 1,
  assignmentId: 10,
  holidayYear: 2018,
  subRisk: 1,
  holidaySector: 1,
  holidayCode: 1,
  days: 850,
  hours: 2720,
  reportedAt: "2019-01-07 10:00:00",
  problems: [],
};

describe("benefits record checks", () => {
  it("a sound row of each table has no problem", () => {
    expect(adaptedWorkProblems(adapted, codes)).to.deep.equal([]);
    expect(performanceLineProblems(performance, new Set([5]))).to.deep.equal([]);
    expect(dayNatureProblems(day, new Set([5]), codes)).to.deep.equal([]);
    expect(holidayBalanceProblems(holiday, codes)).to.deep.equal([]);
  });

  it("adapted_work: sub-risk, date order, Q, S and days ranges", () => {
    expect(
      brief(adaptedWorkProblems({ ...adapted, subRisk: 3, endDate: "2018-08-31", qHours: 4801, sHours: 0, daysPerWeek: 710 }, codes)),
    ).to.deep.equal([
      ["adapted_work", "5", "sub_risk", "SUB_RISK_NOT_ALLOWED", "3"],
      ["adapted_work", "5", "end_date", "END_BEFORE_START", "2018-08-31 < 2018-09-01"],
      ["adapted_work", "5", "q_hours", "VALUE_OUT_OF_RANGE", "48.01 not in 0.00-48.00"],
      ["adapted_work", "5", "s_hours", "VALUE_OUT_OF_RANGE", "0.00 not in 0.01-48.00"],
      ["adapted_work", "5", "days_per_week", "VALUE_OUT_OF_RANGE", "7.10 not in 0.00-7.00"],
    ]);
  });

  it("a required value that is NULL without a field problem of its own is FIELD_REQUIRED, once", () => {
    expect(brief(adaptedWorkProblems({ ...adapted, qHours: null }, codes))).to.deep.equal([
      ["adapted_work", "5", "q_hours", "FIELD_REQUIRED", "NULL"],
    ]);
    const own: RecordProblem = { table: "adapted_work", recordId: "5", field: "q_hours", rule: "FIELD_NOT_A_NUMBER", value: "abc" };
    expect(adaptedWorkProblems({ ...adapted, qHours: null, problems: [own] }, codes)).to.deep.equal([own]);
  });

  it("performance_line: unknown adapted work, code of 1-3 digits, hours >= 0.01, days > 0", () => {
    expect(
      brief(performanceLineProblems({ ...performance, adaptedWorkId: 9, performanceCode: "1A", hours: 0, days: 0 }, new Set([5]))),
    ).to.deep.equal([
      ["performance_line", "6", "adapted_work_id", "UNKNOWN_ADAPTED_WORK", "9"],
      ["performance_line", "6", "performance_code", "FIELD_VALUE_NOT_ALLOWED", "1A"],
      ["performance_line", "6", "hours", "VALUE_OUT_OF_RANGE", "0.00 not in 0.01-99999.99"],
      ["performance_line", "6", "days", "VALUE_OUT_OF_RANGE", "0.00 not in 0.01-366.00"],
    ]);
  });

  it("day_nature: 3.5 and unknown codes are not allowed, hours at most 14.00", () => {
    expect(brief(dayNatureProblems({ ...day, code: "3.5", hours: 1401 }, new Set([5]), codes))).to.deep.equal([
      ["day_nature", "7", "code", "DAY_NATURE_CODE_NOT_ALLOWED", "3.5"],
      ["day_nature", "7", "hours", "VALUE_OUT_OF_RANGE", "14.01 not in 0.00-14.00"],
    ]);
    for (const code of ["3.4", "5.10", "6.1", "6.21"]) expect(dayNatureProblems({ ...day, code }, new Set([5]), codes)).to.deep.equal([]);
    expect(dayNatureProblems({ ...day, code: "5.11" }, new Set([5]), codes).map((p) => p.rule)).to.deep.equal([
      "DAY_NATURE_CODE_NOT_ALLOWED",
    ]);
  });

  it("holiday_balance: sub-risk, sector, code per sub-risk, half days, day and hour limits", () => {
    expect(brief(holidayBalanceProblems({ ...holiday, subRisk: 5, holidaySector: 4 }, codes))).to.deep.equal([
      ["holiday_balance", "8", "sub_risk", "SUB_RISK_NOT_ALLOWED", "5"],
      ["holiday_balance", "8", "holiday_sector", "FIELD_VALUE_NOT_ALLOWED", "4"],
    ]);
    expect(brief(holidayBalanceProblems({ ...holiday, subRisk: 2, holidayCode: 1, days: 875, hours: 40001 }, codes))).to.deep.equal([
      ["holiday_balance", "8", "holiday_code", "HOLIDAY_CODE_NOT_ALLOWED", "1 with sub-risk 2"],
      ["holiday_balance", "8", "days", "DAYS_NOT_IN_HALF_DAYS", "8.75"],
      ["holiday_balance", "8", "hours", "VALUE_OUT_OF_RANGE", "400.01 not in 0.00-400.00"],
    ]);
    // Glossary 00197 of ZIMA005: "Voor dit risico geldt Geheel getal en element van [0 ; 500]" tenths: 50 days at most.
    expect(brief(holidayBalanceProblems({ ...holiday, days: 5050 }, codes))).to.deep.equal([
      ["holiday_balance", "8", "days", "VALUE_OUT_OF_RANGE", "50.50 not in 0.0-50.0"],
    ]);
    expect(holidayBalanceProblems({ ...holiday, days: 5000 }, codes)).to.deep.equal([]);
    expect(brief(holidayBalanceProblems({ ...holiday, holidayCode: null, days: null }, codes)).map((p) => p[3])).to.deep.equal([
      "FIELD_REQUIRED",
      "FIELD_REQUIRED",
    ]);
  });

  it("holiday_balance in sector 2 or 3: the detail columns are not checked", () => {
    const own: RecordProblem = { table: "holiday_balance", recordId: "8", field: "days", rule: "FIELD_NOT_A_NUMBER", value: "x" };
    expect(holidayBalanceProblems({ ...holiday, holidaySector: 2, holidayCode: 7, days: 833, problems: [own] }, codes)).to.deep.equal([]);
  });

  it("wage codes: exact wage, excluded, severance, not allowed", () => {
    expect(["01", "51", "02", "10", "23", "03", "09", "77"].map((c) => wageCodeKind(c, codes))).to.deep.equal([
      "exact-wage",
      "exact-wage",
      "excluded",
      "excluded",
      "excluded",
      "severance",
      "severance",
      "not-allowed",
    ]);
  });
});
