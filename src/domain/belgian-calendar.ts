/**
 * Working days in Belgium: Monday to Friday, but the ten legal public holidays (New Year, Easter
 * Monday, Labour Day, Ascension, Whit Monday, the National Day, Assumption, All Saints, Armistice,
 * Christmas), taken from the maintained `date-holidays` calendar. The benefits forms count in them:
 * the reference days of a ZIMA001 (R6: a public holiday is not listed), the deadline of a ZIMA006
 * ("the first working day of the second month after the resumption").
 */
import Holidays from "date-holidays";
import { addDays, type CalendarDate, calendarDate, isoWeekday } from "./calendar-date";
import { firstDayOf, lastDayOf, type YearMonth } from "./year-month";

const BELGIUM = new Holidays("BE");
const byYear = new Map<number, ReadonlySet<CalendarDate>>();

/** The legal public holidays of a year (the calendar's "public" days: not the observances). */
export function belgianPublicHolidays(year: number): ReadonlySet<CalendarDate> {
  let days = byYear.get(year);
  if (!days) {
    const holidays = BELGIUM.getHolidays(year) || [];
    days = new Set(holidays.filter((holiday) => holiday.type === "public").map((holiday) => calendarDate(holiday.date.slice(0, 10))));
    byYear.set(year, days);
  }
  return days;
}

export function isBelgianPublicHoliday(date: CalendarDate): boolean {
  return belgianPublicHolidays(Number(date.slice(0, 4))).has(date);
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: CalendarDate): boolean {
  return isoWeekday(date) <= 5 && !isBelgianPublicHoliday(date);
}

/** The working days from `first` to `last`, both included, in order. */
export function workingDaysBetween(first: CalendarDate, last: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day);
  return days;
}

/** The first working day of a month. */
export function firstWorkingDayOf(month: YearMonth): CalendarDate {
  const [first] = workingDaysBetween(firstDayOf(month), lastDayOf(month));
  return first;
}
