/**
 * Reads a run's decisions.jsonl back, streaming, one person at a time (their person line, unit lines
 * and rejected records together), so that reports stay flat in memory whatever the month's size.
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { createInterface } from "node:readline";
import {
  type CancellationLine,
  ContextsOfPerson,
  type DecisionLine,
  type PersonLine,
  READABLE_RECORD_FORMATS,
  type RejectedRecordLine,
  type UnitLine,
} from "../src/run-record";

export interface PersonDecisions {
  readonly person: PersonLine;
  readonly units: UnitLine[];
  readonly rejectedRecords: RejectedRecordLine[];
  /** Cancellations of accepted forms written for this person. */
  readonly cancellations: CancellationLine[];
}

/** Why a person line is not of the shape this version reads, or null. */
function formatProblem(line: PersonLine): string | null {
  const format = (line as { recordFormat?: unknown }).recordFormat;
  if (READABLE_RECORD_FORMATS.includes(format as number)) return null;
  return `written by ${format === undefined ? "an earlier version of edu-easr" : `a version of edu-easr with record format ${String(format)}`} (this one reads record formats ${READABLE_RECORD_FORMATS.join(" and ")}): its reports cannot be made from it by this version`;
}

/**
 * Whether the record at `path` can be read by this version, from its first line, before anything is
 * done with it (e.g. before the reports it would replace are removed): null, or why not.
 */
export function recordFormatProblem(path: string): string | null {
  const fd = openSync(path, "r");
  try {
    // The first line, read in chunks up to its end (or the file's).
    const chunks: Buffer[] = [];
    for (let position = 0; ;) {
      const chunk = Buffer.alloc(64 * 1024);
      const length = readSync(fd, chunk, 0, chunk.length, position);
      const end = chunk.subarray(0, length).indexOf(0x0a);
      chunks.push(chunk.subarray(0, end === -1 ? length : end));
      if (end !== -1 || length < chunk.length) break;
      position += length;
    }
    const first = Buffer.concat(chunks).toString("utf8");
    if (first.trim() === "") return null;
    let line: DecisionLine;
    try {
      line = JSON.parse(first) as DecisionLine;
    } catch {
      return `${path}:1: not a JSON line`;
    }
    if (line.kind !== "person") return `${path}:1: a ${line.kind} line before any person line`;
    const problem = formatProblem(line);
    return problem && `${path}:1: ${problem}`;
  } finally {
    closeSync(fd);
  }
}

export async function* readPersonDecisions(path: string): AsyncGenerator<PersonDecisions> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let current: PersonDecisions | null = null;
  const contexts = new ContextsOfPerson();
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
      const problem = formatProblem(line);
      if (problem) throw new Error(`${path}:${number}: ${problem}`);
      if (current) yield current;
      current = { person: contexts.person(line), units: [], rejectedRecords: [], cancellations: [] };
    } else if (!current || current.person.staffId !== line.staffId) {
      throw new Error(`${path}:${number}: a ${line.kind} line of staff ${line.staffId} outside that person's block`);
    } else if (line.kind === "unit") {
      current.units.push(contexts.unit(line, `${path}:${number}`));
    } else if (line.kind === "cancellation") {
      current.cancellations.push(line);
    } else {
      current.rejectedRecords.push(line);
    }
  }
  if (current) yield current;
}
