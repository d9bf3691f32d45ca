/** The decision tables of mappings/ are checked at start-up: a broken one stops the program with a sentence naming it. */
import { expect } from "chai";
import { loadConfig } from "../../../src/config/load-config";
import { defaultRuleParameters, ruleParameterProblems } from "../../../src/rules/rule-parameters";

describe("the decision parameters of mappings/", () => {
  it("as shipped, have no problem (and loadConfig accepts them)", () => {
    expect(ruleParameterProblems(defaultRuleParameters())).to.deep.equal([]);
    expect(() => loadConfig({})).not.to.throw();
  });

  it("name every broken table, list and default", () => {
    const p = defaultRuleParameters();
    const broken = {
      ...p,
      grossThresholds: [{ from: "2017-09-15", cents: 160000, source: "x" }],
      rvaWageLimits: [],
      wech006WageCodes: { ...p.wech006WageCodes, notCounted: [...p.wech006WageCodes.notCounted, "01", "7"] },
      waitForPayMonths: -1,
      formDefaults: { ...p.formDefaults, dbrInCompanyPlan: 1 as const, legalBasis: 9 },
    };
    expect(ruleParameterProblems(broken)).to.deep.equal([
      'grossThresholds: "2017-09-15" is not the first day of a month (YYYY-MM-01)',
      "rvaWageLimits is empty",
      'wech006WageCodes.notCounted: "7" is not a two-digit wage code',
      "wech006WageCodes: 01 is on both counted and notCounted",
      "waitForPayMonths: -1 is not a whole number of months 0-12",
      "formDefaults.legalBasis (zone 00096): 9 is not 1-7, and 00095 is 1",
    ]);
  });
});
