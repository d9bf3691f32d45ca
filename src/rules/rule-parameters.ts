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

function tableProblems(name: string, table: readonly GrossThreshold[]): string[] {
  const problems: string[] = [];
  if (table.length === 0) problems.push(`${name} is empty`);
  for (const entry of table) {
    if (!/^\d{4}-\d{2}-01$/.test(entry.from)) problems.push(`${name}: "${entry.from}" is not the first day of a month (YYYY-MM-01)`);
    if (!Number.isInteger(entry.cents) || entry.cents <= 0)
      problems.push(`${name} from ${entry.from}: ${entry.cents} is not a positive whole number of cents`);
  }
  if (new Set(table.map((e) => e.from)).size !== table.length) problems.push(`${name}: a date appears twice`);
  return problems;
}

function wageCodeProblems(codes: Wech006WageCodes): string[] {
  const problems: string[] = [];
  const lists = Object.entries(codes) as [keyof Wech006WageCodes, readonly string[]][];
  for (const [list, values] of lists) {
    for (const code of values) if (!/^\d{2}$/.test(code)) problems.push(`wech006WageCodes.${list}: "${code}" is not a two-digit wage code`);
  }
  const seen = new Map<string, string>();
  for (const [list, values] of lists) {
    for (const code of values) {
      const earlier = seen.get(code);
      if (earlier) problems.push(`wech006WageCodes: ${code} is on both ${earlier} and ${list}`);
      seen.set(code, list);
    }
  }
  return problems;
}

/**
 * What is wrong with the decision parameters the agency edits in mappings/, one sentence each: the
 * program stops at start-up on any of them rather than decide a month on a broken table.
 */
export function ruleParameterProblems(p: RuleParameters): string[] {
  const problems = [
    ...tableProblems("grossThresholds", p.grossThresholds),
    ...tableProblems("rvaWageLimits", p.rvaWageLimits),
    ...wageCodeProblems(p.wech006WageCodes),
  ];
  if (!Number.isInteger(p.occupationLimitPercent) || p.occupationLimitPercent < 1 || p.occupationLimitPercent > 100)
    problems.push(`occupationLimitPercent: ${p.occupationLimitPercent} is not a whole percentage 1-100`);
  if (!Number.isInteger(p.waitForPayMonths) || p.waitForPayMonths < 0 || p.waitForPayMonths > 12)
    problems.push(`waitForPayMonths: ${p.waitForPayMonths} is not a whole number of months 0-12`);
  if (!Number.isInteger(p.windowLookbackMonths) || p.windowLookbackMonths < 1)
    problems.push(`windowLookbackMonths: ${p.windowLookbackMonths} is not a whole number of months above 0`);
  const defaults = p.formDefaults;
  if (defaults.dbrInCompanyPlan !== 0 && defaults.dbrInCompanyPlan !== 1)
    problems.push(`formDefaults.dbrInCompanyPlan (zone 00095): ${String(defaults.dbrInCompanyPlan)} is not 0 or 1`);
  if (defaults.dbrInCompanyPlan === 1 && !(Number.isInteger(defaults.legalBasis) && defaults.legalBasis >= 1 && defaults.legalBasis <= 7)) {
    problems.push(`formDefaults.legalBasis (zone 00096): ${defaults.legalBasis} is not 1-7, and 00095 is 1`);
  }
  return problems;
}
