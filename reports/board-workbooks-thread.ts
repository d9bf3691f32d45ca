/**
 * The board workbooks beside the other reports: they are about half of the reports' work (a row per
 * unit of every board, 640 workbooks a month at full scale), so they are made in a worker thread of
 * their own (board-workbooks-worker.ts) while the main thread makes the operator workbook and the payslip
 * extract — on a machine of two cores, both are busy. The worker reads decisions.jsonl itself: what it
 * makes is exactly what the same report makes on the main thread.
 * Where no compiled worker exists (the TypeScript sources run by ts-node in the tests) the report runs on
 * the main thread, interleaved with the others; the workbooks are the same either way.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import { Worker } from "node:worker_threads";
import { removeTemporaryLeftovers } from "../src/files/atomic-file";
import { currentFileModes } from "../src/files/file-modes";
import { type BoardWorkbooksInput, type BoardWorkbooksResult, writeBoardWorkbooks } from "./board-workbooks";
import type { BoardWorkbooksAnswer, BoardWorkbooksTask } from "./board-workbooks-worker";

/**
 * The worker's heap: a small young generation, as the `easr` command gives the main thread (bin/easr.js),
 * so that the process's peak stays within what the README promises; the old generation may grow as far
 * as the main thread's may (`--max-old-space-size`, 384 MB by the command), far above what it needs.
 */
function workerLimits(): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  return { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: Math.round(getHeapStatistics().heap_size_limit / (1 << 20)) };
}

/** The compiled worker beside this file, when there is one (not under ts-node). */
function workerScript(): string | null {
  if (!__filename.endsWith(".js")) return null;
  const script = join(__dirname, "board-workbooks-worker.js");
  return existsSync(script) ? script : null;
}

/**
 * The task in its thread. A worker that answers has cleaned up after itself; one that dies (out of
 * memory, say) cannot, so its spool and unfinished workbooks are swept from the boards' folder here.
 */
function inWorker(script: string, input: BoardWorkbooksInput): Promise<BoardWorkbooksResult> {
  const task: BoardWorkbooksTask = { input, fileModes: currentFileModes() };
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task, resourceLimits: workerLimits() });
    let answered = false;
    let crash: Error | null = null;
    worker.once("message", (answer: BoardWorkbooksAnswer) => {
      answered = true;
      if ("failure" in answer) reject(new Error(answer.failure));
      else resolve({ files: answer.files });
    });
    worker.once("error", (error) => (crash = error));
    // Swept once the thread is gone, so that nothing of it is written after the sweep.
    worker.once("exit", (code) => {
      if (answered) return;
      removeTemporaryLeftovers(join(input.outputDir, "boards"));
      reject(crash ?? new Error(`the board workbooks' worker stopped without an answer (exit code ${code})`));
    });
  });
}

/**
 * Starts the board workbooks of a run (see board-workbooks.ts) beside whatever the caller does next; the
 * promise settles when every workbook is published, or none is left under a temporary name. They do not
 * wait for the other reports: when those fail, the board workbooks may be published all the same (the
 * run's reports are then owed, and `easr report` removes what exists before it writes them again).
 */
export function startBoardWorkbooks(input: BoardWorkbooksInput): Promise<BoardWorkbooksResult> {
  const script = workerScript();
  return script === null ? writeBoardWorkbooks(input) : inWorker(script, input);
}
