/**
 * When a notified person gets a monthly WECH006 declaration (domain.md D6, amended by D16-D18):
 * occupation below the limit AND gross monthly salary below the threshold, both strictly. The agency
 * edits these tables, not the code: add a line with the date from which a new figure applies.
 */
export interface GrossThreshold {
  /** First day (YYYY-MM-DD) from which this threshold applies, for reference months starting on or after it. */
  readonly from: string;
  /** Threshold in euro cents. */
  readonly cents: number;
  /** Where the figure comes from. */
  readonly source: string;
}

/**
 * The agency's own threshold (seed 004 §4: EUR 1600, "a margin above the RVA limit"). The threshold
 * used for month m is the higher of this figure and the RVA limit in force (D16): when the agency's
 * figure is the lower, the run says so in its output.
 */
export const grossThresholds: readonly GrossThreshold[] = [
  {
    from: "2017-09-01",
    cents: 160000,
    source: "circular e-ASR part-time unemployment (NO/2017/03): EUR 1600, a margin above the RVA's EUR 1531.93 of August 2017",
  },
];

/**
 * The RVA's own wage limit of the income-guarantee allowance (IGU) by date, as far as known (domain.md
 * rule 14): the threshold never drops below it, so that nobody the RVA may pay is left out (D16).
 * "2024-05-01" is the date of the RVA page that gives EUR 2070.48 ("laatste update 01.05.2024"): the
 * figure may have applied earlier; the agency corrects the date when it knows it.
 */
export const rvaWageLimits: readonly GrossThreshold[] = [
  { from: "2017-08-01", cents: 153193, source: "seed 004 (circular NO/2017/03): the RVA limit of August 2017, EUR 1531.93" },
  { from: "2022-01-01", cents: 169140, source: "ACLVB on the IGU: EUR 1691.40 from 1 January 2022" },
  { from: "2024-05-01", cents: 207048, source: "RVA sheet T70 (last update 01.05.2024): EUR 2070.48" },
];

/** Occupation limit as a percentage: WECH006 only when the mean occupation of the month is below it. */
export const occupationLimitPercent = 80;

/**
 * Which salary lines are pay for WECH006 (D16, glossary 00124 of WECH006: for teachers the part-time
 * gross pay of the assignment "rekening houdend met de geldelijke anciënniteit en de haard- en
 * standplaatsvergoeding, exclusief het wachtgeld betaald voor dagen van arbeidsongeschiktheid,
 * vakantiegeld openbare sector en eindejaarspremie"). Codes are the social-security wage codes of
 * seed 002 §3.6.1 as the source holds them (`salary_line.wage_code`, two digits).
 * - counted: summed into gross(m) (the threshold test) and into ExactSalaryAmount (zone 00124);
 * - not counted: shown in the trace and the workbooks, never summed;
 * - severance: not counted either (a period covered by severance is an occupation of its own, glossary
 *   00044); a month holding such a line is flagged for the operator.
 * A code on neither list rejects the line (UNKNOWN_WAGE_CODE) and the months that need it.
 */
export const wech006WageCodes = {
  /**
   * 01 pay (incl. seniority and the residence allowance), 05 premiums for reduced work, 06 pay for hours
   * that are not working time, 12 early single holiday pay, 13 overtime not to be recovered, 22 flexi-pay,
   * 30 guaranteed pay of the second week, 31 CAO 12bis/13bis allowance, 51 pay of an appointed member fully
   * absent in a work-reorganisation measure (seed 002 §3.6.1).
   */
  counted: ["01", "05", "06", "12", "13", "22", "30", "31", "51"],
  /** 02 annual premiums incl. the year-end bonus, 07 holiday pay (public sector), 10, 23, 29 mobility budget. */
  notCounted: ["02", "07", "10", "23", "29"],
  /** 03 and 09 severance expressed in working time (seed 002 §3.3), 04 severance not expressed in working time (§3.6.1). Not counted; the month is flagged. */
  severance: ["03", "04", "09"],
} as const;

/**
 * D17: a person-month whose pay is not booked yet waits; the run of month m + N decides it with what
 * is known (then flagged DECLARED_WITHOUT_PAY when an assignment still has no counted pay).
 */
export const waitForPayMonths = 2;

/**
 * D18: a notification window that ended more than this many months before the run month's first day
 * is not declared any more (not eligible WINDOW_TOO_OLD). The reader never filters notifications by date.
 */
export const windowLookbackMonths = 24;
