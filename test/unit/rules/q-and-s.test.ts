import { expect } from "chai";
import { qsRule } from "../../../mappings/qs-rule";
import { qAndS } from "../../../src/rules/q-and-s";

describe("Q and S (D8, mappings/qs-rule.ts)", () => {
  it("take lesson-hour fractions as they are, in hundredths, up to a denominator of 48", () => {
    expect(qAndS(1600, 3200, qsRule)).to.deep.equal({ q: 1600, s: 3200 });
    expect(qAndS(700, 2200, qsRule)).to.deep.equal({ q: 700, s: 2200 });
    expect(qAndS(600, 1000, qsRule)).to.deep.equal({ q: 600, s: 1000 });
    expect(qAndS(750, 4800, qsRule)).to.deep.equal({ q: 750, s: 4800 });
  });

  it("scale larger denominators to S = 38 hours, Q rounded half up", () => {
    expect(qAndS(5000, 10000, qsRule)).to.deep.equal({ q: 1900, s: 3800 });
    expect(qAndS(3300, 10000, qsRule)).to.deep.equal({ q: 1254, s: 3800 });
    // 3800 x 1 / 80 = 47.5 -> 48
    expect(qAndS(100, 8000, qsRule)).to.deep.equal({ q: 48, s: 3800 });
  });
});
