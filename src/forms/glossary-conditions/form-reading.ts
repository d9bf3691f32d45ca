/**
 * Reading a built form (FormNode: keys are element names, an array is a repeated element) for the
 * glossary conditions, and the small date rules they share. Pure, no I/O.
 */
import { addDays, type CalendarDate, calendarDate, parseCalendarDate } from "../../domain/calendar-date";
import { lastDayOf, monthOf, yearMonth } from "../../domain/year-month";
import type { FormNode } from "../form-envelope";

type Child = FormNode[string] | undefined;

function isNode(value: Child): value is FormNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The child blocks with this label: one object, a repeated element (array), or none. */
export function nodes(parent: FormNode | null, label: string): FormNode[] {
  const value: Child = parent?.[label];
  if (Array.isArray(value)) return value;
  return isNode(value) ? [value] : [];
}

/** The first child block with this label, or null. */
export function node(parent: FormNode | null, label: string): FormNode | null {
  return nodes(parent, label)[0] ?? null;
}

/** A zone's value as text, or null when the zone is absent (or is a block). */
export function text(parent: FormNode | null, label: string): string | null {
  const value: Child = parent?.[label];
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

/** A zone's value as a whole number, or null when absent or not a whole number. */
export function int(parent: FormNode | null, label: string): number | null {
  const value = text(parent, label);
  return value !== null && /^-?\d+$/.test(value) ? Number(value) : null;
}

/** A zone's value when it is a valid YYYY-MM-DD date, else null (its format is the XSD's business). */
export function date(parent: FormNode | null, label: string): CalendarDate | null {
  const value = text(parent, label);
  return value === null ? null : parseCalendarDate(value);
}

export function has(parent: FormNode | null, label: string): boolean {
  return parent !== null && parent[label] !== undefined;
}

/**
 * The employer link: EmployerDeclarationLink, or the PPL variant NOSSLPAEmployerDeclarationLink; on a
 * ZIMA001, whose forms have neither, its (first) mini-DmfA EmployerDeclaration (90007).
 */
export function employerLink(form: FormNode): FormNode | null {
  return node(form, "EmployerDeclarationLink") ?? node(form, "NOSSLPAEmployerDeclarationLink") ?? node(form, "EmployerDeclaration");
}

export function naturalPerson(form: FormNode): FormNode | null {
  return node(employerLink(form), "NaturalPerson");
}

/**
 * A view of a form computed once per form: a table asks the same view for each of its rows, one form
 * after the other, and a run checks hundreds of thousands of forms — so the last form's view is kept.
 * The form must not change after it was built (it does not: it is checked, then written).
 */
export function perForm<T>(compute: (form: FormNode) => T): (form: FormNode) => T {
  let lastForm: FormNode | null = null;
  let lastValue: T;
  return (form) => {
    if (form !== lastForm) {
      lastValue = compute(form);
      lastForm = form;
    }
    return lastValue;
  };
}

/** The person's WorkerRecordLinks; on a ZIMA001 (which has none) its mini-DmfA WorkerRecords (90012). */
export const workerRecords: (form: FormNode) => FormNode[] = perForm((form) => {
  const person = naturalPerson(form);
  return [...nodes(person, "WorkerRecordLink"), ...nodes(person, "WorkerRecord")];
});

/** Every OccupationLink of the form, whatever WorkerRecordLink holds it; on a ZIMA001 every Occupation (90015). */
export const occupationLinks: (form: FormNode) => FormNode[] = perForm((form) =>
  workerRecords(form).flatMap((record) => [...nodes(record, "OccupationLink"), ...nodes(record, "Occupation")]),
);

/** The zone IdentificationOfRisk (00430), e.g. "002". */
export function riskOf(form: FormNode): string | null {
  return text(node(form, "RiskIdentification"), "IdentificationOfRisk");
}

/** FormCreationDate (00218): the form's own "today" for rules relative to the current date. */
export function creationDateOf(form: FormNode): CalendarDate | null {
  return date(form, "FormCreationDate");
}

/** Runs a check on each item and joins what it reports; null when nothing is. */
export function collect<T>(items: readonly T[], check: (item: T, index: number) => string | null): string | null {
  const found = items.map(check).filter((detail): detail is string => detail !== null);
  return found.length === 0 ? null : found.join("; ");
}

/** The last day of the calendar quarter of a date: 2026-11-05 → 2026-12-31. */
export function quarterEndOf(day: CalendarDate): CalendarDate {
  const month = Number(day.slice(5, 7));
  return lastDayOf(yearMonth(`${day.slice(0, 4)}-${String(Math.ceil(month / 3) * 3).padStart(2, "0")}`));
}

/** The first day of the calendar quarter of a date: 2026-11-05 → 2026-10-01. */
export function quarterStartOf(day: CalendarDate): CalendarDate {
  const month = Number(day.slice(5, 7));
  return calendarDate(`${day.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, "0")}-01`);
}

/** The last day of the month after a date's month: 2026-12-31 → 2027-01-31. */
export function endOfNextMonth(day: CalendarDate): CalendarDate {
  return lastDayOf(monthOf(addDays(lastDayOf(monthOf(day)), 1)));
}

/** Weekly hours in hundredths as the glossary writes them: 1600 → "16.00". */
export function hours(value: number): string {
  return (value / 100).toFixed(2);
}
