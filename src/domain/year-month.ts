import { type CalendarDate, daysInMonth } from "./calendar-date";

/**
 * A calendar month as `YYYY-MM`: the run month, a reference month, a salary line's period. The type is
 * the shape, so a date or a holiday year is not a month, and a string from outside (the source, a
 * command line, JSON) becomes one only through {@link parseYearMonth} or {@link yearMonth}; a literal
 * such as "2018-03" is one as it stands.
 */
export type YearMonth = `${number}-${number}`;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseYearMonth(text: string): YearMonth | null {
  const m = YEAR_MONTH.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 1900 && year <= 2999 ? (text as YearMonth) : null;
}

/** The month `text` names; throws when it is none (for values the program itself made or checked). */
export function yearMonth(text: string): YearMonth {
  const month = parseYearMonth(text);
  if (month === null) throw new Error(`not a month YYYY-MM: ${JSON.stringify(text)}`);
  return month;
}

export function yearOf(month: YearMonth): number {
  return Number(month.slice(0, 4));
}

export function monthNumberOf(month: YearMonth): number {
  return Number(month.slice(5, 7));
}

export function firstDayOf(month: YearMonth): CalendarDate {
  return `${month}-01` as CalendarDate;
}

export function lastDayOf(month: YearMonth): CalendarDate {
  const day = daysInMonth(yearOf(month), monthNumberOf(month));
  return `${month}-${String(day).padStart(2, "0")}` as CalendarDate;
}

export function dayCountOf(month: YearMonth): number {
  return daysInMonth(yearOf(month), monthNumberOf(month));
}

export function monthOf(date: CalendarDate): YearMonth {
  return date.slice(0, 7) as YearMonth;
}

export function addMonths(month: YearMonth, count: number): YearMonth {
  const index = yearOf(month) * 12 + (monthNumberOf(month) - 1) + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}` as YearMonth;
}

/** Every month from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export function monthsFromTo(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Day `day` of `month` (1 to the month's length). */
export function dayOf(month: YearMonth, day: number): CalendarDate {
  if (!Number.isInteger(day) || day < 1 || day > dayCountOf(month)) throw new Error(`${month} has no day ${day}`);
  return `${month}-${String(day).padStart(2, "0")}` as CalendarDate;
}

/** The later of two months. */
export function maxMonth(a: YearMonth, b: YearMonth): YearMonth {
  return a >= b ? a : b;
}

/** The earlier of two months. */
export function minMonth(a: YearMonth, b: YearMonth): YearMonth {
  return a <= b ? a : b;
}

/** How many months `later` lies after `month` (0 for the same month or an earlier one). */
export function monthsAfter(month: YearMonth, later: YearMonth): number {
  const index = (m: YearMonth) => yearOf(m) * 12 + monthNumberOf(m);
  return Math.max(0, index(later) - index(month));
}
