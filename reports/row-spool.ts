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
import { createReadStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { appendFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { publishFile, temporaryPathFor } from "../src/files/atomic-file";
import { createPrivateWriteStream, makeDirectory } from "../src/files/file-modes";
import { UTF8_BOM, csvRow } from "./csv";
import { createInterface } from "node:readline";
import {
  type CellInput,
  type ColumnDefinition,
  cellInputs,
  csvText,
  TableSheet,
  type StreamingWorkbook,
  type TableSheetOptions,
} from "./excel-cells";

/** 1 MiB of lines waiting at most; a flush writes out the larger half of them. */
const DEFAULT_LIMIT_BYTES = 1 << 20;

/** The lines waiting for one file: [start, end) ranges in the buffer, in order. */
interface Waiting {
  readonly ranges: number[];
  bytes: number;
}

/**
 * A sheet too long for a workbook: the sheet keeps its first `maxRows` rows and a note, the complete
 * list goes to a CSV file beside the workbook (a streaming workbook holds all its XML in memory until it
 * is committed, and Excel takes 1,048,576 rows a sheet at most).
 */
export interface SheetOverflow {
  readonly maxRows: number;
  readonly csvPath: string;
  /** The note under the rows kept: how many more, of how many, in which file. */
  readonly note: (more: number, total: number, csvName: string) => string;
}

/** How a sheet is written from its spool file: its title block, and which of the spooled columns it shows. */
export interface SpooledSheetOptions extends TableSheetOptions {
  /**
   * Leaves out of the sheet (and of its overflow CSV) every column that no row spooled to its file has a
   * value in — known only once every row is spooled. A sheet without rows keeps them all: its header says
   * what it would hold.
   */
  readonly dropEmptyColumns?: boolean;
}

async function* spoolLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield line;
}

async function countLines(path: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
  }
  return count;
}

export class RowSpool {
  private buffer: Buffer;
  /** Where waiting lines are moved to when the buffer is compacted; then the two change places. */
  private spare: Buffer;
  private used = 0;
  private readonly pending = new Map<string, Waiting>();
  /** Created with the first lines written out: a spool that receives no rows leaves nothing on disk. */
  private dir: string | null = null;
  /** Per spool file, which columns have a value in at least one row. */
  private readonly filled = new Map<string, boolean[]>();

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
    const inputs = cellInputs(columns, row);
    this.noteFilled(file, inputs);
    const line = `${JSON.stringify(inputs)}\n`;
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
      makeDirectory(this.parentDir);
      // mkdtemp makes a folder only its owner can enter (0700): the spool files in it need no mode of their own.
      this.dir = mkdtempSync(join(this.parentDir, this.prefix));
    }
    return this.dir;
  }

  private noteFilled(file: string, inputs: readonly CellInput[]): void {
    let filled = this.filled.get(file);
    if (!filled) this.filled.set(file, (filled = inputs.map(() => false)));
    inputs.forEach((input, index) => {
      if (input !== null && input !== undefined && input !== "") filled[index] = true;
    });
  }

  /** The columns (by index) that some row spooled to `file` has a value in, in order; null for a file without rows. */
  private filledColumns(file: string): number[] | null {
    const filled = this.filled.get(file);
    return filled ? filled.flatMap((some, index) => (some ? [index] : [])) : null;
  }

  /**
   * Writes the rows of spool file `file` (spooled with `spooledColumns`) to a new sheet of `workbook`,
   * in the order they were added, and closes the sheet; returns its row count. Call {@link flush} once
   * all rows are in.
   */
  async writeSheet<Row>(
    workbook: StreamingWorkbook,
    name: string,
    spooledColumns: readonly ColumnDefinition<Row>[],
    file: string,
    overflow?: SheetOverflow,
    options?: SpooledSheetOptions,
  ): Promise<number> {
    const kept = options?.dropEmptyColumns ? this.filledColumns(file) : null;
    const columns = kept ? kept.map((index) => spooledColumns[index]) : spooledColumns;
    const inputsOf = (line: string): CellInput[] => {
      const inputs = JSON.parse(line) as CellInput[];
      return kept ? kept.map((index) => inputs[index]) : inputs;
    };
    const sheet = new TableSheet<Row>(workbook, name, columns, options);
    if (this.pending.size > 0) throw new Error("RowSpool.writeSheet before flush: rows would be missing");
    const path = this.dir === null ? null : join(this.dir, file);
    if (path === null || !existsSync(path)) return sheet.close();
    const total = overflow ? await countLines(path) : 0;
    const complete = overflow && total > overflow.maxRows ? await this.writeCsv(path, columns, inputsOf, overflow.csvPath) : null;
    let written = 0;
    for await (const line of spoolLines(path)) {
      if (complete && written === overflow!.maxRows) break;
      await sheet.addCells(inputsOf(line));
      written++;
    }
    if (complete) sheet.addNote(overflow!.note(total - written, total, basename(complete)));
    return sheet.close();
  }

  /** Every row of spool file `path` as CSV (header, then the rows), published under `csvPath` when complete. */
  private async writeCsv<Row>(
    path: string,
    columns: readonly ColumnDefinition<Row>[],
    inputsOf: (line: string) => CellInput[],
    csvPath: string,
  ): Promise<string> {
    const temporary = temporaryPathFor(csvPath);
    const out = createPrivateWriteStream(temporary, { encoding: "utf8" });
    try {
      out.write(UTF8_BOM + csvRow(columns.map((c) => c.header)));
      for await (const line of spoolLines(path)) {
        const inputs = inputsOf(line);
        if (!out.write(csvRow(columns.map((c, i) => csvText(c.kind, inputs[i]))))) await once(out, "drain");
      }
      out.end();
      await once(out, "finish");
      publishFile(temporary, csvPath);
      return csvPath;
    } catch (error) {
      out.destroy();
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  /** Removes the spool's folder and files (also when something failed). */
  remove(): void {
    this.pending.clear();
    this.filled.clear();
    this.used = 0;
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
