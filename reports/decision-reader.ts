/**
 * Reads a run's decisions.jsonl back, streaming, one person at a time (their person line, unit lines
 * and rejected records together), so that reports stay flat in memory whatever the month's size.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { CancellationLine, DecisionLine, PersonLine, RejectedRecordLine, UnitLine } from "../src/run-record";

export interface PersonDecisions {
  readonly person: PersonLine;
  readonly units: UnitLine[];
  readonly rejectedRecords: RejectedRecordLine[];
  /** Cancellations of accepted forms written for this person. */
  readonly cancellations: CancellationLine[];
}

export async function* readPersonDecisions(path: string): AsyncGenerator<PersonDecisions> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let current: PersonDecisions | null = null;
  let number = 0;
  for await (const text of lines) {
    number++;
    if (text.trim() === "") continue;
    let line: DecisionLine;
    try {
      line = JSON.parse(text) as DecisionLine;
    } catch {
      throw new Error(`${path}:${number}: not a JSON line`);
    }
    if (line.kind === "person") {
      if (!Array.isArray(line.lateNotifications))
        throw new Error(
          `${path}:${number}: written by an earlier version of edu-easr (its person lines have no lateNotifications): its reports cannot be rebuilt by this version`,
        );
      if (current) yield current;
      current = { person: line, units: [], rejectedRecords: [], cancellations: [] };
    } else if (!current || current.person.staffId !== line.staffId) {
      throw new Error(`${path}:${number}: a ${line.kind} line of staff ${line.staffId} outside that person's block`);
    } else if (line.kind === "unit") {
      current.units.push(line);
    } else if (line.kind === "cancellation") {
      current.cancellations.push(line);
    } else {
      current.rejectedRecords.push(line);
    }
  }
  if (current) yield current;
}
