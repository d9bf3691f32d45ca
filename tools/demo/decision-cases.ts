/**
 * The demo's cases of the amendments of 2026-12 (domain.md D15-D21, D25): a few fixed staff members,
 * each written for one rule, with the outcome the rule gives worked out by hand below — the
 * demo-outcome test holds `easr demo` to these, not to a run's own counting.
 *
 * The unemployment cases (WECH) are written here (staff ids 6000001-6000006, assignments staff id x 10
 * + n, salary lines from 6100001, notifications with the staff id); the two benefits cases (ZIMA002)
 * are persons of benefits-population.ts (5000530 and 5000531). All work at the population's
 * institutions, so these rows go with a generated population, never alone. Every person is born on
 * the 29th-31st of a month, which the population never draws; the INSZ serials are odd for men and even
 * for women. Nothing here is random.
 */
import type { CalendarDate } from "../../src/domain/calendar-date";
import type { DeclarationFlag, NotEligibleReason, RejectionRule, WaitingReason } from "../../src/domain/outcome-codes";
import { type YearMonth, monthsFromTo } from "../../src/domain/year-month";
import type { ContractRow, ContractRows } from "../../src/source/contract-writer";
import { BENEFITS_CASE_STAFF } from "./benefits-population";
import { caseStaffRow, decisionCaseOf } from "./case-staff";
import { DEMO_BREASTFEEDING_CASES } from "./breastfeeding-cases";
import { DEMO_ABSENCE_CASES } from "./absence-cases";

/** What one unit of a case must come out as, in the run of `runMonth` (decisions.jsonl). */
export interface ExpectedUnit {
  readonly runMonth: YearMonth;
  readonly formType: "WECH003" | "WECH006" | "ZIMA001" | "ZIMA002" | "ZIMA003" | "ZIMA006";
  readonly assignmentId: number;
  readonly referencePeriod: YearMonth | null;
  readonly status: "declared" | "not-eligible" | "waiting" | "rejected";
  readonly reason?: NotEligibleReason | WaitingReason;
  readonly rule?: RejectionRule;
  readonly flags?: readonly DeclarationFlag[];
  /** Declared content that must hold (a subset of decisions.jsonl's `declared`). */
  readonly declared?: Readonly<Record<string, unknown>>;
  /** Facts that must hold (a subset of decisions.jsonl's `facts`). */
  readonly facts?: Readonly<Record<string, unknown>>;
  /** For a rejected unit: the record that broke the contract, as decisions.jsonl names it. */
  readonly record?: { readonly table: string; readonly recordId: string; readonly field: string; readonly value: string };
}

export interface DemoDecisionCase {
  readonly staffId: number;
  /** The rule of domain.md the case shows. */
  readonly decision: string;
  readonly description: string;
  readonly expected: readonly ExpectedUnit[];
  /** Runs that must have no unit of a form type for the person at all (a row the run does not see yet). */
  readonly absent?: readonly { readonly runMonth: YearMonth; readonly formType: ExpectedUnit["formType"] }[];
}

interface AssignmentSpec {
  readonly id: number;
  readonly institutionId: number;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly numerator: number;
  readonly denominator: number;
  readonly monthlySalary: string;
  readonly jobTitle: string;
}

interface PaySpec {
  readonly assignmentId: number;
  readonly month: YearMonth;
  readonly gross: string;
  readonly wageCode?: string;
  /** Default: the 25th of the month. */
  readonly paidOn?: CalendarDate;
}

interface CaseSpec extends DemoDecisionCase {
  readonly lastName: string;
  readonly firstName: string;
  readonly gender: "M" | "F";
  readonly birthDate: CalendarDate;
  readonly serial: number;
  readonly assignments: readonly AssignmentSpec[];
  readonly pay: readonly PaySpec[];
  /** The RL16 notification: its board, when it came in and from when it counts. */
  readonly notification: { readonly boardId: number; readonly receivedAt: string; readonly validFrom: CalendarDate };
}

const SCHOOL_YEAR: readonly YearMonth[] = monthsFromTo("2017-09", "2018-06");

/** One line per month of the school year for an assignment, with exceptions. */
function monthly(
  assignmentId: number,
  gross: string,
  months: readonly YearMonth[] = SCHOOL_YEAR,
  paidOn: Partial<Record<YearMonth, CalendarDate>> = {},
): PaySpec[] {
  return months.map((month) => ({ assignmentId, month, gross, paidOn: paidOn[month] }));
}

const CASES: readonly CaseSpec[] = [
  {
    staffId: 6_000_001,
    decision: "D16",
    description: "11/22 teacher paid EUR 1000.00 (01) every month and a year-end bonus of EUR 700.00 (02) in December",
    lastName: "Declercq",
    firstName: "Sofie",
    gender: "F",
    birthDate: "1983-05-31",
    serial: 602,
    assignments: [
      {
        id: 60_000_011,
        institutionId: 1002,
        start: "2017-09-01",
        end: "2018-06-30",
        numerator: 11,
        denominator: 22,
        monthlySalary: "1080.00",
        jobTitle: "leraar",
      },
    ],
    pay: [
      ...monthly(60_000_011, "1000.00"),
      { assignmentId: 60_000_011, month: "2017-12", gross: "700.00", wageCode: "02", paidOn: "2017-12-20" },
    ],
    notification: { boardId: 1000, receivedAt: "2017-09-05 10:00:00", validFrom: "2017-09-01" },
    // Glossary 00124: the year-end bonus is no part of a teacher's exact wage: December is judged at EUR
    // 1000.00 < EUR 1600.00 and declared with 100000 cents; the bonus is shown, not summed.
    expected: [
      {
        runMonth: "2017-12",
        formType: "WECH006",
        assignmentId: 60_000_011,
        referencePeriod: "2017-12",
        status: "declared",
        declared: { exactSalary: 100000 },
        facts: { monthGross: 100000, notCounted: [{ code: "02", amount: 70000 }] },
      },
    ],
  },
  {
    staffId: 6_000_002,
    decision: "D17",
    description: "9/22 teacher whose October pay is booked on 24 November",
    lastName: "Peeters",
    firstName: "Dries",
    gender: "M",
    birthDate: "1988-01-29",
    serial: 611,
    assignments: [
      {
        id: 60_000_021,
        institutionId: 1001,
        start: "2017-09-01",
        end: "2018-06-30",
        numerator: 9,
        denominator: 22,
        monthlySalary: "820.00",
        jobTitle: "onderwijzer",
      },
    ],
    pay: monthly(60_000_021, "800.00", SCHOOL_YEAR, { "2017-10": "2017-11-24" }),
    notification: { boardId: 1000, receivedAt: "2017-09-05 10:05:00", validFrom: "2017-09-01" },
    // Run 2017-10 sees no October pay (paid after 31 October, D4): October waits, 0 months. Run 2017-11
    // sees it and declares October with its EUR 800.00, without a flag.
    expected: [
      {
        runMonth: "2017-10",
        formType: "WECH006",
        assignmentId: 60_000_021,
        referencePeriod: "2017-10",
        status: "waiting",
        reason: "WAITING_FOR_PAY",
      },
      {
        runMonth: "2017-11",
        formType: "WECH006",
        assignmentId: 60_000_021,
        referencePeriod: "2017-10",
        status: "declared",
        declared: { exactSalary: 80000 },
      },
    ],
  },
  {
    staffId: 6_000_003,
    decision: "D17",
    description: "10/22 teacher never paid for January 2018",
    lastName: "Willems",
    firstName: "Katrien",
    gender: "F",
    birthDate: "1979-12-30",
    serial: 604,
    assignments: [
      {
        id: 60_000_031,
        institutionId: 1009,
        start: "2017-09-01",
        end: "2018-06-30",
        numerator: 10,
        denominator: 22,
        monthlySalary: "900.00",
        jobTitle: "onderwijzer",
      },
    ],
    pay: monthly(
      60_000_031,
      "880.00",
      SCHOOL_YEAR.filter((m) => m !== "2018-01"),
    ),
    notification: { boardId: 1003, receivedAt: "2017-09-06 09:00:00", validFrom: "2017-09-01" },
    // January waits in the runs of 2018-01 and 2018-02; the run of 2018-03 (January + 2) declares it with
    // what is known: ExactSalaryAmount 0, flagged DECLARED_WITHOUT_PAY.
    expected: [
      {
        runMonth: "2018-01",
        formType: "WECH006",
        assignmentId: 60_000_031,
        referencePeriod: "2018-01",
        status: "waiting",
        reason: "WAITING_FOR_PAY",
      },
      {
        runMonth: "2018-02",
        formType: "WECH006",
        assignmentId: 60_000_031,
        referencePeriod: "2018-01",
        status: "waiting",
        reason: "WAITING_FOR_PAY",
      },
      {
        runMonth: "2018-03",
        formType: "WECH006",
        assignmentId: 60_000_031,
        referencePeriod: "2018-01",
        status: "declared",
        flags: ["DECLARED_WITHOUT_PAY"],
        declared: { exactSalary: 0 },
      },
    ],
  },
  {
    staffId: 6_000_004,
    decision: "D15",
    description: "8/22 teacher who also replaces a colleague full time (22/22) from 2 to 20 October 2017 at another school",
    lastName: "Van Damme",
    firstName: "Pieter",
    gender: "M",
    birthDate: "1985-03-31",
    serial: 613,
    assignments: [
      {
        id: 60_000_041,
        institutionId: 1005,
        start: "2017-09-01",
        end: "2018-06-30",
        numerator: 8,
        denominator: 22,
        monthlySalary: "720.00",
        jobTitle: "leraar",
      },
      {
        id: 60_000_042,
        institutionId: 1007,
        start: "2017-10-02",
        end: "2017-10-20",
        numerator: 22,
        denominator: 22,
        monthlySalary: "2400.00",
        jobTitle: "leraar (vervanging)",
      },
    ],
    pay: [...monthly(60_000_041, "700.00"), { assignmentId: 60_000_042, month: "2017-10", gross: "1470.00" }],
    notification: { boardId: 1002, receivedAt: "2017-09-06 11:00:00", validFrom: "2017-09-01" },
    // Glossary 00048 of WECH003: Q < S for occupations starting before 1 September 2018: the 22/22 gets no
    // WECH003 (FULL_TIME_ASSIGNMENT). October's occupation (1 x 8 + 19 x 30 + 11 x 8) / (31 x 22) =
    // 666 / 682 = 97.7 % ≥ 80 %: no WECH006 for October.
    expected: [
      { runMonth: "2017-09", formType: "WECH003", assignmentId: 60_000_041, referencePeriod: null, status: "declared" },
      {
        runMonth: "2017-10",
        formType: "WECH003",
        assignmentId: 60_000_042,
        referencePeriod: null,
        status: "not-eligible",
        reason: "FULL_TIME_ASSIGNMENT",
      },
      {
        runMonth: "2017-10",
        formType: "WECH006",
        assignmentId: 60_000_042,
        referencePeriod: "2017-10",
        status: "not-eligible",
        reason: "OCCUPATION_AT_OR_ABOVE_LIMIT",
        facts: { occupationPerMille: 977 },
      },
    ],
  },
  {
    staffId: 6_000_005,
    decision: "D19",
    description: "teacher at one school whose assignment goes from 10/22 to 14/22 on 11 November 2017",
    lastName: "Maes",
    firstName: "Ellen",
    gender: "F",
    birthDate: "1990-07-31",
    serial: 606,
    assignments: [
      {
        id: 60_000_051,
        institutionId: 1003,
        start: "2017-09-01",
        end: "2017-11-10",
        numerator: 10,
        denominator: 22,
        monthlySalary: "900.00",
        jobTitle: "onderwijzer",
      },
      {
        id: 60_000_052,
        institutionId: 1003,
        start: "2017-11-11",
        end: "2018-06-30",
        numerator: 14,
        denominator: 22,
        monthlySalary: "1260.00",
        jobTitle: "onderwijzer",
      },
    ],
    pay: [
      ...monthly(60_000_051, "900.00", ["2017-09", "2017-10"]),
      { assignmentId: 60_000_051, month: "2017-11", gross: "300.00" },
      { assignmentId: 60_000_052, month: "2017-11", gross: "840.00" },
      ...monthly(60_000_052, "1260.00", monthsFromTo("2017-12", "2018-06")),
    ],
    notification: { boardId: 1001, receivedAt: "2017-09-07 09:30:00", validFrom: "2017-09-01" },
    // November is one occupation (an "opdrachtwijziging"): one form on the first row, 00769 = 3, Q = (1000 x 10
    // + 1400 x 20) / 30 = 1266.67 truncated to 1266, 00098 the full-time salary EUR 900.00 x 22 / 10 = EUR
    // 1980.00, the pay of both rows EUR 1140.00, the whole month; the second row's November is on that form.
    expected: [
      {
        runMonth: "2017-11",
        formType: "WECH006",
        assignmentId: 60_000_051,
        referencePeriod: "2017-11",
        status: "declared",
        declared: {
          occupationInterruption: 3,
          q: 1266,
          s: 2200,
          theoreticalSalary: 198000,
          exactSalary: 114000,
          occupationStartingDate: "2017-11-01",
          occupationEndingDate: "2017-11-30",
        },
      },
      {
        runMonth: "2017-11",
        formType: "WECH006",
        assignmentId: 60_000_052,
        referencePeriod: "2017-11",
        status: "not-eligible",
        reason: "PART_OF_ANOTHER_OCCUPATION",
      },
      {
        runMonth: "2017-12",
        formType: "WECH006",
        assignmentId: 60_000_052,
        referencePeriod: "2017-12",
        status: "declared",
        declared: { occupationInterruption: 2, q: 1400, exactSalary: 126000 },
      },
    ],
  },
  {
    staffId: 6_000_006,
    decision: "D18",
    description: "12/22 teacher of 2017-2018 whose school board sends the RL16 for that year on 10 September 2018",
    lastName: "Jacobs",
    firstName: "Tom",
    gender: "M",
    birthDate: "1986-10-31",
    serial: 615,
    assignments: [
      {
        id: 60_000_061,
        institutionId: 1002,
        start: "2017-09-01",
        end: "2018-06-30",
        numerator: 12,
        denominator: 22,
        monthlySalary: "980.00",
        jobTitle: "leraar",
      },
    ],
    pay: monthly(60_000_061, "950.00"),
    notification: { boardId: 1000, receivedAt: "2018-09-10 10:00:00", validFrom: "2017-09-01" },
    // Not bad data: the run of 2018-09, whose cut-off (15 September) it makes, declares the WECH003 and the
    // ten months of the window, September 2017 to June 2018, each with EUR 950.00.
    expected: [
      {
        runMonth: "2018-09",
        formType: "WECH003",
        assignmentId: 60_000_061,
        referencePeriod: null,
        status: "declared",
        declared: { occupationStartingDate: "2017-09-01" },
      },
      ...SCHOOL_YEAR.map((month): ExpectedUnit => ({
        runMonth: "2018-09",
        formType: "WECH006",
        assignmentId: 60_000_061,
        referencePeriod: month,
        status: "declared",
        declared: { exactSalary: 95000 },
      })),
    ],
  },
];

/** The benefits cases (persons of benefits-population.ts). */
const BENEFITS_CASES: readonly DemoDecisionCase[] = [
  {
    staffId: BENEFITS_CASE_STAFF.manInMaternityProtection,
    decision: "D21",
    description: "a man's INSZ with adapted work under maternity protection (sub-risk 2) from 5 February 2018",
    // Glossary 00024, anomaly 00024-008: risk 002 needs a woman's INSZ; the counter of this one is odd.
    expected: [
      {
        runMonth: "2018-02",
        formType: "ZIMA002",
        assignmentId: BENEFITS_CASE_STAFF.manInMaternityProtection,
        referencePeriod: "2018-02",
        status: "rejected",
        rule: "SEX_DOES_NOT_FIT_RISK",
      },
    ],
  },
  {
    staffId: BENEFITS_CASE_STAFF.appointedInAdaptedWork,
    decision: "D25",
    description: "an appointed teacher (status V) in adapted work during incapacity (sub-risk 1) from 2 July 2018",
    // Glossary 00048 of ZIMA001: statutory civil servants are not insured for sickness benefits.
    expected: [
      {
        runMonth: "2018-07",
        formType: "ZIMA002",
        assignmentId: BENEFITS_CASE_STAFF.appointedInAdaptedWork,
        referencePeriod: "2018-07",
        status: "not-eligible",
        reason: "NOT_BENEFITS_INSURED",
      },
    ],
  },
];

/** Every case with its expected outcomes. */
export const DEMO_DECISION_CASES: readonly DemoDecisionCase[] = [
  ...CASES.map(decisionCaseOf),
  ...BENEFITS_CASES,
  ...DEMO_BREASTFEEDING_CASES,
  ...DEMO_ABSENCE_CASES,
];

/** The contract rows of the unemployment cases (the benefits cases come with benefits-population.ts). */
export function decisionCaseRows(): ContractRows {
  const staff: ContractRow[] = [];
  const assignments: ContractRow[] = [];
  const salaryLines: ContractRow[] = [];
  const notifications: ContractRow[] = [];
  let lineId = 6_100_001;
  for (const c of CASES) {
    staff.push({
      ...caseStaffRow(c),
      street: "Stationsstraat",
      house_number: String(c.staffId % 100),
      box: null,
      postal_code: "9000",
      municipality: "Gent",
      nationality: "150",
    });
    for (const a of c.assignments) {
      assignments.push({
        id: a.id,
        staff_id: c.staffId,
        institution_id: a.institutionId,
        start_date: a.start,
        end_date: a.end,
        hours_numerator: String(a.numerator),
        hours_denominator: String(a.denominator),
        days_per_week: null,
        job_title: a.jobTitle,
        status: "T",
        joint_committee: null,
        employer_category: null,
        worker_code: null,
        monthly_salary: a.monthlySalary,
      });
    }
    for (const p of c.pay) {
      salaryLines.push({
        id: lineId++,
        staff_id: c.staffId,
        assignment_id: p.assignmentId,
        period_month: p.month,
        gross_amount: p.gross,
        wage_code: p.wageCode ?? "01",
        paid_on: p.paidOn ?? `${p.month}-25`,
      });
    }
    const n = c.notification;
    notifications.push({
      id: c.staffId,
      staff_id: c.staffId,
      board_id: n.boardId,
      message_ref: `RL16-${c.staffId}`,
      received_at: n.receivedAt,
      valid_from: n.validFrom,
      withdrawn_from: null,
      maintenance_of_rights: 1,
      fulltime_request: 1,
    });
  }
  return { staff_member: staff, assignment: assignments, salary_line: salaryLines, rl16_notification: notifications };
}
