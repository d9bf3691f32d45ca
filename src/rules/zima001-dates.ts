/**
 * The dates a ZIMA001 (information sheet, scenario 1) derives from the risk's start, zone 00408
 * (zima-1-3-6.md §1.4, domain.md D24):
 * - R3, the quarter of the risk (zone 00013, "YYYYQ") and its first and last day (00038, 00039);
 * - R4, the reference date R₂ of the calculation base: the last day of the second quarter before the
 *   quarter of the risk (seed 001: "de laatste dag van het tweede kwartaal dat voorafgaat aan dat
 *   waarin het risico zich voordoet");
 * - R5, the last working day before the risk (zone 00410) when payroll does not give it: the last day
 *   before 00408 that is a Belgian working day and not before the occupation started; none when the
 *   risk starts on the occupation's first working day (the zone is then left out).
 */
import { isWorkingDay } from "../domain/belgian-calendar";
import { addDays, type CalendarDate } from "../domain/calendar-date";
import { addMonths, firstDayOf, lastDayOf, monthNumberOf, monthOf, type YearMonth, yearOf } from "../domain/year-month";

export interface Quarter {
  /** Zone 00013: the year and the quarter's number, "20242". */
  readonly code: string;
  readonly first: CalendarDate;
  readonly last: CalendarDate;
}

/** The first month of the quarter a month lies in. */
function quarterStart(month: YearMonth): YearMonth {
  return addMonths(month, -((monthNumberOf(month) - 1) % 3));
}

export function quarterOf(date: CalendarDate): Quarter {
  const start = quarterStart(monthOf(date));
  return { code: `${yearOf(start)}${(monthNumberOf(start) - 1) / 3 + 1}`, first: firstDayOf(start), last: lastDayOf(addMonths(start, 2)) };
}

/** R₂: the last day of the second quarter before the risk's quarter (a risk on 2024-06-03 → 2023-12-31). */
export function secondQuarterBeforeEnd(riskStart: CalendarDate): CalendarDate {
  return lastDayOf(addMonths(quarterStart(monthOf(riskStart)), -4));
}

/**
 * R5: the last working day before the absence, not before the occupation's start; null when there is
 * none. From this absence's own first day, also for a relapse (whose 00408 is the original's first day:
 * glossary 00410 "de laatste arbeidsdag vóór de herval").
 */
export function derivedLastWorkingDay(absenceStart: CalendarDate, occupationStart: CalendarDate): CalendarDate | null {
  for (let day = addDays(absenceStart, -1); day >= occupationStart; day = addDays(day, -1)) if (isWorkingDay(day)) return day;
  return null;
}
