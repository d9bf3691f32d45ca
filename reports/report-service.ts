/**
 * The reports of a run, and their record in the state. Written right after the run
 * (`easr run`, the scheduler, the demo) or later from the run's record (`easr report`): the state notes
 * when they were written and where the payslip extract is — or, when they failed, why, so that `easr
 * audit` and every next run name the run until they exist. The run's record (decisions.jsonl) and its
 * run-summary.json are published before its GO files: a run whose files are out can always be reported.
 */
import { recordFormatProblem } from "./decision-reader";
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { runOutputNames } from "../src/files/output-layout";
import type { RunSummary } from "../src/run-record";
import type { AnomalyReportRepository } from "../src/state/anomaly-report-repository";
import type { AuditRepository } from "../src/state/audit-repository";
import type { RecordedRun, RunRepository } from "../src/state/run-repository";
import { brusselsTime, type Clock } from "../src/util/brussels-clock";
import { maskInszInText } from "../src/util/insz-masking";
import { renderMonthChart } from "./month-chart";
import { loadMonthOverMonth } from "./month-over-month";
import type { MonthOverMonthReport } from "./operator-workbook";
import type { ReportLanguage } from "./operator/report-language";
import { removeRunReports, type RunReports, writeRunReports } from "./run-reports";

/** The run's reports could not be written; its files and record are fine (exit 3). */
export class ReportsFailedError extends Error {
  override readonly name: string = "ReportsFailedError";
}

export interface ReportDependencies {
  readonly runs: RunRepository;
  readonly anomalyReports: AnomalyReportRepository;
  readonly audit: AuditRepository;
  readonly clock: Clock;
  /** Who writes them, on which host (audit trail). */
  readonly actor: { readonly actor: string; readonly host: string };
  /** The operator workbook's language (EASR_REPORT_LANGUAGE). */
  readonly language: ReportLanguage;
}

/**
 * Writes the reports of a run and notes them in the state. The operator workbook's anomalies are those
 * ingested since the environment's previous completed run — up to `anomaliesUntil` when the reports of
 * an earlier run are rebuilt. Null when the run kept no decisions (nothing new).
 */
export async function writeAndRecordReports(
  summary: RunSummary,
  deps: ReportDependencies,
  anomaliesUntil: string | null = null,
): Promise<RunReports | null> {
  const { runId, environment } = summary;
  const now = () => brusselsTime(deps.clock.now()).iso;
  try {
    const since = await deps.anomalyReports.previousRunFinishedAt(environment, runId);
    const anomalies = await deps.anomalyReports.anomaliesIngestedSince(environment, since, anomaliesUntil);
    // No chart for a dry run, nor for a run that kept no decisions (it has no reports to put it in).
    const monthOverMonth = runId === null || summary.decisionsFile === null ? undefined : await monthOverMonthOf(summary, runId, deps);
    const reports = await writeRunReports(summary, { anomalies, language: deps.language, monthOverMonth });
    if (reports && runId !== null) {
      await deps.runs.reportsWritten(runId, now(), resolve(reports.payslipExtract));
      await deps.audit.append({
        event: "reports-written",
        runId,
        month: summary.runMonth,
        environment,
        detail: {
          operatorWorkbook: basename(reports.operatorWorkbook),
          boards: reports.boardWorkbooks.length,
          payslipRecords: reports.payslipRecords,
        },
        ...deps.actor,
        at: now(),
      });
    }
    return reports;
  } catch (error) {
    const message = maskInszInText(error instanceof Error ? error.message : String(error));
    if (runId !== null) {
      await deps.runs.reportsFailed(runId, message).catch(() => undefined);
      await deps.audit
        .append({ event: "reports-failed", runId, month: summary.runMonth, environment, detail: { message }, ...deps.actor, at: now() })
        .catch(() => undefined);
    }
    const out = summary.files.map((f) => f.fileName).join(", ") || "no declaration file";
    throw new ReportsFailedError(
      `the run completed (${out}; its record ${summary.decisionsFile}), but writing its reports failed: ${message}. ` +
        `Once the cause is mended, \`easr report --month ${summary.runMonth}${environment === "R" ? " --env R" : ""}\` writes them.`,
    );
  }
}

/**
 * The months up to the run's and their chart, for the operator workbook and the run's folder. None for a
 * dry run: it is in no run of the state, and a month beside the others without it would contradict the
 * overview.
 */
async function monthOverMonthOf(summary: RunSummary, runId: number, deps: ReportDependencies): Promise<MonthOverMonthReport> {
  const data = await loadMonthOverMonth(deps.runs, summary.environment, summary.runMonth, runId);
  return { data, png: await renderMonthChart(data) };
}

/**
 * The summary of a recorded run, as the reports need it, read from its run-summary.json; the paths in it
 * are those of the run's folder as recorded in the state (the summary may hold paths relative to the
 * folder the run was started from).
 */
export function summaryOfRecordedRun(run: RecordedRun): RunSummary {
  const summaryFile = run.summaryFile ?? (run.outputDir ? runOutputNames(run.outputDir, run.month, "").summary : null);
  if (summaryFile === null || !existsSync(summaryFile))
    throw new ReportsFailedError(
      `run ${run.id} (${run.month}, ${run.environment}): its summary ${summaryFile ?? "(no folder recorded)"} is gone`,
    );
  if (!existsSync(run.recordFile))
    throw new ReportsFailedError(
      `run ${run.id} (${run.month}, ${run.environment}): its record ${run.recordFile} is gone; its reports cannot be made again`,
    );
  // Before anything is removed: a record this version cannot read leaves the reports as they are.
  const unreadable = recordFormatProblem(run.recordFile);
  if (unreadable)
    throw new ReportsFailedError(`run ${run.id} (${run.month}, ${run.environment}): ${unreadable}; its reports are left as they are`);
  const recorded = JSON.parse(readFileSync(summaryFile, "utf8")) as RunSummary;
  if (recorded.runId !== run.id)
    throw new ReportsFailedError(
      `run ${run.id} (${run.month}, ${run.environment}): ${summaryFile} is the summary of run ${recorded.runId}`,
    );
  const outputDir = run.outputDir ?? resolve(recorded.outputDir);
  return { ...recorded, outputDir, summaryFile, decisionsFile: run.recordFile };
}

/** Writes the reports of a recorded run again from its record (any that exist are replaced). */
export async function rebuildReports(run: RecordedRun, deps: ReportDependencies): Promise<RunReports | null> {
  const summary = summaryOfRecordedRun(run);
  removeRunReports(summary);
  return writeAndRecordReports(summary, deps, summary.finishedAt);
}
