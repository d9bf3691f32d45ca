import { expect } from "chai";
import { belgianPublicHolidays, firstWorkingDayOf, isWorkingDay, workingDaysBetween } from "../../../src/domain/belgian-calendar";

describe("working days in Belgium", () => {
  it("knows the ten legal public holidays, with Easter's moving ones (2024: Easter on 31 March, so Easter Monday 1 April, Ascension 9 May, Whit Monday 20 May)", () => {
    expect([...belgianPublicHolidays(2024)]).to.deep.equal([
      "2024-01-01",
      "2024-04-01",
      "2024-05-01",
      "2024-05-09",
      "2024-05-20",
      "2024-07-21",
      "2024-08-15",
      "2024-11-01",
      "2024-11-11",
      "2024-12-25",
    ]);
    // 2018: Easter on 1 April (the demo's year).
    expect([...belgianPublicHolidays(2018)].filter((day) => day >= "2018-04-01" && day <= "2018-05-31")).to.deep.equal([
      "2018-04-02",
      "2018-05-01",
      "2018-05-10",
      "2018-05-21",
    ]);
  });

  it("counts the reference days of example 6-B of the note: 22 April to 10 May 2024 without 1 and 9 May is 13 working days", () => {
    expect(workingDaysBetween("2024-04-22", "2024-05-10")).to.deep.equal([
      "2024-04-22",
      "2024-04-23",
      "2024-04-24",
      "2024-04-25",
      "2024-04-26",
      "2024-04-29",
      "2024-04-30",
      "2024-05-02",
      "2024-05-03",
      "2024-05-06",
      "2024-05-07",
      "2024-05-08",
      "2024-05-10",
    ]);
    expect(isWorkingDay("2024-05-09")).to.equal(false);
    expect(isWorkingDay("2024-05-11")).to.equal(false);
  });

  it("gives the ZIMA006 deadlines of the note: the first working day of June 2024 is the 3rd, of November 2024 the 4th", () => {
    // 1 June 2024 is a Saturday; 1 November 2024 is All Saints (a Friday), then a weekend.
    expect(firstWorkingDayOf("2024-06")).to.equal("2024-06-03");
    expect(firstWorkingDayOf("2024-11")).to.equal("2024-11-04");
    expect(firstWorkingDayOf("2024-05")).to.equal("2024-05-02");
  });
});
