import type { QsRule } from "../../mappings/qs-rule";

export interface QAndS {
  /** Zone 00048 MeanWorkingHours, hundredths of hours. */
  readonly q: number;
  /** Zone 00049 RefMeanWorkingHours, hundredths of hours. */
  readonly s: number;
}

/** Q and S from a fraction given in hundredths (16/32 -> 1600, 3200), per domain.md D8. */
export function qAndS(numerator: number, denominator: number, rule: QsRule): QAndS {
  if (denominator <= rule.directDenominatorMax * 100) return { q: numerator, s: denominator };
  const s = rule.referenceHours;
  // round half up on exact integers: round(s * n / d) = floor((2 s n + d) / 2d)
  const q = Math.floor((2 * s * numerator + denominator) / (2 * denominator));
  return { q, s };
}
