/**
 * The source contract of ministry-db.md as data: tables, columns, portable types. Entity schemas,
 * `easr db init` and the readers are all derived from this one description.
 */
export type ColumnKind =
  | { kind: "integer" }
  | { kind: "smallint" }
  | { kind: "varchar"; length: number }
  | { kind: "char"; length: number }
  | { kind: "date" }
  | { kind: "timestamp" }
  | { kind: "decimal"; precision: number; scale: number };

/**
 * A part of the contract added after the first one (ministry-db.md, "added 2026-12"): a source may
 * not have it yet. It runs all the same — a missing column is read as NULL, a missing table as
 * empty — and the run says once which forms it therefore cannot produce.
 */
export interface LaterAddition {
  /** The forms that need it. */
  readonly neededFor: readonly string[];
  /** What takes its place when the source lacks it, for a part the forms can do without. */
  readonly fallback?: string;
}

export interface ContractColumn {
  /** Property name in the readers' plain records (camelCase). */
  readonly property: string;
  /** Column name in the contract (snake_case). */
  readonly name: string;
  readonly type: ColumnKind;
  readonly nullable: boolean;
  readonly primary?: boolean;
  readonly unique?: boolean;
  /** A column added to an existing table later (always nullable). */
  readonly added?: LaterAddition;
}

export interface ContractTable {
  /** Entity name used with TypeORM. */
  readonly entity: string;
  /** Table name in the contract. */
  readonly name: string;
  readonly columns: readonly ContractColumn[];
  /** A table added later. */
  readonly added?: LaterAddition;
}

const int = { kind: "integer" } as const;
const small = { kind: "smallint" } as const;
const date = { kind: "date" } as const;
const timestamp = { kind: "timestamp" } as const;
const varchar = (length: number) => ({ kind: "varchar", length }) as const;
const char = (length: number) => ({ kind: "char", length }) as const;
const decimal = (precision: number, scale: number) => ({ kind: "decimal", precision, scale }) as const;

function col(property: string, name: string, type: ColumnKind, nullable = false, extra: Partial<ContractColumn> = {}): ContractColumn {
  return { property, name, type, nullable, ...extra };
}
const id = col("id", "id", int, false, { primary: true });

/** A nullable column added in 2026-12 for the benefits forms ZIMA001, ZIMA003, ZIMA006. */
function addedCol(property: string, name: string, type: ColumnKind, neededFor: readonly string[]): ContractColumn {
  return col(property, name, type, true, { added: { neededFor } });
}

export const SCHOOL_BOARD: ContractTable = {
  entity: "SchoolBoard",
  name: "school_board",
  columns: [
    id,
    col("name", "name", varchar(200)),
    col("agency", "agency", varchar(10)),
    col("nossNumber", "noss_number", varchar(10), true),
    col("kboNumber", "kbo_number", char(10), true),
    addedCol("preventionServiceKbo", "prevention_service_kbo", char(10), ["ZIMA001"]),
    addedCol("preventionServiceName", "prevention_service_name", varchar(96), ["ZIMA001"]),
  ],
};

export const INSTITUTION: ContractTable = {
  entity: "Institution",
  name: "institution",
  columns: [
    id,
    col("boardId", "board_id", int),
    col("name", "name", varchar(200)),
    col("level", "level", varchar(10)),
    addedCol("establishmentUnit", "establishment_unit", char(10), ["ZIMA001"]),
  ],
};

export const STAFF_MEMBER: ContractTable = {
  entity: "StaffMember",
  name: "staff_member",
  columns: [
    id,
    col("insz", "insz", char(11), false, { unique: true }),
    col("lastName", "last_name", varchar(100)),
    col("firstName", "first_name", varchar(100)),
    col("birthDate", "birth_date", date),
    col("gender", "gender", char(1)),
    col("street", "street", varchar(200), true),
    col("houseNumber", "house_number", varchar(20), true),
    col("box", "box", varchar(20), true),
    col("postalCode", "postal_code", varchar(20), true),
    col("municipality", "municipality", varchar(100), true),
    col("countryCode", "country_code", char(3)),
    col("nationality", "nationality", char(3), true),
  ],
};

export const ASSIGNMENT: ContractTable = {
  entity: "Assignment",
  name: "assignment",
  columns: [
    id,
    col("staffId", "staff_id", int),
    col("institutionId", "institution_id", int),
    col("startDate", "start_date", date),
    col("endDate", "end_date", date, true),
    col("hoursNumerator", "hours_numerator", decimal(7, 2)),
    col("hoursDenominator", "hours_denominator", decimal(7, 2)),
    col("daysPerWeek", "days_per_week", decimal(3, 1), true),
    col("jobTitle", "job_title", varchar(100), true),
    col("status", "status", char(1)),
    col("jointCommittee", "joint_committee", varchar(10), true),
    col("employerCategory", "employer_category", char(3), true),
    col("workerCode", "worker_code", char(3), true),
    col("monthlySalary", "monthly_salary", decimal(12, 2), true),
    addedCol("payMode", "pay_mode", small, ["ZIMA001"]),
  ],
};

export const SALARY_LINE: ContractTable = {
  entity: "SalaryLine",
  name: "salary_line",
  columns: [
    id,
    col("staffId", "staff_id", int),
    col("assignmentId", "assignment_id", int, true),
    col("periodMonth", "period_month", char(7)),
    col("grossAmount", "gross_amount", decimal(12, 2)),
    col("wageCode", "wage_code", char(2)),
    col("paidOn", "paid_on", date),
  ],
};

export const RL16_NOTIFICATION: ContractTable = {
  entity: "Rl16Notification",
  name: "rl16_notification",
  columns: [
    id,
    col("staffId", "staff_id", int),
    col("boardId", "board_id", int),
    col("messageRef", "message_ref", varchar(40), false, { unique: true }),
    col("receivedAt", "received_at", timestamp),
    col("validFrom", "valid_from", date),
    col("withdrawnFrom", "withdrawn_from", date, true),
    col("maintenanceOfRights", "maintenance_of_rights", small),
    col("fulltimeRequest", "fulltime_request", small),
  ],
};

export const PAYMENT_CALENDAR: ContractTable = {
  entity: "PaymentCalendar",
  name: "payment_calendar",
  columns: [col("periodMonth", "period_month", char(7), false, { primary: true }), col("cutoffAt", "cutoff_at", timestamp)],
};

export const ADAPTED_WORK: ContractTable = {
  entity: "AdaptedWork",
  name: "adapted_work",
  columns: [
    id,
    col("staffId", "staff_id", int),
    col("assignmentId", "assignment_id", int),
    col("subRisk", "sub_risk", small),
    col("startDate", "start_date", date),
    col("endDate", "end_date", date, true),
    col("daysPerWeek", "days_per_week", decimal(3, 1)),
    col("qHours", "q_hours", decimal(5, 2)),
    col("sHours", "s_hours", decimal(5, 2)),
    addedCol("absenceId", "absence_id", int, ["the trace of ZIMA002"]),
  ],
};

export const PERFORMANCE_LINE: ContractTable = {
  entity: "PerformanceLine",
  name: "performance_line",
  columns: [
    id,
    col("adaptedWorkId", "adapted_work_id", int),
    col("periodMonth", "period_month", char(7)),
    col("performanceCode", "performance_code", varchar(3)),
    col("days", "days", decimal(5, 2), true),
    col("hours", "hours", decimal(7, 2)),
  ],
};

export const DAY_NATURE: ContractTable = {
  entity: "DayNature",
  name: "day_nature",
  columns: [
    id,
    col("adaptedWorkId", "adapted_work_id", int),
    col("day", "day", date),
    col("code", "code", varchar(5)),
    col("hours", "hours", decimal(5, 2)),
  ],
};

export const HOLIDAY_BALANCE: ContractTable = {
  entity: "HolidayBalance",
  name: "holiday_balance",
  columns: [
    id,
    col("staffId", "staff_id", int),
    col("assignmentId", "assignment_id", int),
    col("holidayYear", "holiday_year", small),
    col("subRisk", "sub_risk", small),
    col("holidaySector", "holiday_sector", small),
    col("holidayCode", "holiday_code", small, true),
    col("days", "days", decimal(4, 1), true),
    col("hours", "hours", decimal(6, 2), true),
    col("reportedAt", "reported_at", timestamp),
  ],
};

const ZIMA_1_6 = { neededFor: ["ZIMA001", "ZIMA006"] } as const;

export const ABSENCE: ContractTable = {
  entity: "Absence",
  name: "absence",
  added: ZIMA_1_6,
  columns: [
    id,
    col("staffId", "staff_id", int),
    col("assignmentId", "assignment_id", int, true),
    col("kind", "kind", varchar(20)),
    col("firstDay", "first_day", date),
    col("lastDay", "last_day", date, true),
    col("relapseOfId", "relapse_of_id", int, true),
    col("lastWorkingDay", "last_working_day", date, true),
    col("paidUntil", "paid_until", date, true),
    col("paidDayCode", "paid_day_code", varchar(5), true),
    col("eventDate", "event_date", date, true),
    col("certificateRef", "certificate_ref", varchar(40), true),
    col("prenatalRestStop", "prenatal_rest_stop", small, true),
    col("reportedAt", "reported_at", timestamp),
  ],
};

export const ABSENCE_DAY: ContractTable = {
  entity: "AbsenceDay",
  name: "absence_day",
  added: { neededFor: ["ZIMA001"] },
  columns: [
    id,
    col("absenceId", "absence_id", int),
    col("day", "day", date),
    col("code", "code", varchar(5)),
    col("hours", "hours", decimal(5, 2), true),
  ],
};

export const BREASTFEEDING_BREAK: ContractTable = {
  entity: "BreastfeedingBreak",
  name: "breastfeeding_break",
  added: { neededFor: ["ZIMA003"] },
  columns: [
    id,
    col("staffId", "staff_id", int),
    col("assignmentId", "assignment_id", int),
    col("periodMonth", "period_month", char(7)),
    col("halfHourBreaks", "half_hour_breaks", small),
    col("reportedAt", "reported_at", timestamp),
  ],
};

export const WORK_RESUMPTION: ContractTable = {
  entity: "WorkResumption",
  name: "work_resumption",
  added: ZIMA_1_6,
  columns: [
    id,
    col("absenceId", "absence_id", int),
    col("resumptionDate", "resumption_date", date),
    col("requestTicket", "request_ticket", varchar(20), true),
    col("reportedAt", "reported_at", timestamp),
  ],
};

/** Optional even where the source has it: without rows the adapter uses assignment.monthly_salary (and says so). */
export const ASSIGNMENT_SALARY: ContractTable = {
  entity: "AssignmentSalary",
  name: "assignment_salary",
  added: { neededFor: ["ZIMA001", "ZIMA003"], fallback: "assignment.monthly_salary is the salary of every month" },
  columns: [
    col("assignmentId", "assignment_id", int, false, { primary: true }),
    col("validFrom", "valid_from", date, false, { primary: true }),
    col("monthlySalary", "monthly_salary", decimal(12, 2)),
  ],
};

export const CONTRACT_TABLES: readonly ContractTable[] = [
  SCHOOL_BOARD,
  INSTITUTION,
  STAFF_MEMBER,
  ASSIGNMENT,
  SALARY_LINE,
  RL16_NOTIFICATION,
  PAYMENT_CALENDAR,
  ADAPTED_WORK,
  PERFORMANCE_LINE,
  DAY_NATURE,
  HOLIDAY_BALANCE,
  ABSENCE,
  ABSENCE_DAY,
  BREASTFEEDING_BREAK,
  WORK_RESUMPTION,
  ASSIGNMENT_SALARY,
];
