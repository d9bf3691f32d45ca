/**
 * Everything a run leaves for the people around it, written after its files are published: the
 * operator workbook, one workbook per school board, and the payslip extract. The first run of a month
 * folder uses the plain names; a later run (a re-run with new declarations, another environment) puts
 * its run suffix in the names, so that nothing of an earlier run is overwritten.
 */
import { join } from "node:path";
import type { RunSummary } from "../src/run/monthly-run";
import type { AnomalyReportRow } from "../src/state/anomaly-report-repository";
import { writeBoardWorkbooks } from "./board-workbooks";
import { writeOperatorWorkbook } from "./operator-workbook";
import { payslipExtractName, writePayslipExtract } from "./payslip-extract";

export interface RunReports {
  readonly operatorWorkbook: string;
  readonly boardWorkbooks: readonly string[];
  readonly payslipExtract: string;
  readonly payslipRecords: number;
}

export function operatorWorkbookName(summary: RunSummary): string {
  return `report-${summary.runMonth}${summary.reportSuffix}.xlsx`;
}

/**
 * Null when the run kept no decisions (a re-run with nothing new). `anomalies` go on the operator
 * workbook's Anomalies sheet: normally those ingested since the environment's previous completed run.
 */
export async function writeRunReports(summary: RunSummary, anomalies: readonly AnomalyReportRow[] = []): Promise<RunReports | null> {
  if (summary.decisionsFile === null) return null;
  const dir = summary.outputDir;
  const decisionsPath = summary.decisionsFile;
  const operatorWorkbook = join(dir, operatorWorkbookName(summary));
  await writeOperatorWorkbook({ summary, decisionsPath, outputPath: operatorWorkbook, anomalies });
  const boardsParent = summary.reportSuffix === "" ? dir : join(dir, summary.reportSuffix.slice(1));
  const boards = await writeBoardWorkbooks({ summary, decisionsPath, outputDir: boardsParent });
  const payslipExtract = join(dir, payslipExtractName(summary.runMonth).replace(".csv", `${summary.reportSuffix}.csv`));
  const payslip = await writePayslipExtract({ summary, decisionsPath, outputPath: payslipExtract });
  return { operatorWorkbook, boardWorkbooks: boards.files, payslipExtract, payslipRecords: payslip.records };
}
