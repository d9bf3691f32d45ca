/**
 * Table rows parked on disk between the pass over decisions.jsonl and the writing of the workbooks:
 * a report sees every person once, but a streaming workbook writes one sheet after the other, so the
 * rows of every sheet but the one being written wait in a spool file, one JSON array of cell inputs
 * (see {@link cellInputs}) a line, in a temporary folder of their own.
 *
 * Lines are collected, as UTF-8 bytes, in one buffer of fixed size shared by all files of the spool;
 * when it is full, the files with the most bytes waiting get them appended, and the rest is moved to
 * the front. So memory grows neither with the number of rows nor with the number of files (a spool of
 * the board workbooks has three files per school board), the lines waiting are no objects for the
 * garbage collector to carry, no file stays open, and a file is not opened for a line or two.
 * The folder is created when the first lines are written out, and removed by {@link RowSpool.remove}.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type CellInput, type ColumnDefinition, cellInputs, TableSheet, type StreamingWorkbook } from "./excel-cells";

/** 1 MiB of lines waiting at most; a flush writes out the larger half of them. */
const DEFAULT_LIMIT_BYTES = 1 << 20;

/** The lines waiting for one file: [start, end) ranges in the buffer, in order. */
interface Waiting {
  readonly ranges: number[];
  bytes: number;
}

export class RowSpool {
  private buffer: Buffer;
  /** Where waiting lines are moved to when the buffer is compacted; then the two change places. */
  private spare: Buffer;
  private used = 0;
  private readonly pending = new Map<string, Waiting>();
  /** Created with the first lines written out: a spool that receives no rows leaves nothing on disk. */
  private dir: string | null = null;

  /** A spool whose folder will be `<parentDir>/<prefix>XXXXXX`. */
  constructor(
    private readonly parentDir: string,
    private readonly prefix: string,
    limitBytes = DEFAULT_LIMIT_BYTES,
  ) {
    this.buffer = Buffer.allocUnsafe(limitBytes);
    this.spare = Buffer.allocUnsafe(limitBytes);
  }

  /** Parks one row of a table, as its cell inputs, in the spool file `file`. */
  async add<Row>(file: string, columns: readonly ColumnDefinition<Row>[], row: Row): Promise<void> {
    const line = `${JSON.stringify(cellInputs(columns, row))}\n`;
    const bytes = Buffer.byteLength(line, "utf8");
    if (this.used + bytes > this.buffer.length) await this.flush(this.buffer.length / 2);
    if (this.used + bytes > this.buffer.length) {
      // A line longer than half the buffer: everything out first, so that the lines keep their order.
      await this.flush();
      await appendFile(join(this.folder(), file), line, "utf8");
      return;
    }
    this.buffer.write(line, this.used, bytes, "utf8");
    let waiting = this.pending.get(file);
    if (!waiting) this.pending.set(file, (waiting = { ranges: [], bytes: 0 }));
    waiting.ranges.push(this.used, this.used + bytes);
    waiting.bytes += bytes;
    this.used += bytes;
  }

  /**
   * Appends waiting lines to their files, the files with the most first, until no more than
   * `keepBytes` wait (by default none), and moves what still waits to the front of the buffer.
   */
  async flush(keepBytes = 0): Promise<void> {
    if (this.pending.size === 0) return;
    const dir = this.folder();
    let waitingBytes = this.used;
    for (const [file, waiting] of [...this.pending].sort((a, b) => b[1].bytes - a[1].bytes)) {
      if (waitingBytes <= keepBytes) break;
      const slices: Buffer[] = [];
      for (let i = 0; i < waiting.ranges.length; i += 2) slices.push(this.buffer.subarray(waiting.ranges[i], waiting.ranges[i + 1]));
      await appendFile(join(dir, file), Buffer.concat(slices, waiting.bytes));
      this.pending.delete(file);
      waitingBytes -= waiting.bytes;
    }
    let used = 0;
    for (const waiting of this.pending.values()) {
      for (let i = 0; i < waiting.ranges.length; i += 2) {
        const [start, end] = [waiting.ranges[i], waiting.ranges[i + 1]];
        this.buffer.copy(this.spare, used, start, end);
        waiting.ranges[i] = used;
        waiting.ranges[i + 1] = used += end - start;
      }
    }
    [this.buffer, this.spare] = [this.spare, this.buffer];
    this.used = used;
  }

  private folder(): string {
    if (this.dir === null) {
      mkdirSync(this.parentDir, { recursive: true });
      this.dir = mkdtempSync(join(this.parentDir, this.prefix));
    }
    return this.dir;
  }

  /**
   * Writes the rows of spool file `file` to a new sheet of `workbook`, in the order they were added,
   * and closes the sheet; returns its row count. Call {@link flush} once all rows are in.
   */
  async writeSheet<Row>(workbook: StreamingWorkbook, name: string, columns: readonly ColumnDefinition<Row>[], file: string): Promise<number> {
    const sheet = new TableSheet<Row>(workbook, name, columns);
    if (this.pending.size > 0) throw new Error("RowSpool.writeSheet before flush: rows would be missing");
    const path = this.dir === null ? null : join(this.dir, file);
    if (path !== null && existsSync(path)) {
      const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
      for await (const line of lines) if (line !== "") await sheet.addCells(JSON.parse(line) as CellInput[]);
    }
    return sheet.close();
  }

  /** Removes the spool's folder and files (also when something failed). */
  remove(): void {
    this.pending.clear();
    this.used = 0;
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
