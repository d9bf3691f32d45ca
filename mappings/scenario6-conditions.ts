/**
 * When a notified person gets a monthly WECH006 declaration (domain.md D6): occupation below the
 * limit AND gross monthly salary below the threshold, both strictly. The agency edits this table, not
 * the code: add a line with the date from which a new threshold applies.
 */
export interface GrossThreshold {
  /** First day (YYYY-MM-DD) from which this threshold applies, for reference months starting on or after it. */
  readonly from: string;
  /** Threshold in euro cents. */
  readonly cents: number;
  /** Where the figure comes from. */
  readonly source: string;
}

export const grossThresholds: readonly GrossThreshold[] = [
  {
    from: "2017-09-01",
    cents: 160000,
    source: "circular e-ASR part-time unemployment (NO/2017/03): EUR 1600, a margin above the RVA's EUR 1531.93 of August 2017",
  },
];

/** Occupation limit as a percentage: WECH006 only when the mean occupation of the month is below it. */
export const occupationLimitPercent = 80;
