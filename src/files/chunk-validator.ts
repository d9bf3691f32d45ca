/**
 * Validates documents against a schema of `schemas/` off the main thread: one worker thread per
 * process (src/files/xsd-worker.ts), shared by every file being written, answering in order. Where the
 * worker cannot run — the TypeScript sources run by ts-node in the tests, where no compiled worker
 * exists — the same validation runs on the main thread; the verdicts are the same either way.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ValidationAnswer } from "./xsd-worker";
import { loadXsd, type XsdResult } from "./xsd-validator";

export interface ChunkValidator {
  validate(xml: string): Promise<XsdResult>;
}

interface Pending {
  readonly resolve: (result: XsdResult) => void;
  readonly reject: (error: Error) => void;
}

let shared: ValidationWorker | null = null;

/** One validation thread, answering each document in turn (also the bench's, tools/bench/floor-validation.ts). */
export class ValidationWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(script: string) {
    this.worker = new Worker(script);
    this.worker.unref();
    this.worker.on("message", (answer: ValidationAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) this.worker.unref();
      if ("failure" in answer) waiting.reject(new Error(`XSD validation failed: ${answer.failure}`));
      else waiting.resolve({ valid: answer.valid, errors: answer.errors });
    });
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => {
      this.failAll(new Error(`the XSD validation worker stopped (exit code ${code})`));
      if (shared === this) shared = null;
    });
  }

  /** Documents sent and not answered yet. */
  get waiting(): number {
    return this.pending.size;
  }

  validate(schemaName: string, xml: string): Promise<XsdResult> {
    const id = this.nextId++;
    // Referenced while answers are awaited, so that the process waits for them.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<XsdResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, schemaName, xml });
    });
  }

  /** Ends the thread; what is still awaited fails. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** The compiled worker beside this file, when there is one (not under ts-node). */
function workerScript(): string | null {
  if (!__filename.endsWith(".js")) return null;
  const script = join(__dirname, "xsd-worker.js");
  return existsSync(script) ? script : null;
}

/** A validator of documents against `schemas/<schemaName>`: in the worker thread when possible. */
export function chunkValidator(schemaName: string): ChunkValidator {
  const script = workerScript();
  if (script === null) return { validate: async (xml) => (await loadXsd(schemaName)).validateString(xml) };
  return {
    validate: (xml) => {
      shared ??= new ValidationWorker(script);
      return shared.validate(schemaName, xml);
    },
  };
}

/** Whether validation runs in the worker thread here (the compiled program) or on the main thread (ts-node). */
export function validatesInWorker(): boolean {
  return workerScript() !== null;
}

/**
 * Stops the validation worker, if one runs, so that its memory goes back to the system: libxml2's
 * WebAssembly memory grows to the largest document validated and never shrinks. A run calls it once its
 * files are finished, before the reports; a later validation starts a new worker.
 */
export async function stopValidationWorker(): Promise<void> {
  const worker = shared;
  shared = null;
  await worker?.stop();
}
