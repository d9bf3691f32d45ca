/** WECH006 — monthly part-time work (scenario 6), glossary FBONEM2 2023/3: one form per occupation and month. */
import { WECH006_CONDITIONS } from "./glossary-conditions";
import { wech006Form } from "./form";
import { FORM_TYPE_KINDS } from "../../rules/decision-types";
import type { FormTypeModule } from "../form-type-module";

export const WECH006: FormTypeModule<"WECH006"> = {
  formType: "WECH006",
  ...FORM_TYPE_KINDS.WECH006,
  // Our own schema, derived from the glossary: no official WECH XSD is public.
  xsd: "WECH006_20233.xsd",
  glossaryConditions: WECH006_CONDITIONS,
  build: wech006Form,
  cancellationParts: () => ({}),
  keep: () => null,
  notCompared: [],
  labels: { title: "monthly part-time work (scenario 6)", payslip: "WECH506" },
};
