import type { FormDefaults } from "../../mappings/form-defaults";
import type { Declaration } from "../rules/decision-types";
import { type Correction, type EmployerIdentity, type FormNode, type FormStamp, originalForm } from "./form-envelope";
import { wech003Form } from "./wech003-form";
import { wech006Form } from "./wech006-form";

export interface FormContext {
  readonly stamp: FormStamp;
  readonly employer: EmployerIdentity;
  readonly defaults: FormDefaults;
  readonly sequenceNbr: number;
  /** A modification (1) of an accepted form, with its ticket; absent for an original. */
  readonly correction?: Correction;
}

/** The form object of a declaration, whatever its type. */
export function buildForm(declaration: Declaration, context: FormContext): FormNode {
  return declaration.formType === "WECH003" ? wech003Form(declaration, context) : wech006Form(declaration, context);
}

/**
 * A cancellation (AttestationStatus 3) of an accepted form: the envelope, the person, the ticket
 * reference, and no WorkerRecordLink (forbidden in a cancellation, glossary block 90063).
 */
export function cancellationForm(formType: "WECH003" | "WECH006", insz: string, ticket: string, context: Omit<FormContext, "correction">): FormNode {
  return originalForm({ identification: formType, ...context, insz, workerRecordLink: null, attestationStatus: 3, referenceTicket: ticket });
}
