/**
 * Desired state against what was declared (issue 5): per unit (form type, person, assignment, month)
 * the latest declaration that still stands is compared with what the data says now.
 * - nothing stands (never declared, refused, file rejected, cancelled) and the unit is due → original,
 *   except a refused form whose content has not changed: it waits for the data to be fixed;
 * - an accepted declaration stands and the content changed → modification (status 1) referencing its ticket;
 * - an accepted declaration stands and the unit should not exist any more → cancellation (status 3);
 * - a declaration stands whose answer has not come yet → waiting: not corrected until it has;
 * - an accepted declaration stands with the same content → nothing to do.
 * A unit rejected for bad data now is never cancelled for it: the rejection is reported instead.
 */
import { ACCEPTED_STATES, type DeclarationState, WAITING_STATES } from "../domain/lifecycle";
import type { YearMonth } from "../domain/year-month";
import { batchPurposeOf, type DecisionUnit, type FormType, type PersonDecision } from "./decision-types";
import { unitKey } from "./decision-types";

/** The latest declaration of a unit that is not abandoned. */
export interface StandingDeclaration {
  readonly id: number;
  readonly formType: FormType;
  readonly staffId: number;
  readonly assignmentId: number;
  readonly referenceMonth: YearMonth | null;
  readonly status: DeclarationState;
  readonly attestationStatus: number;
  readonly ticket: string | null;
  readonly contentHash: string;
  /** Zone 00430 as sent, when kept (ZIMA: the sub-risk): a cancellation repeats it. */
  readonly riskCode?: string | null;
}

export type Reconciliation =
  | { readonly action: "original"; readonly unit: DecisionUnit }
  | { readonly action: "modification"; readonly unit: DecisionUnit; readonly replaces: StandingDeclaration }
  | { readonly action: "cancellation"; readonly replaces: StandingDeclaration; readonly why: string }
  | { readonly action: "unchanged"; readonly standing: StandingDeclaration }
  | { readonly action: "waiting"; readonly standing: StandingDeclaration; readonly wanted: "modification" | "cancellation" | "nothing" }
  /** Not declared and not due: the unit's own outcome (not eligible, rejected) is what counts. */
  | { readonly action: "none"; readonly unit: DecisionUnit };

/** What the reconciliation needs to know of the current data besides the units. */
export interface ReconciliationScope {
  /** Assignment ids the person has now: a WECH003 of an assignment that is gone is cancelled. */
  readonly assignmentIds: ReadonlySet<number>;
  /** The earliest reference month the run looks at: older declarations are left alone. */
  readonly monthsFrom: YearMonth;
  readonly runMonth: YearMonth;
  /** ZIMA005: the holiday years the run looks at (inclusive); older or later declarations are left alone. */
  readonly holidayYearsFrom: number;
  readonly holidayYearsTo: number;
  /**
   * The sectors the person was decided for in this run (WECH: notified; ZIMA: benefits data in scope):
   * declarations of another sector are left alone, never cancelled for want of a decision.
   */
  readonly sectors: ReadonlySet<"WECH" | "ZIMA">;
}

function stands(d: StandingDeclaration | undefined): d is StandingDeclaration {
  return d !== undefined && d.attestationStatus !== 3 && !["refused", "file-rejected", "cancelled", "superseded", "abandoned"].includes(d.status);
}

/**
 * `latest` maps unit keys to their latest non-abandoned declaration; `contentHash(unit)` gives the
 * hash of what the unit would declare now (declared units only).
 */
export function reconcilePerson(
  decision: PersonDecision,
  latest: ReadonlyMap<string, StandingDeclaration>,
  contentHash: (unit: DecisionUnit) => string,
  scope: ReconciliationScope,
): Reconciliation[] {
  const result: Reconciliation[] = [];
  const seen = new Set<string>();
  for (const unit of decision.units) {
    const key = unitKey(unit.formType, unit.staffId, unit.assignmentId, unit.referenceMonth);
    seen.add(key);
    const standing = latest.get(key);
    const current = standing && stands(standing) ? standing : undefined;
    if (unit.outcome.status === "declared") {
      if (!current && standing?.status === "refused" && standing.contentHash === contentHash(unit)) {
        // Refused, and the data has not changed since: sending it again would only be refused again.
        result.push({ action: "waiting", standing, wanted: "nothing" });
      } else if (!current) {
        result.push({ action: "original", unit });
      } else if (current.contentHash === contentHash(unit)) {
        result.push({ action: "unchanged", standing: current });
      } else if ((WAITING_STATES as readonly string[]).includes(current.status)) {
        result.push({ action: "waiting", standing: current, wanted: "modification" });
      } else if ((ACCEPTED_STATES as readonly string[]).includes(current.status) && current.ticket) {
        result.push({ action: "modification", unit, replaces: current });
      } else {
        result.push({ action: "waiting", standing: current, wanted: "modification" });
      }
    } else if (unit.outcome.status === "not-eligible" && current) {
      result.push(cancelOrWait(current, `now not eligible: ${unit.outcome.reason}`));
    } else {
      result.push({ action: "none", unit });
    }
  }
  // Declarations of this person the data no longer yields at all (an assignment deleted, a window shrunk).
  for (const [key, standing] of latest) {
    if (seen.has(key) || standing.staffId !== decision.staffId || !stands(standing)) continue;
    if (!scope.sectors.has(batchPurposeOf(standing.formType))) continue;
    if (standing.formType === "WECH003") {
      if (scope.assignmentIds.has(standing.assignmentId)) continue;
      result.push(cancelOrWait(standing, `assignment ${standing.assignmentId} no longer exists`));
    } else if (standing.formType === "ZIMA005") {
      const year = Number(standing.referenceMonth);
      if (!Number.isInteger(year) || year < scope.holidayYearsFrom || year > scope.holidayYearsTo) continue;
      result.push(cancelOrWait(standing, `no holiday balance for holiday year ${year} any more`));
    } else {
      // The monthly forms (WECH006, ZIMA002): within the months the run looks at.
      const month = standing.referenceMonth;
      if (month === null || month < scope.monthsFrom || month > scope.runMonth) continue;
      const why = standing.formType === "ZIMA002" ? `no adapted work in ${month} any more` : `no longer in a notification window or assignment in ${month}`;
      result.push(cancelOrWait(standing, why));
    }
  }
  return result;
}

function cancelOrWait(standing: StandingDeclaration, why: string): Reconciliation {
  if ((ACCEPTED_STATES as readonly string[]).includes(standing.status) && standing.ticket) return { action: "cancellation", replaces: standing, why };
  return { action: "waiting", standing, wanted: "cancellation" };
}
