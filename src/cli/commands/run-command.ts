import type { Command } from "commander";
import { type AppConfig, loadConfig } from "../../config/load-config";
import { parseYearMonth } from "../../domain/year-month";
import type { RunSummary } from "../../run-record";
import { type MonthOutcome, type MonthRun, runMonth } from "../../run/month-service";
import type { Logger } from "../../util/logger";
import { progressReporter } from "../../util/progress";
import { terminalProgress } from "../terminal";
import { type CliIo, SILENT_IO } from "../cli-io";
import { UsageError } from "../exit-codes";
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
  /** Print the run's summary and report paths as JSON instead of the lines. */
  json?: boolean;
}

/** Prints a month as the operator reads it: the summary as soon as the run is done, then where the reports are. */
export function monthPrinting(io: CliIo): {
  readonly onSummary: (summary: RunSummary) => void;
  readonly printReports: (outcome: MonthOutcome) => void;
} {
  return {
    onSummary: (summary) => {
      for (const text of summaryLines(summary)) io.out(text);
    },
    printReports: ({ reports }) => {
      if (!reports) return;
      io.out(`reports  ${reports.operatorWorkbook}`);
      io.out(
        `         ${reports.boardWorkbooks.length} school-board workbooks, ${reports.payslipRecords} payslip records in ${reports.payslipExtract}`,
      );
    },
  };
}

/** Runs one month through the month service and prints it; returns the outcome. */
export async function runAndPrintMonth(run: MonthRun, config: AppConfig, io: CliIo, logger: Logger): Promise<MonthOutcome> {
  const printing = monthPrinting(io);
  const progress = progressReporter({ logger, terminal: terminalProgress(logger) });
  const outcome = await runMonth(run, { config, logger, clock: config.clock, progress, onSummary: printing.onSummary });
  printing.printReports(outcome);
  return outcome;
}

/** `easr run`: the month of the command line, with the configuration plus its overrides. */
export async function runMonthCommand(
  options: RunOptions,
  io: CliIo,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunSummary> {
  const runMonth = parseYearMonth(options.month);
  if (!runMonth) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  const config = loadConfig(env, { databaseUrl: options.db, outDir: options.out, environment: options.env });
  const run: MonthRun = {
    runMonth,
    triggeredBy: options.triggeredBy ?? userName(),
    dryRun: options.dryRun,
    acceptSwing: options.acceptSwing,
    acceptReissue: options.acceptReissue,
    newState: options.newState,
  };
  const outcome = await runAndPrintMonth(run, config, options.json ? SILENT_IO : io, logger);
  if (options.json) io.out(JSON.stringify({ summary: outcome.summary, reports: outcome.reports }, null, 2));
  return outcome.summary;
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
    .option(
      "--new-state",
      "the state database is new although the output folder holds batch files of this adapter (a run stops otherwise: a lost state would declare again what is out)",
    )
    .option(
      "--accept-reissue",
      "send the modifications and cancellations that a rule or mapping change caused while the data stayed the same (held otherwise; see them first with --dry-run)",
    )
    .option("--json", "print the run's summary and the reports' paths as JSON instead of the lines")
    .action(async (options: RunOptions) => {
      await runMonthCommand(options, io, logger());
    });
}
