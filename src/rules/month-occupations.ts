/**
 * WECH006 occupations of one month (domain.md D19, glossary 00044/00045/00048/00098/00769 of WECH006):
 * - one assignment row is one occupation, except that rows of one institution that follow each other
 *   without a gap inside the month (an "opdrachtwijziging": the fraction changes) are one uninterrupted
 *   part-time occupation: one form, 00769 = 3, Q the calendar-day average truncated to hundredths
 *   ("afgekapt na twee decimalen"), 00098 the full-time monthly salary on its first day in the month;
 * - only part-time rows (Q < S) of the same reference person (same S) are joined: a full-time piece or
 *   another S stays an occupation of its own;
 * - dates: Q < S or 00769 = 3 → 00044 the start if in the month, else the first day; 00045 the end if in
 *   the month, else the last day. Q = S → 00044 the assignment's real start, 00045 only when it ends in
 *   the month ("Verboden in alle andere gevallen").
 */
import { addDays, type CalendarDate, maxDate, minDate } from "../domain/calendar-date";
import { dayCount } from "../domain/date-range";
import { type Cents, cents } from "../domain/money";
import { firstDayOf, lastDayOf, type YearMonth } from "../domain/year-month";
import type { CheckedAssignment } from "./person-context";

/** One occupation of the month: its assignment rows in date order (the first is the unit's). */
export interface MonthOccupation {
  readonly rows: readonly CheckedAssignment[];
}

/** Whether `next` continues `row` inside the month: same institution and S, both part-time, no day between, the change inside the month. */
function continues(row: CheckedAssignment, next: CheckedAssignment, month: YearMonth): boolean {
  const a = row.facts;
  const b = next.facts;
  if (a === null || b === null || row.range?.end == null || next.range === null) return false;
  if (a.institutionId !== b.institutionId || a.s !== b.s || a.q >= a.s || b.q >= b.s) return false;
  const end = row.range.end;
  return addDays(end, 1) === next.range.start && end >= firstDayOf(month) && end < lastDayOf(month);
}

/** The month's occupations among `open` (assignments with a known range), each row in exactly one. */
export function monthOccupations(open: readonly CheckedAssignment[], month: YearMonth): MonthOccupation[] {
  const ordered = [...open].sort((x, y) =>
    x.range!.start < y.range!.start ? -1 : x.range!.start > y.range!.start ? 1 : x.record.id - y.record.id,
  );
  const used = new Set<CheckedAssignment>();
  const occupations: MonthOccupation[] = [];
  for (const first of ordered) {
    if (used.has(first)) continue;
    const rows = [first];
    used.add(first);
    for (;;) {
      const last = rows[rows.length - 1];
      const next = ordered.find((candidate) => !used.has(candidate) && continues(last, candidate, month));
      if (!next) break;
      rows.push(next);
      used.add(next);
    }
    occupations.push({ rows });
  }
  return occupations;
}

/** The calendar days of each row inside the month. */
function daysInMonthOf(row: CheckedAssignment, month: YearMonth): number {
  const start = maxDate(row.range!.start, firstDayOf(month));
  const end = row.range!.end === null ? lastDayOf(month) : minDate(row.range!.end, lastDayOf(month));
  return end < start ? 0 : dayCount({ start, end });
}

/** Zone 00048 for 00769 = 3: Σ(Q x calendar days) / Σ calendar days, truncated to hundredths of hours. */
export function averageQ(rows: readonly CheckedAssignment[], month: YearMonth): number {
  let weighted = 0;
  let days = 0;
  for (const row of rows) {
    const d = daysInMonthOf(row, month);
    weighted += row.facts!.q * d;
    days += d;
  }
  return Math.floor(weighted / days);
}

/** Zone 00098 for 00769 = 3: the full-time monthly salary of the row in force on the occupation's first day (monthly_salary x denominator / numerator, half up). */
export function fullTimeSalary(row: CheckedAssignment): Cents {
  const { monthlySalary, numerator, denominator } = row.facts!;
  return cents(Math.floor((2 * monthlySalary * denominator + numerator) / (2 * numerator)));
}

/** Zones 00044 and 00045 of an occupation in the month (00045 null: not written). */
export function occupationDates(occupation: MonthOccupation, month: YearMonth): { start: CalendarDate; end: CalendarDate | null } {
  const first = occupation.rows[0].range!;
  const last = occupation.rows[occupation.rows.length - 1].range!;
  const monthEnd = lastDayOf(month);
  const endsInMonth = last.end !== null && last.end <= monthEnd;
  const facts = occupation.rows[0].facts!;
  if (occupation.rows.length === 1 && facts.q >= facts.s) return { start: first.start, end: endsInMonth ? last.end : null };
  return { start: maxDate(first.start, firstDayOf(month)), end: endsInMonth ? last.end! : monthEnd };
}

/** Whether an occupation covers every day of the month. */
export function coversWholeMonth(occupation: MonthOccupation, month: YearMonth): boolean {
  const first = occupation.rows[0].range!;
  const last = occupation.rows[occupation.rows.length - 1].range!;
  return first.start <= firstDayOf(month) && (last.end === null || last.end >= lastDayOf(month));
}
