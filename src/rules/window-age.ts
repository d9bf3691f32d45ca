/**
 * D18: a notification window that ended more than the look-back limit before the run month is too old
 * to declare. The reader never filters notifications by date: the rules say which windows are too old,
 * and the person's units of such a window are not eligible WINDOW_TOO_OLD, reported like any reason.
 */
import type { CalendarDate } from "../domain/calendar-date";
import type { DateRange } from "../domain/date-range";
import { addMonths, firstDayOf, type YearMonth } from "../domain/year-month";

/** The first day a window must still reach to be declared in run `runMonth`: the run month's first day minus `lookbackMonths`. */
export function windowLookbackLimit(runMonth: YearMonth, lookbackMonths: number): CalendarDate {
  return firstDayOf(addMonths(runMonth, -lookbackMonths));
}

export function isWindowTooOld(window: DateRange, limit: CalendarDate): boolean {
  return window.end !== null && window.end < limit;
}

/** The reason's detail and the fingerprint that keeps it from being decided again. */
export function tooOldDetail(window: DateRange, limit: CalendarDate): { detail: string; fingerprint: string } {
  return {
    detail: `notification window ${window.start}..${window.end} ended before the look-back limit ${limit}`,
    // A window once too old stays too old: remembered, it is not decided again while it is the same.
    fingerprint: `WINDOW_TOO_OLD|${window.start}..${window.end}`,
  };
}
