/**
 * The form object of a declaration, whatever its type, and the cancellation (AttestationStatus 3) of an
 * accepted form of any type: each built by its form type's module (registry.ts).
 */
import type { KeptZones } from "../domain/kept-zones";
import type { ReferencePeriod } from "../domain/reference-period";
import type { Declaration, DeclarationOf, FormType } from "../rules/decision-types";
import { type FormContext, type FormNode, originalForm } from "../forms/form-envelope";
import { formTypeModule } from "./registry";

export type { FormContext } from "../forms/form-envelope";

function buildOne<T extends FormType>(declaration: DeclarationOf<T> & { readonly formType: T }, context: FormContext): FormNode {
  return formTypeModule(declaration.formType).build(declaration, context);
}

/** The form object of a declaration, whatever its type. */
export function buildForm(declaration: Declaration, context: FormContext): FormNode {
  return buildOne(declaration, context);
}

/**
 * A cancellation (AttestationStatus 3) of an accepted form: the envelope, the person, the ticket
 * reference, and no WorkerRecordLink ("Verboden in het geval van een annulatie", glossary block 90063 of
 * FBONEM1/2 and FBAMI2/5). `referencePeriod` is the unit's: what the type's module keeps of it (a ZIMA005
 * cancellation its HolidayYear block, 90106, indispensable in FBAMI5).
 * `riskCode` is zone 00430 of the cancelled form: for ZIMA forms pass the original's sub-risk
 * (`riskCodeOf(subRisk)`); without it the form carries `defaults.riskCode` ("001", valid in every XSD).
 * `kept` are the zones the module kept of the sent form for its cancellation (ZIMA006: 00128).
 */
export function cancellationForm(
  formType: FormType,
  insz: string,
  ticket: string,
  context: Omit<FormContext, "correction">,
  referencePeriod: ReferencePeriod | null = null,
  riskCode?: string,
  kept: KeptZones | null = null,
): FormNode {
  return originalForm({
    identification: formType,
    ...context,
    insz,
    workerRecordLink: null,
    attestationStatus: 3,
    referenceTicket: ticket,
    riskCode,
    ...formTypeModule(formType).cancellationParts(referencePeriod, kept),
  });
}
