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
    const view = sheet.views[0] as { ySplit?: number } | undefined;
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
