/**
 * The records of decisions.jsonl, one JSON object per line: what every report (operator workbook,
 * school-board workbooks, payslip extract) is built from after the run. Written in person order: a
 * `person` line, then its `unit` lines, then its `rejected-record` lines. The INSZ appears only masked.
 */
import type { CalendarDate } from "../domain/calendar-date";
import type { Cents } from "../domain/money";
import type { DeclarationFlag, NotEligibleReason, RejectionRule, WaitingReason } from "../domain/outcome-codes";
import type { AssignmentContext, ExactWageLine, FormType, HolidayDetailLine, NotificationSummary, PersonStatus, Scenario6Facts, ServiceLine, SeverancePay } from "../rules/decision-types";
import type { YearMonth } from "../domain/year-month";

export interface PersonLine {
  readonly kind: "person";
  readonly staffId: number;
  readonly lastName: string | null;
  readonly firstName: string | null;
  /** Last three digits only: "********328". */
  readonly inszMasked: string | null;
  readonly status: PersonStatus;
  /** For a not-eligible person their reason, for a waiting person the waiting reason. */
  readonly reason: NotEligibleReason | WaitingReason | null;
  readonly notifications: readonly NotificationSummary[];
  readonly windows: readonly { readonly start: CalendarDate; readonly end: CalendarDate; readonly notificationId: number }[];
  readonly notes: readonly string[];
}

/** One reference period of a declared ZIMA002 form, as the reports and the payslip copy show it. */
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

/** What a ZIMA002 form (monthly adapted work, seed 002) declared. */
export interface Zima002Content {
  /** Zone 00430: 1 adapted work during incapacity, 2 under maternity protection. */
  readonly subRisk: 1 | 2;
  /** In date order. */
  readonly periods: readonly Zima002PeriodContent[];
  /** Sub-risk 2: the sum of the exact wages of every period (cents); null for sub-risk 1. */
  readonly totalGross: Cents | null;
  /** Block 90524 when the month holds severance pay. */
  readonly severance: SeverancePay | null;
}

/** What a ZIMA005 form (holiday declaration of a holiday year, seed 003) declared. */
export interface Zima005Content {
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

/**
 * What was declared, for declared units. The WECH fields stay as they were (null for ZIMA forms);
 * a ZIMA form has its own content in `zima002` / `zima005`. Lines written before ZIMA existed lack
 * those two: read them with `?? null`.
 */
export interface DeclaredContent {
  /** NaturalPersonSequenceNbr in the form type's file of this run (the file is in run-summary.json by form type). */
  readonly sequenceNbr: number;
  /** Q and S of the occupation (x 100), every form type. */
  readonly q: number;
  readonly s: number;
  /** WECH003 / WECH006; null for ZIMA (their dates are the periods' or the holiday year). */
  readonly occupationStartingDate: CalendarDate | null;
  /** WECH006 only, when written (D19). */
  readonly occupationEndingDate: CalendarDate | null;
  /** WECH006 only: zone 00769 (2 same Q all month, 3 a Q that changes within the month). */
  readonly occupationInterruption?: number | null;
  /** WECH006 with 00769 = 3: the assignment rows of the one occupation. */
  readonly assignmentIds?: readonly number[] | null;
  /** The occupation's theoretical monthly salary, every form type. */
  readonly theoreticalSalary: Cents;
  /** WECH006 only: ExactSalaryAmount. */
  readonly exactSalary: Cents | null;
  /** WECH003 only: the notification's maintenance_of_rights, shown in the trace (no zone, D15). */
  readonly maintenanceOfRights: number | null;
  /** WECH003 only: zone 00095 as declared (D14). */
  readonly dbrInCompanyPlan?: number | null;
  readonly fulltimeRequest: number | null;
  /** 0 original, 1 modification of an accepted form. */
  readonly attestationStatus: 0 | 1;
  /** For a modification: the ticket of the form it modifies. */
  readonly referenceTicket: string | null;
  /** ZIMA002 only. */
  readonly zima002?: Zima002Content | null;
  /** ZIMA005 only. */
  readonly zima005?: Zima005Content | null;
}

export interface UnitLine {
  readonly kind: "unit";
  readonly staffId: number;
  readonly formType: FormType;
  readonly assignmentId: number;
  /** WECH006 and ZIMA002: the reference month; ZIMA005: the holiday year "YYYY"; WECH003: null. */
  readonly referenceMonth: YearMonth | null;
  readonly status: "declared" | "not-eligible" | "waiting" | "rejected";
  /** Not eligible: the reason; waiting: the waiting reason (D26). */
  readonly reason: NotEligibleReason | WaitingReason | null;
  readonly rule: RejectionRule | null;
  /** Declared: what the operator should look at (declared without pay, severance in the month ...); absent when none. */
  readonly flags?: readonly DeclarationFlag[];
  /** WAITING_FOR_PAY: how many months the reference month has waited. */
  readonly waitedMonths?: number;
  /** English detail with the values (e.g. "gross EUR 1817.86 >= EUR 1600.00"). */
  readonly detail: string | null;
  readonly context: AssignmentContext;
  /** Occupation, gross and threshold of the month, for WECH006 units that got that far. */
  readonly facts: Scenario6Facts | null;
  readonly declared: DeclaredContent | null;
  /** For rejected units: the record that breaks the contract. */
  readonly record: { readonly table: string; readonly recordId: string; readonly field: string; readonly value: string } | null;
}

export interface RejectedRecordLine {
  readonly kind: "rejected-record";
  readonly staffId: number;
  readonly table: string;
  readonly recordId: string;
  readonly field: string;
  readonly rule: RejectionRule;
  readonly value: string;
}

/** A cancellation (AttestationStatus 3) of an accepted form that should not exist any more. */
export interface CancellationLine {
  readonly kind: "cancellation";
  readonly staffId: number;
  readonly formType: FormType;
  readonly assignmentId: number;
  readonly referenceMonth: YearMonth | null;
  /** The ticket of the accepted form cancelled. */
  readonly referenceTicket: string;
  readonly why: string;
  /** Why, in Dutch: the staff member's copy (absent in records written before it was kept). */
  readonly whyNl?: string;
  readonly sequenceNbr: number;
}

export type DecisionLine = PersonLine | UnitLine | RejectedRecordLine | CancellationLine;
