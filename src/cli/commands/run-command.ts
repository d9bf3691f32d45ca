import type { Command } from "commander";
import { hostname } from "node:os";
import { loadConfig } from "../../config/load-config";
import { parseYearMonth } from "../../domain/year-month";
import { runMonthlyJob, type RunSummary } from "../../run/monthly-run";
import { openRunContext } from "../../run/run-context";
import { defaultRuleParameters } from "../../rules/rule-parameters";
import { systemClock } from "../../util/brussels-clock";
import { attachLogFile, type Logger } from "../../util/logger";
import { progressReporter } from "../../util/progress";
import { terminalProgress } from "../terminal";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { writeAndRecordReports } from "../../../reports/report-service";
import { summaryLines } from "../print-summary";
import { userName } from "../user-name";

export interface RunOptions {
  month: string;
  db?: string;
  out?: string;
  env?: string;
  dryRun?: boolean;
  /** Who starts the run, for the state tables: `scheduler` from `easr schedule`; default the user name. */
  triggeredBy?: string;
  /** Go on although the safety valve sees a swing against the previous month. */
  acceptSwing?: boolean;
  /** D27: send the corrections a rule change caused (held otherwise). */
  acceptReissue?: boolean;
  /** A state without runs next to an output folder with batch files is meant (`--new-state`). */
  newState?: boolean;
}

/** Runs one month with the configuration plus command-line overrides; returns the summary. */
export async function runMonthCommand(options: RunOptions, io: CliIo, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<RunSummary> {
  const runMonth = parseYearMonth(options.month);
  if (!runMonth) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  const config = loadConfig(env, { databaseUrl: options.db, outDir: options.out, environment: options.env });
  attachLogFile(logger, config.logFile);
  // One run at a time: the lock is taken before anything else and held until the context closes
  // (dry runs record nothing and need none).
  const runLock = options.dryRun ? undefined : { waitSeconds: config.lockWaitSeconds, holder: `${options.triggeredBy ?? userName()} run ${runMonth}` };
  const context = await openRunContext(config, { runLock });
  try {
    const summary = await runMonthlyJob(
      {
        runMonth,
        environment: config.environment,
        outDir: config.outDir,
        dryRun: options.dryRun ?? false,
        triggeredBy: options.triggeredBy ?? userName(),
        employer: config.employer,
        parameters: defaultRuleParameters(),
        pageSize: config.pageSize,
        swingPolicy: config.swingPolicy,
        acceptSwing: options.acceptSwing ?? false,
        acceptReissue: options.acceptReissue ?? false,
        newState: options.newState ?? false,
      },
      { ...context, clock: systemClock, logger, progress: progressReporter({ logger, terminal: terminalProgress(logger) }) },
    );
    for (const text of summaryLines(summary)) io.out(text);
    const reports = await writeAndRecordReports(summary, { ...context, clock: systemClock, actor: { actor: options.triggeredBy ?? userName(), host: hostname() } });
    if (reports) {
      io.out(`reports  ${reports.operatorWorkbook}`);
      io.out(`         ${reports.boardWorkbooks.length} school-board workbooks, ${reports.payslipRecords} payslip records in ${reports.payslipExtract}`);
    }
    return summary;
  } finally {
    await context.close();
  }
}

export function registerRunCommand(program: Command, io: CliIo, logger: () => Logger): void {
  program
    .command("run")
    .description("run the monthly job for one month: decide, write the FI/GO files and run-summary.json under <out>/<YYYY-MM>/")
    .requiredOption("--month <YYYY-MM>", "the run month")
    .option("--db <url>", "ministry database URL (default EASR_DB_URL or sqlite:./data/ministry.sqlite)")
    .option("--out <dir>", "output folder (default EASR_OUT_DIR or ./out)")
    .option("--env <T|R>", "batch environment: T test (default) or R real")
    .option("--dry-run", "decide and write the files to <out>/dry-run/<YYYY-MM>/ without recording anything")
    .option("--accept-swing", "go on although the number of declarations differs from the previous month's by more than EASR_SWING_LIMIT")
    .option("--new-state", "the state database is new although the output folder holds batch files of this adapter (a run stops otherwise: a lost state would declare again what is out)")
    .option("--accept-reissue", "send the modifications and cancellations that a rule or mapping change caused while the data stayed the same (held otherwise; see them first with --dry-run)")
    .action(async (options: RunOptions) => {
      await runMonthCommand(options, io, logger());
    });
}
