import { type CalendarDate, addDays, daysBetween, maxDate, minDate } from "./calendar-date";

/** An inclusive range of calendar days. `end` null means open-ended. */
export interface DateRange {
  readonly start: CalendarDate;
  readonly end: CalendarDate | null;
}

export function overlaps(a: DateRange, b: DateRange): boolean {
  return (a.end === null || b.start <= a.end) && (b.end === null || a.start <= b.end);
}

export function intersect(a: DateRange, b: DateRange): DateRange | null {
  if (!overlaps(a, b)) return null;
  const start = maxDate(a.start, b.start);
  const end = a.end === null ? b.end : b.end === null ? a.end : minDate(a.end, b.end);
  return { start, end };
}

/** Number of days in a closed range. */
export function dayCount(range: { start: CalendarDate; end: CalendarDate }): number {
  return daysBetween(range.start, range.end) + 1;
}

/** Sorts and merges ranges that overlap or touch, so that the result is disjoint and ordered. */
export function mergeRanges(ranges: readonly DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: DateRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.end === null || range.start <= addDays(last.end, 1))) {
      const end = last.end === null || range.end === null ? null : maxDate(last.end, range.end);
      merged[merged.length - 1] = { start: last.start, end };
    } else {
      merged.push(range);
    }
  }
  return merged;
}
