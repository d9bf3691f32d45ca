/**
 * The long-lived scheduler behind `easr schedule`: a node-cron task in Europe/Brussels time that, at each
 * tick, finds the due months (jobs/due-months.ts) and runs them one after another in month order.
 *
 * - Months are filed in order: when a month fails, the error is logged and the later months of that
 *   tick wait; the next tick starts again with the failed month (it still has no completed run).
 * - One tick at a time: node-cron's `noOverlap` blocks scheduled ticks while one is running, and
 *   `tick()` itself refuses to start while another tick (scheduled or invoked) is still running.
 * - The clock and the month runner are injected, so tests drive ticks with a fake clock and a fake runner.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { LocalDateTime } from "../src/domain/local-date-time";
import type { YearMonth } from "../src/domain/year-month";
import { brusselsTime, type Clock } from "../src/util/brussels-clock";
import type { Logger } from "../src/util/logger";
import { cronLogger } from "./cron-logger";
import { defaultFirstMonth, dueMonths } from "./due-months";
import type { ReadScheduleFacts } from "./schedule-facts";
import { SCHEDULE_TIMEZONE, scheduleExpressionProblem } from "./schedule-expression";
import { settledWithin } from "./settled-within";

export interface SchedulerOptions {
  /** Cron expression, Brussels time (see jobs/schedule-expression.ts). */
  readonly expression: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Reads the payment calendar and the completed months, once per tick. */
  readonly readFacts: ReadScheduleFacts;
  /** Runs one month to the end; rejects when the run failed. */
  readonly runMonth: (month: YearMonth) => Promise<void>;
  /** The first run month the scheduler may run; default: from the current school year on. */
  readonly firstMonth?: YearMonth;
  /** How long `stop()` waits for the month being run before it gives up waiting (default 10 minutes). */
  readonly stopTimeoutMs?: number;
  /** The task's name in node-cron's registry and log lines. */
  readonly name?: string;
}

/** What one tick did. */
export interface TickResult {
  /** Brussels wall time of the tick, from the injected clock. */
  readonly at: LocalDateTime;
  readonly due: readonly YearMonth[];
  /** The months that ran to completion in this tick, in order. */
  readonly ran: readonly YearMonth[];
  /** The month that failed (the later ones wait for the next tick), or why the facts could not be read. */
  readonly failure?: { readonly month?: YearMonth; readonly message: string };
  /** Set when the tick did nothing: another tick was still running, or the scheduler is stopping. */
  readonly skipped?: "busy" | "stopping";
}

/** One planned tick of `listPlanned`. */
export interface PlannedTick {
  readonly at: Date;
  /** Brussels wall time `YYYY-MM-DD HH:MM:SS`. */
  readonly wallTime: LocalDateTime;
  /** The months that would run at this tick, assuming the months of the earlier ticks complete. */
  readonly months: readonly YearMonth[];
}

const DEFAULT_STOP_TIMEOUT_MS = 10 * 60 * 1000;

export class Scheduler {
  /** The first run month this scheduler may run (configured, or the current school year's September). */
  readonly firstMonth: YearMonth;
  private readonly task: ScheduledTask;
  private readonly logger: Logger;
  private currentTick: Promise<TickResult> | null = null;
  private runningMonth: YearMonth | null = null;
  private stopping = false;

  constructor(private readonly options: SchedulerOptions) {
    const problem = scheduleExpressionProblem(options.expression);
    if (problem) throw new Error(`schedule: ${problem}`);
    this.logger = options.logger.child({ job: "scheduler" });
    this.firstMonth = options.firstMonth ?? defaultFirstMonth(wallTimeOf(options.clock.now()));
    this.task = cron.createTask(options.expression, () => this.tick(), {
      timezone: SCHEDULE_TIMEZONE,
      noOverlap: true,
      name: options.name ?? "easr-schedule",
      logger: cronLogger(this.logger),
    });
  }

  /** Starts ticking at the scheduled times. */
  async start(): Promise<void> {
    if (this.stopping) throw new Error("the scheduler was stopped; create a new one");
    await this.task.start();
    this.logger.info(`scheduler started: "${this.options.expression}" (${SCHEDULE_TIMEZONE}), months from ${this.firstMonth} on`);
  }

  /** The next scheduled tick, or null when not started or stopped. */
  nextRun(): Date | null {
    return this.stopping ? null : this.task.getNextRun();
  }

  /** One tick now, through node-cron (`task.execute()`), exactly as a scheduled tick would run. */
  async tickNow(): Promise<TickResult> {
    return (await this.task.execute()) as TickResult;
  }

  /** One tick: runs the due months in order. Never rejects: failures are logged and returned. */
  async tick(): Promise<TickResult> {
    const at = wallTimeOf(this.options.clock.now());
    if (this.stopping) return { at, due: [], ran: [], skipped: "stopping" };
    if (this.currentTick) {
      this.logger.warn(
        `tick at ${at} skipped: the previous tick is still running${this.runningMonth ? ` (month ${this.runningMonth})` : ""}`,
      );
      return { at, due: [], ran: [], skipped: "busy" };
    }
    const tick = this.runDueMonths(at);
    this.currentTick = tick;
    try {
      return await tick;
    } finally {
      this.currentTick = null;
    }
  }

  /**
   * The next `count` scheduled tick times (node-cron's `getNextRuns`, from the real time) with the months
   * each would run: the months due at that moment, less those planned for an earlier tick.
   */
  async listPlanned(count: number): Promise<PlannedTick[]> {
    const facts = await this.options.readFacts();
    this.warnAboutCalendar(facts.calendarErrors);
    const planned = new Set(facts.completed);
    return this.task.getNextRuns(count).map((at) => {
      const wallTime = wallTimeOf(at);
      const months = dueMonths({ calendar: facts.calendar, completed: planned, firstMonth: this.firstMonth, now: wallTime });
      for (const month of months) planned.add(month);
      return { at, wallTime, months };
    });
  }

  /**
   * Clean shutdown: no tick starts any more; the month being run (if any) is left to finish, and no later
   * month starts after it. Resolves true when nothing is left running, false when the month was still
   * running after `timeoutMs` (the run goes on in this process; it is not interrupted).
   */
  async stop(timeoutMs = this.options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS): Promise<boolean> {
    this.stopping = true;
    await this.task.destroy();
    const tick = this.currentTick;
    if (!tick) return true;
    const month = this.runningMonth;
    this.logger.info(
      `stopping: waiting up to ${Math.round(timeoutMs / 1000)} s for ${month ? `month ${month}` : "the current tick"} to finish`,
    );
    const finished = await settledWithin(tick, timeoutMs);
    if (!finished)
      this.logger.warn(
        `stopping: ${month ? `month ${month}` : "the current tick"} still running after ${Math.round(timeoutMs / 1000)} s; no longer waiting`,
      );
    return finished;
  }

  private async runDueMonths(at: LocalDateTime): Promise<TickResult> {
    let facts;
    try {
      facts = await this.options.readFacts();
    } catch (error) {
      const message = `cannot read the payment calendar or the completed runs: ${messageOf(error)}`;
      this.logger.error(`tick at ${at}: ${message}`, { stack: stackOf(error) });
      return { at, due: [], ran: [], failure: { message } };
    }
    this.warnAboutCalendar(facts.calendarErrors);
    const due = dueMonths({ calendar: facts.calendar, completed: facts.completed, firstMonth: this.firstMonth, now: at });
    if (due.length === 0) {
      this.logger.info(`tick at ${at}: no month due`);
      return { at, due, ran: [] };
    }
    this.logger.info(`tick at ${at}: due ${due.join(", ")}`);
    const ran: YearMonth[] = [];
    for (const month of due) {
      if (this.stopping) {
        this.logger.info(`stopping: ${month} and later months wait for the next start`);
        break;
      }
      this.runningMonth = month;
      try {
        await this.options.runMonth(month);
        ran.push(month);
        this.logger.info(`month ${month} done`);
      } catch (error) {
        const message = messageOf(error);
        const waiting = due.slice(due.indexOf(month) + 1);
        this.logger.error(
          `month ${month} failed: ${message}${waiting.length > 0 ? `; ${waiting.join(", ")} wait for the next tick` : ""}`,
          { month, stack: stackOf(error) },
        );
        return { at, due, ran, failure: { month, message } };
      } finally {
        this.runningMonth = null;
      }
    }
    return { at, due, ran };
  }

  private warnAboutCalendar(errors: readonly { periodMonth: string; error: string }[]): void {
    for (const e of errors) this.logger.warn(`payment_calendar row ${e.periodMonth} is unreadable (${e.error}): that month is not run`);
  }
}

/** Brussels wall time `YYYY-MM-DD HH:MM:SS` of an instant. */
function wallTimeOf(instant: Date): LocalDateTime {
  const time = brusselsTime(instant);
  return `${time.date} ${time.time.slice(0, 8)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}
