/**
 * The outputs stay what they were while the run is made faster (issue 17): the demo (400 staff, the
 * circular's examples, thirteen months with the simulated channel's answers) is run by the compiled
 * program and its every output compared with the committed baseline — forms and answers as parsed XML,
 * workbooks cell by cell, the payslip extract by row and column, the run's record as parsed JSON — the run's
 * own stamps (creation times, file dates, tickets, hashes) replaced on both sides (tools/demo-outputs).
 * The board workbooks come out of their worker thread here, as in production.
 * When an issue changes the outputs on purpose: `npm run demo:compare`, review, `npm run demo:baseline`.
 */
import { expect } from "chai";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { readBaseline } from "../../tools/demo-outputs/baseline-file";
import { compareOutputs, describeDifferences } from "../../tools/demo-outputs/compare";
import { normalizeDemoOutput } from "../../tools/demo-outputs/normalize";
import { runDemo } from "../../tools/demo-outputs/run-demo";

const REPOSITORY = resolve(__dirname, "../..");

describe("the demo's outputs against the committed baseline [sqlite]", function () {
  this.timeout(600_000);

  it("are the same, output by output, apart from the run's stamps", async () => {
    const baseline = readBaseline(join(REPOSITORY, "test/fixtures/demo-baseline/demo-outputs.ndjson.gz"));
    const demo = await runDemo({ project: REPOSITORY, build: false, log: () => undefined });
    try {
      expect(demo.exitCode, "the demo's exit code").to.equal(0);
      const output = await normalizeDemoOutput(demo);
      const differences = compareOutputs(baseline.files, output.files);
      expect(differences.length, describeDifferences(differences, { total: 30, perFile: 5 }).join("\n")).to.equal(0);
      // Not an empty comparison: the baseline holds every month's forms, workbooks and payslip extracts.
      const files = baseline.files.map((file) => file.file);
      expect(files.filter((file) => /\/boards\/.*\.xlsx$/.test(file)).length).to.be.greaterThan(10);
      expect(files.filter((file) => /\/FI\.WECH\./.test(file)).length).to.be.greaterThan(10);
    } finally {
      rmSync(demo.tmpDir, { recursive: true, force: true });
    }
  });
});
