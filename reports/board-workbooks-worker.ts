/**
 * The board workbooks' worker thread (see board-workbooks-thread.ts): makes every board's workbook of
 * the run it is given — its own pass over decisions.jsonl, then the workbooks — and answers once, with
 * the files or the failure.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type BoardWorkbooksInput, writeBoardWorkbooks } from "./board-workbooks";

export type BoardWorkbooksAnswer = { readonly files: string[] } | { readonly failure: string };

writeBoardWorkbooks(workerData as BoardWorkbooksInput).then(
  ({ files }) => parentPort!.postMessage({ files } satisfies BoardWorkbooksAnswer),
  (error: unknown) =>
    parentPort!.postMessage({ failure: error instanceof Error ? error.message : String(error) } satisfies BoardWorkbooksAnswer),
);
