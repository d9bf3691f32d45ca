/**
 * D20 (seed 002 §3.2, §3.6.2; agency to confirm): when a ZIMA002 month holds several reference periods,
 * each carries the gross of its assignment that belongs to it. The assignment's counted lines of the
 * month (the ZIMA002 list) are spread over all its occupation days in the month in proportion to
 * (Q / S) x calendar days — the adapted work's Q and S inside a reference period, the assignment's own
 * fraction outside — and only the reference periods' shares are declared; per wage code, in cents
 * rounded down, the rounding remainder of the declared total on the last period.
 */
import { dayCount } from "../domain/date-range";
import type { CalendarDate } from "../domain/calendar-date";
import type { Cents } from "../domain/money";
import { add, floorOf, multiply, rational, roundHalfUp, ZERO } from "../domain/rational";
import type { ExactWageLine } from "./decision-types";

/** A reference period with the Q and S (hundredths of hours) of its adapted work. */
export interface WeightedPeriod {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly q: number;
  readonly s: number;
}

/** The occupation's days of the month outside the reference periods, and its own fraction there. */
export interface OutsidePeriods {
  readonly days: number;
  readonly numerator: number;
  readonly denominator: number;
}

/** The exact wages of each period, in period order: per code its share; a period without any carries none (the form writes 001 = 0). */
export function spreadPay(wages: readonly ExactWageLine[], periods: readonly WeightedPeriod[], outside: OutsidePeriods): ExactWageLine[][] {
  const weights = periods.map((p) => (p.s === 0 ? ZERO : rational(p.q * dayCount(p), p.s)));
  const declaredWeight = weights.reduce(add, ZERO);
  const outsideWeight =
    outside.days === 0 || outside.denominator === 0 ? ZERO : rational(outside.numerator * outside.days, outside.denominator);
  const total = add(declaredWeight, outsideWeight);
  const result: ExactWageLine[][] = periods.map(() => []);
  if (total.num === 0n) return result;
  for (const wage of wages) {
    const amount = rational(wage.amount);
    let given = 0n;
    const declared = roundHalfUp(multiply(amount, rational(declaredWeight.num * total.den, declaredWeight.den * total.num)));
    weights.forEach((weight, i) => {
      const last = i === weights.length - 1;
      const share = last ? declared - given : floorOf(multiply(amount, rational(weight.num * total.den, weight.den * total.num)));
      given += share;
      if (share > 0n) result[i].push({ code: wage.code, amount: Number(share) as Cents });
    });
  }
  return result;
}
