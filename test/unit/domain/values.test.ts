import { expect } from "chai";
import { addDays, isoWeekday, parseCalendarDate } from "../../../src/domain/calendar-date";
import { isValidInsz, isValidKbo, isValidNoss, makeInsz, makeKbo, makeNoss, maskInsz } from "../../../src/domain/check-digits";
import { toHundredths } from "../../../src/domain/decimal";
import { fractionText } from "../../../src/domain/fraction-text";
import { mergeRanges } from "../../../src/domain/date-range";
import { parseLocalDateTime } from "../../../src/domain/local-date-time";
import { addMonths, lastDayOf, monthsFromTo, parseYearMonth } from "../../../src/domain/year-month";
import { declarationFileName, goFileName, parseBatchFileName } from "../../../src/files/batch-file-name";
import { maskInszInText } from "../../../src/util/insz-masking";
import { distinctProblems, type RecordProblem } from "../../../src/domain/outcome-codes";

describe("domain values", () => {
  it("decimals become exact integer hundredths from numbers and strings", () => {
    expect(toHundredths(977.38)).to.equal(97738);
    expect(toHundredths("977.38")).to.equal(97738);
    expect(toHundredths("1817.8")).to.equal(181780);
    expect(toHundredths("-12.05")).to.equal(-1205);
    expect(toHundredths(0.1 + 0.2)).to.equal(30);
    expect(toHundredths("12.345")).to.equal(null);
    expect(toHundredths("abc")).to.equal(null);
    expect(toHundredths(12.345)).to.equal(null);
  });

  it("fractions as people write them, with either decimal mark", () => {
    expect(fractionText(1600, 3200)).to.equal("16/32");
    expect(fractionText(1250, 2400)).to.equal("12.5/24");
    expect(fractionText(1250, 2400, ",")).to.equal("12,5/24");
    expect(fractionText(1205, 2200, ",")).to.equal("12,05/22");
    expect(fractionText(1600, 0)).to.equal("");
    expect(fractionText(null, 3200)).to.equal("");
  });

  it("INSZ, KBO and NOSS check digits (mod 97)", () => {
    expect(isValidInsz("85073003328")).to.equal(true);
    expect(isValidInsz("85073003329")).to.equal(false);
    expect(isValidInsz("00010112383")).to.equal(false);
    // born from 2000: 2 is prefixed before the mod-97
    expect(isValidInsz("01010112305")).to.equal(97 - ((2_000_000_000 + 10101123) % 97) === 5);
    expect(isValidKbo("0566988259")).to.equal(true);
    expect(isValidKbo("0566988258")).to.equal(false);
    expect(isValidNoss("123456749")).to.equal(true);
    expect(isValidNoss("100006")).to.equal(true);
    expect(isValidNoss("199999934")).to.equal(true);
    expect(isValidNoss("123456748")).to.equal(false);
    expect(maskInsz("85073003328")).to.equal("********328");
  });

  it("INSZ, KBO and NOSS made with their check digits (demo, test and benchmark data)", () => {
    expect(makeInsz("1985-07-30", 33)).to.equal("85073003328");
    // born from 2000: the check counts the 2 prefixed (without it, it would be 69)
    expect(makeInsz("2001-01-01", 123)).to.equal("01010112301");
    expect(isValidInsz(makeInsz("2001-01-01", 123))).to.equal(true);
    expect(makeKbo("05669882")).to.equal("0566988259");
    expect(makeNoss(1234567)).to.equal("123456749");
    expect(makeNoss(1000)).to.equal("100006");
    // a check of 0 becomes 97
    expect(makeNoss(1000005)).to.equal("100000597");
    expect(isValidNoss(makeNoss(1000005))).to.equal(true);
  });

  it("INSZ masking in free text keeps the last three digits only", () => {
    expect(maskInszInText("staff 85073003328 failed")).to.equal("staff ********328 failed");
    expect(maskInszInText("INSZ 85.07.30-033.28")).to.equal("INSZ ********328");
    expect(maskInszInText("amount 97738, id 12")).to.equal("amount 97738, id 12");
  });

  it("calendar dates and months without time zones", () => {
    expect(parseCalendarDate("2018-02-29")).to.equal(null);
    expect(parseCalendarDate("2020-02-29")).to.equal("2020-02-29");
    expect(addDays("2018-03-24", 2)).to.equal("2018-03-26");
    expect((["2017-09-01", "2017-09-04", "2017-09-03", "1970-01-01", "1969-12-28"] as const).map(isoWeekday)).to.deep.equal([
      5, 1, 7, 4, 7,
    ]);
    expect(lastDayOf("2018-02")).to.equal("2018-02-28");
    expect(addMonths("2017-12", 1)).to.equal("2018-01");
    expect(addMonths("2018-01", -13)).to.equal("2016-12");
    expect(monthsFromTo("2017-11", "2018-02")).to.deep.equal(["2017-11", "2017-12", "2018-01", "2018-02"]);
    expect(parseYearMonth("2017-13")).to.equal(null);
    expect(parseLocalDateTime("2017-09-05T10:12")).to.equal("2017-09-05 10:12:00");
    expect(parseLocalDateTime("2017-09-05 10:12:00.000")).to.equal("2017-09-05 10:12:00");
    expect(
      mergeRanges([
        { start: "2017-09-01", end: "2017-09-30" },
        { start: "2017-10-01", end: null },
      ]),
    ).to.deep.equal([{ start: "2017-09-01", end: null }]);
  });

  it("batch file names follow FI.<purpose>.<sender>.<date>.<seq5>.<env>", () => {
    const id = { purpose: "WECH", sender: "900123", creationDate: "20171231", sequence: 7, environment: "T" } as const;
    expect(declarationFileName(id)).to.equal("FI.WECH.900123.20171231.00007.T");
    expect(goFileName(id)).to.equal("GO.WECH.900123.20171231.00007.T");
    expect(parseBatchFileName("FI.WECH.900123.20171231.00007.T")).to.deep.include({ sequence: 7, environment: "T", kind: "FI" });
    expect(() => declarationFileName({ ...id, sequence: 100000 })).to.throw(/sequence out of range/);
  });
});

describe("distinctProblems", () => {
  it("keeps each broken record once, in first-seen order, and keeps records that differ in any part", () => {
    const p = (recordId: string, rule: RecordProblem["rule"], value = "x"): RecordProblem => ({
      table: "holiday_balance",
      recordId,
      field: "days",
      rule,
      value,
    });
    expect(
      distinctProblems([
        p("1", "DAYS_NOT_IN_HALF_DAYS"),
        p("2", "DAYS_NOT_IN_HALF_DAYS"),
        p("1", "DAYS_NOT_IN_HALF_DAYS"),
        p("1", "FIELD_NOT_A_NUMBER"),
        p("1", "DAYS_NOT_IN_HALF_DAYS", "y"),
      ]),
    ).to.deep.equal([
      p("1", "DAYS_NOT_IN_HALF_DAYS"),
      p("2", "DAYS_NOT_IN_HALF_DAYS"),
      p("1", "FIELD_NOT_A_NUMBER"),
      p("1", "DAYS_NOT_IN_HALF_DAYS", "y"),
    ]);
  });
});
