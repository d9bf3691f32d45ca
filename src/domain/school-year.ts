import type { CalendarDate } from "./calendar-date";

/** The school year (1 September - 31 August) that contains `date`. */
export function schoolYearOf(date: CalendarDate): { start: CalendarDate; end: CalendarDate; label: string } {
  const year = Number(date.slice(0, 4));
  const startYear = Number(date.slice(5, 7)) >= 9 ? year : year - 1;
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31`, label: `${startYear}-${startYear + 1}` };
}
