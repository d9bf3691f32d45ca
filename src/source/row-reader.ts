/**
 * Reads one raw database row into typed values at the source edge. Each getter returns the value or
 * null, and records a problem (field, rule, offending value) when the stored value breaks the contract.
 * Drivers differ: SQLite gives decimals as numbers and dates as text, PostgreSQL and MariaDB give
 * decimals as strings (and, as configured in ormconfig.ts, dates as text), SQL Server gives Dates.
 */
import type { Cents } from "../domain/money";
import { parseCalendarDate, type CalendarDate } from "../domain/calendar-date";
import { toHundredths } from "../domain/decimal";
import { parseLocalDateTime, type LocalDateTime } from "../domain/local-date-time";
import type { RecordProblem, RejectionRule } from "../domain/outcome-codes";
import { parseYearMonth, type YearMonth } from "../domain/year-month";
import { maskInszInText } from "../util/insz-masking";
import { CONTRACT_TABLES } from "./contract";

type Raw = Record<string, unknown>;

/** A rejected value as text, cut at 60 characters; an INSZ in it is masked before the cut can leave a part of it in clear. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (value instanceof Date) return value.toISOString();
  const text = maskInszInText(String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** SQL Server (useUTC) hands DATE/DATETIME2 out as Date objects whose UTC fields are the stored values. */
function dateObjectToText(value: Date, withTime: boolean): string {
  const iso = value.toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}

/**
 * The exclusive bound, in hundredths, of a DECIMAL(p,s) column of the contract: 10^(p-s) units
 * (DECIMAL(12,2): 10,000,000,000.00 euro, 1e12 cents). Columns the contract does not type as decimal:
 * the largest safe integer.
 */
function decimalLimit(table: string, field: string): number {
  const column = CONTRACT_TABLES.find((t) => t.name === table)?.columns.find((c) => c.name === field);
  return column?.type.kind === "decimal" ? 10 ** (column.type.precision - column.type.scale) * 100 : Number.MAX_SAFE_INTEGER;
}

/** A stored date as the text that names its row: the ISO date of a driver's Date object, else the value as written. */
export function dateKeyOf(value: unknown): string {
  if (value instanceof Date) return dateObjectToText(value, false);
  return value === null || value === undefined ? "NULL" : String(value).trim().slice(0, 10);
}

/** Whether a column was added to its table later (ministry-db.md 2026-12): its breach is kept apart. */
function isLaterColumn(table: string, field: string): boolean {
  return CONTRACT_TABLES.find((t) => t.name === table)?.columns.find((c) => c.name === field)?.added !== undefined;
}

export class RowReader {
  readonly problems: RecordProblem[] = [];
  /**
   * Breaches of the columns added to the table later (for the forms of 2026-12): kept apart from
   * `problems`, so that they reject only the forms that need those columns, never the record's others.
   */
  readonly laterColumnProblems: RecordProblem[] = [];

  constructor(
    private readonly table: string,
    private readonly row: Raw,
    readonly recordId: string,
  ) {}

  private fail(field: string, rule: RejectionRule, value: unknown): null {
    const problem = { table: this.table, recordId: this.recordId, field, rule, value: describe(value) };
    (isLaterColumn(this.table, field) ? this.laterColumnProblems : this.problems).push(problem);
    return null;
  }

  private present(field: string, required: boolean): unknown {
    const value = this.row[field];
    if (value === null || value === undefined) {
      if (required) this.fail(field, "FIELD_REQUIRED", value);
      return undefined;
    }
    return value;
  }

  integer(field: string, required = true): number | null {
    const value = this.present(field, required);
    if (value === undefined) return null;
    const number =
      typeof value === "number" || typeof value === "bigint"
        ? Number(value)
        : typeof value === "string" && /^\s*-?\d+\s*$/.test(value)
          ? Number(value)
          : NaN;
    return Number.isSafeInteger(number) ? number : this.fail(field, "FIELD_NOT_AN_INTEGER", value);
  }

  /** A code column with a closed set of values (e.g. 0/1, 0/1/9). */
  code(field: string, allowed: readonly number[], required = true): number | null {
    const number = this.integer(field, required);
    if (number === null) return null;
    return allowed.includes(number) ? number : this.fail(field, "FIELD_VALUE_NOT_ALLOWED", number);
  }

  text(field: string, required = true): string | null {
    const value = this.present(field, required);
    if (value === undefined) return null;
    const text = String(value).trim();
    if (text === "" && required) return this.fail(field, "FIELD_REQUIRED", value);
    return text === "" ? null : text;
  }

  /** A text column with a closed set of values (e.g. the assignment status T/V/C), compared exactly after trimming. */
  oneOf(field: string, allowed: readonly string[], required = true): string | null {
    const text = this.text(field, required);
    if (text === null) return null;
    return allowed.includes(text) ? text : this.fail(field, "FIELD_VALUE_NOT_ALLOWED", text);
  }

  /**
   * A decimal column as an integer x 100 (cents, hundredths of hours), within its column's DECIMAL(p,s)
   * range: a value beyond it (1e20 kept as a float by SQLite) is AMOUNT_OUT_OF_RANGE, never summed.
   */
  hundredths(field: string, required = true): number | null {
    const value = this.present(field, required);
    if (value === undefined) return null;
    const limit = decimalLimit(this.table, field);
    const hundredths = toHundredths(value);
    if (hundredths !== null) return Math.abs(hundredths) < limit ? hundredths : this.fail(field, "AMOUNT_OUT_OF_RANGE", value);
    // A number too large for exact hundredths is out of range, not "not a number".
    const tooLarge = typeof value === "number" && Number.isFinite(value) && Math.abs(value) * 100 >= limit;
    return this.fail(field, tooLarge ? "AMOUNT_OUT_OF_RANGE" : "FIELD_NOT_A_NUMBER", value);
  }

  /** An amount of money (hundredths of a euro), see {@link hundredths}. */
  cents(field: string, required = true): Cents | null {
    return this.hundredths(field, required) as Cents | null;
  }

  date(field: string, required = true): CalendarDate | null {
    const value = this.present(field, required);
    if (value === undefined) return null;
    const text = value instanceof Date ? dateObjectToText(value, false) : String(value).trim().slice(0, 10);
    const time = value instanceof Date ? "" : String(value).trim().slice(10);
    // A DATE read from a DATETIME-like column may carry a midnight time part; anything else is not a date.
    if (time !== "" && !/^[ T]00:00(:00(\.0+)?)?$/.test(time)) return this.fail(field, "FIELD_NOT_A_DATE", value);
    return parseCalendarDate(text) ?? this.fail(field, "FIELD_NOT_A_DATE", value);
  }

  timestamp(field: string, required = true): LocalDateTime | null {
    const value = this.present(field, required);
    if (value === undefined) return null;
    const text = value instanceof Date ? dateObjectToText(value, true) : String(value);
    const parsed = parseLocalDateTime(text);
    if (!parsed || !parseCalendarDate(parsed.slice(0, 10))) return this.fail(field, "FIELD_NOT_A_TIMESTAMP", value);
    return parsed;
  }

  month(field: string, required = true): YearMonth | null {
    const value = this.present(field, required);
    if (value === undefined) return null;
    // Trimmed also in the report: a CHAR(7) hands "2017-9" out padded on PostgreSQL and SQL Server.
    const text = String(value).trim();
    return parseYearMonth(text) ?? this.fail(field, "FIELD_NOT_A_MONTH", text);
  }
}
