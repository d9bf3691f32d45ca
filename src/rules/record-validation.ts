/**
 * Contract checks beyond single fields (domain.md D10): INSZ check digit, references that must exist
 * and be sound themselves, fractions, date order, theoretical salary, occupation codes, wage codes. Each breach becomes a RecordProblem; the record is then not used to declare, and
 * the person's affected units are rejected.
 */
import { isValidInsz, maskInsz } from "../domain/check-digits";
import { formatHundredths } from "../domain/decimal";
import type { AssignmentRecord, NotificationRecord, ReferenceData, SalaryLineRecord, StaffRecord } from "../domain/ministry-records";
import { type RecordProblem, type RejectionRule, recordProblem } from "../domain/outcome-codes";
import { qAndS } from "./q-and-s";
import { wageCodeClass } from "./wage-codes";
import type { RuleParameters, Wech006WageCodes } from "./rule-parameters";

export function staffProblems(staff: StaffRecord, duplicateInszs: ReadonlyMap<string, readonly number[]> = new Map()): RecordProblem[] {
  // The INSZ must never reach a message in clear: field-level problems on it are masked too (a NULL says nothing).
  const problems = staff.problems.map((p) => (p.field === "insz" && p.value !== "NULL" ? { ...p, value: maskInsz(p.value) } : p));
  if (!problems.some((p) => p.field === "insz") && !isValidInsz(staff.insz)) {
    problems.push(recordProblem("staff_member", staff.id, "insz", "INSZ_INVALID", maskInsz(staff.insz)));
  }
  // A person is their INSZ: two staff ids with one INSZ would be declared twice, each at its own fraction.
  const sharing = duplicateInszs.get(staff.insz)?.filter((id) => id !== staff.id) ?? [];
  if (sharing.length > 0)
    problems.push(
      recordProblem("staff_member", staff.id, "insz", "DUPLICATE_INSZ", `${maskInsz(staff.insz)}, also staff ${sharing.join(", ")}`),
    );
  return problems;
}

/**
 * The school board a record refers to, checked: unknown (`unknown` says which record and column point
 * to it), or known with its own problems (a board without name, an agency outside AGODI/AHOVOKS).
 */
function boardProblems(boardId: number, references: ReferenceData, unknown: RecordProblem): RecordProblem[] {
  const board = references.boards.get(boardId);
  return board ? [...board.problems] : [unknown];
}

export function notificationProblems(
  notification: NotificationRecord,
  references: ReferenceData,
  duplicateRefs: ReadonlySet<string>,
): RecordProblem[] {
  const problems = [...notification.problems];
  if (notification.boardId !== null) {
    problems.push(
      ...boardProblems(
        notification.boardId,
        references,
        recordProblem("rl16_notification", notification.id, "board_id", "UNKNOWN_BOARD", String(notification.boardId)),
      ),
    );
  }
  if (duplicateRefs.has(notification.messageRef)) {
    problems.push(recordProblem("rl16_notification", notification.id, "message_ref", "DUPLICATE_MESSAGE_REF", notification.messageRef));
  }
  return problems;
}

/**
 * Zone 01229 = 9 ("not applicable") is only allowed with joint committee 999. Scenario 3 rejects the
 * assignment's WECH003 with this problem; person-context reports the record with the person's.
 */
export function fulltimeRequestProblem(notificationId: number, jointCommittee: string): RecordProblem {
  return recordProblem(
    "rl16_notification",
    notificationId,
    "fulltime_request",
    "FULLTIME_REQUEST_NOT_APPLICABLE",
    `9 with joint committee ${jointCommittee}`,
  );
}

/** Amounts in the forms have at most 8 digits of cents (zones 00098, 00124). */
export const MAX_FORM_AMOUNT = 99_999_999;

/** Problems that make the assignment's fraction or dates unknown, so that occupation(m) cannot be computed. */
export const OCCUPATION_FIELDS: ReadonlySet<string> = new Set(["start_date", "end_date", "hours_numerator", "hours_denominator"]);

export function assignmentProblems(assignment: AssignmentRecord, references: ReferenceData, parameters: RuleParameters): RecordProblem[] {
  const problems = [...assignment.problems];
  const add = (field: string, rule: RejectionRule, value: string) =>
    problems.push(recordProblem("assignment", assignment.id, field, rule, value));
  if (assignment.denominator !== null && assignment.denominator <= 0)
    add("hours_denominator", "DENOMINATOR_NOT_POSITIVE", formatHundredths(assignment.denominator));
  if (assignment.numerator !== null && assignment.numerator <= 0)
    add("hours_numerator", "NUMERATOR_NOT_POSITIVE", formatHundredths(assignment.numerator));
  if (
    assignment.numerator !== null &&
    assignment.denominator !== null &&
    assignment.denominator > 0 &&
    assignment.numerator > assignment.denominator
  ) {
    add(
      "hours_numerator",
      "NUMERATOR_ABOVE_DENOMINATOR",
      `${formatHundredths(assignment.numerator)}/${formatHundredths(assignment.denominator)}`,
    );
  }
  if (assignment.numerator !== null && assignment.denominator !== null && assignment.numerator > 0 && assignment.denominator > 0) {
    // A fraction so small that Q rounds to 0 (1/8000 of 38 hours): no form may carry MeanWorkingHours 0 here.
    const { q, s } = qAndS(assignment.numerator, assignment.denominator, parameters.qsRule);
    if (q === 0)
      add(
        "hours_numerator",
        "Q_ROUNDS_TO_ZERO",
        `${formatHundredths(assignment.numerator)}/${formatHundredths(assignment.denominator)} gives Q 0 of S ${s}`,
      );
  }
  if (assignment.startDate !== null && assignment.endDate !== null && assignment.endDate < assignment.startDate) {
    add("end_date", "END_BEFORE_START", `${assignment.endDate} < ${assignment.startDate}`);
  }
  if (assignment.institutionId !== null) {
    const institution = references.institutions.get(assignment.institutionId);
    if (!institution) add("institution_id", "UNKNOWN_INSTITUTION", String(assignment.institutionId));
    else {
      // The institution and its board are the employer of the occupation: their own breaches reject it,
      // reported on the record that has them (the operator fixes the institution or the board, not the assignment).
      problems.push(...institution.problems);
      if (institution.boardId !== null) {
        problems.push(
          ...boardProblems(
            institution.boardId,
            references,
            recordProblem("institution", institution.id, "board_id", "UNKNOWN_BOARD", String(institution.boardId)),
          ),
        );
      }
    }
  }
  if (!assignment.problems.some((p) => p.field === "monthly_salary")) {
    if (assignment.monthlySalary === null || assignment.monthlySalary <= 0) {
      add(
        "monthly_salary",
        "THEORETICAL_SALARY_MISSING",
        assignment.monthlySalary === null ? "NULL" : formatHundredths(assignment.monthlySalary),
      );
    } else if (assignment.monthlySalary > MAX_FORM_AMOUNT) {
      add("monthly_salary", "AMOUNT_TOO_LARGE", formatHundredths(assignment.monthlySalary));
    }
  }
  // Zone 00046: CCC, CCC.CC or CCC.CC.CC (999 = none).
  if (assignment.jointCommittee !== null && !/^\d{3}(\.\d{2}){0,2}$/.test(assignment.jointCommittee))
    add("joint_committee", "FIELD_VALUE_NOT_ALLOWED", assignment.jointCommittee);
  for (const [field, value, pattern, forbidden] of [
    ["employer_category", assignment.employerCategory, /^\d{3}$/, parameters.forbiddenEmployerClasses],
    ["worker_code", assignment.workerCode, /^\d{3}$/, parameters.forbiddenWorkerCodes],
  ] as const) {
    if (value === null) continue;
    if (!pattern.test(value)) add(field, "FIELD_VALUE_NOT_ALLOWED", value);
    else if (forbidden.includes(value)) add(field, "OCCUPATION_CODE_NOT_ALLOWED", value);
  }
  return problems;
}

export function salaryLineProblems(line: SalaryLineRecord, assignmentIds: ReadonlySet<number>): RecordProblem[] {
  const problems = [...line.problems];
  if (line.assignmentId !== null && !assignmentIds.has(line.assignmentId)) {
    problems.push(recordProblem("salary_line", line.id, "assignment_id", "UNKNOWN_ASSIGNMENT", String(line.assignmentId)));
  }
  return problems;
}

/**
 * D16: a wage code on none of the WECH006 lists (counted, not counted, severance) makes the month's pay
 * impossible to judge: the line is rejected, and the months that need it with it.
 */
export function wech006WageCodeProblems(line: SalaryLineRecord, codes: Wech006WageCodes): RecordProblem[] {
  if (line.problems.some((p) => p.field === "wage_code") || wageCodeClass(line.wageCode, codes) !== "unknown") return [];
  return [recordProblem("salary_line", line.id, "wage_code", "UNKNOWN_WAGE_CODE", line.wageCode || "NULL")];
}
