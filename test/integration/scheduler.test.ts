/**
 * The scheduler behind `easr schedule`: ticks driven by hand (node-cron's `task.execute()`) with a fake
 * clock, first with a fake month runner, then on the real CLI path against a SQLite file built with the
 * circular's examples; `easr schedule --list`; a clean stop on SIGTERM. No test waits for a scheduled time.
 */
import Database from "better-sqlite3";
import { expect } from "chai";
import { cronLogger } from "../../jobs/cron-logger";
import type { CalendarEntry } from "../../jobs/due-months";
import type { ScheduleFacts } from "../../jobs/schedule-facts";
import { Scheduler, type SchedulerOptions } from "../../jobs/scheduler";
import { createScheduler, SCHEDULER_TRIGGER } from "../../src/cli/commands/schedule-command";
import { main } from "../../src/cli/main";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { monthsFromTo, type YearMonth } from "../../src/domain/year-month";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { CliWorkspace } from "../support/cli-harness";
import { capturingLogger, FakeClock } from "../support/scheduler-fakes";

/** A promise the test settles by hand: a month run that lasts until the test says so. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const CIRCULAR_CALENDAR: CalendarEntry[] = monthsFromTo("2017-09", "2019-08").map((periodMonth) => ({
  periodMonth,
  cutoffAt: `${periodMonth}-15 16:00:00`,
}));

/** A scheduler over an in-memory calendar and completed set; the fake runner completes the month it runs. */
function fakeScheduler(options: {
  now: string;
  completed?: YearMonth[];
  fail?: (month: YearMonth) => boolean;
  runMonth?: (month: YearMonth) => Promise<void>;
  firstMonth?: YearMonth;
  stopTimeoutMs?: number;
}) {
  const clock = new FakeClock(new Date(options.now));
  const completed = new Set(options.completed ?? []);
  const runs: string[] = [];
  const { logger, lines } = capturingLogger();
  const facts = async (): Promise<ScheduleFacts> => ({ calendar: CIRCULAR_CALENDAR, calendarErrors: [], completed: new Set(completed) });
  const runMonth = async (month: YearMonth): Promise<void> => {
    runs.push(month);
    await options.runMonth?.(month);
    if (options.fail?.(month)) throw new Error(`run ${month} failed on purpose`);
    completed.add(month);
  };
  const settings: SchedulerOptions = {
    expression: "30 6 * * *",
    clock,
    logger,
    readFacts: facts,
    runMonth,
    firstMonth: options.firstMonth,
    stopTimeoutMs: options.stopTimeoutMs,
  };
  return { scheduler: new Scheduler(settings), clock, runs, completed, lines };
}

describe("the scheduler", function () {
  this.timeout(120_000);
  const stopAfter: Scheduler[] = [];
  afterEach(async () => {
    for (const scheduler of stopAfter.splice(0)) await scheduler.stop(0);
  });
  function track<T extends { scheduler: Scheduler }>(created: T): T {
    stopAfter.push(created.scheduler);
    return created;
  }

  describe("with a fake clock and a fake month runner", () => {
    it("runs 2017-11 exactly once through the end of November: not on the 30th, on 1 December, not again on the 2nd", async () => {
      const { scheduler, clock, runs } = track(fakeScheduler({ now: "2017-11-30T06:30:00+01:00", completed: ["2017-09", "2017-10"] }));
      expect(scheduler.firstMonth).to.equal("2017-09");

      const november30 = await scheduler.tickNow();
      expect(november30).to.deep.include({ at: "2017-11-30 06:30:00", due: [], ran: [] });

      clock.set("2017-12-01T06:30:00+01:00");
      const december1 = await scheduler.tickNow();
      expect(december1).to.deep.include({ at: "2017-12-01 06:30:00", due: ["2017-11"], ran: ["2017-11"] });

      clock.set("2017-12-02T06:30:00+01:00");
      const december2 = await scheduler.tickNow();
      expect(december2).to.deep.include({ due: [], ran: [] });
      expect(runs).to.deep.equal(["2017-11"]);
    });

    it("runs a backlog in month order, one month after another", async () => {
      const order: string[] = [];
      let concurrent = 0;
      const { scheduler, runs } = track(
        fakeScheduler({
          now: "2018-01-03T06:30:00+01:00",
          completed: ["2017-10"],
          runMonth: async (month) => {
            concurrent += 1;
            expect(concurrent, "one month at a time").to.equal(1);
            await Promise.resolve();
            order.push(month);
            concurrent -= 1;
          },
        }),
      );
      const result = await scheduler.tickNow();
      expect(result.ran).to.deep.equal(["2017-09", "2017-11", "2017-12"]);
      expect(runs).to.deep.equal(order);
    });

    it("after a failing month logs the error, runs no later month in that tick, and starts again from the failed month at the next tick", async () => {
      let failing = true;
      const { scheduler, clock, runs, lines } = track(
        fakeScheduler({ now: "2017-12-01T06:30:00+01:00", fail: (month) => failing && month === "2017-10" }),
      );
      const first = await scheduler.tickNow();
      expect(first.ran).to.deep.equal(["2017-09"]);
      expect(first.failure).to.deep.equal({ month: "2017-10", message: "run 2017-10 failed on purpose" });
      expect(runs).to.deep.equal(["2017-09", "2017-10"]);
      const error = lines.find((l) => l.level === "error");
      expect(error?.message).to.equal("month 2017-10 failed: run 2017-10 failed on purpose; 2017-11 wait for the next tick");

      failing = false;
      clock.set("2017-12-02T06:30:00+01:00");
      const second = await scheduler.tickNow();
      expect(second.ran).to.deep.equal(["2017-10", "2017-11"]);
      expect(runs).to.deep.equal(["2017-09", "2017-10", "2017-10", "2017-11"]);
    });

    it("a tick while another is running does nothing (no month runs twice)", async () => {
      const gate = deferred();
      const { scheduler, runs } = track(
        fakeScheduler({ now: "2017-12-01T06:30:00+01:00", completed: ["2017-09", "2017-10"], runMonth: () => gate.promise }),
      );
      const first = scheduler.tickNow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(runs).to.deep.equal(["2017-11"]);
      const second = await scheduler.tickNow();
      expect(second.skipped).to.equal("busy");
      gate.resolve();
      expect((await first).ran).to.deep.equal(["2017-11"]);
      expect(runs).to.deep.equal(["2017-11"]);
    });

    it("stop() lets the month being run finish, starts no later month, and resolves; later ticks do nothing", async () => {
      const gate = deferred();
      const { scheduler, runs } = track(
        fakeScheduler({ now: "2017-12-01T06:30:00+01:00", runMonth: (month) => (month === "2017-09" ? gate.promise : Promise.resolve()) }),
      );
      const tick = scheduler.tickNow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(runs).to.deep.equal(["2017-09"]);
      let stopped = false;
      const stopping = scheduler.stop().then((finished) => {
        stopped = true;
        return finished;
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(stopped, "stop waits for the month being run").to.equal(false);
      gate.resolve();
      expect(await stopping).to.equal(true);
      expect((await tick).ran).to.deep.equal(["2017-09"]);
      expect(runs).to.deep.equal(["2017-09"]);
      expect((await scheduler.tick()).skipped).to.equal("stopping");
      expect(scheduler.nextRun()).to.equal(null);
    });

    it("stop() gives up waiting after its bound when the month does not finish", async () => {
      const gate = deferred();
      const { scheduler } = track(
        fakeScheduler({ now: "2017-12-01T06:30:00+01:00", completed: ["2017-09", "2017-10"], runMonth: () => gate.promise }),
      );
      const tick = scheduler.tickNow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(await scheduler.stop(10)).to.equal(false);
      gate.resolve();
      await tick;
    });

    it("listPlanned: the next ticks at 06:30 Brussels time, the backlog at the first one", async () => {
      const { scheduler } = track(fakeScheduler({ now: "2017-12-01T06:30:00+01:00", completed: ["2017-09"] }));
      const planned = await scheduler.listPlanned(5);
      expect(planned).to.have.length(5);
      expect(planned[0].at.getTime()).to.be.greaterThan(Date.now());
      for (const [i, tick] of planned.entries()) {
        expect(tick.wallTime.slice(11)).to.equal("06:30:00");
        if (i > 0) expect(tick.at.getTime()).to.be.greaterThan(planned[i - 1].at.getTime());
      }
      // the real "now" is long after the circular's calendar: every month but the completed one is due at once
      expect(planned[0].months).to.deep.equal(monthsFromTo("2017-10", "2019-08"));
      expect(planned.slice(1).map((t) => t.months)).to.deep.equal([[], [], [], []]);
    });

    it("refuses a schedule in the daylight-saving hour, and routes node-cron's log lines through winston", () => {
      const { logger, lines } = capturingLogger();
      const clock = new FakeClock(new Date("2017-12-01T06:30:00+01:00"));
      const settings = {
        clock,
        logger,
        readFacts: async () => ({ calendar: [], calendarErrors: [], completed: new Set<YearMonth>() }),
        runMonth: async () => undefined,
      };
      expect(() => new Scheduler({ ...settings, expression: "30 2 * * *" })).to.throw(/between 02:00 and 02:59/);
      const cron = cronLogger(logger);
      cron.warn("task still running, new execution blocked by overlap prevention!");
      cron.error(new Error("boom"));
      expect(lines).to.deep.equal([
        { level: "warn", message: "node-cron: task still running, new execution blocked by overlap prevention!" },
        { level: "error", message: "node-cron: boom" },
      ]);
    });
  });

  describe("on the CLI path, against a SQLite file with the circular's examples", () => {
    let workspace: CliWorkspace;
    const saved: Record<string, string | undefined> = {};
    function setEnv(name: string, value: string | undefined): void {
      if (!(name in saved)) saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }

    before(async () => {
      workspace = new CliWorkspace("schedule");
      const init = await workspace.easr("db", "init", "--db", workspace.dbUrl);
      expect(init.code, init.err.join("\n")).to.equal(0);
      await writeContractRowsToUrl(workspace.dbUrl, circularExampleRows());
      // The examples are of 2017-2019: let the scheduler file them. No tick of this schedule falls in a test run.
      setEnv("EASR_FIRST_MONTH", "2017-09");
      setEnv("EASR_SCHEDULE", "0 0 5 29 2 *");
      setEnv("EASR_STATE_DB_URL", undefined);
      setEnv("EASR_ENVIRONMENT", undefined);
    });
    after(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      workspace.remove();
    });

    it("`easr schedule --list` prints the planned runs and runs nothing", async () => {
      const result = await workspace.easr("schedule", "--list", "--db", workspace.dbUrl, "--out", workspace.outDir);
      expect(result.code, result.err.join("\n")).to.equal(0);
      expect(result.out[0]).to.equal('schedule "0 0 5 29 2 *" (Europe/Brussels), environment T, months from 2017-09 on; the next 5 runs:');
      expect(result.out).to.have.length(6);
      expect(result.out[1]).to.match(/^\d{4}-02-29 05:00:00 \+01:00 {2}runs 2017-09, 2017-10, .*, 2019-08$/);
      for (const line of result.out.slice(2)) expect(line).to.match(/^\d{4}-02-29 05:00:00 \+01:00 {2}nothing due$/);
      expect(workspace.filesOf("2017-09")).to.deep.equal([]);
    });

    it("a tick with a fake clock runs the due month through `easr run`, recorded as triggered by the scheduler; the next tick runs nothing", async () => {
      const clock = new FakeClock(new Date("2017-10-02T06:30:00+02:00"));
      const out: string[] = [];
      const { logger } = capturingLogger();
      const { scheduler } = createScheduler(
        { db: workspace.dbUrl, out: workspace.outDir },
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        logger,
        process.env,
        clock,
      );
      stopAfter.push(scheduler);
      const first = await scheduler.tickNow();
      expect(first.failure).to.equal(undefined);
      expect(first.ran).to.deep.equal(["2017-09"]);
      expect(workspace.filesOf("2017-09").some((f) => f.startsWith("FI.WECH."))).to.equal(true);
      expect(out.join("\n")).to.include("month 2017-09 (T)");
      // The run the tick started is dated by the same clock: its files carry the fake clock's day.
      const fiFiles = workspace.filesOf("2017-09").filter((f) => f.startsWith("FI."));
      expect(fiFiles.map((f) => f.split(".")[3])).to.deep.equal(fiFiles.map(() => "20171002"));

      clock.set("2017-10-03T06:30:00+02:00");
      const second = await scheduler.tickNow();
      expect(second).to.deep.include({ due: [], ran: [] });

      const db = new Database(workspace.dbUrl.slice("sqlite:".length), { readonly: true });
      try {
        const runs = db.prepare("SELECT month, status, triggered_by AS triggeredBy FROM easr_run ORDER BY id").all();
        expect(runs).to.deep.equal([{ month: "2017-09", status: "completed", triggeredBy: SCHEDULER_TRIGGER }]);
      } finally {
        db.close();
      }

      const listed = await workspace.easr("schedule", "--list", "--db", workspace.dbUrl);
      expect(listed.out[1]).to.match(/runs 2017-10, 2017-11, .*, 2019-08$/);
    });

    it("`easr schedule` runs until SIGTERM, then stops cleanly with exit code 0", async () => {
      const signalListeners = process.listenerCount("SIGTERM");
      const out: string[] = [];
      let started!: () => void;
      const running = new Promise<void>((resolve) => {
        started = resolve;
      });
      const io = {
        out: (line: string) => {
          out.push(line);
          if (line.startsWith("next run ")) started();
        },
        err: (line: string) => out.push(line),
      };
      const exit = main(["--quiet", "schedule", "--db", workspace.dbUrl, "--out", workspace.outDir], io);
      await running;
      expect(process.listenerCount("SIGTERM")).to.equal(signalListeners + 1);
      process.emit("SIGTERM", "SIGTERM");
      expect(await exit).to.equal(0);
      expect(out).to.include("scheduler stopped");
      expect(out.find((l) => l.startsWith("next run "))).to.match(/^next run \d{4}-02-29 05:00:00 \+01:00;/);
      expect(process.listenerCount("SIGTERM")).to.equal(signalListeners);
    });
  });
});
