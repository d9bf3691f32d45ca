/**
 * ZIMA002 (seed 002, scenario 2): the monthly declaration of adapted work. Run M decides, for every month
 * m from frame.benefitsMonthsFrom to M, one unit per assignment with adapted work in force in m:
 * - reference periods (seed 002 §3.2): one per adapted_work row within the month, from the later of the
 *   month's first day and the row's start to the earlier of the month's last day and the row's end; a
 *   change of days or Q is a new row (ministry-db.md), so a change splits the month;
 * - sub-risk 1 (incapacity): services (performance lines), never day natures or exact wages (§3.5, §3.6
 *   "VERBODEN"); sub-risk 2 (maternity protection): day natures and exact wages, no services (FB 90018);
 * - exact wages: the month's salary lines of the assignment paid by the end of M (D4), summed per wage
 *   code of §3.6.1, codes 02, 10, 23 left out; a month without pay is code 01 with 0 (§3.6.2). Each
 *   reference period carries its share of the month's pay (D20, zima002-pay.ts); a period without any
 *   carries 01 with 0, because block 90085 is required on every reference period of sub-risk 2 (FB 90085);
 * - severance pay expressed in working time (wage codes 03 and 09, §3.3) on the month's last period.
 */
import { addCalendarMonths, addDays, type CalendarDate, daysBetween, maxDate, minDate } from "../domain/calendar-date";
import { type DateRange, dayCount, overlaps } from "../domain/date-range";
import type { AdaptedWorkRecord, DayNatureRecord, PerformanceLineRecord, SalaryLineRecord } from "../domain/ministry-records";
import { formatEuro, type Cents, sumCents, ZERO_CENTS } from "../domain/money";
import type { BenefitsCodes } from "../../mappings/benefits-codes";
import type { RecordProblem } from "../domain/outcome-codes";
import { firstDayOf, lastDayOf, monthOf, monthsFromTo, type YearMonth } from "../domain/year-month";
import type { BenefitsAssignment, BenefitsFormResult, BenefitsPerson } from "./benefits-person";
import { occupationOrStop, unknownAssignmentContext } from "./benefits-person";
import {
  adaptedWorkProblems,
  dayNatureProblems,
  performanceLineProblems,
  wageCodeKind,
  wageCodeProblem,
  ZIMA_LIMITS,
} from "./benefits-validation";
import { isLinePaidInTime } from "./cut-off";
import type {
  AdaptedWorkPeriod,
  DayNatureLine,
  DecisionUnit,
  ExactWageLine,
  OccupationFacts,
  ServiceLine,
  SeverancePay,
  UnitOutcome,
} from "./decision-types";
import { rejected } from "./outcome-builders";
import type { RunFrame } from "./person-context";
import { MAX_FORM_AMOUNT } from "./record-validation";
import { checkSex } from "./sex-check";
import { type OutsidePeriods, spreadPay } from "./zima002-pay";

/**
 * The period covered by severance pay (zones 01130/01131), derived because the source holds only the
 * amount: it starts the day after the contract's end (01130 must lie after the occupation's end) and
 * covers amount / monthly_salary months — the whole months by the calendar, the fraction as that share
 * of the following month's days, rounded down; at least the first day. Needs the agency's confirmation.
 */
export function severancePeriod(
  contractEnd: CalendarDate,
  amount: Cents,
  monthlySalary: Cents,
): { start: CalendarDate; end: CalendarDate } {
  const start = addDays(contractEnd, 1);
  const wholeMonths = Math.floor(amount / monthlySalary);
  const rest = amount - wholeMonths * monthlySalary;
  const afterWhole = addCalendarMonths(start, wholeMonths);
  const followingMonthDays = daysBetween(afterWhole, addCalendarMonths(afterWhole, 1));
  const extraDays = Math.floor((rest * followingMonthDays) / monthlySalary);
  const end = addDays(afterWhole, extraDays - 1);
  return { start, end: maxDate(start, end) };
}

/**
 * A row's days as far as they can be read, so that a broken row still rejects the months it concerns:
 * an unreadable start counts from `scopeStart`, an end before the start as the start day.
 */
function rowRange(row: AdaptedWorkRecord, scopeStart: CalendarDate): DateRange {
  const start = row.startDate ?? scopeStart;
  const end = row.endDate === null ? null : maxDate(row.endDate, start);
  return { start, end };
}

/** The reference periods of one month: one per row, in date order (seed 002 §3.2.1, §3.2.2). */
export function referencePeriodRanges(
  rows: readonly { readonly id: number; readonly start: CalendarDate; readonly end: CalendarDate | null }[],
  month: YearMonth,
): { adaptedWorkId: number; start: CalendarDate; end: CalendarDate }[] {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  return rows
    .filter((r) => overlaps({ start: r.start, end: r.end }, { start: first, end: last }))
    .map((r) => ({ adaptedWorkId: r.id, start: maxDate(first, r.start), end: r.end === null ? last : minDate(last, r.end) }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.adaptedWorkId - b.adaptedWorkId));
}

/** The occupation's days of the month outside the reference periods, with its own fraction (D20). */
function outsidePeriods(
  occupation: OccupationFacts,
  periods: readonly { start: CalendarDate; end: CalendarDate }[],
  month: YearMonth,
): OutsidePeriods {
  const start = maxDate(occupation.startDate, firstDayOf(month));
  const end = occupation.endDate === null ? lastDayOf(month) : minDate(occupation.endDate, lastDayOf(month));
  const inPeriods = periods.reduce((sum, p) => sum + dayCount(p), 0);
  return {
    days: Math.max(0, (end < start ? 0 : dayCount({ start, end })) - inPeriods),
    numerator: occupation.numerator,
    denominator: occupation.denominator,
  };
}

interface CheckedRow {
  readonly record: AdaptedWorkRecord;
  readonly problems: readonly RecordProblem[];
  readonly range: DateRange;
}

interface CheckedLine<T> {
  readonly record: T;
  readonly problems: RecordProblem[];
}

/** Services of one row and month: one line per performance code (a code once per occupation, FB 90018), hours and days summed. */
function servicesOf(lines: readonly PerformanceLineRecord[]): ServiceLine[] {
  const byCode = new Map<string, { hours: number; days: number | null; daysKnown: boolean }>();
  for (const line of lines) {
    const code = String(Number(line.performanceCode));
    const sum = byCode.get(code) ?? { hours: 0, days: 0, daysKnown: true };
    sum.hours += line.hours!;
    if (line.days === null) sum.daysKnown = false;
    else sum.days = (sum.days ?? 0) + line.days;
    byCode.set(code, sum);
  }
  return [...byCode.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, sum]) => ({ code, hours: sum.hours, days: sum.daysKnown ? sum.days : null }));
}

function dayNaturesOf(lines: readonly DayNatureRecord[], start: CalendarDate, end: CalendarDate): DayNatureLine[] {
  return lines
    .filter((l) => l.day! >= start && l.day! <= end)
    .map((l) => ({ day: l.day!, code: l.code, hours: l.hours! }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

type PayResult =
  { ok: true; exactWages: ExactWageLine[]; severance: SeverancePay | null; notes: string[] } | { ok: false; problem: RecordProblem };

/** A month's sum on a wage code (or of severance) that a form cannot carry: negative, or above `max`; null when it can. */
function amountProblem(recordId: string, amount: Cents, max: number): RecordProblem | null {
  if (amount < 0)
    return { table: "salary_line", recordId, field: "gross_amount", rule: "NEGATIVE_ASSIGNMENT_AMOUNT", value: formatEuro(amount) };
  if (amount > max) return { table: "salary_line", recordId, field: "gross_amount", rule: "AMOUNT_TOO_LARGE", value: formatEuro(amount) };
  return null;
}

/**
 * The assignment's salary lines of the month paid by the end of the run month, or the problem of a broken
 * line that matters (sub-risk 1 declares no wages: only a severance line, or one whose code is unknown).
 */
function payLinesOf(
  person: BenefitsPerson,
  id: number,
  subRisk: 1 | 2,
  month: YearMonth,
  frame: RunFrame,
): SalaryLineRecord[] | RecordProblem {
  const codes = frame.parameters.benefitsCodes;
  const relevant = person.salaryLines.filter(
    (l) =>
      (l.record.assignmentId === id || (l.record.assignmentId === null && l.problems.some((p) => p.field === "assignment_id"))) &&
      (l.record.periodMonth === month || l.record.periodMonth === null) &&
      (l.record.paidOn === null || isLinePaidInTime(l.record, frame.runMonth)),
  );
  const matters = (code: string) => subRisk === 2 || code === "" || wageCodeKind(code, codes) === "severance";
  const broken = relevant.find((l) => l.problems.length > 0 && matters(l.record.wageCode));
  if (broken) return broken.problems[0];
  return relevant.filter((l) => l.record.assignmentId === id && l.record.periodMonth === month).map((l) => l.record);
}

/** The exact wages per code (sub-risk 2; codes 02, 10, 23 left out, noted) and the month's severance sum (both sub-risks). */
function exactWagesOf(
  lines: readonly SalaryLineRecord[],
  subRisk: 1 | 2,
  codes: BenefitsCodes,
  recordIdOf: (what: string) => string,
  notes: string[],
): { readonly exactWages: ExactWageLine[]; readonly severanceSum: Cents | null } | RecordProblem {
  const exact = new Map<string, Cents>();
  const excluded = new Set<string>();
  let severanceSum: Cents | null = null;
  for (const line of lines) {
    const kind = wageCodeKind(line.wageCode, codes);
    if (kind === "severance") severanceSum = sumCents([severanceSum ?? ZERO_CENTS, line.gross!]);
    else if (subRisk === 1) continue;
    else if (kind === "not-allowed") return wageCodeProblem(line);
    else if (kind === "excluded") excluded.add(line.wageCode);
    else exact.set(line.wageCode, sumCents([exact.get(line.wageCode) ?? ZERO_CENTS, line.gross!]));
  }
  if (excluded.size > 0) {
    notes.push(
      `wage codes ${[...excluded].sort().join(", ")} not declared as exact wage (seed 002 §3.6.1: "U neemt dus niet de codes 02, 10 en 23 in aanmerking")`,
    );
  }
  const exactWages: ExactWageLine[] = [];
  for (const [code, amount] of [...exact.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const problem = amountProblem(recordIdOf(`wage code ${code}`), amount, MAX_FORM_AMOUNT);
    if (problem) return problem;
    // Zone 00124 allows 0 only with code 001: a code whose lines cancel out is left out.
    if (amount > 0) exactWages.push({ code, amount });
  }
  if (subRisk === 2 && exactWages.length === 0) exactWages.push({ code: codes.zeroPayWageCode, amount: ZERO_CENTS });
  return { exactWages, severanceSum };
}

/** The severance block of a month's severance sum (none for 0, noted): the assignment must have ended and have its monthly salary. */
function severanceOf(
  assignment: BenefitsAssignment,
  severanceSum: Cents,
  codes: BenefitsCodes,
  recordIdOf: (what: string) => string,
  notes: string[],
): { readonly severance: SeverancePay | null } | RecordProblem {
  const problem = amountProblem(recordIdOf("severance"), severanceSum, ZIMA_LIMITS.severanceAmountMax);
  if (problem) return problem;
  if (severanceSum === 0) {
    notes.push(`severance lines (codes ${codes.severanceWageCodes.join(", ")}) sum to 0: no severance block`);
    return { severance: null };
  }
  const record = assignment.record;
  const id = String(record.id);
  if (record.endDate === null) {
    const value = `NULL, severance ${formatEuro(severanceSum)}`;
    return { table: "assignment", recordId: id, field: "end_date", rule: "SEVERANCE_WITHOUT_END_DATE", value };
  }
  if (assignment.salaryProblems.length > 0) return assignment.salaryProblems[0];
  if (record.monthlySalary === null || record.monthlySalary <= 0)
    return { table: "assignment", recordId: id, field: "monthly_salary", rule: "THEORETICAL_SALARY_MISSING", value: "NULL" };
  const severance = { ...severancePeriod(record.endDate, severanceSum, record.monthlySalary), amount: severanceSum };
  notes.push(
    `severance ${formatEuro(severanceSum)} covers ${severance.start}..${severance.end} (amount / monthly_salary ${formatEuro(record.monthlySalary)} from the day after the contract's end; to be confirmed by the agency)`,
  );
  return { severance };
}

/** The month's pay of the assignment: exact wages per code (sub-risk 2) and the severance block (both sub-risks). */
function monthPay(person: BenefitsPerson, assignment: BenefitsAssignment, subRisk: 1 | 2, month: YearMonth, frame: RunFrame): PayResult {
  const codes = frame.parameters.benefitsCodes;
  const id = assignment.record.id;
  const recordIdOf = (what: string) => `assignment ${id} ${month} ${what}`;
  const notes: string[] = [];
  const lines = payLinesOf(person, id, subRisk, month, frame);
  if ("rule" in lines) return { ok: false, problem: lines };
  const wages = exactWagesOf(lines, subRisk, codes, recordIdOf, notes);
  if ("rule" in wages) return { ok: false, problem: wages };
  const severance =
    wages.severanceSum === null ? { severance: null } : severanceOf(assignment, wages.severanceSum, codes, recordIdOf, notes);
  if ("rule" in severance) return { ok: false, problem: severance };
  return { ok: true, exactWages: wages.exactWages, severance: severance.severance, notes };
}

/** The adapted work of the months in scope, and its performance and day-nature lines, each with its problems. */
interface CheckedInput {
  readonly rows: CheckedRow[];
  readonly performance: CheckedLine<PerformanceLineRecord>[];
  readonly dayNatures: CheckedLine<DayNatureRecord>[];
}

/** A line dated outside the days of its adapted-work row (OUTSIDE_ADAPTED_WORK), or null. */
function outsideRow(
  table: string,
  line: { readonly id: number; readonly adaptedWorkId: number | null },
  field: string,
  days: DateRange | null,
  label: string,
  rowsById: ReadonlyMap<number, { readonly record: AdaptedWorkRecord; readonly range: DateRange }>,
): RecordProblem | null {
  const row = line.adaptedWorkId === null ? undefined : rowsById.get(line.adaptedWorkId);
  if (!row || days === null || overlaps(row.range, days)) return null;
  return {
    table,
    recordId: String(line.id),
    field,
    rule: "OUTSIDE_ADAPTED_WORK",
    value: `${label}, adapted work ${row.record.id} ${row.range.start}..${row.range.end ?? "open"}`,
  };
}

/** Step 1: the rows overlapping the months in scope and the lines of those months (or of an unreadable month), checked. */
function checkInput(person: BenefitsPerson, frame: RunFrame, months: readonly YearMonth[]): CheckedInput {
  const codes = frame.parameters.benefitsCodes;
  const scope: DateRange = { start: firstDayOf(frame.benefitsMonthsFrom), end: lastDayOf(frame.runMonth) };
  const rows = person.adaptedWork
    .map((record) => ({ record, problems: adaptedWorkProblems(record, codes), range: rowRange(record, scope.start) }))
    .filter((row) => overlaps(row.range, scope));
  const rowsById = new Map(person.adaptedWork.map((r) => [r.id, { record: r, range: rowRange(r, scope.start) }]));
  const adaptedWorkIds = new Set(rowsById.keys());
  const monthInScope = (m: YearMonth | null) => m === null || months.includes(m);
  const performance = person.performanceLines
    .filter((l) => monthInScope(l.periodMonth))
    .map((record) => {
      const days = record.periodMonth === null ? null : { start: firstDayOf(record.periodMonth), end: lastDayOf(record.periodMonth) };
      const outside = outsideRow("performance_line", record, "period_month", days, String(record.periodMonth), rowsById);
      return { record, problems: [...performanceLineProblems(record, adaptedWorkIds), ...(outside ? [outside] : [])] };
    });
  const dayNatures = person.dayNatures
    .filter((l) => monthInScope(l.day === null ? null : monthOf(l.day)))
    .map((record) => {
      const days = record.day === null ? null : { start: record.day, end: record.day };
      const outside = outsideRow("day_nature", record, "day", days, String(record.day), rowsById);
      return { record, problems: [...dayNatureProblems(record, adaptedWorkIds, codes), ...(outside ? [outside] : [])] };
    });
  return { rows, performance, dayNatures };
}

/** Step 2: the rows per assignment, in assignment order; a row whose assignment cannot be read forms no unit (noted). */
function rowsByAssignment(rows: readonly CheckedRow[], notes: string[]): [number, CheckedRow[]][] {
  const byAssignment = new Map<number, CheckedRow[]>();
  for (const row of rows) {
    if (row.record.assignmentId === null) {
      notes.push(`adapted_work ${row.record.id}: assignment_id unreadable, no ZIMA002 unit can be formed`);
      continue;
    }
    byAssignment.set(row.record.assignmentId, [...(byAssignment.get(row.record.assignmentId) ?? []), row]);
  }
  return [...byAssignment.entries()].sort(([a], [b]) => a - b);
}

/** One assignment's month: its rows in date order and the lines that belong to them. */
interface MonthCase {
  readonly person: BenefitsPerson;
  readonly frame: RunFrame;
  readonly assignmentId: number;
  readonly assignment: BenefitsAssignment | undefined;
  readonly month: YearMonth;
  readonly inMonth: readonly CheckedRow[];
  readonly performance: readonly CheckedLine<PerformanceLineRecord>[];
  readonly dayNatures: readonly CheckedLine<DayNatureRecord>[];
  /** "staff …, assignment …, month" for the notes. */
  readonly where: string;
}

/** What one month decides: the unit's outcome, the records it reports and the notes. */
interface MonthDecision {
  readonly outcome: UnitOutcome;
  readonly problems: RecordProblem[];
  readonly notes: string[];
}

function monthCase(
  input: CheckedInput,
  person: BenefitsPerson,
  frame: RunFrame,
  assignmentId: number,
  rows: readonly CheckedRow[],
  month: YearMonth,
): MonthCase | null {
  const monthRange = { start: firstDayOf(month), end: lastDayOf(month) };
  const inMonth = rows
    .filter((r) => overlaps(r.range, monthRange))
    .sort((a, b) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : a.record.id - b.record.id));
  if (inMonth.length === 0) return null;
  const rowIds = new Set(inMonth.map((r) => r.record.id));
  const linesOfMonth = <T extends { adaptedWorkId: number | null }>(lines: CheckedLine<T>[], monthOfLine: (l: T) => YearMonth | null) =>
    lines.filter(
      (l) =>
        l.record.adaptedWorkId !== null &&
        rowIds.has(l.record.adaptedWorkId) &&
        (monthOfLine(l.record) === month || monthOfLine(l.record) === null),
    );
  return {
    person,
    frame,
    assignmentId,
    assignment: person.assignments.get(assignmentId),
    month,
    inMonth,
    performance: linesOfMonth(input.performance, (l) => l.periodMonth),
    dayNatures: linesOfMonth(input.dayNatures, (l) => (l.day === null ? null : monthOf(l.day))),
    where: `staff ${person.staffId}, assignment ${assignmentId}, ${month}`,
  };
}

/** The first of the month's rows that overlaps the one before it (ADAPTED_WORK_OVERLAP), or null. */
function overlapProblem(inMonth: readonly CheckedRow[]): RecordProblem | null {
  const at = inMonth.findIndex((r, i) => i > 0 && (inMonth[i - 1].range.end === null || r.range.start <= inMonth[i - 1].range.end!));
  if (at <= 0) return null;
  const [prev, row] = [inMonth[at - 1], inMonth[at]];
  return {
    table: "adapted_work",
    recordId: String(row.record.id),
    field: "start_date",
    rule: "ADAPTED_WORK_OVERLAP",
    value: `${row.range.start} within adapted work ${prev.record.id} ${prev.range.start}..${prev.range.end ?? "open"}`,
  };
}

/** A row whose sub-risk differs from the month's first (SUB_RISK_CHANGES_IN_MONTH), or null. */
function subRiskChangeProblem(inMonth: readonly CheckedRow[]): RecordProblem | null {
  const row = inMonth.find((r) => r.record.subRisk !== inMonth[0].record.subRisk);
  if (!row) return null;
  return {
    table: "adapted_work",
    recordId: String(row.record.id),
    field: "sub_risk",
    rule: "SUB_RISK_CHANGES_IN_MONTH",
    value: `${row.record.subRisk} from ${row.range.start}, ${inMonth[0].record.subRisk} before (adapted work ${inMonth[0].record.id})`,
  };
}

/** A reference period outside the assignment's dates (ADAPTED_WORK_OUTSIDE_ASSIGNMENT), or null. */
function outsideAssignmentProblem(periodRanges: readonly PeriodRange[], occupation: OccupationFacts): RecordProblem | null {
  const outside = periodRanges.find((p) => p.start < occupation.startDate || (occupation.endDate !== null && p.end > occupation.endDate));
  if (!outside) return null;
  return {
    table: "adapted_work",
    recordId: String(outside.adaptedWorkId),
    field: "start_date",
    rule: "ADAPTED_WORK_OUTSIDE_ASSIGNMENT",
    value: `${outside.start}..${outside.end} outside assignment ${occupation.startDate}..${occupation.endDate ?? "open"}`,
  };
}

type PeriodRange = ReturnType<typeof referencePeriodRanges>[number];

/**
 * Step 3a: what stops the month before its form is built — too early for the sub-risk (not eligible), the
 * person, the assignment, a broken or overlapping row, a change of sub-risk, a man under maternity
 * protection, a period outside the assignment; else the occupation, sub-risk and reference periods.
 */
function monthGate(
  c: MonthCase,
  notes: string[],
):
  { readonly stop: UnitOutcome } | { readonly occupation: OccupationFacts; readonly subRisk: 1 | 2; readonly periodRanges: PeriodRange[] } {
  const codes = c.frame.parameters.benefitsCodes;
  const { inMonth } = c;
  // Months before the glossary's first reference day of the sub-risk are not declared at all.
  const subRisks = [...new Set(inMonth.map((r) => r.record.subRisk))];
  const firstDay = subRisks.length === 1 && subRisks[0] !== null ? codes.zima002FirstReferenceDay[subRisks[0]] : undefined;
  if (firstDay !== undefined && lastDayOf(c.month) < firstDay) {
    return {
      stop: {
        status: "not-eligible",
        reason: "BEFORE_ZIMA002_START",
        detail: `sub-risk ${subRisks[0]}: reference periods from ${firstDay}, month ${c.month}`,
        // Remembered: a later run decides the month again only when the sub-risk or the first day changes.
        fingerprint: `BEFORE_ZIMA002_START:${subRisks[0]}:${firstDay}`,
      },
    };
  }
  const checked = occupationOrStop(c.person, c.assignmentId, "adapted_work", inMonth[0].record.id);
  if ("stop" in checked) return checked;
  const brokenRow = inMonth.find((r) => r.problems.length > 0);
  const before = brokenRow?.problems[0] ?? overlapProblem(inMonth) ?? (subRisks.length > 1 ? subRiskChangeProblem(inMonth) : null);
  if (before) return { stop: rejected(before) };
  const subRisk = subRisks[0] as 1 | 2;
  if (subRisk === 2 && c.person.staff) {
    // D21: adapted work under maternity protection needs a woman's INSZ (anomaly 00024-008).
    const sex = checkSex(c.person.staff, "F", "ZIMA002 risk 002");
    if (sex.note) notes.push(`${c.where}: ${sex.note}`);
    if (sex.problem) return { stop: rejected(sex.problem) };
  }
  const periodRanges = referencePeriodRanges(
    inMonth.map((r) => ({ id: r.record.id, start: r.range.start, end: r.range.end })),
    c.month,
  );
  const outside = outsideAssignmentProblem(periodRanges, checked.occupation);
  if (outside) return { stop: rejected(outside) };
  return { occupation: checked.occupation, subRisk, periodRanges };
}

/** Step 3b: the lines of the block the sub-risk forbids are reported and left out; the form is the same without them. */
function forbiddenBlock(
  c: MonthCase,
  subRisk: 1 | 2,
  problems: RecordProblem[],
  notes: string[],
): readonly CheckedLine<{ readonly id: number }>[] {
  const [forbidden, declarable] = subRisk === 1 ? [c.dayNatures, c.performance] : [c.performance, c.dayNatures];
  const table = subRisk === 1 ? "day_nature" : "performance_line";
  for (const line of forbidden) {
    problems.push({
      table,
      recordId: String(line.record.id),
      field: "adapted_work_id",
      rule: "BLOCK_FORBIDDEN_FOR_SUB_RISK",
      value: `adapted work ${line.record.adaptedWorkId} has sub-risk ${subRisk}`,
    });
  }
  if (forbidden.length > 0)
    notes.push(
      `${c.where}: ${forbidden.length} ${subRisk === 1 ? "day-nature" : "performance"} line(s) not declared (forbidden for sub-risk ${subRisk})`,
    );
  return declarable;
}

/** A period's detail lines over the glossary's limit (TOO_MANY_DETAIL_LINES), or null. */
function tooManyLines(period: AdaptedWorkPeriod, month: YearMonth): RecordProblem | null {
  const where = `adapted work ${period.adaptedWorkId} ${month}`;
  if (period.dayNatures.length > ZIMA_LIMITS.dayNaturesMax)
    return {
      table: "day_nature",
      recordId: where,
      field: "day",
      rule: "TOO_MANY_DETAIL_LINES",
      value: `${period.dayNatures.length} > ${ZIMA_LIMITS.dayNaturesMax}`,
    };
  if (period.services.length > ZIMA_LIMITS.servicesMax)
    return {
      table: "performance_line",
      recordId: where,
      field: "performance_code",
      rule: "TOO_MANY_DETAIL_LINES",
      value: `${period.services.length} > ${ZIMA_LIMITS.servicesMax}`,
    };
  return null;
}

/** Step 3c: the reference periods with their services or day natures, their share of the pay, and the severance on the last. */
function referencePeriods(
  c: MonthCase,
  occupation: OccupationFacts,
  subRisk: 1 | 2,
  periodRanges: readonly PeriodRange[],
  pay: Extract<PayResult, { ok: true }>,
): AdaptedWorkPeriod[] {
  const codes = c.frame.parameters.benefitsCodes;
  const rowOf = (id: number) => c.inMonth.find((r) => r.record.id === id)!.record;
  const shares =
    subRisk === 2
      ? spreadPay(
          pay.exactWages,
          periodRanges.map((p) => ({ ...p, q: rowOf(p.adaptedWorkId).qHours!, s: rowOf(p.adaptedWorkId).sHours! })),
          outsidePeriods(occupation, periodRanges, c.month),
        )
      : [];
  return periodRanges.map((range, i) => {
    const row = rowOf(range.adaptedWorkId);
    const lines = <T extends { adaptedWorkId: number | null }>(of: readonly CheckedLine<T>[]) =>
      of.filter((l) => l.record.adaptedWorkId === row.id).map((l) => l.record);
    return {
      adaptedWorkId: row.id,
      start: range.start,
      end: range.end,
      adaptedQ: row.qHours!,
      adaptedDaysPerWeek: row.daysPerWeek!,
      services: subRisk === 1 ? servicesOf(lines(c.performance).filter((l) => l.periodMonth === c.month)) : [],
      dayNatures: subRisk === 2 ? dayNaturesOf(lines(c.dayNatures), range.start, range.end) : [],
      exactWages: subRisk === 2 ? (shares[i].length > 0 ? shares[i] : [{ code: codes.zeroPayWageCode, amount: ZERO_CENTS }]) : [],
      severance: i === periodRanges.length - 1 ? pay.severance : null,
    };
  });
}

/** Step 3: one assignment's month — gate, forbidden block, pay, reference periods — as one unit's outcome. */
function decideMonth(c: MonthCase): MonthDecision {
  const problems: RecordProblem[] = [];
  const notes: string[] = [];
  const done = (outcome: UnitOutcome): MonthDecision => {
    if (outcome.status === "rejected") problems.push(outcome.problem);
    return { outcome, problems, notes };
  };
  const gate = monthGate(c, notes);
  if ("stop" in gate) return done(gate.stop);
  const { occupation, subRisk, periodRanges } = gate;
  const declarable = forbiddenBlock(c, subRisk, problems, notes);
  const brokenLine = declarable.find((l) => l.problems.length > 0);
  if (brokenLine) return done(rejected(brokenLine.problems[0]));
  const pay = monthPay(c.person, c.assignment!, subRisk, c.month, c.frame);
  if (!pay.ok) return done(rejected(pay.problem));
  notes.push(...pay.notes.map((n) => `${c.where}: ${n}`));
  const periods = referencePeriods(c, occupation, subRisk, periodRanges, pay);
  const tooMany = periods.map((p) => tooManyLines(p, c.month)).findLast((p) => p !== null);
  if (tooMany) return done(rejected(tooMany));
  if (subRisk === 1 && periods.every((p) => p.services.length === 0))
    notes.push(`${c.where}: sub-risk 1 without performance lines: no service block`);
  if (subRisk === 2 && pay.exactWages.length > 0 && (periods.length > 1 || outsidePeriods(occupation, periodRanges, c.month).days > 0)) {
    notes.push(
      `${c.where}: the month's pay spread over the occupation's days by (Q / S) x calendar days, the reference periods' shares declared (D20, to be confirmed by the agency)`,
    );
  }
  const declaration = { formType: "ZIMA002", person: c.person.identity!, occupation, referencePeriod: c.month, subRisk, periods } as const;
  return done({ status: "declared", declaration });
}

/** The ZIMA002 units of a person: every assignment's months with adapted work, from the first benefits month to the run month. */
export function decideZima002(person: BenefitsPerson, frame: RunFrame): BenefitsFormResult {
  const months = monthsFromTo(frame.benefitsMonthsFrom, frame.runMonth);
  const input = checkInput(person, frame, months);
  const problems: RecordProblem[] = input.rows.flatMap((row) => row.problems);
  // Every broken line is reported; those of a unit's rows also reject that unit, the others concern no unit.
  for (const line of [...input.performance, ...input.dayNatures]) problems.push(...line.problems);
  const notes: string[] = [];
  const units: DecisionUnit[] = [];
  for (const [assignmentId, rows] of rowsByAssignment(input.rows, notes)) {
    for (const month of months) {
      const c = monthCase(input, person, frame, assignmentId, rows, month);
      if (c === null) continue;
      const decided = decideMonth(c);
      problems.push(...decided.problems);
      notes.push(...decided.notes);
      units.push({
        formType: "ZIMA002",
        staffId: person.staffId,
        assignmentId,
        context: c.assignment?.context ?? unknownAssignmentContext(assignmentId),
        referencePeriod: month,
        outcome: decided.outcome,
      });
    }
  }
  return { units, problems, notes };
}
