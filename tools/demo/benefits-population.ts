/**
 * The benefits-sector part of the demo database (sickness and maternity insurance, "ZIMA"): a small,
 * fixed set of staff members with adapted work (ZIMA002, seed 002) and holiday balances (ZIMA005,
 * seed 003), each written for what it shows ({@link DEMO_BENEFITS_EXAMPLES}), and four deliberately
 * bad benefits records ({@link DEMO_BENEFITS_BAD_RECORDS}).
 *
 * ZIMA002 reference periods start on 1 July 2018 at the earliest for sub-risk 1 and on 1 January 2018
 * for sub-risk 2 (glossary zone 00074, mappings/benefits-codes.ts), so the cases to be declared lie in
 * those months of the demo (2017-09 … 2018-09); a few rows lie before them on purpose.
 * - ZIMA002 sub-risk 1 (adapted work during incapacity): adapted_work rows with sub_risk 1 and, for every
 *   month they touch up to {@link LAST_BENEFITS_MONTH}, performance_line rows with DmfA performance code
 *   1 (days and hours worked) and now and then code 50 (hours of usual absence for health reasons,
 *   seed 002 §3.4 "Let op").
 * - ZIMA002 sub-risk 2 (maternity protection): adapted_work rows with sub_risk 2, day_nature rows (3.1,
 *   5.4, 6.21) and salary lines coded 01, 05, 30, one coded 02 (never declared), one month without pay
 *   and one severance line coded 03 (seed 002 §3.3: wage codes 3 and 9 of annex 7).
 * - ZIMA005 for holiday year 2017: holiday_balance rows of sub-risks 1-4, registered before the January
 *   2018 cut-off (2018-01-15 16:00) but one registered in March 2018.
 *
 * Nothing here is random: the same rows every time. Ids never meet the generated population's (ids
 * from 1000, below {@link BENEFITS_FIRST_ID} even with the demo's largest `--staff`, 100000 staff and
 * some 1.7 million salary lines): staff and assignment ids are 5000101…5000904 (one assignment per
 * person, with the person's id), adapted_work and holiday_balance ids are the staff id x 10 + n, the
 * other lines count up from 5100001 (the bad day_nature row has 5090001). Every person is born on the
 * 29th-31st of a month, a day the population never draws, so their INSZs cannot meet a generated one.
 * The persons work at the population's institutions (ids 1000-1024), so these rows go with a
 * generated population, never alone.
 *
 * Amounts, fractions and hours are decimal strings ("977.38"), dates `YYYY-MM-DD`, timestamps
 * `YYYY-MM-DD HH:MM:SS`.
 */
import { type CalendarDate, addDays, isoWeekday, maxDate, minDate } from "../../src/domain/calendar-date";
import { isValidInsz, makeInsz } from "../../src/domain/check-digits";
import { formatHundredths, toHundredths } from "../../src/domain/decimal";
import type { RejectionRule } from "../../src/domain/outcome-codes";
import { type YearMonth, dayCountOf, firstDayOf, lastDayOf, monthsFromTo } from "../../src/domain/year-month";
import type { ContractRow, ContractRows, ContractTableName } from "../../src/source/contract-writer";
import { CIRCULAR_EXAMPLES } from "./circular-examples";

/** Every id of the benefits rows is above this one. */
export const BENEFITS_FIRST_ID = 5_000_000;
/** Salary and performance lines are written for the demo's months: 2017-09 … 2018-09. */
export const FIRST_BENEFITS_MONTH: YearMonth = "2017-09";
export const LAST_BENEFITS_MONTH: YearMonth = "2018-09";
/** The holiday year of the ZIMA005 examples (declared by the January 2018 run). */
export const DEMO_HOLIDAY_YEAR = 2017;
/** Salary, performance and day-nature lines count up from here, in each table. */
const COUNTED_LINE_FIRST_ID = 5_100_001;
/** Explicit ids of bad lines (day_nature) start here, below the counted ids. */
const BAD_LINE_FIRST_ID = 5_090_000;

// ---------------------------------------------------------------------------------------------
// What the benefits rows show

/** A case a benefits example was written to show. */
export type BenefitsFeature =
  /** ZIMA002: the first reference period starts on the first day of adapted work, mid-month. */
  | "mid-month-start"
  /** ZIMA002: Q (and days) change mid-month: two adapted_work rows, two reference periods that month. */
  | "q-change"
  /** ZIMA002: adapted work stopped for good mid-month: the reference period ends that day. */
  | "definitive-stop"
  /**
   * ZIMA002: months before the glossary's first reference day of the sub-risk (zone 00074: 1 July 2018
   * for sub-risk 1, 1 January 2018 for sub-risk 2), which are not declared.
   */
  | "before-first-reference-day"
  /** ZIMA002 sub-risk 1: performance lines with code 50 (usual absence for health reasons) besides code 1. */
  | "absence-hours"
  /** ZIMA002 sub-risk 2: day_nature rows (3.1 holiday, 5.4 temporary unemployment, 6.21 work accident). */
  | "day-natures"
  /** ZIMA002 sub-risk 2: salary lines with codes other than 01 that are allowed (05, 30). */
  | "other-wage-codes"
  /** ZIMA002 sub-risk 2: a salary line coded 02 (annual bonus), which is never declared. */
  | "wage-code-02"
  /** ZIMA002 sub-risk 2: a month of adapted work without any pay: declared with code 01 and amount 0. */
  | "zero-pay-month"
  /** ZIMA002 sub-risk 2: the assignment ends during adapted work, a severance line (code 03) that month. */
  | "severance"
  /** ZIMA005: holiday sector 1 with detail lines. */
  | "holiday-details"
  /** ZIMA005: part-timer (Q < S): holiday hours given. */
  | "part-timer-hours"
  /** ZIMA005: full-timer (or full-time adapted work): no holiday hours. */
  | "full-timer-no-hours"
  /** ZIMA005: holiday sector 2 (public sector, the teachers' usual case): no code, days or hours. */
  | "public-sector"
  /** ZIMA005: holiday sector 3 (no holiday scheme): no code, days or hours. */
  | "no-holiday-scheme"
  /** ZIMA005 sub-risks 3 and 4: adapted work that continues to the end of the holiday year. */
  | "adapted-work-to-year-end"
  /** ZIMA005: registered in March 2018, after January's cut-off: declared by a later run. */
  | "late-balance";

export interface DemoBenefitsExample {
  readonly staffId: number;
  readonly formType: "ZIMA002" | "ZIMA005";
  /** Sub-risk of the form: 1-2 for ZIMA002, 1-4 for ZIMA005. */
  readonly subRisk: number;
  readonly features: readonly BenefitsFeature[];
  readonly description: string;
}

/** A benefits row that breaks the contract on purpose: the run must reject it and go on with the rest. */
export interface DemoBenefitsBadRecord {
  /** The rejection code the run must report (src/domain/outcome-codes.ts). */
  readonly rule: RejectionRule;
  readonly table: ContractTableName;
  readonly id: number;
  readonly staffId: number;
  /** The column holding the bad value, and that value as written. */
  readonly column: string;
  readonly value: string | number;
  /** The rule it breaks (seed 002/003, ministry-db.md). */
  readonly breaks: string;
  readonly description: string;
}

/** The deliberately bad benefits records; each person has nothing else in the benefits tables. */
export const DEMO_BENEFITS_BAD_RECORDS: readonly DemoBenefitsBadRecord[] = [
  {
    rule: "SUB_RISK_NOT_ALLOWED",
    table: "adapted_work",
    id: 50_009_011,
    staffId: 5_000_901,
    column: "sub_risk",
    value: 7,
    breaks: "adapted_work.sub_risk is 1 or 2 (ministry-db.md; ZIMA002 sub-risks, seed 002)",
    description: "adapted work with sub-risk 7, which ZIMA002 does not have",
  },
  {
    rule: "HOLIDAY_CODE_NOT_ALLOWED",
    table: "holiday_balance",
    id: 50_009_021,
    staffId: 5_000_902,
    column: "holiday_code",
    value: 8,
    breaks: "holiday code 8 is for sub-risks 2 and 4 only; sub-risks 1 and 3 take 1, 2, 3, 5 (seed 003 §4.4.1)",
    description: "holiday balance 2017 of sub-risk 1 with holiday code 8",
  },
  {
    rule: "DAYS_NOT_IN_HALF_DAYS",
    table: "holiday_balance",
    id: 50_009_031,
    staffId: 5_000_903,
    column: "days",
    value: "2.3",
    breaks: "holiday days are rounded to half days (seed 003 §4.3.2, zone 00197)",
    description: "holiday balance 2017 of sub-risk 2, code 8, with 2.3 days",
  },
  {
    rule: "DAY_NATURE_CODE_NOT_ALLOWED",
    table: "day_nature",
    id: BAD_LINE_FIRST_ID + 1,
    staffId: 5_000_904,
    column: "code",
    value: "3.5",
    breaks: "day-nature code 3.5 (art. 17bis supplementary holiday) is never declared (seed 002 §3.5.2)",
    description: "day nature 3.5 on 2018-02-05 in adapted work under maternity protection",
  },
];

// ---------------------------------------------------------------------------------------------
// The persons

interface AdaptedWorkSpec {
  /** Defaults to staff id x 10 + (position + 1). */
  readonly id?: number;
  readonly subRisk: number;
  readonly start: CalendarDate;
  readonly end: CalendarDate | null;
  readonly daysPerWeek: string;
  readonly q: string;
  readonly s: string;
}

interface DayNatureSpec {
  readonly id?: number;
  readonly day: CalendarDate;
  readonly code: string;
  readonly hours: string;
}

interface HolidayLineSpec {
  readonly code: number | null;
  readonly days: string | null;
  readonly hours: string | null;
}

interface HolidayBalanceSpec {
  readonly subRisk: number;
  readonly sector: 1 | 2 | 3;
  /** One row per line; sectors 2 and 3 have a single line with code, days and hours null. */
  readonly lines: readonly HolidayLineSpec[];
  readonly reportedAt: string;
}

interface ExtraLineSpec {
  readonly month: YearMonth;
  readonly code: string;
  readonly amount: string;
}

interface BenefitsPerson {
  readonly staffId: number;
  readonly lastName: string;
  readonly firstName: string;
  readonly gender: "M" | "F";
  /** Always the 29th, 30th or 31st (see the file comment). */
  readonly birthDate: CalendarDate;
  /** Daily serial of the INSZ: odd for men, even for women. */
  readonly serial: number;
  readonly address: readonly [street: string, houseNumber: string, postalCode: string, municipality: string];
  readonly institutionId: number;
  readonly jobTitle: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly daysPerWeek: string | null;
  readonly status: "T" | "V" | "C";
  /** Full-month gross of the assignment (zone 00098). */
  readonly monthlySalary: string;
  readonly adaptedWork?: readonly AdaptedWorkSpec[];
  readonly dayNatures?: readonly DayNatureSpec[];
  /** Code-50 performance lines (hours of usual absence) besides the code-1 lines, per month. */
  readonly absenceHours?: readonly { readonly month: YearMonth; readonly hours: string }[];
  readonly extraLines?: readonly ExtraLineSpec[];
  /** Months of the assignment without any salary line. */
  readonly unpaidMonths?: readonly YearMonth[];
  readonly balances?: readonly HolidayBalanceSpec[];
  /** Absent for the persons of {@link DEMO_BENEFITS_BAD_RECORDS}. */
  readonly example?: Omit<DemoBenefitsExample, "staffId">;
}

/** The population institutions (tools/demo/population/schools.ts BOARD_SPECS, numbered in order from 1000) the persons work at. */
export const BENEFITS_INSTITUTIONS = {
  sintMartinusHarelbeke: 1001,
  sintAmandscollege: 1002,
  kompasTienen: 1003,
  atheneumHerentals: 1005,
  dePluimHerentals: 1006,
  technischAtheneumMol: 1007,
  sintMichielBrugge: 1009,
  heiligHartHalle: 1010,
  sintPieterscollegeNinove: 1011,
  academieMaasmechelen: 1012,
  deMaasvallei: 1013,
  vrijClbGenk: 1014,
  clbEeklo: 1016,
  cvoGeel: 1017,
  cvoWesterlo: 1018,
  cbeSintNiklaas: 1019,
  hogeschoolDiest: 1020,
  hogeschoolAarschot: 1021,
  hogeschoolGent: 1022,
  cvoGent: 1023,
  cbeGent: 1024,
} as const;

const I = BENEFITS_INSTITUTIONS;

/** The benefits persons of the 2026-12 cases (tools/demo/decision-cases.ts has their expected outcomes); each one's assignment has the staff id. */
export const BENEFITS_CASE_STAFF = { manInMaternityProtection: 5_000_530, appointedInAdaptedWork: 5_000_531 } as const;

const PERSONS: readonly BenefitsPerson[] = [
  // -- ZIMA002 sub-risk 1: adapted work during incapacity (declared from July 2018, zone 00074) ---------
  {
    staffId: 5_000_101,
    lastName: "Vanderstraeten",
    firstName: "Griet",
    gender: "F",
    birthDate: "1979-03-29",
    serial: 114,
    address: ["Leiestraat", "41", "3200", "Aarschot"],
    institutionId: I.hogeschoolAarschot,
    jobTitle: "ATP graad B12",
    start: "2009-09-01",
    end: null,
    numerator: 100,
    denominator: 100,
    daysPerWeek: null,
    status: "T",
    monthlySalary: "3412.50",
    adaptedWork: [{ subRisk: 1, start: "2018-07-16", end: null, daysPerWeek: "2.0", q: "15.20", s: "38.00" }],
    example: {
      formType: "ZIMA002",
      subRisk: 1,
      features: ["mid-month-start"],
      description: "adapted work Q 15.20 of 38 on 2 days from Monday 16 July 2018 (ongoing): July's reference period starts on the 16th",
    },
  },
  {
    staffId: 5_000_102,
    lastName: "De Meyer",
    firstName: "Ronny",
    gender: "M",
    birthDate: "1968-08-31",
    serial: 33,
    address: ["Demerstraat", "7", "3290", "Diest"],
    institutionId: I.hogeschoolDiest,
    jobTitle: "ATP graad C",
    start: "2004-02-01",
    end: null,
    numerator: 100,
    denominator: 100,
    daysPerWeek: null,
    status: "T",
    monthlySalary: "2874.20",
    adaptedWork: [
      { subRisk: 1, start: "2018-06-04", end: "2018-08-12", daysPerWeek: "2.5", q: "19.00", s: "38.00" },
      { subRisk: 1, start: "2018-08-13", end: null, daysPerWeek: "3.0", q: "24.00", s: "38.00" },
    ],
    example: {
      formType: "ZIMA002",
      subRisk: 1,
      features: ["q-change", "before-first-reference-day"],
      description:
        "adapted work from 4 June 2018, Q 19.00 of 38 on 2.5 days, then from Monday 13 August 2018 Q 24.00 on 3 days (ongoing): August has two reference periods, 1-12 and 13-31; June comes before 1 July 2018 and is not declared",
    },
  },
  {
    staffId: 5_000_103,
    lastName: "Goethals",
    firstName: "Marleen",
    gender: "F",
    birthDate: "1971-01-30",
    serial: 62,
    address: ["Kortrijksesteenweg", "212", "9000", "Gent"],
    institutionId: I.cbeGent,
    jobTitle: "stafmedewerker CBE",
    start: "1998-09-01",
    end: null,
    numerator: 36,
    denominator: 36,
    daysPerWeek: "5.0",
    status: "C",
    monthlySalary: "3130.80",
    adaptedWork: [{ subRisk: 1, start: "2017-11-06", end: "2018-08-17", daysPerWeek: "2.5", q: "18.00", s: "36.00" }],
    absenceHours: [
      { month: "2018-01", hours: "7.20" },
      { month: "2018-07", hours: "14.40" },
    ],
    example: {
      formType: "ZIMA002",
      subRisk: 1,
      features: ["definitive-stop", "absence-hours", "before-first-reference-day"],
      description:
        "adapted work 18/36 from 6 November 2017, stopped for good on Friday 17 August 2018 (August's period ends on the 17th); 14.40 hours of code 50 in July 2018; November 2017 - June 2018 are not declared",
    },
  },
  {
    staffId: 5_000_104,
    lastName: "Claeys",
    firstName: "Jurgen",
    gender: "M",
    birthDate: "1975-10-31",
    serial: 85,
    address: ["Pas", "112", "2440", "Geel"],
    institutionId: I.cvoGeel,
    jobTitle: "stafmedewerker",
    start: "2006-09-01",
    end: null,
    numerator: 38,
    denominator: 38,
    daysPerWeek: "5.0",
    status: "C",
    monthlySalary: "3298.10",
    adaptedWork: [{ subRisk: 1, start: "2018-05-01", end: "2018-08-31", daysPerWeek: "3.0", q: "22.80", s: "38.00" }],
    example: {
      formType: "ZIMA002",
      subRisk: 1,
      features: [],
      description: "adapted work 22.80/38 on 3 days in whole calendar months, May to August 2018: July and August declared as whole months",
    },
  },
  {
    staffId: 5_000_105,
    lastName: "Peirs",
    firstName: "Ann",
    gender: "F",
    birthDate: "1982-05-29",
    serial: 206,
    address: ["Bergveld", "19", "2260", "Westerlo"],
    institutionId: I.cvoWesterlo,
    jobTitle: "leraar SVWO",
    start: "2012-09-01",
    end: null,
    numerator: 22,
    denominator: 22,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3105.00",
    adaptedWork: [{ subRisk: 1, start: "2018-01-08", end: null, daysPerWeek: "2.0", q: "8.80", s: "22.00" }],
    absenceHours: [
      { month: "2018-03", hours: "4.40" },
      { month: "2018-09", hours: "8.80" },
    ],
    example: {
      formType: "ZIMA002",
      subRisk: 1,
      features: ["absence-hours"],
      description: "adapted work 8.80/22 on 2 days from 8 January 2018 (ongoing), code-50 hours in March (not declared) and September 2018",
    },
  },
  {
    staffId: 5_000_106,
    lastName: "Bosmans",
    firstName: "Katleen",
    gender: "F",
    birthDate: "1986-12-30",
    serial: 48,
    address: ["Rijksweg", "88", "3630", "Maasmechelen"],
    institutionId: I.deMaasvallei,
    jobTitle: "kinderverzorgster",
    start: "2015-09-01",
    end: null,
    numerator: 32,
    denominator: 32,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "2652.40",
    adaptedWork: [{ subRisk: 1, start: "2018-04-16", end: "2018-09-14", daysPerWeek: "2.5", q: "16.00", s: "32.00" }],
    example: {
      formType: "ZIMA002",
      subRisk: 1,
      features: ["definitive-stop"],
      description:
        "adapted work 16/32 from 16 April 2018, stopped for good on Friday 14 September 2018 (September's period ends on the 14th)",
    },
  },

  // -- ZIMA002 sub-risk 2: adapted work under maternity protection ----------------------------------
  {
    staffId: 5_000_201,
    lastName: "Van Hoof",
    firstName: "Eva",
    gender: "F",
    birthDate: "1989-07-31",
    serial: 124,
    address: ["Augustijnenlaan", "15", "2200", "Herentals"],
    institutionId: I.dePluimHerentals,
    jobTitle: "kleuteronderwijzer",
    start: "2013-09-01",
    end: null,
    numerator: 24,
    denominator: 24,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3015.60",
    adaptedWork: [{ subRisk: 2, start: "2017-11-06", end: "2018-05-31", daysPerWeek: "2.5", q: "12.00", s: "24.00" }],
    dayNatures: [
      { day: "2018-04-05", code: "3.1", hours: "4.80" },
      { day: "2018-04-06", code: "3.1", hours: "4.80" },
    ],
    extraLines: [
      { month: "2018-02", code: "05", amount: "75.00" },
      { month: "2018-03", code: "02", amount: "612.35" },
    ],
    example: {
      formType: "ZIMA002",
      subRisk: 2,
      features: ["day-natures", "other-wage-codes", "wage-code-02", "before-first-reference-day"],
      description:
        "adapted work 12/24 away from the toddlers' class, 6 November 2017 to 31 May 2018 (declared from January 2018); holiday (3.1) on 5-6 April; code 05 EUR 75.00 in February; an annual bonus coded 02 (EUR 612.35) in March, not declared",
    },
  },
  {
    staffId: 5_000_202,
    lastName: "Schepers",
    firstName: "Lore",
    gender: "F",
    birthDate: "1990-01-31",
    serial: 88,
    address: ["Sint-Jorisstraat", "60", "3300", "Tienen"],
    institutionId: I.kompasTienen,
    jobTitle: "onderwijzer",
    start: "2014-09-01",
    end: null,
    numerator: 24,
    denominator: 24,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3088.90",
    adaptedWork: [{ subRisk: 2, start: "2017-11-06", end: "2018-04-30", daysPerWeek: "4.0", q: "18.00", s: "24.00" }],
    dayNatures: [{ day: "2018-01-18", code: "5.4", hours: "4.50" }],
    extraLines: [{ month: "2018-02", code: "30", amount: "214.60" }],
    example: {
      formType: "ZIMA002",
      subRisk: 2,
      features: ["day-natures", "other-wage-codes"],
      description:
        "adapted work 18/24 on 4 days, 6 November 2017 to 30 April 2018; temporary unemployment by force majeure (5.4) on 18 January 2018 (storm); guaranteed wage second week coded 30 (EUR 214.60) in February",
    },
  },
  {
    staffId: 5_000_203,
    lastName: "Moens",
    firstName: "Sofie",
    gender: "F",
    birthDate: "1987-03-31",
    serial: 152,
    address: ["Basiliekstraat", "122", "1500", "Halle"],
    institutionId: I.heiligHartHalle,
    jobTitle: "leraar",
    start: "2011-09-01",
    end: null,
    numerator: 20,
    denominator: 20,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3267.30",
    adaptedWork: [{ subRisk: 2, start: "2017-11-13", end: "2018-03-31", daysPerWeek: "2.5", q: "10.00", s: "20.00" }],
    dayNatures: [{ day: "2018-02-20", code: "6.21", hours: "4.00" }],
    unpaidMonths: ["2018-01"],
    example: {
      formType: "ZIMA002",
      subRisk: 2,
      features: ["zero-pay-month", "day-natures"],
      description:
        "adapted work 10/20 from Monday 13 November 2017 to 31 March 2018; no pay at all in January 2018 (code 01, amount 0); work accident during adapted work (6.21) on 20 February",
    },
  },
  {
    staffId: 5_000_204,
    lastName: "Lauwers",
    firstName: "Hanne",
    gender: "F",
    birthDate: "1985-08-29",
    serial: 36,
    address: ["Pas", "5", "2440", "Geel"],
    institutionId: I.cvoGeel,
    jobTitle: "leraar NT2",
    start: "2016-09-01",
    end: "2018-04-13",
    numerator: 22,
    denominator: 22,
    daysPerWeek: "5.0",
    status: "C",
    monthlySalary: "3100.00",
    adaptedWork: [{ subRisk: 2, start: "2018-01-08", end: "2018-04-13", daysPerWeek: "2.5", q: "11.00", s: "22.00" }],
    dayNatures: [
      { day: "2018-04-03", code: "3.1", hours: "4.40" },
      { day: "2018-04-04", code: "3.1", hours: "4.40" },
    ],
    extraLines: [{ month: "2018-04", code: "03", amount: "9300.00" }],
    example: {
      formType: "ZIMA002",
      subRisk: 2,
      features: ["severance", "day-natures"],
      description:
        "contract dismissed on Friday 13 April 2018 during adapted work 11/22 (from 8 January): severance of three months' salary (EUR 9300.00 = 3 x EUR 3100.00) coded 03 in April",
    },
  },
  {
    staffId: 5_000_205,
    lastName: "Verbruggen",
    firstName: "Jolien",
    gender: "F",
    birthDate: "1991-10-30",
    serial: 212,
    address: ["Kokkelbeekstraat", "9", "9100", "Sint-Niklaas"],
    institutionId: I.cbeSintNiklaas,
    jobTitle: "stafmedewerker CBE",
    start: "2016-01-04",
    end: null,
    numerator: 36,
    denominator: 36,
    daysPerWeek: "5.0",
    status: "C",
    monthlySalary: "2890.75",
    adaptedWork: [{ subRisk: 2, start: "2018-03-19", end: "2018-06-15", daysPerWeek: "2.5", q: "18.00", s: "36.00" }],
    dayNatures: [{ day: "2018-05-11", code: "3.1", hours: "7.20" }],
    example: {
      formType: "ZIMA002",
      subRisk: 2,
      features: ["mid-month-start", "definitive-stop", "day-natures"],
      description: "adapted work 18/36 from Monday 19 March to Friday 15 June 2018 (both months partial); holiday (3.1) on 11 May",
    },
  },
  {
    staffId: 5_000_206,
    lastName: "Ghekiere",
    firstName: "Elien",
    gender: "F",
    birthDate: "1988-05-31",
    serial: 70,
    address: ["Marktstraat", "27", "8530", "Harelbeke"],
    institutionId: I.sintMartinusHarelbeke,
    jobTitle: "kinderverzorgster",
    start: "2012-09-01",
    end: null,
    numerator: 32,
    denominator: 32,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "2705.15",
    adaptedWork: [{ subRisk: 2, start: "2018-02-05", end: "2018-06-29", daysPerWeek: "2.5", q: "16.00", s: "32.00" }],
    dayNatures: [
      { day: "2018-04-05", code: "3.1", hours: "6.40" },
      { day: "2018-04-06", code: "3.1", hours: "6.40" },
    ],
    extraLines: [{ month: "2018-03", code: "05", amount: "60.00" }],
    example: {
      formType: "ZIMA002",
      subRisk: 2,
      features: ["day-natures", "other-wage-codes"],
      description:
        "adapted work 16/32 from Monday 5 February to Friday 29 June 2018; holiday (3.1) on 5-6 April; code 05 EUR 60.00 in March",
    },
  },
  {
    staffId: 5_000_207,
    lastName: "Van Roey",
    firstName: "Kaat",
    gender: "F",
    birthDate: "1984-12-29",
    serial: 196,
    address: ["Rozenberg", "44", "2400", "Mol"],
    institutionId: I.technischAtheneumMol,
    jobTitle: "leraar praktische vakken",
    start: "2008-09-01",
    end: null,
    numerator: 29,
    denominator: 29,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3340.45",
    adaptedWork: [{ subRisk: 2, start: "2017-09-01", end: "2017-12-22", daysPerWeek: "2.5", q: "14.50", s: "29.00" }],
    dayNatures: [
      { day: "2017-11-02", code: "3.1", hours: "5.80" },
      { day: "2017-11-03", code: "3.1", hours: "5.80" },
    ],
    example: {
      formType: "ZIMA002",
      subRisk: 2,
      features: ["before-first-reference-day"],
      description:
        "adapted work 14.50/29 from 1 September to 22 December 2017 with holiday (3.1) on 2-3 November: all before 1 January 2018, so never declared",
    },
  },

  // -- ZIMA005, holiday year 2017 ---------------------------------------------------------------------
  {
    staffId: 5_000_501,
    lastName: "Dhondt",
    firstName: "Rita",
    gender: "F",
    birthDate: "1964-07-30",
    serial: 20,
    address: ["Sint-Pietersnieuwstraat", "130", "9000", "Gent"],
    institutionId: I.cbeGent,
    jobTitle: "onderhoudsmedewerker",
    start: "2014-09-01",
    end: null,
    numerator: 18,
    denominator: 36,
    daysPerWeek: "2.5",
    status: "C",
    monthlySalary: "1165.40",
    balances: [
      {
        subRisk: 1,
        sector: 1,
        // Glossary 00196 / block 90089 of ZIMA005: risk 001 declares 2 details (codes 1 and 3) or all 4.
        lines: [
          { code: 1, days: "8.5", hours: "61.20" },
          { code: 2, days: "2.0", hours: "14.40" },
          { code: 3, days: "1.0", hours: "7.20" },
          { code: 5, days: "3.0", hours: "21.60" },
        ],
        reportedAt: "2017-12-20 09:30:00",
      },
    ],
    example: {
      formType: "ZIMA005",
      subRisk: 1,
      features: ["holiday-details", "part-timer-hours"],
      description:
        "worker 18/36 (part-timer): all four details, codes 1 (8.5 days, 61.20 h), 2 (2 days), 3 (1 day) and 5 (3 days) with hours",
    },
  },
  {
    staffId: 5_000_502,
    lastName: "Wyns",
    firstName: "Eddy",
    gender: "M",
    birthDate: "1962-03-29",
    serial: 41,
    address: ["Ankerstraat", "18", "9100", "Sint-Niklaas"],
    institutionId: I.cbeSintNiklaas,
    jobTitle: "onderhoudsmedewerker",
    start: "2001-03-01",
    end: null,
    numerator: 36,
    denominator: 36,
    daysPerWeek: "5.0",
    status: "C",
    monthlySalary: "2380.90",
    balances: [
      {
        subRisk: 1,
        sector: 1,
        lines: [
          { code: 1, days: "12.0", hours: null },
          { code: 3, days: "2.5", hours: null },
        ],
        reportedAt: "2018-01-08 10:00:00",
      },
    ],
    example: {
      formType: "ZIMA005",
      subRisk: 1,
      features: ["holiday-details", "full-timer-no-hours"],
      description: "worker 36/36 (full-timer): the two details codes 1 (12 days) and 3 (2.5 days), no hours",
    },
  },
  {
    staffId: 5_000_503,
    lastName: "Hoste",
    firstName: "Nancy",
    gender: "F",
    birthDate: "1970-10-31",
    serial: 98,
    address: ["Coupure Links", "61", "9000", "Gent"],
    institutionId: I.hogeschoolGent,
    jobTitle: "ATP graad B12",
    start: "2007-01-15",
    end: null,
    numerator: 100,
    denominator: 100,
    daysPerWeek: null,
    status: "C",
    monthlySalary: "3011.25",
    balances: [
      {
        subRisk: 2,
        sector: 1,
        lines: [
          { code: 8, days: "10.5", hours: null },
          { code: 9, days: "2.0", hours: null },
        ],
        reportedAt: "2018-01-09 14:10:00",
      },
    ],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["holiday-details", "full-timer-no-hours"],
      description: "employee 100/100 (full-timer): codes 8 (10.5 days) and 9 (2 days) not taken because of the risk, no hours",
    },
  },
  {
    staffId: 5_000_504,
    lastName: "Mertens",
    firstName: "Patrick",
    gender: "M",
    birthDate: "1977-04-30",
    serial: 57,
    address: ["Leuvensestraat", "3", "3200", "Aarschot"],
    institutionId: I.hogeschoolAarschot,
    jobTitle: "ATP graad C",
    start: "2010-09-01",
    end: null,
    numerator: 50,
    denominator: 100,
    daysPerWeek: "2.5",
    status: "C",
    monthlySalary: "1402.60",
    balances: [
      {
        subRisk: 2,
        sector: 1,
        lines: [
          { code: 8, days: "6.5", hours: "49.40" },
          { code: 9, days: "1.5", hours: "11.40" },
        ],
        reportedAt: "2018-01-10 11:45:00",
      },
    ],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["holiday-details", "part-timer-hours"],
      description: "employee 50/100 (part-timer, Q 19 of 38 on 2.5 days): codes 8 (6.5 days, 49.40 h) and 9 (1.5 days, 11.40 h)",
    },
  },
  {
    staffId: 5_000_505,
    lastName: "Desmedt",
    firstName: "Hilde",
    gender: "F",
    birthDate: "1966-08-31",
    serial: 142,
    address: ["Langestraat", "90", "8000", "Brugge"],
    institutionId: I.sintMichielBrugge,
    jobTitle: "onderwijzer",
    start: "1990-09-01",
    end: null,
    numerator: 24,
    denominator: 24,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3890.40",
    balances: [{ subRisk: 2, sector: 2, lines: [{ code: null, days: null, hours: null }], reportedAt: "2017-12-18 15:20:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["public-sector"],
      description: "temporary teacher (BaO): public holiday sector, no holiday details",
    },
  },
  {
    staffId: 5_000_506,
    lastName: "Van Gorp",
    firstName: "Bert",
    gender: "M",
    birthDate: "1973-05-31",
    serial: 13,
    address: ["Nederrij", "77", "2200", "Herentals"],
    institutionId: I.atheneumHerentals,
    jobTitle: "leraar",
    start: "1999-09-01",
    end: null,
    numerator: 22,
    denominator: 22,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3751.10",
    balances: [{ subRisk: 2, sector: 2, lines: [{ code: null, days: null, hours: null }], reportedAt: "2018-01-04 09:05:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["public-sector"],
      description: "temporary teacher (SO): public holiday sector, no holiday details",
    },
  },
  {
    staffId: 5_000_507,
    lastName: "Lemmens",
    firstName: "Ingrid",
    gender: "F",
    birthDate: "1969-12-31",
    serial: 30,
    address: ["Stationsplein", "4", "3630", "Maasmechelen"],
    institutionId: I.academieMaasmechelen,
    jobTitle: "leraar beeldende kunst",
    start: "2002-09-01",
    end: null,
    numerator: 12,
    denominator: 20,
    daysPerWeek: "3.0",
    status: "T",
    monthlySalary: "2060.85",
    balances: [{ subRisk: 2, sector: 2, lines: [{ code: null, days: null, hours: null }], reportedAt: "2018-01-11 13:30:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["public-sector"],
      description: "temporary part-time teacher (DKO, 12/20): public holiday sector, no details and so no hours",
    },
  },
  {
    staffId: 5_000_508,
    lastName: "De Wilde",
    firstName: "Tinne",
    gender: "F",
    birthDate: "1980-01-29",
    serial: 174,
    address: ["Zuidmoerstraat", "23", "9900", "Eeklo"],
    institutionId: I.clbEeklo,
    jobTitle: "maatschappelijk werker",
    start: "2008-09-01",
    end: null,
    numerator: 10,
    denominator: 10,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3320.00",
    balances: [{ subRisk: 2, sector: 2, lines: [{ code: null, days: null, hours: null }], reportedAt: "2018-01-12 10:40:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["public-sector"],
      description: "temporary CLB staff member: public holiday sector, no holiday details",
    },
  },
  {
    staffId: 5_000_509,
    lastName: "Pauwels",
    firstName: "Wim",
    gender: "M",
    birthDate: "1958-06-30",
    serial: 77,
    address: ["Bampslaan", "11", "3000", "Leuven"],
    institutionId: I.hogeschoolDiest,
    jobTitle: "gastdocent",
    start: "2017-02-01",
    end: null,
    numerator: 20,
    denominator: 100,
    daysPerWeek: "1.0",
    status: "C",
    monthlySalary: "812.30",
    balances: [{ subRisk: 2, sector: 3, lines: [{ code: null, days: null, hours: null }], reportedAt: "2018-01-05 16:15:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["no-holiday-scheme"],
      description: "guest lecturer (20/100) without a holiday scheme (sector 3): no holiday details",
    },
  },
  {
    staffId: 5_000_510,
    lastName: "Vandamme",
    firstName: "Freddy",
    gender: "M",
    birthDate: "1961-11-30",
    serial: 25,
    address: ["Oude Houtlei", "100", "9000", "Gent"],
    institutionId: I.cvoGent,
    jobTitle: "onderhoudsmedewerker",
    start: "2005-09-01",
    end: null,
    numerator: 38,
    denominator: 38,
    daysPerWeek: "5.0",
    status: "C",
    monthlySalary: "2295.60",
    balances: [
      {
        subRisk: 1,
        sector: 1,
        lines: [
          { code: 1, days: "5.5", hours: null },
          { code: 3, days: "0.0", hours: null },
        ],
        reportedAt: "2018-03-07 10:15:00",
      },
    ],
    example: {
      formType: "ZIMA005",
      subRisk: 1,
      features: ["holiday-details", "full-timer-no-hours", "late-balance"],
      description:
        "worker 38/38 whose balance (code 1, 5.5 days; code 3, none) was registered on 7 March 2018, after January's cut-off: declared by the March 2018 run",
    },
  },
  {
    staffId: 5_000_511,
    lastName: "Verhelst",
    firstName: "Marijke",
    gender: "F",
    birthDate: "1976-07-31",
    serial: 108,
    address: ["Noordstraat", "52", "8800", "Roeselare"],
    institutionId: I.sintAmandscollege,
    jobTitle: "leraar",
    start: "2001-09-01",
    end: null,
    numerator: 22,
    denominator: 22,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3712.85",
    balances: [{ subRisk: 2, sector: 2, lines: [{ code: null, days: null, hours: null }], reportedAt: "2017-12-21 08:50:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["public-sector"],
      description: "temporary teacher (SO): public holiday sector, no holiday details",
    },
  },
  {
    staffId: 5_000_512,
    lastName: "Cuypers",
    firstName: "Dirk",
    gender: "M",
    birthDate: "1965-09-30",
    serial: 61,
    address: ["Kapelstraat", "8", "3600", "Genk"],
    institutionId: I.vrijClbGenk,
    jobTitle: "psychopedagogisch consulent",
    start: "1994-09-01",
    end: null,
    numerator: 10,
    denominator: 10,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3960.15",
    balances: [{ subRisk: 2, sector: 2, lines: [{ code: null, days: null, hours: null }], reportedAt: "2018-01-08 14:00:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 2,
      features: ["public-sector"],
      description: "temporary CLB staff member: public holiday sector, no holiday details",
    },
  },

  // ZIMA005 sub-risks 3 and 4: adapted work to the end of the holiday year (these also give ZIMA002 sub-risk 1).
  {
    staffId: 5_000_520,
    lastName: "Maenhout",
    firstName: "Luc",
    gender: "M",
    birthDate: "1963-01-31",
    serial: 9,
    address: ["Prins Boudewijnlaan", "30", "9100", "Sint-Niklaas"],
    institutionId: I.cbeSintNiklaas,
    jobTitle: "onderhoudsmedewerker",
    start: "1997-01-06",
    end: null,
    numerator: 36,
    denominator: 36,
    daysPerWeek: "5.0",
    status: "C",
    monthlySalary: "2410.00",
    adaptedWork: [{ subRisk: 1, start: "2017-09-04", end: null, daysPerWeek: "2.5", q: "18.00", s: "36.00" }],
    balances: [
      {
        subRisk: 3,
        sector: 1,
        lines: [
          { code: 1, days: "4.5", hours: "32.40" },
          { code: 3, days: "1.0", hours: "7.20" },
        ],
        reportedAt: "2018-01-05 09:20:00",
      },
    ],
    example: {
      formType: "ZIMA005",
      subRisk: 3,
      features: ["holiday-details", "adapted-work-to-year-end", "part-timer-hours"],
      description:
        "worker in adapted work 18/36 on 2.5 days from 4 September 2017 (ongoing): codes 1 (4.5 days, 32.40 h) and 3 (1 day) on the adapted work's Q",
    },
  },
  {
    staffId: 5_000_521,
    lastName: "Raes",
    firstName: "Veerle",
    gender: "F",
    birthDate: "1974-03-30",
    serial: 132,
    address: ["Overpoortstraat", "14", "9000", "Gent"],
    institutionId: I.hogeschoolGent,
    jobTitle: "ATP graad B12",
    start: "2003-09-01",
    end: null,
    numerator: 100,
    denominator: 100,
    daysPerWeek: null,
    status: "C",
    monthlySalary: "3185.70",
    adaptedWork: [{ subRisk: 1, start: "2017-10-02", end: "2018-02-28", daysPerWeek: "3.0", q: "22.80", s: "38.00" }],
    balances: [
      {
        subRisk: 4,
        sector: 1,
        lines: [
          { code: 8, days: "5.0", hours: "38.00" },
          { code: 9, days: "1.5", hours: "11.40" },
        ],
        reportedAt: "2018-01-11 11:00:00",
      },
    ],
    example: {
      formType: "ZIMA005",
      subRisk: 4,
      features: ["holiday-details", "adapted-work-to-year-end", "part-timer-hours"],
      description:
        "employee in adapted work 22.80/38 on 3 days from 2 October 2017 to 28 February 2018: codes 8 (5 days, 38.00 h) and 9 (1.5 days, 11.40 h)",
    },
  },
  {
    staffId: 5_000_522,
    lastName: "Smolders",
    firstName: "Geert",
    gender: "M",
    birthDate: "1967-05-29",
    serial: 51,
    address: ["Begijnenstraat", "2", "3290", "Diest"],
    institutionId: I.hogeschoolDiest,
    jobTitle: "ATP graad C",
    start: "1995-09-01",
    end: null,
    numerator: 100,
    denominator: 100,
    daysPerWeek: null,
    status: "C",
    monthlySalary: "2920.35",
    adaptedWork: [{ subRisk: 1, start: "2017-09-18", end: "2018-01-31", daysPerWeek: "5.0", q: "38.00", s: "38.00" }],
    balances: [{ subRisk: 4, sector: 1, lines: [{ code: 8, days: "3.0", hours: null }], reportedAt: "2018-01-11 11:05:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 4,
      features: ["holiday-details", "adapted-work-to-year-end", "full-timer-no-hours"],
      description:
        "employee in full-time adapted work (Q 38 = S 38, other tasks) from 18 September 2017 to 31 January 2018: code 8 (3 days), no hours",
    },
  },
  {
    staffId: 5_000_523,
    lastName: "Wouters",
    firstName: "Anja",
    gender: "F",
    birthDate: "1972-10-29",
    serial: 166,
    address: ["Kloosterstraat", "71", "8000", "Brugge"],
    institutionId: I.sintMichielBrugge,
    jobTitle: "onderwijzer",
    start: "1996-09-01",
    end: null,
    numerator: 24,
    denominator: 24,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3845.20",
    adaptedWork: [{ subRisk: 1, start: "2017-11-13", end: null, daysPerWeek: "2.5", q: "12.00", s: "24.00" }],
    balances: [{ subRisk: 4, sector: 2, lines: [{ code: null, days: null, hours: null }], reportedAt: "2018-01-10 15:30:00" }],
    example: {
      formType: "ZIMA005",
      subRisk: 4,
      features: ["public-sector", "adapted-work-to-year-end"],
      description:
        "temporary teacher in adapted work 12/24 from 13 November 2017 (ongoing), public holiday sector: the adapted work's Q and days, no holiday details",
    },
  },

  // -- Cases of the 2026-12 amendments (decision-cases.ts holds their expected outcomes) --------------
  {
    // D21: adapted work under maternity protection (sub-risk 2) on a man's INSZ (odd counter).
    staffId: BENEFITS_CASE_STAFF.manInMaternityProtection,
    lastName: "Lambrechts",
    firstName: "Joris",
    gender: "M",
    birthDate: "1984-02-29",
    serial: 117,
    address: ["Veldstraat", "9", "9000", "Gent"],
    institutionId: I.cvoGent,
    jobTitle: "leraar",
    start: "2012-09-01",
    end: null,
    numerator: 22,
    denominator: 22,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3120.00",
    adaptedWork: [{ subRisk: 2, start: "2018-02-05", end: "2018-04-27", daysPerWeek: "2.5", q: "11.00", s: "22.00" }],
  },
  {
    // D25: an appointed teacher (status V) in adapted work during incapacity: not benefits-insured.
    staffId: BENEFITS_CASE_STAFF.appointedInAdaptedWork,
    lastName: "Hermans",
    firstName: "Greet",
    gender: "F",
    birthDate: "1969-04-30",
    serial: 148,
    address: ["Grote Markt", "5", "2200", "Herentals"],
    institutionId: I.atheneumHerentals,
    jobTitle: "leraar",
    start: "1995-09-01",
    end: null,
    numerator: 22,
    denominator: 22,
    daysPerWeek: "5.0",
    status: "V",
    monthlySalary: "3890.00",
    adaptedWork: [{ subRisk: 1, start: "2018-07-02", end: null, daysPerWeek: "2.5", q: "11.00", s: "22.00" }],
  },

  // -- The deliberately bad benefits records (DEMO_BENEFITS_BAD_RECORDS) ------------------------------
  {
    staffId: 5_000_901,
    lastName: "Baeten",
    firstName: "Kris",
    gender: "M",
    birthDate: "1981-07-29",
    serial: 95,
    address: ["Brakelsesteenweg", "56", "9400", "Ninove"],
    institutionId: I.sintPieterscollegeNinove,
    jobTitle: "leraar",
    start: "2010-09-01",
    end: null,
    numerator: 22,
    denominator: 22,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "3356.00",
    adaptedWork: [{ subRisk: 7, start: "2017-10-02", end: "2018-01-31", daysPerWeek: "2.5", q: "11.00", s: "22.00" }],
  },
  {
    staffId: 5_000_902,
    lastName: "Wijnants",
    firstName: "Guy",
    gender: "M",
    birthDate: "1966-04-30",
    serial: 19,
    address: ["Parklaan", "25", "9100", "Sint-Niklaas"],
    institutionId: I.cbeSintNiklaas,
    jobTitle: "onderhoudsmedewerker",
    start: "2003-09-01",
    end: null,
    numerator: 36,
    denominator: 36,
    daysPerWeek: "5.0",
    status: "C",
    monthlySalary: "2365.80",
    balances: [{ subRisk: 1, sector: 1, lines: [{ code: 8, days: "4.0", hours: null }], reportedAt: "2018-01-09 10:30:00" }],
  },
  {
    staffId: 5_000_903,
    lastName: "Coene",
    firstName: "Sabine",
    gender: "F",
    birthDate: "1978-08-31",
    serial: 56,
    address: ["Vlaanderenstraat", "33", "9000", "Gent"],
    institutionId: I.hogeschoolGent,
    jobTitle: "ATP graad B12",
    start: "2006-09-01",
    end: null,
    numerator: 100,
    denominator: 100,
    daysPerWeek: null,
    status: "C",
    monthlySalary: "3098.40",
    balances: [{ subRisk: 2, sector: 1, lines: [{ code: 8, days: "2.3", hours: null }], reportedAt: "2018-01-09 10:35:00" }],
  },
  {
    staffId: 5_000_904,
    lastName: "Vervaet",
    firstName: "Lisa",
    gender: "F",
    birthDate: "1992-01-30",
    serial: 102,
    address: ["Damstraat", "12", "9100", "Sint-Niklaas"],
    institutionId: I.kompasTienen,
    jobTitle: "kleuteronderwijzer",
    start: "2016-09-01",
    end: null,
    numerator: 24,
    denominator: 24,
    daysPerWeek: "5.0",
    status: "T",
    monthlySalary: "2961.70",
    adaptedWork: [{ subRisk: 2, start: "2018-01-08", end: "2018-03-30", daysPerWeek: "2.5", q: "12.00", s: "24.00" }],
    dayNatures: [
      { id: BAD_LINE_FIRST_ID + 1, day: "2018-02-05", code: "3.5", hours: "4.80" },
      { day: "2018-03-02", code: "3.1", hours: "4.80" },
    ],
  },
];

/** Every example person and what it shows, in staff id order. */
export const DEMO_BENEFITS_EXAMPLES: readonly DemoBenefitsExample[] = PERSONS.flatMap((person) =>
  person.example ? [{ staffId: person.staffId, ...person.example }] : [],
);

/** The staff ids of every benefits person, the bad records' included. */
export const BENEFITS_STAFF_IDS: readonly number[] = PERSONS.map((person) => person.staffId);

// ---------------------------------------------------------------------------------------------
// Rows

/** Monday to Friday from `from` to `to`, both included. */
function weekdaysBetween(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (isoWeekday(day) <= 5) count++;
  return count;
}

function hundredths(text: string): number {
  const value = toHundredths(text);
  if (value === null) throw new Error(`"${text}" is not a decimal with at most two places`);
  return value;
}

/** The part of [start, end] (end null = open) that lies in `month`, or null. */
function overlapWithMonth(
  start: CalendarDate,
  end: CalendarDate | null,
  month: YearMonth,
): { from: CalendarDate; to: CalendarDate } | null {
  const from = maxDate(start, firstDayOf(month));
  const to = minDate(end ?? lastDayOf(month), lastDayOf(month));
  return from <= to ? { from, to } : null;
}

function adaptedWorkId(person: BenefitsPerson, index: number): number {
  return person.adaptedWork?.[index]?.id ?? person.staffId * 10 + index + 1;
}

/** The pay factor of a day, in parts per million: Q/S in adapted work; before sub-risk-1 adapted work 0 (incapacity); else 1. */
function payFactorOn(person: BenefitsPerson, day: CalendarDate): number {
  const adapted = person.adaptedWork ?? [];
  const inForce = adapted.find((work) => work.start <= day && (work.end === null || day <= work.end));
  if (inForce) return Math.round((hundredths(inForce.q) * 1_000_000) / hundredths(inForce.s));
  const first = adapted[0];
  if (first && first.subRisk === 1 && day < first.start) return 0;
  return 1_000_000;
}

class Counter {
  private next = COUNTED_LINE_FIRST_ID;

  take(): number {
    return this.next++;
  }
}

/** The benefits-sector rows of the demo (see the file comment); the same on every call. */
export function generateBenefitsPopulation(): ContractRows {
  const staffMembers: ContractRow[] = [];
  const assignments: ContractRow[] = [];
  const salaryLines: ContractRow[] = [];
  const adaptedWork: ContractRow[] = [];
  const performanceLines: ContractRow[] = [];
  const dayNatures: ContractRow[] = [];
  const holidayBalances: ContractRow[] = [];
  const lineIds = { salary: new Counter(), performance: new Counter(), dayNature: new Counter() };
  const usedInsz = new Set<string>(
    CIRCULAR_EXAMPLES.flatMap((example) => (example.rows.staff_member ?? []).map((staff) => String(staff.insz))),
  );
  const months = monthsFromTo(FIRST_BENEFITS_MONTH, LAST_BENEFITS_MONTH);

  for (const person of PERSONS) {
    if (Number(person.birthDate.slice(8)) < 29)
      throw new Error(`staff member ${person.staffId}: born on the ${person.birthDate.slice(8)}th, a day the population draws too`);
    if ((person.serial % 2 === 1) !== (person.gender === "M"))
      throw new Error(`staff member ${person.staffId}: serial ${person.serial} does not match gender ${person.gender}`);
    const insz = makeInsz(person.birthDate, person.serial);
    if (!isValidInsz(insz) || usedInsz.has(insz)) throw new Error(`staff member ${person.staffId}: INSZ ${insz} is invalid or used twice`);
    usedInsz.add(insz);
    const [street, houseNumber, postalCode, municipality] = person.address;
    staffMembers.push({
      id: person.staffId,
      insz,
      last_name: person.lastName,
      first_name: person.firstName,
      birth_date: person.birthDate,
      gender: person.gender,
      street,
      house_number: houseNumber,
      box: null,
      postal_code: postalCode,
      municipality,
      country_code: "BE",
      nationality: "BE",
    });

    const assignmentId = person.staffId;
    const monthlyCents = hundredths(person.monthlySalary);
    assignments.push({
      id: assignmentId,
      staff_id: person.staffId,
      institution_id: person.institutionId,
      start_date: person.start,
      end_date: person.end,
      hours_numerator: String(person.numerator),
      hours_denominator: String(person.denominator),
      days_per_week: person.daysPerWeek,
      job_title: person.jobTitle,
      status: person.status,
      joint_committee: null,
      employer_category: null,
      worker_code: null,
      monthly_salary: person.monthlySalary,
    });

    // Ordinary pay (code 01) per month, pro rata per day and scaled to the adapted work's Q/S, paid on the 25th.
    for (const month of months) {
      const inForce = overlapWithMonth(person.start, person.end, month);
      if (!inForce || person.unpaidMonths?.includes(month)) continue;
      let partsPerMillion = 0;
      for (let day = inForce.from; day <= inForce.to; day = addDays(day, 1)) partsPerMillion += payFactorOn(person, day);
      const cents = Math.round((monthlyCents * partsPerMillion) / (dayCountOf(month) * 1_000_000));
      if (cents === 0) continue;
      salaryLines.push({
        id: lineIds.salary.take(),
        staff_id: person.staffId,
        assignment_id: assignmentId,
        period_month: month,
        gross_amount: formatHundredths(cents),
        wage_code: "01",
        paid_on: `${month}-25`,
      });
    }
    for (const extra of person.extraLines ?? []) {
      salaryLines.push({
        id: lineIds.salary.take(),
        staff_id: person.staffId,
        assignment_id: assignmentId,
        period_month: extra.month,
        gross_amount: extra.amount,
        wage_code: extra.code,
        paid_on: `${extra.month}-25`,
      });
    }

    (person.adaptedWork ?? []).forEach((work, index) => {
      const id = adaptedWorkId(person, index);
      adaptedWork.push({
        id,
        staff_id: person.staffId,
        assignment_id: assignmentId,
        sub_risk: work.subRisk,
        start_date: work.start,
        end_date: work.end,
        days_per_week: work.daysPerWeek,
        q_hours: work.q,
        s_hours: work.s,
      });
      if (work.subRisk !== 1) return;
      // Performance code 1: the working days of the period at the adapted days per week, in half days, and their hours at Q.
      const days = hundredths(work.daysPerWeek);
      for (const month of months) {
        const period = overlapWithMonth(work.start, work.end, month);
        if (!period) continue;
        const halfDays = Math.round((weekdaysBetween(period.from, period.to) * days * 2) / 500);
        const dayHundredths = halfDays * 50;
        const hourHundredths = Math.round((dayHundredths * hundredths(work.q)) / days);
        performanceLines.push({
          id: lineIds.performance.take(),
          adapted_work_id: id,
          period_month: month,
          performance_code: "1",
          days: formatHundredths(dayHundredths),
          hours: formatHundredths(hourHundredths),
        });
        const absence = person.absenceHours?.find((entry) => entry.month === month);
        if (absence)
          performanceLines.push({
            id: lineIds.performance.take(),
            adapted_work_id: id,
            period_month: month,
            performance_code: "50",
            days: null,
            hours: absence.hours,
          });
      }
    });

    for (const dayNature of person.dayNatures ?? []) {
      const index = (person.adaptedWork ?? []).findIndex(
        (work) => work.start <= dayNature.day && (work.end === null || dayNature.day <= work.end),
      );
      if (index < 0) throw new Error(`staff member ${person.staffId}: day nature on ${dayNature.day} outside the adapted work`);
      dayNatures.push({
        id: dayNature.id ?? lineIds.dayNature.take(),
        adapted_work_id: adaptedWorkId(person, index),
        day: dayNature.day,
        code: dayNature.code,
        hours: dayNature.hours,
      });
    }

    let balanceNumber = 0;
    for (const balance of person.balances ?? []) {
      for (const line of balance.lines) {
        holidayBalances.push({
          id: person.staffId * 10 + ++balanceNumber,
          staff_id: person.staffId,
          assignment_id: assignmentId,
          holiday_year: DEMO_HOLIDAY_YEAR,
          sub_risk: balance.subRisk,
          holiday_sector: balance.sector,
          holiday_code: line.code,
          days: line.days,
          hours: line.hours,
          reported_at: balance.reportedAt,
        });
      }
    }
  }

  const rows: ContractRows = {
    staff_member: staffMembers,
    assignment: assignments,
    salary_line: salaryLines,
    adapted_work: adaptedWork,
    performance_line: performanceLines,
    day_nature: dayNatures,
    holiday_balance: holidayBalances,
  };
  for (const bad of DEMO_BENEFITS_BAD_RECORDS) {
    const row = rows[bad.table]?.find((candidate) => candidate.id === bad.id);
    const owner = bad.table === "day_nature" ? adaptedWork.find((work) => work.id === row?.adapted_work_id)?.staff_id : row?.staff_id;
    if (!row || owner !== bad.staffId || row[bad.column] !== bad.value) {
      throw new Error(`bad benefits record ${bad.table} ${bad.id} is not ${bad.column} = ${bad.value} of staff member ${bad.staffId}`);
    }
  }
  return rows;
}
