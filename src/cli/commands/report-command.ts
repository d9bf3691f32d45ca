/**
 * `easr report --month M [--env T|R] [--run <id>]`: writes the reports of a month's runs again from their
 * records (decisions.jsonl and run-summary.json, published before the GO files) — the operator workbook,
 * the school boards' workbooks and the payslip extract, the legal copy on the salary slip. By default the
 * runs of the month whose reports are owed (they failed, or the run stopped after its files were out);
 * when none is owed, the month's latest recorded run; with --run, that run. Under the run lock.
 */
import { hostname } from "node:os";
import type { Command } from "commander";
import { rebuildReports } from "../../../reports/report-service";
import type { RunReports } from "../../../reports/run-reports";
import { loadConfig } from "../../config/load-config";
import { parseYearMonth } from "../../domain/year-month";
import { openStateContext } from "../../run/run-context";
import type { RecordedRun } from "../../state/run-repository";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { userName } from "../user-name";

export interface ReportOptions {
  month: string;
  env?: string;
  run?: string;
  db?: string;
}

/** The runs to report: the one asked for, else those owing reports, else the latest. */
function runsToReport(recorded: readonly RecordedRun[], options: ReportOptions, where: string): RecordedRun[] {
  if (options.run !== undefined) {
    const run = recorded.find((r) => String(r.id) === options.run);
    if (!run)
      throw new UsageError(
        `run ${options.run} is no recorded run of ${where} (recorded: ${recorded.map((r) => r.id).join(", ") || "none"})`,
      );
    return [run];
  }
  const owed = recorded.filter((r) => r.reportsAt === null && r.status !== "running");
  return owed.length > 0 ? owed : recorded.slice(-1);
}

export async function reportCommand(options: ReportOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<RunReports[]> {
  const month = parseYearMonth(options.month);
  if (!month) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  if (options.run !== undefined && !/^[1-9]\d{0,9}$/.test(options.run))
    throw new UsageError(`--run must be a run id (a positive whole number), got "${options.run}"`);
  const config = loadConfig(env, { databaseUrl: options.db, environment: options.env });
  const where = `${month} (${config.environment})`;
  const actor = { actor: userName(), host: hostname() };
  const context = await openStateContext(config, {
    existing: true,
    runLock: { waitSeconds: config.lockWaitSeconds, holder: `${actor.actor} report ${month}` },
  });
  try {
    const recorded = await context.runs.recordedRuns(month, config.environment);
    if (recorded.length === 0)
      throw new UsageError(
        `no run of ${where} left a record to make reports from (run the month first; runs before the record was kept have their reports as written)`,
      );
    const written: RunReports[] = [];
    for (const run of runsToReport(recorded, options, where)) {
      const reports = await rebuildReports(run, { ...context, clock: config.clock, actor, language: config.reportLanguage });
      if (!reports) continue;
      io.out(`run ${run.id} of ${where}: reports written from ${run.recordFile}`);
      io.out(`reports  ${reports.operatorWorkbook}`);
      io.out(
        `         ${reports.boardWorkbooks.length} school-board workbooks, ${reports.payslipRecords} payslip records in ${reports.payslipExtract}`,
      );
      written.push(reports);
    }
    return written;
  } finally {
    await context.close();
  }
}

export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command("report")
    .description(
      "write the reports of a month's run again from its record (decisions.jsonl): the runs whose reports are owed, else the latest",
    )
    .requiredOption("--month <YYYY-MM>", "the run month")
    .option("--env <T|R>", "batch environment: T test (default) or R real")
    .option("--run <id>", "this run of the month (see easr audit)")
    .option("--db <url>", "state database URL (default EASR_STATE_DB_URL or EASR_DB_URL)")
    .action(async (options: ReportOptions) => {
      await reportCommand(options, io);
    });
}
