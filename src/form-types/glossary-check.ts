/**
 * Domain decision D22: a built form is held against the conditions of its type's own glossary (the
 * table in its module) before it is written.
 *
 *   const violations = checkGlossaryConditions("WECH006", form);   // [] when the form may be written
 */
import { glossaryLabel } from "../forms/glossary-conditions";
import type { GlossaryCondition, GlossaryViolation } from "../forms/glossary-conditions/types";
import type { FormNode } from "../forms/form-envelope";
import { type FormType, perFormType } from "../rules/decision-types";
import { formTypeModule } from "./registry";

/** Each form type's table of glossary conditions, from its module. */
export const GLOSSARY_CONDITIONS: Readonly<Record<FormType, readonly GlossaryCondition[]>> = perFormType(
  (formType) => formTypeModule(formType).glossaryConditions,
);

/** The conditions of the form type's table that the form does not meet (in table order); [] when it meets them all. */
export function checkGlossaryConditions(formType: FormType, form: FormNode): GlossaryViolation[] {
  const violations: GlossaryViolation[] = [];
  for (const condition of formTypeModule(formType).glossaryConditions) {
    const detail = condition.check(form);
    if (detail !== null)
      violations.push({ anomaly: condition.anomaly, zone: condition.zone, label: glossaryLabel(formType, condition.zone), detail });
  }
  return violations;
}
