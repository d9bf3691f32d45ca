/** What the state keeps instead of the content itself: the hash of a unit's form (the INSZ's is src/domain/insz-hash.ts). */
import { createHash } from "node:crypto";
import { buildForm, type FormContext } from "../forms/build-form";
import type { DecisionUnit } from "../rules/decision-types";

/**
 * What a unit declares, for comparing with what was declared before: the form as it would be written,
 * without its creation date, hour and sequence number; for WECH003 without the theoretical salary too
 * (it follows indexation; a start of part-time work is not modified for it).
 */
export function unitContentHash(unit: DecisionUnit, context: Omit<FormContext, "sequenceNbr" | "correction">): string {
  if (unit.outcome.status !== "declared") return "";
  const form = buildForm(unit.outcome.declaration, { ...context, stamp: { creationDate: "", creationHour: "" }, sequenceNbr: 0 });
  // The contact person (ZIMA) is the agency's, not the declaration's: a new e-mail address changes no form.
  const text = JSON.stringify(form, (key, value: unknown) =>
    (key === "MonthlyTheoreticalSalaryAmount" && unit.formType === "WECH003") || key === "CoordinatesContactPerson" ? undefined : value,
  );
  return createHash("sha256").update(text).digest("hex");
}
