/**
 * The demo's absence cases — ZIMA001 (the information sheet, zima-1-3-6.md §1) and ZIMA006 (resumption of
 * work, §3), with their errata: nine staff members of 2017-2018, each written for one rule, with the
 * outcome worked out by hand below — the demo-outcome test holds `easr demo` to these.
 *
 * Staff ids 6000201-6000209, one assignment each (staff id x 10 + 1), absence ids 6300001-6300010,
 * work_resumption ids 6400001-6400006, absence_day ids from 6500001. They work at the population's
 * institutions (1001, 1002, whose establishment units and boards' prevention services the population
 * gives), so these rows go with a generated population. The demo makes its forms today, long after seed
 * 001's deadline: every ZIMA006 it declares is flagged LATE_RESUMPTION. The calculation base (00191) is
 * the assignment's monthly_salary (no salary history) on R₂ = 2017-09-30 for a risk of 2018Q1 (the last
 * day of the second quarter before it), 2017-06-30 for 2017Q4; every assignment ran since before R₂, so
 * 01160 is 1.
 */
import type { CalendarDate } from "../../src/domain/calendar-date";
import type { AbsenceKind } from "../../src/domain/ministry-records";
import type { ContractRow, ContractRows } from "../../src/source/contract-writer";
import { caseStaffRow, decisionCaseOf } from "./case-staff";
import type { DemoDecisionCase } from "./decision-cases";

interface CaseAbsence {
  readonly id: number;
  readonly kind: AbsenceKind;
  readonly firstDay: CalendarDate;
  readonly lastDay: CalendarDate | null;
  readonly paidUntil: CalendarDate | null;
  readonly paidDayCode?: string;
  readonly eventDate?: CalendarDate;
  readonly reportedAt: string;
  /** absence_day rows: the days (code, no hours). */
  readonly days?: readonly CalendarDate[];
}

interface AbsenceCase extends DemoDecisionCase {
  readonly lastName: string;
  readonly firstName: string;
  readonly gender: "M" | "F";
  readonly birthDate: CalendarDate;
  readonly serial: number;
  readonly assignment: {
    readonly institutionId: number;
    readonly start: CalendarDate;
    readonly end: CalendarDate | null;
    readonly hours: readonly [string, string];
    readonly status: "C" | "T" | "V";
    readonly monthlySalary: string;
    /** The DmfA codes a ZIMA001 needs (errata 2): false for none. */
    readonly ownCodes: boolean;
  };
  readonly absences: readonly CaseAbsence[];
  readonly resumption?: { readonly id: number; readonly date: CalendarDate; readonly reportedAt: string };
}

/** A contractual full-timer (38/38) at school 1001 since September 2015, EUR 2850.00, with the ministry's DmfA codes. */
const CONTRACTUAL = {
  institutionId: 1001,
  start: "2015-09-01",
  end: null,
  hours: ["38", "38"],
  status: "C",
  monthlySalary: "2850.00",
  ownCodes: true,
} as const;

/** A temporary teacher's 16/32 (four days) at school 1002 for the school year 2017-2018, EUR 1425.00. */
const TEMPORARY = {
  institutionId: 1002,
  start: "2017-09-01",
  end: "2018-06-30",
  hours: ["16", "32"],
  status: "T",
  monthlySalary: "1425.00",
  ownCodes: true,
} as const;

/** An incapacity from Monday 8 January 2018, the guaranteed month's wage (2.6) paid until 6 February. */
const illFromJanuary = (id: number): CaseAbsence => ({
  id,
  kind: "INCAPACITY",
  firstDay: "2018-01-08",
  lastDay: null,
  paidUntil: "2018-02-06",
  reportedAt: "2018-01-09 09:00:00",
});

/** A declared ZIMA001 of risk 001 of 2018Q1 with one full-time occupation at EUR 2850.00 (R₂ 2017-09-30, stable). */
function sheetOf(
  assignmentId: number,
  absenceId: number,
  riskStart: CalendarDate,
  sheet: { readonly workRecovery: CalendarDate | null; readonly occupation: Readonly<Record<string, unknown>> },
) {
  return {
    risk: "001",
    absenceId,
    riskStart,
    quarter: "20181",
    serviceEnd: null,
    workRecovery: sheet.workRecovery,
    occupations: [{ assignmentId, q: 3800, s: 3800, basisAmount: 285_000, stable: 1, ...sheet.occupation }],
  };
}

const CASES: readonly AbsenceCase[] = [
  {
    staffId: 6_000_201,
    decision: "ZIMA001 errata 5, ZIMA006 errata 8",
    description:
      "ill from 8 January 2018, paid until 6 February: the sheet goes with run 2018-01; back on 5 March (registered 26 February): run 2018-03 declares 00128 2018-03-05",
    lastName: "Peeters",
    firstName: "Sofie",
    gender: "F",
    birthDate: "1988-01-30",
    serial: 144,
    assignment: CONTRACTUAL,
    absences: [illFromJanuary(6_300_001)],
    resumption: { id: 6_400_001, date: "2018-03-05", reportedAt: "2018-02-26 11:00:00" },
    // Not in run 2018-02: the day lies in March. Deadline: the first working day of May 2018; 1 May is
    // Labour Day, so Wednesday 2 May.
    absent: [{ runMonth: "2018-02", formType: "ZIMA006" }],
    expected: [
      {
        runMonth: "2018-01",
        formType: "ZIMA001",
        assignmentId: 60_002_011,
        referencePeriod: "2018-01",
        status: "declared",
        // 00410: Friday 5 January. Jan 8-12, 15-19, 22-26, 29-31, Feb 1-2, 5-6: 5 + 5 + 5 + 3 + 2 + 2 = 22 days 2.6.
        declared: sheetOf(60_002_011, 6_300_001, "2018-01-08", {
          workRecovery: null,
          occupation: { lastWorkingDay: "2018-01-05", period: { start: "2018-01-08", end: "2018-02-06", days: 22, codes: "2.6 x 22" } },
        }),
      },
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
    decision: "ZIMA001 R9, ZIMA006 errata 8",
    description: "ill 5-7 February 2018, all paid by the agency, back on the 8th: the mutuality has no file — no sheet, no resumption",
    lastName: "Janssens",
    firstName: "Eva",
    gender: "F",
    birthDate: "1991-03-29",
    serial: 118,
    assignment: CONTRACTUAL,
    absences: [
      {
        id: 6_300_002,
        kind: "INCAPACITY",
        firstDay: "2018-02-05",
        lastDay: "2018-02-07",
        paidUntil: "2018-02-07",
        reportedAt: "2018-02-05 08:00:00",
      },
    ],
    resumption: { id: 6_400_002, date: "2018-02-08", reportedAt: "2018-02-08 08:00:00" },
    expected: [
      {
        runMonth: "2018-02",
        formType: "ZIMA001",
        assignmentId: 60_002_021,
        referencePeriod: "2018-02",
        status: "not-eligible",
        reason: "ABSENCE_PAID_BY_AGENCY",
      },
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
    decision: "ZIMA001 errata 4, ZIMA006 errata 6",
    description:
      "a temporary teacher (four days a week) ill from 20 November 2017, education-paid until 31 December: her days wait for payroll, past the bound too; back on 15 January, registered on 5 March: waits, declared by run 2018-03",
    lastName: "Mertens",
    firstName: "Nele",
    gender: "F",
    birthDate: "1985-10-31",
    serial: 236,
    assignment: TEMPORARY,
    absences: [
      {
        id: 6_300_003,
        kind: "INCAPACITY",
        firstDay: "2017-11-20",
        lastDay: null,
        paidUntil: "2017-12-31",
        paidDayCode: "1.3",
        reportedAt: "2017-11-21 09:00:00",
      },
    ],
    resumption: { id: 6_400_003, date: "2018-01-15", reportedAt: "2018-03-05 10:00:00" },
    // The sheet is due in run 2017-11 (the education sector pays up to December); a four-day week: the
    // Monday-Friday fallback may not list the days (errata 4). ZIMA006 deadline: Thursday 1 March 2018.
    expected: [
      {
        runMonth: "2017-11",
        formType: "ZIMA001",
        assignmentId: 60_002_031,
        referencePeriod: "2017-11",
        status: "waiting",
        reason: "REFERENCE_DAYS_MISSING",
      },
      // Two months on (D17's bound) it still waits: a four-day week's days would be a guess (errata 4).
      {
        runMonth: "2018-01",
        formType: "ZIMA001",
        assignmentId: 60_002_031,
        referencePeriod: "2017-11",
        status: "waiting",
        reason: "REFERENCE_DAYS_MISSING",
      },
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
    description: "a resumption on 9 March 2018 of an absence that starts on 12 March: the row is rejected, nothing sent for it",
    lastName: "Willems",
    firstName: "Ann",
    gender: "F",
    birthDate: "1983-12-31",
    serial: 250,
    assignment: CONTRACTUAL,
    absences: [
      { id: 6_300_004, kind: "INCAPACITY", firstDay: "2018-03-12", lastDay: null, paidUntil: null, reportedAt: "2018-03-12 09:00:00" },
    ],
    resumption: { id: 6_400_004, date: "2018-03-09", reportedAt: "2018-03-09 09:00:00" },
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
    decision: "ZIMA001 and ZIMA006 D25",
    description: "an appointed teacher with the same illness and return as 6000201: not insured for benefits, no sheet and no resumption",
    lastName: "Goossens",
    firstName: "Katrien",
    gender: "F",
    birthDate: "1979-07-31",
    serial: 162,
    assignment: { ...CONTRACTUAL, status: "V" },
    absences: [illFromJanuary(6_300_005)],
    resumption: { id: 6_400_005, date: "2018-03-05", reportedAt: "2018-02-26 11:00:00" },
    expected: [
      {
        runMonth: "2018-01",
        formType: "ZIMA001",
        assignmentId: 60_002_051,
        referencePeriod: "2018-01",
        status: "not-eligible",
        reason: "NOT_BENEFITS_INSURED",
      },
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
  {
    staffId: 6_000_206,
    decision: "ZIMA001 R7",
    description:
      "ill 5-23 February 2018, paid until the 14th, return on the 26th announced on the 20th: the sheet of run 2018-02 carries it, no ZIMA006",
    lastName: "Vermeulen",
    firstName: "Inge",
    gender: "F",
    birthDate: "1986-06-30",
    serial: 172,
    assignment: CONTRACTUAL,
    absences: [
      {
        id: 6_300_006,
        kind: "INCAPACITY",
        firstDay: "2018-02-05",
        lastDay: "2018-02-23",
        paidUntil: "2018-02-14",
        reportedAt: "2018-02-06 09:00:00",
      },
    ],
    resumption: { id: 6_400_006, date: "2018-02-26", reportedAt: "2018-02-20 10:00:00" },
    expected: [
      {
        runMonth: "2018-02",
        formType: "ZIMA001",
        assignmentId: 60_002_061,
        referencePeriod: "2018-02",
        status: "declared",
        // Due in February (the pay ends in it); the return is known by then and falls in it (R7).
        // 00410 Friday 2 February; Feb 5-9, 12-14: 5 + 3 = 8 days.
        declared: sheetOf(60_002_061, 6_300_006, "2018-02-05", {
          workRecovery: "2018-02-26",
          occupation: { lastWorkingDay: "2018-02-02", period: { start: "2018-02-05", end: "2018-02-14", days: 8, codes: "2.6 x 8" } },
        }),
      },
      {
        runMonth: "2018-02",
        formType: "ZIMA006",
        assignmentId: 60_002_061,
        referencePeriod: "2018-02",
        status: "not-eligible",
        reason: "RESUMPTION_SENT_IN_ZIMA001",
      },
    ],
  },
  {
    staffId: 6_000_207,
    decision: "ZIMA001 R6 (006)",
    description:
      "a father's birth leave in two blocks (15-19 January, 12-16 February 2018, the agency paying three days): waits in run 2018-01, one sheet in run 2018-02",
    lastName: "Dubois",
    firstName: "Pieter",
    gender: "M",
    birthDate: "1984-09-30",
    serial: 311,
    assignment: CONTRACTUAL,
    absences: [
      {
        id: 6_300_007,
        kind: "BIRTH_LEAVE",
        firstDay: "2018-01-15",
        lastDay: "2018-01-19",
        paidUntil: "2018-01-17",
        eventDate: "2018-01-14",
        reportedAt: "2018-01-10 09:00:00",
      },
      {
        id: 6_300_008,
        kind: "BIRTH_LEAVE",
        firstDay: "2018-02-12",
        lastDay: "2018-02-16",
        paidUntil: null,
        eventDate: "2018-01-14",
        reportedAt: "2018-02-01 09:00:00",
      },
    ],
    expected: [
      {
        runMonth: "2018-01",
        formType: "ZIMA001",
        assignmentId: 60_002_071,
        referencePeriod: "2018-01",
        status: "waiting",
        reason: "RISK_NOT_DUE",
      },
      {
        runMonth: "2018-02",
        formType: "ZIMA001",
        assignmentId: 60_002_071,
        referencePeriod: "2018-01",
        status: "declared",
        // 10 leave days (the most for a birth before 2021): 15-17 January paid by the agency (1), then 6.10.
        declared: {
          ...sheetOf(60_002_071, 6_300_007, "2018-01-15", {
            workRecovery: null,
            occupation: {
              lastWorkingDay: "2018-01-12",
              period: { start: "2018-01-15", end: "2018-02-16", days: 10, codes: "1 x 3, 6.10 x 7" },
            },
          }),
          risk: "006",
        },
      },
    ],
  },
  {
    staffId: 6_000_208,
    decision: "ZIMA001 R6 (1.3)",
    description:
      "a temporary teacher ill from 5 March 2018, education-paid (1.3) until 16 March, her eight days from absence_day: one sheet in run 2018-03, ServiceData 2018-06-30",
    lastName: "Lambrechts",
    firstName: "Joke",
    gender: "F",
    birthDate: "1990-05-31",
    serial: 184,
    assignment: TEMPORARY,
    absences: [
      {
        id: 6_300_009,
        kind: "INCAPACITY",
        firstDay: "2018-03-05",
        lastDay: null,
        paidUntil: "2018-03-16",
        paidDayCode: "1.3",
        reportedAt: "2018-03-06 09:00:00",
        days: ["2018-03-05", "2018-03-06", "2018-03-07", "2018-03-08", "2018-03-12", "2018-03-13", "2018-03-14", "2018-03-15"],
      },
    ],
    expected: [
      {
        runMonth: "2018-03",
        formType: "ZIMA001",
        assignmentId: 60_002_081,
        referencePeriod: "2018-03",
        status: "declared",
        // 16/32 from 2017-09-01 (before R₂): EUR 1425.00, stable; 00410 Friday 2 March; the occupation ends on 2018-06-30.
        declared: {
          risk: "001",
          absenceId: 6_300_009,
          riskStart: "2018-03-05",
          quarter: "20181",
          workRecovery: null,
          serviceEnd: "2018-06-30",
          occupations: [
            {
              assignmentId: 60_002_081,
              q: 1600,
              s: 3200,
              lastWorkingDay: "2018-03-02",
              basisAmount: 142_500,
              stable: 1,
              period: { start: "2018-03-05", end: "2018-03-16", days: 8, codes: "1.3 x 8" },
            },
          ],
        },
      },
    ],
  },
  {
    staffId: 6_000_209,
    decision: "ZIMA001 errata 2",
    description: "ill from 5 February 2018, but the assignment carries no DmfA codes: a ZIMA001 is a mini-DmfA, rejected, nothing sent",
    lastName: "Smets",
    firstName: "Griet",
    gender: "F",
    birthDate: "1982-08-31",
    serial: 196,
    assignment: { ...CONTRACTUAL, ownCodes: false },
    absences: [
      {
        id: 6_300_010,
        kind: "INCAPACITY",
        firstDay: "2018-02-05",
        lastDay: null,
        paidUntil: "2018-03-06",
        reportedAt: "2018-02-06 09:00:00",
      },
    ],
    expected: [
      {
        runMonth: "2018-02",
        formType: "ZIMA001",
        assignmentId: 60_002_091,
        referencePeriod: "2018-02",
        status: "rejected",
        rule: "DMFA_CODES_MISSING",
        record: { table: "assignment", recordId: "60002091", field: "employer_category", value: "NULL" },
      },
    ],
  },
];

/** Every absence case with its expected outcomes. */
export const DEMO_ABSENCE_CASES: readonly DemoDecisionCase[] = CASES.map(decisionCaseOf);

function assignmentRow(c: AbsenceCase): ContractRow {
  const a = c.assignment;
  return {
    id: c.staffId * 10 + 1,
    staff_id: c.staffId,
    institution_id: a.institutionId,
    start_date: a.start,
    end_date: a.end,
    hours_numerator: a.hours[0],
    hours_denominator: a.hours[1],
    days_per_week: a.hours[0] === a.hours[1] ? "5" : "4",
    job_title: "leraar",
    status: a.status,
    monthly_salary: a.monthlySalary,
    ...(a.ownCodes ? { employer_category: "011", worker_code: "495", joint_committee: "999" } : {}),
  };
}

function absenceRow(c: AbsenceCase, a: CaseAbsence): ContractRow {
  return {
    id: a.id,
    staff_id: c.staffId,
    kind: a.kind,
    first_day: a.firstDay,
    last_day: a.lastDay,
    paid_until: a.paidUntil,
    paid_day_code: a.paidUntil === null ? null : (a.paidDayCode ?? "2.6"),
    event_date: a.eventDate ?? null,
    reported_at: a.reportedAt,
  };
}

/** The contract rows of the absence cases: staff, assignment, absences with their days, resumptions. */
export function absenceCaseRows(): ContractRows {
  const rows = {
    staff_member: [] as ContractRow[],
    assignment: [] as ContractRow[],
    absence: [] as ContractRow[],
    absence_day: [] as ContractRow[],
    work_resumption: [] as ContractRow[],
  };
  let dayId = 6_500_001;
  for (const c of CASES) {
    rows.staff_member.push(caseStaffRow(c));
    rows.assignment.push(assignmentRow(c));
    for (const a of c.absences) {
      rows.absence.push(absenceRow(c, a));
      for (const day of a.days ?? []) rows.absence_day.push({ id: dayId++, absence_id: a.id, day, code: a.paidDayCode ?? "2.6" });
    }
    if (c.resumption)
      rows.work_resumption.push({
        id: c.resumption.id,
        absence_id: c.absences[0].id,
        resumption_date: c.resumption.date,
        reported_at: c.resumption.reportedAt,
      });
  }
  return rows;
}
