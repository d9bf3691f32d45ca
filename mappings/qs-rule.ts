/**
 * Factors Q (the worker's mean weekly hours) and S (the reference full-timer's), in hundredths of hours,
 * from an assignment fraction numerator/denominator (domain.md D8):
 * - denominator at most `directDenominatorMax` hours (lesson-hour fractions like 16/32, 7/22, 6/10):
 *   Q = numerator x 100, S = denominator x 100;
 * - otherwise (percentages like HO 50/100): S = `referenceHours`, Q = round(S x numerator / denominator).
 */
export const qsRule = {
  directDenominatorMax: 48,
  referenceHours: 3800,
} as const;

export type QsRule = typeof qsRule;
