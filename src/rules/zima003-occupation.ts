/**
 * What a ZIMA003 (breastfeeding breaks, scenario 3) says of one occupation in one reference month,
 * computed from plain values (zima-1-3-6.md §2.4 as corrected by its errata, domain.md D24):
 * - the reference period (block 90077): the month within the occupation — from the later of the
 *   month's first day and the occupation's start, to the earlier of its last day and the occupation's
 *   end; it must end after it starts (zone 00075: "na de datum waarop de referteperiode begint"), so an
 *   occupation that begins on the month's last day has none (OQ9);
 * - the mean gross hourly wage (zone 00152), in hundredths of a cent: the monthly wage x 12 divided by
 *   the weekly hours x 52, the weekly hours being Q/S of the reference week (errata 7, OQ4), exactly,
 *   rounded half up;
 * - the cap on the breaks (zone 00151): one occupation at most `maxHalfHourBreaks` (62) in a month, all
 *   occupations of the month together at most two a day (anomaly 00151-097).
 */
import type { CalendarDate } from "../domain/calendar-date";
import { intersect } from "../domain/date-range";
import { rational, roundHalfUp } from "../domain/rational";
import type { Cents } from "../domain/money";
import { dayCountOf, firstDayOf, lastDayOf, type YearMonth } from "../domain/year-month";

/** Zone 00152 holds at most 8 digits, and 0 is refused (00152-008). */
export const MAX_HOURLY_WAGE = 99_999_999;

/** The reference period of an occupation in a month, or null when it has none (not in force, or one day only). */
export function referencePeriodIn(
  month: YearMonth,
  occupation: { readonly start: CalendarDate; readonly end: CalendarDate | null },
): {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
} | null {
  const period = intersect({ start: firstDayOf(month), end: lastDayOf(month) }, occupation);
  return period !== null && period.start < period.end! ? { start: period.start, end: period.end! } : null;
}

/**
 * Zone 00152: round_half_up(monthly x 1200 / (hours per week x 52)) in hundredths of a cent, with hours
 * per week = Q / S x the reference week (all in hundredths of hours): monthly x 1200 x S x 100 /
 * (Q x week x 52), in integers. Null when Q or S is not positive.
 */
export function hourlyGrossWage(monthly: Cents, q: number, s: number, referenceWeek: number): number | null {
  if (q <= 0 || s <= 0 || referenceWeek <= 0) return null;
  return Number(roundHalfUp(rational(BigInt(monthly) * 1200n * BigInt(s) * 100n, BigInt(q) * BigInt(referenceWeek) * 52n)));
}

/** Zone 00151 for all occupations of a month together: at most two half-hour breaks a day of the month. */
export function maxBreaksInMonth(month: YearMonth): number {
  return 2 * dayCountOf(month);
}
