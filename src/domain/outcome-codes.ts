/**
 * Why a decision unit was not declared: a reason (the rules say it must not be declared), a waiting
 * reason (decided later), or a rejection (the data breaks the source contract); and what a declared
 * form is flagged with. The codes only: what each one means, in English and in Dutch for operators,
 * school boards and staff, is said by the texts of each language (src/texts/en.ts, src/texts/nl.ts).
 */
import type { YearMonth } from "./year-month";

/** Why the rules say a unit (or a person) must not be declared. */
export const NOT_ELIGIBLE_REASONS = [
  "NO_NOTIFICATION_WINDOW",
  "OUTSIDE_NOTIFICATION_WINDOW",
  "STARTS_AFTER_RUN_MONTH",
  "OCCUPATION_AT_OR_ABOVE_LIMIT",
  "GROSS_AT_OR_ABOVE_THRESHOLD",
  "NO_ASSIGNMENT_IN_WINDOW",
  "NOTIFICATION_AFTER_CUTOFF",
  "BEFORE_ZIMA002_START",
  "HOLIDAY_BALANCE_AFTER_CUTOFF",
  "FULL_TIME_ASSIGNMENT",
  "WINDOW_TOO_OLD",
  "PART_OF_ANOTHER_OCCUPATION",
  "NOT_BENEFITS_INSURED",
  "RESUMPTION_IN_PAID_PERIOD",
  "NO_RESUMPTION_FOR_BIRTH_LEAVE",
  "RESUMPTION_SENT_IN_ZIMA001",
  "ABSENCE_PAID_BY_AGENCY",
] as const;

export type NotEligibleReason = (typeof NOT_ELIGIBLE_REASONS)[number];

/** The rule a record breaks (the source contract), or a built form breaks (its glossary). */
export const REJECTION_RULES = [
  "FIELD_REQUIRED",
  "FIELD_NOT_A_NUMBER",
  "FIELD_NOT_AN_INTEGER",
  "FIELD_NOT_A_DATE",
  "FIELD_NOT_A_TIMESTAMP",
  "FIELD_NOT_A_MONTH",
  "FIELD_VALUE_NOT_ALLOWED",
  "AMOUNT_OUT_OF_RANGE",
  "INSZ_INVALID",
  "DUPLICATE_INSZ",
  "UNKNOWN_STAFF",
  "UNKNOWN_BOARD",
  "UNKNOWN_INSTITUTION",
  "UNKNOWN_ASSIGNMENT",
  "DENOMINATOR_NOT_POSITIVE",
  "NUMERATOR_ABOVE_DENOMINATOR",
  "START_OF_PART_TIME_WORK_REJECTED",
  "NO_THRESHOLD_FOR_MONTH",
  "NUMERATOR_NOT_POSITIVE",
  "Q_ROUNDS_TO_ZERO",
  "END_BEFORE_START",
  "THEORETICAL_SALARY_MISSING",
  "AMOUNT_TOO_LARGE",
  "NEGATIVE_MONTH_TOTAL",
  "NEGATIVE_ASSIGNMENT_AMOUNT",
  "PERSON_DATA_REJECTED",
  "FULLTIME_REQUEST_NOT_APPLICABLE",
  "DUPLICATE_MESSAGE_REF",
  "OCCUPATION_CODE_NOT_ALLOWED",
  "SUB_RISK_NOT_ALLOWED",
  "SUB_RISK_CHANGES_IN_MONTH",
  "ADAPTED_WORK_OVERLAP",
  "ADAPTED_WORK_OUTSIDE_ASSIGNMENT",
  "UNKNOWN_ADAPTED_WORK",
  "OUTSIDE_ADAPTED_WORK",
  "BLOCK_FORBIDDEN_FOR_SUB_RISK",
  "VALUE_OUT_OF_RANGE",
  "DAY_NATURE_CODE_NOT_ALLOWED",
  "WAGE_CODE_NOT_ALLOWED",
  "SEVERANCE_WITHOUT_END_DATE",
  "HOLIDAY_ROWS_DISAGREE",
  "HOLIDAY_CODE_NOT_ALLOWED",
  "HOLIDAY_CODE_REPEATED",
  "TOO_MANY_DETAIL_LINES",
  "DAYS_NOT_IN_HALF_DAYS",
  "HOLIDAY_HOURS_MISSING",
  "UNKNOWN_WAGE_CODE",
  "SEX_DOES_NOT_FIT_RISK",
  "WORKER_CODE_CIVIL_SERVANT",
  "DAY_HOURS_ZERO_NOT_ALLOWED",
  "GLOSSARY_CONDITION_FAILED",
  "NO_ADAPTED_WORK_IN_HOLIDAY_YEAR",
  "ESTABLISHMENT_UNIT_INVALID",
  "KBO_INVALID",
  "DATE_AGAINST_RISK_START",
  "UNKNOWN_ABSENCE",
  "NO_REFERENCE_PERIOD",
  "NO_MONTHLY_WAGE",
  "TOO_MANY_BREAKS",
  "DUPLICATE_ROW",
  "NO_OCCUPATION_AT_RESUMPTION",
  "NO_OCCUPATION_AT_RISK",
  "DMFA_CODES_MISSING",
  "NO_CALCULATION_BASE",
  "TOO_MANY_DAYS",
] as const;

export type RejectionRule = (typeof REJECTION_RULES)[number];

/**
 * Why a unit is neither declared nor finally decided this run (domain.md D26 "waiting"): it is decided
 * again by a later run, or by the operator.
 */
export const WAITING_REASONS = [
  "WAITING_FOR_PAY",
  "WAITING_FOR_ANSWER",
  "REFUSED_NOT_FIXED",
  "HELD_REISSUE",
  "RESUMPTION_AHEAD",
  "REPORTED_AFTER_RUN_MONTH",
  "RISK_NOT_DUE",
  "REFERENCE_DAYS_MISSING",
] as const;

export type WaitingReason = (typeof WAITING_REASONS)[number];

/** What a declared form carries for the operator's attention (not a reason against declaring it). */
export const DECLARATION_FLAGS = [
  "DECLARED_WITHOUT_PAY",
  "SEVERANCE_IN_MONTH",
  "RELEASED_BY_OPERATOR",
  "LATE_RESUMPTION",
  "REFERENCE_DAYS_DERIVED",
] as const;

export type DeclarationFlag = (typeof DECLARATION_FLAGS)[number];

/**
 * Why an accepted form is cancelled (AttestationStatus 3): its unit is now not eligible, or the data no
 * longer yields it at all — no notification any more, its assignment gone, no window or assignment in
 * its month, no adapted work in its month, no holiday balance for its holiday year, its resumption of
 * work gone.
 */
export type CancellationReason =
  | { readonly kind: "not-eligible"; readonly reason: NotEligibleReason }
  | { readonly kind: "no-notification" }
  | { readonly kind: "assignment-gone"; readonly assignmentId: number }
  | { readonly kind: "no-window-or-assignment"; readonly month: YearMonth }
  | { readonly kind: "no-adapted-work"; readonly month: YearMonth }
  | { readonly kind: "no-breastfeeding-breaks"; readonly month: YearMonth }
  | { readonly kind: "no-holiday-balance"; readonly holidayYear: number }
  | { readonly kind: "no-resumption"; readonly month: YearMonth }
  | { readonly kind: "no-absence"; readonly month: YearMonth };

/** Whether a code (a person's reason, which may also be a waiting reason) is a not-eligible reason. */
export function isNotEligibleReason(code: string | null): code is NotEligibleReason {
  return code !== null && (NOT_ELIGIBLE_REASONS as readonly string[]).includes(code);
}

/** Whether a code (a person's reason) is a waiting reason. */
export function isWaitingReason(code: string | null): code is WaitingReason {
  return code !== null && (WAITING_REASONS as readonly string[]).includes(code);
}

/** One broken record: which table and row, which column, the rule it breaks and the offending value. */
export interface RecordProblem {
  readonly table: string;
  readonly recordId: string;
  readonly field: string;
  readonly rule: RejectionRule;
  /** The offending value as text (never an INSZ in clear: the caller masks it). */
  readonly value: string;
}

/** A record's breach of the contract, its id written as text. */
export function recordProblem(table: string, recordId: number | string, field: string, rule: RejectionRule, value: string): RecordProblem {
  return { table, recordId: String(recordId), field, rule, value };
}

/** The problems without repeats: a record reported by two decisions (both sectors, both benefits forms) counts once. */
export function distinctProblems(problems: Iterable<RecordProblem>): RecordProblem[] {
  const seen = new Map<string, RecordProblem>();
  for (const p of problems) {
    const key = `${p.table}|${p.recordId}|${p.field}|${p.rule}|${p.value}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}
