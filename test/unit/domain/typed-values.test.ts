import { expect } from "chai";
import { calendarDate, type CalendarDate, parseCalendarDate } from "../../../src/domain/calendar-date";
import { cents, type Cents, sumCents, toCents, ZERO_CENTS } from "../../../src/domain/money";
import {
  holidayYearOf,
  holidayYearPeriod,
  isHolidayYear,
  parseReferencePeriod,
  type ReferencePeriod,
  storedReferencePeriod,
} from "../../../src/domain/reference-period";
import { firstDayOf, parseYearMonth, yearMonth, type YearMonth } from "../../../src/domain/year-month";

/** Values whose type says what they are: the compiler refuses to mix them (each @ts-expect-error must fail to compile). */
describe("months, dates, cents and reference periods as types", () => {
  it("keeps a date, a month and a holiday year apart", () => {
    const month: YearMonth = "2018-03";
    const day: CalendarDate = firstDayOf(month);
    // @ts-expect-error a date is not a month
    const notAMonth: YearMonth = day;
    // @ts-expect-error a month is not a date
    const notADate: CalendarDate = month;
    const text: string = "2018-03";
    // @ts-expect-error a string from outside is a month only once parsed
    const unparsed: YearMonth = text;
    const period: ReferencePeriod = holidayYearPeriod(2022);
    // @ts-expect-error a holiday year is a reference period, not a month
    const notAMonthEither: YearMonth = period;
    expect([notAMonth, notADate, unparsed, notAMonthEither]).to.deep.equal(["2018-03-01", "2018-03", "2018-03", "2022"]);
  });

  it("keeps cents apart from plain numbers", () => {
    // @ts-expect-error a number is an amount only through cents() or toCents()
    const notAnAmount: Cents = 181786;
    const amount = cents(181786);
    const total: Cents = sumCents([amount, cents(14), ZERO_CENTS]);
    expect([notAnAmount, total]).to.deep.equal([181786, 181800]);
    expect(toCents("1817.86")).to.equal(181786);
    expect(() => cents(1817.5)).to.throw("not a whole number of cents: 1817.5");
  });

  it("parses and checks text from outside", () => {
    expect(parseYearMonth("2018-13")).to.equal(null);
    expect(parseCalendarDate("2018-02-29")).to.equal(null);
    expect(yearMonth("2018-02")).to.equal("2018-02");
    expect(() => yearMonth("2018-2")).to.throw('not a month YYYY-MM: "2018-2"');
    expect(() => calendarDate("2018-02-30")).to.throw('not a calendar date YYYY-MM-DD: "2018-02-30"');
  });

  it("tells a holiday year from a month in a reference period, and refuses a stored period of neither shape", () => {
    expect(isHolidayYear(holidayYearPeriod(2022))).to.equal(true);
    expect(isHolidayYear("2022-01")).to.equal(false);
    expect(holidayYearOf("2022")).to.equal(2022);
    expect(holidayYearOf("2022-01")).to.equal(null);
    expect(parseReferencePeriod("2022")).to.equal("2022");
    expect(parseReferencePeriod("2022-01")).to.equal("2022-01");
    expect(parseReferencePeriod("22")).to.equal(null);
    expect(storedReferencePeriod(null)).to.equal(null);
    expect(() => storedReferencePeriod("2022-1")).to.throw('a stored reference period is neither YYYY-MM nor YYYY: "2022-1"');
    expect(() => holidayYearPeriod(22)).to.throw("not a holiday year: 22");
  });
});
