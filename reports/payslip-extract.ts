/**
 * The payslip extract of a run: `<out>/<YYYY-MM>/payslip-extract-<YYYY-MM>.csv`, read by the payslip
 * printing system. For teaching staff the salary slip is the legal copy of the e-ASR (circular §7,
 * domain D12), so every declaration of the run yields exactly one record, for its own staff member
 * only: what was declared, as explicit columns and as ready-to-print Dutch lines (`regel_1` …).
 *
 * Format: UTF-8 without byte-order mark, `;`-separated, one header row, RFC 4180 quoting (a field
 * holding `;`, `"`, CR or LF is quoted, inner quotes doubled), CRLF line ends. Amounts and hours use
 * a decimal comma and no thousands separator ("977,38", "16,00"); dates are ISO (`2017-09-01`).
 * A text field that a spreadsheet would take for a formula (starting with = + - @, tab or CR) is
 * prefixed with `'`. No INSZ and no name: the staff id links the record to the payslip.
 *
 * Written streaming (one person of decisions.jsonl at a time) to a temporary name, then renamed.
 */
import { safeText } from "./excel-cells";
import { fractionText } from "../src/domain/fraction-text";
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { CalendarDate } from "../src/domain/calendar-date";
import type { Cents } from "../src/domain/money";
import { monthNumberOf, yearOf, type YearMonth } from "../src/domain/year-month";
import { publishFile, removeQuietly, temporaryPathFor } from "../src/files/atomic-file";
import type { UnitLine } from "../src/run/decision-records";
import type { RunSummary } from "../src/run/monthly-run";
import type { UnemploymentFormType } from "../src/rules/decision-types";
import { readPersonDecisions } from "./decision-reader";

/** The form names printed on the copy (AGODI's labels) for the XML form identifications. */
export const PAYSLIP_FORM_LABEL = { WECH003: "WECH503", WECH006: "WECH506" } as const satisfies Record<UnemploymentFormType, string>;
export type PayslipFormLabel = (typeof PAYSLIP_FORM_LABEL)[UnemploymentFormType];

/** How many ready-to-print lines a record has room for (`regel_1` … `regel_7`); unused ones are empty. */
export const PAYSLIP_LINE_COUNT = 7;

/** The header row, in column order. */
export const PAYSLIP_COLUMNS: readonly string[] = [
  "maand", // the run month: the payslip the copy is printed with
  "personeelslid", // staff id
  "formulier", // WECH503 | WECH506
  "aangifte", // WECH003 | WECH006, the form as sent to social security
  "opdracht_id", // assignment id
  "refertemaand", // WECH506: the month declared (YYYY-MM); empty for WECH503
  "begindatum", // WECH503: start of part-time work; WECH506: first day of work in the reference month
  "einddatum", // WECH506: last day of work in the reference month; empty for WECH503
  "inrichtende_macht", // school board
  "instelling", // institution
  "opdracht", // assignment fraction, e.g. 16/32
  "q", // Q in hours, e.g. 16,00
  "s", // S in hours, e.g. 32,00
  "theoretisch_loon", // theoretical monthly salary in euro, e.g. 977,38
  "bruto_loon", // WECH506: the declared gross of the month in euro; empty for WECH503
  "bestand", // the FI file the form was sent in
  "volgnummer", // the form's sequence number in that file
  "ticket", // the ticket of social security, empty until its answer is processed
  ...Array.from({ length: PAYSLIP_LINE_COUNT }, (_, index) => `regel_${index + 1}`),
];

/** One record of the extract: one declaration of one staff member. Amounts and hours as printed. */
export interface PayslipRecord {
  readonly month: YearMonth;
  readonly staffId: number;
  readonly formLabel: PayslipFormLabel;
  readonly formType: UnemploymentFormType;
  readonly assignmentId: number;
  readonly referenceMonth: YearMonth | null;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate | null;
  readonly boardName: string;
  readonly institutionName: string;
  /** "16/32"; empty when the assignment's fraction was not readable. */
  readonly fraction: string;
  readonly q: string;
  readonly s: string;
  readonly theoreticalSalary: string;
  /** WECH506 only; empty for WECH503. */
  readonly grossSalary: string;
  readonly fileName: string;
  readonly sequenceNbr: number;
  /** Empty until social security's ticket is known. */
  readonly ticket: string;
  /** The Dutch lines to print, at most PAYSLIP_LINE_COUNT. */
  readonly lines: readonly string[];
}

const DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** "2017-11" -> "november 2017". */
export function dutchMonth(month: YearMonth): string {
  return `${DUTCH_MONTHS[monthNumberOf(month) - 1]} ${yearOf(month)}`;
}

/** Hundredths with a decimal comma and always two decimals: 1600 -> "16,00", 97738 -> "977,38". */
export function decimalComma(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/** Names go on one printed line: no line breaks, tabs or runs of spaces. */
function oneLine(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** Prefixes `'` to a field a spreadsheet would evaluate as a formula (a plain number like "-5,00" is left alone). */
export function neutraliseFormula(value: string): string {
  return safeText(value, { keepPlainNumbers: true });
}

/** One CSV field: quoted when it holds the separator, a quote or a line break. */
function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV row with its CRLF, every field neutralised and quoted as needed. */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map((field) => csvField(neutraliseFormula(field))).join(";")}\r\n`;
}

/** The facts a record's Dutch lines are made of. */
export type PayslipFacts = Omit<PayslipRecord, "lines">;

/**
 * The ready-to-print Dutch lines of one declaration, for example:
 *   Aangifte sociaal risico WECH506 – deeltijdse arbeid november 2017
 *   Instelling: Stedelijke Academie voor Muziek, Woord en Dans Lier
 *   Opdracht 7/22 – Q 7,00 / S 22,00
 *   Periode: 2017-11-21 tot en met 2017-11-30
 *   Bruto loon: EUR 246,00 – Theoretisch loon: EUR 738,00
 *   Bestand FI.WECH.900123.20261124.00008.T, volgnummer 2
 *   Ticketnummer: … (once known)
 */
export function payslipLines(facts: PayslipFacts): string[] {
  const lines: string[] = [];
  if (facts.formType === "WECH003") {
    lines.push(`Aangifte sociaal risico ${facts.formLabel} – aanvang deeltijdse arbeid op ${facts.startDate}`);
  } else {
    lines.push(`Aangifte sociaal risico ${facts.formLabel} – deeltijdse arbeid ${facts.referenceMonth ? dutchMonth(facts.referenceMonth) : facts.startDate}`);
  }
  lines.push(`Instelling: ${facts.institutionName || "onbekend"}`);
  const hours = `Q ${facts.q} / S ${facts.s}`;
  lines.push(facts.fraction ? `Opdracht ${facts.fraction} – ${hours}` : hours);
  if (facts.formType === "WECH003") {
    lines.push(`Theoretisch loon: EUR ${facts.theoreticalSalary}`);
  } else {
    lines.push(`Periode: ${facts.startDate} tot en met ${facts.endDate ?? facts.startDate}`);
    lines.push(`Bruto loon: EUR ${facts.grossSalary} – Theoretisch loon: EUR ${facts.theoreticalSalary}`);
  }
  lines.push(`Bestand ${facts.fileName}, volgnummer ${facts.sequenceNbr}`);
  if (facts.ticket) lines.push(`Ticketnummer: ${facts.ticket}`);
  return lines;
}

/** The record of one declared unit of the run month, in the file the run wrote for its form type. */
export function payslipRecordOf(unit: UnitLine, month: YearMonth, fileName: string): PayslipRecord {
  const declared = unit.declared;
  if (unit.status !== "declared" || !declared) throw new Error(`staff ${unit.staffId}, assignment ${unit.assignmentId}: a ${unit.formType} unit that was not declared has no payslip record`);
  const euro = (cents: Cents | null): string => (cents === null ? "" : decimalComma(cents));
  const facts: PayslipFacts = {
    month,
    staffId: unit.staffId,
    formLabel: PAYSLIP_FORM_LABEL[unit.formType],
    formType: unit.formType,
    assignmentId: unit.assignmentId,
    referenceMonth: unit.formType === "WECH006" ? unit.referenceMonth : null,
    startDate: declared.occupationStartingDate,
    endDate: unit.formType === "WECH006" ? declared.occupationEndingDate : null,
    boardName: oneLine(unit.context.boardName),
    institutionName: oneLine(unit.context.institutionName),
    fraction: fractionText(unit.context.numerator, unit.context.denominator, ","),
    q: decimalComma(declared.q),
    s: decimalComma(declared.s),
    theoreticalSalary: euro(declared.theoreticalSalary),
    grossSalary: unit.formType === "WECH006" ? euro(declared.exactSalary) : "",
    fileName,
    sequenceNbr: declared.sequenceNbr,
    ticket: "",
  };
  const lines = payslipLines(facts);
  if (lines.length > PAYSLIP_LINE_COUNT) throw new Error(`a payslip record has room for ${PAYSLIP_LINE_COUNT} lines, not ${lines.length}`);
  return { ...facts, lines };
}

/** The fields of a record in PAYSLIP_COLUMNS order (before neutralising and quoting). */
export function payslipFields(record: PayslipRecord): string[] {
  return [
    record.month,
    String(record.staffId),
    record.formLabel,
    record.formType,
    String(record.assignmentId),
    record.referenceMonth ?? "",
    record.startDate,
    record.endDate ?? "",
    record.boardName,
    record.institutionName,
    record.fraction,
    record.q,
    record.s,
    record.theoreticalSalary,
    record.grossSalary,
    record.fileName,
    String(record.sequenceNbr),
    record.ticket,
    ...Array.from({ length: PAYSLIP_LINE_COUNT }, (_, index) => record.lines[index] ?? ""),
  ];
}

/** `payslip-extract-2017-11.csv`: the extract's name in the run month's folder. */
export function payslipExtractName(month: YearMonth): string {
  return `payslip-extract-${month}.csv`;
}

export interface PayslipExtractInput {
  readonly summary: RunSummary;
  /** The run's decisions.jsonl. */
  readonly decisionsPath: string;
  /** Normally `<summary.outputDir>/payslip-extract-<YYYY-MM>.csv`. */
  readonly outputPath: string;
}

/**
 * Writes the extract of one run: one record per declared unit of decisions.jsonl, checked against the
 * run summary (as many records per form type as the summary declared and its file holds), so that a
 * decisions file and a summary that do not belong together never produce an extract.
 */
export async function writePayslipExtract(input: PayslipExtractInput): Promise<{ records: number }> {
  const { summary, decisionsPath, outputPath } = input;
  const fileNames = new Map(summary.files.map((file) => [file.formType, file.fileName]));
  const written: Record<UnemploymentFormType, number> = { WECH003: 0, WECH006: 0 };

  async function* rows(): AsyncGenerator<string> {
    yield csvRow(PAYSLIP_COLUMNS);
    for await (const { units } of readPersonDecisions(decisionsPath)) {
      for (const unit of units) {
        if (unit.status !== "declared") continue;
        const fileName = fileNames.get(unit.formType);
        if (fileName === undefined) throw new Error(`${decisionsPath}: a declared ${unit.formType} unit of staff ${unit.staffId}, but the run summary has no ${unit.formType} file`);
        written[unit.formType]++;
        yield csvRow(payslipFields(payslipRecordOf(unit, summary.runMonth, fileName)));
      }
    }
  }

  const temporary = temporaryPathFor(outputPath);
  try {
    await pipeline(Readable.from(rows()), createWriteStream(temporary, { encoding: "utf8" }));
    for (const formType of Object.keys(written) as UnemploymentFormType[]) {
      const expected = summary.forms[formType].declared;
      // The file also holds the run's cancellations, which have no payslip record of their own here.
      const inFile = (summary.files.find((file) => file.formType === formType)?.forms ?? 0) - (summary.forms[formType].cancellations ?? 0);
      if (written[formType] !== expected || written[formType] !== inFile) {
        throw new Error(`${decisionsPath} holds ${written[formType]} declared ${formType} units, the run summary of ${summary.runMonth} ${expected} (its file ${inFile}): they do not belong together`);
      }
    }
    publishFile(temporary, outputPath);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
  return { records: written.WECH003 + written.WECH006 };
}
