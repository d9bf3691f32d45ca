/**
 * Code lists of the benefits-sector forms (sickness and maternity, ZIMA002 and ZIMA005), from seeds 002
 * and 003 (ASR instructions 2021/3) and the 2023/3 glossaries. The rules read them through
 * RuleParameters, so that a test or a simulation can pass other lists; the agency edits them here.
 */
export interface BenefitsCodes {
  /** Zone 00430 on ZIMA002: 1 adapted work during incapacity, 2 adapted work under maternity protection (seed 002 "Voor wie"). */
  readonly zima002SubRisks: readonly number[];
  /**
   * Zone 00074 on ZIMA002: the first reference day the glossary accepts per sub-risk ("risico 001 … na
   * 01/07/2018", "risico 002 … na 01/01/2018"); months before it are not declared.
   */
  readonly zima002FirstReferenceDay: Readonly<Record<number, string>>;
  /** Zone 00122: wage codes declared as exact wage for sub-risk 2 (seed 002 §3.6.1; the 2023/3 glossary adds 042-044, 061, 065-067). */
  readonly exactWageCodes: readonly string[];
  /** Wage codes that are pay but never declared as exact wage (seed 002 §3.6.1 "U neemt dus niet de codes 02, 10 en 23 in aanmerking"). */
  readonly excludedWageCodes: readonly string[];
  /** Wage codes of severance pay expressed in working time: the severance block 01130-01132, not exact wage (seed 002 §3.3). */
  readonly severanceWageCodes: readonly string[];
  /** The wage code of a reference period without pay, with amount 0 (seed 002 §3.6.2; zone 00124 allows 0 only with 001). */
  readonly zeroPayWageCode: string;
  /** Zone 00179 on ZIMA002 sub-risk 2 (seed 002 §3.5.2; 3.5 is never declared). */
  readonly dayNatureCodes: readonly string[];
  /** Zone 00430 on ZIMA005: sub-risks 1-4 (seed 003 §2). */
  readonly zima005SubRisks: readonly number[];
  /** Zone 00194: 1 private sector, 2 public sector, 3 no holiday scheme (seed 003 §4.3.1). */
  readonly holidaySectors: readonly number[];
  /** Holiday sectors after which "de zones die volgen, niet ingevuld worden" (seed 003 §4.3.1): no holiday details. */
  readonly holidaySectorsWithoutDetails: readonly number[];
  /** Zone 00196 per ZIMA005 sub-risk: 1, 2, 3, 5 for workers (1, 3), 8, 9 for employees (2, 4) (seed 003 §4.4.1). */
  readonly holidayCodesBySubRisk: Readonly<Record<number, readonly number[]>>;
  /** ZIMA005 sub-risks of adapted work continued to the end of the holiday year: they carry the adapted work's Q and days (seed 003 §4.2). */
  readonly adaptedWorkHolidaySubRisks: readonly number[];
  /** Block 90089 HolidayDetail occurs at most 4 times (ZIMA005 XSD). */
  readonly maxHolidayDetails: number;
  /**
   * ZIMA003 zone 00152: the reference week, in hundredths of hours, that turns an occupation's Q/S into
   * clock hours per week for the hourly wage (domain.md D24 OQ4, zima-1-3-6.md errata 7: default 38 h,
   * "unless payroll gives clock hours").
   */
  readonly breastfeedingReferenceWeek: number;
  /** ZIMA003 zone 00151: half-hour breaks of one occupation in a month, at most (glossary: [1;62]). */
  readonly maxHalfHourBreaks: number;
  /** ZIMA001 zone 00060 TenthOrTwelfth when the assignment has no pay_mode: 12 twelfths (domain.md D24 OQ5, with a note). */
  readonly zima001PayMode: 10 | 12;
  /**
   * ZIMA001 zone 00054 Retired (D24 OQ6): 1 when the person has reached the legal pension age on the risk's
   * start. The age from each day on (law of 10 August 2015: 65, 66 from 1 February 2025, 67 from 1 February 2030).
   */
  readonly legalPensionAges: readonly { readonly from: string; readonly age: number }[];
}

export const benefitsCodes: BenefitsCodes = {
  zima002SubRisks: [1, 2],
  zima002FirstReferenceDay: { 1: "2018-07-01", 2: "2018-01-01" },
  exactWageCodes: ["01", "04", "05", "06", "12", "13", "22", "29", "30", "31", "51"],
  excludedWageCodes: ["02", "10", "23"],
  severanceWageCodes: ["03", "09"],
  zeroPayWageCode: "01",
  dayNatureCodes: ["3.1", "3.2", "3.3", "3.4", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9", "5.10", "6.1", "6.21"],
  zima005SubRisks: [1, 2, 3, 4],
  holidaySectors: [1, 2, 3],
  holidaySectorsWithoutDetails: [2, 3],
  holidayCodesBySubRisk: { 1: [1, 2, 3, 5], 2: [8, 9], 3: [1, 2, 3, 5], 4: [8, 9] },
  adaptedWorkHolidaySubRisks: [3, 4],
  maxHolidayDetails: 4,
  breastfeedingReferenceWeek: 3800,
  maxHalfHourBreaks: 62,
  zima001PayMode: 12,
  legalPensionAges: [
    { from: "1900-01-01", age: 65 },
    { from: "2025-02-01", age: 66 },
    { from: "2030-02-01", age: 67 },
  ],
};
