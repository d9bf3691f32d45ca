/** Contract checks on plain records: the notification's school year, referenced employers, masking, closed sets read at the edge. */
import { expect } from "chai";
import { assignmentRecord } from "../../support/records";
import type { CalendarDate } from "../../../src/domain/calendar-date";
import type { AssignmentRecord, NotificationRecord, ReferenceData, StaffRecord } from "../../../src/domain/ministry-records";
import { cents } from "../../../src/domain/money";
import { assignmentProblems, notificationProblems, staffProblems } from "../../../src/rules/record-validation";
import { defaultRuleParameters } from "../../../src/rules/rule-parameters";
import { toAssignment, toSchoolBoard } from "../../../src/source/record-mappers";

const references: ReferenceData = {
  boards: new Map([
    [1, { id: 1, name: "Board", agency: "AGODI", preventionServiceKbo: null, preventionServiceName: null, problems: [] }],
    [
      2,
      {
        id: 2,
        name: "",
        agency: "AGODI",
        preventionServiceKbo: null,
        preventionServiceName: null,
        problems: [{ table: "school_board", recordId: "2", field: "name", rule: "FIELD_REQUIRED", value: "NULL" }],
      },
    ],
  ]),
  institutions: new Map([
    [1, { id: 1, boardId: 1, name: "School", level: "SO", establishmentUnit: null, problems: [] }],
    [2, { id: 2, boardId: 7, name: "Lost school", level: "SO", establishmentUnit: null, problems: [] }],
    [3, { id: 3, boardId: 2, name: "School of a nameless board", level: "SO", establishmentUnit: null, problems: [] }],
  ]),
};

function notification(validFrom: CalendarDate, receivedAt: string, boardId = 1): NotificationRecord {
  return {
    id: 5,
    staffId: 1,
    boardId,
    messageRef: "RL16-5",
    receivedAt,
    validFrom,
    withdrawnFrom: null,
    maintenanceOfRights: 1,
    fulltimeRequest: 1,
    problems: [],
  };
}

function assignment(institutionId: number): AssignmentRecord {
  return assignmentRecord({ id: 10, institutionId, numerator: 1200, denominator: 2400, monthlySalary: cents(110000) });
}

describe("record validation", () => {
  describe("a notification received after its school year (D18: not bad data)", () => {
    it("is not refused, whenever it arrives", () => {
      expect(notificationProblems(notification("2017-06-01", "2017-08-31 23:59:59"), references, new Set())).to.deep.equal([]);
      expect(notificationProblems(notification("2017-06-01", "2017-09-01 00:00:00"), references, new Set())).to.deep.equal([]);
      expect(notificationProblems(notification("2015-09-01", "2018-03-01 00:00:00"), references, new Set())).to.deep.equal([]);
    });

    it("is not a late notification within its year, nor one received ahead of its year", () => {
      expect(notificationProblems(notification("2017-11-21", "2018-08-20 10:00:00"), references, new Set())).to.deep.equal([]);
      expect(notificationProblems(notification("2018-09-01", "2018-06-20 10:00:00"), references, new Set())).to.deep.equal([]);
    });
  });

  it("reports the problems of a referenced board or institution on their own records", () => {
    expect(
      notificationProblems(notification("2017-09-01", "2017-09-04 09:00:00", 2), references, new Set()).map((p) => [
        p.table,
        p.recordId,
        p.field,
        p.rule,
      ]),
    ).to.deep.equal([["school_board", "2", "name", "FIELD_REQUIRED"]]);
    const parameters = defaultRuleParameters();
    expect(
      assignmentProblems(assignment(2), references, parameters).map((p) => [p.table, p.recordId, p.field, p.rule, p.value]),
    ).to.deep.equal([["institution", "2", "board_id", "UNKNOWN_BOARD", "7"]]);
    expect(assignmentProblems(assignment(3), references, parameters).map((p) => [p.table, p.recordId, p.field, p.rule])).to.deep.equal([
      ["school_board", "2", "name", "FIELD_REQUIRED"],
    ]);
    expect(assignmentProblems(assignment(1), references, parameters)).to.deep.equal([]);
  });

  it("masks an INSZ in every problem but says NULL as NULL", () => {
    const staff = (insz: string, problems: StaffRecord["problems"] = []): StaffRecord => ({
      id: 3,
      insz,
      lastName: "L",
      firstName: "F",
      gender: "F",
      genderProblem: null,
      problems,
    });
    expect(
      staffProblems(staff("", [{ table: "staff_member", recordId: "3", field: "insz", rule: "FIELD_REQUIRED", value: "NULL" }]))[0].value,
    ).to.equal("NULL");
    expect(staffProblems(staff("85073003327"))[0]).to.include({ rule: "INSZ_INVALID", value: "********327" });
  });

  it("reads closed sets of text at the edge: agency AGODI/AHOVOKS, status T/V/C", () => {
    expect(toSchoolBoard({ id: 4, name: "B", agency: "VDAB" }).problems.map((p) => [p.field, p.rule, p.value])).to.deep.equal([
      ["agency", "FIELD_VALUE_NOT_ALLOWED", "VDAB"],
    ]);
    expect(toSchoolBoard({ id: 4, name: "B", agency: " AHOVOKS " }).problems).to.deep.equal([]);
    const row = {
      id: 8,
      staff_id: 1,
      institution_id: 1,
      start_date: "2017-09-01",
      hours_numerator: 12,
      hours_denominator: 24,
      monthly_salary: 1100,
    };
    expect(toAssignment({ ...row, status: "v" }).problems.map((p) => [p.field, p.rule, p.value])).to.deep.equal([
      ["status", "FIELD_VALUE_NOT_ALLOWED", "v"],
    ]);
    expect(toAssignment({ ...row, status: "C" }).problems).to.deep.equal([]);
  });
});
