/**
 * Scenario 6, WECH006 (domain.md D6, amended by D15-D19): run M declares, for every month m <= M that
 * overlaps one of the person's windows and was not declared before, one form per occupation in force in
 * m (within the window), when occupation(m) < limit AND gross(m) < threshold(m), strictly.
 * - D16: gross(m) counts only the counted wage codes; threshold(m) never below the RVA limit;
 * - D17: a month whose pay is not booked for every assignment in force waits (WAITING_FOR_PAY) until the
 *   run of m + N, which decides it with what is known (DECLARED_WITHOUT_PAY), or until an operator releases it;
 * - D18: months of windows older than the look-back limit are not eligible WINDOW_TOO_OLD;
 * - D19: occupations, dates, 00769 (month-occupations.ts); the window never cuts the occupation;
 * - D15: Q = S over the whole month is not eligible FULL_TIME_ASSIGNMENT.
 */
import { type DateRange, intersect, overlaps } from "../domain/date-range";
import { formatEuro } from "../domain/money";
import type { RecordProblem } from "../domain/outcome-codes";
import { compare, type Rational, rational, toPerMille } from "../domain/rational";
import { firstDayOf, lastDayOf, monthOf, monthsAfter, monthsFromTo, type YearMonth } from "../domain/year-month";
import { isLinePaidInTime } from "./cut-off";
import { type DecisionUnit, type Scenario6Facts, unitKey } from "./decision-types";
import { monthThreshold } from "./gross-threshold";
import { type MonthGross, monthGross } from "./month-gross";
import { monthOccupation } from "./occupation";
import { occupationUnits } from "./scenario6-occupation";
import { rejected } from "./outcome-builders";
import type { CheckedAssignment, PersonContext, RunFrame } from "./person-context";
import type { ScenarioResult } from "./scenario3";
import { isWindowTooOld, tooOldDetail, windowLookbackLimit } from "./window-age";

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

/** The problem that makes month m impossible to decide: unknown fraction or dates, a broken salary line (an unknown wage code is one). */
function monthBlocker(person: PersonContext, month: YearMonth, runMonth: YearMonth, monthRange: DateRange): RecordProblem | null {
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

/** Everything the month's units are judged on. */
export interface MonthJudgement {
  readonly month: YearMonth;
  /** occupation(m), exact. */
  readonly occupation: Rational;
  readonly facts: Scenario6Facts;
  readonly gross: MonthGross;
  /** D17: assignments in force without counted pay, and whether the month is decided anyway. */
  readonly withoutPay: readonly number[];
  readonly released: boolean;
}

function judgeMonth(person: PersonContext, month: YearMonth, frame: RunFrame): MonthJudgement | RecordProblem {
  const monthRange = { start: firstDayOf(month), end: lastDayOf(month) };
  const inForce = person.assignments.filter((a) => a.fractionKnown && a.range !== null && overlaps(a.range, monthRange));
  const occupation = monthOccupation(
    month,
    inForce.map((a) => ({ range: a.range!, numerator: a.record.numerator!, denominator: a.record.denominator! })),
  );
  const gross = monthGross(month, frame.runMonth, person.salaryLines, inForce, frame.parameters.wech006WageCodes);
  const threshold = monthThreshold(month, frame.parameters.grossThresholds, frame.parameters.rvaWageLimits);
  if (threshold === null)
    return { table: "mappings", recordId: "scenario6-conditions", field: "grossThresholds", rule: "NO_THRESHOLD_FOR_MONTH", value: month };
  if (gross.total < 0) {
    return {
      table: "salary_line",
      recordId: `staff ${person.staffId} ${month}`,
      field: "gross_amount",
      rule: "NEGATIVE_MONTH_TOTAL",
      value: formatEuro(gross.total),
    };
  }
  const withoutPay = inForce.map((a) => a.record.id).filter((id) => !gross.paidAssignments.has(id));
  const facts: Scenario6Facts = {
    occupationPerMille: toPerMille(occupation.value),
    occupiedDays: occupation.occupiedDays,
    occupationLimitPercent: frame.parameters.occupationLimitPercent,
    monthGross: gross.total,
    threshold: threshold.cents,
    ...(threshold.raisedToRvaLimit ? { agencyThreshold: threshold.agency } : {}),
    ...(gross.notCounted.length > 0 ? { notCounted: gross.notCounted } : {}),
    ...(withoutPay.length > 0 ? { withoutPay } : {}),
  };
  return { month, occupation: occupation.value, facts, gross, withoutPay, released: frame.isReleased(person.staffId, month) };
}

/** The month-level reason against every open unit (occupation, gross), or null. */
function monthReason(
  judgement: MonthJudgement,
  frame: RunFrame,
): { reason: "OCCUPATION_AT_OR_ABOVE_LIMIT" | "GROSS_AT_OR_ABOVE_THRESHOLD"; detail: string } | null {
  const { facts } = judgement;
  if (compare(judgement.occupation, rational(frame.parameters.occupationLimitPercent, 100)) >= 0) {
    return {
      reason: "OCCUPATION_AT_OR_ABOVE_LIMIT",
      detail: `occupation ${formatPercent(facts.occupationPerMille)} >= ${facts.occupationLimitPercent} %`,
    };
  }
  if (facts.monthGross >= facts.threshold)
    return { reason: "GROSS_AT_OR_ABOVE_THRESHOLD", detail: `gross ${formatEuro(facts.monthGross)} >= ${formatEuro(facts.threshold)}` };
  return null;
}

/**
 * `startRejections`: the problem that rejected an assignment's WECH003 in this run — its monthly forms
 * are rejected with it (scenario 6 only follows a scenario 3).
 */
export function decideScenario6(
  person: PersonContext,
  frame: RunFrame,
  startRejections: ReadonlyMap<number, RecordProblem> = new Map(),
): ScenarioResult {
  const units: DecisionUnit[] = [];
  let previouslyDeclared = 0;
  let previouslyDecided = 0;
  const limit = windowLookbackLimit(frame.runMonth, frame.parameters.windowLookbackMonths);
  for (const month of windowMonths(person, frame.runMonth)) {
    const monthRange = { start: firstDayOf(month), end: lastDayOf(month) };
    const windowsInMonth = person.windowResult.windows.filter((w) => overlaps(w, monthRange));
    const windowDays = windowsInMonth.map((w) => intersect(w, monthRange)).filter((r) => r !== null);
    const candidates = person.assignments.filter((a) => a.range !== null && windowDays.some((w) => overlaps(w, a.range!)));
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
      referencePeriod: month,
      outcome,
    });
    const remembered = (a: CheckedAssignment, fingerprint: string): boolean => {
      const same = frame.previousFingerprint(unitKey("WECH006", person.staffId, a.record.id, month)) === fingerprint;
      if (same) previouslyDecided++;
      return same;
    };
    if (windowsInMonth.every((w) => isWindowTooOld(w, limit))) {
      const old = tooOldDetail(windowsInMonth[windowsInMonth.length - 1], limit);
      for (const a of open)
        if (!remembered(a, old.fingerprint))
          units.push(unit(a, { status: "not-eligible", reason: "WINDOW_TOO_OLD", detail: old.detail, fingerprint: old.fingerprint }));
      continue;
    }
    const blocker = monthBlocker(person, month, frame.runMonth, monthRange);
    const judgement = blocker ?? judgeMonth(person, month, frame);
    if ("rule" in judgement) {
      for (const a of open) units.push(unit(a, rejected(judgement)));
      continue;
    }
    const { facts } = judgement;
    const against = monthReason(judgement, frame);
    if (against) {
      const fingerprint = `${against.reason}|${facts.occupationPerMille}/${facts.occupiedDays}|${facts.occupationLimitPercent}|${facts.monthGross}|${facts.threshold}`;
      for (const a of open)
        if (!remembered(a, fingerprint))
          units.push(unit(a, { status: "not-eligible", reason: against.reason, detail: against.detail, facts, fingerprint }));
      continue;
    }
    const waited = monthsAfter(month, frame.runMonth);
    if (judgement.withoutPay.length > 0 && waited < frame.parameters.waitForPayMonths && !judgement.released) {
      const detail = `no counted pay for ${month} yet on assignment(s) ${judgement.withoutPay.join(", ")}: waited ${waited} of ${frame.parameters.waitForPayMonths} month(s)`;
      for (const a of open) units.push(unit(a, { status: "waiting", reason: "WAITING_FOR_PAY", detail, facts, waitedMonths: waited }));
      continue;
    }
    units.push(...occupationUnits(person, open, judgement, frame, startRejections, { unit, remembered }));
  }
  return { units, previouslyDeclared, previouslyDecided };
}
