/**
 * One staff member's copy of the e-ASR, read back from a run's payslip extract: their records only,
 * with the Dutch lines exactly as the payslip printing system receives them. The extract is read
 * streaming and only the person's records are kept, whatever the month's size.
 */
import { createReadStream } from "node:fs";
import { parseCalendarDate } from "../src/domain/calendar-date";
import { parseReferencePeriod } from "../src/domain/reference-period";
import { parseYearMonth } from "../src/domain/year-month";
import type { FormType } from "../src/rules/decision-types";
import {
  PAYSLIP_COLUMNS,
  PAYSLIP_FORM_LABEL,
  PAYSLIP_RECORD_NATURES,
  type PayslipFormLabel,
  type PayslipRecord,
  type PayslipRecordNature,
} from "./payslip-extract";

export interface PayslipCopy {
  readonly staffId: number;
  /** In the order of the extract (the run's order). */
  readonly records: readonly PayslipRecord[];
}

/** The rows of an RFC 4180 file with `;` as separator, streaming; quoted fields may span lines. */
async function* csvRows(path: string): AsyncGenerator<string[]> {
  let row: string[] = [];
  let field = "";
  let atFieldStart = true;
  let inQuotes = false;
  // Inside quotes, a `"` ends the field unless the next character is another `"`.
  let quoteSeen = false;
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: "utf8" }) as AsyncIterable<string>) {
    for (const char of chunk) {
      if (first) {
        first = false;
        if (char === "\uFEFF") continue;
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (char === '"') {
            field += '"';
            continue;
          }
          inQuotes = false;
        } else if (char === '"') {
          quoteSeen = true;
          continue;
        } else {
          field += char;
          continue;
        }
      }
      if (char === '"' && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else if (char === ";") {
        row.push(field);
        field = "";
        atFieldStart = true;
      } else if (char === "\n") {
        row.push(field);
        yield row;
        row = [];
        field = "";
        atFieldStart = true;
      } else if (char !== "\r") {
        field += char;
        atFieldStart = false;
      }
    }
  }
  if (inQuotes && !quoteSeen) throw new Error(`${path}: a quoted field is not closed at the end of the file`);
  if (!atFieldStart || row.length > 0) {
    row.push(field);
    yield row;
  }
}

/** Undoes the `'` the extract puts before a field a spreadsheet would read as a formula. */
function restoreFormulaText(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

const COLUMN = new Map(PAYSLIP_COLUMNS.map((name, index) => [name, index]));

/** The columns of an extract written before cancellations had records (no `aard`: every record a declaration). */
const COLUMNS_BEFORE_NATURE = PAYSLIP_COLUMNS.slice(0, PAYSLIP_COLUMNS.indexOf("aard"));

function natureOf(value: string, where: string): PayslipRecordNature {
  if (!(PAYSLIP_RECORD_NATURES as readonly string[]).includes(value))
    throw new Error(`${where}: aard "${value}" is neither ${PAYSLIP_RECORD_NATURES.join(" nor ")}`);
  return value as PayslipRecordNature;
}

function recordOf(fields: readonly string[], where: string): PayslipRecord {
  const text = (name: string): string => restoreFormulaText(fields[COLUMN.get(name)!]);
  const integer = (name: string): number => {
    const value = text(name);
    if (!/^\d+$/.test(value)) throw new Error(`${where}: ${name} "${value}" is not a whole number`);
    return Number(value);
  };
  const checked = <T>(name: string, parse: (value: string) => T | null, what: string): T => {
    const value = parse(text(name));
    if (value === null) throw new Error(`${where}: ${name} "${text(name)}" is not ${what}`);
    return value;
  };
  const optional = <T>(name: string, parse: (value: string) => T | null, what: string): T | null =>
    text(name) === "" ? null : checked(name, parse, what);
  const formType = text("aangifte") as FormType;
  const formLabel = text("formulier") as PayslipFormLabel;
  if (!Object.hasOwn(PAYSLIP_FORM_LABEL, formType) || PAYSLIP_FORM_LABEL[formType] !== formLabel)
    throw new Error(`${where}: form ${formLabel} / ${formType} is not a payslip form`);
  const lines: string[] = [];
  for (let index = 1; COLUMN.has(`regel_${index}`); index++) {
    const line = text(`regel_${index}`);
    if (line !== "") lines.push(line);
  }
  return {
    month: checked("maand", parseYearMonth, "a month YYYY-MM"),
    staffId: integer("personeelslid"),
    formLabel,
    formType,
    assignmentId: integer("opdracht_id"),
    referencePeriod: optional("refertemaand", parseReferencePeriod, "a month YYYY-MM or a year YYYY"),
    startDate: optional("begindatum", parseCalendarDate, "a date YYYY-MM-DD"),
    endDate: optional("einddatum", parseCalendarDate, "a date YYYY-MM-DD"),
    boardName: text("inrichtende_macht"),
    institutionName: text("instelling"),
    fraction: text("opdracht"),
    q: text("q"),
    s: text("s"),
    theoreticalSalary: text("theoretisch_loon"),
    grossSalary: text("bruto_loon"),
    fileName: text("bestand"),
    sequenceNbr: integer("volgnummer"),
    ticket: text("ticket"),
    subRisk: text("subrisico"),
    periods: text("referteperiodes"),
    holidayYear: text("vakantiejaar"),
    holidaySector: text("vakantiesector"),
    holidayDays: text("vakantiedagen"),
    nature: natureOf(text("aard"), where),
    lines,
  };
}

/** The data rows of an extract with where they are, after checking its header. */
async function* extractRows(extractPath: string): AsyncGenerator<{ readonly fields: string[]; readonly where: string }> {
  let number = 0;
  let columns = PAYSLIP_COLUMNS;
  for await (const fields of csvRows(extractPath)) {
    number++;
    if (number === 1) {
      const header = fields.join(";");
      if (header === COLUMNS_BEFORE_NATURE.join(";")) columns = COLUMNS_BEFORE_NATURE;
      else if (header !== PAYSLIP_COLUMNS.join(";"))
        throw new Error(`${extractPath} is not a payslip extract: its header is not ${PAYSLIP_COLUMNS.slice(0, 3).join(";")};…`);
      continue;
    }
    if (fields.length === 1 && fields[0] === "") continue;
    const where = `${extractPath}, row ${number}`;
    if (fields.length !== columns.length) throw new Error(`${where}: ${fields.length} fields instead of ${columns.length}`);
    yield { fields: columns === PAYSLIP_COLUMNS ? fields : [...fields, "aangifte"], where };
  }
}

/** Every record of an extract, streaming. */
export async function* readPayslipExtract(extractPath: string): AsyncGenerator<PayslipRecord> {
  for await (const { fields, where } of extractRows(extractPath)) yield recordOf(fields, where);
}

/** One staff member's consecutive records of an extract: the run wrote each person's records together. */
export interface ExtractPerson {
  readonly staffId: number;
  readonly records: readonly PayslipRecord[];
}

/**
 * The extract's records grouped by staff member, streaming: one group per run of consecutive records
 * of one staff id, in the extract's order. With `only`, only that staff member's rows are read into
 * records (the others are skipped by their staff column).
 */
export async function* extractPersons(extractPath: string, only: number | null = null): AsyncGenerator<ExtractPerson> {
  const staffColumn = COLUMN.get("personeelslid")!;
  let current: { staffId: number; records: PayslipRecord[] } | null = null;
  for await (const { fields, where } of extractRows(extractPath)) {
    if (only !== null && fields[staffColumn] !== String(only)) continue;
    const record = recordOf(fields, where);
    if (current !== null && current.staffId === record.staffId) {
      current.records.push(record);
      continue;
    }
    if (current !== null) yield current;
    current = { staffId: record.staffId, records: [record] };
  }
  if (current !== null) yield current;
}

/** One staff member's records of a month's extract (none when they had no declaration that month). */
export async function payslipCopy(extractPath: string, staffId: number): Promise<PayslipCopy> {
  const records: PayslipRecord[] = [];
  const staffColumn = COLUMN.get("personeelslid")!;
  for await (const { fields, where } of extractRows(extractPath)) {
    if (fields[staffColumn] === String(staffId)) records.push(recordOf(fields, where));
  }
  return { staffId, records };
}
