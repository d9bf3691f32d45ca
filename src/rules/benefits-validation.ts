/**
 * Contract checks of the four benefits-sector tables (adapted_work, performance_line, day_nature,
 * holiday_balance) and the classification of wage codes for ZIMA002, beyond the field-level checks of
 * the source layer: allowed sub-risks and codes (seeds 002 and 003), the ranges of the official XSDs,
 * half days. Each breach is a RecordProblem; the units it concerns are rejected, the rest goes on.
 */
import type { BenefitsCodes } from "../../mappings/benefits-codes";
import { formatHundredths } from "../domain/decimal";
import type {
  AdaptedWorkRecord,
  DayNatureRecord,
  HolidayBalanceRecord,
  PerformanceLineRecord,
  SalaryLineRecord,
} from "../domain/ministry-records";
import { type RecordProblem, type RejectionRule, recordProblem } from "../domain/outcome-codes";

/** XSD bounds of the ZIMA zones, in the hundredths and cents of the records. */
export const ZIMA_LIMITS = {
  /** Zone 00554 ExceptSituationMeanWorkingHours [0; 4800]. */
  adaptedQMax: 4800,
  /** Zone 00049 RefMeanWorkingHours [1; 4800] (S of the adapted work). */
  adaptedSMax: 4800,
  /** Zone 00393 ExceptSituationWorkingDaysSystem [0; 700]. */
  adaptedDaysMax: 700,
  /** Zone 00064 ServiceNbrHours [1; 9999999]. */
  serviceHoursMax: 9_999_999,
  /** Zone 00063 ServiceNbrDays [1; 36600]. */
  serviceDaysMax: 36_600,
  /** Block 90018 Service: at most 99 per reference period. */
  servicesMax: 99,
  /** Zone 00180 HoursNumber [0; 1400] (XSD; the glossary says 2400, the XSD is what validates). */
  dayNatureHoursMax: 1400,
  /** Block 90074 NatureOfDay: at most 62 per reference period. */
  dayNaturesMax: 62,
  /** Zone 01132 SeverancePaymentRemuneration [1; 99999999999] cents. */
  severanceAmountMax: 99_999_999_999,
  /** Zone 00197 HolidayDaysNumber: tenths of a day, "maximum 500" (50 days) for this risk (glossary 00197 of ZIMA005), here in hundredths. */
  holidayDaysMax: 5000,
  /** Zone 00198 HolidayHoursNumber [0; 40000]. */
  holidayHoursMax: 40_000,
} as const;

/** The only day-nature code that may carry 0 hours on ZIMA002 (glossary 00180). */
export const ZERO_HOURS_DAY_CODE = "6.21";

/** The record's own field problems, plus FIELD_REQUIRED for a required value that is null without one. */
function withRequired(table: string, id: number, own: readonly RecordProblem[], required: readonly [string, unknown][]): RecordProblem[] {
  const problems = [...own];
  for (const [field, value] of required) {
    if (value === null && !problems.some((p) => p.field === field))
      problems.push(recordProblem(table, id, field, "FIELD_REQUIRED", "NULL"));
  }
  return problems;
}

/** Whether a value is given and outside [min; max]. */
export function outOf(value: number | null, min: number, max: number): value is number {
  return value !== null && (value < min || value > max);
}

/** adapted_work: sub-risk 1 or 2, dates in order, Q, S and days within the form's ranges. */
export function adaptedWorkProblems(record: AdaptedWorkRecord, codes: BenefitsCodes): RecordProblem[] {
  const problems = withRequired("adapted_work", record.id, record.problems, [
    ["assignment_id", record.assignmentId],
    ["sub_risk", record.subRisk],
    ["start_date", record.startDate],
    ["days_per_week", record.daysPerWeek],
    ["q_hours", record.qHours],
    ["s_hours", record.sHours],
  ]);
  const add = (field: string, rule: RejectionRule, value: string) =>
    problems.push(recordProblem("adapted_work", record.id, field, rule, value));
  if (record.subRisk !== null && !codes.zima002SubRisks.includes(record.subRisk))
    add("sub_risk", "SUB_RISK_NOT_ALLOWED", String(record.subRisk));
  if (record.startDate !== null && record.endDate !== null && record.endDate < record.startDate)
    add("end_date", "END_BEFORE_START", `${record.endDate} < ${record.startDate}`);
  if (outOf(record.qHours, 0, ZIMA_LIMITS.adaptedQMax))
    add("q_hours", "VALUE_OUT_OF_RANGE", `${formatHundredths(record.qHours!)} not in 0.00-48.00`);
  if (outOf(record.sHours, 1, ZIMA_LIMITS.adaptedSMax))
    add("s_hours", "VALUE_OUT_OF_RANGE", `${formatHundredths(record.sHours!)} not in 0.01-48.00`);
  if (outOf(record.daysPerWeek, 0, ZIMA_LIMITS.adaptedDaysMax))
    add("days_per_week", "VALUE_OUT_OF_RANGE", `${formatHundredths(record.daysPerWeek!)} not in 0.00-7.00`);
  return problems;
}

/** performance_line: a known adapted work, a DmfA code of 1-3 digits, hours >= 0.01, days (when given) >= 0.01. */
export function performanceLineProblems(line: PerformanceLineRecord, adaptedWorkIds: ReadonlySet<number>): RecordProblem[] {
  const problems = withRequired("performance_line", line.id, line.problems, [
    ["adapted_work_id", line.adaptedWorkId],
    ["period_month", line.periodMonth],
    ["hours", line.hours],
  ]);
  const add = (field: string, rule: RejectionRule, value: string) =>
    problems.push(recordProblem("performance_line", line.id, field, rule, value));
  if (line.adaptedWorkId !== null && !adaptedWorkIds.has(line.adaptedWorkId))
    add("adapted_work_id", "UNKNOWN_ADAPTED_WORK", String(line.adaptedWorkId));
  if (!/^\d{1,3}$/.test(line.performanceCode)) add("performance_code", "FIELD_VALUE_NOT_ALLOWED", line.performanceCode || "NULL");
  if (outOf(line.hours, 1, ZIMA_LIMITS.serviceHoursMax))
    add("hours", "VALUE_OUT_OF_RANGE", `${formatHundredths(line.hours!)} not in 0.01-99999.99`);
  if (outOf(line.days, 1, ZIMA_LIMITS.serviceDaysMax))
    add("days", "VALUE_OUT_OF_RANGE", `${formatHundredths(line.days!)} not in 0.01-366.00`);
  return problems;
}

/** day_nature: a known adapted work, a code of seed 002 §3.5.2 (never 3.5), hours 0-14.00. */
export function dayNatureProblems(line: DayNatureRecord, adaptedWorkIds: ReadonlySet<number>, codes: BenefitsCodes): RecordProblem[] {
  const problems = withRequired("day_nature", line.id, line.problems, [
    ["adapted_work_id", line.adaptedWorkId],
    ["day", line.day],
    ["hours", line.hours],
  ]);
  const add = (field: string, rule: RejectionRule, value: string) =>
    problems.push(recordProblem("day_nature", line.id, field, rule, value));
  if (line.adaptedWorkId !== null && !adaptedWorkIds.has(line.adaptedWorkId))
    add("adapted_work_id", "UNKNOWN_ADAPTED_WORK", String(line.adaptedWorkId));
  if (!codes.dayNatureCodes.includes(line.code)) add("code", "DAY_NATURE_CODE_NOT_ALLOWED", line.code || "NULL");
  if (outOf(line.hours, 0, ZIMA_LIMITS.dayNatureHoursMax))
    add("hours", "VALUE_OUT_OF_RANGE", `${formatHundredths(line.hours!)} not in 0.00-14.00`);
  // Glossary 00180 of ZIMA002: "De waarde '0' is alleen toegelaten in combinatie met de code aard van de dag 6.21".
  else if (line.hours === 0 && line.code !== ZERO_HOURS_DAY_CODE)
    add("hours", "DAY_HOURS_ZERO_NOT_ALLOWED", `0.00 with code ${line.code || "NULL"}`);
  return problems;
}

/** The detail columns of holiday_balance: not filled (and ignored) for holiday sectors 2 and 3. */
export const HOLIDAY_DETAIL_FIELDS: ReadonlySet<string> = new Set(["holiday_code", "days", "hours"]);

/**
 * holiday_balance, one row on its own: sub-risk 1-4, sector 1-3, and for sector 1 a holiday code
 * allowed for the sub-risk, days in half days below 100, hours within 0-400.00. For sectors 2 and 3 the
 * detail columns are ignored, their problems too (seed 003 §4.3.1). Checks across the rows of one
 * form (same sub-risk and sector, a code once, at most four) are zima005's.
 */
export function holidayBalanceProblems(row: HolidayBalanceRecord, codes: BenefitsCodes): RecordProblem[] {
  const withoutDetails = row.holidaySector !== null && codes.holidaySectorsWithoutDetails.includes(row.holidaySector);
  const own = withoutDetails ? row.problems.filter((p) => !HOLIDAY_DETAIL_FIELDS.has(p.field)) : row.problems;
  const problems = withRequired("holiday_balance", row.id, own, [
    ["assignment_id", row.assignmentId],
    ["holiday_year", row.holidayYear],
    ["sub_risk", row.subRisk],
    ["holiday_sector", row.holidaySector],
    ["reported_at", row.reportedAt],
  ]);
  const add = (field: string, rule: RejectionRule, value: string) =>
    problems.push(recordProblem("holiday_balance", row.id, field, rule, value));
  const subRiskKnown = row.subRisk !== null && codes.zima005SubRisks.includes(row.subRisk);
  if (row.subRisk !== null && !subRiskKnown) add("sub_risk", "SUB_RISK_NOT_ALLOWED", String(row.subRisk));
  if (row.holidaySector !== null && !codes.holidaySectors.includes(row.holidaySector))
    add("holiday_sector", "FIELD_VALUE_NOT_ALLOWED", String(row.holidaySector));
  if (withoutDetails || row.holidaySector === null || !codes.holidaySectors.includes(row.holidaySector)) return problems;

  if (row.holidayCode === null) {
    if (!problems.some((p) => p.field === "holiday_code")) add("holiday_code", "FIELD_REQUIRED", "NULL");
  } else if (subRiskKnown && !(codes.holidayCodesBySubRisk[row.subRisk!] ?? []).includes(row.holidayCode)) {
    add("holiday_code", "HOLIDAY_CODE_NOT_ALLOWED", `${row.holidayCode} with sub-risk ${row.subRisk}`);
  }
  if (row.days === null) {
    if (!problems.some((p) => p.field === "days")) add("days", "FIELD_REQUIRED", "NULL");
  } else if (row.days < 0 || row.days > ZIMA_LIMITS.holidayDaysMax) {
    add("days", "VALUE_OUT_OF_RANGE", `${formatHundredths(row.days)} not in 0.0-50.0`);
  } else if (row.days % 50 !== 0) {
    add("days", "DAYS_NOT_IN_HALF_DAYS", formatHundredths(row.days));
  }
  if (outOf(row.hours, 0, ZIMA_LIMITS.holidayHoursMax))
    add("hours", "VALUE_OUT_OF_RANGE", `${formatHundredths(row.hours!)} not in 0.00-400.00`);
  return problems;
}

/** What ZIMA002 does with a salary line's wage code (seed 002 §3.3 and §3.6.1). */
export type WageCodeKind = "exact-wage" | "excluded" | "severance" | "not-allowed";

export function wageCodeKind(code: string, codes: BenefitsCodes): WageCodeKind {
  if (codes.exactWageCodes.includes(code)) return "exact-wage";
  if (codes.excludedWageCodes.includes(code)) return "excluded";
  if (codes.severanceWageCodes.includes(code)) return "severance";
  return "not-allowed";
}

/** The problem of a salary line whose wage code ZIMA002 cannot place. */
export function wageCodeProblem(line: SalaryLineRecord): RecordProblem {
  return recordProblem("salary_line", line.id, "wage_code", "WAGE_CODE_NOT_ALLOWED", line.wageCode || "NULL");
}
