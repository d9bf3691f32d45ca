/**
 * Age and legal pension age for ZIMA001 zone 00054 Retired (domain.md D24 OQ6). The birth date is the
 * INSZ's (YYMMDD; the check digits tell a birth from 2000; a BIS number's month carries +20 or +40); a
 * number without a full date (month or day 00) gives none.
 */
import type { CalendarDate } from "../domain/calendar-date";
import { isInszBornFrom2000, isValidInsz } from "../domain/check-digits";

/** The birth date an INSZ carries, or null. */
export function birthDateOfInsz(insz: string): CalendarDate | null {
  if (!isValidInsz(insz)) return null;
  const raw = Number(insz.slice(2, 4));
  const month = raw >= 40 ? raw - 40 : raw >= 20 ? raw - 20 : raw;
  const day = Number(insz.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return null;
  const year = (isInszBornFrom2000(insz) ? 2000 : 1900) + Number(insz.slice(0, 2));
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CalendarDate;
}

/** Whole years of age on a day, or null when the INSZ carries no birth date. */
export function ageOnDay(insz: string, day: CalendarDate): number | null {
  const birth = birthDateOfInsz(insz);
  if (birth === null) return null;
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) >= birth.slice(5) ? years : years - 1;
}

/** The legal pension age on a day, from the configured table (the last step on or before the day). */
export function legalPensionAgeOn(day: CalendarDate, table: readonly { readonly from: string; readonly age: number }[]): number {
  return table.filter((step) => step.from <= day).at(-1)?.age ?? table[0]?.age ?? 65;
}
