/** ZIMA002 — monthly adapted work (benefits, scenario 2), glossary FBAMI2 2023/3: one form per occupation and month. */
import { ZIMA002_CONDITIONS } from "./glossary-conditions";
import { zima002Form } from "./form";
import { FORM_TYPE_KINDS } from "../../rules/decision-types";
import type { FormTypeModule } from "../form-type-module";

export const ZIMA002: FormTypeModule<"ZIMA002"> = {
  formType: "ZIMA002",
  ...FORM_TYPE_KINDS.ZIMA002,
  xsd: "official/ZIMA002_20231.xsd",
  glossaryConditions: ZIMA002_CONDITIONS,
  build: zima002Form,
  cancellationParts: () => ({}),
  keep: () => null,
  notCompared: [],
  labels: { title: "monthly adapted work (benefits, scenario 2)", payslip: "ZIMA002" },
};
