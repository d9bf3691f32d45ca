/**
 * Domain decision D22: the glossary's conditions that the XSD cannot express, checked before a form is
 * written. One table per form type, built from its own official 2023/3 glossary (see the *-conditions.ts
 * files), and the decision for every other blocking anomaly of that glossary (coverage.ts).
 *
 *   const violations = checkGlossaryConditions("WECH006", form);   // [] when the form may be written
 */
import wechLabels from "../../../schemas/wech-zone-labels.json";
import zimaLabels from "../../../schemas/zima-zone-labels.json";
import type { FormNode } from "../form-envelope";
import type { GlossaryCondition, GlossaryFormType, GlossaryViolation } from "./types";
import { WECH003_CONDITIONS } from "./wech003-conditions";
import { WECH006_CONDITIONS } from "./wech006-conditions";
import { ZIMA002_CONDITIONS } from "./zima002-conditions";
import { ZIMA005_CONDITIONS } from "./zima005-conditions";

export type { AnomalyCoverage, GlossaryCondition, GlossaryFormType, GlossaryViolation, NotCheckableDecision, XsdDecision, XsdEnforcement } from "./types";
export { ANOMALY_COVERAGE } from "./coverage";

/** Each form type's table of glossary conditions. */
export const GLOSSARY_CONDITIONS: Readonly<Record<GlossaryFormType, readonly GlossaryCondition[]>> = {
  WECH003: WECH003_CONDITIONS,
  WECH006: WECH006_CONDITIONS,
  ZIMA002: ZIMA002_CONDITIONS,
  ZIMA005: ZIMA005_CONDITIONS,
};

type LabelMap = { readonly codes: Readonly<Record<string, { readonly xmlLabel: string; readonly title: string } | undefined>> };

/**
 * The XmlLabel and Dutch title of a zone or block of a form type's glossary, e.g. "MeanWorkingHours
 * (GEMIDDELD AANTAL UREN PER WEEK VAN DE WERKNEMER)", from schemas/wech-zone-labels.json or
 * schemas/zima-zone-labels.json (generated from the same glossaries); the bare code when neither has it.
 */
export function glossaryLabel(formType: GlossaryFormType, zone: string): string {
  const labels: LabelMap = formType.startsWith("ZIMA") ? zimaLabels : wechLabels;
  const entry = labels.codes[zone];
  return entry ? `${entry.xmlLabel} (${entry.title})` : zone;
}

/** The conditions of the form type's table that the form does not meet (in table order); [] when it meets them all. */
export function checkGlossaryConditions(formType: GlossaryFormType, form: FormNode): GlossaryViolation[] {
  const violations: GlossaryViolation[] = [];
  for (const condition of GLOSSARY_CONDITIONS[formType]) {
    const detail = condition.check(form);
    if (detail !== null) violations.push({ anomaly: condition.anomaly, zone: condition.zone, label: glossaryLabel(formType, condition.zone), detail });
  }
  return violations;
}
