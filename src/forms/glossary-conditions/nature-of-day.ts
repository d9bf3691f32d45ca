/**
 * Conditions on the NatureOfDay blocks (90074: DayIndicator 00178, DayNatureCode 00179, HoursNumber 00180)
 * of a reference period, shared by WECH006 and ZIMA002, and the one month of a benefits form's reference
 * periods (ZIMA002, ZIMA003); each form type says where its reference periods are.
 */
import { type CalendarDate, parseCalendarDate } from "../../domain/calendar-date";
import type { FormNode } from "../form-envelope";
import { collect, date, int, nodes, occupationLinks, perForm, text } from "./form-reading";
import { monthOf } from "../../domain/year-month";
import type { GlossaryCondition } from "./types";

/** A reference period (90077) with the OccupationLink it belongs to. */
export interface PeriodView {
  readonly link: FormNode;
  readonly period: FormNode;
}

export type PeriodsOf = (form: FormNode) => PeriodView[];

/** The reference periods of a benefits form (ZIMA002, ZIMA003): each OccupationLink's ReferencePeriod blocks, with their link. */
export const benefitsPeriodsOf: PeriodsOf = perForm((form) =>
  occupationLinks(form).flatMap((link) => nodes(link, "ReferencePeriod").map((period) => ({ link, period }))),
);

/** 00075-098 of the benefits forms: a reference period ends in the month and year it starts in. */
export function refEndInStartMonth(periodsOf: PeriodsOf): GlossaryCondition {
  return {
    zone: "00075",
    anomaly: "00075-098",
    condition: 'RefEndingDate "moet betrekking hebben op dezelfde maand en hetzelfde jaar als de begindatum van de referteperiode"',
    check: (form) =>
      collect(periodsOf(form), ({ period }) => {
        const [start, end] = [date(period, "RefStartingDate"), date(period, "RefEndingDate")];
        return start !== null && end !== null && monthOf(start) !== monthOf(end)
          ? `RefEndingDate ${end} not in the month of RefStartingDate ${start}`
          : null;
      }),
  };
}

/** 90077-097 of the benefits forms: every reference period of a form in one month. */
export function oneMonthForAll(periodsOf: PeriodsOf): GlossaryCondition {
  return {
    zone: "90077",
    anomaly: "90077-097",
    condition: '"De referteperiode moet betrekking hebben op dezelfde maand en hetzelfde jaar voor alle tewerkstellingen"',
    check: (form) => {
      const months = [...new Set(periodsOf(form).map(({ period }) => text(period, "RefStartingDate")?.slice(0, 7)))];
      return months.length > 1 ? `reference periods in ${months.join(", ")}` : null;
    },
  };
}

interface DayView {
  readonly view: PeriodView;
  readonly indicator: string;
  readonly code: string;
  readonly hours: number | null;
  /** The day as a date in the year of RefStartingDate, null when it is no date of that year. */
  readonly day: CalendarDate | null;
}

function readDays(periodsOf: PeriodsOf, form: FormNode): DayView[] {
  return periodsOf(form).flatMap((view) => {
    const year = text(view.period, "RefStartingDate")?.slice(0, 4) ?? "";
    return nodes(view.period, "NatureOfDay").map((n) => {
      const indicator = text(n, "DayIndicator") ?? "";
      const day = /^--\d{2}-\d{2}$/.test(indicator) ? parseCalendarDate(`${year}-${indicator.slice(2)}`) : null;
      return { view, indicator, code: text(n, "DayNatureCode") ?? "", hours: int(n, "HoursNumber"), day };
    });
  });
}

/** The days of a form, read once per form for each way of finding its reference periods. */
const dayReaders = new Map<PeriodsOf, (form: FormNode) => DayView[]>();

function daysOf(periodsOf: PeriodsOf, form: FormNode): DayView[] {
  let read = dayReaders.get(periodsOf);
  if (!read) dayReaders.set(periodsOf, (read = perForm((f) => readDays(periodsOf, f))));
  return read(form);
}

/** Runs a check on every NatureOfDay of the form. */
function eachDay(periodsOf: PeriodsOf, check: (d: DayView) => string | null): (form: FormNode) => string | null {
  return (form) => collect(daysOf(periodsOf, form), check);
}

export function dayInReferenceMonth(periodsOf: PeriodsOf): GlossaryCondition {
  return {
    zone: "00178",
    anomaly: "00178-008",
    condition:
      'DayIndicator: "De maand moet gelijk zijn aan de maand van de begindatum van de referteperiode", and --MM-DD is a real day of that year',
    check: eachDay(periodsOf, ({ view, indicator, day }) => {
      const start = text(view.period, "RefStartingDate") ?? "";
      if (day === null) return `DayIndicator ${indicator} is no day of ${start.slice(0, 4)}`;
      return day.slice(5, 7) !== start.slice(5, 7) ? `DayIndicator ${indicator} is not in the month of RefStartingDate ${start}` : null;
    }),
  };
}

export function dayInReferencePeriod(periodsOf: PeriodsOf): GlossaryCondition {
  return {
    zone: "00178",
    anomaly: "00178-097",
    condition: "DayIndicator lies in its reference period, from RefStartingDate (00074) to RefEndingDate (00075)",
    check: eachDay(periodsOf, ({ view, indicator, day }) => {
      const [start, end] = [date(view.period, "RefStartingDate"), date(view.period, "RefEndingDate")];
      if (day === null || start === null || end === null) return null;
      return day < start || day > end ? `DayIndicator ${indicator} outside the reference period ${start} - ${end}` : null;
    }),
  };
}

export function dayInOccupation(periodsOf: PeriodsOf): GlossaryCondition {
  return {
    zone: "00178",
    anomaly: "00178-099",
    condition:
      "DayIndicator lies in the occupation: not before OccupationStartingDate (00044), not after OccupationEndingDate (00045) when there is one",
    check: eachDay(periodsOf, ({ view, indicator, day }) => {
      const [start, end] = [date(view.link, "OccupationStartingDate"), date(view.link, "OccupationEndingDate")];
      if (day === null) return null;
      if (start !== null && day < start) return `DayIndicator ${indicator} before OccupationStartingDate ${start}`;
      return end !== null && day > end ? `DayIndicator ${indicator} after OccupationEndingDate ${end}` : null;
    }),
  };
}

/** The NatureOfDay blocks of each reference period, grouped by DayIndicator. */
function byDay(periodsOf: PeriodsOf, form: FormNode): DayView[][] {
  const groups = new Map<string, DayView[]>();
  for (const d of daysOf(periodsOf, form)) {
    const key = `${periodsOf(form).indexOf(d.view)}/${d.indicator}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()];
}

/** "Er kunnen maximum 2 verschillende codes aard van de dag op dezelfde datum voorkomen" (WECH006 90074-006, ZIMA002 00178-006). */
export function twoCodesPerDay(periodsOf: PeriodsOf, zone: string, anomaly: string): GlossaryCondition {
  return {
    zone,
    anomaly,
    condition:
      'At most two NatureOfDay blocks per DayIndicator, each with another DayNatureCode ("maximum 2 verschillende codes aard van de dag op dezelfde datum")',
    check: (form) =>
      collect(byDay(periodsOf, form), (group) => {
        const codes = group.map((d) => d.code);
        return codes.length > 2 || new Set(codes).size < codes.length
          ? `DayIndicator ${group[0].indicator} with codes ${codes.join(", ")}`
          : null;
      }),
  };
}

export function hoursPerDay(periodsOf: PeriodsOf, max: number, words: string): GlossaryCondition {
  return {
    zone: "00180",
    anomaly: "00180-100",
    condition: `The HoursNumber of the blocks of one DayIndicator add up to at most ${max} (${words})`,
    check: (form) =>
      collect(byDay(periodsOf, form), (group) => {
        const total = group.reduce((sum, d) => sum + (d.hours ?? 0), 0);
        return total > max ? `DayIndicator ${group[0].indicator}: HoursNumber ${total} in total > ${max}` : null;
      }),
  };
}

export function zeroHoursOnlyFor(periodsOf: PeriodsOf, max: number, codes: readonly string[], words: string): GlossaryCondition {
  return {
    zone: "00180",
    anomaly: "00180-008",
    condition: `HoursNumber at most ${max} per block, and 0 only ${words} (day codes ${codes.join(", ")})`,
    check: eachDay(periodsOf, ({ indicator, code, hours }) => {
      if (hours !== null && hours > max) return `DayIndicator ${indicator}: HoursNumber ${hours} > ${max}`;
      return hours === 0 && !codes.includes(code) ? `DayIndicator ${indicator}: HoursNumber 0 with DayNatureCode ${code}` : null;
    }),
  };
}

/** The day codes of the form, in order, with their days (for the form types' own day-code rules). */
export function dayCodes(periodsOf: PeriodsOf, form: FormNode): { code: string; day: CalendarDate | null; indicator: string }[] {
  return daysOf(periodsOf, form).map(({ code, day, indicator }) => ({ code, day, indicator }));
}
