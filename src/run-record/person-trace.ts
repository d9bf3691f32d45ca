/**
 * The decision trace of one person for one run month, as `easr explain` computes it (src/run/person-trace.ts)
 * and reports/decision-trace.ts writes it: every fact the rules used, the decision of each unit with its
 * reason or rule, and what was actually sent (file and form number).
 */
import type { Cents } from "../domain/money";
import type { RecordProblem } from "../domain/outcome-codes";
import type { YearMonth } from "../domain/year-month";
import type { DecisionUnit, PersonStatus } from "../rules/decision-types";
import type { ReferencePeriod } from "../domain/reference-period";

export interface NotificationTrace {
  readonly id: number;
  readonly messageRef: string;
  readonly boardName: string | null;
  readonly receivedAt: string | null;
  readonly validFrom: string | null;
  readonly withdrawnFrom: string | null;
  readonly inTime: boolean;
  readonly window: { start: string; end: string } | null;
  /** 1 involuntary, 0 voluntary part-timer: shown only, every notification opens its window (D15). */
  readonly maintenanceOfRights: number | null;
  readonly problems: readonly RecordProblem[];
}

export interface AssignmentTrace {
  readonly id: number;
  readonly institution: string | null;
  readonly board: string | null;
  readonly level: string | null;
  readonly start: string | null;
  readonly end: string | null;
  /** "16/32" */
  readonly fraction: string | null;
  readonly monthlySalary: Cents | null;
  readonly problems: readonly RecordProblem[];
}

export interface SalaryLineTrace {
  readonly id: number;
  readonly assignmentId: number | null;
  /** The assignment the line counts for in its month (D7). */
  readonly countsFor: number | null;
  readonly gross: Cents | null;
  readonly paidOn: string | null;
  readonly wageCode: string;
  readonly counted: boolean;
  readonly why: string;
}

export interface MonthTrace {
  readonly month: YearMonth;
  /** Days each assignment is in force in the month. */
  readonly inForce: readonly { assignmentId: number; from: string; to: string; fraction: string }[];
  readonly occupiedDays: number;
  readonly occupationPerMille: number;
  readonly lines: readonly SalaryLineTrace[];
  readonly monthGross: Cents;
  /** The higher of the agency's figure and the RVA limit (D16); null when the table has none for the month. */
  readonly threshold: Cents | null;
}

/** A form sent for the person by an earlier run: its unit, where it went (file and sequence number) and which run sent it. */
export interface SentFormTrace {
  readonly formType: string;
  readonly assignmentId: number;
  readonly referencePeriod: ReferencePeriod | null;
  readonly sequenceNbr: number;
  readonly fileName: string;
  readonly runId: number;
  readonly runMonth: string;
}

export interface PersonTrace {
  readonly staffId: number;
  readonly name: string | null;
  readonly inszMasked: string | null;
  readonly runMonth: YearMonth;
  readonly cutoffAt: string;
  readonly status: PersonStatus | "not considered";
  readonly reason: string | null;
  readonly notifications: readonly NotificationTrace[];
  readonly windows: readonly { start: string; end: string }[];
  readonly assignments: readonly AssignmentTrace[];
  readonly months: readonly MonthTrace[];
  /** The rules' decision of every unit as if nothing had been declared before. */
  readonly units: readonly DecisionUnit[];
  readonly sent: readonly SentFormTrace[];
  readonly notes: readonly string[];
  readonly problems: readonly RecordProblem[];
}
