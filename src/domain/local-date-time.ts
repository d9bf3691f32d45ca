/**
 * Wall-clock timestamps of the ministry database (`received_at`, `cutoff_at`), kept as text
 * `YYYY-MM-DD HH:MM:SS` in Brussels local time: compared as strings, never converted through a zone.
 */
import type { CalendarDate } from "./calendar-date";
import { lastDayOf, type YearMonth } from "./year-month";

export type LocalDateTime = string;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Normalises `2017-09-05T10:12`, `2017-09-05 10:12:00.000` or `2017-09-05` to `2017-09-05 10:12:00`.
 * A value with a zone offset (`Z`, `+02:00`) is refused: shifting it silently could move a
 * notification across the cut-off.
 */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, date, hh = "00", mi = "00", ss = "00"] = m;
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return null;
  return `${date} ${hh}:${mi}:${ss}`;
}

export function datePartOf(value: LocalDateTime): CalendarDate {
  return value.slice(0, 10) as CalendarDate;
}

/** The last moment of a month as a timestamp of the source ("2024-02-29 23:59:59"): rows reported by then count for a run of that month (zima-1-3-6.md errata 6). */
export function endOfMonthMoment(month: YearMonth): LocalDateTime {
  return `${lastDayOf(month)} 23:59:59`;
}
