/**
 * The records of decisions.jsonl, one JSON object per line: what every report (operator workbook,
 * school-board workbooks, payslip extract) is built from after the run. Written in person order: a
 * `person` line, then its `unit` lines, then its `rejected-record` lines. The INSZ appears only masked.
 */
import type { CalendarDate } from "../domain/calendar-date";
import type { Cents } from "../domain/money";
import type { NotEligibleReason, RejectionRule } from "../domain/outcome-codes";
import type { AssignmentContext, NotificationSummary, PersonStatus, Scenario6Facts, UnemploymentFormType } from "../rules/decision-types";
import type { YearMonth } from "../domain/year-month";

export interface PersonLine {
  readonly kind: "person";
  readonly staffId: number;
  readonly lastName: string | null;
  readonly firstName: string | null;
  /** Last three digits only: "********328". */
  readonly inszMasked: string | null;
  readonly status: PersonStatus;
  readonly reason: NotEligibleReason | null;
  readonly notifications: readonly NotificationSummary[];
  readonly windows: readonly { readonly start: CalendarDate; readonly end: CalendarDate; readonly notificationId: number }[];
  readonly notes: readonly string[];
}

/** What was declared, for declared units. */
export interface DeclaredContent {
  /** NaturalPersonSequenceNbr in the form type's file of this run (the file is in run-summary.json by form type). */
  readonly sequenceNbr: number;
  readonly q: number;
  readonly s: number;
  readonly occupationStartingDate: CalendarDate;
  /** WECH006 only. */
  readonly occupationEndingDate: CalendarDate | null;
  readonly theoreticalSalary: Cents;
  /** WECH006 only: ExactSalaryAmount. */
  readonly exactSalary: Cents | null;
  /** WECH003 only. */
  readonly maintenanceOfRights: number | null;
  readonly fulltimeRequest: number | null;
  /** 0 original, 1 modification of an accepted form. */
  readonly attestationStatus: 0 | 1;
  /** For a modification: the ticket of the form it modifies. */
  readonly referenceTicket: string | null;
}

export interface UnitLine {
  readonly kind: "unit";
  readonly staffId: number;
  readonly formType: UnemploymentFormType;
  readonly assignmentId: number;
  readonly referenceMonth: YearMonth | null;
  readonly status: "declared" | "not-eligible" | "rejected";
  readonly reason: NotEligibleReason | null;
  readonly rule: RejectionRule | null;
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
  readonly formType: UnemploymentFormType;
  readonly assignmentId: number;
  readonly referenceMonth: YearMonth | null;
  /** The ticket of the accepted form cancelled. */
  readonly referenceTicket: string;
  readonly why: string;
  readonly sequenceNbr: number;
}

export type DecisionLine = PersonLine | UnitLine | RejectedRecordLine | CancellationLine;
