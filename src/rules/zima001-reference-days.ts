/**
 * The reference days of a ZIMA001 for incapacity (risk 001) when payroll gives no absence_day rows
 * (zima-1-3-6.md §1.4 R6 as corrected by errata 4, domain.md D24 OQ2): every working day from the risk's
 * start to the last day the agency paid, with the paid-day code — but only for a five-day week and a
 * period without a Belgian public holiday; for any other week or a period that holds one, the
 * absence waits (`REFERENCE_DAYS_MISSING`) until payroll supplies the days, never guessed. When the
 * agency paid no day, the one first day of the absence with code 6.9 (no guaranteed wage), 6.6 for a relapse.
 * The period starts on this absence's own first day, also for a relapse (whose 00408 is the original's).
 * And the hours of a day (zone 00180) of a part-timer: Q/S of the reference week, over the days a week.
 */
import { isBelgianPublicHoliday, isWorkingDay } from "../domain/belgian-calendar";
import { rational, roundHalfUp } from "../domain/rational";
import { addDays, type CalendarDate } from "../domain/calendar-date";

export interface ReferenceDay {
  readonly day: CalendarDate;
  /** Zone 00179. */
  readonly code: string;
}

export type FallbackDays =
  { readonly days: readonly ReferenceDay[] } | { readonly waiting: "REFERENCE_DAYS_MISSING"; readonly why: string };

/** Days a week x 100 that the fallback may list Monday to Friday for (NULL counts as five). */
const FIVE_DAY_WEEK = 500;

export function fallbackIncapacityDays(input: {
  readonly absenceStart: CalendarDate;
  /** The last day the agency paid (absence.paid_until), null when none. */
  readonly paidUntil: CalendarDate | null;
  readonly paidDayCode: string | null;
  /** The occupation's working days a week x 100, null when unknown. */
  readonly daysPerWeek: number | null;
  readonly relapse: boolean;
}): FallbackDays {
  const { absenceStart, paidUntil, paidDayCode } = input;
  if (paidUntil === null || paidUntil < absenceStart) return { days: [{ day: absenceStart, code: input.relapse ? "6.6" : "6.9" }] };
  if (input.daysPerWeek !== null && input.daysPerWeek !== FIVE_DAY_WEEK) {
    return { waiting: "REFERENCE_DAYS_MISSING", why: `a week of ${input.daysPerWeek / 100} days: payroll gives the days (absence_day)` };
  }
  if (paidDayCode === null) return { waiting: "REFERENCE_DAYS_MISSING", why: "no paid_day_code and no absence_day rows" };
  const holidays: CalendarDate[] = [];
  const days: ReferenceDay[] = [];
  for (let day = absenceStart; day <= paidUntil; day = addDays(day, 1)) {
    if (isWorkingDay(day)) days.push({ day, code: paidDayCode });
    else if (isBelgianPublicHoliday(day)) holidays.push(day);
  }
  if (holidays.length > 0)
    return {
      waiting: "REFERENCE_DAYS_MISSING",
      why: `public holiday ${holidays.join(", ")} in the period: payroll gives the days (absence_day)`,
    };
  return { days };
}

/** Zone 00180: (Q / S) x the reference week / days a week, in hundredths of hours, half up (all inputs x 100); null without a week. */
export function dayHours(q: number, s: number, referenceWeek: number, daysPerWeek: number): number | null {
  if (s <= 0 || daysPerWeek <= 0) return null;
  return Number(roundHalfUp(rational(BigInt(q) * BigInt(referenceWeek) * 100n, BigInt(s) * BigInt(daysPerWeek))));
}
