/**
 * The dates and days a ZIMA001 derives, on the worked examples of zima-1-3-6.md (example 6-B as its
 * errata 9 gives it: incapacity from Monday 2024-06-03, paid until 2024-07-02, code 2.6, five days a
 * week), each worked out here by hand.
 */
import { expect } from "chai";
import { derivedLastWorkingDay, quarterOf, secondQuarterBeforeEnd } from "../../../src/rules/zima001-dates";
import { dayHours, fallbackIncapacityDays } from "../../../src/rules/zima001-reference-days";

describe("ZIMA001: quarter, reference date, last working day and reference days", () => {
  it("R3: a risk on 2024-06-03 is in quarter 20242 (1 April - 30 June); on 2024-01-15 in 20241", () => {
    expect(quarterOf("2024-06-03")).to.deep.equal({ code: "20242", first: "2024-04-01", last: "2024-06-30" });
    expect(quarterOf("2024-01-15")).to.deep.equal({ code: "20241", first: "2024-01-01", last: "2024-03-31" });
    expect(quarterOf("2023-12-31")).to.deep.equal({ code: "20234", first: "2023-10-01", last: "2023-12-31" });
  });

  it("R4: R₂ is the last day of the second quarter before the risk's: 2024Q2 → 2023-12-31 (errata 9), 2024Q1 → 2023-09-30 (§1.4)", () => {
    expect(secondQuarterBeforeEnd("2024-06-03")).to.equal("2023-12-31");
    expect(secondQuarterBeforeEnd("2024-03-31")).to.equal("2023-09-30");
    expect(secondQuarterBeforeEnd("2024-07-01")).to.equal("2024-03-31");
  });

  it("R5: the last working day before the risk: Friday before a Monday, Wednesday 8 May before Friday 10 May 2024 (Ascension on the 9th), none on the occupation's first day", () => {
    expect(derivedLastWorkingDay("2024-06-03", "2022-09-01")).to.equal("2024-05-31");
    // 9 May 2024 is Ascension: the day before Friday the 10th that is a working day is Wednesday the 8th.
    expect(derivedLastWorkingDay("2024-05-10", "2022-09-01")).to.equal("2024-05-08");
    // 2 April 2024 follows Easter Monday and a weekend: Friday 29 March.
    expect(derivedLastWorkingDay("2024-04-02", "2022-09-01")).to.equal("2024-03-29");
    expect(derivedLastWorkingDay("2024-09-02", "2024-09-02")).to.equal(null);
    expect(derivedLastWorkingDay("2024-09-02", "2024-08-31")).to.equal(null);
  });

  it("R6 (errata 9, 6-B): 3 June to 2 July 2024, five days a week, code 2.6 → 22 days (4 x 5 in June, 1 and 2 July)", () => {
    const result = fallbackIncapacityDays({
      absenceStart: "2024-06-03",
      paidUntil: "2024-07-02",
      paidDayCode: "2.6",
      daysPerWeek: 500,
      relapse: false,
    });
    expect("days" in result && result.days.length).to.equal(22);
    expect("days" in result && result.days.every((d) => d.code === "2.6")).to.equal(true);
    expect("days" in result && [result.days[0].day, result.days[4].day, result.days[5].day, result.days[21].day]).to.deep.equal([
      "2024-06-03",
      "2024-06-07",
      "2024-06-10",
      "2024-07-02",
    ]);
    expect(
      fallbackIncapacityDays({
        absenceStart: "2024-06-03",
        paidUntil: "2024-07-02",
        paidDayCode: "2.6",
        daysPerWeek: null,
        relapse: false,
      }),
    ).to.have.property("days");
  });

  it("R6 (errata 4): waits for the days when the week is not five days, the period holds a public holiday, or there is no code", () => {
    expect(
      fallbackIncapacityDays({ absenceStart: "2024-06-03", paidUntil: "2024-07-02", paidDayCode: "2.6", daysPerWeek: 400, relapse: false }),
    ).to.deep.equal({
      waiting: "REFERENCE_DAYS_MISSING",
      why: "a week of 4 days: payroll gives the days (absence_day)",
    });
    expect(
      fallbackIncapacityDays({ absenceStart: "2024-04-22", paidUntil: "2024-05-10", paidDayCode: "2.6", daysPerWeek: 500, relapse: false }),
    ).to.deep.equal({
      waiting: "REFERENCE_DAYS_MISSING",
      why: "public holiday 2024-05-01, 2024-05-09 in the period: payroll gives the days (absence_day)",
    });
    expect(
      fallbackIncapacityDays({ absenceStart: "2024-06-03", paidUntil: "2024-07-02", paidDayCode: null, daysPerWeek: 500, relapse: false }),
    ).to.have.property("waiting", "REFERENCE_DAYS_MISSING");
  });

  it("R6: no day paid by the agency → the risk's first day alone, 6.9; 6.6 for a relapse (errata 4)", () => {
    expect(
      fallbackIncapacityDays({ absenceStart: "2024-06-03", paidUntil: null, paidDayCode: "2.6", daysPerWeek: 500, relapse: false }),
    ).to.deep.equal({
      days: [{ day: "2024-06-03", code: "6.9" }],
    });
    expect(
      fallbackIncapacityDays({ absenceStart: "2024-06-03", paidUntil: "2024-06-02", paidDayCode: "2.6", daysPerWeek: 500, relapse: true }),
    ).to.deep.equal({
      days: [{ day: "2024-06-03", code: "6.6" }],
    });
  });

  it("00180 (errata 4): (Q / S) x 38 h / days a week — 16/20 over five days is 6.08 h, 19/38 over 2.5 days 7.60 h, 7/22 over 4 days 3.02 h", () => {
    expect(dayHours(1600, 2000, 3800, 500)).to.equal(608);
    expect(dayHours(1900, 3800, 3800, 250)).to.equal(760);
    // 7/22 x 38 = 12.0909 h a week; / 4 = 3.0227 → 3.02.
    expect(dayHours(700, 2200, 3800, 400)).to.equal(302);
    expect(dayHours(700, 2200, 3800, 0)).to.equal(null);
  });
});
