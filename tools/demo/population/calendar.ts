/**
 * The demo population's school years (2017-2018, and 2018-2019 for renewals), the months its salary
 * lines cover, and the dates and moments its assignments start and notifications arrive on (the
 * cut-off moments are the payment calendar's, circular-examples.ts).
 */
import { type CalendarDate, isoWeekday } from "../../../src/domain/calendar-date";
import { dayOf, type YearMonth } from "../../../src/domain/year-month";

/** Salary lines exist for the months of the two school years the payment calendar covers. */
export const FIRST_DATA_MONTH: YearMonth = "2017-09";
export const LAST_DATA_MONTH: YearMonth = "2019-08";
export const YEAR_START: CalendarDate = "2017-09-01";
export const YEAR_END: CalendarDate = "2018-06-30";
export const NEXT_YEAR_START: CalendarDate = "2018-09-01";
export const NEXT_YEAR_END: CalendarDate = "2019-06-30";

/** The Mondays of `month` that fall on day 1-21, so that a start is always paid that month. */
export function startingMondays(month: YearMonth): CalendarDate[] {
  const mondays: CalendarDate[] = [];
  for (let day = 1; day <= 21; day++) {
    const date = dayOf(month, day);
    if (isoWeekday(date) === 1) mondays.push(date);
  }
  return mondays;
}

export function timestamp(date: CalendarDate, hour: number, minute: number, second = 0): string {
  const two = (value: number) => String(value).padStart(2, "0");
  return `${date} ${two(hour)}:${two(minute)}:${two(second)}`;
}
