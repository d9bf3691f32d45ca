import { type CalendarDate, daysInMonth } from "./calendar-date";

/** A calendar month as `YYYY-MM`: the run month, a reference month, a salary line's period. */
export type YearMonth = string;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseYearMonth(text: string): YearMonth | null {
  const m = YEAR_MONTH.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 1900 && year <= 2999 ? text : null;
}

export function yearOf(month: YearMonth): number {
  return Number(month.slice(0, 4));
}

export function monthNumberOf(month: YearMonth): number {
  return Number(month.slice(5, 7));
}

export function firstDayOf(month: YearMonth): CalendarDate {
  return `${month}-01`;
}

export function lastDayOf(month: YearMonth): CalendarDate {
  const day = daysInMonth(yearOf(month), monthNumberOf(month));
  return `${month}-${String(day).padStart(2, "0")}`;
}

export function dayCountOf(month: YearMonth): number {
  return daysInMonth(yearOf(month), monthNumberOf(month));
}

export function monthOf(date: CalendarDate): YearMonth {
  return date.slice(0, 7);
}

export function addMonths(month: YearMonth, count: number): YearMonth {
  const index = yearOf(month) * 12 + (monthNumberOf(month) - 1) + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export function monthsFromTo(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}
