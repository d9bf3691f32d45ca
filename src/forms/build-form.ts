import type { FormDefaults } from "../../mappings/form-defaults";
import type { Declaration } from "../rules/decision-types";
import type { EmployerIdentity, FormNode, FormStamp } from "./form-envelope";
import { wech003Form } from "./wech003-form";
import { wech006Form } from "./wech006-form";

export interface FormContext {
  readonly stamp: FormStamp;
  readonly employer: EmployerIdentity;
  readonly defaults: FormDefaults;
  readonly sequenceNbr: number;
}

/** The form object of a declaration, whatever its type. */
export function buildForm(declaration: Declaration, context: FormContext): FormNode {
  return declaration.formType === "WECH003" ? wech003Form(declaration, context) : wech006Form(declaration, context);
}
