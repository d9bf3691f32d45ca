/**
 * The one way a month is run — by `easr run`, the scheduler, `easr release` and the demo: under the run
 * lock, the monthly job (monthly-run.ts), then its reports, noted in the state (reports/report-service.ts).
 * The caller decides what is printed: it is told the summary as soon as the run is done, before the
 * reports are written, so that a failure of the reports never hides what the run did.
 */
import { hostname } from "node:os";
import { type RunReports } from "../../reports/run-reports";
import { writeAndRecordReports } from "../../reports/report-service";
import type { AppConfig } from "../config/load-config";
import { stopValidationWorker } from "../files/chunk-validator";
import type { YearMonth } from "../domain/year-month";
import { defaultRuleParameters } from "../rules/rule-parameters";
import type { Clock } from "../util/brussels-clock";
import { versionLine } from "../util/build-info";
import { attachLogFile, type Logger } from "../util/logger";
import type { ProgressFactory } from "../util/progress";
import type { RunSummary } from "../run-record";
import { runMonthlyJob } from "./monthly-run";
import { openRunContext } from "./run-context";

/** What to run: a month, by whom, and what the operator accepted. */
export interface MonthRun {
  readonly runMonth: YearMonth;
  /** A user name, or `scheduler`. */
  readonly triggeredBy: string;
  readonly dryRun?: boolean;
  /** Go on although the safety valve sees a swing against the previous month. */
  readonly acceptSwing?: boolean;
  /** D27: send the corrections a rule change caused (held otherwise). */
  readonly acceptReissue?: boolean;
  /** A state without runs next to an output folder with batch files is meant. */
  readonly newState?: boolean;
}

export interface MonthServiceDependencies {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly progress?: ProgressFactory;
  /** Told the run's summary before its reports are written. */
  readonly onSummary?: (summary: RunSummary) => void;
}

export interface MonthOutcome {
  readonly summary: RunSummary;
  /** Null when the run kept no decisions (nothing new). */
  readonly reports: RunReports | null;
}

export async function runMonth(run: MonthRun, deps: MonthServiceDependencies): Promise<MonthOutcome> {
  const { config, logger, clock } = deps;
  attachLogFile(logger, config.logFile);
  logger.debug(`${versionLine()}: run of ${run.runMonth} (${config.environment})`);
  // One run at a time: the lock is taken before anything else and held until the context closes
  // (dry runs record nothing and need none).
  const runLock = run.dryRun ? undefined : { waitSeconds: config.lockWaitSeconds, holder: `${run.triggeredBy} run ${run.runMonth}` };
  const context = await openRunContext(config, { runLock });
  try {
    const summary = await runMonthlyJob(
      {
        runMonth: run.runMonth,
        environment: config.environment,
        outDir: config.outDir,
        dryRun: run.dryRun ?? false,
        triggeredBy: run.triggeredBy,
        employer: config.employer,
        parameters: defaultRuleParameters(),
        pageSize: config.pageSize,
        swingPolicy: config.swingPolicy,
        acceptSwing: run.acceptSwing ?? false,
        signing: config.signing,
        acceptReissue: run.acceptReissue ?? false,
        newState: run.newState ?? false,
      },
      { ...context, clock, logger, progress: deps.progress },
    );
    deps.onSummary?.(summary);
    // The files are finished: the validator's memory is the reports' now.
    await stopValidationWorker();
    const actor = { actor: run.triggeredBy, host: hostname() };
    const reportsStarted = performance.now();
    const reports = await writeAndRecordReports(summary, { ...context, clock, actor, language: config.reportLanguage });
    if (reports) logger.info(reportsLine(reports, (performance.now() - reportsStarted) / 1000));
    return { summary, reports };
  } finally {
    await context.close();
  }
}

/** What the log says of a run's reports, with the time they took (the bench reads it as the reports' stage). */
function reportsLine(reports: RunReports, seconds: number): string {
  return (
    `reports written in ${seconds.toFixed(1)} s: the operator workbook, ${reports.boardWorkbooks.length} board workbook(s), ` +
    `the payslip extract (${reports.payslipRecords} records)`
  );
}
