/**
 * ZIMA006 resumption by resumption on the worked examples of zima-1-3-6.md §3.6 as its errata correct
 * them (6: reported by the end of the run month; 8: eligible when the absence outlasted what the agency
 * paid; 9: 6-C with assignment 507 in force on the day of resumption), worked out by hand.
 */
import { expect } from "chai";
import type {
  AbsenceRecord,
  AssignmentRecord,
  PersonSourceData,
  ReferenceData,
  WorkResumptionRecord,
} from "../../../src/domain/ministry-records";
import { cents } from "../../../src/domain/money";
import type { CalendarDate } from "../../../src/domain/calendar-date";
import type { YearMonth } from "../../../src/domain/year-month";
import { prepareBenefitsPerson } from "../../../src/rules/benefits-person";
import { planZima006, resumptionDeadline } from "../../../src/rules/zima006";
import { absenceRecord, assignment503, assignmentRecord } from "../../support/records";
import { testFrame } from "../../support/run-frame";

const REFERENCES: ReferenceData = {
  boards: new Map([[1, { id: 1, name: "Board", agency: "AGODI", preventionServiceKbo: null, preventionServiceName: null, problems: [] }]]),
  institutions: new Map([
    [11, { id: 11, boardId: 1, name: "CLB", level: "CLB", establishmentUnit: "2123456791", problems: [] }],
    [12, { id: 12, boardId: 1, name: "School", level: "SO", establishmentUnit: "2234567818", problems: [] }],
  ]),
};

const absence = absenceRecord;

function resumption(
  id: number,
  absenceId: number,
  resumptionDate: CalendarDate,
  reportedAt: string,
  requestTicket: string | null = null,
): WorkResumptionRecord {
  return { id, absenceId, resumptionDate, requestTicket, reportedAt, problems: [] };
}

/** 1-A: staff 1001, assignment 501 (CLB, 38/38, C) from 2022-09-01; absence 9001 from 2024-02-05, paid until 2024-03-05. */
const A501 = assignmentRecord({
  id: 501,
  staffId: 1001,
  institutionId: 11,
  startDate: "2022-09-01",
  numerator: 3800,
  denominator: 3800,
  daysPerWeek: 500,
  status: "C",
  monthlySalary: cents(285_000),
});
const ABSENCE_9001 = absence(9001, 1001, {
  firstDay: "2024-02-05",
  lastWorkingDay: "2024-02-02",
  paidUntil: "2024-03-05",
  paidDayCode: "2.6",
});
/** 1-C and errata 9: staff 1003, assignment 503 ended 2024-06-30, assignment 507 from 2024-09-01; absence 9005 from 2024-06-10, paid until 2024-06-30. */
const A503 = assignment503();
const A507 = assignmentRecord({
  id: 507,
  staffId: 1003,
  institutionId: 12,
  startDate: "2024-09-01",
  numerator: 1600,
  denominator: 2000,
  status: "T",
});
const ABSENCE_9005 = absence(9005, 1003, {
  firstDay: "2024-06-10",
  lastWorkingDay: "2024-06-06",
  paidUntil: "2024-06-30",
  paidDayCode: "1.3",
  reportedAt: "2024-06-11 09:00:00",
});

function plan(
  staffId: number,
  insz: string,
  assignments: AssignmentRecord[],
  absences: AbsenceRecord[],
  rows: WorkResumptionRecord[],
  runMonth: YearMonth,
  creationDate: CalendarDate,
) {
  const source: PersonSourceData = {
    staffId,
    staff: { id: staffId, insz, lastName: "Peeters", firstName: "An", gender: "F", genderProblem: null, problems: [] },
    notifications: [],
    assignments,
    salaryLines: [],
  };
  const frame = testFrame(runMonth, { references: REFERENCES });
  return planZima006({
    person: prepareBenefitsPerson(source, frame),
    absences,
    resumptions: rows,
    runMonth,
    benefitsMonthsFrom: "2023-09",
    creationDate,
  });
}

describe("ZIMA006: what run M declares of each resumption of work", () => {
  it("gives the deadline of seed 001: the first working day of the second month after the month of resumption", () => {
    expect(resumptionDeadline("2024-04-15")).to.equal("2024-06-03");
    expect(resumptionDeadline("2024-09-02")).to.equal("2024-11-04");
  });

  it("6-A: 9001 resumed on 2024-04-15 (after the agency paid until 2024-03-05), reported on 04-12: run 2024-04, created 2024-05-02, declares 00128 2024-04-15, in time", () => {
    const { resumptions, unplaced } = plan(
      1001,
      "88013014435",
      [A501],
      [ABSENCE_9001],
      [resumption(1, 9001, "2024-04-15", "2024-04-12 10:00:00")],
      "2024-04",
      "2024-05-02",
    );
    expect(unplaced).to.deep.equal([]);
    expect(resumptions.map((r) => r.month)).to.deep.equal(["2024-04"]);
    // Seed 001: resumed in April → the first working day of June 2024, Monday 3 June; created 2 May: in time.
    expect(resumptions[0].outcome).to.deep.include({
      kind: "declare",
      absence: { id: 9001, kind: "INCAPACITY" },
      inForce: [501],
      resumptionDate: "2024-04-15",
      requestTicket: null,
      deadline: "2024-06-03",
      late: false,
    });
    // Run 2024-03 does not see it: the day of resumption lies in April.
    expect(
      plan(1001, "88013014435", [A501], [ABSENCE_9001], [resumption(1, 9001, "2024-04-15", "2024-03-20 10:00:00")], "2024-03", "2024-04-02")
        .resumptions,
    ).to.deep.equal([]);
  });

  it("6-C (errata 6 and 9): 9005 resumed on 2024-09-02 in assignment 507, reported on 10-20 — run 2024-10 (created 2024-11-02) declares it in time; run 2024-11 (created 12-02) would send it late, with a note", () => {
    const row = resumption(2, 9005, "2024-09-02", "2024-10-20 09:00:00");
    const inTime = plan(1003, "85031420220", [A503, A507], [ABSENCE_9005], [row], "2024-10", "2024-11-02");
    // 503 ended on 2024-06-30: only 507 is in force on 2 September. Deadline: Monday 4 November 2024.
    expect(inTime.resumptions[0].outcome).to.deep.include({
      kind: "declare",
      inForce: [507],
      resumptionDate: "2024-09-02",
      deadline: "2024-11-04",
      late: false,
    });
    expect(
      plan(1003, "85031420220", [A503, A507], [ABSENCE_9005], [row], "2024-09", "2024-10-02").resumptions.map((r) => r.outcome),
      "reported after September: waits for the run of October",
    ).to.deep.equal([{ kind: "reported-later", detail: "reported 2024-10-20 09:00:00, after 2024-09: the run of its month declares it" }]);
    // An absence that names assignment 503: the work relation of anomaly 90017-152 is any assignment, 507 here.
    const named = plan(1003, "85031420220", [A503, A507], [{ ...ABSENCE_9005, assignmentId: 503 }], [row], "2024-10", "2024-11-02");
    expect(named.resumptions[0].outcome).to.deep.include({ kind: "declare", inForce: [507] });
    const late = plan(1003, "85031420220", [A503, A507], [ABSENCE_9005], [row], "2024-11", "2024-12-02");
    expect(late.resumptions[0].outcome).to.deep.include({ kind: "declare", deadline: "2024-11-04", late: true });
  });

  it("6-C before errata 9: no assignment in force on 2024-09-02 (503 ended on 06-30) → NO_OCCUPATION_AT_RESUMPTION (anomaly 90017-152)", () => {
    const { resumptions } = plan(
      1003,
      "85031420220",
      [A503],
      [ABSENCE_9005],
      [resumption(2, 9005, "2024-09-02", "2024-10-20 09:00:00")],
      "2024-10",
      "2024-11-02",
    );
    expect(resumptions[0].outcome).to.deep.equal({
      kind: "rejected",
      problem: {
        table: "work_resumption",
        recordId: "2",
        field: "resumption_date",
        rule: "NO_OCCUPATION_AT_RESUMPTION",
        value: "2024-09-02",
      },
    });
  });

  it("errata 8: work resumed within the paid period is not eligible, unless a mutuality asked (request ticket); birth leave and appointments have none", () => {
    const within = plan(
      1001,
      "88013014435",
      [A501],
      [ABSENCE_9001],
      [resumption(3, 9001, "2024-03-04", "2024-03-01 10:00:00")],
      "2024-03",
      "2024-04-02",
    );
    expect(within.resumptions[0].outcome).to.deep.equal({
      kind: "not-eligible",
      reason: "RESUMPTION_IN_PAID_PERIOD",
      detail: "resumed 2024-03-04, paid by the agency until 2024-03-05",
    });
    // 6-C's negative variant: a fully paid three-day illness (7-9 October, paid until the 9th), work resumed on
    // the 10th — the absence did not outlast the paid period, the mutuality has no file.
    const threeDays = absence(9007, 1001, { firstDay: "2024-10-07", lastDay: "2024-10-09", paidUntil: "2024-10-09" });
    expect(
      plan(1001, "88013014435", [A501], [threeDays], [resumption(8, 9007, "2024-10-10", "2024-10-10 10:00:00")], "2024-10", "2024-11-02")
        .resumptions[0].outcome,
    ).to.deep.include({ kind: "not-eligible", reason: "RESUMPTION_IN_PAID_PERIOD" });
    // Paid until the 9th, absent until the 11th: two days the mutuality pays, so its resumption is declared.
    const longer = { ...threeDays, lastDay: "2024-10-11" as CalendarDate };
    expect(
      plan(1001, "88013014435", [A501], [longer], [resumption(8, 9007, "2024-10-14", "2024-10-14 10:00:00")], "2024-10", "2024-11-02")
        .resumptions[0].outcome,
    ).to.deep.include({ kind: "declare", resumptionDate: "2024-10-14" });
    const asked = plan(
      1001,
      "88013014435",
      [A501],
      [ABSENCE_9001],
      [resumption(3, 9001, "2024-03-04", "2024-03-01 10:00:00", "TCK0000000042")],
      "2024-03",
      "2024-04-02",
    );
    expect(asked.resumptions[0].outcome).to.deep.include({ kind: "declare", requestTicket: "TCK0000000042" });
    const birth = absence(9002, 1001, {
      kind: "BIRTH_LEAVE",
      firstDay: "2024-10-07",
      lastDay: "2024-10-18",
      eventDate: "2024-10-07",
      paidUntil: "2024-10-09",
    });
    expect(
      plan(1001, "88013014435", [A501], [birth], [resumption(4, 9002, "2024-10-21", "2024-10-20 10:00:00")], "2024-10", "2024-11-02")
        .resumptions[0].outcome,
    ).to.deep.include({
      kind: "not-eligible",
      reason: "NO_RESUMPTION_FOR_BIRTH_LEAVE",
    });
    const appointed = { ...A501, status: "V" };
    expect(
      plan(
        1001,
        "88013014435",
        [appointed],
        [ABSENCE_9001],
        [resumption(1, 9001, "2024-04-15", "2024-04-12 10:00:00")],
        "2024-04",
        "2024-05-02",
      ).resumptions[0].outcome,
    ).to.deep.include({
      kind: "not-eligible",
      reason: "NOT_BENEFITS_INSURED",
    });
  });

  it("leaves a resumption before the months the run looks at alone (benefitsMonthsFrom 2023-09)", () => {
    expect(
      plan(1001, "88013014435", [A501], [ABSENCE_9001], [resumption(7, 9001, "2023-08-31", "2023-08-20 10:00:00")], "2024-04", "2024-05-02")
        .resumptions,
    ).to.deep.equal([]);
  });

  it("waits for a day of resumption after the creation date, and reports a row whose day cannot be read instead of dropping it", () => {
    // Announced ahead: resumes on 2024-04-30, the run of April is created on 2024-04-20 (00128 <= 00218): it waits.
    expect(
      plan(
        1001,
        "88013014435",
        [A501],
        [ABSENCE_9001],
        [resumption(5, 9001, "2024-04-30", "2024-04-12 10:00:00")],
        "2024-04",
        "2024-04-20",
      ).resumptions.map((r) => r.outcome),
    ).to.deep.equal([{ kind: "ahead", detail: "resumes 2024-04-30, after this run's forms are made (2024-04-20)" }]);
    const unreadable: WorkResumptionRecord = {
      id: 6,
      absenceId: 9001,
      resumptionDate: null,
      requestTicket: null,
      reportedAt: "2024-04-12 10:00:00",
      problems: [{ table: "work_resumption", recordId: "6", field: "resumption_date", rule: "FIELD_NOT_A_DATE", value: "15/04/2024" }],
    };
    expect(plan(1001, "88013014435", [A501], [ABSENCE_9001], [unreadable], "2024-04", "2024-05-02").unplaced).to.deep.equal(
      unreadable.problems,
    );
  });
});
