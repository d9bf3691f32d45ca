/** Issue 12, items 18, 20 and 24 at their shared points: rejected values, console text, cell text. */
import { expect } from "chai";
import { withMaskedValue } from "../../../src/util/insz-masking";

describe("hostile values at their shared points", () => {
  it("a rejected value has every 11-digit run masked, a longer run of digits stays", () => {
    const problem = { table: "t", recordId: "1", field: "f", rule: "FIELD_REQUIRED", value: "RL16-85073003328 A85073003328B 123456789012 8507300332" } as const;
    expect(withMaskedValue(problem)).to.deep.equal({ ...problem, value: "RL16-********328 A********328B 123456789012 8507300332" });
  });

});
