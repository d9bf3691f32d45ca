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
import type { BenefitsCodes } from "../../mappings/benefits-codes";
import { addCalendarMonths, addDays, type CalendarDate, daysBetween, maxDate, minDate } from "../domain/calendar-date";
import { type DateRange, dayCount, overlaps } from "../domain/date-range";
import type { AdaptedWorkRecord, DayNatureRecord, PerformanceLineRecord } from "../domain/ministry-records";
import { formatEuro, type Cents, sumCents, ZERO_CENTS } from "../domain/money";
import type { RecordProblem } from "../domain/outcome-codes";
import { firstDayOf, lastDayOf, monthOf, monthsFromTo, type YearMonth } from "../domain/year-month";
import type { BenefitsAssignment, BenefitsFormResult, BenefitsPerson } from "./benefits-person";
import { benefitsAssignmentCheck, unknownAssignmentContext } from "./benefits-person";
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

/** The month's pay of the assignment: exact wages per code (sub-risk 2) and the severance block (both sub-risks). */
function monthPay(person: BenefitsPerson, assignment: BenefitsAssignment, subRisk: 1 | 2, month: YearMonth, frame: RunFrame): PayResult {
  const codes = frame.parameters.benefitsCodes;
  const id = assignment.record.id;
  const notes: string[] = [];
  const relevant = person.salaryLines.filter(
    (l) =>
      (l.record.assignmentId === id || (l.record.assignmentId === null && l.problems.some((p) => p.field === "assignment_id"))) &&
      (l.record.periodMonth === month || l.record.periodMonth === null) &&
      (l.record.paidOn === null || isLinePaidInTime(l.record, frame.runMonth)),
  );
  // Sub-risk 1 declares no wages: only a severance line (or one whose code is unknown) matters.
  const matters = (code: string) => subRisk === 2 || code === "" || wageCodeKind(code, codes) === "severance";
  const broken = relevant.find((l) => l.problems.length > 0 && matters(l.record.wageCode));
  if (broken) return { ok: false, problem: broken.problems[0] };
  const lines = relevant.filter((l) => l.record.assignmentId === id && l.record.periodMonth === month).map((l) => l.record);

  const exact = new Map<string, Cents>();
  const excluded = new Set<string>();
  let severanceSum: Cents | null = null;
  for (const line of lines) {
    const kind = wageCodeKind(line.wageCode, codes);
    if (kind === "severance") severanceSum = sumCents([severanceSum ?? ZERO_CENTS, line.gross!]);
    else if (subRisk === 1) continue;
    else if (kind === "not-allowed") return { ok: false, problem: wageCodeProblem(line) };
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
    const recordId = `assignment ${id} ${month} wage code ${code}`;
    if (amount < 0)
      return {
        ok: false,
        problem: { table: "salary_line", recordId, field: "gross_amount", rule: "NEGATIVE_ASSIGNMENT_AMOUNT", value: formatEuro(amount) },
      };
    if (amount > MAX_FORM_AMOUNT)
      return {
        ok: false,
        problem: { table: "salary_line", recordId, field: "gross_amount", rule: "AMOUNT_TOO_LARGE", value: formatEuro(amount) },
      };
    // Zone 00124 allows 0 only with code 001: a code whose lines cancel out is left out.
    if (amount > 0) exactWages.push({ code, amount });
  }
  if (subRisk === 2 && exactWages.length === 0) exactWages.push({ code: codes.zeroPayWageCode, amount: ZERO_CENTS });

  let severance: SeverancePay | null = null;
  if (severanceSum !== null) {
    const recordId = `assignment ${id} ${month} severance`;
    if (severanceSum < 0)
      return {
        ok: false,
        problem: {
          table: "salary_line",
          recordId,
          field: "gross_amount",
          rule: "NEGATIVE_ASSIGNMENT_AMOUNT",
          value: formatEuro(severanceSum),
        },
      };
    if (severanceSum > ZIMA_LIMITS.severanceAmountMax)
      return {
        ok: false,
        problem: { table: "salary_line", recordId, field: "gross_amount", rule: "AMOUNT_TOO_LARGE", value: formatEuro(severanceSum) },
      };
    if (severanceSum === 0) {
      notes.push(`severance lines (codes ${codes.severanceWageCodes.join(", ")}) sum to 0: no severance block`);
    } else {
      const record = assignment.record;
      if (record.endDate === null) {
        return {
          ok: false,
          problem: {
            table: "assignment",
            recordId: String(id),
            field: "end_date",
            rule: "SEVERANCE_WITHOUT_END_DATE",
            value: `NULL, severance ${formatEuro(severanceSum)}`,
          },
        };
      }
      if (assignment.salaryProblems.length > 0) return { ok: false, problem: assignment.salaryProblems[0] };
      if (record.monthlySalary === null || record.monthlySalary <= 0) {
        return {
          ok: false,
          problem: {
            table: "assignment",
            recordId: String(id),
            field: "monthly_salary",
            rule: "THEORETICAL_SALARY_MISSING",
            value: "NULL",
          },
        };
      }
      severance = { ...severancePeriod(record.endDate, severanceSum, record.monthlySalary), amount: severanceSum };
      notes.push(
        `severance ${formatEuro(severanceSum)} covers ${severance.start}..${severance.end} (amount / monthly_salary ${formatEuro(record.monthlySalary)} from the day after the contract's end; to be confirmed by the agency)`,
      );
    }
  }
  return { ok: true, exactWages, severance, notes };
}

export function decideZima002(person: BenefitsPerson, frame: RunFrame): BenefitsFormResult {
  const codes: BenefitsCodes = frame.parameters.benefitsCodes;
  const units: DecisionUnit[] = [];
  const problems: RecordProblem[] = [];
  const notes: string[] = [];
  const scope: DateRange = { start: firstDayOf(frame.benefitsMonthsFrom), end: lastDayOf(frame.runMonth) };
  const months = monthsFromTo(frame.benefitsMonthsFrom, frame.runMonth);

  const rows: CheckedRow[] = person.adaptedWork
    .map((record) => ({ record, problems: adaptedWorkProblems(record, codes), range: rowRange(record, scope.start) }))
    .filter((row) => overlaps(row.range, scope));
  for (const row of rows) problems.push(...row.problems);
  const rowsById = new Map(person.adaptedWork.map((r) => [r.id, { record: r, range: rowRange(r, scope.start) }]));
  const adaptedWorkIds = new Set(rowsById.keys());

  // Lines of the months in scope (or of an unreadable month), with their own problems and whether they lie in their row's dates.
  const monthInScope = (m: YearMonth | null) => m === null || months.includes(m);
  const performance: CheckedLine<PerformanceLineRecord>[] = person.performanceLines
    .filter((l) => monthInScope(l.periodMonth))
    .map((record) => {
      const found = performanceLineProblems(record, adaptedWorkIds);
      const row = record.adaptedWorkId === null ? undefined : rowsById.get(record.adaptedWorkId);
      if (
        row &&
        record.periodMonth !== null &&
        !overlaps(row.range, { start: firstDayOf(record.periodMonth), end: lastDayOf(record.periodMonth) })
      ) {
        found.push({
          table: "performance_line",
          recordId: String(record.id),
          field: "period_month",
          rule: "OUTSIDE_ADAPTED_WORK",
          value: `${record.periodMonth}, adapted work ${row.record.id} ${row.range.start}..${row.range.end ?? "open"}`,
        });
      }
      return { record, problems: found };
    });
  const dayNatures: CheckedLine<DayNatureRecord>[] = person.dayNatures
    .filter((l) => monthInScope(l.day === null ? null : monthOf(l.day)))
    .map((record) => {
      const found = dayNatureProblems(record, adaptedWorkIds, codes);
      const row = record.adaptedWorkId === null ? undefined : rowsById.get(record.adaptedWorkId);
      if (row && record.day !== null && !overlaps(row.range, { start: record.day, end: record.day })) {
        found.push({
          table: "day_nature",
          recordId: String(record.id),
          field: "day",
          rule: "OUTSIDE_ADAPTED_WORK",
          value: `${record.day}, adapted work ${row.record.id} ${row.range.start}..${row.range.end ?? "open"}`,
        });
      }
      return { record, problems: found };
    });
  // Every broken line is reported; those of a unit's rows also reject that unit (below), the others concern no unit.
  for (const line of [...performance, ...dayNatures]) problems.push(...line.problems);

  const byAssignment = new Map<number, CheckedRow[]>();
  for (const row of rows) {
    if (row.record.assignmentId === null) {
      notes.push(`adapted_work ${row.record.id}: assignment_id unreadable, no ZIMA002 unit can be formed`);
      continue;
    }
    byAssignment.set(row.record.assignmentId, [...(byAssignment.get(row.record.assignmentId) ?? []), row]);
  }

  for (const [assignmentId, assignmentRows] of [...byAssignment.entries()].sort(([a], [b]) => a - b)) {
    const assignment = person.assignments.get(assignmentId);
    for (const month of months) {
      const monthRange = { start: firstDayOf(month), end: lastDayOf(month) };
      const inMonth = assignmentRows
        .filter((r) => overlaps(r.range, monthRange))
        .sort((a, b) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : a.record.id - b.record.id));
      if (inMonth.length === 0) continue;
      const where = `staff ${person.staffId}, assignment ${assignmentId}, ${month}`;
      const unit = (outcome: DecisionUnit["outcome"]): DecisionUnit => ({
        formType: "ZIMA002",
        staffId: person.staffId,
        assignmentId,
        context: assignment?.context ?? unknownAssignmentContext(assignmentId),
        referencePeriod: month,
        outcome,
      });
      const reject = (problem: RecordProblem): void => {
        problems.push(problem);
        units.push(unit(rejected(problem)));
      };
      const rowIds = new Set(inMonth.map((r) => r.record.id));
      const linesOfMonth = <T extends { adaptedWorkId: number | null }>(lines: CheckedLine<T>[], monthOfLine: (l: T) => YearMonth | null) =>
        lines.filter(
          (l) =>
            l.record.adaptedWorkId !== null &&
            rowIds.has(l.record.adaptedWorkId) &&
            (monthOfLine(l.record) === month || monthOfLine(l.record) === null),
        );
      const monthPerformance = linesOfMonth(performance, (l) => l.periodMonth);
      const monthDayNatures = linesOfMonth(dayNatures, (l) => (l.day === null ? null : monthOf(l.day)));

      // Months before the glossary's first reference day of the sub-risk are not declared at all.
      const subRisks = [...new Set(inMonth.map((r) => r.record.subRisk))];
      const firstDay = subRisks.length === 1 && subRisks[0] !== null ? codes.zima002FirstReferenceDay[subRisks[0]] : undefined;
      if (firstDay !== undefined && monthRange.end < firstDay) {
        units.push(
          unit({
            status: "not-eligible",
            reason: "BEFORE_ZIMA002_START",
            detail: `sub-risk ${subRisks[0]}: reference periods from ${firstDay}, month ${month}`,
            // Remembered: a later run decides the month again only when the sub-risk or the first day changes.
            fingerprint: `BEFORE_ZIMA002_START:${subRisks[0]}:${firstDay}`,
          }),
        );
        continue;
      }
      if (person.personProblem) {
        reject(person.personProblem);
        continue;
      }
      if (!assignment) {
        reject({
          table: "adapted_work",
          recordId: String(inMonth[0].record.id),
          field: "assignment_id",
          rule: "UNKNOWN_ASSIGNMENT",
          value: String(assignmentId),
        });
        continue;
      }
      const checked = benefitsAssignmentCheck(assignment);
      if (!("facts" in checked)) {
        if ("problem" in checked) reject(checked.problem);
        else units.push(unit(checked.notEligible));
        continue;
      }
      const brokenRow = inMonth.find((r) => r.problems.length > 0);
      if (brokenRow) {
        reject(brokenRow.problems[0]);
        continue;
      }
      const overlap = inMonth.findIndex(
        (r, i) => i > 0 && (inMonth[i - 1].range.end === null || r.range.start <= inMonth[i - 1].range.end!),
      );
      if (overlap > 0) {
        const prev = inMonth[overlap - 1];
        const row = inMonth[overlap];
        reject({
          table: "adapted_work",
          recordId: String(row.record.id),
          field: "start_date",
          rule: "ADAPTED_WORK_OVERLAP",
          value: `${row.range.start} within adapted work ${prev.record.id} ${prev.range.start}..${prev.range.end ?? "open"}`,
        });
        continue;
      }
      if (subRisks.length > 1) {
        const row = inMonth.find((r) => r.record.subRisk !== inMonth[0].record.subRisk)!;
        reject({
          table: "adapted_work",
          recordId: String(row.record.id),
          field: "sub_risk",
          rule: "SUB_RISK_CHANGES_IN_MONTH",
          value: `${row.record.subRisk} from ${row.range.start}, ${inMonth[0].record.subRisk} before (adapted work ${inMonth[0].record.id})`,
        });
        continue;
      }
      const subRisk = subRisks[0] as 1 | 2;
      if (subRisk === 2 && person.staff) {
        // D21: adapted work under maternity protection needs a woman's INSZ (anomaly 00024-008).
        const sex = checkSex(person.staff, "F", "ZIMA002 risk 002");
        if (sex.note) notes.push(`${where}: ${sex.note}`);
        if (sex.problem) {
          reject(sex.problem);
          continue;
        }
      }
      const periodRanges = referencePeriodRanges(
        inMonth.map((r) => ({ id: r.record.id, start: r.range.start, end: r.range.end })),
        month,
      );
      const occupation = checked.facts;
      const outside = periodRanges.find(
        (p) => p.start < occupation.startDate || (occupation.endDate !== null && p.end > occupation.endDate),
      );
      if (outside) {
        reject({
          table: "adapted_work",
          recordId: String(outside.adaptedWorkId),
          field: "start_date",
          rule: "ADAPTED_WORK_OUTSIDE_ASSIGNMENT",
          value: `${outside.start}..${outside.end} outside assignment ${occupation.startDate}..${occupation.endDate ?? "open"}`,
        });
        continue;
      }

      // The block the sub-risk forbids: its rows are reported and left out; the form is the same without them.
      const [forbidden, declarable] = subRisk === 1 ? [monthDayNatures, monthPerformance] : [monthPerformance, monthDayNatures];
      for (const line of forbidden) {
        const table = subRisk === 1 ? "day_nature" : "performance_line";
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
          `${where}: ${forbidden.length} ${subRisk === 1 ? "day-nature" : "performance"} line(s) not declared (forbidden for sub-risk ${subRisk})`,
        );
      const brokenLine = declarable.find((l) => l.problems.length > 0);
      if (brokenLine) {
        reject(brokenLine.problems[0]);
        continue;
      }
      const pay = monthPay(person, assignment, subRisk, month, frame);
      if (!pay.ok) {
        reject(pay.problem);
        continue;
      }
      notes.push(...pay.notes.map((n) => `${where}: ${n}`));

      const rowOf = (id: number) => inMonth.find((r) => r.record.id === id)!.record;
      const shares =
        subRisk === 2
          ? spreadPay(
              pay.exactWages,
              periodRanges.map((p) => ({ ...p, q: rowOf(p.adaptedWorkId).qHours!, s: rowOf(p.adaptedWorkId).sHours! })),
              outsidePeriods(occupation, periodRanges, month),
            )
          : [];
      const periods: AdaptedWorkPeriod[] = [];
      let tooMany: RecordProblem | null = null;
      for (const [i, range] of periodRanges.entries()) {
        const row = rowOf(range.adaptedWorkId);
        const last = i === periodRanges.length - 1;
        const services =
          subRisk === 1
            ? servicesOf(
                monthPerformance.filter((l) => l.record.adaptedWorkId === row.id && l.record.periodMonth === month).map((l) => l.record),
              )
            : [];
        const days =
          subRisk === 2
            ? dayNaturesOf(
                monthDayNatures.filter((l) => l.record.adaptedWorkId === row.id).map((l) => l.record),
                range.start,
                range.end,
              )
            : [];
        if (services.length > ZIMA_LIMITS.servicesMax)
          tooMany = {
            table: "performance_line",
            recordId: `adapted work ${row.id} ${month}`,
            field: "performance_code",
            rule: "TOO_MANY_DETAIL_LINES",
            value: `${services.length} > ${ZIMA_LIMITS.servicesMax}`,
          };
        if (days.length > ZIMA_LIMITS.dayNaturesMax)
          tooMany = {
            table: "day_nature",
            recordId: `adapted work ${row.id} ${month}`,
            field: "day",
            rule: "TOO_MANY_DETAIL_LINES",
            value: `${days.length} > ${ZIMA_LIMITS.dayNaturesMax}`,
          };
        periods.push({
          adaptedWorkId: row.id,
          start: range.start,
          end: range.end,
          adaptedQ: row.qHours!,
          adaptedDaysPerWeek: row.daysPerWeek!,
          services,
          dayNatures: days,
          exactWages: subRisk === 2 ? (shares[i].length > 0 ? shares[i] : [{ code: codes.zeroPayWageCode, amount: ZERO_CENTS }]) : [],
          severance: last ? pay.severance : null,
        });
      }
      if (tooMany) {
        reject(tooMany);
        continue;
      }
      if (subRisk === 1 && periods.every((p) => p.services.length === 0))
        notes.push(`${where}: sub-risk 1 without performance lines: no service block`);
      if (subRisk === 2 && pay.exactWages.length > 0 && (periods.length > 1 || outsidePeriods(occupation, periodRanges, month).days > 0)) {
        notes.push(
          `${where}: the month's pay spread over the occupation's days by (Q / S) x calendar days, the reference periods' shares declared (D20, to be confirmed by the agency)`,
        );
      }
      units.push(
        unit({
          status: "declared",
          declaration: { formType: "ZIMA002", person: person.identity!, occupation, referencePeriod: month, subRisk, periods },
        }),
      );
    }
  }
  return { units, problems, notes };
}
