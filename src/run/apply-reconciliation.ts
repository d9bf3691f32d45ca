/**
 * Turns a person's fresh decision and its reconciliation into what this run does: the units decided
 * now (originals and modifications declared, not eligible, rejected), the cancellations to write, and
 * what is left alone (unchanged, or waiting for an answer). The person's status follows from that.
 */
import { type DecisionUnit, FORM_TYPES, type FormType, type PersonDecision, perFormType } from "../rules/decision-types";
import type { Reconciliation, StandingDeclaration } from "../rules/reconciliation";

export interface ReconciledPerson {
  readonly decision: PersonDecision;
  /** Index in `decision.units` → the accepted declaration a declared unit modifies. */
  readonly modifications: ReadonlyMap<number, StandingDeclaration>;
  readonly cancellations: readonly Extract<Reconciliation, { action: "cancellation" }>[];
  readonly unchanged: Readonly<Record<FormType, number>>;
  readonly waiting: Readonly<Record<FormType, number>>;
  /** Refused forms whose data has not changed since: not sent again until fixed. */
  readonly refusedUnchanged: Readonly<Record<FormType, number>>;
}

export function applyReconciliation(raw: PersonDecision, reconciled: readonly Reconciliation[]): ReconciledPerson {
  const units: DecisionUnit[] = [];
  const modifications = new Map<number, StandingDeclaration>();
  const cancellations: Extract<Reconciliation, { action: "cancellation" }>[] = [];
  const unchanged = perFormType(() => 0);
  const waiting = perFormType(() => 0);
  const refusedUnchanged = perFormType(() => 0);
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
  const previouslyDeclared = perFormType(() => 0);
  for (const formType of FORM_TYPES) previouslyDeclared[formType] = raw.previouslyDeclared[formType] + unchanged[formType];
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
