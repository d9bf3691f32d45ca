/**
 * The version of the decision rules and form builders (D27): kept with every declaration, so that the
 * operator sees under which rules a held reissue was first declared, and what changed since.
 */
export const RULES_VERSION = "2026-12";

/** What each version changed in the forms, for the operator workbook's list of held reissues. */
export const RULES_CHANGES: Readonly<Record<string, readonly string[]>> = {
  "2026-12": [
    "D14 WECH003 zone 00095 (company plan) is 0 and LegalBasis 00096 is left out: the notification's maintenance_of_rights is no zone",
    "D15 a full-time assignment (Q = S) gets no WECH003 before 2018-09-01 and no WECH006 for a whole month",
    "D16 WECH006 pay counts only the counted wage codes: no year-end bonus, public-sector holiday pay or severance in ExactSalaryAmount or the threshold test; the threshold never below the RVA limit",
    "D19 WECH006 dates follow the assignment, not the notification window; a change of fraction at one institution within a month is one form with the average Q and 00769 = 3",
    "D20 ZIMA002 pay is spread over the reference periods by (Q / S) x calendar days",
  ],
};
