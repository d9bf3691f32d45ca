/**
 * A sheet of small tables one under the other (the operator workbook's first sheet): each block has a
 * title, a header row and its rows, with a blank row after it. The sheet's column widths are fixed for
 * all blocks, so each block picks its columns to fit them. Streamed like every sheet: rows are committed
 * as they are written. Printed A4 landscape, fit to the page's width.
 */
import type ExcelJS from "exceljs";
import {
  type CellInput,
  type CellKind,
  cellText,
  fillCell,
  headerHeight,
  printSetup,
  type StreamingWorkbook,
  wrappedTextHeight,
} from "./excel-cells";

export interface BlockColumn<Row> {
  readonly header: string;
  readonly kind: CellKind;
  readonly value: (row: Row) => CellInput;
  /** The sheet columns the column covers, merged (1 by default): a long text gets the room of several. */
  readonly span?: number;
  /** Left-aligned whatever the kind (a key/value block's dates and numbers stand under its texts). */
  readonly left?: boolean;
}

export interface Block<Row> {
  readonly title: string;
  readonly columns: readonly BlockColumn<Row>[];
  readonly rows: readonly Row[];
  /** The line shown instead of the table when it has no rows (the table is left out). */
  readonly whenEmpty?: string;
  /** Rows shown in bold, such as a total. */
  readonly bold?: (row: Row) => boolean;
}

/** Where a block's column sits on the sheet: its first sheet column (1-based), its last, its width in characters. */
interface Placement {
  readonly first: number;
  readonly last: number;
  readonly width: number;
}

/** A text cell's text, for the height of its row; "" for other kinds (they do not wrap). */
function textOf<Row>(column: BlockColumn<Row>, row: Row): string {
  const value = column.kind === "text" ? column.value(row) : null;
  return typeof value === "string" ? value : "";
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
const TOP: Partial<ExcelJS.Alignment> = { vertical: "top" };
const TOP_LEFT: Partial<ExcelJS.Alignment> = { vertical: "top", horizontal: "left" };
const WRAPPED: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };

export class BlockSheet {
  private next = 1;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(
    workbook: StreamingWorkbook,
    name: string,
    private readonly widths: readonly number[],
    title: readonly string[],
  ) {
    this.sheet = workbook.addWorksheet(name, { pageSetup: printSetup() });
    this.sheet.columns = widths.map((width) => ({ width }));
    title.forEach((line, index) => this.line(line, index === 0 ? { bold: true, size: 14 } : { size: 11 }));
    this.next++;
  }

  /** Writes one block: its title, its header and rows (or the line for no rows), then a blank row. */
  add<Row>(block: Block<Row>): void {
    this.line(block.title, { bold: true, size: 12 });
    if (block.rows.length === 0) this.line(block.whenEmpty ?? "—", { italic: true });
    else {
      const placements = this.placements(block.columns);
      // A block of lines (notes) has no header.
      if (block.columns.some((column) => column.header !== "")) this.header(block.columns, placements);
      for (const row of block.rows) this.row(block, placements, row);
    }
    this.next++;
  }

  close(): void {
    this.sheet.commit();
  }

  private placements<Row>(columns: readonly BlockColumn<Row>[]): Placement[] {
    let first = 1;
    return columns.map((column) => {
      const last = first + (column.span ?? 1) - 1;
      let width = 0;
      for (let c = first; c <= last; c++) width += this.widths[c - 1] ?? 10;
      const placement = { first, last, width };
      first = last + 1;
      return placement;
    });
  }

  private header<Row>(columns: readonly BlockColumn<Row>[], placements: readonly Placement[]): void {
    const number = this.next++;
    const header = this.sheet.getRow(number);
    header.height = headerHeight(columns.map((c, i) => ({ header: c.header, width: placements[i].width })));
    columns.forEach((column, index) => {
      const cell = header.getCell(placements[index].first);
      cell.value = cellText(column.header);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = WRAPPED;
    });
    this.merge(number, placements);
    header.commit();
  }

  private row<Row>(block: Block<Row>, placements: readonly Placement[], row: Row): void {
    const number = this.next++;
    const excelRow = this.sheet.getRow(number);
    block.columns.forEach((column, index) => fillCell(excelRow, placements[index].first, column.kind, column.value(row)));
    const bold = block.bold?.(row) === true;
    // Cells share one frozen style per format: the cells of a block get a copy, aligned to the top, texts wrapped.
    block.columns.forEach((column, index) => {
      const cell = excelRow.getCell(placements[index].first);
      if (cell.value === null) return;
      const alignment = column.kind === "text" ? WRAPPED : column.left ? TOP_LEFT : TOP;
      cell.style = { ...cell.style, alignment, ...(bold ? { font: { bold: true } } : {}) };
    });
    excelRow.height = wrappedTextHeight(
      block.columns.map((column, index) => ({ text: textOf(column, row), width: placements[index].width })),
    );
    this.merge(number, placements);
    excelRow.commit();
  }

  private merge(row: number, placements: readonly Placement[]): void {
    for (const p of placements) if (p.last > p.first) this.sheet.mergeCells(row, p.first, row, p.last);
  }

  private line(text: string, font: Partial<ExcelJS.Font>): void {
    const row = this.sheet.getRow(this.next++);
    const cell = row.getCell(1);
    cell.value = cellText(text);
    cell.font = font;
    row.commit();
  }
}
