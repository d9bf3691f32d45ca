/**
 * The ZIMA003 computations on the worked examples of zima-1-3-6.md §2.6, as corrected by its errata 7
 * (hours per week = Q/S x 38 h), each figure worked out here by hand.
 */
import { expect } from "chai";
import { cents } from "../../../src/domain/money";
import { hourlyGrossWage, maxBreaksInMonth, referencePeriodIn } from "../../../src/rules/zima003-occupation";

const WEEK = 3800; // 38 h, mappings/benefits-codes.ts

describe("ZIMA003: an occupation's reference period, hourly wage and the cap on the breaks", () => {
  it("3-A: 19/38 at EUR 1425.00 — 19 h a week: 142500 x 1200 / (19 x 52) = 171 000 000 / 988 = 173 076.92 → 173077", () => {
    expect(hourlyGrossWage(cents(142_500), 1900, 3800, WEEK)).to.equal(173_077);
  });

  it("3-B: 10/38 at EUR 800.00 — 10 h a week: 80000 x 1200 / (10 x 52) = 96 000 000 / 520 = 184 615.38 → 184615", () => {
    expect(hourlyGrossWage(cents(80_000), 1000, 3800, WEEK)).to.equal(184_615);
  });

  it("3-C (errata 7): 16/32 at EUR 977.38 is 16/32 x 38 = 19 h a week: 97738 x 1200 / (19 x 52) = 117 285 600 / 988 = 118 710.13 → 118710, not 140968", () => {
    expect(hourlyGrossWage(cents(97_738), 1600, 3200, WEEK)).to.equal(118_710);
  });

  it("computes exactly and rounds half up: 7/22 at EUR 738.00 is 7/22 x 38 = 12.09… h a week; a wage on .5 goes up", () => {
    // 73800 x 1200 x 22 = 1 948 320 000; 7 x 38 x 52 = 13 832; 1 948 320 000 / 13 832 = 140 855.99 → 140856.
    expect(hourlyGrossWage(cents(73_800), 700, 2200, WEEK)).to.equal(140_856);
    // A 40-hour reference week, full time, EUR 0.39 a month: 39 x 1200 / (40 x 52) = 46 800 / 2080 = 22.5 → 23 (half up, not half even).
    expect(hourlyGrossWage(cents(39), 4000, 4000, 4000)).to.equal(23);
    expect(hourlyGrossWage(cents(100), 0, 3800, WEEK)).to.equal(null);
  });

  it("3-B: the occupation starting on 11 March has the period 11-31 March; one ending mid-month ends there; one day is no period (00075 after 00074)", () => {
    expect(referencePeriodIn("2024-03", { start: "2023-09-01", end: null })).to.deep.equal({ start: "2024-03-01", end: "2024-03-31" });
    expect(referencePeriodIn("2024-03", { start: "2024-03-11", end: null })).to.deep.equal({ start: "2024-03-11", end: "2024-03-31" });
    expect(referencePeriodIn("2024-02", { start: "2023-09-01", end: "2024-06-30" })).to.deep.equal({
      start: "2024-02-01",
      end: "2024-02-29",
    });
    expect(referencePeriodIn("2024-03", { start: "2023-09-01", end: "2024-03-20" })).to.deep.equal({
      start: "2024-03-01",
      end: "2024-03-20",
    });
    expect(referencePeriodIn("2024-03", { start: "2024-03-31", end: null })).to.equal(null);
    expect(referencePeriodIn("2024-03", { start: "2023-09-01", end: "2024-02-29" })).to.equal(null);
  });

  it("caps the breaks of a month at two a day: 58 in February 2024 (3-C: 58 allowed, 59 not), 62 in March (3-B: 30 + 12 = 42)", () => {
    expect(maxBreaksInMonth("2024-02")).to.equal(58);
    expect(maxBreaksInMonth("2023-02")).to.equal(56);
    expect(maxBreaksInMonth("2024-03")).to.equal(62);
  });
});
