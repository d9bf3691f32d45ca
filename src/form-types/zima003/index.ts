/** ZIMA003 — the monthly certificate for the compensation of breastfeeding breaks (benefits, scenario 3), glossary FBAMI3 2023/3. */
import { ZIMA003_CONDITIONS } from "./glossary-conditions";
import { zima003Form } from "./form";
import { FORM_TYPE_KINDS } from "../../rules/decision-types";
import type { FormTypeModule } from "../form-type-module";

export const ZIMA003: FormTypeModule<"ZIMA003"> = {
  formType: "ZIMA003",
  ...FORM_TYPE_KINDS.ZIMA003,
  xsd: "official/ZIMA003_20231.xsd",
  glossaryConditions: ZIMA003_CONDITIONS,
  build: zima003Form,
  // A cancellation carries the envelope, the person and the ticket (WorkerRecordLink "verboden" then, 90063-005).
  cancellationParts: () => ({}),
  keep: () => null,
  notCompared: [],
  labels: { title: "monthly breastfeeding breaks (benefits, scenario 3)", payslip: "ZIMA003" },
};
