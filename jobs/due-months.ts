/**
 * Which run months the scheduler must run now. Pure: everything it needs is passed in, "now" included,
 * as Brussels wall time (`YYYY-MM-DD HH:MM:SS`, compared as text like the calendar's cut-offs).
 *
 * A month M is due when all of these hold:
 * - it has a row in `payment_calendar` (a month without a cut-off is never due);
 * - its cut-off has passed: now is after `cutoff_at` (a notification received at the cut-off itself
 *   still belongs to M, so the run waits until after it);
 * - the month has ended: now is on or after the first day of M+1, 00:00:00. The circular files "after
 *   the end of the month the data refer to", and run M counts the salary lines paid up to the last day
 *   of M (D4): a run in the middle of M would miss that month's pay;
 * - it has no completed run in the environment;
 * - it is not before the first month the scheduler may run.
 */
import { schoolYearOf } from "../src/domain/school-year";
import { datePartOf, type LocalDateTime } from "../src/domain/local-date-time";
import { addMonths, firstDayOf, monthOf, type YearMonth } from "../src/domain/year-month";

/** One row of the payment calendar: the month and its cut-off, Brussels wall time. */
export interface CalendarEntry {
  readonly periodMonth: YearMonth;
  readonly cutoffAt: LocalDateTime;
}

export interface DueMonthsInput {
  readonly calendar: readonly CalendarEntry[];
  /** Months with a completed run in the environment the scheduler files for. */
  readonly completed: ReadonlySet<YearMonth>;
  /** The first run month the scheduler may run. */
  readonly firstMonth: YearMonth;
  /** Brussels wall time `YYYY-MM-DD HH:MM:SS`. */
  readonly now: LocalDateTime;
}

/** The due months, in month order, each once. */
export function dueMonths(input: DueMonthsInput): YearMonth[] {
  const due = new Set<YearMonth>();
  for (const entry of input.calendar) {
    if (entry.periodMonth < input.firstMonth) continue;
    if (input.completed.has(entry.periodMonth)) continue;
    if (!(input.now > entry.cutoffAt)) continue;
    if (input.now < monthEnded(entry.periodMonth)) continue;
    due.add(entry.periodMonth);
  }
  return [...due].sort();
}

/** The moment a month has ended: the first day of the next month at midnight, Brussels wall time. */
export function monthEnded(month: YearMonth): LocalDateTime {
  return `${firstDayOf(addMonths(month, 1))} 00:00:00`;
}

/**
 * The first month when none is configured: the first month of the school year (September) of the last
 * month that has ended at `now`. So a scheduler started on 5 September 2018 still files August 2018
 * (school year 2017-2018), and one started in March 2018 starts at September 2017.
 */
export function defaultFirstMonth(now: LocalDateTime): YearMonth {
  const lastEnded = addMonths(monthOf(datePartOf(now)), -1);
  return monthOf(schoolYearOf(firstDayOf(lastEnded)).start);
}
