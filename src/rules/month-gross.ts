/**
 * gross(m) (domain.md D6/D7): the sum of the person's salary lines for period m paid by the end of the
 * run month, all assignments and boards together, and its share per assignment. A line without an
 * assignment counts for the assignment with the largest fraction in force in m (lowest id on a tie).
 */
import type { Cents } from "../domain/money";
import { compare, rational } from "../domain/rational";
import type { YearMonth } from "../domain/year-month";
import { isLinePaidInTime } from "./cut-off";
import type { CheckedAssignment, CheckedSalaryLine } from "./person-context";

export interface MonthGross {
  readonly total: Cents;
  readonly byAssignment: ReadonlyMap<number, Cents>;
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

/** Lines must be free of problems; `inForce` are the assignments with a known fraction in force in m. */
export function monthGross(month: YearMonth, runMonth: YearMonth, lines: readonly CheckedSalaryLine[], inForce: readonly CheckedAssignment[]): MonthGross {
  const byAssignment = new Map<number, Cents>();
  const fallback = largestFractionAssignment(inForce);
  let total = 0;
  for (const { record } of lines) {
    if (record.periodMonth !== month || !isLinePaidInTime(record, runMonth)) continue;
    total += record.gross!;
    const target = record.assignmentId ?? fallback;
    if (target !== null) byAssignment.set(target, (byAssignment.get(target) ?? 0) + record.gross!);
  }
  return { total, byAssignment };
}
