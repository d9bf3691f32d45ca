/**
 * EASR_CLOCK: the moment the program takes as now, for tests and rehearsals. A run dated by it writes
 * the forms, file names and state of that moment; an R run refuses it at start-up.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { EXIT_USAGE } from "../../src/cli/exit-codes";
import { ConfigError, loadConfig } from "../../src/config/load-config";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { brusselsTime, clockFrom } from "../../src/util/brussels-clock";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { CliWorkspace } from "../support/cli-harness";
import { withEnv } from "../support/env";

describe("the clock set by hand (EASR_CLOCK)", function () {
  this.timeout(120_000);

  it("reads the moment given, with its offset, and runs on from there", () => {
    let real = Date.parse("2026-12-06T18:00:00Z");
    const clock = clockFrom(new Date("2024-05-02T09:00:00+02:00"), { now: () => new Date(real) });
    expect(brusselsTime(clock.now()).iso).to.equal("2024-05-02T09:00:00.000+02:00");
    real += 90_000;
    expect(brusselsTime(clock.now()).iso).to.equal("2024-05-02T09:01:30.000+02:00");
  });

  it("refuses a moment without offset, a moment that is none, and any clock for an R run, naming the variable", () => {
    expect(() => loadConfig({ EASR_CLOCK: "2024-05-02 09:00:00" })).to.throw(
      ConfigError,
      /EASR_CLOCK: must be an ISO date-time with its offset/,
    );
    expect(() => loadConfig({ EASR_CLOCK: "2024-02-30T09:00:00+01:00" })).to.throw(ConfigError, /EASR_CLOCK: is not a real moment/);
    for (const moment of ["2024-05-02T09:00:61+02:00", "2024-05-02T24:00:00+02:00", "2024-05-02T09:00:00+25:00"])
      expect(() => loadConfig({ EASR_CLOCK: moment }), moment).to.throw(ConfigError, /EASR_CLOCK: is not a real moment/);
    expect(loadConfig({ EASR_CLOCK: "2024-05-02T09:00:00.123-05:30" }).clock.now().toISOString().slice(0, 16)).to.equal("2024-05-02T14:30");
    expect(() => loadConfig({ EASR_CLOCK: "2024-05-02T09:00:00+02:00", EASR_ENVIRONMENT: "R" })).to.throw(
      ConfigError,
      "EASR_CLOCK: a clock set by hand is for tests and rehearsals; an R (real) run takes the real time",
    );
  });

  it("dates a run's forms, file names and run record by it; `--env R` with it stops at start-up (exit 2)", async () => {
    const workspace = await CliWorkspace.create("clock");
    try {
      await workspace.initContract();
      await writeContractRowsToUrl(workspace.dbUrl, circularExampleRows());
      await withEnv({ EASR_CLOCK: "2017-10-02T09:30:00+02:00" }, async () => {
        const refused = await workspace.easr("run", "--month", "2017-09", "--db", workspace.dbUrl, "--out", workspace.outDir, "--env", "R");
        expect(refused.code).to.equal(EXIT_USAGE);
        expect(refused.err.join("\n")).to.include("EASR_CLOCK: a clock set by hand is for tests and rehearsals");
        await workspace.run("2017-09");
      });
      const summary = workspace.summaryOf("2017-09");
      expect(summary.startedAt.startsWith("2017-10-02T09:30")).to.equal(true);
      expect(summary.files.length).to.be.greaterThan(0);
      for (const file of summary.files) {
        // FI.<WECH|ZIMA>.<sender>.<YYYYMMDD>.<seq>.T
        expect(file.fileName.split(".")[3], file.fileName).to.equal("20171002");
        const xml = readFileSync(join(workspace.monthDir("2017-09"), file.fileName), "utf8");
        expect(xml).to.include("<FormCreationDate>2017-10-02</FormCreationDate>");
      }
    } finally {
      await workspace.remove();
    }
  });
});
