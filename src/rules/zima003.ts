/**
 * ZIMA003 (breastfeeding breaks, scenario 3): what run M says of each month of a person's breaks
 * (zima-1-3-6.md §2.4 as corrected by its errata, domain.md D24, D25), before the form type is
 * registered (ARCHITECTURE.md: a ZIMA003 unit is the person and the month, over several assignments).
 *
 * - R2 / errata 6: the rows of the months from the first benefits month to M, reported by the end of M
 *   (not the payroll cut-off); a row reported later is the next run's. One form per person and month
 *   (decision Z3-FORM), with one link per assignment with breaks; the reference month is the breaks'
 *   month, never the run month.
 * - R1 / D25: a woman (D21: the INSZ, or staff_member.gender for a BIS number without sex); benefits-
 *   insured occupations only — an appointment (V) has no link, and a month with no other is not eligible
 *   NOT_BENEFITS_INSURED; a 6xx worker code on T or C, or any problem of the assignment, rejects the
 *   month, as does a row that breaks the contract (1-62 breaks, one's own assignment, one row per
 *   assignment and month).
 * - The reference period: the month within the occupation, longer than one day (NO_REFERENCE_PERIOD).
 * - R3 / errata 7: the hourly wage of the month's full monthly wage — the salary history's row in force on
 *   the month's first day, else assignment.monthly_salary (NO_MONTHLY_WAGE without either).
 * - R4: at most two breaks a day in the month, all links together (TOO_MANY_BREAKS), nothing sent then.
 */
import { monthlyWageOn } from "./monthly-wage";
import type { BenefitsCodes } from "../../mappings/benefits-codes";
import type { AssignmentSalaryRecord, BreastfeedingBreakRecord, PersonSourceData } from "../domain/ministry-records";
import type { Cents } from "../domain/money";
import { endOfMonthMoment } from "../domain/local-date-time";
import type { RecordProblem } from "../domain/outcome-codes";
import { firstDayOf, type YearMonth } from "../domain/year-month";
import { assignmentSalaryProblems, breastfeedingBreakProblems } from "./benefits-2026-validation";
import { unreachable } from "../domain/unreachable";
import { benefitsAssignmentCheck, type BenefitsFormResult, type BenefitsPerson, unknownAssignmentContext } from "./benefits-person";
import type { DecisionUnit, OccupationFacts, UnitOutcome, Zima003Link } from "./decision-types";
import { rejected as rejectedOutcome } from "./outcome-builders";
import type { RunFrame } from "./person-context";
import { checkSex } from "./sex-check";
import { hourlyGrossWage, MAX_HOURLY_WAGE, maxBreaksInMonth, referencePeriodIn } from "./zima003-occupation";

export type Zima003MonthOutcome =
  | { readonly kind: "declare"; readonly links: readonly Zima003Link[]; readonly notes: readonly string[] }
  | { readonly kind: "not-eligible"; readonly reason: "NOT_BENEFITS_INSURED"; readonly detail: string; readonly fingerprint: string }
  | { readonly kind: "rejected"; readonly problem: RecordProblem };

export interface Zima003Month {
  readonly month: YearMonth;
  /** The rows of the month this run counts (reported by the end of the run month). */
  readonly rows: readonly BreastfeedingBreakRecord[];
  readonly outcome: Zima003MonthOutcome;
}

export interface Zima003Input {
  readonly person: BenefitsPerson;
  readonly breaks: readonly BreastfeedingBreakRecord[];
  readonly salaries: readonly AssignmentSalaryRecord[];
  readonly runMonth: YearMonth;
  readonly benefitsMonthsFrom: YearMonth;
  readonly codes: BenefitsCodes;
}

/** The full monthly wage of an assignment for a month: the salary history's row in force on its first day, else monthly_salary. */
export function monthlyWageFor(
  month: YearMonth,
  occupation: OccupationFacts,
  salaries: readonly AssignmentSalaryRecord[],
): { readonly amount: Cents | null; readonly from: "history" | "assignment" } {
  return monthlyWageOn(firstDayOf(month), occupation, salaries);
}

function rejected(problem: RecordProblem): Zima003MonthOutcome {
  return { kind: "rejected", problem };
}

/** The rows of this run: of the months it looks at, reported by the end of the run month. */
function rowsOfRun(input: Zima003Input, readable: readonly BreastfeedingBreakRecord[]): BreastfeedingBreakRecord[] {
  const endOfRunMonth = endOfMonthMoment(input.runMonth);
  return readable.filter(
    (row) => row.periodMonth! >= input.benefitsMonthsFrom && row.periodMonth! <= input.runMonth && row.reportedAt! <= endOfRunMonth,
  );
}

/** One link, or why the month cannot be declared. */
function linkOf(row: BreastfeedingBreakRecord, month: YearMonth, input: Zima003Input): Zima003Link | RecordProblem | "appointed" {
  const assignment = input.person.assignments.get(row.assignmentId!)!;
  const checked = benefitsAssignmentCheck(assignment);
  if ("notEligible" in checked) return "appointed";
  if ("problem" in checked) return checked.problem;
  const occupation = checked.facts;
  const where = { table: "breastfeeding_break", recordId: String(row.id) };
  const period = referencePeriodIn(month, { start: occupation.startDate, end: occupation.endDate });
  if (period === null) {
    return {
      ...where,
      field: "period_month",
      rule: "NO_REFERENCE_PERIOD",
      value: `${month}, occupation ${occupation.startDate} – ${occupation.endDate ?? "open"}`,
    };
  }
  const salaries = input.salaries.filter((salary) => salary.assignmentId === occupation.assignmentId);
  const [salaryProblem] = salaries.flatMap(assignmentSalaryProblems);
  if (salaryProblem) return salaryProblem;
  const wage = monthlyWageFor(month, occupation, salaries);
  if (wage.amount === null || wage.amount <= 0)
    return { ...where, field: "assignment_id", rule: "NO_MONTHLY_WAGE", value: String(occupation.assignmentId) };
  const hourlyWage = hourlyGrossWage(wage.amount, occupation.q, occupation.s, input.codes.breastfeedingReferenceWeek);
  if (hourlyWage === null || hourlyWage < 1 || hourlyWage > MAX_HOURLY_WAGE) {
    return {
      ...where,
      field: "assignment_id",
      rule: "VALUE_OUT_OF_RANGE",
      value: `hourly wage ${hourlyWage ?? "none"} not in 1-${MAX_HOURLY_WAGE}`,
    };
  }
  return { occupation, period, halfHourBreaks: row.halfHourBreaks!, hourlyWage };
}

function decideMonth(month: YearMonth, rows: readonly BreastfeedingBreakRecord[], input: Zima003Input): Zima003MonthOutcome {
  const { person } = input;
  if (person.personProblem) return rejected(person.personProblem);
  if (person.staff) {
    const sex = checkSex(person.staff, "F", "ZIMA003");
    if (sex.problem) return rejected(sex.problem);
  }
  const assignmentIds = new Set(person.assignments.keys());
  for (const row of rows) {
    const [problem] = breastfeedingBreakProblems(row, assignmentIds, input.codes);
    if (problem) return rejected(problem);
  }
  const seen = new Set<number>();
  for (const row of rows) {
    if (seen.has(row.assignmentId!)) {
      return rejected({
        table: "breastfeeding_break",
        recordId: String(row.id),
        field: "assignment_id",
        rule: "DUPLICATE_ROW",
        value: `${row.assignmentId} ${month}`,
      });
    }
    seen.add(row.assignmentId!);
  }
  const links: Zima003Link[] = [];
  const notes: string[] = [];
  for (const row of [...rows].sort((a, b) => a.assignmentId! - b.assignmentId!)) {
    const link = linkOf(row, month, input);
    if (link === "appointed")
      notes.push(
        `breastfeeding_break ${row.id}: assignment ${row.assignmentId} is an appointment (status V), not insured for benefits (D25): no link`,
      );
    else if ("rule" in link) return rejected(link);
    else links.push(link);
  }
  if (links.length === 0)
    return {
      kind: "not-eligible",
      reason: "NOT_BENEFITS_INSURED",
      detail: `every assignment with breaks in ${month} is an appointment (status V)`,
      // As benefitsAssignmentCheck's: remembered, so that a later run does not decide the month again on the same facts.
      fingerprint: "NOT_BENEFITS_INSURED|V",
    };
  const total = links.reduce((sum, link) => sum + link.halfHourBreaks, 0);
  if (total > maxBreaksInMonth(month)) {
    const first = rows[0];
    return rejected({
      table: "breastfeeding_break",
      recordId: String(first.id),
      field: "half_hour_breaks",
      rule: "TOO_MANY_BREAKS",
      value: `${total} > ${maxBreaksInMonth(month)} in ${month}`,
    });
  }
  return { kind: "declare", links, notes };
}

/**
 * Each month with breaks this run sees, in month order, with what it declares or why not; and the rows
 * whose month or report time cannot be read (they belong to no month: reported, never dropped).
 */
export function planZima003(input: Zima003Input): { readonly months: Zima003Month[]; readonly unplaced: RecordProblem[] } {
  const unplaced = input.breaks.filter((row) => row.periodMonth === null || row.reportedAt === null).flatMap((row) => row.problems);
  const readable = input.breaks.filter((row) => row.periodMonth !== null && row.reportedAt !== null);
  const byMonth = new Map<YearMonth, BreastfeedingBreakRecord[]>();
  for (const row of rowsOfRun(input, readable)) byMonth.set(row.periodMonth!, [...(byMonth.get(row.periodMonth!) ?? []), row]);
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, rows]) => ({ month, rows, outcome: decideMonth(month, rows, input) }));
  return { months, unplaced };
}

/** The subject of every ZIMA003 unit: the person's month over all assignments with breaks (decision Z3-FORM). */
export const ZIMA003_SUBJECT = "person";

/**
 * The assignments a month's unit concerns: the links' (declared), else those of the month's counted rows
 * in assignment order; a month whose rows name none (assignment_id unreadable: rejected) is the person's
 * first assignment's, or 0 for a person without any.
 */
function concernedAssignments(month: Zima003Month, person: BenefitsPerson): number[] {
  if (month.outcome.kind === "declare") return month.outcome.links.map((link) => link.occupation.assignmentId);
  const named = [...new Set(month.rows.map((row) => row.assignmentId).filter((id): id is number => id !== null))].sort((a, b) => a - b);
  return named.length > 0
    ? named
    : [Math.min(...person.assignments.keys(), Number.POSITIVE_INFINITY)].map((id) => (Number.isFinite(id) ? id : 0));
}

function outcomeOf(month: Zima003Month, person: BenefitsPerson): UnitOutcome {
  const outcome = month.outcome;
  switch (outcome.kind) {
    case "declare":
      return {
        status: "declared",
        declaration: {
          formType: "ZIMA003",
          person: person.identity!,
          occupation: outcome.links[0].occupation,
          referencePeriod: month.month,
          links: outcome.links,
        },
      };
    case "not-eligible":
      return { status: "not-eligible", reason: outcome.reason, detail: outcome.detail, fingerprint: outcome.fingerprint };
    case "rejected":
      return rejectedOutcome(outcome.problem);
    default:
      return unreachable(outcome, "ZIMA003 month outcome");
  }
}

/**
 * The ZIMA003 units of a person: one per month with breaks this run sees, about the person (subject
 * "person"), its assignment the first it concerns and the others in `alsoConcerns`; the broken rows it
 * read, and the notes (an appointment's breaks have no link).
 */
export function decideZima003(person: BenefitsPerson, source: PersonSourceData, frame: RunFrame): BenefitsFormResult {
  const breaks = source.breastfeedingBreaks ?? [];
  const plan = planZima003({
    person,
    breaks,
    salaries: source.assignmentSalaries ?? [],
    runMonth: frame.runMonth,
    benefitsMonthsFrom: frame.benefitsMonthsFrom,
    codes: frame.parameters.benefitsCodes,
  });
  const problems: RecordProblem[] = [...plan.unplaced];
  const notes: string[] = [];
  const units: DecisionUnit[] = [];
  const contextOf = (id: number) => person.assignments.get(id)?.context ?? unknownAssignmentContext(id);
  for (const month of plan.months) {
    const [first, ...others] = concernedAssignments(month, person);
    const outcome = outcomeOf(month, person);
    if (outcome.status === "rejected") problems.push(outcome.problem);
    if (month.outcome.kind === "declare") notes.push(...month.outcome.notes);
    units.push({
      formType: "ZIMA003",
      staffId: person.staffId,
      assignmentId: first,
      subject: ZIMA003_SUBJECT,
      context: contextOf(first),
      ...(others.length > 0 ? { alsoConcerns: others.map(contextOf) } : {}),
      referencePeriod: month.month,
      outcome,
    });
  }
  return { units, problems, notes };
}
