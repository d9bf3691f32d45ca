/**
 * Writes decisions.jsonl (see decision-records.ts) as the run decides, streaming: one person at a time.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { maskInsz } from "../domain/check-digits";
import type { DecisionUnit, PersonDecision } from "../rules/decision-types";
import type { Reconciliation, StandingDeclaration } from "../rules/reconciliation";
import type { DecisionLine, UnitLine } from "./decision-records";

/** NaturalPersonSequenceNbr given to each declared unit (by its index in the person's units). */
export type Placements = ReadonlyMap<number, number>;

/** A cancellation written, with its NaturalPersonSequenceNbr. */
export interface CancellationPlacement {
  readonly cancellation: Extract<Reconciliation, { action: "cancellation" }>;
  readonly sequenceNbr: number;
}

function unitLine(unit: DecisionUnit, sequenceNbr: number | undefined, modifies: StandingDeclaration | undefined): UnitLine {
  const outcome = unit.outcome;
  const base = { kind: "unit", staffId: unit.staffId, formType: unit.formType, assignmentId: unit.assignmentId, referenceMonth: unit.referenceMonth, context: unit.context } as const;
  if (outcome.status === "declared") {
    const d = outcome.declaration;
    return {
      ...base,
      status: "declared",
      reason: null,
      rule: null,
      detail: null,
      facts: d.formType === "WECH006" ? d.facts : null,
      record: null,
      declared: {
        sequenceNbr: sequenceNbr ?? 0,
        q: d.occupation.q,
        s: d.occupation.s,
        occupationStartingDate: d.occupationStartingDate,
        occupationEndingDate: d.formType === "WECH006" ? d.occupationEndingDate : null,
        theoreticalSalary: d.occupation.monthlySalary,
        exactSalary: d.formType === "WECH006" ? d.exactSalary : null,
        maintenanceOfRights: d.formType === "WECH003" ? d.maintenanceOfRights : null,
        fulltimeRequest: d.formType === "WECH003" ? d.fulltimeRequest : null,
        attestationStatus: modifies ? 1 : 0,
        referenceTicket: modifies?.ticket ?? null,
      },
    };
  }
  if (outcome.status === "not-eligible") {
    return { ...base, status: "not-eligible", reason: outcome.reason, rule: null, detail: outcome.detail, facts: outcome.facts ?? null, declared: null, record: null };
  }
  const { table, recordId, field, value } = outcome.problem;
  return { ...base, status: "rejected", reason: null, rule: outcome.rule, detail: outcome.detail, facts: null, declared: null, record: { table, recordId, field, value } };
}

export function decisionLines(
  decision: PersonDecision,
  placements: Placements,
  modifications: ReadonlyMap<number, StandingDeclaration> = new Map(),
  cancellations: readonly CancellationPlacement[] = [],
): DecisionLine[] {
  const identity = decision.identity;
  const lines: DecisionLine[] = [
    {
      kind: "person",
      staffId: decision.staffId,
      lastName: identity?.lastName ?? null,
      firstName: identity?.firstName ?? null,
      inszMasked: identity ? maskInsz(identity.insz) : null,
      status: decision.status,
      reason: decision.reason,
      notifications: decision.notifications,
      windows: decision.windows,
      notes: decision.notes,
    },
  ];
  decision.units.forEach((unit, index) => lines.push(unitLine(unit, placements.get(index), modifications.get(index))));
  for (const { cancellation, sequenceNbr } of cancellations) {
    const d = cancellation.replaces;
    lines.push({ kind: "cancellation", staffId: decision.staffId, formType: d.formType, assignmentId: d.assignmentId, referenceMonth: d.referenceMonth, referenceTicket: d.ticket ?? "", why: cancellation.why, sequenceNbr });
  }
  for (const problem of decision.problems) lines.push({ kind: "rejected-record", staffId: decision.staffId, ...problem });
  return lines;
}

export class DecisionLog {
  private readonly stream: WriteStream;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
  }

  async person(
    decision: PersonDecision,
    placements: Placements,
    modifications: ReadonlyMap<number, StandingDeclaration> = new Map(),
    cancellations: readonly CancellationPlacement[] = [],
  ): Promise<void> {
    const text = decisionLines(decision, placements, modifications, cancellations).map((line) => JSON.stringify(line)).join("\n");
    if (!this.stream.write(`${text}\n`)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    if (this.stream.writableEnded) return;
    this.stream.end();
    await once(this.stream, "finish");
  }
}
