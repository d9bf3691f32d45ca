/**
 * `easr schedule`: the long-lived scheduler that runs the due months by itself (jobs/scheduler.ts), and
 * `easr schedule --list`, which prints the next planned ticks and what they would run, running nothing.
 */
import type { Command } from "commander";
import { type AppConfig, loadConfig } from "../../config/load-config";
import { brusselsTime, type Clock } from "../../util/brussels-clock";
import { attachLogFile, type Logger } from "../../util/logger";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { scheduleFactsFrom } from "../../../jobs/schedule-facts";
import { SCHEDULE_TIMEZONE } from "../../../jobs/schedule-expression";
import { Scheduler } from "../../../jobs/scheduler";
import { runAndPrintMonth } from "./run-command";
import { ChannelSchedule } from "../../../jobs/channel-schedule";
import { OneAtATime } from "../../../jobs/one-at-a-time";
import { fetchAndPrint, sendAndPrint } from "./channel-transfer-command";

export interface ScheduleOptions {
  list?: boolean;
  json?: boolean;
  db?: string;
  out?: string;
  env?: string;
}

/** How many ticks `--list` shows. */
const PLANNED_TICKS = 5;

/** `triggered_by` of the runs the scheduler starts. */
export const SCHEDULER_TRIGGER = "scheduler";

/**
 * The scheduler of a configuration (environment plus command-line overrides): facts from its databases,
 * each month run by the month service as `easr run --month M` runs it, recorded as triggered by the scheduler.
 */
export function createScheduler(
  options: ScheduleOptions,
  io: CliIo,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
  clock?: Clock,
): { scheduler: Scheduler; config: AppConfig; channel: ChannelSchedule | null } {
  const loaded = loadConfig(env, { databaseUrl: options.db, outDir: options.out, environment: options.env });
  // One clock for the ticks and the runs they start (the runs date their forms by config.clock).
  const config: AppConfig = clock === undefined ? loaded : { ...loaded, clock };
  // A month run and a channel tick never overlap in this process.
  const serial = new OneAtATime();
  const scheduler = new Scheduler({
    expression: config.schedule,
    firstMonth: config.firstMonth,
    clock: config.clock,
    logger,
    readFacts: scheduleFactsFrom(config),
    runMonth: (month) =>
      serial.run(async () => {
        io.out("");
        await runAndPrintMonth({ runMonth: month, triggeredBy: SCHEDULER_TRIGGER }, config, io, logger);
        if (config.channel) await sendAfterRun(config, io, logger, month);
      }),
  });
  const channel =
    config.channel === null
      ? null
      : new ChannelSchedule({
          expression: config.fetchSchedule,
          logger,
          serial,
          // The fetch goes on when the send could not send all: answers must not wait for one file.
          work: async () => {
            io.out("");
            const problems: string[] = [];
            for (const step of [() => sendAndPrint(config, io, SCHEDULER_TRIGGER), () => fetchAndPrint(config, io, SCHEDULER_TRIGGER)])
              await step().catch((error: unknown) => problems.push(error instanceof Error ? error.message : String(error)));
            if (problems.length > 0) throw new Error(problems.join("; "));
          },
        });
  return { scheduler, config, channel };
}

/** The month's files go to the channel once the run is done; a failed send is logged (the month stays done) and tried again at the next channel tick. */
async function sendAfterRun(config: AppConfig, io: CliIo, logger: Logger, month: string): Promise<void> {
  try {
    await sendAndPrint(config, io, SCHEDULER_TRIGGER);
  } catch (error) {
    logger.error(
      `sending after the run of ${month} failed: ${error instanceof Error ? error.message : String(error)}; the next channel tick tries again`,
    );
  }
}

/** `easr schedule --list`: the next planned ticks, Brussels time, with the months each would run. */
export async function listPlannedRuns(
  options: ScheduleOptions,
  io: CliIo,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { scheduler, config, channel } = createScheduler(options, io, logger, env);
  try {
    const planned = await scheduler.listPlanned(PLANNED_TICKS);
    if (options.json) {
      const ticks = planned.map((tick) => ({ at: brusselsTime(tick.at).iso, months: tick.months }));
      io.out(
        JSON.stringify(
          {
            schedule: config.schedule,
            timezone: SCHEDULE_TIMEZONE,
            environment: config.environment,
            firstMonth: scheduler.firstMonth,
            ticks,
          },
          null,
          2,
        ),
      );
      return;
    }
    io.out(
      `schedule "${config.schedule}" (${SCHEDULE_TIMEZONE}), environment ${config.environment}, months from ${scheduler.firstMonth} on; the next ${planned.length} runs:`,
    );
    for (const tick of planned) {
      io.out(`${formatTick(tick.at)}  ${tick.months.length > 0 ? `runs ${tick.months.join(", ")}` : "nothing due"}`);
    }
  } finally {
    await scheduler.stop();
    await channel?.stop();
  }
}

/** `easr schedule`: runs the scheduler until `shutdown` is aborted, then stops it cleanly. */
export async function runScheduler(
  options: ScheduleOptions,
  io: CliIo,
  logger: Logger,
  shutdown: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { scheduler, config, channel } = createScheduler(options, io, logger, env);
  attachLogFile(logger, config.logFile);
  let stopped = false;
  try {
    await scheduler.start();
    await channel?.start();
    const next = scheduler.nextRun();
    io.out(
      `scheduler running: "${config.schedule}" (${SCHEDULE_TIMEZONE}), environment ${config.environment}, months from ${scheduler.firstMonth} on`,
    );
    io.out(
      channel
        ? `channel ${config.channel?.address.display}: files sent after each run; unsent files sent and answers fetched and ingested at "${config.fetchSchedule}"`
        : "no channel (EASR_CHANNEL_URL): the files stay in the output folder",
    );
    io.out(`next run ${next ? formatTick(next) : "none"}; SIGTERM or SIGINT stops it (a second signal ends it at once)`);
    await new Promise<void>((resolve) => {
      if (shutdown.aborted) resolve();
      else shutdown.addEventListener("abort", () => resolve(), { once: true });
    });
    io.out("stopping the scheduler: no new month starts; a month being run is left to finish");
    const finished = await scheduler.stop();
    await channel?.stop();
    stopped = true;
    io.out(finished ? "scheduler stopped" : "scheduler stopped waiting: a month is still running (see the log)");
  } finally {
    if (!stopped) {
      await scheduler.stop(0);
      await channel?.stop();
    }
  }
}

/** A tick as Brussels wall time with its offset, e.g. `2026-11-25 06:30:00 +01:00`. */
function formatTick(at: Date): string {
  const time = brusselsTime(at);
  return `${time.date} ${time.time.slice(0, 8)} ${time.iso.slice(-6)}`;
}

export function registerScheduleCommand(program: Command, io: CliIo, logger: () => Logger): void {
  program
    .command("schedule")
    .description("run the due months by themselves at the times of EASR_SCHEDULE (Brussels time), in month order, until SIGTERM/SIGINT")
    .option("--list", "print the next planned runs and the months each would run, then exit without running anything")
    .option("--json", "with --list: the planned runs as JSON")
    .option("--db <url>", "ministry database URL (default EASR_DB_URL or sqlite:./data/ministry.sqlite)")
    .option("--out <dir>", "output folder of the runs (default EASR_OUT_DIR or ./out)")
    .option("--env <T|R>", "batch environment: T test (default) or R real")
    .action(async (options: ScheduleOptions) => {
      if (options.json && !options.list) throw new UsageError("--json goes with --list: the running scheduler prints lines");
      if (options.list) {
        await listPlannedRuns(options, io, logger());
        return;
      }
      // The first signal asks for a clean stop; the listeners are then removed, so a second signal
      // ends the process the default way.
      const shutdown = new AbortController();
      const onSignal = (signal: NodeJS.Signals): void => {
        process.off("SIGTERM", onSignal);
        process.off("SIGINT", onSignal);
        logger().info(`${signal} received: stopping the scheduler`);
        shutdown.abort();
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGINT", onSignal);
      try {
        await runScheduler(options, io, logger(), shutdown.signal);
      } finally {
        process.off("SIGTERM", onSignal);
        process.off("SIGINT", onSignal);
      }
    });
}
