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
  readonly problems: readonly RecordProblem[];
}

export interface InstitutionRecord {
  readonly id: number;
  readonly boardId: number | null;
  readonly name: string;
  /** BaO, SO, DKO, CLB, VWO, CBE, HO */
  readonly level: string;
  readonly problems: readonly RecordProblem[];
}

export interface StaffRecord {
  readonly id: number;
  readonly insz: string;
  readonly lastName: string;
  readonly firstName: string;
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

/** Everything the source holds about one notified staff member, for one run. */
export interface PersonSourceData {
  readonly staffId: number;
  /** Null when the notifications point to a staff id that does not exist. */
  readonly staff: StaffRecord | null;
  readonly notifications: readonly NotificationRecord[];
  readonly assignments: readonly AssignmentRecord[];
  readonly salaryLines: readonly SalaryLineRecord[];
}

/** The small tables every person refers to. */
export interface ReferenceData {
  readonly boards: ReadonlyMap<number, SchoolBoardRecord>;
  readonly institutions: ReadonlyMap<number, InstitutionRecord>;
}
