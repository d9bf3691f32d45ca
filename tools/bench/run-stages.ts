/**
 * Where a measured run's time went, read from its own log (easr.log in its output folder): the lines
 * the run writes as it passes from one stage to the next, with their timestamps. The stages:
 * - start:   from the version line to the month's cut-off line (start-up, preflight, the month's setting);
 * - decide:  to "deciding: … done" (read, decide, build, hold against the glossary, write and validate the FI files);
 * - publish: to the run's closing message (files finished and published, the record, the state);
 * - reports: to "reports written in" (operator workbook, board workbooks, payslip extract).
 */
import { existsSync, readFileSync } from "node:fs";

export interface RunStage {
  readonly name: "start" | "decide" | "publish" | "reports";
  readonly seconds: number;
}

interface LogLine {
  readonly message: string;
  readonly at: number;
}

/** The stage each marker line ends, in order; a stage's start is the previous marker's time. */
const MARKERS: readonly { readonly stage: RunStage["name"] | null; readonly matches: (message: string, month: string) => boolean }[] = [
  { stage: null, matches: (message, month) => message.endsWith(`: run of ${month} (T)`) || message.endsWith(`: run of ${month} (R)`) },
  { stage: "start", matches: (message, month) => message.startsWith(`month ${month} (`) && message.includes("cut-off") },
  { stage: "decide", matches: (message) => message.startsWith("deciding: ") && message.endsWith(", done") },
  { stage: "publish", matches: (message, month) => message.startsWith(`month ${month} (`) && !message.includes("cut-off") },
  { stage: "reports", matches: (message) => message.startsWith("reports written in ") },
];

function logLines(path: string): LogLine[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { message: string; timestamp: string })
    .map(({ message, timestamp }) => ({ message, at: Date.parse(timestamp) }));
}

/** The stages of the month's last run in the log, in order; null when the log does not show them all (a failed run). */
export function runStages(logPath: string, month: string): RunStage[] | null {
  if (!existsSync(logPath)) return null;
  const lines = logLines(logPath);
  const first = lines.findLastIndex((line) => MARKERS[0].matches(line.message, month));
  if (first === -1) return null;
  const stages: RunStage[] = [];
  let previous = lines[first].at;
  let from = first + 1;
  for (const marker of MARKERS.slice(1)) {
    const index = lines.findIndex((line, i) => i >= from && marker.matches(line.message, month));
    if (index === -1) return null;
    stages.push({ name: marker.stage!, seconds: (lines[index].at - previous) / 1000 });
    previous = lines[index].at;
    from = index + 1;
  }
  return stages;
}
