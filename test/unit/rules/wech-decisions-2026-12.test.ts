/**
 * The amendments D14-D19 of domain.md on plain records (no database), each worked by hand from the
 * glossary (WECH003 / WECH006, 2023/3) or the circular (seed 004).
 */
import { expect } from "chai";
import type { CalendarDate } from "../../../src/domain/calendar-date";
import type { AssignmentRecord, NotificationRecord, PersonSourceData, SalaryLineRecord } from "../../../src/domain/ministry-records";
import { type Cents, cents } from "../../../src/domain/money";
import type { YearMonth } from "../../../src/domain/year-month";
import { decidePerson } from "../../../src/rules/decide-person";
import type { DecisionUnit, UnitOutcome, Wech006Declaration } from "../../../src/rules/decision-types";
import type { RunFrame } from "../../../src/rules/person-context";
import { assignmentRecord } from "../../support/records";
import { testFrame } from "../../support/run-frame";

function frame(runMonth: YearMonth, overrides: Partial<RunFrame> = {}): RunFrame {
  return testFrame(runMonth, { benefitsMonthsFrom: runMonth, ...overrides });
}

function assignment(
  id: number,
  numerator: number,
  denominator: number,
  start: CalendarDate,
  end: CalendarDate | null,
  salary = cents(150000),
): AssignmentRecord {
  return assignmentRecord({
    id,
    numerator: numerator * 100,
    denominator: denominator * 100,
    startDate: start,
    endDate: end,
    monthlySalary: salary,
  });
}

function line(
  id: number,
  month: YearMonth,
  gross: Cents,
  assignmentId: number | null,
  wageCode = "01",
  paidOn: CalendarDate = `${month}-25`,
): SalaryLineRecord {
  return { id, staffId: 1, assignmentId, periodMonth: month, gross, wageCode, paidOn, problems: [] };
}

function notification(
  validFrom: CalendarDate,
  receivedAt: string,
  withdrawnFrom: CalendarDate | null = null,
  maintenanceOfRights = 1,
): NotificationRecord {
  return {
    id: 1,
    staffId: 1,
    boardId: 1,
    messageRef: "RL16-1",
    receivedAt,
    validFrom,
    withdrawnFrom,
    maintenanceOfRights,
    fulltimeRequest: 1,
    problems: [],
  };
}

function person(assignments: AssignmentRecord[], salaryLines: SalaryLineRecord[], notifications: NotificationRecord[]): PersonSourceData {
  return {
    staffId: 1,
    staff: { id: 1, insz: "85073003328", lastName: "Claeys", firstName: "Jan", gender: "M", genderProblem: null, problems: [] },
    notifications,
    assignments,
    salaryLines,
  };
}

const SEPTEMBER_2017 = notification("2017-09-01", "2017-09-04 09:00:00");

function units(decision: ReturnType<typeof decidePerson>, formType: string, month: YearMonth | null = null): DecisionUnit[] {
  return (decision?.units ?? []).filter((u) => u.formType === formType && (month === null || u.referencePeriod === month));
}

function wech006(outcome: UnitOutcome): Wech006Declaration {
  expect(outcome.status, JSON.stringify(outcome)).to.equal("declared");
  return (outcome as { declaration: Wech006Declaration }).declaration;
}

const reasonOf = (o: UnitOutcome) =>
  o.status === "not-eligible" || o.status === "waiting" ? o.reason : o.status === "rejected" ? o.rule : o.status;

describe("D14 zones 00095 / 00096 and every notification counting (D15)", () => {
  it("a voluntary part-timer (maintenance_of_rights 0) opens a window like an involuntary one; 00095 is 0 for both", () => {
    for (const maintenance of [0, 1]) {
      const decision = decidePerson(
        person(
          [assignment(1, 11, 22, "2017-09-01", null)],
          [line(1, "2017-09", cents(90000), 1)],
          [notification("2017-09-01", "2017-09-04 09:00:00", null, maintenance)],
        ),
        frame("2017-09"),
      );
      const start = units(decision, "WECH003")[0].outcome;
      expect(
        start.status === "declared" &&
          start.declaration.formType === "WECH003" && [start.declaration.dbrInCompanyPlan, start.declaration.legalBasis],
        String(maintenance),
      ).to.deep.equal([0, null]);
      expect(units(decision, "WECH006", "2017-09").map((u) => u.outcome.status)).to.deep.equal(["declared"]);
    }
  });
});

describe("D15 a full-time assignment (glossary 00048)", () => {
  it("gets no WECH003 when its occupation starts on or before 2018-08-31: the 22/22 replacement from 2 October 2017", () => {
    const decision = decidePerson(
      person(
        [assignment(1, 10, 22, "2017-09-01", null), assignment(2, 22, 22, "2017-10-02", "2017-12-22")],
        [line(1, "2017-10", cents(60000), 1), line(2, "2017-10", cents(300000), 2)],
        [SEPTEMBER_2017],
      ),
      frame("2017-10"),
    );
    expect(units(decision, "WECH003").map((u) => [u.assignmentId, reasonOf(u.outcome)])).to.deep.equal([
      [1, "declared"],
      [2, "FULL_TIME_ASSIGNMENT"],
    ]);
  });

  it('gets its WECH003 when its occupation starts after 2018-08-31 ("niet verplicht voor de onderwijssector ... na 31/08/2018")', () => {
    const decision = decidePerson(
      person(
        [assignment(1, 22, 22, "2018-09-03", "2018-12-21")],
        [line(1, "2018-09", cents(150000), 1)],
        [notification("2018-09-01", "2018-09-04 09:00:00")],
      ),
      frame("2018-09"),
    );
    expect(units(decision, "WECH003").map((u) => reasonOf(u.outcome))).to.deep.equal(["declared"]);
  });

  it("a Q = S piece shorter than the month is declared on WECH006 with its real start, and an end only when it ends in the month", () => {
    // November 2017 (30 days): 5/22 all month, 22/22 from the 20th to the 30th. occupation = (19 x 5/22 +
    // 11 x 27/22) / 30 = 392/660 = 59.4 % < 80 %; gross EUR 400 + 600 < EUR 1600.
    const decision = decidePerson(
      person(
        [assignment(1, 5, 22, "2017-09-01", null), assignment(2, 22, 22, "2017-11-20", "2017-11-30")],
        [line(1, "2017-11", cents(40000), 1), line(2, "2017-11", cents(60000), 2)],
        [SEPTEMBER_2017],
      ),
      frame("2017-11"),
    );
    const piece = wech006(units(decision, "WECH006", "2017-11").find((u) => u.assignmentId === 2)!.outcome);
    expect([
      piece.occupationStartingDate,
      piece.occupationEndingDate,
      piece.meanWorkingHours,
      piece.occupation.s,
      piece.occupationInterruption,
    ]).to.deep.equal(["2017-11-20", "2017-11-30", 2200, 2200, 2]);
    expect(piece.facts.occupationPerMille).to.equal(594);
  });
});

describe("D16 what counts as pay, and the threshold's floor", () => {
  it("December: EUR 1000 ordinary pay (01) and EUR 700 year-end bonus (02) is judged at EUR 1000 and declared with 1000 (glossary 00124)", () => {
    const decision = decidePerson(
      person(
        [assignment(1, 11, 22, "2017-09-01", null)],
        [line(1, "2017-12", cents(100000), 1), line(2, "2017-12", cents(70000), 1, "02")],
        [SEPTEMBER_2017],
      ),
      frame("2017-12"),
    );
    const december = wech006(units(decision, "WECH006", "2017-12")[0].outcome);
    expect([december.exactSalary, december.facts.monthGross, december.facts.notCounted]).to.deep.equal([
      100000,
      100000,
      [{ code: "02", amount: 70000 }],
    ]);
  });

  it("holiday pay (07) is shown, not summed; severance (03) flags the month; a code on no list rejects it", () => {
    const lines = [
      line(1, "2017-12", cents(100000), 1),
      line(2, "2017-12", cents(20000), 1, "07"),
      line(3, "2017-12", cents(50000), 1, "03"),
    ];
    const decision = decidePerson(person([assignment(1, 11, 22, "2017-09-01", null)], lines, [SEPTEMBER_2017]), frame("2017-12"));
    const outcome = units(decision, "WECH006", "2017-12")[0].outcome;
    expect(outcome.status === "declared" && [outcome.flags, wech006(outcome).exactSalary]).to.deep.equal([["SEVERANCE_IN_MONTH"], 100000]);
    const unknown = decidePerson(
      person(
        [assignment(1, 11, 22, "2017-09-01", null)],
        [line(1, "2017-12", cents(100000), 1), line(2, "2017-12", cents(100), 1, "88")],
        [SEPTEMBER_2017],
      ),
      frame("2017-12"),
    );
    const rejected = units(unknown, "WECH006", "2017-12")[0].outcome;
    expect(rejected.status === "rejected" && [rejected.rule, rejected.problem.recordId, rejected.problem.value]).to.deep.equal([
      "UNKNOWN_WAGE_CODE",
      "2",
      "88",
    ]);
  });

  it("from 2022 the threshold is the RVA limit EUR 1691.40 (above the agency's EUR 1600): EUR 1650.00 is declared; in 2024-06 EUR 2070.48", () => {
    const at2022 = decidePerson(
      person(
        [assignment(1, 11, 22, "2021-09-01", null)],
        [line(1, "2022-03", cents(165000), 1)],
        [notification("2021-09-01", "2021-09-03 09:00:00")],
      ),
      frame("2022-03"),
    );
    const march = wech006(units(at2022, "WECH006", "2022-03")[0].outcome);
    expect([march.facts.threshold, march.facts.agencyThreshold]).to.deep.equal([169140, 160000]);
    const at2024 = decidePerson(
      person(
        [assignment(1, 11, 22, "2023-09-01", null)],
        [line(1, "2024-06", cents(207048), 1)],
        [notification("2023-09-01", "2023-09-03 09:00:00")],
      ),
      frame("2024-06"),
    );
    const june = units(at2024, "WECH006", "2024-06")[0].outcome;
    expect(june.status === "not-eligible" && [june.reason, june.facts?.threshold]).to.deep.equal(["GROSS_AT_OR_ABOVE_THRESHOLD", 207048]);
  });
});

describe("D17 no month declared before it is paid — for a while", () => {
  const data = (lines: SalaryLineRecord[]) => person([assignment(1, 11, 22, "2017-09-01", null)], lines, [SEPTEMBER_2017]);

  it("waits in its own run and the next, and is declared by the run of month + 2 with what is known, flagged", () => {
    const october = (run: YearMonth) => units(decidePerson(data([]), frame(run)), "WECH006", "2017-10")[0].outcome;
    for (const [run, waited] of [
      ["2017-10", 0],
      ["2017-11", 1],
    ] as const) {
      const o = october(run);
      expect(o.status === "waiting" && [o.reason, o.waitedMonths], run).to.deep.equal(["WAITING_FOR_PAY", waited]);
    }
    const decided = october("2017-12");
    expect(decided.status === "declared" && [decided.flags, wech006(decided).exactSalary]).to.deep.equal([["DECLARED_WITHOUT_PAY"], 0]);
  });

  it("is declared as soon as the pay is booked, and at once when an operator releases it", () => {
    expect(
      units(decidePerson(data([line(1, "2017-10", cents(90000), 1)]), frame("2017-10")), "WECH006", "2017-10")[0].outcome.status,
    ).to.equal("declared");
    const released = units(
      decidePerson(data([]), frame("2017-10", { isReleased: (staff, month) => staff === 1 && month === "2017-10" })),
      "WECH006",
      "2017-10",
    )[0].outcome;
    expect(released.status === "declared" && released.flags).to.deep.equal(["DECLARED_WITHOUT_PAY", "RELEASED_BY_OPERATOR"]);
  });

  it("does not wait when what is booked already decides: pay at or above the threshold", () => {
    const twoJobs = person(
      [assignment(1, 5, 22, "2017-09-01", null), assignment(2, 6, 22, "2017-09-01", null)],
      [line(1, "2017-10", cents(170000), 1)],
      [SEPTEMBER_2017],
    );
    const o = units(decidePerson(twoJobs, frame("2017-10")), "WECH006", "2017-10")[0].outcome;
    expect(o.status === "not-eligible" && o.reason).to.equal("GROSS_AT_OR_ABOVE_THRESHOLD");
  });
});

describe("D18 late notifications for an earlier school year", () => {
  it("a notification valid from 2018-03-01 received in October 2018, after its school year, declares its window's months, WECH003 included", () => {
    const lines = (["2018-03", "2018-04", "2018-05"] as const).map((m, i) => line(i + 1, m, cents(80000), 1, "01", `${m}-25`));
    const decision = decidePerson(
      person([assignment(1, 11, 22, "2018-03-01", "2018-05-31")], lines, [notification("2018-03-01", "2018-10-02 09:00:00")]),
      frame("2018-10"),
    );
    expect(decision!.problems).to.deep.equal([]);
    expect(units(decision, "WECH003").map((u) => reasonOf(u.outcome))).to.deep.equal(["declared"]);
    expect(units(decision, "WECH006").map((u) => [u.referencePeriod, reasonOf(u.outcome)])).to.deep.equal([
      ["2018-03", "declared"],
      ["2018-04", "declared"],
      ["2018-05", "declared"],
    ]);
  });

  it("a month before the agency's threshold table starts is rejected NO_THRESHOLD_FOR_MONTH (a configuration gap, reported), not dropped", () => {
    const decision = decidePerson(
      person(
        [assignment(1, 11, 22, "2016-09-01", "2016-09-30")],
        [line(1, "2016-09", cents(80000), 1)],
        [notification("2016-09-01", "2017-10-02 09:00:00")],
      ),
      frame("2017-10"),
    );
    expect(units(decision, "WECH006").map((u) => [u.referencePeriod, reasonOf(u.outcome)])).to.deep.equal([
      ["2016-09", "NO_THRESHOLD_FOR_MONTH"],
    ]);
  });

  it("a window that ended more than 24 months before the run month is not eligible WINDOW_TOO_OLD", () => {
    // Run 2017-10: the limit is 2015-10-01. The window of a notification valid from 2014-09-01 ends 2015-08-31.
    const decision = decidePerson(
      person([assignment(1, 11, 22, "2014-09-01", "2015-06-30")], [], [notification("2014-09-01", "2017-10-02 09:00:00")]),
      frame("2017-10"),
    );
    const reasons = new Set(decision!.units.map((u) => reasonOf(u.outcome)));
    expect([...reasons]).to.deep.equal(["WINDOW_TOO_OLD"]);
    expect(units(decision, "WECH006")).to.have.length(10); // 2014-09 … 2015-06
  });
});

describe("D19 WECH006 occupations and dates (glossary 00044, 00045, 00769)", () => {
  it("a withdrawal from 16 November ends the window, not the occupation: November is declared whole", () => {
    const lines = (["2017-09", "2017-10", "2017-11"] as const).map((m, i) => line(i + 1, m, cents(80000), 1));
    const decision = decidePerson(
      person([assignment(1, 11, 22, "2017-09-01", null)], lines, [notification("2017-09-01", "2017-09-04 09:00:00", "2017-11-16")]),
      frame("2017-11"),
    );
    const november = wech006(units(decision, "WECH006", "2017-11")[0].outcome);
    expect([november.occupationStartingDate, november.occupationEndingDate]).to.deep.equal(["2017-11-01", "2017-11-30"]);
  });

  it("a fraction change at one school within the month is one form: Q averaged over calendar days and truncated, 00769 = 3", () => {
    // 10/22 from 1 to 10 November (10 days), 14/22 from 11 to 30 November (20 days):
    // Q = (1000 x 10 + 1400 x 20) / 30 = 38000 / 30 = 1266.67, truncated 1266; 00098 the full-time salary
    // on the 1st: EUR 700.00 x 22 / 10 = EUR 1540.00; pay of both rows.
    const rows = [
      assignment(1, 10, 22, "2017-09-01", "2017-11-10", cents(70000)),
      assignment(2, 14, 22, "2017-11-11", "2018-06-30", cents(98000)),
    ];
    const decision = decidePerson(
      person(rows, [line(1, "2017-11", cents(23000), 1), line(2, "2017-11", cents(65000), 2)], [SEPTEMBER_2017]),
      frame("2017-11"),
    );
    const november = units(decision, "WECH006", "2017-11");
    expect(november.map((u) => [u.assignmentId, reasonOf(u.outcome)])).to.deep.equal([
      [2, "PART_OF_ANOTHER_OCCUPATION"],
      [1, "declared"],
    ]);
    const one = wech006(november[1].outcome);
    expect([
      one.occupationInterruption,
      one.meanWorkingHours,
      one.occupation.s,
      one.theoreticalSalary,
      one.exactSalary,
      one.occupationStartingDate,
      one.occupationEndingDate,
      one.assignmentIds,
    ]).to.deep.equal([3, 1266, 2200, 154000, 88000, "2017-11-01", "2017-11-30", [1, 2]]);
  });

  it("rows at two different schools stay two occupations", () => {
    const other = { ...assignment(2, 14, 22, "2017-11-11", "2018-06-30", cents(98000)), institutionId: 2 };
    const references = {
      boards: new Map([
        [1, { id: 1, name: "Board", agency: "AGODI", preventionServiceKbo: null, preventionServiceName: null, problems: [] }],
      ]),
      institutions: new Map([
        [1, { id: 1, boardId: 1, name: "School", level: "SO", establishmentUnit: null, problems: [] }],
        [2, { id: 2, boardId: 1, name: "Other school", level: "SO", establishmentUnit: null, problems: [] }],
      ]),
    };
    const decision = decidePerson(
      person(
        [assignment(1, 10, 22, "2017-09-01", "2017-11-10", cents(70000)), other],
        [line(1, "2017-11", cents(23000), 1), line(2, "2017-11", cents(65000), 2)],
        [SEPTEMBER_2017],
      ),
      frame("2017-11", { references }),
    );
    const november = units(decision, "WECH006", "2017-11").map((u) => [
      u.assignmentId,
      wech006(u.outcome).occupationInterruption,
      wech006(u.outcome).occupationEndingDate,
    ]);
    expect(november).to.deep.equal([
      [1, 2, "2017-11-10"],
      [2, 2, "2017-11-30"],
    ]);
  });
});
