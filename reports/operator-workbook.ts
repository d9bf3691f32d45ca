/**
 * The operator workbook of one run (`<out>/<YYYY-MM>/report-<YYYY-MM>.xlsx`): what the run declared,
 * what it did not and why, for the payroll operators who check the monthly batch. In Dutch, or in
 * English for the IT team (EASR_REPORT_LANGUAGE=en).
 *
 * Sheets (every one printed A4 landscape, fit to the page's width, its header repeated on each page):
 * - Overzicht (overview-sheet.ts): the run, the month's totals per form type, what to act on, the
 *   totals per agency and level, the reasons in numbers, the files, and the workbook's sheets;
 * - Per schoolbestuur: the totals per school board;
 * - Maand per maand: the forms declared per form type in the last 13 run months, and their chart
 *   (month-over-month-sheet.ts; the chart also beside the workbook as maand-per-maand-<month>.png);
 * - the detail sheets, one table each (frozen header, autofilter, widths, euro and date formats), each
 *   left out when it has no rows (the overview says so):
 *   - Aangegeven: one row per declared form, of every form type;
 *   - ZIMA002 perioden: one row per reference period of every declared ZIMA002 form;
 *   - ZIMA005 vakantie: one row per declared ZIMA005 form;
 *   - Niet aangegeven: one row per not-eligible decision unit, and per not-eligible person without
 *     units, with the reason and its values. Unchanged persons (nothing new since they were last
 *     decided) are not listed: they are counted on the overview;
 *   - Wachtend: one row per unit decided by a later run or by the operator (D26, D17, D27);
 *   - Geweigerd: every decision unit blocked by a record that breaks the contract, and every such record;
 *   - Anomalieën: one row per anomaly social security reported on a form (given by the caller,
 *     normally those ingested since the environment's previous completed run).
 *
 * Memory stays flat whatever the month's size: decisions.jsonl is streamed person by person, once
 * (with the other reports of the run, see person-reports.ts); the totals are kept per group (form type,
 * agency, level, board, see run-totals.ts), the rows of the detail sheets wait in spool files in a
 * temporary folder next to the workbook (`.report-rows-XXXXXX`, see row-spool.ts) until the overview,
 * which comes first, is written; every sheet is written and closed before the next is opened.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { RunSummary } from "../src/run-record";
import { zima002Content, zima005Content } from "../src/run-record/declared-views";
import type { AnomalyReportRow } from "../src/state/anomaly-report-repository";
import type { PersonDecisions } from "./decision-reader";
import { type ColumnDefinition, type StreamingWorkbook, TableSheet, writeWorkbookAtomically } from "./excel-cells";
import type { ReasonFrame } from "./not-eligible-detail";
import {
  ANOMALY_COLUMNS,
  type ColumnContext,
  declaredColumns,
  notEligibleColumns,
  notEligibleRowsOf,
  rejectedColumns,
  waitingColumns,
  zima002PeriodColumns,
  zima005Columns,
} from "./operator/detail-columns";
import { type SheetNames, wordsOf } from "./operator/operator-words";
import { type ListedSheet, writeOverviewSheet } from "./operator/overview-sheet";
import { type BilingualColumn, h, inLanguage, type ReportLanguage, textsOf } from "./operator/report-language";
import { addToTotals, emptyTotals, type GroupTotals, type RunTotals } from "./operator/run-totals";
import type { MonthOverMonth } from "./month-over-month";
import { writeMonthOverMonthSheet } from "./month-over-month-sheet";
import { type PersonReport, writeReport } from "./person-reports";
import { RowSpool, type SheetOverflow } from "./row-spool";

export interface OperatorWorkbookInput {
  readonly summary: RunSummary;
  readonly decisionsPath: string;
  readonly outputPath: string;
  /** The anomalies to list on the Anomalies sheet (none when absent). */
  readonly anomalies?: readonly AnomalyReportRow[];
  /** Rows a detail sheet shows at most before its complete list goes to a CSV (default {@link OPERATOR_SHEET_ROW_LIMIT}). */
  readonly sheetRowLimit?: number;
  /** Dutch unless said otherwise. */
  readonly language?: ReportLanguage;
  /** The "Maand per maand" sheet: the last 13 run months and their chart (none when absent). */
  readonly monthOverMonth?: MonthOverMonthReport;
}

export interface MonthOverMonthReport {
  readonly data: MonthOverMonth;
  /** The chart (month-chart.ts), shown on the sheet. */
  readonly png: Buffer;
}

/** The sheets' names in each language. */
export const OPERATOR_SHEETS: Readonly<Record<ReportLanguage, SheetNames>> = { nl: wordsOf("nl").sheets, en: wordsOf("en").sheets };

/** A detail sheet: the rows each person yields for it, spooled during the pass, written afterwards. */
interface DetailSheet {
  readonly name: string;
  spool(decisions: PersonDecisions, spool: RowSpool): Promise<void>;
  /** Rows spooled so far. */
  readonly rows: () => number;
  write(workbook: StreamingWorkbook, spool: RowSpool): Promise<number>;
}

/**
 * Rows a detail sheet shows at most; a longer list (a first run over months, at national scale) goes
 * complete to a CSV beside the workbook, the sheet keeping its first rows and a note that says where
 * the rest is. Excel takes 1,048,576 rows a sheet, and a streaming workbook holds all its XML in memory
 * until it is committed.
 */
export const OPERATOR_SHEET_ROW_LIMIT = 20_000;

function detailSheet<Row>(
  outputPath: string,
  maxRows: number,
  note: SheetOverflow["note"],
  name: string,
  columns: readonly ColumnDefinition<Row>[],
  rowsOf: (decisions: PersonDecisions) => Row[],
): DetailSheet {
  const file = `${name.replace(/\W+/g, "-")}.jsonl`;
  const overflow: SheetOverflow = {
    maxRows,
    csvPath: overflowCsvPath(outputPath, name),
    note,
  };
  let rows = 0;
  return {
    name,
    rows: () => rows,
    spool: async (decisions, spool) => {
      for (const row of rowsOf(decisions)) {
        await spool.add(file, columns, row);
        rows++;
      }
    },
    // A column without a value in any row says nothing: left out of the sheet and of its CSV.
    write: (workbook, spool) => spool.writeSheet(workbook, name, columns, file, overflow, { dropEmptyColumns: true }),
  };
}

/** `report-2018-03.xlsx` + "Not eligible" → `report-2018-03-not-eligible.csv`, beside the workbook. */
export function overflowCsvPath(workbookPath: string, sheetName: string): string {
  const slug = sheetName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return join(dirname(workbookPath), `${basename(workbookPath, ".xlsx")}-${slug}.csv`);
}

/** The detail sheets in workbook order (after the overview and the boards, before the anomalies). */
function detailSheets(context: ColumnContext, outputPath: string, maxRows: number): DetailSheet[] {
  const { summary, language } = context;
  const names = OPERATOR_SHEETS[language];
  const frame: ReasonFrame = { runMonth: summary.runMonth, cutoffAt: summary.cutoffAt };
  const sheet = <Row>(name: string, columns: BilingualColumn<Row>[], rowsOf: (decisions: PersonDecisions) => Row[]) =>
    detailSheet(outputPath, maxRows, wordsOf(language).overflowNote, name, inLanguage(columns, language), rowsOf);
  return [
    sheet(names.declared, declaredColumns(context), ({ person, units }) =>
      units.flatMap((unit) => (unit.status === "declared" ? [{ person, unit }] : [])),
    ),
    sheet(names.zima002Periods, zima002PeriodColumns(context), ({ person, units }) =>
      units.flatMap((unit) => {
        const form = zima002Content(unit);
        return unit.status === "declared" && form
          ? form.periods.map((period, index) => ({ person, unit, form, period, number: index + 1 }))
          : [];
      }),
    ),
    sheet(names.zima005Holidays, zima005Columns(context), ({ person, units }) =>
      units.flatMap((unit) => {
        const form = zima005Content(unit);
        return unit.status === "declared" && form ? [{ person, unit, form }] : [];
      }),
    ),
    sheet(names.notEligible, notEligibleColumns(context), (decisions) => notEligibleRowsOf(decisions, frame)),
    sheet(names.waiting, waitingColumns(context), ({ person, units }) =>
      units.flatMap((unit) => (unit.status === "waiting" ? [{ person, unit }] : [])),
    ),
    sheet(names.rejected, rejectedColumns(context), ({ person, units, rejectedRecords }) => [
      ...units.flatMap((unit) => (unit.status === "rejected" ? [{ person, unit, record: unit.record, rule: unit.rule }] : [])),
      ...rejectedRecords.map((r) => ({
        person,
        unit: null,
        record: { table: r.table, recordId: r.recordId, field: r.field, value: r.value },
        rule: r.rule,
      })),
    ]),
  ];
}

const BOARD_COLUMNS: readonly BilingualColumn<GroupTotals>[] = [
  { header: h("Bestuur-id", "Board id"), width: 10, kind: "text", value: (g) => g.key },
  { header: h("Schoolbestuur", "School board"), width: 50, kind: "text", value: (g) => g.label },
  { header: h("Personen", "Persons"), width: 10, kind: "integer", value: (g) => g.persons },
  { header: h("Aangegeven", "Declared"), width: 11, kind: "integer", value: (g) => g.declared },
  { header: h("Niet aangegeven", "Not eligible"), width: 11, kind: "integer", value: (g) => g.notEligible },
  { header: h("Wachtend", "Waiting"), width: 10, kind: "integer", value: (g) => g.waiting },
  { header: h("Geweigerd", "Rejected"), width: 10, kind: "integer", value: (g) => g.rejected },
  { header: h("Brutoloon WECH006 (EUR)", "Gross WECH006 (EUR)"), width: 16, kind: "euro", value: (g) => g.gross },
  { header: h("Brutoloon ZIMA002 (EUR)", "Gross ZIMA002 (EUR)"), width: 16, kind: "euro", value: (g) => g.zimaGross },
  { header: h("Vakantiedagen ZIMA005", "Holiday days ZIMA005"), width: 12, kind: "hundredths", value: (g) => g.holidayDays },
];

/** The totals per school board, in board id order (a unit without board last). */
async function writeBoardSheet(workbook: StreamingWorkbook, totals: RunTotals, language: ReportLanguage): Promise<number> {
  const sheet = new TableSheet(workbook, OPERATOR_SHEETS[language].boards, inLanguage(BOARD_COLUMNS, language));
  const byId = (a: GroupTotals, b: GroupTotals) => (Number(a.key) || Infinity) - (Number(b.key) || Infinity) || a.key.localeCompare(b.key);
  for (const board of totals.boards.sorted(byId)) await sheet.add(board);
  return sheet.close();
}

async function writeAnomalySheet(
  workbook: StreamingWorkbook,
  anomalies: readonly AnomalyReportRow[],
  language: ReportLanguage,
): Promise<number> {
  const sheet = new TableSheet(workbook, OPERATOR_SHEETS[language].anomalies, inLanguage(ANOMALY_COLUMNS, language));
  for (const anomaly of anomalies) await sheet.add(anomaly);
  return sheet.close();
}

export type OperatorWorkbookResult = { sheets: Record<string, number> };

/**
 * The operator workbook as a report of the run's single pass over decisions.jsonl (see
 * person-reports.ts). Refuses at once when the workbook exists already.
 */
export function operatorWorkbookReport(input: OperatorWorkbookInput): PersonReport<OperatorWorkbookResult> {
  const { summary, outputPath } = input;
  if (existsSync(outputPath)) throw new Error(`${outputPath} exists already: refusing to overwrite it`);
  const language = input.language ?? "nl";
  const totals = emptyTotals();
  const details = detailSheets({ summary, language, t: textsOf(language) }, outputPath, input.sheetRowLimit ?? OPERATOR_SHEET_ROW_LIMIT);
  const spool = new RowSpool(dirname(outputPath), ".report-rows-");
  return {
    async add(decisions) {
      addToTotals(totals, decisions);
      for (const detail of details) await detail.spool(decisions, spool);
    },
    async finish() {
      try {
        await spool.flush();
        return await writeWorkbookAtomically(outputPath, (workbook) => writeSheets(workbook, input, language, totals, details, spool));
      } finally {
        spool.remove();
      }
    },
    discard: () => spool.remove(),
  };
}

/** The sheets in order: the overview (which names the others and their rows), the boards, the details with rows, the anomalies. */
async function writeSheets(
  workbook: StreamingWorkbook,
  input: OperatorWorkbookInput,
  language: ReportLanguage,
  totals: RunTotals,
  details: readonly DetailSheet[],
  spool: RowSpool,
): Promise<OperatorWorkbookResult> {
  const names = OPERATOR_SHEETS[language];
  const anomalies = input.anomalies ?? [];
  const monthOverMonth = input.monthOverMonth;
  // The sheets after the overview, in order; the overview lists them all, and says which are left out.
  const listed: (ListedSheet & { readonly write: () => Promise<number> })[] = [
    { name: names.boards, rows: totals.boards.groups.size, written: true, write: () => writeBoardSheet(workbook, totals, language) },
    ...(monthOverMonth
      ? [
          {
            name: names.monthOverMonth,
            rows: monthOverMonth.data.months.length,
            written: true,
            write: async () => {
              writeMonthOverMonthSheet(workbook, monthOverMonth.data, monthOverMonth.png, { name: names.monthOverMonth });
              return monthOverMonth.data.months.length;
            },
          },
        ]
      : []),
    ...details.map((detail) => ({
      name: detail.name,
      rows: detail.rows(),
      written: detail.rows() > 0,
      write: () => detail.write(workbook, spool),
    })),
    {
      name: names.anomalies,
      rows: anomalies.length,
      written: anomalies.length > 0,
      write: () => writeAnomalySheet(workbook, anomalies, language),
    },
  ];
  writeOverviewSheet(workbook, { summary: input.summary, totals, anomalies, sheets: listed, language });
  const sheets: Record<string, number> = { [names.overview]: 0 };
  for (const sheet of listed) if (sheet.written) sheets[sheet.name] = await sheet.write();
  return { sheets };
}

/** Writes the operator workbook of one run; returns the row count per sheet (header excluded). */
export async function writeOperatorWorkbook(input: OperatorWorkbookInput): Promise<OperatorWorkbookResult> {
  return writeReport(input.decisionsPath, operatorWorkbookReport(input));
}
