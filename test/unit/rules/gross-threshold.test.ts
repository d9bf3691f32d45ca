import { expect } from "chai";
import { grossThresholds } from "../../../mappings/scenario6-conditions";
import { grossThresholdFor, thresholdCents } from "../../../src/rules/gross-threshold";

describe("the effective-dated gross threshold (D6, mappings/scenario6-conditions.ts)", () => {
  it("is EUR 1600.00 from September 2017 (the circular)", () => {
    expect(thresholdCents("2017-09", grossThresholds)).to.equal(160000);
    expect(thresholdCents("2024-05", grossThresholds)).to.equal(160000);
  });

  it("takes the latest entry in force on the first day of the month, whatever the table's order", () => {
    const table = [
      { from: "2024-05-01", cents: 207048, source: "RVA 2024" },
      { from: "2017-09-01", cents: 160000, source: "circular" },
    ];
    expect(thresholdCents("2024-04", table)).to.equal(160000);
    expect(thresholdCents("2024-05", table)).to.equal(207048);
    expect(grossThresholdFor("2025-01", table).source).to.equal("RVA 2024");
  });

  it("refuses a month before the table starts", () => {
    expect(() => thresholdCents("2017-08", grossThresholds)).to.throw(/no gross threshold applies to 2017-08/);
  });
});
