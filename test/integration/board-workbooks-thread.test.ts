/**
 * The board workbooks' worker thread, as the compiled program runs it (dist/): its failure reaches the
 * run as an error naming the cause, and it leaves nothing behind. (That its workbooks are those of the
 * main thread, cell by cell, is held by demo-baseline.test.ts.)
 */
import { expect } from "chai";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { RunSummary } from "../../src/run-record";

const COMPILED = resolve(__dirname, "../../dist/reports/board-workbooks-thread.js");

describe("the board workbooks' worker thread (compiled)", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "easr-board-thread-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("fails with the reader's message for a broken record, and leaves no workbook or spool", async function () {
    if (!existsSync(COMPILED)) this.skip(); // npm test builds first; a lone mocha run may not have
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startBoardWorkbooks } = require(COMPILED) as typeof import("../../reports/board-workbooks-thread");
    const decisionsPath = join(dir, "decisions.jsonl");
    writeFileSync(decisionsPath, "this is no JSON\n");
    const summary = { runMonth: "2017-10", cutoffAt: "2017-10-16 16:00:00" } as unknown as RunSummary;
    let failure: Error | null = null;
    await startBoardWorkbooks({ summary, decisionsPath, outputDir: dir }).catch((error: Error) => (failure = error));
    expect(failure, "the worker's failure").to.be.instanceOf(Error);
    expect(failure!.message).to.equal(`${decisionsPath}:1: not a JSON line`);
    expect(readdirSync(dir)).to.deep.equal(["decisions.jsonl"]);
  });
});
