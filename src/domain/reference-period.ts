/**
 * The period a form is about, by its form type's cadence: a month for the monthly forms (WECH006,
 * ZIMA002), a holiday year for the yearly one (ZIMA005), none for a form once per occupation (WECH003,
 * where the field is null). One union of two shapes, "YYYY-MM" and "YYYY", so that it keys the state
 * (column reference_month), the decision record and the unit keys as the text it is, and a holiday year
 * is never taken for a month: {@link isHolidayYear} tells them apart.
 */
import { parseYearMonth, type YearMonth } from "./year-month";

/** A holiday year as its reference period, "YYYY". */
export type HolidayYearPeriod = `${number}`;

export type ReferencePeriod = YearMonth | HolidayYearPeriod;

export function holidayYearPeriod(year: number): HolidayYearPeriod {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new Error(`not a holiday year: ${year}`);
  return `${year}`;
}

export function isHolidayYear(period: ReferencePeriod): period is HolidayYearPeriod {
  return /^\d{4}$/.test(period);
}

/** The holiday year of a yearly form's period, or null for a month. */
export function holidayYearOf(period: ReferencePeriod): number | null {
  return isHolidayYear(period) ? Number(period) : null;
}

/** A stored or recorded period ("YYYY-MM" or "YYYY") back as one, or null when it is neither. */
export function parseReferencePeriod(text: string): ReferencePeriod | null {
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return year >= 1900 && year <= 2999 ? holidayYearPeriod(year) : null;
  }
  return parseYearMonth(text);
}

/** A period the adapter stored itself (state, its own records): throws when it is neither shape, which only a damaged table can hold. */
export function storedReferencePeriod(text: string | null): ReferencePeriod | null {
  if (text === null) return null;
  const period = parseReferencePeriod(text);
  if (period === null) throw new Error(`a stored reference period is neither YYYY-MM nor YYYY: ${JSON.stringify(text)}`);
  return period;
}
