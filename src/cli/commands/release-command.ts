/**
 * `easr release --staff ID --month M` (domain.md D17): an operator decides a person-month that waits for
 * its pay at once — the release is recorded (state, audit), and the latest run month of the environment
 * is run again, which declares the month with what is known (flagged DECLARED_WITHOUT_PAY and
 * RELEASED_BY_OPERATOR when pay is still missing). With --no-run the next run does it.
 */
import type { Command } from "commander";
import { hostname } from "node:os";
import { type AppConfig, loadConfig } from "../../config/load-config";
import { parseYearMonth, type YearMonth } from "../../domain/year-month";
import { openRunContext } from "../../run/run-context";
import { brusselsTime } from "../../util/brussels-clock";
import type { Logger } from "../../util/logger";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { userName } from "../user-name";
import { runAndPrintMonth } from "./run-command";

export interface ReleaseOptions {
  staff: string;
  month: string;
  db?: string;
  out?: string;
  env?: string;
  /** Record the release only; the next run decides the month. */
  run?: boolean;
}

/** Records the release; returns the run month to run again, or null when no month was run yet. */
async function recordRelease(config: AppConfig, staffId: number, month: YearMonth): Promise<YearMonth | null> {
  const context = await openRunContext(config);
  try {
    const at = brusselsTime(config.clock.now()).iso;
    const actor = userName();
    await context.releases.release({ environment: config.environment, staffId, referenceMonth: month, releasedAt: at, releasedBy: actor });
    await context.audit.append({
      at,
      event: "month-released",
      month,
      environment: config.environment,
      actor,
      host: hostname(),
      detail: { staffId },
    });
    const months = [...(await context.runs.completedMonths(config.environment))].sort();
    return months[months.length - 1] ?? null;
  } finally {
    await context.close();
  }
}

export async function releaseCommand(
  options: ReleaseOptions,
  io: CliIo,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (!/^\d+$/.test(options.staff)) throw new UsageError(`--staff must be a staff id (digits), got "${options.staff}"`);
  const month = parseYearMonth(options.month);
  if (!month) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  const staffId = Number(options.staff);
  const config = loadConfig(env, { databaseUrl: options.db, outDir: options.out, environment: options.env });
  const latest = await recordRelease(config, staffId, month);
  io.out(`released ${month} of staff ${staffId}: it is decided with what is known, without waiting for more pay`);
  if (options.run === false || latest === null) {
    io.out(latest === null ? "no month was run yet in this environment: the first run decides it" : "the next run decides it (--no-run)");
    return;
  }
  if (latest < month) {
    io.out(`the latest run month is ${latest}, before ${month}: the run of ${month} decides it`);
    return;
  }
  io.out(`running ${latest} again to decide it now`);
  await runAndPrintMonth({ runMonth: latest, triggeredBy: userName() }, config, io, logger);
}

export function registerReleaseCommand(program: Command, io: CliIo, logger: () => Logger): void {
  program
    .command("release")
    .description("decide a person-month that waits for its pay now (D17): records the release and runs the latest run month again")
    .requiredOption("--staff <id>", "the staff id")
    .requiredOption("--month <YYYY-MM>", "the reference month that waits")
    .option("--db <url>", "ministry database URL (default EASR_DB_URL or sqlite:./data/ministry.sqlite)")
    .option("--out <dir>", "output folder (default EASR_OUT_DIR or ./out)")
    .option("--env <T|R>", "batch environment: T test (default) or R real")
    .option("--no-run", "only record the release: the next run decides the month")
    .action(async (options: ReleaseOptions) => {
      await releaseCommand(options, io, logger());
    });
}
