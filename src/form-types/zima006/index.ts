/** ZIMA006 — the declaration of resumption of work (benefits, scenario 6), glossary FBAMI6 2023/3. */
import { ZIMA006_CONDITIONS } from "./glossary-conditions";
import { keptOfZima006, zima006CancellationParts, zima006Form } from "./form";
import { FORM_TYPE_KINDS } from "../../rules/decision-types";
import type { FormTypeModule } from "../form-type-module";

export const ZIMA006: FormTypeModule<"ZIMA006"> = {
  formType: "ZIMA006",
  ...FORM_TYPE_KINDS.ZIMA006,
  xsd: "official/ZIMA006_20231.xsd",
  glossaryConditions: ZIMA006_CONDITIONS,
  build: zima006Form,
  // WorkRecovery (90016) is "Kardinaliteit 1: 1 ONMISBAAR": a cancellation repeats the day it cancels.
  cancellationParts: (_referencePeriod, kept) => zima006CancellationParts(kept),
  keep: keptOfZima006,
  notCompared: [],
  labels: { title: "resumption of work (benefits, scenario 6)", payslip: "ZIMA006" },
};
