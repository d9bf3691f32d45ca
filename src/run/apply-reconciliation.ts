/**
 * Turns a person's fresh decision and its reconciliation into what this run does: the units decided
 * now (originals and modifications declared, not eligible, rejected), the cancellations to write, and
 * what is left alone (unchanged, or waiting for an answer). The person's status follows from that.
 */
import type { DecisionUnit, PersonDecision, UnemploymentFormType } from "../rules/decision-types";
import type { Reconciliation, StandingDeclaration } from "../rules/reconciliation";

export interface ReconciledPerson {
  readonly decision: PersonDecision;
  /** Index in `decision.units` → the accepted declaration a declared unit modifies. */
  readonly modifications: ReadonlyMap<number, StandingDeclaration>;
  readonly cancellations: readonly Extract<Reconciliation, { action: "cancellation" }>[];
  readonly unchanged: Readonly<Record<UnemploymentFormType, number>>;
  readonly waiting: Readonly<Record<UnemploymentFormType, number>>;
  /** Refused forms whose data has not changed since: not sent again until fixed. */
  readonly refusedUnchanged: Readonly<Record<UnemploymentFormType, number>>;
}

export function applyReconciliation(raw: PersonDecision, reconciled: readonly Reconciliation[]): ReconciledPerson {
  const units: DecisionUnit[] = [];
  const modifications = new Map<number, StandingDeclaration>();
  const cancellations: Extract<Reconciliation, { action: "cancellation" }>[] = [];
  const unchanged = { WECH003: 0, WECH006: 0 };
  const waiting = { WECH003: 0, WECH006: 0 };
  const refusedUnchanged = { WECH003: 0, WECH006: 0 };
  for (const r of reconciled) {
    switch (r.action) {
      case "original":
      case "none":
        units.push(r.unit);
        break;
      case "modification":
        modifications.set(units.length, r.replaces);
        units.push(r.unit);
        break;
      case "cancellation":
        cancellations.push(r);
        break;
      case "unchanged":
        unchanged[r.standing.formType]++;
        break;
      case "waiting":
        if (r.wanted === "nothing") refusedUnchanged[r.standing.formType]++;
        else waiting[r.standing.formType]++;
        break;
    }
  }
  const previouslyDeclared = { WECH003: raw.previouslyDeclared.WECH003 + unchanged.WECH003, WECH006: raw.previouslyDeclared.WECH006 + unchanged.WECH006 };
  const acts = units.some((u) => u.outcome.status === "declared") || cancellations.length > 0;
  const rejected = units.some((u) => u.outcome.status === "rejected") || (raw.status === "rejected" && raw.units.length === 0);
  const notEligible = units.find((u) => u.outcome.status === "not-eligible")?.outcome;
  const status = acts ? "declared" : rejected ? "rejected" : "not-eligible";
  const reason =
    status !== "not-eligible"
      ? null
      : notEligible && notEligible.status === "not-eligible"
        ? notEligible.reason
        : raw.reason !== null && raw.units.length === 0
          ? raw.reason
          : "NOTHING_NEW";
  return {
    decision: { ...raw, units, status, reason, previouslyDeclared },
    modifications,
    cancellations,
    unchanged,
    waiting,
    refusedUnchanged,
  };
}
