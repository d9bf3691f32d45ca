/**
 * ZIMA001 risk by risk on the worked examples of zima-1-3-6.md §1.6 and 6-B as its errata correct them
 * (2: the assignment's own DmfA codes; 4: the reference days; 5: when run M declares; 9: example 6-B),
 * worked out by hand; and the forms built from them held against the official ZIMA001 XSD.
 */
import { expect } from "chai";
import { formDefaults } from "../../../mappings/form-defaults";
import type { CalendarDate } from "../../../src/domain/calendar-date";
import type {
  AbsenceDayRecord,
  AbsenceRecord,
  AssignmentRecord,
  AssignmentSalaryRecord,
  PersonSourceData,
  ReferenceData,
  WorkResumptionRecord,
} from "../../../src/domain/ministry-records";
import { cents } from "../../../src/domain/money";
import type { YearMonth } from "../../../src/domain/year-month";
import { formXml } from "../../../src/files/form-file-writer";
import { loadXsd } from "../../../src/files/xsd-validator";
import { zima001Form } from "../../../src/form-types/zima001/form";
import type { FormNode } from "../../../src/forms/form-envelope";
import { prepareBenefitsPerson } from "../../../src/rules/benefits-person";
import { planZima001, resumptionsCarriedBefore, type Zima001Outcome } from "../../../src/rules/zima001";
import { absenceRecord, assignment503, assignmentRecord } from "../../support/records";
import { testFrame } from "../../support/run-frame";
import { benefitsCodes } from "../../../mappings/benefits-codes";
import type { Zima001Declaration } from "../../../src/rules/decision-types";

const REFERENCES: ReferenceData = {
  boards: new Map([
    [
      1,
      {
        id: 1,
        name: "Board 1",
        agency: "AGODI",
        preventionServiceKbo: "0412345614",
        preventionServiceName: "Externe Dienst A",
        problems: [],
      },
    ],
    [
      2,
      {
        id: 2,
        name: "Board 2",
        agency: "AGODI",
        preventionServiceKbo: "0876543270",
        preventionServiceName: "Externe Dienst B",
        problems: [],
      },
    ],
  ]),
  institutions: new Map([
    [11, { id: 11, boardId: 1, name: "CLB", level: "CLB", establishmentUnit: "2123456791", problems: [] }],
    [12, { id: 12, boardId: 2, name: "School", level: "SO", establishmentUnit: "2234567818", problems: [] }],
  ]),
};

/** The assignment's own DmfA codes (errata 2), as errata 9 gives them for 6-B. */
const OWN_CODES = { employerCategory: "011", workerCode: "495", jointCommittee: "999" } as const;

const absence = absenceRecord;

const salary = (assignmentId: number, validFrom: CalendarDate, amount: number): AssignmentSalaryRecord => ({
  recordId: `${assignmentId} ${validFrom}`,
  assignmentId,
  validFrom,
  monthlySalary: cents(amount),
  problems: [],
});

interface Case {
  staffId: number;
  insz: string;
  assignments: AssignmentRecord[];
  absences: AbsenceRecord[];
  days?: AbsenceDayRecord[];
  resumptions?: WorkResumptionRecord[];
  salaries?: AssignmentSalaryRecord[];
}

function inputOf(
  c: Case,
  runMonth: YearMonth,
  creationDate: CalendarDate,
  released: readonly YearMonth[] = [],
  benefitsMonthsFrom: YearMonth = "2023-09",
) {
  const source: PersonSourceData = {
    staffId: c.staffId,
    staff: { id: c.staffId, insz: c.insz, lastName: "Peeters", firstName: "An", gender: "F", genderProblem: null, problems: [] },
    notifications: [],
    assignments: c.assignments,
    salaryLines: [],
  };
  const frame = testFrame(runMonth, { references: REFERENCES });
  return {
    person: prepareBenefitsPerson(source, frame),
    absences: c.absences,
    absenceDays: c.days ?? [],
    resumptions: c.resumptions ?? [],
    salaries: c.salaries ?? [],
    references: REFERENCES,
    codes: benefitsCodes,
    runMonth,
    benefitsMonthsFrom,
    creationDate,
    waitMonths: 2,
    defaultDaysPerWeek: 500,
    isReleased: (month: YearMonth) => released.includes(month),
  };
}

function plan(...args: Parameters<typeof inputOf>) {
  return planZima001(inputOf(...args));
}

function declared(outcome: Zima001Outcome): Omit<Zima001Declaration, "formType" | "person"> {
  if (outcome.kind !== "declare") throw new Error(`not declared: ${JSON.stringify(outcome)}`);
  return outcome.declaration;
}

/** The weekdays from `from` to `to` (the note counts them by hand; none is a public holiday in these spans). */
function weekdays(from: CalendarDate, to: CalendarDate): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** 1-A: staff 1001, contractual CLB 38/38 from 2022-09-01; absence 9001 from 2024-02-05, paid (2.6) until 2024-03-05. */
const CASE_1A: Case = {
  staffId: 1001,
  insz: "88013014435",
  assignments: [
    assignmentRecord({
      id: 501,
      staffId: 1001,
      institutionId: 11,
      startDate: "2022-09-01",
      numerator: 3800,
      denominator: 3800,
      daysPerWeek: 500,
      status: "C",
      monthlySalary: cents(285_000),
      ...OWN_CODES,
    }),
  ],
  absences: [absence(9001, 1001, { firstDay: "2024-02-05", lastWorkingDay: "2024-02-02", paidUntil: "2024-03-05", paidDayCode: "2.6" })],
  salaries: [salary(501, "2022-09-01", 279_000), salary(501, "2024-01-01", 285_000)],
};

async function expectXsdValid(form: FormNode): Promise<void> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<ZIMA001>\n${formXml(form)}\n</ZIMA001>\n`;
  expect((await loadXsd("official/ZIMA001_20231.xsd")).validateString(xml).errors).to.deep.equal([]);
}

const CONTEXT = {
  stamp: { creationDate: "2024-03-01" as CalendarDate, creationHour: "09:00:00.000" },
  employer: { nossNumber: "123456749", kboNumber: "0123456749", senderNumber: "900123" },
  defaults: formDefaults,
  sequenceNbr: 1,
};

describe("ZIMA001: what run M declares of each risk", () => {
  it("1-A (errata 5): paid until 2024-03-05, so the sheet goes with run 2024-02 — 00408, quarter 20241, 00410, 00191 279000 on R₂ 2023-09-30, 01160 1, 22 days 2.6", async () => {
    const [risk] = plan(CASE_1A, "2024-02", "2024-03-01");
    const d = declared(risk.outcome);
    expect([risk.month, d.risk, d.riskStart, d.workRecovery, d.quarter]).to.deep.equal([
      "2024-02",
      "001",
      "2024-02-05",
      null,
      { code: "20241", first: "2024-01-01", last: "2024-03-31" },
    ]);
    expect(d.preventionServices).to.deep.equal([{ kbo: "0412345614", name: "Externe Dienst A" }]);
    expect(d.occupations).to.have.length(1);
    const [o] = d.occupations;
    expect([o.endDate, o.payMode, o.localUnitId, o.retired]).to.deep.equal([null, 12, "2123456791", 0]);
    expect([o.risk?.lastWorkingDay, o.risk?.basisAmount, o.risk?.stable]).to.deep.equal(["2024-02-02", 279_000, 1]);
    // Feb 5-9, 12-16, 19-23, 26-29, Mar 1, Mar 4-5: 5 + 5 + 5 + 4 + 1 + 2 = 22 weekdays, all 2.6, no hours (Q = S).
    expect([o.risk?.referencePeriod?.start, o.risk?.referencePeriod?.end]).to.deep.equal(["2024-02-05", "2024-03-05"]);
    expect(o.risk?.referencePeriod?.days).to.deep.equal(
      weekdays("2024-02-05", "2024-03-05").map((day) => ({ day, code: "2.6", hours: null })),
    );
    expect(o.risk?.referencePeriod?.days).to.have.length(22);
    expect(d.serviceEnd).to.equal(null);
    // Run 2024-01 does not look at it (its first day is in February).
    expect(plan(CASE_1A, "2024-01", "2024-02-01")).to.deep.equal([]);
    await expectXsdValid(
      zima001Form({ ...d, formType: "ZIMA001", person: { staffId: 1001, insz: "88013014435", lastName: "P", firstName: "A" } }, CONTEXT),
    );
  });

  it("1-A as the note first gives it, with no DmfA codes on the assignment: rejected DMFA_CODES_MISSING (errata 2)", () => {
    const withoutCodes = { ...CASE_1A, assignments: [{ ...CASE_1A.assignments[0], employerCategory: null }] };
    expect(plan(withoutCodes, "2024-02", "2024-03-01")[0].outcome).to.deep.equal({
      kind: "rejected",
      problem: { table: "assignment", recordId: "501", field: "employer_category", rule: "DMFA_CODES_MISSING", value: "NULL" },
    });
  });

  it("1-B: birth leave in three blocks is one risk, due when the last block is over — 20 days, 1 while paid, then 6.10; 00191 261000 on R₂ 2024-06-30", async () => {
    const c: Case = {
      staffId: 1002,
      insz: "85073003328",
      assignments: [
        assignmentRecord({
          id: 502,
          staffId: 1002,
          institutionId: 12,
          startDate: "2021-09-01",
          numerator: 3800,
          denominator: 3800,
          daysPerWeek: 500,
          status: "C",
          monthlySalary: cents(266_000),
          ...OWN_CODES,
        }),
      ],
      absences: [
        absence(9002, 1002, {
          kind: "BIRTH_LEAVE",
          firstDay: "2024-10-07",
          lastDay: "2024-10-18",
          eventDate: "2024-10-07",
          paidUntil: "2024-10-09",
          reportedAt: "2024-09-20 09:00:00",
        }),
        absence(9003, 1002, {
          kind: "BIRTH_LEAVE",
          firstDay: "2024-11-04",
          lastDay: "2024-11-08",
          eventDate: "2024-10-07",
          reportedAt: "2024-10-30 09:00:00",
        }),
        absence(9004, 1002, {
          kind: "BIRTH_LEAVE",
          firstDay: "2024-11-18",
          lastDay: "2024-11-22",
          eventDate: "2024-10-07",
          reportedAt: "2024-11-12 09:00:00",
        }),
      ],
      salaries: [salary(502, "2024-01-01", 261_000), salary(502, "2024-10-01", 266_000)],
    };
    const october = plan(c, "2024-10", "2024-11-04");
    expect(october.map((r) => [r.absence.id, r.outcome])).to.deep.equal([
      [9002, { kind: "waiting", reason: "RISK_NOT_DUE", detail: "due by the run of 2024-11" }],
    ]);
    const [risk] = plan(c, "2024-11", "2024-12-02");
    const d = declared(risk.outcome);
    expect([d.risk, d.riskStart, d.absenceId, d.quarter.code, d.preventionServices, d.serviceEnd]).to.deep.equal([
      "006",
      "2024-10-07",
      9002,
      "20244",
      [],
      null,
    ]);
    const [o] = d.occupations;
    // 00410: the Friday before (2024-10-04); R₂ 2024-06-30, the assignment unchanged since 2021.
    expect([o.risk?.lastWorkingDay, o.risk?.basisAmount, o.risk?.stable, o.localUnitId]).to.deep.equal([
      "2024-10-04",
      261_000,
      1,
      "2234567818",
    ]);
    const leave = [
      ...weekdays("2024-10-07", "2024-10-18"),
      ...weekdays("2024-11-04", "2024-11-08"),
      ...weekdays("2024-11-18", "2024-11-22"),
    ];
    expect(o.risk?.referencePeriod).to.deep.equal({
      start: "2024-10-07",
      end: "2024-11-22",
      days: leave.map((day) => ({ day, code: day <= "2024-10-09" ? "1" : "6.10", hours: null })),
    });
    expect(leave).to.have.length(20);
    await expectXsdValid(
      zima001Form(
        { ...d, formType: "ZIMA001", person: { staffId: 1002, insz: "85073003328", lastName: "P", firstName: "A" } },
        { ...CONTEXT, stamp: { creationDate: "2024-12-02", creationHour: "09:00:00.000" } },
      ),
    );
  });

  /** 1-C's assignment: temporary, 16 of 20 hours over four days, 2400.00 a month, until 2024-06-30. */
  const PART_TIMER_1C = assignment503(OWN_CODES);

  it("1-C: a temporary part-timer's 12 days 1.3 with 4.00 hours from absence_day, 00045 and 00385 2024-06-30, 00191 from monthly_salary (noted)", async () => {
    const c: Case = {
      staffId: 1003,
      insz: "85031420220",
      assignments: [PART_TIMER_1C],
      absences: [
        absence(9005, 1003, {
          firstDay: "2024-06-10",
          lastWorkingDay: "2024-06-06",
          paidUntil: "2024-06-30",
          paidDayCode: "1.3",
          reportedAt: "2024-06-11 09:00:00",
        }),
      ],
      days: ["10", "11", "12", "13", "17", "18", "19", "20", "24", "25", "26", "27"].map((d, i) => ({
        id: 100 + i,
        absenceId: 9005,
        day: `2024-06-${d}` as CalendarDate,
        code: "1.3",
        hours: 400,
        problems: [],
      })),
    };
    const [risk] = plan(c, "2024-06", "2024-07-02");
    const d = declared(risk.outcome);
    expect([d.quarter.code, d.serviceEnd, d.preventionServices]).to.deep.equal([
      "20242",
      "2024-06-30",
      [{ kbo: "0876543270", name: "Externe Dienst B" }],
    ]);
    const [o] = d.occupations;
    // R₂ 2023-12-31, start 2023-09-01 before it: 01160 1; no salary history: monthly_salary 2400.00.
    expect([o.endDate, o.risk?.lastWorkingDay, o.risk?.basisAmount, o.risk?.stable]).to.deep.equal([
      "2024-06-30",
      "2024-06-06",
      240_000,
      1,
    ]);
    expect(o.risk?.referencePeriod?.days.map((x) => [x.code, x.hours])).to.deep.equal(Array.from({ length: 12 }, () => ["1.3", 400]));
    expect([o.risk?.referencePeriod?.start, o.risk?.referencePeriod?.end]).to.deep.equal(["2024-06-10", "2024-06-30"]);
    if (risk.outcome.kind === "declare")
      expect(risk.outcome.notes).to.deep.equal(["assignment 503: no pay_mode, TenthOrTwelfth 12 taken (D24 OQ5)"]);
    await expectXsdValid(
      zima001Form(
        { ...d, formType: "ZIMA001", person: { staffId: 1003, insz: "85031420220", lastName: "P", firstName: "A" } },
        { ...CONTEXT, stamp: { creationDate: "2024-07-02", creationHour: "09:00:00.000" } },
      ),
    );
    // Negative variant: an appointment is not insured (D25).
    const appointed = { ...c, assignments: [{ ...c.assignments[0], status: "V" }] };
    expect(plan(appointed, "2024-06", "2024-07-02")[0].outcome).to.deep.include({ kind: "not-eligible", reason: "NOT_BENEFITS_INSURED" });
  });

  it("6-B (errata 9): the resumption known when the sheet is due goes in its WorkRecovery (00128 2024-07-22), 22 days 2.6 from 2024-06-03 to 07-02", () => {
    const c: Case = {
      staffId: 1005,
      insz: "85073003427",
      assignments: [
        assignmentRecord({
          id: 505,
          staffId: 1005,
          institutionId: 11,
          startDate: "2022-09-01",
          numerator: 3800,
          denominator: 3800,
          daysPerWeek: 500,
          status: "C",
          monthlySalary: cents(300_000),
          ...OWN_CODES,
        }),
      ],
      absences: [
        absence(9006, 1005, {
          firstDay: "2024-06-03",
          lastDay: "2024-07-19",
          paidUntil: "2024-07-02",
          paidDayCode: "2.6",
          reportedAt: "2024-07-05 09:00:00",
        }),
      ],
      resumptions: [
        { id: 1, absenceId: 9006, resumptionDate: "2024-07-22", requestTicket: null, reportedAt: "2024-07-10 09:00:00", problems: [] },
      ],
    };
    // Reported in July: run 2024-06 waits; run 2024-07 declares.
    expect(plan(c, "2024-06", "2024-07-02")[0].outcome).to.deep.include({ kind: "waiting", reason: "RISK_NOT_DUE" });
    const [risk] = plan(c, "2024-07", "2024-08-02");
    const d = declared(risk.outcome);
    expect([d.riskStart, d.quarter.code, d.workRecovery]).to.deep.equal(["2024-06-03", "20242", "2024-07-22"]);
    if (risk.outcome.kind === "declare") expect(risk.outcome.carriedResumptionId).to.equal(1);
    // Once the months read start after the absence's first day (here from 2024-07), the sheet is no unit any
    // more, but the resumption it carried is still known as carried: no ZIMA006 for it then either.
    expect(resumptionsCarriedBefore(inputOf(c, "2024-07", "2024-08-02", [], "2024-07"))).to.deep.equal([1]);
    expect(resumptionsCarriedBefore(inputOf(c, "2024-07", "2024-08-02"))).to.deep.equal([]);
    const [o] = d.occupations;
    expect([o.risk?.referencePeriod?.start, o.risk?.referencePeriod?.end, o.risk?.referencePeriod?.days.length]).to.deep.equal([
      "2024-06-03",
      "2024-07-02",
      22,
    ]);
    // R₂ = 2023-12-31 (2024Q2 − 2); no history: monthly_salary 3000.00.
    expect([o.risk?.basisAmount, o.risk?.stable]).to.deep.equal([300_000, 1]);
  });

  it("a short illness the agency paid all through gives no sheet (R9: ABSENCE_PAID_BY_AGENCY)", () => {
    const c = {
      ...CASE_1A,
      absences: [absence(9007, 1001, { firstDay: "2024-02-05", lastDay: "2024-02-07", paidUntil: "2024-02-07", paidDayCode: "2.6" })],
    };
    expect(plan(c, "2024-02", "2024-03-01")[0].outcome).to.deep.equal({
      kind: "not-eligible",
      reason: "ABSENCE_PAID_BY_AGENCY",
      detail: "absent until 2024-02-07, paid by the agency until 2024-02-07",
    });
  });
  it("errata 4: a four-day week without absence_day rows waits for payroll (REFERENCE_DAYS_MISSING), past D17's bound too: its days would be a guess — unless an operator releases it", () => {
    const c: Case = {
      staffId: 1003,
      insz: "85031420220",
      assignments: [PART_TIMER_1C],
      absences: [
        absence(9005, 1003, { firstDay: "2024-06-10", paidUntil: "2024-06-30", paidDayCode: "1.3", reportedAt: "2024-06-11 09:00:00" }),
      ],
    };
    expect(plan(c, "2024-06", "2024-07-02")[0].outcome).to.deep.include({
      kind: "waiting",
      reason: "REFERENCE_DAYS_MISSING",
      waitedMonths: 0,
    });
    expect(plan(c, "2024-08", "2024-09-02")[0].outcome).to.deep.include({
      kind: "waiting",
      reason: "REFERENCE_DAYS_MISSING",
      waitedMonths: 2,
      detail:
        "a week of 4 days: payroll gives the days (absence_day): waited 2 month(s), past the bound of 2: payroll gives the days, or an operator releases the month",
    });
    // Released: June 10-14, 17-21, 24-28, 15 working days on the operator's word, 1.3, 00180 = 16/20 x 38 h / 4 days = 7.60 h.
    const [released] = plan(c, "2024-06", "2024-07-02", ["2024-06"]);
    expect(released.outcome.kind === "declare" && released.outcome.flags).to.deep.equal(["RELEASED_BY_OPERATOR"]);
    expect(declared(released.outcome).occupations[0].risk?.referencePeriod?.days).to.deep.equal(
      weekdays("2024-06-10", "2024-06-30").map((day) => ({ day, code: "1.3", hours: 760 })),
    );
  });

  it("errata 4: a five-day week with public holidays in the period waits; two months on, or once released, its working days are listed and flagged", () => {
    // The note's first 6-B: absent from Monday 2024-04-22, paid (2.6) until Friday 2024-05-10; 1 May and Ascension (9 May) in between.
    const c = {
      ...CASE_1A,
      absences: [
        absence(9008, 1001, { firstDay: "2024-04-22", paidUntil: "2024-05-10", paidDayCode: "2.6", reportedAt: "2024-04-23 09:00:00" }),
      ],
    };
    expect(plan(c, "2024-04", "2024-05-02")[0].outcome).to.deep.include({
      kind: "waiting",
      reason: "REFERENCE_DAYS_MISSING",
      waitedMonths: 0,
    });
    // Apr 22-26, Apr 29-30, May 2-3, May 6-8, May 10: the 13 days the note lists, holidays left out.
    const listed = [
      ...weekdays("2024-04-22", "2024-04-30"),
      "2024-05-02",
      "2024-05-03",
      "2024-05-06",
      "2024-05-07",
      "2024-05-08",
      "2024-05-10",
    ];
    const [bound] = plan(c, "2024-06", "2024-07-02");
    expect(bound.outcome.kind === "declare" && bound.outcome.flags).to.deep.equal(["REFERENCE_DAYS_DERIVED"]);
    expect(declared(bound.outcome).occupations[0].risk?.referencePeriod?.days).to.deep.equal(
      listed.map((day) => ({ day, code: "2.6", hours: null })),
    );
    expect(listed).to.have.length(13);
    const [released] = plan(c, "2024-04", "2024-05-02", ["2024-04"]);
    expect(released.outcome.kind === "declare" && released.outcome.flags).to.deep.equal(["RELEASED_BY_OPERATOR"]);
  });

  it("a relapse's 00408 is the first day of the first absence of its chain; 00410 the day before the relapse", () => {
    const chain = [
      absence(9101, 1001, { firstDay: "2024-03-04", lastDay: "2024-03-08", paidUntil: "2024-03-08", reportedAt: "2024-03-04 09:00:00" }),
      absence(9102, 1001, {
        firstDay: "2024-03-18",
        lastDay: "2024-03-22",
        relapseOfId: 9101,
        paidUntil: "2024-03-22",
        reportedAt: "2024-03-18 09:00:00",
      }),
      absence(9103, 1001, { firstDay: "2024-04-02", relapseOfId: 9102, paidUntil: null, reportedAt: "2024-04-02 09:00:00" }),
    ];
    const risks = plan({ ...CASE_1A, absences: chain }, "2024-04", "2024-05-02");
    const third = risks.find((r) => r.absence.id === 9103)!;
    const d = declared(third.outcome);
    // Nothing paid: the one first day with 6.6, the code of a relapse (errata 4); 00410 Friday 29 March (1 April is Easter Monday).
    expect([
      d.riskStart,
      d.quarter.code,
      d.occupations[0].risk?.lastWorkingDay,
      d.occupations[0].risk?.referencePeriod?.days,
    ]).to.deep.equal(["2024-03-04", "20241", "2024-03-29", [{ day: "2024-04-02", code: "6.6", hours: null }]]);
  });

  it("an occupation that ended at most 30 days before the risk: its last working day within it, and no stable occupation (01160 0)", () => {
    const ended = {
      ...CASE_1A,
      assignments: [{ ...CASE_1A.assignments[0], endDate: "2024-02-20" as CalendarDate }],
      absences: [absence(9009, 1001, { firstDay: "2024-03-04", paidUntil: null, reportedAt: "2024-03-04 09:00:00" })],
    };
    const o = declared(plan(ended, "2024-03", "2024-04-02")[0].outcome).occupations[0];
    // Tuesday 2024-02-20 was its last day; on 2024-03-04 it no longer ran: R₂ gives no stable occupation, the base is taken on 00408.
    expect([o.endDate, o.risk?.lastWorkingDay, o.risk?.stable, o.risk?.basisAmount]).to.deep.equal([
      "2024-02-20",
      "2024-02-20",
      0,
      285_000,
    ]);
  });

  it("an absence_day row that breaks the contract rejects the sheet, naming the row, instead of shortening it", () => {
    const broken: AbsenceDayRecord = {
      id: 77,
      absenceId: 9001,
      day: null,
      code: "2.6",
      hours: null,
      problems: [{ table: "absence_day", recordId: "77", field: "day", rule: "FIELD_NOT_A_DATE", value: "31/02/2024" }],
    };
    expect(plan({ ...CASE_1A, days: [broken] }, "2024-02", "2024-03-01")[0].outcome).to.deep.equal({
      kind: "rejected",
      problem: broken.problems[0],
    });
  });

  it("R7 by the due month alone: a return reported in time but falling after the due month is no WorkRecovery, in any later run either", () => {
    const c = {
      ...CASE_1A,
      absences: [
        absence(9010, 1001, { firstDay: "2024-06-17", paidUntil: "2024-07-16", paidDayCode: "2.6", reportedAt: "2024-06-18 09:00:00" }),
      ],
      resumptions: [
        {
          id: 5,
          absenceId: 9010,
          resumptionDate: "2024-09-02" as CalendarDate,
          requestTicket: null,
          reportedAt: "2024-06-28 09:00:00",
          problems: [],
        },
      ],
    };
    for (const [run, created] of [
      ["2024-06", "2024-07-02"],
      ["2024-08", "2024-09-02"],
      ["2024-09", "2024-10-02"],
    ] as const) {
      const [risk] = plan(c, run, created);
      expect(
        risk.outcome.kind === "declare" && [risk.outcome.declaration.workRecovery, risk.outcome.carriedResumptionId],
        run,
      ).to.deep.equal([null, null]);
    }
  });

  it("a birth whose first block lies before the months read stays one risk, of the first block, by its later block", () => {
    const blocks = [
      absence(9201, 1001, {
        kind: "BIRTH_LEAVE",
        firstDay: "2024-08-12",
        lastDay: "2024-08-23",
        eventDate: "2024-08-10",
        paidUntil: "2024-08-14",
        reportedAt: "2024-08-01 09:00:00",
      }),
      absence(9202, 1001, {
        kind: "BIRTH_LEAVE",
        firstDay: "2024-11-04",
        lastDay: "2024-11-08",
        eventDate: "2024-08-10",
        reportedAt: "2024-10-01 09:00:00",
      }),
    ];
    // Run 2025-09 looks back to 2024-09: the first block (August 2024) lies before, the second in the months.
    const risks = plan({ ...CASE_1A, absences: blocks }, "2025-09", "2025-10-02", [], "2024-09");
    expect(risks.map((r) => [r.absence.id, r.month, r.outcome.kind])).to.deep.equal([[9201, "2024-08", "declare"]]);
  });
});
