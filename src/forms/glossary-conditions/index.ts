/**
 * Domain decision D22: the glossary's conditions that the XSD cannot express, checked before a form is
 * written. One table per form type, built from its own official 2023/3 glossary, in the type's module
 * (src/form-types/<type>/glossary-conditions.ts); here what the tables share (the form reading, common
 * rows), the decision for every other blocking anomaly of each glossary (coverage.ts) and the zones'
 * labels. The check itself is src/form-types/glossary-check.ts.
 */
import wechLabels from "../../../schemas/wech-zone-labels.json";
import zimaLabels from "../../../schemas/zima-zone-labels.json";
import { batchPurposeOf } from "../../rules/decision-types";
import type { GlossaryFormType } from "./types";

export type {
  AnomalyCoverage,
  GlossaryCondition,
  GlossaryFormType,
  GlossaryViolation,
  NotCheckableDecision,
  XsdDecision,
  XsdEnforcement,
} from "./types";
export { ANOMALY_COVERAGE } from "./coverage";

type LabelMap = { readonly codes: Readonly<Record<string, { readonly xmlLabel: string; readonly title: string } | undefined>> };

/**
 * The XmlLabel and Dutch title of a zone or block of a form type's glossary, e.g. "MeanWorkingHours
 * (GEMIDDELD AANTAL UREN PER WEEK VAN DE WERKNEMER)", from schemas/wech-zone-labels.json or
 * schemas/zima-zone-labels.json (generated from the same glossaries); the bare code when neither has it.
 */
export function glossaryLabel(formType: GlossaryFormType, zone: string): string {
  const labels: LabelMap = batchPurposeOf(formType) === "ZIMA" ? zimaLabels : wechLabels;
  const entry = labels.codes[zone];
  return entry ? `${entry.xmlLabel} (${entry.title})` : zone;
}
