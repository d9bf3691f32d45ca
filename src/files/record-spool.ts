/**
 * A spool of plain records on disk, one JSON line each: what a run must keep until its end (the
 * declarations of a file, the decisions to remember) without holding the month in memory. Written
 * through a buffered stream, read back as a stream, removed by its owner.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { FileSink } from "./file-sink";

export class RecordSpool<T> {
  private readonly sink: FileSink;
  private written = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.sink = new FileSink(path);
  }

  get count(): number {
    return this.written;
  }

  async append(record: T): Promise<void> {
    this.written++;
    await this.sink.write(`${JSON.stringify(record)}\n`);
  }

  /** Ends writing; the spool can then be read. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sink.end();
  }

  /** Every record in the order appended (closes the spool for writing first). */
  async *records(): AsyncGenerator<T> {
    await this.close();
    if (this.written === 0) return;
    const lines = createInterface({ input: createReadStream(this.path, { encoding: "utf8" }), crlfDelay: Infinity });
    for await (const line of lines) if (line !== "") yield JSON.parse(line) as T;
  }
}
