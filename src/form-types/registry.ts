/**
 * The form types the adapter declares, one module each. To add a form type: add it to the FormType
 * union and FORM_TYPE_KINDS (src/rules/decision-types.ts), write its module, list it here — the
 * compiler points at whatever else still lacks it (every switch over form types is exhaustive).
 */
import type { FormType } from "../rules/decision-types";
import type { FormTypeModule, FormTypeModules } from "./form-type-module";
import { WECH003 } from "./wech003";
import { WECH006 } from "./wech006";
import { ZIMA001 } from "./zima001";
import { ZIMA002 } from "./zima002";
import { ZIMA003 } from "./zima003";
import { ZIMA005 } from "./zima005";
import { ZIMA006 } from "./zima006";

export const FORM_TYPE_MODULES: FormTypeModules = { WECH003, WECH006, ZIMA001, ZIMA002, ZIMA003, ZIMA005, ZIMA006 };

export function formTypeModule<T extends FormType>(formType: T): FormTypeModule<T> {
  return FORM_TYPE_MODULES[formType];
}
