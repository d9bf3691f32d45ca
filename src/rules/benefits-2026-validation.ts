/**
 * Contract checks of the tables and columns added for ZIMA001, ZIMA003 and ZIMA006 (ministry-db.md,
 * 2026-12), beyond the field-level checks of the source layer (types, dates, absence.kind, pay_mode):
 * references to the person's own assignments and absences, dates in order and against the risk's start,
 * the ranges of the official XSDs, and the KBO numbers the forms carry. Each breach is a RecordProblem;
 * the rules reject the units it concerns (D10), the rest goes on.
 */
import type { BenefitsCodes } from "../../mappings/benefits-codes";
import { isValidEstablishmentUnit, isValidKbo } from "../domain/check-digits";
import { formatHundredths } from "../domain/decimal";
import { outOf } from "./benefits-validation";
import type {
  AbsenceDayRecord,
  AbsenceRecord,
  AssignmentSalaryRecord,
  BreastfeedingBreakRecord,
  InstitutionRecord,
  SchoolBoardRecord,
  WorkResumptionRecord,
} from "../domain/ministry-records";
import { type RecordProblem, type RejectionRule, recordProblem } from "../domain/outcome-codes";

/** Zone 00128 WorkRecoveryDate: not before 2005-07-01 (anomaly 00128-008). */
export const FIRST_RESUMPTION_DATE = "2005-07-01";

/** The kinds whose risk may carry the fifth-month rest stop (01160 = 0): maternity rest and full removal (002, 003). */
const PRENATAL_REST_KINDS: readonly string[] = ["MATERNITY_REST", "REMOVAL_FULL"];

/**
 * absence: the assignment, when one is named, is the person's; the last day not before the first; the
 * birth or placement date given for birth leave (mandatory for 006); the rest stop only on 002 or 003;
 * the last working day before the risk (for an incapacity the same day may do: glossary 00410).
 */
export function absenceProblems(record: AbsenceRecord, assignmentIds: ReadonlySet<number>): RecordProblem[] {
  const problems = [...record.problems];
  const add = (field: string, rule: RejectionRule, value: string) => problems.push(recordProblem("absence", record.id, field, rule, value));
  if (record.assignmentId !== null && !assignmentIds.has(record.assignmentId))
    add("assignment_id", "UNKNOWN_ASSIGNMENT", String(record.assignmentId));
  if (record.firstDay !== null && record.lastDay !== null && record.lastDay < record.firstDay)
    add("last_day", "END_BEFORE_START", `${record.lastDay} < ${record.firstDay}`);
  if (record.kind === "BIRTH_LEAVE" && record.eventDate === null && !problems.some((p) => p.field === "event_date"))
    add("event_date", "FIELD_REQUIRED", "NULL");
  if (record.prenatalRestStop && record.kind !== null && !PRENATAL_REST_KINDS.includes(record.kind))
    add("prenatal_rest_stop", "FIELD_VALUE_NOT_ALLOWED", `1 on ${record.kind}`);
  if (record.lastWorkingDay !== null && record.firstDay !== null) {
    const tooLate = record.kind === "INCAPACITY" ? record.lastWorkingDay > record.firstDay : record.lastWorkingDay >= record.firstDay;
    if (tooLate) add("last_working_day", "DATE_AGAINST_RISK_START", `${record.lastWorkingDay} >= ${record.firstDay}`);
  }
  return problems;
}

/** Zone 00180 HoursNumber of ZIMA001: [1; 1400] hundredths of hours (ZIMA001_20231.xsd; unlike ZIMA002, 0 is none). */
export const ZIMA001_DAY_HOURS = { min: 1, max: 1400 } as const;

/** absence_day: its hours (zone 00180, part-timers), when given, within ZIMA001's [0.01; 14.00]. */
export function absenceDayProblems(day: AbsenceDayRecord): RecordProblem[] {
  const problems = [...day.problems];
  if (outOf(day.hours, ZIMA001_DAY_HOURS.min, ZIMA001_DAY_HOURS.max))
    problems.push(recordProblem("absence_day", day.id, "hours", "VALUE_OUT_OF_RANGE", `${formatHundredths(day.hours)} not in 0.01-14.00`));
  return problems;
}

/** work_resumption: after the start of the risk it ends, and not before 2005-07-01 (zone 00128). */
export function workResumptionProblems(row: WorkResumptionRecord, absence: AbsenceRecord | null): RecordProblem[] {
  const problems = [...row.problems];
  const date = row.resumptionDate;
  if (date !== null && date < FIRST_RESUMPTION_DATE)
    problems.push(
      recordProblem("work_resumption", row.id, "resumption_date", "VALUE_OUT_OF_RANGE", `${date} before ${FIRST_RESUMPTION_DATE}`),
    );
  else if (date !== null && absence !== null && absence.firstDay !== null && date <= absence.firstDay)
    problems.push(recordProblem("work_resumption", row.id, "resumption_date", "DATE_AGAINST_RISK_START", `${date} <= ${absence.firstDay}`));
  return problems;
}

/** breastfeeding_break: on one of the person's assignments, with 1 to 62 half-hour breaks (zone 00151, anomaly 00151-008). */
export function breastfeedingBreakProblems(
  row: BreastfeedingBreakRecord,
  assignmentIds: ReadonlySet<number>,
  codes: BenefitsCodes,
): RecordProblem[] {
  const problems = [...row.problems];
  if (row.assignmentId !== null && !assignmentIds.has(row.assignmentId))
    problems.push(recordProblem("breastfeeding_break", row.id, "assignment_id", "UNKNOWN_ASSIGNMENT", String(row.assignmentId)));
  if (outOf(row.halfHourBreaks, 1, codes.maxHalfHourBreaks))
    problems.push(
      recordProblem(
        "breastfeeding_break",
        row.id,
        "half_hour_breaks",
        "VALUE_OUT_OF_RANGE",
        `${row.halfHourBreaks} not in 1-${codes.maxHalfHourBreaks}`,
      ),
    );
  return problems;
}

/** assignment_salary: a positive monthly wage (it is the calculation base of 00191 and 00152). */
export function assignmentSalaryProblems(row: AssignmentSalaryRecord): RecordProblem[] {
  const problems = [...row.problems];
  if (row.monthlySalary !== null && row.monthlySalary <= 0)
    problems.push(
      recordProblem(
        "assignment_salary",
        row.recordId,
        "monthly_salary",
        "VALUE_OUT_OF_RANGE",
        `${formatHundredths(row.monthlySalary)} <= 0`,
      ),
    );
  return problems;
}

/** institution.establishment_unit as a ZIMA001 needs it (zone 00042, mandatory): given, and a valid establishment-unit number. */
export function establishmentUnitProblem(institution: InstitutionRecord): RecordProblem | null {
  const unit = institution.establishmentUnit;
  if (unit === null) return recordProblem("institution", institution.id, "establishment_unit", "FIELD_REQUIRED", "NULL");
  return isValidEstablishmentUnit(unit)
    ? null
    : recordProblem("institution", institution.id, "establishment_unit", "ESTABLISHMENT_UNIT_INVALID", unit);
}

/** school_board.prevention_service_kbo (zone 00014 of block 90564): a valid KBO number when given; none is not a breach (the block is "indien gekend"). */
export function preventionServiceProblem(board: SchoolBoardRecord): RecordProblem | null {
  const kbo = board.preventionServiceKbo;
  return kbo === null || isValidKbo(kbo) ? null : recordProblem("school_board", board.id, "prevention_service_kbo", "KBO_INVALID", kbo);
}
