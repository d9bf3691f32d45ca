/**
 * The contract checks of the tables added for ZIMA001/003/006: each breach named by table, record,
 * column, rule and value; the rows of the note's examples (zima-1-3-6.md §1.6, §2.6, errata 9) pass.
 */
import { expect } from "chai";
import { benefitsCodes } from "../../../mappings/benefits-codes";
import { isValidEstablishmentUnit } from "../../../src/domain/check-digits";
import type { AbsenceRecord, BreastfeedingBreakRecord, InstitutionRecord, SchoolBoardRecord } from "../../../src/domain/ministry-records";
import { cents } from "../../../src/domain/money";
import {
  absenceDayProblems,
  absenceProblems,
  assignmentSalaryProblems,
  breastfeedingBreakProblems,
  establishmentUnitProblem,
  preventionServiceProblem,
  workResumptionProblems,
} from "../../../src/rules/benefits-2026-validation";

/** Absence 9001 of errata 9 (staff 1005, 6-B as corrected): incapacity 2024-06-03 → 2024-07-19, paid until 2024-07-02. */
function absence(overrides: Partial<AbsenceRecord> = {}): AbsenceRecord {
  return {
    id: 9001,
    staffId: 1005,
    assignmentId: null,
    kind: "INCAPACITY",
    firstDay: "2024-06-03",
    lastDay: "2024-07-19",
    relapseOfId: null,
    lastWorkingDay: null,
    paidUntil: "2024-07-02",
    paidDayCode: "2.6",
    eventDate: null,
    certificateRef: null,
    prenatalRestStop: false,
    reportedAt: "2024-07-05 10:00:00",
    problems: [],
    ...overrides,
  };
}

const rule = (problems: readonly { field: string; rule: string; value: string }[]) => problems.map((p) => [p.field, p.rule, p.value]);

describe("contract checks of absence, absence_day, work_resumption, breastfeeding_break, assignment_salary and the new columns", () => {
  const assignments = new Set([505]);

  it("passes the note's rows: absence 9001, its resumption on 2024-07-22, the breaks of 3-A", () => {
    expect(absenceProblems(absence(), assignments)).to.deep.equal([]);
    expect(
      workResumptionProblems(
        { id: 1, absenceId: 9001, resumptionDate: "2024-07-22", requestTicket: null, reportedAt: "2024-07-10 09:00:00", problems: [] },
        absence(),
      ),
    ).to.deep.equal([]);
    const breaks: BreastfeedingBreakRecord = {
      id: 1,
      staffId: 1004,
      assignmentId: 505,
      periodMonth: "2024-03",
      halfHourBreaks: 40,
      reportedAt: "2024-03-10 08:00:00",
      problems: [],
    };
    expect(breastfeedingBreakProblems(breaks, assignments, benefitsCodes)).to.deep.equal([]);
  });

  it("absence: someone else's assignment, a last day before the first, birth leave without its birth date, the rest stop on incapacity, a last working day after the risk's start", () => {
    expect(rule(absenceProblems(absence({ assignmentId: 999 }), assignments))).to.deep.equal([
      ["assignment_id", "UNKNOWN_ASSIGNMENT", "999"],
    ]);
    expect(rule(absenceProblems(absence({ lastDay: "2024-06-02" }), assignments))).to.deep.equal([
      ["last_day", "END_BEFORE_START", "2024-06-02 < 2024-06-03"],
    ]);
    expect(rule(absenceProblems(absence({ kind: "BIRTH_LEAVE" }), assignments))).to.deep.equal([["event_date", "FIELD_REQUIRED", "NULL"]]);
    expect(rule(absenceProblems(absence({ prenatalRestStop: true }), assignments))).to.deep.equal([
      ["prenatal_rest_stop", "FIELD_VALUE_NOT_ALLOWED", "1 on INCAPACITY"],
    ]);
    expect(absenceProblems(absence({ kind: "MATERNITY_REST", prenatalRestStop: true }), assignments)).to.deep.equal([]);
    // Glossary 00410: for an incapacity the risk's own first day may be the last working day; for the other risks it comes before.
    expect(absenceProblems(absence({ lastWorkingDay: "2024-06-03" }), assignments)).to.deep.equal([]);
    expect(rule(absenceProblems(absence({ lastWorkingDay: "2024-06-04" }), assignments))).to.deep.equal([
      ["last_working_day", "DATE_AGAINST_RISK_START", "2024-06-04 >= 2024-06-03"],
    ]);
    expect(rule(absenceProblems(absence({ kind: "ADOPTION_LEAVE", lastWorkingDay: "2024-06-03" }), assignments))).to.deep.equal([
      ["last_working_day", "DATE_AGAINST_RISK_START", "2024-06-03 >= 2024-06-03"],
    ]);
  });

  it("absence_day hours within 0.01-14.00; a resumption after the risk's start and from 2005-07-01; breaks 1-62 on one's own assignment; a positive salary", () => {
    expect(rule(absenceDayProblems({ id: 7, absenceId: 9001, day: "2024-06-03", code: "2.6", hours: 1450, problems: [] }))).to.deep.equal([
      ["hours", "VALUE_OUT_OF_RANGE", "14.50 not in 0.01-14.00"],
    ]);
    // ZIMA001's XSD starts at 1 (0.01 h): a day of 0 hours is no part-time day (ZIMA002's zone allows 0).
    expect(rule(absenceDayProblems({ id: 8, absenceId: 9001, day: "2024-06-03", code: "2.6", hours: 0, problems: [] }))).to.deep.equal([
      ["hours", "VALUE_OUT_OF_RANGE", "0.00 not in 0.01-14.00"],
    ]);
    const resumption = (resumptionDate: "2024-06-03" | "2005-06-30") => ({
      id: 2,
      absenceId: 9001,
      resumptionDate,
      requestTicket: null,
      reportedAt: "2024-07-10 09:00:00",
      problems: [],
    });
    expect(rule(workResumptionProblems(resumption("2024-06-03"), absence()))).to.deep.equal([
      ["resumption_date", "DATE_AGAINST_RISK_START", "2024-06-03 <= 2024-06-03"],
    ]);
    expect(rule(workResumptionProblems(resumption("2005-06-30"), null))).to.deep.equal([
      ["resumption_date", "VALUE_OUT_OF_RANGE", "2005-06-30 before 2005-07-01"],
    ]);
    const breaks = (halfHourBreaks: number, assignmentId = 505): BreastfeedingBreakRecord => ({
      id: 3,
      staffId: 1004,
      assignmentId,
      periodMonth: "2024-03",
      halfHourBreaks,
      reportedAt: "2024-03-10 08:00:00",
      problems: [],
    });
    expect(rule(breastfeedingBreakProblems(breaks(63), assignments, benefitsCodes))).to.deep.equal([
      ["half_hour_breaks", "VALUE_OUT_OF_RANGE", "63 not in 1-62"],
    ]);
    expect(rule(breastfeedingBreakProblems(breaks(0), assignments, benefitsCodes))).to.deep.equal([
      ["half_hour_breaks", "VALUE_OUT_OF_RANGE", "0 not in 1-62"],
    ]);
    expect(rule(breastfeedingBreakProblems(breaks(62, 506), assignments, benefitsCodes))).to.deep.equal([
      ["assignment_id", "UNKNOWN_ASSIGNMENT", "506"],
    ]);
    expect(
      assignmentSalaryProblems({
        recordId: "505 2024-01-01",
        assignmentId: 505,
        validFrom: "2024-01-01",
        monthlySalary: cents(0),
        problems: [],
      }),
    ).to.deep.equal([
      { table: "assignment_salary", recordId: "505 2024-01-01", field: "monthly_salary", rule: "VALUE_OUT_OF_RANGE", value: "0.00 <= 0" },
    ]);
  });

  it("establishment units and the prevention service's KBO number: the note's numbers are valid (2123456791: 21234567 mod 97 = 6, 97 - 6 = 91)", () => {
    expect(isValidEstablishmentUnit("2123456791")).to.equal(true);
    expect(isValidEstablishmentUnit("2234567818")).to.equal(true);
    expect(isValidEstablishmentUnit("2123456789")).to.equal(false);
    // A KBO enterprise number (first digit 0 or 1) is no establishment unit.
    expect(isValidEstablishmentUnit("0412345614")).to.equal(false);
    const institution = (establishmentUnit: string | null): InstitutionRecord => ({
      id: 11,
      boardId: 1,
      name: "CLB",
      level: "CLB",
      establishmentUnit,
      problems: [],
    });
    expect(establishmentUnitProblem(institution("2123456791"))).to.equal(null);
    expect(establishmentUnitProblem(institution("2123456789"))).to.deep.include({
      field: "establishment_unit",
      rule: "ESTABLISHMENT_UNIT_INVALID",
      value: "2123456789",
    });
    expect(establishmentUnitProblem(institution(null))).to.deep.include({ rule: "FIELD_REQUIRED" });
    const board = (preventionServiceKbo: string | null): SchoolBoardRecord => ({
      id: 1,
      name: "GO!",
      agency: "AGODI",
      preventionServiceKbo,
      preventionServiceName: "Externe Dienst A",
      problems: [],
    });
    expect(preventionServiceProblem(board("0412345614"))).to.equal(null);
    expect(preventionServiceProblem(board(null))).to.equal(null);
    expect(preventionServiceProblem(board("0412345615"))).to.deep.include({ rule: "KBO_INVALID", value: "0412345615" });
  });
});
