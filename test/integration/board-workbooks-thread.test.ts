/**
 * The board workbooks' worker thread, as the compiled program runs it (dist/): its failure reaches the
 * run as an error naming the cause, and it leaves nothing behind. (That its workbooks are those of the
 * main thread, cell by cell, is held by demo-baseline.test.ts.)
 */
import { expect } from "chai";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { RunSummary } from "../../src/run-record";
import { writeBenefitsRun } from "../support/benefits-decisions";

const COMPILED = resolve(__dirname, "../../dist/reports/board-workbooks-thread.js");
/** The compiled module whose modes the compiled thread module hands to its worker (not the ts-node copy). */
const COMPILED_MODES = resolve(__dirname, "../../dist/src/files/file-modes.js");

type Thread = typeof import("../../reports/board-workbooks-thread");
type Modes = typeof import("../../src/files/file-modes");

describe("the board workbooks' worker thread (compiled)", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "easr-board-thread-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("fails with the reader's message for a broken record, and leaves no workbook or spool", async function () {
    if (!existsSync(COMPILED)) this.skip(); // npm test builds first; a lone mocha run may not have
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startBoardWorkbooks } = require(COMPILED) as Thread;
    const decisionsPath = join(dir, "decisions.jsonl");
    writeFileSync(decisionsPath, "this is no JSON\n");
    const summary = { runMonth: "2017-10", cutoffAt: "2017-10-16 16:00:00" } as unknown as RunSummary;
    let failure: Error | null = null;
    await startBoardWorkbooks({ summary, decisionsPath, outputDir: dir }).catch((error: Error) => (failure = error));
    expect(failure, "the worker's failure").to.be.instanceOf(Error);
    expect(failure!.message).to.equal(`${decisionsPath}:1: not a JSON line`);
    expect(readdirSync(dir)).to.deep.equal(["decisions.jsonl"]);
  });

  it("makes the boards' folder and workbooks with the modes the configuration set on the main thread", async function () {
    if (!existsSync(COMPILED)) this.skip();
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { startBoardWorkbooks } = require(COMPILED) as Thread;
    const modes = require(COMPILED_MODES) as Modes;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const summary = await writeBenefitsRun(dir);
    const before = modes.currentFileModes();
    // Neither default (0640 / 0750): what EASR_FILE_MODE=0600 and EASR_DIR_MODE=0700 would set.
    modes.useFileModes({ file: 0o600, dir: 0o700 });
    try {
      const { files } = await startBoardWorkbooks({ summary, decisionsPath: summary.decisionsFile!, outputDir: dir });
      // Boards 30 and 31 (test/support/benefits-decisions.ts).
      expect(files).to.have.length(2);
      for (const file of files) expect(statSync(file).mode & 0o777, file).to.equal(0o600);
      expect(statSync(join(dir, "boards")).mode & 0o777).to.equal(0o700);
    } finally {
      modes.useFileModes(before);
    }
  });
});
