/** ZIMA005 — the yearly holiday declaration (benefits, scenario 5), glossary FBAMI5 2023/3: one form per occupation and holiday year. */
import { ZIMA005_CONDITIONS } from "./glossary-conditions";
import { zima005Form } from "./form";
import { FORM_TYPE_KINDS } from "../../rules/decision-types";
import type { FormTypeModule } from "../form-type-module";
import { holidayYearOf, type ReferencePeriod } from "../../domain/reference-period";

/** The holiday year of a ZIMA005's reference period. */
function holidayYearOfForm(referencePeriod: ReferencePeriod | null): number {
  const year = referencePeriod === null ? null : holidayYearOf(referencePeriod);
  if (year === null) throw new Error(`a ZIMA005 cancellation needs its holiday year as YYYY, got ${String(referencePeriod)}`);
  return year;
}

export const ZIMA005: FormTypeModule<"ZIMA005"> = {
  formType: "ZIMA005",
  ...FORM_TYPE_KINDS.ZIMA005,
  xsd: "official/ZIMA005_20231.xsd",
  glossaryConditions: ZIMA005_CONDITIONS,
  build: zima005Form,
  // Block 90106 (the holiday year) is indispensable in FBAMI5, in a cancellation too.
  cancellationParts: (referencePeriod) => ({ holidayYear: holidayYearOfForm(referencePeriod) }),
  keep: () => null,
  notCompared: [],
  labels: { title: "yearly holiday declaration (benefits, scenario 5)", payslip: "ZIMA005" },
};
