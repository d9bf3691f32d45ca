import { expect } from "chai";
import { type CalendarEntry, defaultFirstMonth, dueMonths, monthEnded } from "../../../jobs/due-months";
import type { YearMonth } from "../../../src/domain/year-month";

/** The circular's calendar: what arrives by the 15th at 16:00 makes the month's run. */
const calendar = (...months: YearMonth[]): CalendarEntry[] =>
  months.map((periodMonth) => ({ periodMonth, cutoffAt: `${periodMonth}-15 16:00:00` }));

const due = (now: string, options: { calendar?: CalendarEntry[]; completed?: YearMonth[]; firstMonth?: YearMonth } = {}): YearMonth[] =>
  dueMonths({
    calendar: options.calendar ?? calendar("2017-09", "2017-10", "2017-11", "2017-12"),
    completed: new Set(options.completed ?? []),
    firstMonth: options.firstMonth ?? "2017-09",
    now,
  });

describe("due months of the scheduler", () => {
  it("a month whose cut-off has passed is not due before the month has ended", () => {
    expect(due("2017-11-20 06:30:00", { completed: ["2017-09", "2017-10"] })).to.deep.equal([]);
    expect(due("2017-11-30 23:59:59", { completed: ["2017-09", "2017-10"] })).to.deep.equal([]);
  });

  it("is due from midnight of the first day of the next month, Brussels wall time", () => {
    expect(monthEnded("2017-11")).to.equal("2017-12-01 00:00:00");
    expect(monthEnded("2017-12")).to.equal("2018-01-01 00:00:00");
    expect(due("2017-12-01 00:00:00", { completed: ["2017-09", "2017-10"] })).to.deep.equal(["2017-11"]);
    expect(due("2017-12-01 06:30:00", { completed: ["2017-09", "2017-10"] })).to.deep.equal(["2017-11"]);
  });

  it("an ended month waits for a cut-off that lies after its end, and the cut-off moment itself still belongs to the month", () => {
    const late: CalendarEntry[] = [{ periodMonth: "2017-11", cutoffAt: "2017-12-05 12:00:00" }];
    expect(due("2017-12-01 06:30:00", { calendar: late })).to.deep.equal([]);
    expect(due("2017-12-05 12:00:00", { calendar: late })).to.deep.equal([]);
    expect(due("2017-12-05 12:00:01", { calendar: late })).to.deep.equal(["2017-11"]);
  });

  it("a month with a completed run is not due again", () => {
    expect(due("2017-12-02 06:30:00", { completed: ["2017-09", "2017-10", "2017-11"] })).to.deep.equal([]);
  });

  it("a month without a calendar row is never due, however long ago it ended", () => {
    expect(due("2018-06-01 06:30:00", { calendar: calendar("2017-09", "2017-11") })).to.deep.equal(["2017-09", "2017-11"]);
    expect(due("2018-06-01 06:30:00", { calendar: [] })).to.deep.equal([]);
  });

  it("months before the first month are not due; the first month itself is", () => {
    expect(due("2018-01-10 06:30:00", { firstMonth: "2017-11" })).to.deep.equal(["2017-11", "2017-12"]);
    expect(due("2018-01-10 06:30:00", { firstMonth: "2018-01" })).to.deep.equal([]);
  });

  it("returns every due month once, in month order, whatever the order of the calendar rows", () => {
    const shuffled = [...calendar("2017-12", "2017-09"), ...calendar("2017-11", "2017-10", "2017-09")];
    expect(due("2018-01-02 06:30:00", { calendar: shuffled, completed: ["2017-10"] })).to.deep.equal(["2017-09", "2017-11", "2017-12"]);
  });

  it("without a configured first month: September of the school year of the last month that has ended", () => {
    expect(defaultFirstMonth("2018-03-10 06:30:00")).to.equal("2017-09");
    expect(defaultFirstMonth("2017-09-30 23:59:59")).to.equal("2016-09"); // August 2017 still to be filed: school year 2016-2017
    expect(defaultFirstMonth("2017-10-01 00:00:00")).to.equal("2017-09");
    expect(defaultFirstMonth("2018-09-05 06:30:00")).to.equal("2017-09"); // August 2018 is still to be filed
    expect(defaultFirstMonth("2018-10-01 06:30:00")).to.equal("2018-09");
    expect(defaultFirstMonth("2018-01-01 00:00:00")).to.equal("2017-09");
  });
});
