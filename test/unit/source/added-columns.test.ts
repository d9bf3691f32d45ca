/**
 * The columns added to existing tables for ZIMA001/003/006 are read apart: a breach of one of them is
 * kept for the form that needs the column and rejects nothing else (a bad pay_mode must not stop an
 * assignment's WECH003/WECH006/ZIMA002/ZIMA005).
 */
import { expect } from "chai";
import { toAdaptedWork, toAssignment, toAssignmentSalary } from "../../../src/source/record-mappers";

const ASSIGNMENT = {
  id: 11,
  staff_id: 1,
  institution_id: 1,
  start_date: "2017-09-01",
  end_date: null,
  hours_numerator: "16.00",
  hours_denominator: "32.00",
  days_per_week: null,
  job_title: null,
  status: "T",
  joint_committee: null,
  employer_category: null,
  worker_code: null,
  monthly_salary: "1500.00",
};

describe("the columns added to existing tables", () => {
  it("keeps a bad assignment.pay_mode apart from the assignment's problems: the reader does it for every column added later", () => {
    const record = toAssignment({ ...ASSIGNMENT, pay_mode: 20 });
    expect(record.problems).to.deep.equal([]);
    expect(record.payMode).to.equal(null);
    expect(record.laterColumnProblems).to.deep.equal([
      {
        table: "assignment",
        recordId: "11",
        field: "pay_mode",
        rule: "FIELD_VALUE_NOT_ALLOWED",
        value: "20",
      },
    ]);
    expect(toAssignment({ ...ASSIGNMENT, pay_mode: 10 })).to.deep.include({ payMode: 10, laterColumnProblems: [] });
    // A source without the column: NULL, no problem.
    expect(toAssignment(ASSIGNMENT)).to.deep.include({ payMode: null, laterColumnProblems: [] });
  });

  it("keeps a bad adapted_work.absence_id apart from the adapted work's problems (it rejects no ZIMA002)", () => {
    const row = {
      id: 5,
      staff_id: 1,
      assignment_id: 11,
      sub_risk: 1,
      start_date: "2018-09-01",
      end_date: null,
      days_per_week: "2.5",
      q_hours: "10.00",
      s_hours: "20.00",
    };
    const record = toAdaptedWork({ ...row, absence_id: "x" });
    expect(record.problems).to.deep.equal([]);
    expect(record.laterColumnProblems.map((p) => [p.field, p.rule])).to.deep.equal([["absence_id", "FIELD_NOT_AN_INTEGER"]]);
    expect(toAdaptedWork({ ...row, absence_id: 9001 })).to.deep.include({ absenceId: 9001, laterColumnProblems: [] });
  });

  it("names an assignment_salary row (it has no id) by its assignment and first day, alike from a date as text and as a driver's Date", () => {
    expect(toAssignmentSalary({ assignment_id: 505, valid_from: "2024-01-01", monthly_salary: "3250.50" })).to.deep.include({
      recordId: "505 2024-01-01",
      monthlySalary: 325050,
    });
    expect(
      toAssignmentSalary({ assignment_id: 505, valid_from: new Date(Date.UTC(2024, 0, 1)), monthly_salary: "3250.50" }),
    ).to.deep.include({ recordId: "505 2024-01-01", validFrom: "2024-01-01" });
  });
});
