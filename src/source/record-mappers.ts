/**
 * Raw contract rows (keyed by contract column name) to the plain records of src/domain.
 * Field-level breaches land in each record's `problems`; business rules are checked in src/rules.
 */
import {
  ABSENCE_KINDS,
  type AbsenceDayRecord,
  type AbsenceKind,
  type AbsenceRecord,
  type AdaptedWorkRecord,
  type AssignmentRecord,
  type AssignmentSalaryRecord,
  type BreastfeedingBreakRecord,
  type DayNatureRecord,
  type HolidayBalanceRecord,
  type InstitutionRecord,
  type NotificationRecord,
  type PaymentCalendarRecord,
  type PerformanceLineRecord,
  type SalaryLineRecord,
  type SchoolBoardRecord,
  type StaffRecord,
  type WorkResumptionRecord,
} from "../domain/ministry-records";
import { dateKeyOf, RowReader } from "./row-reader";

type Raw = Record<string, unknown>;

function idOf(row: Raw): number {
  return Number(row.id);
}

/** The contract's closed sets of text values (ministry-db.md). */
export const AGENCIES: readonly string[] = ["AGODI", "AHOVOKS"];
export const ASSIGNMENT_STATUSES: readonly string[] = ["T", "V", "C"];
/** assignment.pay_mode, zone 00060 TenthOrTwelfth. */
export const PAY_MODES: readonly number[] = [10, 12];

export function toSchoolBoard(row: Raw): SchoolBoardRecord {
  const r = new RowReader("school_board", row, String(row.id));
  return {
    id: idOf(row),
    name: r.text("name") ?? "",
    agency: r.oneOf("agency", AGENCIES) ?? "",
    preventionServiceKbo: r.text("prevention_service_kbo", false),
    preventionServiceName: r.text("prevention_service_name", false),
    problems: r.problems,
  };
}

export function toInstitution(row: Raw): InstitutionRecord {
  const r = new RowReader("institution", row, String(row.id));
  return {
    id: idOf(row),
    boardId: r.integer("board_id"),
    name: r.text("name") ?? "",
    level: r.text("level") ?? "",
    establishmentUnit: r.text("establishment_unit", false),
    problems: r.problems,
  };
}

export const GENDERS: readonly string[] = ["M", "F", "X"];

export function toStaff(row: Raw): StaffRecord {
  const r = new RowReader("staff_member", row, String(row.id));
  const g = new RowReader("staff_member", row, String(row.id));
  const gender = g.oneOf("gender", GENDERS) as StaffRecord["gender"];
  return {
    id: idOf(row),
    insz: r.text("insz") ?? "",
    lastName: r.text("last_name") ?? "",
    firstName: r.text("first_name") ?? "",
    gender,
    genderProblem: g.problems[0] ?? null,
    problems: r.problems,
  };
}

export function toAssignment(row: Raw): AssignmentRecord {
  const r = new RowReader("assignment", row, String(row.id));
  return {
    id: idOf(row),
    staffId: Number(row.staff_id),
    institutionId: r.integer("institution_id"),
    startDate: r.date("start_date"),
    endDate: r.date("end_date", false),
    numerator: r.hundredths("hours_numerator"),
    denominator: r.hundredths("hours_denominator"),
    daysPerWeek: r.hundredths("days_per_week", false),
    jobTitle: r.text("job_title", false),
    // Temporary, appointed or contractual: a classification the rules may depend on (appointed staff and
    // unemployment insurance), so a value outside the contract's set is refused like a NULL.
    status: r.oneOf("status", ASSIGNMENT_STATUSES) ?? "",
    jointCommittee: r.text("joint_committee", false),
    employerCategory: r.text("employer_category", false),
    workerCode: r.text("worker_code", false),
    monthlySalary: r.cents("monthly_salary", false),
    payMode: r.code("pay_mode", PAY_MODES, false) as AssignmentRecord["payMode"],
    laterColumnProblems: r.laterColumnProblems,
    problems: r.problems,
  };
}

export function toSalaryLine(row: Raw): SalaryLineRecord {
  const r = new RowReader("salary_line", row, String(row.id));
  return {
    id: idOf(row),
    staffId: Number(row.staff_id),
    assignmentId: r.integer("assignment_id", false),
    periodMonth: r.month("period_month"),
    gross: r.cents("gross_amount"),
    wageCode: r.text("wage_code") ?? "",
    paidOn: r.date("paid_on"),
    problems: r.problems,
  };
}

export function toNotification(row: Raw): NotificationRecord {
  const r = new RowReader("rl16_notification", row, String(row.id));
  return {
    id: idOf(row),
    staffId: Number(row.staff_id),
    boardId: r.integer("board_id"),
    messageRef: r.text("message_ref") ?? "",
    receivedAt: r.timestamp("received_at"),
    validFrom: r.date("valid_from"),
    withdrawnFrom: r.date("withdrawn_from", false),
    maintenanceOfRights: r.code("maintenance_of_rights", [0, 1]),
    fulltimeRequest: r.code("fulltime_request", [0, 1, 9]),
    problems: r.problems,
  };
}

/**
 * Benefits sector (ZIMA002). Sub-risk is read as any integer: a value other than 1 or 2 is a business
 * rejection decided in src/rules, with the sub-risk named, not a field that cannot be read.
 */
export function toAdaptedWork(row: Raw): AdaptedWorkRecord {
  const r = new RowReader("adapted_work", row, String(row.id));
  return {
    id: idOf(row),
    staffId: Number(row.staff_id),
    assignmentId: r.integer("assignment_id"),
    subRisk: r.integer("sub_risk"),
    startDate: r.date("start_date"),
    endDate: r.date("end_date", false),
    daysPerWeek: r.hundredths("days_per_week"),
    qHours: r.hundredths("q_hours"),
    sHours: r.hundredths("s_hours"),
    absenceId: r.integer("absence_id", false),
    laterColumnProblems: r.laterColumnProblems,
    problems: r.problems,
  };
}

export function toPerformanceLine(row: Raw): PerformanceLineRecord {
  const r = new RowReader("performance_line", row, String(row.id));
  return {
    id: idOf(row),
    adaptedWorkId: r.integer("adapted_work_id"),
    periodMonth: r.month("period_month"),
    performanceCode: r.text("performance_code") ?? "",
    days: r.hundredths("days", false),
    hours: r.hundredths("hours"),
    problems: r.problems,
  };
}

export function toDayNature(row: Raw): DayNatureRecord {
  const r = new RowReader("day_nature", row, String(row.id));
  return {
    id: idOf(row),
    adaptedWorkId: r.integer("adapted_work_id"),
    day: r.date("day"),
    code: r.text("code") ?? "",
    hours: r.hundredths("hours"),
    problems: r.problems,
  };
}

/**
 * Benefits sector (ZIMA005). Sub-risk, holiday sector and holiday code are read as any integer: which
 * values are allowed (and for which sub-risk) is decided in src/rules. Days DECIMAL(4,1) x 100 (8.5 -> 850).
 */
export function toHolidayBalance(row: Raw): HolidayBalanceRecord {
  const r = new RowReader("holiday_balance", row, String(row.id));
  return {
    id: idOf(row),
    staffId: Number(row.staff_id),
    assignmentId: r.integer("assignment_id"),
    holidayYear: r.integer("holiday_year"),
    subRisk: r.integer("sub_risk"),
    holidaySector: r.integer("holiday_sector"),
    holidayCode: r.integer("holiday_code", false),
    days: r.hundredths("days", false),
    hours: r.hundredths("hours", false),
    reportedAt: r.timestamp("reported_at"),
    problems: r.problems,
  };
}

/** Benefits sector (ZIMA001, ZIMA006). Whether the dates and codes fit the risk is decided in src/rules. */
export function toAbsence(row: Raw): AbsenceRecord {
  const r = new RowReader("absence", row, String(row.id));
  return {
    id: idOf(row),
    staffId: Number(row.staff_id),
    assignmentId: r.integer("assignment_id", false),
    kind: r.oneOf("kind", ABSENCE_KINDS) as AbsenceKind | null,
    firstDay: r.date("first_day"),
    lastDay: r.date("last_day", false),
    relapseOfId: r.integer("relapse_of_id", false),
    lastWorkingDay: r.date("last_working_day", false),
    paidUntil: r.date("paid_until", false),
    paidDayCode: r.text("paid_day_code", false),
    eventDate: r.date("event_date", false),
    certificateRef: r.text("certificate_ref", false),
    prenatalRestStop: r.code("prenatal_rest_stop", [0, 1], false) === 1,
    reportedAt: r.timestamp("reported_at"),
    problems: r.problems,
  };
}

export function toAbsenceDay(row: Raw): AbsenceDayRecord {
  const r = new RowReader("absence_day", row, String(row.id));
  return {
    id: idOf(row),
    absenceId: r.integer("absence_id"),
    day: r.date("day"),
    code: r.text("code") ?? "",
    hours: r.hundredths("hours", false),
    problems: r.problems,
  };
}

/** Benefits sector (ZIMA003). The number of breaks is read as any integer: its range (1-62) is a rule of src/rules. */
export function toBreastfeedingBreak(row: Raw): BreastfeedingBreakRecord {
  const r = new RowReader("breastfeeding_break", row, String(row.id));
  return {
    id: idOf(row),
    staffId: Number(row.staff_id),
    assignmentId: r.integer("assignment_id"),
    periodMonth: r.month("period_month"),
    halfHourBreaks: r.integer("half_hour_breaks"),
    reportedAt: r.timestamp("reported_at"),
    problems: r.problems,
  };
}

export function toWorkResumption(row: Raw): WorkResumptionRecord {
  const r = new RowReader("work_resumption", row, String(row.id));
  return {
    id: idOf(row),
    absenceId: r.integer("absence_id"),
    resumptionDate: r.date("resumption_date"),
    requestTicket: r.text("request_ticket", false),
    reportedAt: r.timestamp("reported_at"),
    problems: r.problems,
  };
}

/** assignment_salary has no id: a row is its assignment and its first day. */
export function toAssignmentSalary(row: Raw): AssignmentSalaryRecord {
  const recordId = `${String(row.assignment_id)} ${dateKeyOf(row.valid_from)}`;
  const r = new RowReader("assignment_salary", row, recordId);
  return {
    recordId,
    assignmentId: Number(row.assignment_id),
    validFrom: r.date("valid_from"),
    monthlySalary: r.cents("monthly_salary"),
    problems: r.problems,
  };
}

/** Calendar rows are configuration: an unreadable one is an error for the whole run, not a rejection. */
export function toPaymentCalendar(row: Raw): PaymentCalendarRecord | { periodMonth: string; error: string } {
  const r = new RowReader("payment_calendar", row, String(row.period_month));
  const periodMonth = r.month("period_month");
  const cutoffAt = r.timestamp("cutoff_at");
  if (periodMonth === null || cutoffAt === null) {
    return { periodMonth: String(row.period_month), error: r.problems.map((p) => `${p.field}: ${p.value}`).join("; ") };
  }
  return { periodMonth, cutoffAt };
}
