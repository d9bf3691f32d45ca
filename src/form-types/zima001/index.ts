/** ZIMA001 — the information sheet when a benefits risk starts (scenario 1), glossary FBAMI1 2023/3. */
import { ZIMA001_CONDITIONS } from "./glossary-conditions";
import { keptOfZima001, zima001CancellationParts, zima001Form } from "./form";
import { FORM_TYPE_KINDS } from "../../rules/decision-types";
import type { FormTypeModule } from "../form-type-module";

export const ZIMA001: FormTypeModule<"ZIMA001"> = {
  formType: "ZIMA001",
  ...FORM_TYPE_KINDS.ZIMA001,
  xsd: "official/ZIMA001_20231.xsd",
  glossaryConditions: ZIMA001_CONDITIONS,
  build: zima001Form,
  // A cancellation repeats the risk's start and quarter it was sent with (kept with the declaration).
  cancellationParts: (_referencePeriod, kept) => zima001CancellationParts(kept),
  keep: keptOfZima001,
  notCompared: [],
  labels: { title: "information sheet when a risk starts (benefits, scenario 1)", payslip: "ZIMA001" },
};
