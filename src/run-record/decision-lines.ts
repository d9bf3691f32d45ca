/**
 * The lines of decisions.jsonl, one JSON object per line: what every report (operator workbook,
 * school-board workbooks, payslip extract) is built from after the run. Written in person order: a
 * `person` line, then its `unit` lines, its `cancellation` lines and its `rejected-record` lines. The
 * INSZ appears only masked. These are the lines as decided and as read back: on disk (record format 3)
 * a unit's `context` is on its person line, referred to by index (shared-contexts.ts); read the file with
 * `ContextsOfPerson` (as reports/decision-reader.ts does), never line by line on its own.
 */
import type { ReferencePeriod } from "../domain/reference-period";
import type { CalendarDate } from "../domain/calendar-date";
import type { CancellationReason, DeclarationFlag, NotEligibleReason, RejectionRule, WaitingReason } from "../domain/outcome-codes";
import type {
  AssignmentContext,
  FormType,
  LateNotification,
  NotificationSummary,
  PersonStatus,
  Scenario6Facts,
} from "../rules/decision-types";
import type { DeclaredContentOf } from "./declared-content";

/**
 * The shape of the lines, on every person line: 2 since the record became this contract (2026-12); 3
 * since a unit's assignment context is written once per person, not on every unit line (issue 17, see
 * shared-contexts.ts). This version writes 3 and reads both; a file of an earlier shape (no such field)
 * cannot be read by these types.
 */
export const RECORD_FORMAT = 3;

/** The record formats this version reads. */
export const READABLE_RECORD_FORMATS: readonly number[] = [2, RECORD_FORMAT];

export interface PersonLine {
  readonly kind: "person";
  readonly recordFormat: 2 | typeof RECORD_FORMAT;
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
  /** NOTIFICATION_AFTER_CUTOFF: the notifications received after this run's cut-off, declared by the next run. */
  readonly lateNotifications: readonly LateNotification[];
  readonly notes: readonly string[];
}

/** A record that breaks the contract: table, row, column and the value (INSZ-shaped runs masked). */
export interface RecordRef {
  readonly table: string;
  readonly recordId: string;
  readonly field: string;
  readonly value: string;
}

/** What every unit line says: whose, which form type, which assignment and period, where it sits. */
interface UnitLineBase<T extends FormType> {
  readonly kind: "unit";
  readonly staffId: number;
  readonly formType: T;
  readonly assignmentId: number;
  /** WECH006 and ZIMA002: the reference month; ZIMA005: the holiday year "YYYY"; WECH003: null. */
  readonly referencePeriod: ReferencePeriod | null;
  /** The unit's subject when it is not its assignment ("person", "resumption:<id>", "absence:<id>"); absent otherwise. */
  readonly subject?: string;
  readonly context: AssignmentContext;
  /** The other assignments the unit concerns (a ZIMA003's further links); absent when none. */
  readonly alsoConcerns?: readonly AssignmentContext[];
  /** Occupation, gross and threshold of the month, for WECH006 units that got that far. */
  readonly facts: Scenario6Facts | null;
}

/** A unit whose form goes out this run; `declared` is what the form of its type said. */
export interface DeclaredUnitLineOf<T extends FormType> extends UnitLineBase<T> {
  readonly status: "declared";
  readonly declared: DeclaredContentOf<T>;
  /** What the operator should look at (declared without pay, severance in the month ...); absent when none. */
  readonly flags?: readonly DeclarationFlag[];
}

export interface NotEligibleUnitLine extends UnitLineBase<FormType> {
  readonly status: "not-eligible";
  readonly reason: NotEligibleReason;
  /** English detail with the values (e.g. "gross EUR 1817.86 >= EUR 1600.00"). */
  readonly detail: string;
}

/** Decided by a later run or by the operator (D26). */
export interface WaitingUnitLine extends UnitLineBase<FormType> {
  readonly status: "waiting";
  readonly reason: WaitingReason;
  readonly detail: string;
  /** WAITING_FOR_PAY: how many months the reference month has waited. */
  readonly waitedMonths?: number;
}

/** Blocked by a record that breaks the contract, or by its form's glossary. */
export interface RejectedUnitLine extends UnitLineBase<FormType> {
  readonly status: "rejected";
  readonly rule: RejectionRule;
  /** The detail, with every INSZ-shaped run masked. */
  readonly detail: string;
  readonly record: RecordRef;
}

/** A declared unit of any form type: a union by form type, so that `unit.formType` narrows `unit.declared`. */
export type DeclaredUnitLine = { readonly [T in FormType]: DeclaredUnitLineOf<T> }[FormType];

export type UnitLine = DeclaredUnitLine | NotEligibleUnitLine | WaitingUnitLine | RejectedUnitLine;

export interface RejectedRecordLine extends RecordRef {
  readonly kind: "rejected-record";
  readonly staffId: number;
  readonly rule: RejectionRule;
}

/** A cancellation (AttestationStatus 3) of an accepted form that should not exist any more. */
export interface CancellationLine {
  readonly kind: "cancellation";
  readonly staffId: number;
  readonly formType: FormType;
  readonly assignmentId: number;
  readonly referencePeriod: ReferencePeriod | null;
  /** The cancelled unit's subject when it is not its assignment (ZIMA003: "person"); absent otherwise. */
  readonly subject?: string;
  /** The ticket of the accepted form cancelled ("" when it had none). */
  readonly referenceTicket: string;
  readonly reason: CancellationReason;
  readonly sequenceNbr: number;
}

export type DecisionLine = PersonLine | UnitLine | RejectedRecordLine | CancellationLine;
