/**
 * The gross a declaration declares (zone 00124), for the decision record and the run summary's amounts:
 * WECH006 its ExactSalary; ZIMA002 the exact wages of every period, which only sub-risk 2 declares; the
 * other form types none.
 */
import { type Cents, sumCents } from "../domain/money";
import { unreachable } from "../domain/unreachable";
import type { Declaration, Zima002Declaration } from "./decision-types";

/** A ZIMA002 form's gross: the exact wages of every period; null for sub-risk 1, which declares none. */
export function zima002Gross(d: Zima002Declaration): Cents | null {
  return d.subRisk === 2 ? sumCents(d.periods.flatMap((p) => p.exactWages.map((w) => w.amount))) : null;
}

/** The gross a form declares; null for the form types and the sub-risk without one. */
export function grossOf(declaration: Declaration): Cents | null {
  switch (declaration.formType) {
    case "WECH006":
      return declaration.exactSalary;
    case "ZIMA002":
      return zima002Gross(declaration);
    case "WECH003":
    case "ZIMA001":
    case "ZIMA003":
    case "ZIMA005":
    case "ZIMA006":
      return null;
    default:
      return unreachable(declaration, "form type");
  }
}
