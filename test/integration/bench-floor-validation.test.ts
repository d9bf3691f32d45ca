/**
 * The bench on a real run (issue 17): the stages read from the run's own log (tools/bench/run-stages.ts),
 * and the floor's validation term (tools/bench/floor-validation.ts): a run's own FI files,
 * checked in the product's chunks with the product's validator over worker threads; a file that is not
 * valid stops the measurement (a floor measured on broken files would mean nothing). Needs the compiled
 * worker (npm run build, as `npm test` does first).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { floorValidate } from "../../tools/bench/floor-validation";
import { runStages } from "../../tools/bench/run-stages";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { batchFilesIn } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { FORMS_PER_CHUNK } from "../../src/files/form-file-writer";

describe("the bench floor's validation of a run's FI files", function () {
  this.timeout(120_000);
  let w: CliWorkspace;
  let files: string[];

  before(async () => {
    w = new CliWorkspace("bench-floor");
    await w.initContract();
    await writeContractRowsToUrl(w.dbUrl, circularExampleRows());
    await w.run("2017-09");
    files = w
      .filesOf("2017-09")
      .filter((name) => name.startsWith("FI."))
      .map((name) => join(w.monthDir("2017-09"), name));
  });
  after(() => w.remove());

  it("validates every file in chunks of the product's size, over the threads asked for", async () => {
    const forms = batchFilesIn(w.monthDir("2017-09")).map((file) => file.forms.length);
    expect(forms).to.have.length(2); // the circular's WECH003 and WECH006 files
    const floor = await floorValidate(files, 2);
    expect(floor).to.deep.include({ files: 2, workers: 2 });
    expect(floor.chunks).to.equal(forms.reduce((n, count) => n + Math.ceil(count / FORMS_PER_CHUNK), 0));
    expect(floor.bytes).to.equal(files.reduce((n, file) => n + readFileSync(file).length, 0));
    expect(floor.seconds).to.be.greaterThan(0);
  });

  it("finds the run's four stages in the log the run itself wrote (the bench's stages line)", () => {
    const stages = runStages(join(w.outDir, "easr.log"), "2017-09");
    expect(stages?.map((stage) => stage.name)).to.deep.equal(["start", "decide", "publish", "reports"]);
    for (const stage of stages!) expect(stage.seconds, stage.name).to.be.at.least(0);
  });

  it("stops on a file that is not valid, naming it", async () => {
    const dir = join(w.dir, "broken");
    mkdirSync(dir);
    const broken = join(dir, "FI.broken");
    copyFileSync(files[0], broken);
    writeFileSync(
      broken,
      readFileSync(broken, "utf8").replace("<AttestationStatus>0</AttestationStatus>", "<AttestationStatus>X</AttestationStatus>"),
    );
    let failure: unknown = null;
    await floorValidate([broken], 1).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.include("FI.broken").and.include("not valid");
  });
});
