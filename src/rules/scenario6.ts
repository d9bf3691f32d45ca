/**
 * Scenario 6, WECH006 (domain.md D6): run M declares, for every month m <= M that overlaps one of the
 * person's windows and was not declared before, one form per assignment in force in m (within the
 * window), when occupation(m) < limit AND gross(m) < threshold(m), strictly.
 */
import { maxDate, minDate } from "../domain/calendar-date";
import { type DateRange, intersect, overlaps } from "../domain/date-range";
import { formatEuro } from "../domain/money";
import type { RecordProblem } from "../domain/outcome-codes";
import { compare, rational, toPerMille } from "../domain/rational";
import { firstDayOf, lastDayOf, monthOf, monthsFromTo, type YearMonth } from "../domain/year-month";
import { isLinePaidInTime } from "./cut-off";
import { type DecisionUnit, type Scenario6Facts, unitKey } from "./decision-types";
import { thresholdCents } from "./gross-threshold";
import { monthGross } from "./month-gross";
import { monthOccupation } from "./occupation";
import { rejected } from "./outcome-builders";
import { MAX_FORM_AMOUNT } from "./record-validation";
import type { CheckedAssignment, PersonContext, RunFrame } from "./person-context";
import type { ScenarioResult } from "./scenario3";

function thresholdOrNull(month: YearMonth, frame: RunFrame): number | null {
  return frame.parameters.grossThresholds.some((t) => t.from <= firstDayOf(month)) ? thresholdCents(month, frame.parameters.grossThresholds) : null;
}

function formatPercent(perMille: number): string {
  return `${Math.floor(perMille / 10)}.${perMille % 10} %`;
}

/** Months m <= run month that overlap one of the windows. */
function windowMonths(person: PersonContext, runMonth: YearMonth): YearMonth[] {
  const months = new Set<YearMonth>();
  for (const window of person.windowResult.windows) {
    const last = monthOf(window.end) < runMonth ? monthOf(window.end) : runMonth;
    for (const m of monthsFromTo(monthOf(window.start), last)) months.add(m);
  }
  return [...months].sort();
}

/** The first day, within the month, of the windows that overlap the assignment. */
function windowStartIn(windowsInMonth: readonly DateRange[], a: CheckedAssignment): string {
  return windowsInMonth.filter((w) => overlaps(w, a.range!)).map((w) => w.start).sort()[0];
}

/** The last day, within the month, of the windows that overlap the assignment. */
function windowEndIn(windowsInMonth: readonly DateRange[], a: CheckedAssignment): string {
  return windowsInMonth.filter((w) => overlaps(w, a.range!)).map((w) => w.end!).sort().reverse()[0];
}

/** The problem that makes month m impossible to decide: unknown fraction or dates, a broken salary line, a negative total. */
function monthBlocker(person: PersonContext, month: YearMonth, runMonth: YearMonth, monthRange: { start: string; end: string }): RecordProblem | null {
  if (person.personProblem) return person.personProblem;
  for (const a of person.assignments) {
    if (!a.fractionKnown && (a.range === null || overlaps(a.range, monthRange))) return a.problems[0];
  }
  for (const line of person.salaryLines) {
    if (line.problems.length === 0) continue;
    const monthMatters = line.record.periodMonth === null || line.record.periodMonth === month;
    const paidMatters = line.record.paidOn === null || isLinePaidInTime(line.record, runMonth);
    if (monthMatters && paidMatters) return line.problems[0];
  }
  return null;
}

/**
 * `startRejections`: the problem that rejected an assignment's WECH003 in this run — its monthly forms
 * are rejected with it (scenario 6 only follows a scenario 3).
 */
export function decideScenario6(person: PersonContext, frame: RunFrame, startRejections: ReadonlyMap<number, RecordProblem> = new Map()): ScenarioResult {
  const units: DecisionUnit[] = [];
  let previouslyDeclared = 0;
  let previouslyDecided = 0;
  const limit = rational(frame.parameters.occupationLimitPercent, 100);
  for (const month of windowMonths(person, frame.runMonth)) {
    const monthRange = { start: firstDayOf(month), end: lastDayOf(month) };
    const windowsInMonth = person.windowResult.windows.map((w) => intersect(w, monthRange)).filter((r) => r !== null);
    const candidates = person.assignments.filter((a) => a.range !== null && windowsInMonth.some((w) => overlaps(w, a.range!)));
    const open: CheckedAssignment[] = [];
    for (const a of candidates) {
      if (frame.isPreviouslyDeclared(unitKey("WECH006", person.staffId, a.record.id, month))) previouslyDeclared++;
      else open.push(a);
    }
    if (open.length === 0) continue;
    const unit = (a: CheckedAssignment, outcome: DecisionUnit["outcome"]): DecisionUnit => ({
      formType: "WECH006",
      staffId: person.staffId,
      assignmentId: a.record.id,
      context: a.context,
      referenceMonth: month,
      outcome,
    });

    const blocker = monthBlocker(person, month, frame.runMonth, monthRange);
    if (blocker) {
      for (const a of open) units.push(unit(a, rejected(blocker)));
      continue;
    }
    const inForce = person.assignments.filter((a) => a.fractionKnown && a.range !== null && overlaps(a.range, monthRange));
    const occupation = monthOccupation(
      month,
      inForce.map((a) => ({ range: a.range!, numerator: a.record.numerator!, denominator: a.record.denominator! })),
    );
    const gross = monthGross(month, frame.runMonth, person.salaryLines, inForce);
    const threshold = thresholdOrNull(month, frame);
    if (threshold === null) {
      const problem: RecordProblem = { table: "mappings", recordId: "scenario6-conditions", field: "grossThresholds", rule: "NO_THRESHOLD_FOR_MONTH", value: month };
      for (const a of open) units.push(unit(a, rejected(problem)));
      continue;
    }
    const facts: Scenario6Facts = {
      occupationPerMille: toPerMille(occupation.value),
      occupiedDays: occupation.occupiedDays,
      occupationLimitPercent: frame.parameters.occupationLimitPercent,
      monthGross: gross.total,
      threshold,
    };
    if (gross.total < 0) {
      const problem: RecordProblem = { table: "salary_line", recordId: `staff ${person.staffId} ${month}`, field: "gross_amount", rule: "NEGATIVE_MONTH_TOTAL", value: formatEuro(gross.total) };
      for (const a of open) units.push(unit(a, rejected(problem)));
      continue;
    }
    const notEligible = (a: CheckedAssignment, reason: "OCCUPATION_AT_OR_ABOVE_LIMIT" | "GROSS_AT_OR_ABOVE_THRESHOLD", detail: string): void => {
      const fingerprint = `${reason}|${facts.occupationPerMille}/${facts.occupiedDays}|${facts.occupationLimitPercent}|${facts.monthGross}|${facts.threshold}`;
      if (frame.previousFingerprint(unitKey("WECH006", person.staffId, a.record.id, month)) === fingerprint) previouslyDecided++;
      else units.push(unit(a, { status: "not-eligible", reason, detail, facts, fingerprint }));
    };
    for (const a of open) {
      if (compare(occupation.value, limit) >= 0) {
        notEligible(a, "OCCUPATION_AT_OR_ABOVE_LIMIT", `occupation ${formatPercent(facts.occupationPerMille)} >= ${facts.occupationLimitPercent} %`);
      } else if (gross.total >= threshold) {
        notEligible(a, "GROSS_AT_OR_ABOVE_THRESHOLD", `gross ${formatEuro(gross.total)} >= ${formatEuro(threshold)}`);
      } else if (a.problems.length > 0 || a.facts === null) {
        units.push(unit(a, rejected(a.problems[0])));
      } else if (startRejections.has(a.record.id)) {
        const cause = startRejections.get(a.record.id)!;
        units.push(unit(a, rejected({ ...cause, rule: "START_OF_PART_TIME_WORK_REJECTED", value: `${cause.rule}: ${cause.value}` })));
      } else if ((gross.byAssignment.get(a.record.id) ?? 0) > MAX_FORM_AMOUNT) {
        const amount = gross.byAssignment.get(a.record.id)!;
        units.push(
          unit(a, rejected({ table: "salary_line", recordId: `assignment ${a.record.id} ${month}`, field: "gross_amount", rule: "AMOUNT_TOO_LARGE", value: formatEuro(amount) })),
        );
      } else if ((gross.byAssignment.get(a.record.id) ?? 0) < 0) {
        const amount = gross.byAssignment.get(a.record.id)!;
        units.push(
          unit(
            a,
            rejected({ table: "salary_line", recordId: `assignment ${a.record.id} ${month}`, field: "gross_amount", rule: "NEGATIVE_ASSIGNMENT_AMOUNT", value: formatEuro(amount) }),
          ),
        );
      } else {
        units.push(
          unit(a, {
            status: "declared",
            declaration: {
              formType: "WECH006",
              person: person.identity!,
              occupation: a.facts,
              referenceMonth: month,
              // The occupation within the month, from the window's start when the notification starts later.
              occupationStartingDate: maxDate(maxDate(a.range!.start, monthRange.start), windowStartIn(windowsInMonth, a)),
              occupationEndingDate: minDate(a.range!.end === null ? monthRange.end : minDate(a.range!.end, monthRange.end), windowEndIn(windowsInMonth, a)),
              exactSalary: gross.byAssignment.get(a.record.id) ?? 0,
              facts,
            },
          }),
        );
      }
    }
  }
  return { units, previouslyDeclared, previouslyDecided };
}
