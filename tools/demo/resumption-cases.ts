/**
 * The demo's ZIMA006 cases (resumption of work, zima-1-3-6.md §3 with its errata): five staff members
 * of 2018, each written for one rule, with the outcome worked out by hand below — the demo-outcome test
 * holds `easr demo` to these.
 *
 * Staff ids 6000201-6000205, assignments staff id x 10 + n, absence ids from 6300001, work_resumption ids
 * from 6400001. They work at the population's institutions (1001, 1002), so these rows go with a
 * generated population. The demo makes its forms today, long after seed 001's deadline (the first working
 * day of the second month after the month work resumed): every ZIMA006 it declares is flagged
 * LATE_RESUMPTION.
 */
import type { CalendarDate } from "../../src/domain/calendar-date";
import type { AbsenceKind } from "../../src/domain/ministry-records";
import type { ContractRow, ContractRows } from "../../src/source/contract-writer";
import { caseStaffRow } from "./case-staff";
import type { DemoDecisionCase } from "./decision-cases";

interface ResumptionCase extends DemoDecisionCase {
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: CalendarDate;
  /** Even: the demo's resumption cases are women. */
  readonly serial: number;
  readonly assignment: {
    readonly institutionId: number;
    readonly start: CalendarDate;
    readonly end: CalendarDate | null;
    readonly hours: readonly [string, string];
    readonly status: "C" | "T" | "V";
  };
  readonly absence: {
    readonly kind: AbsenceKind;
    readonly firstDay: CalendarDate;
    readonly lastDay: CalendarDate | null;
    readonly paidUntil: CalendarDate | null;
    readonly reportedAt: string;
  };
  readonly resumption: { readonly date: CalendarDate; readonly reportedAt: string };
}

/** A contractual full-timer (38/38) at school 1001 since September 2015. */
const CONTRACTUAL = { institutionId: 1001, start: "2015-09-01", end: null, hours: ["38", "38"], status: "C" } as const;

/** An incapacity from Monday 8 January 2018, the guaranteed month's wage paid until 6 February. */
const ILL_FROM_JANUARY = {
  kind: "INCAPACITY",
  firstDay: "2018-01-08",
  lastDay: null,
  paidUntil: "2018-02-06",
  reportedAt: "2018-01-09 09:00:00",
} as const;

const CASES: readonly ResumptionCase[] = [
  {
    staffId: 6_000_201,
    decision: "ZIMA006 errata 8",
    description: "ill from 8 January 2018, paid until 6 February, back on 5 March: run 2018-03 declares 00128 2018-03-05",
    lastName: "Peeters",
    firstName: "Sofie",
    birthDate: "1988-01-30",
    serial: 144,
    assignment: CONTRACTUAL,
    absence: ILL_FROM_JANUARY,
    resumption: { date: "2018-03-05", reportedAt: "2018-02-26 11:00:00" },
    // Not in run 2018-02: the day lies in March. Deadline: the first working day of May 2018; 1 May is
    // Labour Day, so Wednesday 2 May.
    absent: [{ runMonth: "2018-02", formType: "ZIMA006" }],
    expected: [
      {
        runMonth: "2018-03",
        formType: "ZIMA006",
        assignmentId: 60_002_011,
        referencePeriod: "2018-03",
        status: "declared",
        flags: ["LATE_RESUMPTION"],
        declared: { resumptionDate: "2018-03-05", absenceKind: "INCAPACITY", deadline: "2018-05-02", requestTicket: null },
      },
    ],
  },
  {
    staffId: 6_000_202,
    decision: "ZIMA006 errata 8",
    description: "ill 5-7 February 2018, all paid by the agency, back on the 8th: the mutuality has no file, not eligible",
    lastName: "Janssens",
    firstName: "Eva",
    birthDate: "1991-03-29",
    serial: 118,
    assignment: CONTRACTUAL,
    absence: {
      kind: "INCAPACITY",
      firstDay: "2018-02-05",
      lastDay: "2018-02-07",
      paidUntil: "2018-02-07",
      reportedAt: "2018-02-05 08:00:00",
    },
    resumption: { date: "2018-02-08", reportedAt: "2018-02-08 08:00:00" },
    expected: [
      {
        runMonth: "2018-02",
        formType: "ZIMA006",
        assignmentId: 60_002_021,
        referencePeriod: "2018-02",
        status: "not-eligible",
        reason: "RESUMPTION_IN_PAID_PERIOD",
      },
    ],
  },
  {
    staffId: 6_000_203,
    decision: "ZIMA006 errata 6",
    description:
      "a temporary teacher back on 15 January 2018, registered only on 5 March: waits in runs 2018-01 and 2018-02, declared by run 2018-03",
    lastName: "Mertens",
    firstName: "Nele",
    birthDate: "1985-10-31",
    serial: 236,
    assignment: { institutionId: 1002, start: "2017-09-01", end: "2018-06-30", hours: ["16", "32"], status: "T" },
    absence: { kind: "INCAPACITY", firstDay: "2017-11-20", lastDay: null, paidUntil: "2017-12-31", reportedAt: "2017-11-21 09:00:00" },
    resumption: { date: "2018-01-15", reportedAt: "2018-03-05 10:00:00" },
    // Deadline: the first working day of March 2018, Thursday 1 March.
    expected: [
      {
        runMonth: "2018-01",
        formType: "ZIMA006",
        assignmentId: 60_002_031,
        referencePeriod: "2018-01",
        status: "waiting",
        reason: "REPORTED_AFTER_RUN_MONTH",
      },
      {
        runMonth: "2018-02",
        formType: "ZIMA006",
        assignmentId: 60_002_031,
        referencePeriod: "2018-01",
        status: "waiting",
        reason: "REPORTED_AFTER_RUN_MONTH",
      },
      {
        runMonth: "2018-03",
        formType: "ZIMA006",
        assignmentId: 60_002_031,
        referencePeriod: "2018-01",
        status: "declared",
        flags: ["LATE_RESUMPTION"],
        declared: { resumptionDate: "2018-01-15", deadline: "2018-03-01" },
      },
    ],
  },
  {
    staffId: 6_000_204,
    decision: "ZIMA006 D10",
    description: "a resumption on 9 March 2018 of an absence that starts on 12 March: the row is rejected, nothing sent",
    lastName: "Willems",
    firstName: "Ann",
    birthDate: "1983-12-31",
    serial: 250,
    assignment: CONTRACTUAL,
    absence: { kind: "INCAPACITY", firstDay: "2018-03-12", lastDay: null, paidUntil: null, reportedAt: "2018-03-12 09:00:00" },
    resumption: { date: "2018-03-09", reportedAt: "2018-03-09 09:00:00" },
    expected: [
      {
        runMonth: "2018-03",
        formType: "ZIMA006",
        assignmentId: 60_002_041,
        referencePeriod: "2018-03",
        status: "rejected",
        rule: "DATE_AGAINST_RISK_START",
        record: { table: "work_resumption", recordId: "6400004", field: "resumption_date", value: "2018-03-09 <= 2018-03-12" },
      },
    ],
  },
  {
    staffId: 6_000_205,
    decision: "ZIMA006 D25",
    description: "an appointed teacher back on 5 March 2018 after the same illness as 6000201: not insured for benefits, no ZIMA006",
    lastName: "Goossens",
    firstName: "Katrien",
    birthDate: "1979-07-31",
    serial: 162,
    assignment: { ...CONTRACTUAL, status: "V" },
    absence: ILL_FROM_JANUARY,
    resumption: { date: "2018-03-05", reportedAt: "2018-02-26 11:00:00" },
    expected: [
      {
        runMonth: "2018-03",
        formType: "ZIMA006",
        assignmentId: 60_002_051,
        referencePeriod: "2018-03",
        status: "not-eligible",
        reason: "NOT_BENEFITS_INSURED",
      },
    ],
  },
];

/** Every ZIMA006 case with its expected outcomes. */
export const DEMO_RESUMPTION_CASES: readonly DemoDecisionCase[] = CASES.map(({ staffId, decision, description, expected, absent }) => ({
  staffId,
  decision,
  description,
  expected,
  absent,
}));

/** The contract rows of the ZIMA006 cases: each person's staff row, assignment, absence and resumption. */
export function resumptionCaseRows(): ContractRows {
  const rows = {
    staff_member: [] as ContractRow[],
    assignment: [] as ContractRow[],
    absence: [] as ContractRow[],
    work_resumption: [] as ContractRow[],
  };
  for (const [index, c] of CASES.entries()) {
    const assignmentId = c.staffId * 10 + 1;
    const absenceId = 6_300_001 + index;
    rows.staff_member.push(caseStaffRow({ ...c, gender: "F" }));
    rows.assignment.push({
      id: assignmentId,
      staff_id: c.staffId,
      institution_id: c.assignment.institutionId,
      start_date: c.assignment.start,
      end_date: c.assignment.end,
      hours_numerator: c.assignment.hours[0],
      hours_denominator: c.assignment.hours[1],
      days_per_week: c.assignment.hours[0] === c.assignment.hours[1] ? "5" : "4",
      job_title: "leraar",
      status: c.assignment.status,
      monthly_salary: c.assignment.hours[0] === c.assignment.hours[1] ? "2850.00" : "1425.00",
    });
    rows.absence.push({
      id: absenceId,
      staff_id: c.staffId,
      kind: c.absence.kind,
      first_day: c.absence.firstDay,
      last_day: c.absence.lastDay,
      paid_until: c.absence.paidUntil,
      paid_day_code: c.absence.paidUntil === null ? null : "2.6",
      reported_at: c.absence.reportedAt,
    });
    rows.work_resumption.push({
      id: 6_400_001 + index,
      absence_id: absenceId,
      resumption_date: c.resumption.date,
      reported_at: c.resumption.reportedAt,
    });
  }
  return rows;
}
