/**
 * The sheet "Maand per maand" of a streaming workbook (the operator workbook): per month compared, the
 * forms declared per form type and the gross they declare, with the totals, and below the table the
 * chart (month-chart.ts) as a picture. Printed like the other sheets: A4 landscape, as wide as the page.
 *
 * A month without a run says so ("geen run") and has no figures; a figure the run's stored summary does
 * not give is "onbekend" and left out of the total, which a note under the table names.
 */
import type ExcelJS from "exceljs";
import { unreachable } from "../src/domain/unreachable";
import { FORM_TYPES, type FormType } from "../src/rules/decision-types";
import { carriesGross, type GrossFormType } from "../src/run-record";
import { cellText, EURO_FORMAT, euros, headerHeight, INTEGER_FORMAT, printSetup, type StreamingWorkbook } from "./excel-cells";
import { declaredInMonth, declaredTotal, grossTotal, type MonthOverMonth, type MonthRun, type WindowTotal } from "./month-over-month";
import { addPictureToStreamingSheet, type PicturePlace } from "./streaming-sheet-image";

export const MONTH_OVER_MONTH_SHEET = "Maand per maand";

/** A PNG's size (its IHDR: width and height at bytes 16 and 20) at three quarters. */
function threeQuartersOf(png: Buffer): { width: number; height: number } {
  return { width: Math.round(png.readUInt32BE(16) * 0.75), height: Math.round(png.readUInt32BE(20) * 0.75) };
}

export interface MonthOverMonthSheetOptions {
  /** The sheet's name (default "Maand per maand"). */
  readonly name?: string;
}

/** Where things went on the sheet (1-based rows), for the caller and the tests. */
export interface MonthOverMonthSheetLayout {
  readonly headerRow: number;
  readonly firstMonthRow: number;
  readonly totalRow: number;
  /** The chart's place: its top left cell (0-based, as in the drawing) and size. */
  readonly chart: PicturePlace;
}

type Column =
  | { readonly kind: "month" }
  | { readonly kind: "run" }
  | { readonly kind: "declared"; readonly formType: FormType }
  | { readonly kind: "gross"; readonly formType: GrossFormType }
  | { readonly kind: "all" };

/** Month, run, then per form type its declared forms (and its gross after them), then all forms. */
const MONTH_OVER_MONTH_COLUMNS: readonly Column[] = [
  { kind: "month" },
  { kind: "run" },
  ...FORM_TYPES.flatMap((formType): Column[] =>
    carriesGross(formType)
      ? [
          { kind: "declared", formType },
          { kind: "gross", formType },
        ]
      : [{ kind: "declared", formType }],
  ),
  { kind: "all" },
];

function headerOf(column: Column): { header: string; width: number } {
  switch (column.kind) {
    case "month":
      return { header: "Maand", width: 10 };
    case "run":
      return { header: "Run", width: 8 };
    case "declared":
      return { header: `${column.formType} aangegeven`, width: 11 };
    case "gross":
      return { header: `${column.formType} bruto eerste aangiften (EUR)`, width: 18 };
    case "all":
      return { header: "Alle formulieren", width: 11 };
    default:
      return unreachable(column, "month-over-month column");
  }
}

const UNKNOWN = "onbekend";

type Cell = { readonly value: string | number; readonly numFmt?: string } | null;

function count(value: number | null | undefined): Cell {
  return value === null || value === undefined ? { value: UNKNOWN } : { value, numFmt: INTEGER_FORMAT };
}

function amount(cents: number | null | undefined): Cell {
  return cents === null || cents === undefined ? { value: UNKNOWN } : { value: euros(cents), numFmt: EURO_FORMAT };
}

/** A month's cell of a column; a month without a run has only its month and "geen run". */
function monthCell(column: Column, month: string, run: MonthRun | null): Cell {
  if (column.kind === "month") return { value: month };
  if (run === null) return column.kind === "run" ? { value: "geen run" } : null;
  switch (column.kind) {
    case "run":
      return { value: run.runId, numFmt: INTEGER_FORMAT };
    case "declared":
      return count(run.forms[column.formType]?.declared);
    case "gross":
      return amount(run.forms[column.formType]?.originalsGross);
    case "all":
      return count(declaredInMonth(run));
    default:
      return unreachable(column, "month-over-month column");
  }
}

/** The total row's cell of a column: the known values added up. */
function totalCell(column: Column, data: MonthOverMonth): Cell {
  switch (column.kind) {
    case "month":
      return { value: "Totaal" };
    case "run":
      return null;
    case "declared":
      return count(declaredTotal(data, column.formType).known);
    case "gross":
      return amount(grossTotal(data, column.formType).known);
    case "all":
      return count(FORM_TYPES.reduce((sum, formType) => sum + declaredTotal(data, formType).known, 0));
    default:
      return unreachable(column, "month-over-month column");
  }
}

/** The notes under the table: per column with unknown figures, the months they are missing from. */
function unknownNotes(data: MonthOverMonth): string[] {
  const notes: string[] = [];
  const note = (what: string, total: WindowTotal<number>): void => {
    if (total.unknownMonths.length > 0)
      notes.push(`${what}: ${UNKNOWN} in ${total.unknownMonths.join(", ")} (niet in de samenvatting van die run), niet in het totaal.`);
  };
  for (const column of MONTH_OVER_MONTH_COLUMNS) {
    if (column.kind === "declared") note(`${column.formType} aangegeven`, declaredTotal(data, column.formType));
    if (column.kind === "gross") note(`${column.formType} bruto`, grossTotal(data, column.formType));
  }
  return notes;
}

function writeRow(sheet: ExcelJS.Worksheet, rowNumber: number, cells: readonly Cell[], font?: Partial<ExcelJS.Font>): void {
  const row = sheet.getRow(rowNumber);
  cells.forEach((cell, index) => {
    if (cell === null) return;
    const target = row.getCell(index + 1);
    target.value = typeof cell.value === "string" ? cellText(cell.value) : cell.value;
    if (cell.numFmt) target.numFmt = cell.numFmt;
    if (font) target.font = font;
  });
  row.commit();
}

/**
 * Adds the sheet to `workbook` and commits it: the table of `data`, then `png` (the chart of `data`, from
 * renderMonthChart) below it. Like every sheet of a streaming workbook, it is written whole here: call it
 * when no other sheet of the workbook is open.
 */
export function writeMonthOverMonthSheet(
  workbook: StreamingWorkbook,
  data: MonthOverMonth,
  png: Buffer,
  options: MonthOverMonthSheetOptions = {},
): MonthOverMonthSheetLayout {
  const headers = MONTH_OVER_MONTH_COLUMNS.map(headerOf);
  const headerRow = 4;
  const sheet = workbook.addWorksheet(options.name ?? MONTH_OVER_MONTH_SHEET, { pageSetup: printSetup(headerRow) });
  sheet.columns = headers.map(({ width }) => ({ width }));
  const first = data.months[0]?.month ?? data.runMonth;
  writeRow(sheet, 1, [{ value: MONTH_OVER_MONTH_SHEET }], { bold: true, size: 14 });
  writeRow(sheet, 2, [
    {
      value:
        `Omgeving ${data.environment}, ${first} tot en met ${data.runMonth}: per maand de formulieren die haar voltooide runs ` +
        "samen aangaven (wijzigingen en annuleringen inbegrepen) en het bruto van de eerste aangiften (niet van de wijzigingen); Run: de laatste run van de maand.",
    },
  ]);
  const header = sheet.getRow(headerRow);
  header.height = headerHeight(headers);
  headers.forEach(({ header: text }, index) => {
    const cell = header.getCell(index + 1);
    cell.value = cellText(text);
    cell.font = { bold: true };
    cell.alignment = { vertical: "top", wrapText: true };
  });
  header.commit();
  const firstMonthRow = headerRow + 1;
  data.months.forEach(({ month, run }, index) =>
    writeRow(
      sheet,
      firstMonthRow + index,
      MONTH_OVER_MONTH_COLUMNS.map((column) => monthCell(column, month, run)),
    ),
  );
  const totalRow = firstMonthRow + data.months.length;
  writeRow(
    sheet,
    totalRow,
    MONTH_OVER_MONTH_COLUMNS.map((column) => totalCell(column, data)),
    { bold: true },
  );
  const notes = unknownNotes(data);
  notes.forEach((text, index) => writeRow(sheet, totalRow + 1 + index, [{ value: text }], { italic: true }));
  // One blank row between the table (and its notes) and the chart; the drawing counts rows from 0.
  // The PNG at three quarters of its size: sharper on paper.
  const chart: PicturePlace = { col: 0, row: totalRow + notes.length + 1, ...threeQuartersOf(png) };
  addPictureToStreamingSheet(workbook, sheet, png, chart);
  sheet.commit();
  return { headerRow, firstMonthRow, totalRow, chart };
}
