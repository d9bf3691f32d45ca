/**
 * The channel's own schedule in `easr schedule` (EASR_FETCH_SCHEDULE, Brussels time): at each tick, send
 * what is still unsent (a send after a run that failed is tried again here) and fetch and ingest the new
 * answers — one at a time with the month runs (OneAtATime) and, across processes, under the run lock.
 * The work is injected, so tests drive ticks by hand with fakes. A tick never rejects: what failed is
 * logged and returned, and the next tick tries again.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../src/util/logger";
import { cronLogger } from "./cron-logger";
import type { OneAtATime } from "./one-at-a-time";
import { SCHEDULE_TIMEZONE } from "./schedule-expression";
import { settledWithin } from "./settled-within";

export interface ChannelScheduleOptions {
  readonly expression: string;
  readonly logger: Logger;
  readonly serial: OneAtATime;
  /** Sends what is unsent, then fetches and ingests; rejects when the channel failed. */
  readonly work: () => Promise<void>;
  readonly name?: string;
}

const DEFAULT_STOP_TIMEOUT_MS = 2 * 60 * 1000;

export interface ChannelTickResult {
  readonly ok: boolean;
  readonly message?: string;
}

export class ChannelSchedule {
  private readonly task: ScheduledTask;
  private readonly logger: Logger;
  private current: Promise<ChannelTickResult> | null = null;

  constructor(private readonly options: ChannelScheduleOptions) {
    if (!cron.validate(options.expression)) throw new Error(`EASR_FETCH_SCHEDULE: "${options.expression}" is not a cron expression`);
    this.logger = options.logger.child({ job: "channel" });
    this.task = cron.createTask(options.expression, () => this.tick(), {
      timezone: SCHEDULE_TIMEZONE,
      noOverlap: true,
      name: options.name ?? "easr-channel",
      logger: cronLogger(this.logger),
    });
  }

  async start(): Promise<void> {
    await this.task.start();
    this.logger.info(`channel schedule started: "${this.options.expression}" (${SCHEDULE_TIMEZONE})`);
  }

  nextRun(): Date | null {
    return this.task.getNextRun();
  }

  /** One tick now, through node-cron, as a scheduled one would run. */
  async tickNow(): Promise<ChannelTickResult> {
    return (await this.task.execute()) as ChannelTickResult;
  }

  tick(): Promise<ChannelTickResult> {
    if (this.current) return this.current;
    const tick = this.options.serial
      .run(this.options.work)
      .then(
        () => ({ ok: true }),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          this.logger.error(`channel tick failed: ${message}; the next tick tries again`);
          return { ok: false, message };
        },
      )
      .finally(() => {
        this.current = null;
      });
    this.current = tick;
    return tick;
  }

  /** No tick starts any more; waits for the one running, if any, at most `timeoutMs`: false when it still runs then. */
  async stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS): Promise<boolean> {
    await this.task.destroy();
    const tick = this.current;
    if (!tick) return true;
    const finished = await settledWithin(tick, timeoutMs);
    if (!finished) this.logger.warn(`stopping: the channel tick still runs after ${Math.round(timeoutMs / 1000)} s; no longer waiting`);
    return finished;
  }
}
