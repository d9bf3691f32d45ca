/** What the state keeps instead of the content itself: the hashes of a unit's form and of its facts (the INSZ's is src/domain/insz-hash.ts). */
import type { CalendarDate } from "../domain/calendar-date";
import { createHash } from "node:crypto";
import { buildForm, type FormContext } from "../form-types/forms";
import type { FormStamp } from "../forms/form-envelope";
import { formTypeModule } from "../form-types/registry";
import type { PersonSourceData } from "../domain/ministry-records";
import { type DecisionUnit, type FormType, perFormType } from "../rules/decision-types";
import { type FactsHorizon, unitFactsText } from "../rules/unit-facts";

/** Per form type, the zones a comparison leaves out; the contact person (ZIMA) is the agency's, not the declaration's: a new e-mail address changes no form. */
const NOT_COMPARED: Readonly<Record<FormType, ReadonlySet<string>>> = perFormType(
  (formType) => new Set(["CoordinatesContactPerson", ...formTypeModule(formType).notCompared]),
);

/** No creation stamp: the hash has always been taken of the form without one, so that stored hashes stay comparable. */
const NO_STAMP: FormStamp = { creationDate: "" as CalendarDate, creationHour: "" };

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * What a unit declares, for comparing with what was declared before: the form as it would be written,
 * without its creation date, hour and sequence number, nor the zones its form type does not compare
 * (WECH003: the theoretical salary, which follows indexation).
 */
export function unitContentHash(unit: DecisionUnit, context: Omit<FormContext, "sequenceNbr" | "correction">): string {
  if (unit.outcome.status !== "declared") return "";
  const form = buildForm(unit.outcome.declaration, { ...context, stamp: NO_STAMP, sequenceNbr: 0 });
  const notCompared = NOT_COMPARED[unit.formType];
  const text = JSON.stringify(form, (key, value: unknown) => (notCompared.has(key) ? undefined : value));
  return sha256(text);
}

/** D27: the digest of the source facts a unit rests on (src/rules/unit-facts.ts). */
export function unitFactsHash(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): string {
  return sha256(unitFactsText(unit, source, horizon));
}
