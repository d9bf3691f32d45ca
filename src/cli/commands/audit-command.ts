import type { Command } from "commander";
import { loadConfig } from "../../config/load-config";
import { parseYearMonth } from "../../domain/year-month";
import { openStateContext } from "../../run/run-context";
import type { AuditEntry } from "../../state/audit-repository";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";

interface AuditOptions {
  month?: string;
  env?: string;
  db?: string;
  json?: boolean;
}

function line(entry: AuditEntry): string {
  const where = [entry.month, entry.environment].filter(Boolean).join(" ");
  const detail = entry.detail ? ` ${JSON.stringify(entry.detail)}` : "";
  return `${entry.at}  ${entry.event.padEnd(16)} ${entry.runId !== null && entry.runId !== undefined ? `run ${entry.runId} ` : ""}${where ? `(${where}) ` : ""}by ${entry.actor} on ${entry.host}${detail}`;
}

export async function auditCommand(options: AuditOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<AuditEntry[]> {
  if (options.month !== undefined && !parseYearMonth(options.month))
    throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  const config = loadConfig(env, { databaseUrl: options.db, environment: options.env });
  // The audit trail is in the state database alone; it is read, never created.
  const context = await openStateContext(config, { existing: true });
  try {
    const entries = await context.audit.list({ month: options.month, environment: options.env });
    for (const entry of entries) io.out(options.json ? JSON.stringify(entry) : line(entry));
    if (entries.length === 0) io.out("no audit entries");
    // What is still owed: the runs whose reports do not exist (failed, or the run stopped after its files were out).
    const owed = (await context.runs.owingReports(options.env)).filter((run) => options.month === undefined || run.month === options.month);
    for (const run of owed) {
      const text = `run ${run.id} (${run.month} ${run.environment}) has no reports${run.reportsError ? ` (they failed: ${run.reportsError})` : ""}: easr report --month ${run.month}${run.environment === "R" ? " --env R" : ""}`;
      io.out(
        options.json
          ? JSON.stringify({
              reportsOwed: {
                runId: run.id,
                month: run.month,
                environment: run.environment,
                recordFile: run.recordFile,
                error: run.reportsError,
              },
            })
          : `REPORTS OWED  ${text}`,
      );
    }
    return entries;
  } finally {
    await context.close();
  }
}

export function registerAuditCommand(program: Command, io: CliIo): void {
  program
    .command("audit")
    .description(
      "the audit trail: runs started/finished/failed/interrupted (by whom, on which host), files written (SHA-256, form count), state changes",
    )
    .option("--month <YYYY-MM>", "only this run month (with the events of no month, e.g. recoveries, left out)")
    .option("--env <T|R>", "only this environment")
    .option("--db <url>", "state database URL (default EASR_STATE_DB_URL or EASR_DB_URL)")
    .option("--json", "one JSON object per line")
    .action(async (options: AuditOptions) => {
      await auditCommand(options, io);
    });
}
