/** Reads a written workbook back as tables: each sheet's header row and data rows, for the report tests. */
import { expect } from "chai";
import ExcelJS from "exceljs";

export type CellValue = ExcelJS.CellValue;

export interface SheetTable {
  /** The lines above the table (its title block), empty when the header is the first row. */
  readonly title: string[];
  readonly headers: string[];
  readonly rows: CellValue[][];
  readonly sheet: ExcelJS.Worksheet;
}

export async function readWorkbook(path: string): Promise<Map<string, SheetTable>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const tables = new Map<string, SheetTable>();
  for (const sheet of workbook.worksheets) {
    const all: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      all[number - 1] = Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value);
    });
    // The header is the last frozen row (TableSheet freezes the title block and the header).
    const view = sheet.views?.[0] as { ySplit?: number } | undefined;
    const headerIndex = Math.max(0, (view?.ySplit ?? 1) - 1);
    const title = all.slice(0, headerIndex).flatMap((row) => (row && row[0] !== null && row[0] !== undefined ? [String(row[0])] : []));
    const headers = all[headerIndex] ?? [];
    const rows = all.slice(headerIndex + 1);
    tables.set(sheet.name, { title, headers: headers.map(String), rows: rows.filter((row) => row !== undefined), sheet });
  }
  return tables;
}

/** The values of one column, by header. */
export function column(table: SheetTable, header: string): CellValue[] {
  const index = table.headers.indexOf(header);
  expect(index, `column "${header}" in [${table.headers.join(", ")}]`).to.be.at.least(0);
  return table.rows.map((row) => row[index]);
}

/** The rows as objects keyed by header. */
export function records(table: SheetTable): Record<string, CellValue>[] {
  return table.rows.map((row) => Object.fromEntries(table.headers.map((header, index) => [header, row[index]])));
}

/** A small table of a sheet of blocks (the operator workbook's overview): its header and rows as records. */
export interface Block {
  readonly headers: string[];
  readonly records: Record<string, CellValue>[];
  /** A block without a header (notes, or the line said when a block has no rows): its lines. */
  readonly lines: string[];
}

/**
 * The blocks of a sheet of small tables, by title: a block is a run of non-empty rows after a blank
 * one, its title first, then a header row (filled) and its rows. The lines before the first blank row
 * (the sheet's title) are not a block.
 */
export function sheetBlocks(sheet: ExcelJS.Worksheet): Map<string, Block> {
  const groups: ExcelJS.Row[][] = [[]];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const empty = !row.hasValues;
    if (empty) groups.push([]);
    else groups[groups.length - 1].push(row);
  }
  const blocks = new Map<string, Block>();
  for (const [titleRow, ...rest] of groups.slice(1).filter((group) => group.length > 0)) {
    const width = sheet.columnCount;
    const values = (row: ExcelJS.Row) => Array.from({ length: width }, (_, index) => row.getCell(index + 1).value);
    const hasHeader = rest.length > 0 && rest[0].getCell(1).fill?.type === "pattern";
    const headers = hasHeader ? values(rest[0]).map((v) => (v === null || v === undefined ? "" : String(v))) : [];
    const data = hasHeader ? rest.slice(1) : rest;
    blocks.set(String(titleRow.getCell(1).value), {
      headers,
      records: hasHeader ? data.map((row) => Object.fromEntries(values(row).flatMap((v, i) => (headers[i] ? [[headers[i], v]] : [])))) : [],
      lines: hasHeader ? [] : data.map((row) => String(row.getCell(1).value)),
    });
  }
  return blocks;
}
