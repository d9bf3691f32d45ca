import { expect } from "chai";
import { compare, rational, toPerMille } from "../../../src/domain/rational";
import { monthOccupation } from "../../../src/rules/occupation";

describe("occupation(m) (D6)", () => {
  it("is the mean over the occupied days of the sum of the fractions in force", () => {
    // Example 2: 7/22 and 2/20 from 21 to 30 November: 0.318 + 0.1 on each of 10 days.
    const result = monthOccupation("2017-11", [
      { range: { start: "2017-11-21", end: "2017-12-24" }, numerator: 700, denominator: 2200 },
      { range: { start: "2017-11-21", end: "2017-12-24" }, numerator: 200, denominator: 2000 },
    ]);
    expect(result.occupiedDays).to.equal(10);
    expect(compare(result.value, rational(46, 110))).to.equal(0);
    expect(toPerMille(result.value)).to.equal(418);
  });

  it("weighs each assignment by its days: 1/2 for 10 days and 1/1 for 10 other days is 75 %", () => {
    const result = monthOccupation("2017-11", [
      { range: { start: "2017-11-01", end: "2017-11-10" }, numerator: 1100, denominator: 2200 },
      { range: { start: "2017-11-21", end: null }, numerator: 2200, denominator: 2200 },
    ]);
    expect(result.occupiedDays).to.equal(20);
    expect(compare(result.value, rational(3, 4))).to.equal(0);
  });

  it("is exact at the 80 % limit: 16/20 is not below 80 %", () => {
    const result = monthOccupation("2018-02", [{ range: { start: "2017-09-01", end: null }, numerator: 1600, denominator: 2000 }]);
    expect(compare(result.value, rational(80, 100))).to.equal(0);
    const parts = monthOccupation("2018-02", [
      { range: { start: "2017-09-01", end: null }, numerator: 700, denominator: 1000 },
      { range: { start: "2017-09-01", end: null }, numerator: 100, denominator: 1000 },
    ]);
    expect(compare(parts.value, rational(80, 100))).to.equal(0);
  });

  it("is zero with no occupied day", () => {
    expect(
      monthOccupation("2018-07", [{ range: { start: "2017-09-01", end: "2018-06-30" }, numerator: 1, denominator: 2 }]).occupiedDays,
    ).to.equal(0);
  });
});
