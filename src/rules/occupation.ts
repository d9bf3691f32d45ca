/**
 * occupation(m) (domain.md D6): the mean, over the days of month m on which the person has at least
 * one assignment, of the sum of the fractions of the assignments in force that day. Exact rationals.
 */
import { dayCount, intersect, mergeRanges, type DateRange } from "../domain/date-range";
import { add, divide, multiply, rational, type Rational, ZERO } from "../domain/rational";
import { firstDayOf, lastDayOf, type YearMonth } from "../domain/year-month";

export interface FractionInForce {
  readonly range: DateRange;
  /** Fraction in hundredths: 700/2200 for 7/22. */
  readonly numerator: number;
  readonly denominator: number;
}

export interface MonthOccupation {
  /** Mean occupation over the occupied days; ZERO when no day is occupied. */
  readonly value: Rational;
  /** Days of the month with at least one assignment in force. */
  readonly occupiedDays: number;
}

export function monthOccupation(month: YearMonth, assignments: readonly FractionInForce[]): MonthOccupation {
  const monthRange = { start: firstDayOf(month), end: lastDayOf(month) };
  let weighted = ZERO;
  const occupied: DateRange[] = [];
  for (const assignment of assignments) {
    const inMonth = intersect(assignment.range, monthRange);
    if (!inMonth || inMonth.end === null) continue;
    const days = dayCount({ start: inMonth.start, end: inMonth.end });
    weighted = add(weighted, multiply(rational(assignment.numerator, assignment.denominator), rational(days)));
    occupied.push(inMonth);
  }
  const occupiedDays = mergeRanges(occupied).reduce((sum, r) => sum + dayCount({ start: r.start, end: r.end! }), 0);
  return { value: occupiedDays === 0 ? ZERO : divide(weighted, rational(occupiedDays)), occupiedDays };
}
