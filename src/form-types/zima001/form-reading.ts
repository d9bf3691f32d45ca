/**
 * Reading a built ZIMA001 for its glossary conditions: the mini-DmfA tree (EmployerDeclaration 90007 →
 * NaturalPerson → WorkerRecord 90012 → Occupation 90015 → RiskDetailOccupation 90006 → ReferencePeriod
 * 90077 → NatureOfDay 90074) and the risk's blocks before it. The envelope, the person and the worker
 * records are read by the shared src/forms/glossary-conditions/form-reading.ts. Pure, no I/O.
 */
import { type CalendarDate, parseCalendarDate } from "../../domain/calendar-date";
import type { FormNode } from "../../forms/form-envelope";
import { date, employerLink, int, node, nodes, perForm, text, workerRecords } from "../../forms/glossary-conditions/form-reading";

/** AttestationStatus (00110): 0 original, 1 modification, 3 cancellation, 7 modification of a paper form. */
export const statusOf = (form: FormNode): number | null => int(form, "AttestationStatus");

export const isCancellation = (form: FormNode): boolean => statusOf(form) === 3;

/** RiskStartingDate (00408) of RiskDetail (90252). */
export const riskStartOf = (form: FormNode): CalendarDate | null => date(node(form, "RiskDetail"), "RiskStartingDate");

/** The quarter of the (first) EmployerDeclaration (00013, JJJJK) with its civil first and last day. */
export interface DeclaredQuarter {
  readonly code: number;
  readonly year: number;
  readonly quarter: number;
  readonly first: CalendarDate;
  readonly last: CalendarDate;
}

const QUARTER_BOUNDS = [
  ["01-01", "03-31"],
  ["04-01", "06-30"],
  ["07-01", "09-30"],
  ["10-01", "12-31"],
] as const;

export function quarterOf(form: FormNode): DeclaredQuarter | null {
  const code = int(employerLink(form), "Quarter");
  if (code === null || !/^\d{4}[1-4]$/.test(String(code))) return null;
  const year = Math.floor(code / 10);
  const quarter = code % 10;
  const [first, last] = QUARTER_BOUNDS[quarter - 1];
  return { code, year, quarter, first: `${year}-${first}` as CalendarDate, last: `${year}-${last}` as CalendarDate };
}

/** One Occupation (90015) with the WorkerRecord that holds it and its RiskDetailOccupation (90006), when written. */
export interface OccupationView {
  readonly record: FormNode;
  readonly occupation: FormNode;
  readonly risk: FormNode | null;
}

/** Every Occupation of every WorkerRecord of the form. */
export const occupationsOf: (form: FormNode) => OccupationView[] = perForm((form) =>
  workerRecords(form).flatMap((record) =>
    nodes(record, "Occupation").map((occupation) => ({ record, occupation, risk: node(occupation, "RiskDetailOccupation") })),
  ),
);

/** A ReferencePeriod (90077) with its NatureOfDay entries (90074) and its bounds when they are valid dates. */
export interface PeriodView {
  readonly occupation: FormNode;
  readonly period: FormNode;
  readonly start: CalendarDate | null;
  readonly end: CalendarDate | null;
  readonly days: FormNode[];
}

export const referencePeriodsOf: (form: FormNode) => PeriodView[] = perForm((form) =>
  occupationsOf(form).flatMap(({ occupation, risk }) =>
    nodes(risk, "ReferencePeriod").map((period) => ({
      occupation,
      period,
      start: date(period, "RefStartingDate"),
      end: date(period, "RefEndingDate"),
      days: nodes(period, "NatureOfDay"),
    })),
  ),
);

/**
 * The calendar day a DayIndicator (00178, "--MM-DD") names inside the reference period [start; end]: the
 * period gives the year (it can span a New Year). Null when no year of the period makes it a day inside it.
 */
export function dayInPeriod(indicator: string | null, start: CalendarDate, end: CalendarDate): CalendarDate | null {
  const match = indicator === null ? null : /^--(\d{2}-\d{2})$/.exec(indicator);
  if (match === null) return null;
  const years = [...new Set([start.slice(0, 4), end.slice(0, 4)])];
  const candidates = years.map((year) => parseCalendarDate(`${year}-${match[1]}`)).filter((day) => day !== null);
  return candidates.find((day) => day >= start && day <= end) ?? null;
}

/** The DayIndicator of a NatureOfDay entry. */
export const dayIndicatorOf = (day: FormNode): string | null => text(day, "DayIndicator");
