/** What rule tests ask of a decision unit: its declaration (failing the test unless declared) or the rule that rejected it. */
import { expect } from "chai";
import type { PersonSourceData } from "../../src/domain/ministry-records";
import { decideBenefits } from "../../src/rules/decide-benefits";
import type { Declaration, DecisionUnit, FormType } from "../../src/rules/decision-types";
import type { RunFrame } from "../../src/rules/person-context";

export function declaredAs<T extends Declaration>(unit: DecisionUnit): T {
  expect(unit.outcome.status, JSON.stringify(unit.outcome)).to.equal("declared");
  return (unit.outcome as unknown as { declaration: T }).declaration;
}

export function rejectedRule(unit: DecisionUnit): string {
  expect(unit.outcome.status).to.equal("rejected");
  return (unit.outcome as { rule: string }).rule;
}

/** The benefits units of one form type that a person's data yields in a run. */
export function benefitsUnits(data: PersonSourceData, frame: RunFrame, formType: FormType): DecisionUnit[] {
  return (decideBenefits(data, frame)?.units ?? []).filter((u) => u.formType === formType);
}
