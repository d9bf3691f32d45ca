/**
 * The form object of a declaration, whatever its type (WECH003, WECH006, ZIMA002, ZIMA005), and the
 * cancellation (AttestationStatus 3) of an accepted form of any type.
 */
import type { Declaration, FormType } from "../rules/decision-types";
import type { FormDefaults } from "../../mappings/form-defaults";
import { type FormContext, type FormNode, originalForm, riskCodeOf } from "./form-envelope";
import { wech003Form } from "./wech003-form";
import { wech006Form } from "./wech006-form";
import { zima002Form } from "./zima002-form";
import { zima005Form } from "./zima005-form";

export type { FormContext } from "./form-envelope";

/** Zone 00430 of a declaration: the sub-risk for the ZIMA forms, the configured risk for WECH. */
export function declarationRiskCode(declaration: Declaration, defaults: FormDefaults): string {
  return "subRisk" in declaration ? riskCodeOf(declaration.subRisk) : defaults.riskCode;
}

/** The form object of a declaration, whatever its type. */
export function buildForm(declaration: Declaration, context: FormContext): FormNode {
  switch (declaration.formType) {
    case "WECH003":
      return wech003Form(declaration, context);
    case "WECH006":
      return wech006Form(declaration, context);
    case "ZIMA002":
      return zima002Form(declaration, context);
    case "ZIMA005":
      return zima005Form(declaration, context);
  }
}

/** A holiday year given as "YYYY" (the ZIMA005 unit's reference period). */
function holidayYearOf(referencePeriod: string | null): number {
  if (referencePeriod === null || !/^\d{4}$/.test(referencePeriod)) {
    throw new Error(`a ZIMA005 cancellation needs its holiday year as YYYY, got ${String(referencePeriod)}`);
  }
  return Number(referencePeriod);
}

/**
 * A cancellation (AttestationStatus 3) of an accepted form: the envelope, the person, the ticket
 * reference, and no WorkerRecordLink ("Verboden in het geval van een annulatie", glossary block 90063 of
 * FBONEM1/2 and FBAMI2/5). A ZIMA005 cancellation keeps its HolidayYear block (90106, indispensable in
 * FBAMI5): `referencePeriod` is then the holiday year "YYYY"; it is not used for the other types.
 * `riskCode` is zone 00430 of the cancelled form: for ZIMA forms pass the original's sub-risk
 * (`riskCodeOf(subRisk)`); without it the form carries `defaults.riskCode` ("001", valid in every XSD).
 */
export function cancellationForm(
  formType: FormType,
  insz: string,
  ticket: string,
  context: Omit<FormContext, "correction">,
  referencePeriod: string | null = null,
  riskCode?: string,
): FormNode {
  return originalForm({
    identification: formType,
    ...context,
    insz,
    workerRecordLink: null,
    attestationStatus: 3,
    referenceTicket: ticket,
    riskCode,
    holidayYear: formType === "ZIMA005" ? holidayYearOf(referencePeriod) : undefined,
  });
}
