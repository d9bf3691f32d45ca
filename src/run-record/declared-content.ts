/**
 * What a declared form said, per form type, as its unit's line in decisions.jsonl keeps it for the
 * reports and the staff member's copy. The form type is on the unit line (decision-lines.ts): checking
 * `unit.formType` narrows `unit.declared` to the content of that type.
 */
import type { CalendarDate } from "../domain/calendar-date";
import type { AbsenceKind } from "../domain/ministry-records";
import type { Cents } from "../domain/money";
import type { ExactWageLine, FormType, HolidayDetailLine, ServiceLine, SeverancePay } from "../rules/decision-types";

/** What every declared form says, whatever its type. */
export interface DeclaredForm {
  /** NaturalPersonSequenceNbr in the form type's file of this run (the file is in run-summary.json by form type). */
  readonly sequenceNbr: number;
  /** 0 original, 1 modification of an accepted form. */
  readonly attestationStatus: 0 | 1;
  /** For a modification: the ticket of the form it modifies. */
  readonly referenceTicket: string | null;
  /** Q and S of the occupation (x 100). */
  readonly q: number;
  readonly s: number;
  /** The occupation's theoretical monthly salary. */
  readonly theoreticalSalary: Cents;
}

/** A WECH003 (start of part-time work, scenario 3). */
export interface Wech003Content extends DeclaredForm {
  /** Zone 00044. */
  readonly occupationStartingDate: CalendarDate;
  /** The notification's maintenance_of_rights, shown in the trace (no zone, D15). */
  readonly maintenanceOfRights: number;
  /** Zone 00095 as declared (D14). */
  readonly dbrInCompanyPlan: 0 | 1;
  /** Zone 01229. */
  readonly fulltimeRequest: number;
}

/** A WECH006 (monthly part-time work, scenario 6); `q` is zone 00048, the mean working hours. */
export interface Wech006Content extends DeclaredForm {
  /** Zones 00044 / 00045 (D19); the end only when written. */
  readonly occupationStartingDate: CalendarDate;
  readonly occupationEndingDate: CalendarDate | null;
  /** Zone 00769: 2 the same Q all month, 3 a Q that changes within the month. */
  readonly occupationInterruption: number;
  /** With 00769 = 3: the assignment rows of the one occupation; null for one assignment. */
  readonly assignmentIds: readonly number[] | null;
  /** Zone 00124: ExactSalaryAmount. */
  readonly exactSalary: Cents;
}

/** One reference period of a declared ZIMA002 form. */
export interface Zima002PeriodContent {
  /** Zones 00074 / 00075. */
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** Zone 00554: Q of the adapted work, hours per week x 100. */
  readonly adaptedQ: number;
  /** Zone 00393: days per week x 100. */
  readonly adaptedDaysPerWeek: number;
  /** Sub-risk 1: the service lines (block 90018); empty for sub-risk 2. */
  readonly services: readonly ServiceLine[];
  /** Sub-risk 2: how many days carry a day-nature code (block 90074); 0 for sub-risk 1. */
  readonly dayNatureCount: number;
  /** Sub-risk 2: the exact wages by code (block 90085); empty for sub-risk 1 and on all but the last period. */
  readonly exactWages: readonly ExactWageLine[];
}

/** A ZIMA002 (monthly adapted work, seed 002). */
export interface Zima002Content extends DeclaredForm {
  /** Zone 00430: 1 adapted work during incapacity, 2 under maternity protection. */
  readonly subRisk: 1 | 2;
  /** In date order. */
  readonly periods: readonly Zima002PeriodContent[];
  /** Sub-risk 2: the sum of the exact wages of every period (cents); null for sub-risk 1. */
  readonly totalGross: Cents | null;
  /** Block 90524 when the month holds severance pay. */
  readonly severance: SeverancePay | null;
}

/** One occupation link of a declared ZIMA003 form: an assignment with breaks in the month. */
export interface Zima003LinkContent {
  readonly assignmentId: number;
  /** Zones 00048 / 00049 of the link. */
  readonly q: number;
  readonly s: number;
  /** Zones 00074 / 00075. */
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** Zone 00151: half-hour breaks. */
  readonly halfHourBreaks: number;
  /** Zone 00152: the mean gross hourly wage in hundredths of a cent. */
  readonly hourlyWage: number;
}

/** A ZIMA003 (breastfeeding breaks of a month, scenario 3); q, s and the theoretical salary are the first link's. */
export interface Zima003Content extends DeclaredForm {
  /** In assignment order. */
  readonly links: readonly Zima003LinkContent[];
  /** The month's half-hour breaks, every link together. */
  readonly totalBreaks: number;
}

/** A ZIMA005 (holiday declaration of a holiday year, seed 003). */
export interface Zima005Content extends DeclaredForm {
  /** Zone 00125. */
  readonly holidayYear: number;
  /** Zone 00430: 1-4. */
  readonly subRisk: 1 | 2 | 3 | 4;
  /** Zone 00194: 1 private, 2 public, 3 none. */
  readonly holidaySector: 1 | 2 | 3;
  /** Sub-risks 3 and 4: Q and days per week (x 100) of the adapted work. */
  readonly adaptedWork: { readonly q: number; readonly daysPerWeek: number } | null;
  /** Block 90089 in code order: code, days x 100, hours x 100 (part-timers) or null. */
  readonly details: readonly HolidayDetailLine[];
  /** The sum of the detail lines' days (x 100). */
  readonly totalDays: number;
}

/** A ZIMA006 (resumption of work, scenario 6); q, s and the theoretical salary are the assignment's in force on the day. */
export interface Zima006Content extends DeclaredForm {
  /** Zone 00128: the day work resumed. */
  readonly resumptionDate: CalendarDate;
  /** The work_resumption row, and the absence (risk) it ends with its kind. */
  readonly resumptionId: number;
  readonly absenceId: number;
  readonly absenceKind: AbsenceKind;
  /** Seed 001's deadline: the first working day of the second month after the month of resumption. */
  readonly deadline: CalendarDate;
  /** The mutuality's request that made it due, when one asked. */
  readonly requestTicket: string | null;
}

/** One occupation of a declared ZIMA001 with what it said of the risk. */
export interface Zima001OccupationContent {
  readonly assignmentId: number;
  readonly q: number;
  readonly s: number;
  /** Zone 00410, when written. */
  readonly lastWorkingDay: CalendarDate | null;
  /** Zone 00191: the monthly gross, cents; zone 01160. */
  readonly basisAmount: Cents;
  readonly stable: 0 | 1;
  /** Block 90077: the reference period and how many days of each code (null for risk 004). */
  readonly period: { readonly start: CalendarDate; readonly end: CalendarDate; readonly days: number; readonly codes: string } | null;
}

/** A ZIMA001 (the information sheet when a risk starts, scenario 1). */
export interface Zima001Content extends DeclaredForm {
  /** Zone 00430 and the absence (for birth leave the first block) with its kind. */
  readonly risk: string;
  readonly absenceId: number;
  readonly absenceKind: AbsenceKind;
  /** Zone 00408; zone 00128 when work resumed and was known. */
  readonly riskStart: CalendarDate;
  readonly workRecovery: CalendarDate | null;
  /** Zone 00013. */
  readonly quarter: string;
  readonly occupations: readonly Zima001OccupationContent[];
  /** Zone 00385 when written. */
  readonly serviceEnd: CalendarDate | null;
}

/** What a declared form of each type said. */
export interface DeclaredContents {
  readonly WECH003: Wech003Content;
  readonly WECH006: Wech006Content;
  readonly ZIMA001: Zima001Content;
  readonly ZIMA002: Zima002Content;
  readonly ZIMA003: Zima003Content;
  readonly ZIMA005: Zima005Content;
  readonly ZIMA006: Zima006Content;
}

export type DeclaredContentOf<T extends FormType> = DeclaredContents[T];

export type DeclaredContent = DeclaredContentOf<FormType>;
