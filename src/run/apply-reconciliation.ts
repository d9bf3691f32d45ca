/**
 * Turns a person's fresh decision and its reconciliation into what this run does (domain.md D26): the
 * units decided now — declared (originals and modifications), not eligible, waiting (for pay, for an
 * answer, for a fix of refused data, for the operator's acceptance of a reissue), rejected — the
 * cancellations to write, and what is left unchanged. The person's status follows from that.
 */
import { distinctProblems, type NotEligibleReason, type RecordProblem, type WaitingReason } from "../domain/outcome-codes";
import { rejected } from "../rules/outcome-builders";
import { type DecisionUnit, FORM_TYPES, type FormType, type PersonDecision, type PersonStatus, perFormType } from "../rules/decision-types";
import type { Reconciliation, StandingDeclaration } from "../rules/reconciliation";

export interface ReconciledPerson {
  readonly decision: PersonDecision;
  /** Index in `decision.units` → the accepted declaration a declared unit modifies. */
  readonly modifications: ReadonlyMap<number, StandingDeclaration>;
  readonly cancellations: readonly Extract<Reconciliation, { action: "cancellation" }>[];
  /** Units whose standing form needs nothing (same content), per form type. */
  readonly unchanged: Readonly<Record<FormType, number>>;
  /** Standing forms whose cancellation waits for their answer, with no unit of their own this run. */
  readonly waitingWithoutUnit: Readonly<Record<FormType, number>>;
  /** D27: index in `decision.units` → the standing form a held reissue would modify or cancel. */
  readonly held: ReadonlyMap<number, Extract<Reconciliation, { action: "held" }>>;
}

function waitingUnit(unit: DecisionUnit, reason: WaitingReason, detail: string): DecisionUnit {
  return { ...unit, outcome: { status: "waiting", reason, detail } };
}

/** The unit as it stands after the reconciliation, or null when it is not a unit of this run's account (unchanged, cancelled). */
function settledUnit(r: Reconciliation): DecisionUnit | null {
  switch (r.action) {
    case "original":
    case "modification":
    case "none":
      return r.unit;
    case "waiting":
      if (!r.unit) return null;
      return r.wanted === "nothing"
        ? waitingUnit(r.unit, "REFUSED_NOT_FIXED", `form ${r.standing.id} was refused and the data has not changed since`)
        : waitingUnit(
            r.unit,
            "WAITING_FOR_ANSWER",
            `form ${r.standing.id} (${r.standing.status}) has no answer yet: its ${r.wanted} waits`,
          );
    case "held":
      return waitingUnit(
        r.unit,
        "HELD_REISSUE",
        `the ${r.wanted} of form ${r.standing.id} (ticket ${r.standing.ticket}) is held: the data is unchanged since it was declared under ${r.standing.rulesVersion ?? "the rules before 2026-12"}`,
      );
    case "cancellation":
    case "unchanged":
      return null;
  }
}

export function applyReconciliation(raw: PersonDecision, reconciled: readonly Reconciliation[]): ReconciledPerson {
  const units: DecisionUnit[] = [];
  const modifications = new Map<number, StandingDeclaration>();
  const held = new Map<number, Extract<Reconciliation, { action: "held" }>>();
  const cancellations: Extract<Reconciliation, { action: "cancellation" }>[] = [];
  const unchanged = perFormType(() => 0);
  const waitingWithoutUnit = perFormType(() => 0);
  for (const r of reconciled) {
    if (r.action === "modification") modifications.set(units.length, r.replaces);
    if (r.action === "held") held.set(units.length, r);
    if (r.action === "cancellation") cancellations.push(r);
    if (r.action === "unchanged") unchanged[r.standing.formType]++;
    if (r.action === "waiting" && !r.unit) waitingWithoutUnit[r.standing.formType]++;
    const unit = settledUnit(r);
    if (unit) units.push(unit);
  }
  const previouslyDeclared = perFormType(() => 0);
  for (const formType of FORM_TYPES) previouslyDeclared[formType] = raw.previouslyDeclared[formType] + unchanged[formType];
  const waitingElsewhere = FORM_TYPES.some((t) => waitingWithoutUnit[t] > 0);
  const { status, reason } = personOutcome(raw, units, cancellations.length > 0, waitingElsewhere);
  return {
    decision: { ...raw, units, status, reason, previouslyDeclared },
    modifications,
    cancellations,
    unchanged,
    waitingWithoutUnit,
    held,
  };
}

/** D26: declared > rejected > waiting > not eligible > unchanged, with the first unit's reason. */
function personOutcome(
  raw: PersonDecision,
  units: readonly DecisionUnit[],
  cancels: boolean,
  waitingElsewhere: boolean,
): { status: PersonStatus; reason: NotEligibleReason | WaitingReason | null } {
  const first = (status: string) => units.find((u) => u.outcome.status === status)?.outcome;
  if (first("declared") || cancels) return { status: "declared", reason: null };
  if (first("rejected") || (raw.status === "rejected" && raw.units.length === 0)) return { status: "rejected", reason: null };
  const waiting = first("waiting");
  if (waiting?.status === "waiting") return { status: "waiting", reason: waiting.reason };
  if (waitingElsewhere) return { status: "waiting", reason: "WAITING_FOR_ANSWER" };
  const notEligible = first("not-eligible");
  if (notEligible?.status === "not-eligible") return { status: "not-eligible", reason: notEligible.reason };
  if (raw.units.length === 0 && raw.status === "not-eligible" && raw.reason !== null) return { status: "not-eligible", reason: raw.reason };
  return { status: "unchanged", reason: null };
}

/**
 * The person once the forms are built (D22): units whose form breaks a glossary condition become
 * rejected (their modification is not sent), cancellations that could not be written are dropped, and
 * the problems join the person's; the person's place in the account follows.
 */
export function withRejectedUnits(
  reconciled: ReconciledPerson,
  rejections: ReadonlyMap<number, RecordProblem>,
  written: {
    readonly placed: readonly { readonly cancellation: Extract<Reconciliation, { action: "cancellation" }> }[];
    readonly problems: readonly RecordProblem[];
  },
): ReconciledPerson {
  if (rejections.size === 0 && written.problems.length === 0) return reconciled;
  const decision = reconciled.decision;
  const units = decision.units.map((unit, index) => {
    const problem = rejections.get(index);
    return problem ? { ...unit, outcome: rejected(problem) } : unit;
  });
  const modifications = new Map([...reconciled.modifications].filter(([index]) => !rejections.has(index)));
  const cancellations = written.placed.map((p) => p.cancellation);
  const problems = distinctProblems([...decision.problems, ...rejections.values(), ...written.problems]);
  const waitingElsewhere = FORM_TYPES.some((t) => reconciled.waitingWithoutUnit[t] > 0);
  const { status, reason } = personOutcome({ ...decision, status: decision.status }, units, cancellations.length > 0, waitingElsewhere);
  return { ...reconciled, decision: { ...decision, units, problems, status, reason }, modifications, cancellations };
}
