/**
 * Reading a unit line of decisions.jsonl by what its form said: the content common to every declared
 * form, or the content of one form type (null for a unit that was not declared, or of another type).
 * The one place the reports narrow a unit line by its form type.
 */
import type { CalendarDate } from "../domain/calendar-date";
import type { FormType } from "../rules/decision-types";
import type {
  DeclaredContentOf,
  Wech003Content,
  Wech006Content,
  Zima001Content,
  Zima002Content,
  Zima003Content,
  Zima005Content,
  Zima006Content,
} from "./declared-content";
import type { UnitLine } from "./decision-lines";

function contentOf<T extends FormType>(unit: UnitLine, formType: T): DeclaredContentOf<T> | null {
  if (unit.status !== "declared" || unit.formType !== formType) return null;
  return unit.declared as DeclaredContentOf<T>;
}

export const wech003Content = (unit: UnitLine): Wech003Content | null => contentOf(unit, "WECH003");
export const wech006Content = (unit: UnitLine): Wech006Content | null => contentOf(unit, "WECH006");
export const zima001Content = (unit: UnitLine): Zima001Content | null => contentOf(unit, "ZIMA001");
export const zima002Content = (unit: UnitLine): Zima002Content | null => contentOf(unit, "ZIMA002");
export const zima003Content = (unit: UnitLine): Zima003Content | null => contentOf(unit, "ZIMA003");
export const zima005Content = (unit: UnitLine): Zima005Content | null => contentOf(unit, "ZIMA005");
export const zima006Content = (unit: UnitLine): Zima006Content | null => contentOf(unit, "ZIMA006");

/** Zone 00044 of a WECH003 or WECH006 form (null for the ZIMA forms, which have reference periods). */
export function occupationStartingDate(unit: UnitLine): CalendarDate | null {
  return wech003Content(unit)?.occupationStartingDate ?? wech006Content(unit)?.occupationStartingDate ?? null;
}

/** Zone 00430 of a ZIMA form. */
export function subRiskOf(unit: UnitLine): number | null {
  return zima002Content(unit)?.subRisk ?? zima005Content(unit)?.subRisk ?? null;
}
