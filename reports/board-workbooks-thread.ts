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
import { Worker } from "node:worker_threads";
import { type BoardWorkbooksInput, type BoardWorkbooksResult, writeBoardWorkbooks } from "./board-workbooks";
import type { BoardWorkbooksAnswer } from "./board-workbooks-worker";

/**
 * The worker's heap, as the `easr` command limits the main thread's (bin/easr.js): a small young
 * generation, so that the process's peak stays within what the README promises.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 256 } as const;

/** The compiled worker beside this file, when there is one (not under ts-node). */
function workerScript(): string | null {
  if (!__filename.endsWith(".js")) return null;
  const script = join(__dirname, "board-workbooks-worker.js");
  return existsSync(script) ? script : null;
}

function inWorker(script: string, input: BoardWorkbooksInput): Promise<BoardWorkbooksResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: input, resourceLimits: WORKER_LIMITS });
    let answered = false;
    worker.once("message", (answer: BoardWorkbooksAnswer) => {
      answered = true;
      if ("failure" in answer) reject(new Error(answer.failure));
      else resolve({ files: answer.files });
    });
    worker.once("error", (error) => {
      answered = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`the board workbooks' worker stopped without an answer (exit code ${code})`));
    });
  });
}

/**
 * Starts the board workbooks of a run (see board-workbooks.ts) beside whatever the caller does next; the
 * promise settles when every workbook is published, or none is left under a temporary name.
 */
export function startBoardWorkbooks(input: BoardWorkbooksInput): Promise<BoardWorkbooksResult> {
  const script = workerScript();
  return script === null ? writeBoardWorkbooks(input) : inWorker(script, input);
}
