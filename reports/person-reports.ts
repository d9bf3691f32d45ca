/**
 * A report of a run is fed decisions.jsonl person by person: each report is fed every person's
 * decisions in file order and keeps only what it needs (totals, rows spooled to disk, lines written
 * out at once); then it is finished — it writes and publishes its files. Reports fed together share
 * one pass (the operator workbook and the payslip extract); the board workbooks have their own, in a
 * worker thread (run-reports.ts).
 */
import { type PersonDecisions, readPersonDecisions } from "./decision-reader";

export interface PersonReport<T> {
  /** Takes one person's decisions; persons come in the order of decisions.jsonl. */
  add(decisions: PersonDecisions): Promise<void>;
  /** After the last person: writes and publishes the report's files, removes its temporary ones. */
  finish(): Promise<T>;
  /** Instead of {@link finish}, after a failure: removes the report's temporary files. */
  discard(): void;
}

/** Streams decisions.jsonl once into every report; on failure every report is discarded. */
export async function feedReports(decisionsPath: string, reports: readonly PersonReport<unknown>[]): Promise<void> {
  try {
    for await (const decisions of readPersonDecisions(decisionsPath)) {
      for (const report of reports) await report.add(decisions);
    }
  } catch (error) {
    for (const report of reports) report.discard();
    throw error;
  }
}

/** One report on its own: fed from decisions.jsonl, then finished. */
export async function writeReport<T>(decisionsPath: string, report: PersonReport<T>): Promise<T> {
  await feedReports(decisionsPath, [report]);
  return report.finish();
}
