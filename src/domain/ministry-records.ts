/**
 * Plain records of the ministry database as the source layer hands them out: cents and hundredths
 * as integers, dates as ISO text. A value that could not be read is null and explained in `problems`.
 */
import type { CalendarDate } from "./calendar-date";
import type { LocalDateTime } from "./local-date-time";
import type { Cents } from "./money";
import type { RecordProblem } from "./outcome-codes";
import type { YearMonth } from "./year-month";

export interface SchoolBoardRecord {
  readonly id: number;
  readonly name: string;
  /** AGODI or AHOVOKS */
  readonly agency: string;
  /** KBO number and name of the board's prevention service (ZIMA001 risk 001: 90564/00014, 00776); null when not given. */
  readonly preventionServiceKbo: string | null;
  readonly preventionServiceName: string | null;
  readonly problems: readonly RecordProblem[];
}

export interface InstitutionRecord {
  readonly id: number;
  readonly boardId: number | null;
  readonly name: string;
  /** BaO, SO, DKO, CLB, VWO, CBE, HO */
  readonly level: string;
  /** KBO establishment-unit number (ZIMA001 00042); null when not given. */
  readonly establishmentUnit: string | null;
  readonly problems: readonly RecordProblem[];
}

export interface StaffRecord {
  readonly id: number;
  readonly insz: string;
  readonly lastName: string;
  readonly firstName: string;
  /** M, F or X; null when unreadable. Only the forms that need a sex read it (D21). */
  readonly gender: "M" | "F" | "X" | null;
  /** Why gender is unreadable, kept apart from `problems`: it rejects only the forms that need the sex (D21). */
  readonly genderProblem: RecordProblem | null;
  readonly problems: readonly RecordProblem[];
}

export interface AssignmentRecord {
  readonly id: number;
  readonly staffId: number;
  readonly institutionId: number | null;
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  /** Hours numerator x 100 (16 -> 1600). */
  readonly numerator: number | null;
  /** Hours denominator x 100 (32 -> 3200). */
  readonly denominator: number | null;
  /** Working days per week x 100, when known. */
  readonly daysPerWeek: number | null;
  readonly jobTitle: string | null;
  readonly status: string;
  readonly jointCommittee: string | null;
  readonly employerCategory: string | null;
  readonly workerCode: string | null;
  /** Theoretical full-month salary of this assignment (zone 00098). */
  readonly monthlySalary: Cents | null;
  /** ZIMA001 00060 TenthOrTwelfth: 10 or 12; null = the configured default. */
  readonly payMode: 10 | 12 | null;
  /** Breaches of the columns added later (pay_mode), apart from `problems`: they reject only a ZIMA001, never the assignment's other forms. */
  readonly laterColumnProblems: readonly RecordProblem[];
  readonly problems: readonly RecordProblem[];
}

export interface SalaryLineRecord {
  readonly id: number;
  readonly staffId: number;
  readonly assignmentId: number | null;
  readonly periodMonth: YearMonth | null;
  readonly gross: Cents | null;
  readonly wageCode: string;
  readonly paidOn: CalendarDate | null;
  readonly problems: readonly RecordProblem[];
}

export interface NotificationRecord {
  readonly id: number;
  readonly staffId: number;
  readonly boardId: number | null;
  readonly messageRef: string;
  readonly receivedAt: LocalDateTime | null;
  readonly validFrom: CalendarDate | null;
  readonly withdrawnFrom: CalendarDate | null;
  /** Zone 00095: 1 asks the status with maintenance of rights, 0 not. */
  readonly maintenanceOfRights: number | null;
  /** Zone 01229: 1 asked for full-time work, 0 did not, 9 not applicable. */
  readonly fulltimeRequest: number | null;
  readonly problems: readonly RecordProblem[];
}

export interface PaymentCalendarRecord {
  readonly periodMonth: YearMonth;
  /** "Uiterste betaaldatum": what was received up to this moment makes this month's run. */
  readonly cutoffAt: LocalDateTime;
}

/** adapted_work: adapted work during a benefits risk (ZIMA002). A change of days or Q is a new row. */
export interface AdaptedWorkRecord {
  readonly id: number;
  readonly staffId: number;
  readonly assignmentId: number | null;
  /** 1 adapted work during incapacity, 2 adapted work under maternity protection; any other value is kept to be rejected. */
  readonly subRisk: number | null;
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  /** Zone 00393: days per week x 100. */
  readonly daysPerWeek: number | null;
  /** Zone 00554: Q of the adapted work, hours per week x 100. */
  readonly qHours: number | null;
  /** S of the adapted work, hours per week x 100. */
  readonly sHours: number | null;
  /** The absence (risk 001 or 004) the adapted work runs under, when given: for the trace only. */
  readonly absenceId: number | null;
  /** Breaches of the columns added later (absence_id, for the trace), apart from `problems`: they reject no ZIMA002. */
  readonly laterColumnProblems: readonly RecordProblem[];
  readonly problems: readonly RecordProblem[];
}

/** performance_line: hours worked in a month of adapted work (ZIMA002 sub-risk 1, Service block). */
export interface PerformanceLineRecord {
  readonly id: number;
  readonly adaptedWorkId: number | null;
  readonly periodMonth: YearMonth | null;
  /** DmfA performance code (zone 00062). */
  readonly performanceCode: string;
  /** Days x 100, when given (zone 00063). */
  readonly days: number | null;
  /** Hours x 100 (zone 00064). */
  readonly hours: number | null;
  readonly problems: readonly RecordProblem[];
}

/** day_nature: a holiday, temporary-unemployment or work-accident day (ZIMA002 sub-risk 2). */
export interface DayNatureRecord {
  readonly id: number;
  readonly adaptedWorkId: number | null;
  readonly day: CalendarDate | null;
  /** Zone 00179: 3.1-3.4, 5.1-5.10, 6.1, 6.21. */
  readonly code: string;
  /** Hours x 100 (zone 00180). */
  readonly hours: number | null;
  readonly problems: readonly RecordProblem[];
}

/** holiday_balance: one line of the yearly holiday declaration (ZIMA005). */
export interface HolidayBalanceRecord {
  readonly id: number;
  readonly staffId: number;
  readonly assignmentId: number | null;
  /** Zone 00125. */
  readonly holidayYear: number | null;
  /** 1-4 (seed 003); any other value is kept to be rejected. */
  readonly subRisk: number | null;
  /** Zone 00194: 1 private, 2 public, 3 none. */
  readonly holidaySector: number | null;
  /** Zone 00196. */
  readonly holidayCode: number | null;
  /** Zone 00197: days x 100 (in half days: a multiple of 50). */
  readonly days: number | null;
  /** Zone 00198: hours x 100. */
  readonly hours: number | null;
  readonly reportedAt: LocalDateTime | null;
  readonly problems: readonly RecordProblem[];
}

/** The kinds of absence (ministry-db.md), each the risk of a ZIMA001 (zone 00430: 001 … 008). */
export const ABSENCE_KINDS = [
  "INCAPACITY",
  "MATERNITY_REST",
  "REMOVAL_FULL",
  "REMOVAL_PARTIAL",
  "CONVERTED_MATERNITY",
  "BIRTH_LEAVE",
  "ADOPTION_LEAVE",
  "FOSTER_LEAVE",
] as const;

export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** absence: a period of incapacity, maternity protection or leave (ZIMA001, ZIMA006). */
export interface AbsenceRecord {
  readonly id: number;
  readonly staffId: number;
  /** Null: all the person's assignments (the normal case). */
  readonly assignmentId: number | null;
  readonly kind: AbsenceKind | null;
  readonly firstDay: CalendarDate | null;
  /** Inclusive; null = ongoing. */
  readonly lastDay: CalendarDate | null;
  /** A relapse: the absence it continues. */
  readonly relapseOfId: number | null;
  readonly lastWorkingDay: CalendarDate | null;
  /** The last day the agency paid. */
  readonly paidUntil: CalendarDate | null;
  /** Zone 00179 of the paid days when no absence_day rows exist. */
  readonly paidDayCode: string | null;
  /** The child's birth, or the adoption or foster placement. */
  readonly eventDate: CalendarDate | null;
  /** Not declared; kept for the trace. */
  readonly certificateRef: string | null;
  /** Risks 002/003: the worker stopped work to rest from the fifth month of pregnancy (01160 = 0). */
  readonly prenatalRestStop: boolean;
  readonly reportedAt: LocalDateTime | null;
  readonly problems: readonly RecordProblem[];
}

/** absence_day: the nature of one day of a ZIMA001 reference period. */
export interface AbsenceDayRecord {
  readonly id: number;
  readonly absenceId: number | null;
  readonly day: CalendarDate | null;
  /** Zone 00179. */
  readonly code: string;
  /** Zone 00180: hours x 100, part-timers only. */
  readonly hours: number | null;
  readonly problems: readonly RecordProblem[];
}

/** breastfeeding_break: the half-hour breaks of one assignment in one month (ZIMA003). */
export interface BreastfeedingBreakRecord {
  readonly id: number;
  readonly staffId: number;
  readonly assignmentId: number | null;
  readonly periodMonth: YearMonth | null;
  /** Zone 00151: 1 … 62; any other integer is kept to be rejected by the rules. */
  readonly halfHourBreaks: number | null;
  readonly reportedAt: LocalDateTime | null;
  readonly problems: readonly RecordProblem[];
}

/** work_resumption: the day work resumed after an absence (ZIMA006, ZIMA001 block 90016). */
export interface WorkResumptionRecord {
  readonly id: number;
  readonly absenceId: number | null;
  readonly resumptionDate: CalendarDate | null;
  /** A mutuality's request to answer; null = spontaneous. */
  readonly requestTicket: string | null;
  readonly reportedAt: LocalDateTime | null;
  readonly problems: readonly RecordProblem[];
}

/** assignment_salary: the full-month gross salary of an assignment from a day on. */
export interface AssignmentSalaryRecord {
  /** The row as the reports name it: its assignment and first day ("505 2024-01-01"), the table having no id. */
  readonly recordId: string;
  readonly assignmentId: number;
  readonly validFrom: CalendarDate | null;
  readonly monthlySalary: Cents | null;
  readonly problems: readonly RecordProblem[];
}

/** Everything the source holds about one staff member (notified, or with benefits-sector data), for one run. */
export interface PersonSourceData {
  readonly staffId: number;
  /** Null when the notifications point to a staff id that does not exist. */
  readonly staff: StaffRecord | null;
  readonly notifications: readonly NotificationRecord[];
  readonly assignments: readonly AssignmentRecord[];
  readonly salaryLines: readonly SalaryLineRecord[];
  /** Benefits sector (absent = none read): the person's adapted work with its performance and day-nature lines. */
  readonly adaptedWork?: readonly AdaptedWorkRecord[];
  readonly performanceLines?: readonly PerformanceLineRecord[];
  readonly dayNatures?: readonly DayNatureRecord[];
  /** Benefits sector: the holiday balances of the holiday years in scope. */
  readonly holidayBalances?: readonly HolidayBalanceRecord[];
  /** Benefits sector (ZIMA001, ZIMA006): the absences of the months read, their days and the resumptions that end them. */
  readonly absences?: readonly AbsenceRecord[];
  readonly absenceDays?: readonly AbsenceDayRecord[];
  readonly workResumptions?: readonly WorkResumptionRecord[];
  /** Benefits sector (ZIMA003): the breastfeeding breaks of the months read. */
  readonly breastfeedingBreaks?: readonly BreastfeedingBreakRecord[];
  /** The effective-dated salaries of the person's assignments (ZIMA001 00191, ZIMA003 00152). */
  readonly assignmentSalaries?: readonly AssignmentSalaryRecord[];
}

/** The small tables every person refers to. */
export interface ReferenceData {
  readonly boards: ReadonlyMap<number, SchoolBoardRecord>;
  readonly institutions: ReadonlyMap<number, InstitutionRecord>;
}
