/**
 * What the rules decide, as plain values: per decision unit (a person's assignment for WECH003, a
 * person's assignment-month for WECH006) exactly one outcome — declared, not eligible (with reason)
 * or rejected (with the rule broken) — and per person the sum of it.
 */
import type { CalendarDate } from "../domain/calendar-date";
import type { Cents } from "../domain/money";
import type { NotEligibleReason, RecordProblem, RejectionRule } from "../domain/outcome-codes";
import type { YearMonth } from "../domain/year-month";

export type UnemploymentFormType = "WECH003" | "WECH006";

/** The occupation (one assignment) a form is about, with everything the forms and reports need. */
export interface OccupationFacts {
  readonly assignmentId: number;
  readonly institutionId: number;
  readonly institutionName: string;
  readonly level: string;
  readonly boardId: number;
  readonly boardName: string;
  readonly agency: string;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate | null;
  /** Fraction in hundredths, as in the source (1600/3200). */
  readonly numerator: number;
  readonly denominator: number;
  readonly q: number;
  readonly s: number;
  readonly daysPerWeek: number | null;
  readonly monthlySalary: Cents;
  readonly employerClass: string;
  readonly workerCode: string;
  readonly jointCommittee: string;
}

/** Where an assignment sits and what it is, as far as the source tells — for every unit, declared or not. */
export interface AssignmentContext {
  readonly assignmentId: number;
  readonly boardId: number | null;
  readonly boardName: string | null;
  readonly agency: string | null;
  readonly institutionId: number | null;
  readonly institutionName: string | null;
  readonly level: string | null;
  readonly jobTitle: string | null;
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  /** Fraction in hundredths, null when unreadable. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly monthlySalary: Cents | null;
}

export interface PersonIdentity {
  readonly staffId: number;
  readonly insz: string;
  readonly lastName: string;
  readonly firstName: string;
}

export interface Wech003Declaration {
  readonly formType: "WECH003";
  readonly person: PersonIdentity;
  readonly occupation: OccupationFacts;
  /** Zone 00044: the later of the assignment's start and the window's start. */
  readonly occupationStartingDate: CalendarDate;
  /** Zone 00095, from the notification. */
  readonly maintenanceOfRights: number;
  /** Zone 00096, only when 00095 = 1. */
  readonly legalBasis: number | null;
  /** Zone 01229, from the notification. */
  readonly fulltimeRequest: number;
  readonly notificationId: number;
}

export interface Wech006Declaration {
  readonly formType: "WECH006";
  readonly person: PersonIdentity;
  readonly occupation: OccupationFacts;
  readonly referenceMonth: YearMonth;
  /** Occupation dates within the month (glossary rule for Q < S after 2015). */
  readonly occupationStartingDate: CalendarDate;
  readonly occupationEndingDate: CalendarDate;
  /** Zone 00124: gross of this assignment for the month. */
  readonly exactSalary: Cents;
  readonly facts: Scenario6Facts;
}

export type Declaration = Wech003Declaration | Wech006Declaration;

/** The numbers behind a WECH006 decision, for the reports and `easr explain`. */
export interface Scenario6Facts {
  /** occupation(m) in thousandths (813 = 81.3 %). */
  readonly occupationPerMille: number;
  readonly occupiedDays: number;
  readonly occupationLimitPercent: number;
  /** gross(m), every assignment and board together. */
  readonly monthGross: Cents;
  readonly threshold: Cents;
}

export type UnitOutcome =
  | { readonly status: "declared"; readonly declaration: Declaration }
  | {
      readonly status: "not-eligible";
      readonly reason: NotEligibleReason;
      readonly detail: string;
      readonly facts?: Scenario6Facts;
      /** What the decision rests on; when a later run finds the same, it does not decide the unit again. Absent: decide every run. */
      readonly fingerprint?: string;
    }
  | { readonly status: "rejected"; readonly rule: RejectionRule; readonly detail: string; readonly problem: RecordProblem };

export interface DecisionUnit {
  readonly formType: UnemploymentFormType;
  readonly staffId: number;
  readonly assignmentId: number;
  readonly context: AssignmentContext;
  /** WECH006 only. */
  readonly referenceMonth: YearMonth | null;
  readonly outcome: UnitOutcome;
}

export type PersonStatus = "declared" | "not-eligible" | "rejected";

/** A notification as it counted for the run: in time and usable. */
export interface NotificationSummary {
  readonly id: number;
  readonly messageRef: string;
  readonly boardId: number;
  readonly receivedAt: string;
  readonly validFrom: CalendarDate;
  readonly withdrawnFrom: CalendarDate | null;
}

export interface PersonDecision {
  readonly staffId: number;
  /** Null when the staff member does not exist. */
  readonly identity: PersonIdentity | null;
  /** The usable notifications in time for the run, and the windows they open. */
  readonly notifications: readonly NotificationSummary[];
  readonly windows: readonly { readonly start: CalendarDate; readonly end: CalendarDate; readonly notificationId: number }[];
  readonly status: PersonStatus;
  /** For not-eligible persons without units of their own this run (e.g. NOTHING_NEW). */
  readonly reason: NotEligibleReason | null;
  readonly units: readonly DecisionUnit[];
  /** Every record of this person that breaks the contract. */
  readonly problems: readonly RecordProblem[];
  /** Units already declared by an earlier run, per form type: not decided again. */
  readonly previouslyDeclared: Readonly<Record<UnemploymentFormType, number>>;
  /** Units found not eligible by an earlier run on the same facts, per form type: not decided again. */
  readonly previouslyDecided: Readonly<Record<UnemploymentFormType, number>>;
  /** Things worth telling the operator that are not errors (duplicate notifications ...). */
  readonly notes: readonly string[];
}

export function unitKey(formType: UnemploymentFormType, staffId: number, assignmentId: number, referenceMonth: YearMonth | null): string {
  return `${formType}:${staffId}:${assignmentId}:${referenceMonth ?? "-"}`;
}
