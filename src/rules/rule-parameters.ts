/**
 * The parameters the decisions depend on. The real run takes them from mappings/; `easr simulate`
 * passes other thresholds or another occupation limit through the same type.
 */
import {
  type GrossThreshold,
  grossThresholds,
  occupationLimitPercent,
  rvaWageLimits,
  waitForPayMonths,
  wech006WageCodes,
  windowLookbackMonths,
} from "../../mappings/scenario6-conditions";
import { type FormDefaults, formDefaults, forbiddenEmployerClasses, forbiddenWorkerCodes } from "../../mappings/form-defaults";
import { type QsRule, qsRule } from "../../mappings/qs-rule";
import { type BenefitsCodes, benefitsCodes } from "../../mappings/benefits-codes";

/** Which wage codes are pay for WECH006 (D16): counted, not counted, severance (not counted, flagged). */
export interface Wech006WageCodes {
  readonly counted: readonly string[];
  readonly notCounted: readonly string[];
  readonly severance: readonly string[];
}

export interface RuleParameters {
  /** The agency's threshold by date. */
  readonly grossThresholds: readonly GrossThreshold[];
  /** The RVA's wage limit by date: the threshold never counts below it (D16). */
  readonly rvaWageLimits: readonly GrossThreshold[];
  readonly occupationLimitPercent: number;
  readonly wech006WageCodes: Wech006WageCodes;
  /** D17: a person-month waits for its pay until the run of month m + this. */
  readonly waitForPayMonths: number;
  /** D18: windows that ended more than this many months before the run month are too old. */
  readonly windowLookbackMonths: number;
  readonly qsRule: QsRule;
  readonly formDefaults: FormDefaults;
  readonly forbiddenEmployerClasses: readonly string[];
  readonly forbiddenWorkerCodes: readonly string[];
  /** Benefits sector (ZIMA002, ZIMA005): sub-risks, wage, day-nature and holiday codes. */
  readonly benefitsCodes: BenefitsCodes;
}

export function defaultRuleParameters(): RuleParameters {
  return {
    grossThresholds,
    rvaWageLimits,
    occupationLimitPercent,
    wech006WageCodes,
    waitForPayMonths,
    windowLookbackMonths,
    qsRule,
    formDefaults,
    forbiddenEmployerClasses,
    forbiddenWorkerCodes,
    benefitsCodes,
  };
}
