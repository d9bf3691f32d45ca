/**
 * The parameters the decisions depend on. The real run takes them from mappings/; `easr simulate`
 * passes other thresholds or another occupation limit through the same type.
 */
import { type GrossThreshold, grossThresholds, occupationLimitPercent } from "../../mappings/scenario6-conditions";
import { type FormDefaults, formDefaults, forbiddenEmployerClasses, forbiddenWorkerCodes } from "../../mappings/form-defaults";
import { type QsRule, qsRule } from "../../mappings/qs-rule";
import { type BenefitsCodes, benefitsCodes } from "../../mappings/benefits-codes";

export interface RuleParameters {
  readonly grossThresholds: readonly GrossThreshold[];
  readonly occupationLimitPercent: number;
  readonly qsRule: QsRule;
  readonly formDefaults: FormDefaults;
  readonly forbiddenEmployerClasses: readonly string[];
  readonly forbiddenWorkerCodes: readonly string[];
  /** Benefits sector (ZIMA002, ZIMA005): sub-risks, wage, day-nature and holiday codes. */
  readonly benefitsCodes: BenefitsCodes;
}

export function defaultRuleParameters(): RuleParameters {
  return { grossThresholds, occupationLimitPercent, qsRule, formDefaults, forbiddenEmployerClasses, forbiddenWorkerCodes, benefitsCodes };
}
