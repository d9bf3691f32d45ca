/**
 * gross(m) (domain.md D6/D7 as amended by D16): the person's counted pay for period m paid by the end of
 * the run month, all assignments and boards together, and its share per assignment. A line without an
 * assignment counts for the assignment with the largest fraction in force in m (lowest id on a tie).
 * Only the wage codes on the counted list are summed; the others are shown by code, never summed, and a
 * severance code flags the month.
 */
import { type Cents, sumCents, ZERO_CENTS } from "../domain/money";
import { compare, rational } from "../domain/rational";
import type { YearMonth } from "../domain/year-month";
import { isLinePaidInTime } from "./cut-off";
import type { PayByCode } from "./decision-types";
import type { CheckedAssignment, CheckedSalaryLine } from "./person-context";
import type { Wech006WageCodes } from "./rule-parameters";
import { wageCodeClass } from "./wage-codes";

export interface MonthGross {
  /** The counted pay of the month, every assignment together. */
  readonly total: Cents;
  /** The counted pay per assignment (after the allocation of lines without assignment). */
  readonly byAssignment: ReadonlyMap<number, Cents>;
  /** Assignments with at least one counted line for the month (D17: their pay is booked). */
  readonly paidAssignments: ReadonlySet<number>;
  /** Pay that is not counted, by code (not counted and severance codes), in code order. */
  readonly notCounted: readonly PayByCode[];
  /** A severance line lies in the month (D16: flagged for the operator). */
  readonly severance: boolean;
}

export function largestFractionAssignment(inForce: readonly CheckedAssignment[]): number | null {
  let best: CheckedAssignment | null = null;
  for (const a of inForce) {
    if (best === null) {
      best = a;
      continue;
    }
    const order = compare(rational(a.record.numerator!, a.record.denominator!), rational(best.record.numerator!, best.record.denominator!));
    if (order > 0 || (order === 0 && a.record.id < best.record.id)) best = a;
  }
  return best?.record.id ?? null;
}

/** Lines must be free of problems (an unknown wage code is one); `inForce` are the assignments with a known fraction in force in m. */
export function monthGross(
  month: YearMonth,
  runMonth: YearMonth,
  lines: readonly CheckedSalaryLine[],
  inForce: readonly CheckedAssignment[],
  codes: Wech006WageCodes,
): MonthGross {
  const byAssignment = new Map<number, Cents>();
  const paidAssignments = new Set<number>();
  const notCounted = new Map<string, Cents>();
  const fallback = largestFractionAssignment(inForce);
  let total = ZERO_CENTS;
  let severance = false;
  for (const { record } of lines) {
    if (record.periodMonth !== month || !isLinePaidInTime(record, runMonth)) continue;
    const kind = wageCodeClass(record.wageCode, codes);
    if (kind !== "counted") {
      severance ||= kind === "severance";
      notCounted.set(record.wageCode, sumCents([notCounted.get(record.wageCode) ?? ZERO_CENTS, record.gross!]));
      continue;
    }
    total = sumCents([total, record.gross!]);
    const target = record.assignmentId ?? fallback;
    if (target === null) continue;
    byAssignment.set(target, sumCents([byAssignment.get(target) ?? ZERO_CENTS, record.gross!]));
    paidAssignments.add(target);
  }
  const shown = [...notCounted.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, amount]) => ({ code, amount }));
  return { total, byAssignment, paidAssignments, notCounted: shown, severance };
}
