import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runStages } from "../../../tools/bench/run-stages";

/** A line as the run's winston file transport writes it. */
const line = (message: string, timestamp: string, level = "info") => JSON.stringify({ level, message, timestamp });

describe("bench: a run's stages from its own log", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "easr-stages-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("takes each stage from one marker line to the next, for the month's last run only", () => {
    const log = join(dir, "easr.log");
    writeFileSync(
      log,
      [
        // An earlier run of the same month: left out.
        line("easr 0.1.0 (commit abc): run of 2018-03 (T)", "2026-12-07T08:00:00.000+01:00", "debug"),
        line("month 2018-03 (T), cut-off 2018-03-15 16:00:00", "2026-12-07T08:00:09.000+01:00"),
        // The run measured: 08:11:14.400 → cut-off 1.2 s later → done 47.3 s later → closing 5.3 s → reports 52 s.
        line("easr 0.1.0 (commit abc): run of 2018-03 (T)", "2026-12-07T08:11:14.400+01:00", "debug"),
        line("month 2018-03 (T), cut-off 2018-03-15 16:00:00", "2026-12-07T08:11:15.600+01:00"),
        line("deciding: 13000/60000 persons, 1252/s", "2026-12-07T08:11:25.982+01:00"),
        line("deciding: 60000/60000 persons, 1269/s, done", "2026-12-07T08:12:02.900+01:00"),
        line("wrote FI.WECH.900123.20261207.00001.T (73238 WECH003 forms) and GO…", "2026-12-07T08:12:05.862+01:00"),
        line("month 2018-03 (T): 263857 forms declared in 2 file(s)", "2026-12-07T08:12:08.200+01:00"),
        line("reports written in 52.0 s: the operator workbook, 640 board workbook(s), …", "2026-12-07T08:13:00.200+01:00"),
        // Another month after it: not this run's.
        line("easr 0.1.0 (commit abc): run of 2018-04 (T)", "2026-12-07T08:14:00.000+01:00", "debug"),
      ].join("\n") + "\n",
    );
    const stages = runStages(log, "2018-03")!;
    expect(stages.map((stage) => stage.name)).to.deep.equal(["start", "decide", "publish", "reports"]);
    // 15.600 − 14.400; 02.900 − 15.600 (+60); 08.200 − 02.900; 13:00.200 − 12:08.200.
    expect(stages.map((stage) => Math.round(stage.seconds * 1000))).to.deep.equal([1200, 47300, 5300, 52000]);
  });

  it("is null for a run that stopped before its reports", () => {
    const log = join(dir, "easr.log");
    writeFileSync(
      log,
      [
        line("easr 0.1.0 (commit abc): run of 2018-04 (T)", "2026-12-07T08:14:00.000+01:00", "debug"),
        line("month 2018-04 (T), cut-off 2018-04-15 16:00:00", "2026-12-07T08:14:01.000+01:00"),
      ].join("\n"),
    );
    expect(runStages(log, "2018-04")).to.equal(null);
    expect(runStages(join(dir, "absent.log"), "2018-04")).to.equal(null);
  });
});
