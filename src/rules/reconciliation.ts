/**
 * Desired state against what was declared: per unit (form type, person, assignment, month)
 * the latest declaration that still stands is compared with what the data says now.
 * - nothing stands (never declared, refused, file rejected, cancelled) and the unit is due → original,
 *   except a refused form whose content has not changed: it waits for the data to be fixed;
 * - an accepted declaration stands and the content changed → modification (status 1) referencing its ticket;
 * - an accepted declaration stands and the unit should not exist any more → cancellation (status 3);
 * - a declaration stands whose answer has not come yet → waiting: not corrected until it has;
 * - an accepted declaration stands with the same content → nothing to do.
 * A unit rejected for bad data now is never cancelled for it: the rejection is reported instead.
 * D27: a modification or cancellation of a unit whose source facts are the same as when it was declared
 * (a rule, a mapping or the software changed, not the data) is held until the operator accepts it; so is
 * one of a declaration made before facts were recorded (nobody can tell). D18: a unit not eligible only
 * because its window became too old leaves what was declared alone.
 */
import { holidayYearOf, isHolidayYear, type ReferencePeriod } from "../domain/reference-period";
import type { KeptZones } from "../domain/kept-zones";
import { ACCEPTED_STATES, type DeclarationState } from "../domain/lifecycle";
import type { CancellationReason, NotEligibleReason } from "../domain/outcome-codes";
import { unreachable } from "../domain/unreachable";
import type { YearMonth } from "../domain/year-month";
import { batchPurposeOf, type DecisionUnit, type PersonDecision, type Sector, type UnitIdentity, unitKeyOf } from "./decision-types";

/** The latest declaration of a unit that is not abandoned. */
export interface StandingDeclaration extends UnitIdentity {
  readonly id: number;
  readonly status: DeclarationState;
  readonly attestationStatus: number;
  readonly ticket: string | null;
  readonly contentHash: string;
  /** Zone 00430 as sent, when kept (ZIMA: the sub-risk): a cancellation repeats it. */
  readonly riskCode?: string | null;
  /** What a cancellation must repeat besides the risk code (ZIMA006: WorkRecoveryDate 00128), when kept. */
  readonly keptZones?: KeptZones | null;
  /** D27: the digest of the source facts the form was built from; null for a declaration made before facts were recorded. */
  readonly factsHash?: string | null;
  /** D27: the rules version the form was built under; null before versions were recorded. */
  readonly rulesVersion?: string | null;
}

export type Reconciliation =
  | { readonly action: "original"; readonly unit: DecisionUnit }
  | { readonly action: "modification"; readonly unit: DecisionUnit; readonly replaces: StandingDeclaration }
  /** `because`: why, as data (the staff member's copy says it in Dutch). */
  | { readonly action: "cancellation"; readonly replaces: StandingDeclaration; readonly because: CancellationReason }
  | { readonly action: "unchanged"; readonly standing: StandingDeclaration }
  /** Not corrected yet: the standing form's answer is due (`wanted` what would follow), or it was refused and nothing changed ("nothing"). */
  | {
      readonly action: "waiting";
      readonly standing: StandingDeclaration;
      readonly wanted: "modification" | "cancellation" | "nothing";
      readonly unit?: DecisionUnit;
    }
  /** D27: the form would change although its facts did not: held until the operator accepts. */
  | {
      readonly action: "held";
      readonly standing: StandingDeclaration;
      readonly wanted: "modification" | "cancellation";
      readonly unit: DecisionUnit;
    }
  /** Not declared and not due: the unit's own outcome (not eligible, waiting, rejected) is what counts. */
  | { readonly action: "none"; readonly unit: DecisionUnit };

/** What the reconciliation needs to know of the current data besides the units. */
export interface ReconciliationScope {
  /** Assignment ids the person has now: a WECH003 of an assignment that is gone is cancelled. */
  readonly assignmentIds: ReadonlySet<number>;
  /** The earliest reference month the run looks at, per monthly form: older declarations are left alone. */
  readonly monthsFrom: YearMonth;
  readonly benefitsMonthsFrom: YearMonth;
  readonly runMonth: YearMonth;
  /** ZIMA005: the holiday years the run looks at (inclusive); older or later declarations are left alone. */
  readonly holidayYearsFrom: number;
  readonly holidayYearsTo: number;
  /**
   * The sectors the person was decided for in this run (WECH: notified; ZIMA: benefits data in scope):
   * declarations of another sector are left alone, never cancelled for want of a decision.
   */
  readonly sectors: ReadonlySet<Sector>;
  /** D27: the operator accepted this run's reissues (--accept-reissue). */
  readonly acceptReissue?: boolean;
  /** The person has no notification at all any more (deleted at the source): their WECH forms are cancelled. */
  readonly withoutNotification?: boolean;
}

/** How a unit's content and source facts are known now. */
export interface UnitDigests {
  /** Hash of what the unit would declare now (declared units only). */
  readonly contentHash: (unit: DecisionUnit) => string;
  /** Digest of the source facts the unit rests on (any unit). */
  readonly factsHash: (unit: DecisionUnit) => string;
}

function stands(d: StandingDeclaration | undefined): d is StandingDeclaration {
  return (
    d !== undefined && d.attestationStatus !== 3 && !["refused", "file-rejected", "cancelled", "superseded", "abandoned"].includes(d.status)
  );
}

function isAccepted(d: StandingDeclaration): boolean {
  return (ACCEPTED_STATES as readonly string[]).includes(d.status) && d.ticket !== null;
}

/** D27: the facts the standing form was built from are the same now (or unknown: declared before facts were recorded). */
function sameFacts(standing: StandingDeclaration, unit: DecisionUnit, digests: UnitDigests): boolean {
  return standing.factsHash == null || standing.factsHash === digests.factsHash(unit);
}

function declaredUnit(
  unit: DecisionUnit,
  standing: StandingDeclaration | undefined,
  digests: UnitDigests,
  scope: ReconciliationScope,
): Reconciliation {
  const current = standing && stands(standing) ? standing : undefined;
  if (!current && standing?.status === "refused" && standing.contentHash === digests.contentHash(unit)) {
    // Refused, and the data has not changed since: sending it again would only be refused again.
    return { action: "waiting", standing, wanted: "nothing", unit };
  }
  if (!current) return { action: "original", unit };
  if (current.contentHash === digests.contentHash(unit)) return { action: "unchanged", standing: current };
  if (!isAccepted(current)) return { action: "waiting", standing: current, wanted: "modification", unit };
  if (!scope.acceptReissue && sameFacts(current, unit, digests)) return { action: "held", standing: current, wanted: "modification", unit };
  return { action: "modification", unit, replaces: current };
}

function notEligibleUnit(
  unit: DecisionUnit,
  reason: NotEligibleReason,
  current: StandingDeclaration,
  digests: UnitDigests,
  scope: ReconciliationScope,
): Reconciliation {
  if (reason === "WINDOW_TOO_OLD") return { action: "unchanged", standing: current };
  if (!isAccepted(current)) return { action: "waiting", standing: current, wanted: "cancellation", unit };
  if (!scope.acceptReissue && sameFacts(current, unit, digests)) return { action: "held", standing: current, wanted: "cancellation", unit };
  return { action: "cancellation", replaces: current, because: { kind: "not-eligible", reason } };
}

/** `latest` maps unit keys to the person's latest non-abandoned declarations (another person's are left alone). */
export function reconcilePerson(
  decision: PersonDecision,
  latest: ReadonlyMap<string, StandingDeclaration>,
  digests: UnitDigests,
  scope: ReconciliationScope,
): Reconciliation[] {
  const result: Reconciliation[] = [];
  const seen = new Set<string>();
  for (const unit of decision.units) {
    const key = unitKeyOf(unit);
    seen.add(key);
    const standing = latest.get(key);
    const current = standing && stands(standing) ? standing : undefined;
    if (unit.outcome.status === "declared") result.push(declaredUnit(unit, standing, digests, scope));
    else if (unit.outcome.status === "not-eligible" && current)
      result.push(notEligibleUnit(unit, unit.outcome.reason, current, digests, scope));
    else result.push({ action: "none", unit });
  }
  // Declarations of this person the data no longer yields at all (an assignment deleted, a window shrunk).
  for (const [key, standing] of latest) {
    if (seen.has(key) || standing.staffId !== decision.staffId || !stands(standing)) continue;
    if (!scope.sectors.has(batchPurposeOf(standing.formType))) continue;
    const because = vanishedWhy(standing, scope);
    if (because !== null) result.push(cancelOrWait(standing, because));
  }
  return result;
}

const NO_NOTIFICATION: CancellationReason = { kind: "no-notification" };

/** Whether a monthly declaration's month lies within what the run looks at (from `from` up to the run month). */
function inMonths(month: ReferencePeriod | null, from: YearMonth, scope: ReconciliationScope): month is YearMonth {
  return month !== null && !isHolidayYear(month) && month >= from && month <= scope.runMonth;
}

/** Why a standing declaration whose unit is gone must be cancelled, or null when it lies outside what the run looks at. */
function vanishedWhy(standing: StandingDeclaration, scope: ReconciliationScope): CancellationReason | null {
  const period = standing.referencePeriod;
  switch (standing.formType) {
    case "WECH003": {
      if (scope.withoutNotification) return NO_NOTIFICATION;
      const id = standing.assignmentId;
      return scope.assignmentIds.has(id) ? null : { kind: "assignment-gone", assignmentId: id };
    }
    case "WECH006":
      if (!inMonths(period, scope.monthsFrom, scope)) return null;
      if (scope.withoutNotification) return NO_NOTIFICATION;
      return { kind: "no-window-or-assignment", month: period };
    case "ZIMA002":
      if (!inMonths(period, scope.benefitsMonthsFrom, scope)) return null;
      return { kind: "no-adapted-work", month: period };
    case "ZIMA003":
      if (!inMonths(period, scope.benefitsMonthsFrom, scope)) return null;
      return { kind: "no-breastfeeding-breaks", month: period };
    case "ZIMA006":
      if (!inMonths(period, scope.benefitsMonthsFrom, scope)) return null;
      return { kind: "no-resumption", month: period };
    case "ZIMA001":
      if (!inMonths(period, scope.benefitsMonthsFrom, scope)) return null;
      return { kind: "no-absence", month: period };
    case "ZIMA005": {
      const year = period === null ? null : holidayYearOf(period);
      if (year === null || year < scope.holidayYearsFrom || year > scope.holidayYearsTo) return null;
      return { kind: "no-holiday-balance", holidayYear: year };
    }
    default:
      return unreachable(standing.formType, "form type");
  }
}

function cancelOrWait(standing: StandingDeclaration, because: CancellationReason): Reconciliation {
  if (isAccepted(standing)) return { action: "cancellation", replaces: standing, because };
  return { action: "waiting", standing, wanted: "cancellation" };
}
