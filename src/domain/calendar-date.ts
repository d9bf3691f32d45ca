/**
 * Calendar dates as plain ISO strings (`YYYY-MM-DD`), never `Date` objects: no time zone can shift them.
 * Arithmetic goes through the epoch-day number (days since 1970-01-01, proleptic Gregorian). The type is
 * the shape, so a month is not a date, and a string from outside becomes one only through
 * {@link parseCalendarDate} or {@link calendarDate}; a literal such as "2018-03-01" is one as it stands.
 */
export type CalendarDate = `${number}-${number}-${number}`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Returns the date when `text` is a real calendar date `YYYY-MM-DD` (2018-02-30 is not), else null. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return text as CalendarDate;
}

/** The date `text` names; throws when it is none (for values the program itself made or checked). */
export function calendarDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (date === null) throw new Error(`not a calendar date YYYY-MM-DD: ${JSON.stringify(text)}`);
  return date;
}

export function toEpochDay(date: CalendarDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function fromEpochDay(epochDay: number): CalendarDate {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** The day of the week, Monday = 1 ... Sunday = 7 (1970-01-01 was a Thursday). */
export function isoWeekday(date: CalendarDate): number {
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** `YYYY-MM-DD` to `YYYYMMDD`, as used in batch file names. */
export function compactDate(date: CalendarDate): string {
  return date.replaceAll("-", "");
}

/** `date` plus whole calendar months, the day clamped to the target month's length (01-31 + 1 month = 02-28). */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CalendarDate;
}
