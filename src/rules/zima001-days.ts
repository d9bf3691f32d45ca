/**
 * The reference period of a ZIMA001 and its days (block 90077 / 90074; zima-1-3-6.md §1.4 R6 as errata
 * 4 corrects it, domain.md D24 OQ2):
 * - 001 incapacity: from the absence's own first day to the last day the agency paid; the days from
 *   absence_day, else the five-day-week fallback (src/rules/zima001-reference-days.ts), which waits
 *   (REFERENCE_DAYS_MISSING) for any other week or a public holiday in the period — for a five-day week a
 *   bounded wait, as D17's: once it is over, or an operator released it, the sheet lists the period's
 *   working days (Monday to Friday, public holidays left out) with the paid-day code, flagged for the
 *   operator; another week's days would be a guess, so they wait for payroll or an operator's release;
 * - 006 birth leave: from the first leave day (= 00408) to the last; one day per leave day of every block:
 *   from absence_day, else the working days of the blocks, code 1 up to the agency's paid_until and 6.10
 *   after; at most 20 (a birth from 2023), 15 (from 2021) or 10 entries;
 * - 002, 003, 005, 007, 008: from absence_day only (no derivation, OQ2): without rows the risk waits;
 * - 004 partial removal: no reference period (forbidden).
 * Each day's code must be one the glossary allows for the risk (00179); 00180 only for a part-timer:
 * the row's hours, else Q/S of the 38-hour week over the days a week. At most 182 days.
 */
import { isWorkingDay } from "../domain/belgian-calendar";
import { addDays, type CalendarDate } from "../domain/calendar-date";
import type { AbsenceDayRecord, AbsenceRecord } from "../domain/ministry-records";
import { recordProblem, type RecordProblem } from "../domain/outcome-codes";
import { absenceDayProblems } from "./benefits-2026-validation";
import type { OccupationFacts, Zima001Day } from "./decision-types";
import { dayHours, fallbackIncapacityDays, type ReferenceDay } from "./zima001-reference-days";

/** Zone 00179 per risk (zima-1-3-6.md §1.2, glossary 00179 with annex 13). */
const SICKNESS_CODES = ["1", "2.1", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "3.1", "3.2", "3.3", "3.4", "3.5", "4"]
  .concat(Array.from({ length: 11 }, (_, i) => `5.${i + 1}`))
  .concat(["6.5", "6.6", "6.7", "6.8", "6.9", "7", "9"]);
export const DAY_CODES_BY_RISK: Readonly<Record<string, readonly string[]>> = {
  "001": [...SICKNESS_CODES, "1.1", "1.3"],
  "002": SICKNESS_CODES,
  "003": SICKNESS_CODES,
  "005": SICKNESS_CODES,
  "006": ["1", "6.10"],
  "007": ["1", "4"],
  "008": ["1", "4"],
};

/** Block 90074 occurs at most 182 times (ZIMA001 XSD). */
const MAX_DAYS = 182;

/** The days of the period before hours, or why the sheet waits or is rejected. */
export type RiskDays =
  | {
      readonly start: CalendarDate;
      readonly end: CalendarDate;
      readonly days: readonly (ReferenceDay & { readonly hours: number | null })[];
      /** The days were derived only because the wait is over (REFERENCE_DAYS_DERIVED). */
      readonly derivedAfterWait: boolean;
    }
  | { readonly none: true }
  | { readonly waiting: string }
  | { readonly problem: RecordProblem };

export interface RiskDaysInput {
  readonly risk: string;
  /** The absence, or for birth leave every block of the birth in date order. */
  readonly blocks: readonly AbsenceRecord[];
  readonly absenceDays: readonly AbsenceDayRecord[];
  /** Days a week x 100 of the first occupation (the fallback lists Monday to Friday only for five). */
  readonly daysPerWeek: number | null;
  readonly relapse: boolean;
  /**
   * How the wait for absence_day rows stands: "waiting"; "bound" (D17's months are over: a five-day week's
   * working days are listed, another week's would be a guess and keep waiting); "released" (an operator
   * decided with `easr release`: the working days are listed whatever the week, on the operator's word).
   */
  readonly decideNow: "waiting" | "bound" | "released";
}

/** Birth leave: 20 entries for a birth from 2023, 15 from 2021, else 10 (glossary 90074). */
function birthLeaveMax(eventDate: CalendarDate | null): number {
  if (eventDate !== null && eventDate >= "2023-01-01") return 20;
  return eventDate !== null && eventDate >= "2021-01-01" ? 15 : 10;
}

/** A listed day with the absence_day row it comes from (null: derived). */
interface ListedDay {
  readonly day: CalendarDate;
  readonly code: string;
  readonly hours: number | null;
  readonly id: number | null;
}

function fromRows(rows: readonly AbsenceDayRecord[]): ListedDay[] {
  return rows
    .filter((r) => r.day !== null)
    .sort((a, b) => (a.day! < b.day! ? -1 : 1))
    .map((r) => ({ day: r.day!, code: r.code, hours: r.hours, id: r.id }));
}

/** Birth leave without absence_day rows: the working days of every block, 1 while the agency paid, 6.10 after. */
function birthLeaveFallback(blocks: readonly AbsenceRecord[]): ListedDay[] {
  const paidUntil = blocks[0].paidUntil;
  const days: ListedDay[] = [];
  for (const block of blocks)
    for (let day = block.firstDay!; day <= (block.lastDay ?? block.firstDay!); day = addDays(day, 1))
      if (isWorkingDay(day)) days.push({ day, code: paidUntil !== null && day <= paidUntil ? "1" : "6.10", hours: null, id: null });
  return days;
}

type Listed = {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly listed: readonly ListedDay[];
  readonly derivedAfterWait?: boolean;
};

/** Once the wait is over: the working days of the paid period (public holidays left out) with the paid-day code. */
function workingDaysAfterWait(first: AbsenceRecord, end: CalendarDate): ListedDay[] | null {
  if (first.paidDayCode === null) return null;
  const days: ListedDay[] = [];
  for (let day = first.firstDay!; day <= end; day = addDays(day, 1))
    if (isWorkingDay(day)) days.push({ day, code: first.paidDayCode, hours: null, id: null });
  return days;
}

function listedDays(input: RiskDaysInput): Listed | { readonly waiting: string } | { readonly problem: RecordProblem } {
  const first = input.blocks[0];
  const ids = new Set(input.blocks.map((b) => b.id));
  const own = input.absenceDays.filter((d) => d.absenceId !== null && ids.has(d.absenceId));
  // A row that breaks the contract (an unreadable day, hours out of range) rejects the sheet, never shortens it.
  const [problem] = own.flatMap((d) => absenceDayProblems(d));
  if (problem) return { problem };
  const rows = fromRows(own);
  if (input.risk === "006") {
    const days = rows.length > 0 ? rows : birthLeaveFallback(input.blocks);
    const end = input.blocks.reduce((last, b) => (b.lastDay !== null && b.lastDay > last ? b.lastDay : last), first.firstDay!);
    return { start: first.firstDay!, end, listed: days };
  }
  if (input.risk === "001") {
    const end = first.paidUntil !== null && first.paidUntil >= first.firstDay! ? first.paidUntil : first.firstDay!;
    if (rows.length > 0) return { start: first.firstDay!, end, listed: rows };
    const fallback = fallbackIncapacityDays({
      absenceStart: first.firstDay!,
      paidUntil: first.paidUntil,
      paidDayCode: first.paidDayCode,
      daysPerWeek: input.daysPerWeek,
      relapse: input.relapse,
    });
    if ("waiting" in fallback) {
      // After the wait only what is no guess (errata 4): a five-day week's working days, public holidays left
      // out; another week's only when an operator released it.
      const fiveDays = input.daysPerWeek === null || input.daysPerWeek === 500;
      const listable = input.decideNow === "released" || (input.decideNow === "bound" && fiveDays);
      const derived = listable ? workingDaysAfterWait(first, end) : null;
      return derived ? { start: first.firstDay!, end, listed: derived, derivedAfterWait: true } : { waiting: fallback.why };
    }
    return { start: first.firstDay!, end, listed: fallback.days.map((d) => ({ ...d, hours: null, id: null })) };
  }
  if (rows.length === 0) return { waiting: `risk ${input.risk}: payroll gives the days of the reference period (absence_day)` };
  return { start: first.firstDay!, end: rows[rows.length - 1].day, listed: rows };
}

/** R6 without the hours: the period and its days, or why there is none, the sheet waits or is rejected. */
export function riskDays(input: RiskDaysInput): RiskDays {
  if (input.risk === "004") return { none: true };
  const found = listedDays(input);
  if ("waiting" in found || "problem" in found) return found;
  const { start, end, listed, derivedAfterWait = false } = found;
  const allowed = DAY_CODES_BY_RISK[input.risk] ?? [];
  const wrong = listed.find((d) => !allowed.includes(d.code));
  if (wrong)
    return {
      problem:
        wrong.id === null
          ? recordProblem(
              "absence",
              input.blocks[0].id,
              "paid_day_code",
              "DAY_NATURE_CODE_NOT_ALLOWED",
              `${wrong.code} for risk ${input.risk}`,
            )
          : recordProblem("absence_day", wrong.id, "code", "DAY_NATURE_CODE_NOT_ALLOWED", `${wrong.code} for risk ${input.risk}`),
    };
  const max = input.risk === "006" ? birthLeaveMax(input.blocks[0].eventDate) : MAX_DAYS;
  if (listed.length > max)
    return { problem: recordProblem("absence", input.blocks[0].id, "last_day", "TOO_MANY_DAYS", `${listed.length} days > ${max}`) };
  return { start, end, days: listed.map(({ day, code, hours }) => ({ day, code, hours })), derivedAfterWait };
}

/** Zone 00180 of each day for one occupation: only for a part-timer (Q < S), the row's hours or Q/S of the week over its days. */
export function daysFor(
  days: readonly (ReferenceDay & { readonly hours: number | null })[],
  occupation: OccupationFacts,
  referenceWeek: number,
  defaultDaysPerWeek: number,
): Zima001Day[] {
  const partTime = occupation.q < occupation.s;
  const computed = partTime ? dayHours(occupation.q, occupation.s, referenceWeek, occupation.daysPerWeek ?? defaultDaysPerWeek) : null;
  return days.map((d) => ({ day: d.day, code: d.code, hours: partTime ? (d.hours ?? computed) : null }));
}
