/**
 * The board workbooks' worker thread (see board-workbooks-thread.ts): makes every board's workbook of
 * the run it is given — its own pass over decisions.jsonl, then the workbooks — and answers once, with
 * the files or the failure. A thread has its own copy of every module, so the file modes the
 * configuration set on the main thread come with the task.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type FileModes, useFileModes } from "../src/files/file-modes";
import { type BoardWorkbooksInput, writeBoardWorkbooks } from "./board-workbooks";

export interface BoardWorkbooksTask {
  readonly input: BoardWorkbooksInput;
  readonly fileModes: FileModes;
}

export type BoardWorkbooksAnswer = { readonly files: string[] } | { readonly failure: string };

const task = workerData as BoardWorkbooksTask;
useFileModes(task.fileModes);
writeBoardWorkbooks(task.input).then(
  ({ files }) => parentPort!.postMessage({ files } satisfies BoardWorkbooksAnswer),
  (error: unknown) =>
    parentPort!.postMessage({ failure: error instanceof Error ? error.message : String(error) } satisfies BoardWorkbooksAnswer),
);
