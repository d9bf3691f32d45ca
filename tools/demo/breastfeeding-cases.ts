/**
 * The demo's ZIMA003 cases (breastfeeding breaks, zima-1-3-6.md §2 with its errata): four staff members
 * of 2018, each written for one rule, with the outcome worked out by hand below — the demo-outcome test
 * holds `easr demo` to these.
 *
 * Staff ids 6000101-6000104, assignments staff id x 10 + n, breastfeeding_break ids from 6200001. They
 * work at the population's institutions (1001, 1002), so these rows go with a generated population.
 * Born on the 29th-31st of a month (which the population never draws); INSZ serials even for women, odd
 * for men. The hourly wage (zone 00152, errata 7): round_half_up(monthly cents x 1200 / (Q/S x 38 h x
 * 52)) in hundredths of a cent.
 */
import type { CalendarDate } from "../../src/domain/calendar-date";
import type { YearMonth } from "../../src/domain/year-month";
import type { ContractRow, ContractRows } from "../../src/source/contract-writer";
import { caseStaffRow, decisionCaseOf } from "./case-staff";
import type { DemoDecisionCase } from "./decision-cases";

interface BreakAssignment {
  readonly id: number;
  readonly institutionId: number;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** Hours a week of the assignment and of a full-timer. */
  readonly hours: readonly [string, string];
  readonly daysPerWeek: string;
  readonly monthlySalary: string;
}

interface BreakRow {
  readonly assignmentId: number;
  readonly month: YearMonth;
  readonly halfHourBreaks: number;
  readonly reportedAt: string;
}

interface BreakCase extends DemoDecisionCase {
  readonly lastName: string;
  readonly firstName: string;
  readonly gender: "M" | "F";
  readonly birthDate: CalendarDate;
  readonly serial: number;
  readonly assignments: readonly BreakAssignment[];
  readonly breaks: readonly BreakRow[];
}

/** A half-time teacher's assignment for the school year: 19/38, 2.5 days, EUR 1425.00 a month. */
const halfTime = (id: number, institutionId = 1001): BreakAssignment => ({
  id,
  institutionId,
  start: "2017-09-01",
  end: "2018-06-30",
  hours: ["19", "38"],
  daysPerWeek: "2.5",
  monthlySalary: "1425.00",
});

const CASES: readonly BreakCase[] = [
  {
    staffId: 6_000_101,
    decision: "ZIMA003 Z3-FORM",
    description: "half-time teacher with a second assignment from 12 March 2018 (10/38 at another school): one form, two links",
    lastName: "Wuyts",
    firstName: "Lotte",
    gender: "F",
    birthDate: "1989-04-30",
    serial: 204,
    assignments: [
      halfTime(60_001_011),
      {
        id: 60_001_012,
        institutionId: 1002,
        start: "2018-03-12",
        end: "2018-06-30",
        hours: ["10", "38"],
        daysPerWeek: "1",
        monthlySalary: "800.00",
      },
    ],
    breaks: [
      { assignmentId: 60_001_011, month: "2018-03", halfHourBreaks: 30, reportedAt: "2018-03-28 10:00:00" },
      { assignmentId: 60_001_012, month: "2018-03", halfHourBreaks: 12, reportedAt: "2018-03-28 10:00:00" },
    ],
    // 142500 x 1200 / (19 x 52) = 173076.92 -> 173077; 80000 x 1200 / (10 x 52) = 184615.38 -> 184615;
    // 30 + 12 = 42 <= 2 x 31. The second link's period starts with its assignment.
    expected: [
      {
        runMonth: "2018-03",
        formType: "ZIMA003",
        assignmentId: 60_001_011,
        referencePeriod: "2018-03",
        status: "declared",
        declared: {
          totalBreaks: 42,
          links: [
            { assignmentId: 60_001_011, q: 1900, s: 3800, start: "2018-03-01", end: "2018-03-31", halfHourBreaks: 30, hourlyWage: 173077 },
            { assignmentId: 60_001_012, q: 1000, s: 3800, start: "2018-03-12", end: "2018-03-31", halfHourBreaks: 12, hourlyWage: 184615 },
          ],
        },
      },
    ],
  },
  {
    staffId: 6_000_102,
    decision: "ZIMA003 errata 6",
    description: "February 2018's 56 breaks (2 x 28) reported on 2 March: not in run 2018-02, declared by run 2018-03 for February",
    lastName: "Claes",
    firstName: "Hanne",
    gender: "F",
    birthDate: "1987-08-31",
    serial: 212,
    assignments: [
      {
        id: 60_001_021,
        institutionId: 1001,
        start: "2017-09-01",
        end: "2018-06-30",
        hours: ["16", "32"],
        daysPerWeek: "4",
        monthlySalary: "977.38",
      },
    ],
    breaks: [{ assignmentId: 60_001_021, month: "2018-02", halfHourBreaks: 56, reportedAt: "2018-03-02 10:00:00" }],
    absent: [{ runMonth: "2018-02", formType: "ZIMA003" }],
    // 16/32 x 38 h = 19 h: 97738 x 1200 / (19 x 52) = 118710.1 -> 118710 (errata 7).
    expected: [
      {
        runMonth: "2018-03",
        formType: "ZIMA003",
        assignmentId: 60_001_021,
        referencePeriod: "2018-02",
        status: "declared",
        declared: {
          totalBreaks: 56,
          links: [
            { assignmentId: 60_001_021, q: 1600, s: 3200, start: "2018-02-01", end: "2018-02-28", halfHourBreaks: 56, hourlyWage: 118710 },
          ],
        },
      },
    ],
  },
  {
    staffId: 6_000_103,
    decision: "ZIMA003 R4",
    description: "63 half-hour breaks in one row (zone 00151 allows 1-62): the month is rejected, nothing sent",
    lastName: "Maes",
    firstName: "Ine",
    gender: "F",
    birthDate: "1990-01-31",
    serial: 226,
    assignments: [halfTime(60_001_031)],
    breaks: [{ assignmentId: 60_001_031, month: "2018-03", halfHourBreaks: 63, reportedAt: "2018-03-20 10:00:00" }],
    expected: [
      {
        runMonth: "2018-03",
        formType: "ZIMA003",
        assignmentId: 60_001_031,
        referencePeriod: "2018-03",
        status: "rejected",
        rule: "VALUE_OUT_OF_RANGE",
        // The row itself (the first break row of these cases), not a wage out of range.
        record: { table: "breastfeeding_break", recordId: "6200004", field: "half_hour_breaks", value: "63 not in 1-62" },
      },
    ],
  },
  {
    staffId: 6_000_104,
    decision: "ZIMA003 D21",
    description: "breaks booked for a man (odd INSZ serial): the glossary's 00024 wants a woman, the month is rejected",
    lastName: "Jacobs",
    firstName: "Tom",
    gender: "M",
    birthDate: "1986-05-31",
    serial: 231,
    assignments: [halfTime(60_001_041)],
    breaks: [{ assignmentId: 60_001_041, month: "2018-03", halfHourBreaks: 20, reportedAt: "2018-03-20 10:00:00" }],
    expected: [
      {
        runMonth: "2018-03",
        formType: "ZIMA003",
        assignmentId: 60_001_041,
        referencePeriod: "2018-03",
        status: "rejected",
        rule: "SEX_DOES_NOT_FIT_RISK",
        // By the INSZ (D21): his staff row says M too, and the INSZ is what is reported.
        record: { table: "staff_member", recordId: "6000104", field: "insz", value: "the INSZ is of a man; ZIMA003 needs a woman" },
      },
    ],
  },
];

/** Every ZIMA003 case with its expected outcomes. */
export const DEMO_BREASTFEEDING_CASES: readonly DemoDecisionCase[] = CASES.map(decisionCaseOf);

/** The contract rows of the ZIMA003 cases. */
export function breastfeedingCaseRows(): ContractRows {
  const staff: ContractRow[] = [];
  const assignments: ContractRow[] = [];
  const breaks: ContractRow[] = [];
  let breakId = 6_200_001;
  for (const c of CASES) {
    staff.push(caseStaffRow(c));
    for (const a of c.assignments) {
      assignments.push({
        id: a.id,
        staff_id: c.staffId,
        institution_id: a.institutionId,
        start_date: a.start,
        end_date: a.end,
        hours_numerator: a.hours[0],
        hours_denominator: a.hours[1],
        days_per_week: a.daysPerWeek,
        job_title: "leraar",
        status: "T",
        monthly_salary: a.monthlySalary,
      });
    }
    for (const b of c.breaks) {
      breaks.push({
        id: breakId++,
        staff_id: c.staffId,
        assignment_id: b.assignmentId,
        period_month: b.month,
        half_hour_breaks: b.halfHourBreaks,
        reported_at: b.reportedAt,
      });
    }
  }
  return { staff_member: staff, assignment: assignments, breastfeeding_break: breaks };
}
