/**
 * The building blocks every report workbook shares: text that cannot turn into a formula, amounts in
 * euros and dates as real Excel values with their formats, and a table sheet written through
 * exceljs's streaming writer (header row in bold, frozen, with an autofilter and column widths).
 *
 * Streaming rules that the writers follow: rows are committed one by one as they are added, and a
 * workbook's sheets are written one after the other (each sheet is closed before the next one is
 * opened), because exceljs queues every open sheet's XML in memory until the zip reaches it.
 * Cells of the same number format share one style object (see {@link styleOf}).
 */
import { unreachable } from "../src/domain/unreachable";
import { existsSync, rmSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import ExcelJS from "exceljs";
import type { CalendarDate } from "../src/domain/calendar-date";
import type { Cents } from "../src/domain/money";
import { publishFile, temporaryPathFor } from "../src/files/atomic-file";
import { createPrivateWriteStream } from "../src/files/file-modes";

export type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** Euros with two decimals and the currency after the amount; Excel's locale picks the separators. */
export const EURO_FORMAT = '#,##0.00 "EUR"';
export const DATE_FORMAT = "yyyy-mm-dd";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
export const PERCENT_FORMAT = "0.0%";
export const INTEGER_FORMAT = "0";
export const HUNDREDTHS_FORMAT = "0.00";
/** Hours with two decimals and the unit: "19,50 u" in a Dutch Excel (its locale writes the decimal mark). */
export const HOURS_FORMAT = '0.00" u"';

/** The first characters with which a spreadsheet (or a CSV export of it) starts a formula or a command. */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * Neutralises spreadsheet formula injection: a text that begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading apostrophe, so that it stays text wherever it is opened or pasted.
 */
export function safeText(value: string, options: { keepPlainNumbers?: boolean } = {}): string {
  if (value.length === 0 || !FORMULA_TRIGGERS.has(value[0])) return value;
  // In a CSV a plain number such as "-5,00" is a value, not a formula: it may stay as it is.
  return options.keepPlainNumbers && PLAIN_NUMBER.test(value) ? value : `'${value}`;
}

const PLAIN_NUMBER = /^-?\d+(?:[,.]\d+)?$/;

/** The most characters an Excel cell holds. */
export const EXCEL_CELL_LIMIT = 32_767;

/** What ends a text cut to fit a cell, with the length of the whole text. */
export function cutMark(length: number): string {
  return `… [cut: ${length} characters in all]`;
}

/**
 * A text as a workbook cell holds it: through {@link safeText}, and, when longer than the 32,767
 * characters an Excel cell can hold, cut so that the text and a visible mark giving the whole text's
 * length fit; never between the two halves of a surrogate pair.
 * The complete text stays where the cell's value came from (decisions.jsonl, the CSV lists).
 */
export function cellText(value: string): string {
  const text = safeText(value);
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  const mark = cutMark(value.length);
  let end = EXCEL_CELL_LIMIT - mark.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + mark;
}

/** Cents as a number of euros for a euro-formatted cell (97738 -> 977.38). */
/** A cell of kind "euro" holds cents: shown as euros. */
export function euros(cents: Cents | number): number {
  return cents / 100;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?/;

/** A calendar date as an Excel date: UTC midnight of that day, so that no time zone moves it. */
/** A date cell from its text (a CalendarDate, or any text checked here). */
export function excelDate(date: CalendarDate | string): Date {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date YYYY-MM-DD: "${date}"`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/**
 * A timestamp as the wall-clock time written in it ("2017-12-15 16:00:00", or ISO with an offset
 * such as "2026-11-24T23:28:20.785+01:00" -> 23:28:20): the offset is dropped, never applied, so the
 * sheet shows the same time as the run summary.
 */
export function excelDateTime(text: string): Date {
  const m = WALL_CLOCK.exec(text);
  if (!m) throw new RangeError(`not a date and time YYYY-MM-DD HH:MM[:SS]: "${text}"`);
  const [, year, month, day, hour, minute, second, millis] = m;
  return new Date(
    Date.UTC(
      Number(year),
      Number(month) - 1,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second ?? 0),
      Number((millis ?? "0").padEnd(3, "0")),
    ),
  );
}

/** A fraction in hundredths as the staff know it: 1600/3200 -> "16/32", 1250/2400 -> "12.5/24". */
export { fractionText } from "../src/domain/fraction-text";

/**
 * How a column turns a value into a cell:
 * - `text`: a string, through {@link cellText} (formula-safe, cut to fit a cell);
 * - `integer`: a whole number (ids, counts, Q and S);
 * - `euro`: cents, written as euros with {@link EURO_FORMAT};
 * - `date`: a calendar date `YYYY-MM-DD`; `dateTime`: a timestamp (see {@link excelDateTime});
 * - `percent`: per mille (813 -> 81.3 %);
 * - `auto`: a key/value column: text, a number, or `{ dateTime }` for a timestamp.
 */
/** `hundredths`: hours or days kept x 100 (1950), shown as 19.50; `hours`: hours kept x 100 (1950), shown as 19.50 u ({@link HOURS_FORMAT}). */
export type CellKind = "text" | "integer" | "euro" | "date" | "dateTime" | "percent" | "hundredths" | "hours" | "auto";

export type AutoValue = string | number | { readonly dateTime: string };

export type CellInput = string | number | { readonly dateTime: string } | null | undefined;

export interface ColumnDefinition<Row> {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly kind: CellKind;
  readonly value: (row: Row) => CellInput;
}

const FORMAT_OF: Partial<Record<CellKind, string>> = {
  integer: INTEGER_FORMAT,
  euro: EURO_FORMAT,
  date: DATE_FORMAT,
  dateTime: DATE_TIME_FORMAT,
  percent: PERCENT_FORMAT,
  hours: HOURS_FORMAT,
};

/** The cell value and number format of one input in a column of the given kind. */
function cellOf(kind: CellKind, input: CellInput): { value: string | number | Date | null; numFmt?: string } {
  if (input === null || input === undefined) return { value: null };
  if (typeof input === "object") return { value: excelDateTime(input.dateTime), numFmt: DATE_TIME_FORMAT };
  if (typeof input === "string") {
    if (kind === "date") return { value: excelDate(input), numFmt: DATE_FORMAT };
    if (kind === "dateTime") return { value: excelDateTime(input), numFmt: DATE_TIME_FORMAT };
    return { value: cellText(input) };
  }
  switch (kind) {
    case "euro":
      return { value: euros(input), numFmt: EURO_FORMAT };
    case "percent":
      return { value: input / 1000, numFmt: PERCENT_FORMAT };
    case "hundredths":
      return { value: input / 100, numFmt: HUNDREDTHS_FORMAT };
    case "hours":
      return { value: input / 100, numFmt: HOURS_FORMAT };
    case "text":
      return { value: cellText(String(input)) };
    case "integer":
    case "date":
    case "dateTime":
    case "auto":
      return { value: input, numFmt: FORMAT_OF[kind] };
    default:
      return unreachable(kind, "cell kind");
  }
}

/**
 * One input of a column of the given kind as CSV text, as the cell shows it: euros with two decimals
 * (a point), dates and timestamps as written, percentages from per mille, hundredths and hours as decimals.
 */
export function csvText(kind: CellKind, input: CellInput): string {
  if (input === null || input === undefined) return "";
  if (typeof input === "object") return input.dateTime;
  if (typeof input === "string") return input;
  switch (kind) {
    case "euro":
      return (input / 100).toFixed(2);
    case "percent":
      return `${(input / 10).toFixed(1)}%`;
    case "hundredths":
    case "hours":
      // Without the unit, so that a CSV reader takes it for the number it is (as euros go without "EUR").
      return (input / 100).toFixed(2);
    case "text":
    case "integer":
    case "date":
    case "dateTime":
    case "auto":
      return String(input);
    default:
      return unreachable(kind, "cell kind");
  }
}

/**
 * One style object per number format, shared by every cell that has it: exceljs finds the style id
 * of an object it has seen before in a WeakMap, instead of rendering and hashing each cell's style.
 * Frozen, so that nothing can change the style of every cell at once.
 */
const SHARED_STYLES = new Map<string, Partial<ExcelJS.Style>>();
const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

function styleOf(numFmt: string | undefined): Partial<ExcelJS.Style> {
  if (numFmt === undefined) return PLAIN_STYLE;
  let style = SHARED_STYLES.get(numFmt);
  if (!style) SHARED_STYLES.set(numFmt, (style = Object.freeze({ numFmt })));
  return style;
}

/** A row as the inputs of its cells, in column order: all a sheet needs of it (JSON can hold them). */
export function cellInputs<Row>(columns: readonly ColumnDefinition<Row>[], row: Row): CellInput[] {
  return columns.map((column) => column.value(row));
}

/** Sets cell `column` of `row` to an input of the given kind, with its shared number format; nothing for no value. */
export function fillCell(row: ExcelJS.Row, column: number, kind: CellKind, input: CellInput): void {
  const { value, numFmt } = cellOf(kind, input);
  if (value === null) return;
  const cell = row.getCell(column);
  cell.value = value;
  cell.style = styleOf(numFmt);
}

/** Rows between two turns of the event loop, so that the zip and the file can drain while we write. */
const ROWS_PER_TURN = 250;

/** Excel's column letters: 1 -> A, 27 -> AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A line of a sheet's title block, above its table: the first is the title, in large bold type. */
export type TitleLine = string;

export interface TableSheetOptions {
  /** Lines above the table (a board's name, the month, the run): the header row comes after them and a blank row. */
  readonly title?: readonly TitleLine[];
}

/** Excel's paper size code for A4. */
const A4 = 9;
/** Points a line of wrapped text takes in height (Excel's default row is 15 points). */
const HEADER_LINE_HEIGHT = 15;

/**
 * How every sheet prints: A4 landscape, as wide as the page (as many pages down as it takes), narrow
 * margins, and a table's header row (when it has one) repeated on each page.
 */
export function printSetup(headerRow?: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: A4,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRow === undefined ? {} : { printTitlesRow: `${headerRow}:${headerRow}` }),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

/** The height of a header row whose texts wrap within their columns' widths (so no header overprints the first row). */
export function headerHeight(columns: readonly { readonly header: string; readonly width: number }[]): number {
  return wrappedTextHeight(columns.map((c) => ({ text: c.header, width: c.width })));
}

/**
 * The height a row needs for texts that wrap within their columns' widths, about: spreadsheet programs
 * do not grow a row for wrapped text a program wrote (LibreOffice keeps the default height).
 */
export function wrappedTextHeight(cells: readonly { readonly text: string; readonly width: number }[]): number {
  // A column width is counted in the widest digits; a line of text holds about a quarter more characters.
  const lines = Math.max(1, ...cells.map((c) => Math.ceil(c.text.length / Math.max(1, Math.floor(c.width * 1.25) - 1))));
  return lines * HEADER_LINE_HEIGHT;
}

/**
 * One table on one sheet of a streaming workbook: an optional title block, the header row (bold,
 * wrapped, tall enough, frozen, repeated on every printed page), then one row per {@link add};
 * {@link close} sets the autofilter over the whole table and commits the sheet. Printed A4 landscape,
 * fit to the page's width ({@link printSetup}).
 */
export class TableSheet<Row> {
  private rows = 0;
  private notes = 0;
  private readonly sheet: ExcelJS.Worksheet;
  /** The row number of the header (1 without a title block). */
  private readonly headerRow: number;

  constructor(
    workbook: StreamingWorkbook,
    readonly name: string,
    private readonly columns: readonly ColumnDefinition<Row>[],
    options: TableSheetOptions = {},
  ) {
    const title = options.title ?? [];
    this.headerRow = title.length === 0 ? 1 : title.length + 2;
    const topLeftCell = `A${this.headerRow + 1}`;
    this.sheet = workbook.addWorksheet(name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: this.headerRow, topLeftCell, activeCell: topLeftCell }],
      pageSetup: printSetup(this.headerRow),
    });
    this.sheet.columns = columns.map((column) => ({ width: column.width }));
    title.forEach((line, index) => {
      const row = this.sheet.getRow(index + 1);
      row.getCell(1).value = cellText(line);
      row.getCell(1).font = index === 0 ? { bold: true, size: 14 } : { bold: false };
      row.commit();
    });
    const header = this.sheet.getRow(this.headerRow);
    header.height = headerHeight(columns);
    columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = cellText(column.header);
      cell.font = { bold: true };
      cell.alignment = { vertical: "top", wrapText: true };
    });
    header.commit();
  }

  /** Rows written so far, the header excluded. */
  get rowCount(): number {
    return this.rows;
  }

  add(row: Row): Promise<void> {
    return this.addCells(cellInputs(this.columns, row));
  }

  /** Adds a row given as its cell inputs, in column order (see {@link cellInputs}). */
  async addCells(inputs: readonly CellInput[]): Promise<void> {
    const excelRow = this.sheet.getRow(this.headerRow + 1 + this.rows);
    for (let index = 0; index < this.columns.length; index++) fillCell(excelRow, index + 1, this.columns[index].kind, inputs[index]);
    excelRow.commit();
    this.rows++;
    if (this.rows % ROWS_PER_TURN === 0) await nextTurn();
  }

  /** A line of text in the first column, after the table's rows (not counted as a row, outside the autofilter). */
  addNote(text: string): void {
    const row = this.sheet.getRow(this.headerRow + 1 + this.rows + this.notes);
    const cell = row.getCell(1);
    cell.value = cellText(text);
    cell.font = { italic: true };
    row.commit();
    this.notes++;
  }

  /** Commits the sheet; returns its row count (header excluded). */
  close(): number {
    this.sheet.autoFilter = `A${this.headerRow}:${columnLetter(this.columns.length)}${this.headerRow + this.rows}`;
    this.sheet.commit();
    return this.rows;
  }
}

/**
 * Writes a workbook with exceljs's streaming writer to exactly `path` (normally a temporary name);
 * on failure (of the build or of the file) the file is removed.
 */
export async function writeWorkbookFile<T>(path: string, build: (workbook: StreamingWorkbook) => Promise<T>): Promise<T> {
  const output = createPrivateWriteStream(path);
  // A failing file (disk full ...) must end the wait for the workbook, not leave it hanging.
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  output.on("error", (error) => fail(error));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "edu-easr";
  try {
    const result = await Promise.race([build(workbook), failed]);
    await Promise.race([workbook.commit(), failed]);
    return result;
  } catch (error) {
    output.destroy();
    rmSync(path, { force: true });
    throw error;
  }
}

/**
 * Writes a workbook with exceljs's streaming writer to a temporary name next to `finalPath` and
 * renames it when complete, never over an existing file; on failure (of the build or of the file)
 * the temporary file is removed and nothing appears under the final name.
 */
export async function writeWorkbookAtomically<T>(finalPath: string, build: (workbook: StreamingWorkbook) => Promise<T>): Promise<T> {
  // Like every published file, a workbook is never written over an existing one (publishFile checks again).
  if (existsSync(finalPath)) throw new Error(`${finalPath} exists already: refusing to overwrite it`);
  const temporary = temporaryPathFor(finalPath);
  const result = await writeWorkbookFile(temporary, build);
  try {
    publishFile(temporary, finalPath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return result;
}
