/** WECH003 — the start of part-time work (scenario 3), glossary FBONEM1 2023/3: once per occupation. */
import { WECH003_CONDITIONS } from "./glossary-conditions";
import { wech003Form } from "./form";
import { FORM_TYPE_KINDS } from "../../rules/decision-types";
import type { FormTypeModule } from "../form-type-module";

export const WECH003: FormTypeModule<"WECH003"> = {
  formType: "WECH003",
  ...FORM_TYPE_KINDS.WECH003,
  // Our own schema, derived from the glossary: no official WECH XSD is public.
  xsd: "WECH003_20233.xsd",
  glossaryConditions: WECH003_CONDITIONS,
  build: wech003Form,
  cancellationParts: () => ({}),
  keep: () => null,
  // A start of part-time work is not modified for indexation.
  notCompared: ["MonthlyTheoreticalSalaryAmount"],
  labels: { title: "start of part-time work (scenario 3)", payslip: "WECH503" },
};
