/**
 * A spool of plain records on disk, one JSON line each: what a run must keep until its end (the
 * declarations of a file, the decisions to remember) without holding the month in memory. Written
 * through a buffered stream, read back as a stream, removed by its owner.
 */
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";

export class RecordSpool<T> {
  private readonly stream: WriteStream;
  private written = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
  }

  get count(): number {
    return this.written;
  }

  async append(record: T): Promise<void> {
    this.written++;
    if (!this.stream.write(`${JSON.stringify(record)}\n`)) await once(this.stream, "drain");
  }

  /** Ends writing; the spool can then be read. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stream.end();
    await once(this.stream, "close");
  }

  /** Every record in the order appended (closes the spool for writing first). */
  async *records(): AsyncGenerator<T> {
    await this.close();
    if (this.written === 0) return;
    const lines = createInterface({ input: createReadStream(this.path, { encoding: "utf8" }), crlfDelay: Infinity });
    for await (const line of lines) if (line !== "") yield JSON.parse(line) as T;
  }
}
