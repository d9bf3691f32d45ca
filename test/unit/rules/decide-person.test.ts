/**
 * decidePerson on plain records, no database: the thresholds at their exact boundaries, the cut-off,
 * payment dates, lines without an assignment, withdrawals. Reads like the circular's examples.
 */
import { expect } from "chai";
import type { CalendarDate } from "../../../src/domain/calendar-date";
import type { AssignmentRecord, NotificationRecord, PersonSourceData, SalaryLineRecord } from "../../../src/domain/ministry-records";
import { type Cents, cents } from "../../../src/domain/money";
import type { YearMonth } from "../../../src/domain/year-month";
import { decidePerson } from "../../../src/rules/decide-person";
import type { DecisionUnit, PersonDecision, Wech006Declaration } from "../../../src/rules/decision-types";
import type { RunFrame } from "../../../src/rules/person-context";
import { assignmentRecord } from "../../support/records";
import { testFrame } from "../../support/run-frame";

function frame(runMonth: YearMonth, overrides: Partial<RunFrame> = {}): RunFrame {
  return testFrame(runMonth, { benefitsMonthsFrom: "2016-09", ...overrides });
}

function assignment(
  id: number,
  numerator: number,
  denominator: number,
  start: CalendarDate = "2017-09-01",
  end: CalendarDate | null = "2018-06-30",
): AssignmentRecord {
  return assignmentRecord({ id, numerator: numerator * 100, denominator: denominator * 100, startDate: start, endDate: end });
}

function line(
  id: number,
  month: YearMonth,
  gross: Cents,
  assignmentId: number | null,
  paidOn: CalendarDate = `${month}-25`,
): SalaryLineRecord {
  return { id, staffId: 1, assignmentId, periodMonth: month, gross, wageCode: "01", paidOn, problems: [] };
}

function notification(receivedAt = "2017-09-04 09:00:00", withdrawnFrom: CalendarDate | null = null): NotificationRecord {
  return {
    id: 1,
    staffId: 1,
    boardId: 1,
    messageRef: "RL16-1",
    receivedAt,
    validFrom: "2017-09-01",
    withdrawnFrom,
    maintenanceOfRights: 1,
    fulltimeRequest: 1,
    problems: [],
  };
}

function person(assignments: AssignmentRecord[], salaryLines: SalaryLineRecord[], notifications = [notification()]): PersonSourceData {
  return {
    staffId: 1,
    staff: { id: 1, insz: "85073003328", lastName: "Janssens", firstName: "Els", gender: "F", genderProblem: null, problems: [] },
    notifications,
    assignments,
    salaryLines,
  };
}

function monthly(decision: PersonDecision | null, month: YearMonth): DecisionUnit[] {
  return (decision?.units ?? []).filter((u) => u.formType === "WECH006" && u.referencePeriod === month);
}

describe("decidePerson (the rules on plain records)", () => {
  it("gross exactly EUR 1600.00 is not eligible; EUR 1599.99 is declared", () => {
    const at = decidePerson(person([assignment(1, 11, 22)], [line(1, "2017-09", cents(160000), 1)]), frame("2017-09"));
    expect(monthly(at, "2017-09").map((u) => u.outcome.status === "not-eligible" && u.outcome.reason)).to.deep.equal([
      "GROSS_AT_OR_ABOVE_THRESHOLD",
    ]);
    const below = decidePerson(person([assignment(1, 11, 22)], [line(1, "2017-09", cents(159999), 1)]), frame("2017-09"));
    expect(monthly(below, "2017-09").map((u) => u.outcome.status)).to.deep.equal(["declared"]);
  });

  it("occupation exactly 80 % is not eligible, whatever the pay; 79.5 % is declared", () => {
    const at = decidePerson(person([assignment(1, 16, 20)], [line(1, "2017-09", cents(100000), 1)]), frame("2017-09"));
    const outcome = monthly(at, "2017-09")[0].outcome;
    expect(outcome.status === "not-eligible" && [outcome.reason, outcome.detail]).to.deep.equal([
      "OCCUPATION_AT_OR_ABOVE_LIMIT",
      "occupation 80.0 % >= 80 %",
    ]);
    const below = decidePerson(person([assignment(1, 159, 200)], [line(1, "2017-09", cents(100000), 1)]), frame("2017-09"));
    expect(monthly(below, "2017-09").map((u) => u.outcome.status)).to.deep.equal(["declared"]);
  });

  it("sums the occupation of simultaneous assignments: 10/22 + 8/22 reaches 81.8 %", () => {
    const decision = decidePerson(
      person([assignment(1, 10, 22), assignment(2, 8, 22)], [line(1, "2017-09", cents(60000), 1), line(2, "2017-09", cents(50000), 2)]),
      frame("2017-09"),
    );
    expect(monthly(decision, "2017-09").map((u) => u.outcome.status === "not-eligible" && u.outcome.detail)).to.deep.equal([
      "occupation 81.8 % >= 80 %",
      "occupation 81.8 % >= 80 %",
    ]);
  });

  it("counts a line without assignment for the assignment with the largest fraction, and gross over all assignments", () => {
    const decision = decidePerson(
      person(
        [assignment(1, 4, 22), assignment(2, 7, 22)],
        [line(1, "2017-09", cents(30000), 1), line(2, "2017-09", cents(50000), 2), line(3, "2017-09", cents(12345), null)],
      ),
      frame("2017-09"),
    );
    const amounts = monthly(decision, "2017-09").map(
      (u) => u.outcome.status === "declared" && [u.assignmentId, (u.outcome.declaration as Wech006Declaration).exactSalary],
    );
    expect(amounts).to.deep.equal([
      [1, 30000],
      [2, 62345],
    ]);
    const declaration = (monthly(decision, "2017-09")[0].outcome as { declaration: Wech006Declaration }).declaration;
    expect(declaration.facts).to.deep.include({ monthGross: 92345, threshold: 160000, occupationPerMille: 500 });
  });

  it("ignores pay for a month that was paid after the run month (a later correction)", () => {
    const decision = decidePerson(
      person([assignment(1, 11, 22)], [line(1, "2017-09", cents(90000), 1), line(2, "2017-09", cents(80000), 1, "2017-10-02")]),
      frame("2017-09"),
    );
    expect(
      monthly(decision, "2017-09").map((u) => u.outcome.status === "declared" && (u.outcome.declaration as Wech006Declaration).exactSalary),
    ).to.deep.equal([90000]);
  });

  it("does not see a notification received after the cut-off: the person is not considered that month", () => {
    expect(decidePerson(person([assignment(1, 11, 22)], [], [notification("2017-09-15 16:00:01")]), frame("2017-09"))).to.equal(null);
    expect(decidePerson(person([assignment(1, 11, 22)], [], [notification("2017-09-15 16:00:00")]), frame("2017-09"))).not.to.equal(null);
  });

  it("stops at the day before a withdrawal: no WECH006 for the months after it", () => {
    const lines = (["2017-09", "2017-10", "2017-11", "2017-12"] as const).map((m, i) => line(i + 1, m, cents(80000), 1));
    const decision = decidePerson(
      person([assignment(1, 11, 22)], lines, [notification(undefined, "2017-11-01")]),
      frame("2017-12", { cutoffAt: "2017-12-15 16:00:00" }),
    );
    const months = decision!.units.filter((u) => u.formType === "WECH006").map((u) => u.referencePeriod);
    expect(months).to.deep.equal(["2017-09", "2017-10"]);
  });

  it("declares WECH003 from the later of assignment start and notification start; 00095 = 0 without 00096 whatever maintenance_of_rights says (D14)", () => {
    const decision = decidePerson(person([assignment(1, 11, 22, "2017-08-15", null)], []), frame("2017-09"));
    const start = decision!.units.find((u) => u.formType === "WECH003")!.outcome;
    expect(start.status).to.equal("declared");
    if (start.status !== "declared" || start.declaration.formType !== "WECH003") return;
    expect(start.declaration).to.deep.include({
      occupationStartingDate: "2017-09-01",
      dbrInCompanyPlan: 0,
      legalBasis: null,
      fulltimeRequest: 1,
      maintenanceOfRights: 1,
    });
    expect(start.declaration.occupation).to.deep.include({ q: 1100, s: 2200, monthlySalary: 150000, jointCommittee: "999" });
  });

  it("does not decide again a not-eligible unit whose facts are unchanged, and does when they change", () => {
    const first = decidePerson(person([assignment(1, 11, 22)], [line(1, "2017-09", cents(170000), 1)]), frame("2017-09"));
    const outcome = monthly(first, "2017-09")[0].outcome;
    if (outcome.status !== "not-eligible") throw new Error("expected not eligible");
    const remembered = new Map([["WECH006:1:1:2017-09", outcome.fingerprint!]]);
    const again = decidePerson(
      person([assignment(1, 11, 22)], [line(1, "2017-09", cents(170000), 1)]),
      frame("2017-09", { previousFingerprint: (k) => remembered.get(k) }),
    );
    expect(monthly(again, "2017-09")).to.deep.equal([]);
    expect(again!.previouslyDecided.WECH006).to.equal(1);
    const changed = decidePerson(
      person([assignment(1, 11, 22)], [line(1, "2017-09", cents(170000), 1), line(2, "2017-09", cents(-20000), 1)]),
      frame("2017-09", { previousFingerprint: (k) => remembered.get(k) }),
    );
    expect(monthly(changed, "2017-09").map((u) => u.outcome.status)).to.deep.equal(["declared"]);
  });

  it("rejects a fraction above 1 and a malformed joint committee instead of failing the whole run", () => {
    const above = decidePerson(person([assignment(1, 110, 22)], [line(1, "2017-09", cents(80000), 1)]), frame("2017-09"));
    expect(above!.units.map((u) => u.outcome.status === "rejected" && u.outcome.rule)).to.deep.equal([
      "NUMERATOR_ABOVE_DENOMINATOR",
      "NUMERATOR_ABOVE_DENOMINATOR",
    ]);
    const committee = decidePerson(
      person([{ ...assignment(1, 11, 22), jointCommittee: "20" }], [line(1, "2017-09", cents(80000), 1)]),
      frame("2017-09"),
    );
    const start = committee!.units.find((u) => u.formType === "WECH003")!.outcome;
    expect(start.status === "rejected" && [start.rule, start.problem.field, start.problem.value]).to.deep.equal([
      "FIELD_VALUE_NOT_ALLOWED",
      "joint_committee",
      "20",
    ]);
  });

  it("never declares a WECH006 whose WECH003 is rejected (full-time request 9 without joint committee 999)", () => {
    const nine = { ...notification(), fulltimeRequest: 9 };
    const decision = decidePerson(
      person([{ ...assignment(1, 11, 22), jointCommittee: "200" }], [line(1, "2017-09", cents(80000), 1)], [nine]),
      frame("2017-09"),
    );
    expect(decision!.units.map((u) => [u.formType, u.outcome.status === "rejected" && u.outcome.rule])).to.deep.equal([
      ["WECH003", "FULLTIME_REQUEST_NOT_APPLICABLE"],
      ["WECH006", "START_OF_PART_TIME_WORK_REJECTED"],
    ]);
  });

  it("rejects the months the threshold table does not cover, and decides the others", () => {
    // Received within its own school year: one received after 31 August 2017 would be refused (NOTIFICATION_AFTER_SCHOOL_YEAR).
    const early: NotificationRecord = { ...notification("2017-06-02 09:00:00"), id: 2, messageRef: "RL16-2", validFrom: "2017-06-01" };
    const lines = [line(1, "2017-06", cents(80000), 1), line(2, "2017-09", cents(80000), 1)];
    const decision = decidePerson(person([assignment(1, 11, 22, "2017-06-01", null)], lines, [early, notification()]), frame("2017-09"));
    const months = monthly(decision, "2017-06").map((u) => u.outcome.status === "rejected" && u.outcome.rule);
    expect(months).to.deep.equal(["NO_THRESHOLD_FOR_MONTH"]);
    expect(monthly(decision, "2017-09").map((u) => u.outcome.status)).to.deep.equal(["declared"]);
  });

  it("declares the whole month of a late notification's first month (D19: the window never cuts the occupation); the WECH003 starts at the window", () => {
    const late: NotificationRecord = { ...notification("2017-11-20 09:00:00"), validFrom: "2017-11-21" };
    const decision = decidePerson(
      person([assignment(1, 11, 22)], [line(1, "2017-11", cents(80000), 1)], [late]),
      frame("2017-11", { cutoffAt: "2017-11-25 16:00:00" }),
    );
    const november = monthly(decision, "2017-11")[0].outcome;
    if (november.status !== "declared" || november.declaration.formType !== "WECH006") throw new Error("expected a declared WECH006");
    expect([november.declaration.occupationStartingDate, november.declaration.occupationEndingDate]).to.deep.equal([
      "2017-11-01",
      "2017-11-30",
    ]);
    const start = decision!.units.find((u) => u.formType === "WECH003")!.outcome;
    expect(start.status === "declared" && start.declaration.formType === "WECH003" && start.declaration.occupationStartingDate).to.equal(
      "2017-11-21",
    );
  });

  it("reports a notification received between this month's cut-off and the next as declared next month", () => {
    const late = notification("2017-09-20 09:00:00");
    const decision = decidePerson(person([assignment(1, 11, 22)], [], [late]), frame("2017-09", { nextCutoffAt: "2017-10-15 16:00:00" }));
    expect(decision).to.deep.include({ status: "not-eligible", reason: "NOTIFICATION_AFTER_CUTOFF", units: [] });
    expect(
      decidePerson(
        person([assignment(1, 11, 22)], [], [notification("2017-10-20 09:00:00")]),
        frame("2017-09", { nextCutoffAt: "2017-10-15 16:00:00" }),
      ),
    ).to.equal(null);
  });
});
