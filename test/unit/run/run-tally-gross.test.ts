/**
 * The gross the run summary carries per form type (src/run/run-tally.ts): WECH006's ExactSalary and
 * ZIMA002's exact wages of the original forms, in cents; a modification (it restates a form declared before)
 * and a cancellation add none; the form types without an amount have no `originalsGross` at all.
 */
import { expect } from "chai";
import { cents } from "../../../src/domain/money";
import type { Declaration, DecisionUnit, FormType, PersonDecision } from "../../../src/rules/decision-types";
import { FORM_TYPES, perFormType } from "../../../src/rules/decision-types";
import type { ReconciledPerson } from "../../../src/run/apply-reconciliation";
import { grossOf } from "../../../src/rules/declared-gross";
import { RunTally } from "../../../src/run/run-tally";

/** A declaration with only what the tally reads of it. */
const wech006 = (exactSalary: number) => ({ formType: "WECH006", exactSalary: cents(exactSalary) }) as unknown as Declaration;
const zima002 = (subRisk: 1 | 2, ...wagesPerPeriod: number[][]) =>
  ({
    formType: "ZIMA002",
    subRisk,
    periods: wagesPerPeriod.map((wages) => ({ exactWages: wages.map((amount) => ({ code: "01", amount: cents(amount) })) })),
  }) as unknown as Declaration;

function declared(declaration: Declaration): DecisionUnit {
  return { formType: declaration.formType, outcome: { status: "declared", declaration } } as unknown as DecisionUnit;
}

function person(units: DecisionUnit[], modified: number[] = [], cancelled: FormType[] = []): ReconciledPerson {
  const none = perFormType(() => 0);
  const decision = {
    staffId: 1,
    status: "declared",
    units,
    problems: [],
    previouslyDeclared: none,
    previouslyDecided: none,
    notes: [],
  } as unknown as PersonDecision;
  return {
    decision,
    modifications: new Map(modified.map((index) => [index, {} as never])),
    cancellations: cancelled.map((formType) => ({ action: "cancellation", replaces: { formType } }) as never),
    unchanged: none,
    waitingWithoutUnit: none,
    held: new Map(),
  };
}

describe("the run summary's declared gross", () => {
  it("is a WECH006's ExactSalary and the sum of a ZIMA002's exact wages over its periods; none for the other types", () => {
    expect(grossOf(wech006(123_456))).to.equal(123_456);
    expect(grossOf(zima002(2, [100_000, 2_550], [0, 40_001]))).to.equal(142_551);
    // Sub-risk 1 declares no exact wages: no gross, and the sum of the month gains nothing from it.
    expect(grossOf(zima002(1, [], []))).to.equal(null);
    expect(grossOf({ formType: "WECH003" } as unknown as Declaration)).to.equal(null);
  });

  it("adds up the run's original forms, not the modifications nor the cancellations", () => {
    const tally = new RunTally();
    // An original of EUR 1234.56 and a modification of EUR 100.00 (not counted); a ZIMA002 of EUR 250.50 + EUR 49.50;
    // an original of EUR 0.99: 1234.56 + 0.99 = EUR 1235.55.
    tally.add(person([declared(wech006(123_456)), declared(wech006(10_000)), declared(zima002(2, [25_050], [4_950]))], [1]));
    tally.add(person([declared(wech006(99))], [], ["WECH006", "ZIMA002"]));
    expect(tally.forms.WECH006).to.include({ declared: 4, originals: 2, modifications: 1, cancellations: 1, originalsGross: 123_555 });
    expect(tally.forms.ZIMA002).to.include({ declared: 2, cancellations: 1, originalsGross: 30_000 });
    for (const formType of FORM_TYPES.filter((t) => t !== "WECH006" && t !== "ZIMA002"))
      expect(tally.forms[formType], formType).not.to.have.property("originalsGross");
  });

  it("is 0 in a run that declared none of the type", () => {
    expect(new RunTally().forms.WECH006.originalsGross).to.equal(0);
  });
});
