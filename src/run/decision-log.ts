/**
 * decisions.jsonl: one JSON line per person, per decision unit and per rejected record of a run — the
 * material of the operator's reports and of `easr explain`. Staff ids only, never an INSZ.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { PersonDecision } from "../rules/decision-types";

export interface FormPlacement {
  readonly formType: string;
  readonly sequenceNbr: number;
}

export class DecisionLog {
  private readonly stream: WriteStream;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
  }

  private async line(record: object): Promise<void> {
    if (!this.stream.write(`${JSON.stringify(record)}\n`)) await once(this.stream, "drain");
  }

  /** `placements[i]` tells where unit i went when it was declared. */
  async person(decision: PersonDecision, placements: ReadonlyMap<number, FormPlacement>): Promise<void> {
    await this.line({ kind: "person", staffId: decision.staffId, status: decision.status, reason: decision.reason, notes: decision.notes });
    for (const [index, unit] of decision.units.entries()) {
      const outcome = unit.outcome;
      const base = { kind: "unit", staffId: unit.staffId, formType: unit.formType, assignmentId: unit.assignmentId, referenceMonth: unit.referenceMonth, status: outcome.status };
      if (outcome.status === "declared") {
        const d = outcome.declaration;
        await this.line({
          ...base,
          sequenceNbr: placements.get(index)?.sequenceNbr,
          q: d.occupation.q,
          s: d.occupation.s,
          boardId: d.occupation.boardId,
          institutionId: d.occupation.institutionId,
          monthlySalary: d.occupation.monthlySalary,
          occupationStartingDate: d.occupationStartingDate,
          ...(d.formType === "WECH006" ? { exactSalary: d.exactSalary, facts: d.facts } : {}),
        });
      } else if (outcome.status === "not-eligible") {
        await this.line({ ...base, reason: outcome.reason, detail: outcome.detail, facts: outcome.facts });
      } else {
        await this.line({ ...base, rule: outcome.rule, detail: outcome.detail, record: outcome.problem });
      }
    }
    for (const problem of decision.problems) await this.line({ kind: "rejected-record", staffId: decision.staffId, ...problem });
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
  }
}
