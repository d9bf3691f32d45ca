/**
 * `easr schedule` with a channel (issue 15): the files of each month it runs go to the channel when the
 * run is done, and the channel's own schedule (EASR_FETCH_SCHEDULE) sends what is unsent and fetches and
 * ingests the answers — never at the same time as a month run. Ticks are driven by hand.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { ChannelSchedule } from "../../jobs/channel-schedule";
import { OneAtATime } from "../../jobs/one-at-a-time";
import { createScheduler } from "../../src/cli/commands/schedule-command";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { CliWorkspace } from "../support/cli-harness";
import { CHANNEL_SUBFOLDERS } from "../support/channel-servers";
import { capturingLogger, FakeClock } from "../support/scheduler-fakes";

describe("the scheduler and the channel", function () {
  this.timeout(120_000);

  it("a channel tick waits for the month being run, and a failed tick is logged and returned, not thrown", async () => {
    const { logger, lines } = capturingLogger();
    const serial = new OneAtATime();
    const order: string[] = [];
    let endMonth!: () => void;
    const month = serial.run(
      () =>
        new Promise<void>((resolve) => {
          order.push("month starts");
          endMonth = () => {
            order.push("month ends");
            resolve();
          };
        }),
    );
    let fail = false;
    const channel = new ChannelSchedule({
      expression: "15 7-19 * * *",
      logger,
      serial,
      work: async () => {
        order.push("channel");
        if (fail) throw new Error("the channel refused the login");
      },
    });
    try {
      const tick = channel.tickNow();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(order).to.deep.equal(["month starts"]);
      endMonth();
      await month;
      expect(await tick).to.deep.equal({ ok: true });
      expect(order).to.deep.equal(["month starts", "month ends", "channel"]);
      fail = true;
      expect(await channel.tickNow()).to.deep.equal({ ok: false, message: "the channel refused the login" });
      expect(
        lines.some((l) => l.level === "error" && l.message.includes("the channel refused the login; the next tick tries again")),
      ).to.equal(true);
    } finally {
      await channel.stop();
    }
  });

  it("on the CLI path: the month's files reach the channel after its run; the channel tick fetches and ingests the answers", async () => {
    const workspace = await CliWorkspace.create("schedule-channel");
    const folder = mkdtempSync(join(tmpdir(), "easr-schedule-channel-"));
    try {
      for (const name of CHANNEL_SUBFOLDERS) mkdirSync(join(folder, name));
      await workspace.initContract();
      await writeContractRowsToUrl(workspace.dbUrl, circularExampleRows());
      const clock = new FakeClock(new Date("2017-10-02T06:30:00+02:00"));
      const { logger } = capturingLogger();
      const out: string[] = [];
      const { scheduler, channel } = createScheduler(
        { db: workspace.dbUrl, out: workspace.outDir },
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        logger,
        { ...process.env, EASR_CHANNEL_URL: `file://${folder}` },
        clock,
      );
      try {
        expect(channel).not.to.equal(null);
        expect((await scheduler.tickNow()).ran).to.deep.equal(["2017-09"]);
        const written = workspace.filesOf("2017-09").filter((n) => n.startsWith("FI."));
        expect(written).to.have.length(2);
        const inbox = join(folder, "INTEST");
        expect(readdirSync(inbox).sort()).to.deep.equal(written.flatMap((fi) => [fi, fi.replace(/^FI/, "GO")]).sort());
        expect(out.join("\n")).to.include(`sent 2 files to ${inbox}`);

        expect((await workspace.easr("channel", "simulate", "--dir", inbox, "--answers", join(folder, "OUTTEST"))).code).to.equal(0);
        expect(await channel!.tickNow()).to.deep.equal({ ok: true });
        expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_file WHERE status = 'received'")).to.equal(2);
        expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'accepted'")).to.equal(
          await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_declaration"),
        );
        expect(out.join("\n")).to.include("fetched 4 answer files");
      } finally {
        await scheduler.stop();
        await channel?.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await workspace.remove();
    }
  });
});
