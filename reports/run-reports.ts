/**
 * Everything a run leaves for the people around it, written after its files are published: the
 * operator workbook, one workbook per school board, and the payslip extract. The first run of a month
 * folder uses the plain names; a later run (a re-run with new declarations, another environment) puts
 * its run suffix in the names, so that nothing of an earlier run is overwritten.
 *
 * The board workbooks are made in a worker thread of their own, from their own pass over
 * decisions.jsonl (board-workbooks-thread.ts); meanwhile the operator workbook and the payslip extract
 * read it together, in one pass (see person-reports.ts), and are then written one after the other.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { RunSummary } from "../src/run-record";
import type { AnomalyReportRow } from "../src/state/anomaly-report-repository";
import { startBoardWorkbooks } from "./board-workbooks-thread";
import { OPERATOR_SHEETS, operatorWorkbookReport, overflowCsvPath } from "./operator-workbook";
import type { ReportLanguage } from "./operator/report-language";
import { writeMonthChartPng } from "./month-chart";
import type { MonthOverMonthReport } from "./operator-workbook";
import { type RunOutputNames, runOutputNames } from "../src/files/output-layout";
import { payslipExtractReport } from "./payslip-extract";
import { feedReports, type PersonReport } from "./person-reports";

export interface RunReports {
  readonly operatorWorkbook: string;
  readonly boardWorkbooks: readonly string[];
  readonly payslipExtract: string;
  readonly payslipRecords: number;
}

/**
 * Where a run's reports go: the operator workbook (its overflow CSVs beside it), the boards' folder, the
 * payslip extract, the month-over-month chart (see src/files/output-layout.ts).
 */
export function runReportPaths(
  summary: RunSummary,
): Pick<RunOutputNames, "operatorWorkbook" | "boardsParent" | "payslipExtract" | "monthChart"> {
  const { operatorWorkbook, boardsParent, payslipExtract, monthChart } = runOutputNames(
    summary.outputDir,
    summary.runMonth,
    summary.reportSuffix,
  );
  return { operatorWorkbook, boardsParent, payslipExtract, monthChart };
}

/**
 * Removes whatever reports of the run exist (all of them are made from its record, which stays), so
 * that they can be written again: after a failure some may exist, and no report is written over an
 * existing file.
 */
export function removeRunReports(summary: RunSummary): void {
  const paths = runReportPaths(summary);
  // This run's overflow CSVs (report-<M><suffix>-<sheet>.csv), in either language; never a later run's
  // (report-<M>-run<id>-<sheet>.csv starts like the first run's).
  for (const sheet of [...Object.values(OPERATOR_SHEETS.nl), ...Object.values(OPERATOR_SHEETS.en)])
    rmSync(overflowCsvPath(paths.operatorWorkbook, sheet), { force: true });
  rmSync(paths.operatorWorkbook, { force: true });
  rmSync(join(paths.boardsParent, "boards"), { recursive: true, force: true });
  rmSync(paths.payslipExtract, { force: true });
  rmSync(paths.monthChart, { force: true });
}

export interface RunReportOptions {
  /** For the operator workbook's Anomalies sheet: normally those ingested since the environment's previous completed run. */
  readonly anomalies?: readonly AnomalyReportRow[];
  /** The operator workbook's language (Dutch by default). */
  readonly language?: ReportLanguage;
  /** The last 13 months and their chart: a sheet of the operator workbook, and the chart as a PNG beside it. */
  readonly monthOverMonth?: MonthOverMonthReport;
}

/** Null when the run kept no decisions (a re-run with nothing new). */
export async function writeRunReports(summary: RunSummary, options: RunReportOptions = {}): Promise<RunReports | null> {
  if (summary.decisionsFile === null) return null;
  const decisionsPath = summary.decisionsFile;
  const { operatorWorkbook, boardsParent, payslipExtract } = runReportPaths(summary);
  const boards = startBoardWorkbooks({ summary, decisionsPath, outputDir: boardsParent });
  const boardsMade = boards.then(
    () => true,
    () => false,
  );
  // Both settle before this returns, so that nothing of this run is still being written after it; the
  // boards' failure is the one told when both failed (the payslip extract then fails for it).
  const [others, boardFiles] = await Promise.allSettled([writeOperatorAndPayslip(summary, decisionsPath, options, boardsMade), boards]);
  if (boardFiles.status === "rejected") throw boardFiles.reason;
  if (others.status === "rejected") throw others.reason;
  return { operatorWorkbook, boardWorkbooks: boardFiles.value.files, payslipExtract, payslipRecords: others.value.records };
}

/**
 * The operator workbook (with the month-over-month chart beside it) and the payslip extract, from one
 * pass over decisions.jsonl, finished in the order the reports always had: the operator workbook, the
 * boards' (`boardsMade`), the payslip extract — which is not published when the boards' failed. The
 * operator workbook is zipped only once the boards' are done: two workbooks zipped at once, each in its
 * thread, would take the run past its memory target (README, "Performance").
 */
async function writeOperatorAndPayslip(
  summary: RunSummary,
  decisionsPath: string,
  options: RunReportOptions,
  boardsMade: Promise<boolean>,
): Promise<{ records: number }> {
  const { operatorWorkbook, payslipExtract } = runReportPaths(summary);
  const operator = operatorWorkbookReport({ summary, decisionsPath, outputPath: operatorWorkbook, ...options });
  const payslip = payslipExtractReport({ summary, decisionsPath, outputPath: payslipExtract });
  await feedReports(decisionsPath, [operator, payslip]);
  // Finished in turn; after a failure, the reports not yet finished remove their temporary files.
  let unfinished: PersonReport<unknown>[] = [operator, payslip];
  const finish = <T>(report: PersonReport<T>): Promise<T> => {
    unfinished = unfinished.filter((other) => other !== report);
    return report.finish();
  };
  try {
    const boardsDone = await boardsMade;
    await finish(operator);
    if (options.monthOverMonth) writeMonthChartPng(summary.outputDir, summary.runMonth, options.monthOverMonth.png, summary.reportSuffix);
    // After the boards' failure (which the caller throws), the payslip extract is left unpublished.
    if (!boardsDone) throw new Error("the board workbooks failed");
    return { records: (await finish(payslip)).records };
  } catch (error) {
    for (const report of unfinished) report.discard();
    throw error;
  }
}
