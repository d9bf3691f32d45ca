/**
 * A deterministic, realistic demo population of the ministry's payroll for school year 2017-2018
 * (some assignments and notifications run into 2018-2019): school boards of AGODI and AHOVOKS with
 * institutions of every level, staff with valid INSZs, assignments, monthly salary lines and RL16
 * notifications for about 40 % of the staff.
 *
 * Same options, same rows: the only source of chance is a seeded PRNG (mulberry32).
 *
 * The mix is chosen so that a monthly run meets every case of D3-D6 and D10: persons eligible for
 * WECH006, persons not eligible by occupation (>= 80 %) or by gross (>= EUR 1600), both limits hit
 * exactly, two simultaneous assignments, a change of employer mid-year, notifications received after
 * a cut-off (one second after, one exactly at it), withdrawn ones, duplicates from a second board,
 * renewals for 2018-2019, later corrections, pay without assignment, and five deliberately bad
 * records ({@link DEMO_BAD_RECORDS}) that a robust run must reject.
 *
 * Ids start at {@link POPULATION_FIRST_ID} in every table; the circular's examples use ids below it.
 * Amounts and fractions are decimal strings ("977.38"), dates `YYYY-MM-DD`, timestamps `YYYY-MM-DD HH:MM:SS`.
 */
import { type CalendarDate, addDays, daysBetween, maxDate, minDate, toEpochDay } from "../domain/calendar-date";
import { isValidInsz } from "../domain/check-digits";
import { formatHundredths } from "../domain/decimal";
import type { RejectionRule } from "../domain/outcome-codes";
import { type YearMonth, addMonths, dayCountOf, firstDayOf, lastDayOf, monthOf, monthsFromTo } from "../domain/year-month";
import type { ContractRow, ContractRows, ContractTableName } from "../source/contract-writer";
import { CIRCULAR_EXAMPLES, rl16MessageRef } from "./circular-examples";
import { SeededRandom } from "../util/seeded-random";

export const DEFAULT_POPULATION_STAFF = 400;
export const DEFAULT_POPULATION_SEED = 20170901;
/** The first id in every table of the population. */
export const POPULATION_FIRST_ID = 1000;
/** Fewer staff leave no room for every profile. */
export const MIN_POPULATION_STAFF = 60;

/** Salary lines exist for the months of the two school years the payment calendar covers. */
const FIRST_DATA_MONTH: YearMonth = "2017-09";
const LAST_DATA_MONTH: YearMonth = "2019-08";
const YEAR_START: CalendarDate = "2017-09-01";
const YEAR_END: CalendarDate = "2018-06-30";
const NEXT_YEAR_START: CalendarDate = "2018-09-01";
const NEXT_YEAR_END: CalendarDate = "2019-06-30";

/** The assignment id that the bad salary line points to; no assignment ever gets it. */
const MISSING_ASSIGNMENT_ID = 999_999;

// ---------------------------------------------------------------------------------------------
// What the population holds

/** What a staff member of the population was generated to be. */
export type DemoProfile =
  /** Notified, one part-time assignment, < 80 % and < EUR 1600 in every month. */
  | "eligible"
  /** Notified, two simultaneous assignments that together stay < 80 % and < EUR 1600. */
  | "eligible-two-assignments"
  /** Notified by the first employer, changes to another board mid-year (example 3 of the circular). */
  | "employer-change"
  /** Notified, < 80 % but paid EUR 1650 or more a month (example 4 of the circular). */
  | "gross-above-threshold"
  /** Notified, < 80 % and paid exactly EUR 1600.00: not eligible, the limit is strict. */
  | "gross-at-threshold"
  /** Notified, < 80 % and paid EUR 1599.99: eligible. */
  | "gross-just-below-threshold"
  /** Notified, one assignment of 80 % or more (gross far above the limit too). */
  | "occupation-above-limit"
  /** Notified, two assignments each < 80 % that together reach 80 % or more. */
  | "two-assignments-over-limit"
  /** Notified, a full-time replacement of under three weeks: occupation 100 %, gross < EUR 1600. */
  | "short-fulltime-interim"
  /** Notified, a replacement of exactly 80 % for two weeks: gross < EUR 1600, occupation not < 80 %. */
  | "interim-at-limit"
  /** Works both years, notified only for 2018-2019. */
  | "next-year-only"
  /** One of {@link DEMO_BAD_RECORDS}. */
  | "bad-record"
  | "not-notified-fulltime"
  | "not-notified-parttime"
  | "not-notified-two-assignments"
  | "not-notified-employer-change";

/** How a person's RL16 notifications came in. */
export type DemoNotice =
  /** Valid from 1 September 2017, received before September's cut-off. */
  | "early-september"
  /** Valid from 1 September 2017, received after September's cut-off: first declared by October's run. */
  | "after-september-cutoff"
  /** Valid from an assignment that starts later in the year, received before that month's cut-off. */
  | "later-in-year"
  /** Valid from an assignment that starts later in the year, received after that month's cut-off. */
  | "later-in-year-after-cutoff"
  /** Received exactly at a cut-off moment: still in time. */
  | "at-cutoff-moment"
  /** Received one second after a cut-off moment. */
  | "second-after-cutoff"
  /** Withdrawn (withdrawn_from set). */
  | "withdrawn"
  /** Withdrawn from the day it became valid: it never opens a window. */
  | "withdrawn-at-once"
  /** A second notification for the same person from another board. */
  | "duplicate"
  /** A notification for school year 2018-2019 (valid from 1 September 2018). */
  | "next-school-year";

export interface DemoStaff {
  readonly staffId: number;
  readonly profile: DemoProfile;
  readonly notices: readonly DemoNotice[];
}

export interface DemoBadRecord {
  /** The rejection code the run must report (src/domain/outcome-codes.ts). */
  readonly rule: RejectionRule;
  /** The table and id of the row that breaks the rule. */
  readonly table: ContractTableName;
  readonly id: number;
  /** The notified person the row belongs to. */
  readonly staffId: number;
  readonly description: string;
}

/** The deliberately bad records: the same ids for every seed and size. */
export const DEMO_BAD_RECORDS: readonly DemoBadRecord[] = [
  { rule: "INSZ_INVALID", table: "staff_member", id: 1000, staffId: 1000, description: "notified staff member whose INSZ has two check digits swapped" },
  { rule: "DENOMINATOR_NOT_POSITIVE", table: "assignment", id: 1001, staffId: 1001, description: "assignment 11/0 of a notified person" },
  { rule: "END_BEFORE_START", table: "assignment", id: 1002, staffId: 1002, description: "assignment of a notified person ending 2018-01-31, before its start 2018-02-05" },
  { rule: "UNKNOWN_ASSIGNMENT", table: "salary_line", id: 1030, staffId: 1003, description: `salary line of a notified person for assignment ${MISSING_ASSIGNMENT_ID}, which does not exist` },
  { rule: "NEGATIVE_MONTH_TOTAL", table: "salary_line", id: 1041, staffId: 1004, description: "recovery of EUR -1400.00 that makes March 2018 of a notified person negative (EUR -250.00)" },
];

export interface PopulationOptions {
  /** Number of staff members, bad records included (default {@link DEFAULT_POPULATION_STAFF}). */
  readonly staff?: number;
  readonly seed?: number;
}

export interface DemoPopulation {
  readonly rows: ContractRows;
  /** Every staff member with the profile it was generated for, in id order. */
  readonly staff: readonly DemoStaff[];
}

// ---------------------------------------------------------------------------------------------
// Seeded chance


/**
 * `total` labels: each weighted label `round(weight x total)` times but at least once, the rest
 * `remainder`, in a shuffled order.
 */
function allocate<T>(random: SeededRandom, total: number, weighted: readonly (readonly [T, number])[], remainder: T): T[] {
  const labels: T[] = [];
  for (const [label, weight] of weighted) {
    const count = Math.max(1, Math.round(weight * total));
    for (let i = 0; i < count; i++) labels.push(label);
  }
  if (labels.length > total) throw new RangeError(`cannot fit ${labels.length} profiles into ${total} staff members`);
  while (labels.length < total) labels.push(remainder);
  return random.shuffle(labels);
}

// ---------------------------------------------------------------------------------------------
// Boards, institutions, jobs

type Level = "BaO" | "SO" | "DKO" | "CLB" | "VWO" | "CBE" | "HO";
type Agency = "AGODI" | "AHOVOKS";

interface Board {
  readonly id: number;
  readonly name: string;
  readonly agency: Agency;
  readonly nossNumber: string;
  readonly kboNumber: string;
}

interface Institution {
  readonly id: number;
  readonly board: Board;
  readonly name: string;
  readonly level: Level;
}

const BOARD_SPECS: readonly { name: string; agency: Agency; institutions: readonly (readonly [string, Level])[] }[] = [
  {
    name: "VZW Katholiek Onderwijs Leiestreek",
    agency: "AGODI",
    institutions: [
      ["Vrije Basisschool De Regenboog Kortrijk", "BaO"],
      ["Vrije Basisschool Sint-Martinus Harelbeke", "BaO"],
      ["Sint-Amandscollege Kortrijk", "SO"],
    ],
  },
  {
    name: "Stadsbestuur Tienen",
    agency: "AGODI",
    institutions: [
      ["Stedelijke Basisschool 't Kompas Tienen", "BaO"],
      ["Stedelijke Academie voor Muziek en Woord Tienen", "DKO"],
    ],
  },
  {
    name: "GO! Scholengroep Kempenland",
    agency: "AGODI",
    institutions: [
      ["GO! Atheneum Herentals", "SO"],
      ["GO! Basisschool De Pluim Herentals", "BaO"],
      ["GO! Technisch Atheneum Mol", "SO"],
    ],
  },
  {
    name: "VZW Scholengemeenschap Sint-Michiel Brugge",
    agency: "AGODI",
    institutions: [
      ["Sint-Michielscollege Brugge", "SO"],
      ["Vrije Basisschool Sint-Michiel Brugge", "BaO"],
    ],
  },
  {
    name: "VZW Katholiek Secundair Onderwijs Pajottenland",
    agency: "AGODI",
    institutions: [
      ["Heilig-Hartinstituut Halle", "SO"],
      ["Sint-Pieterscollege Ninove", "SO"],
    ],
  },
  {
    name: "Gemeentebestuur Maasmechelen",
    agency: "AGODI",
    institutions: [
      ["Gemeentelijke Academie voor Beeldende Kunst Maasmechelen", "DKO"],
      ["Gemeentelijke Basisschool De Maasvallei", "BaO"],
    ],
  },
  {
    name: "VZW Vrij CLB Limburg-Noord",
    agency: "AGODI",
    institutions: [
      ["Vrij CLB Genk", "CLB"],
      ["Vrij CLB Hasselt", "CLB"],
    ],
  },
  { name: "GO! CLB Meetjesland-Waas", agency: "AGODI", institutions: [["GO! CLB Eeklo", "CLB"]] },
  {
    name: "VZW CVO Zuiderkempen",
    agency: "AHOVOKS",
    institutions: [
      ["CVO Zuiderkempen Geel", "VWO"],
      ["CVO Zuiderkempen Westerlo", "VWO"],
    ],
  },
  { name: "VZW Centrum voor Basiseducatie Waas en Dender", agency: "AHOVOKS", institutions: [["Centrum voor Basiseducatie Sint-Niklaas", "CBE"]] },
  {
    name: "Hogeschool Kempen-Demer",
    agency: "AHOVOKS",
    institutions: [
      ["Hogeschool Kempen-Demer campus Diest", "HO"],
      ["Hogeschool Kempen-Demer campus Aarschot", "HO"],
    ],
  },
  {
    name: "VZW Onderwijscentrum Leie en Schelde",
    agency: "AHOVOKS",
    institutions: [
      ["Hogeschool Leie en Schelde Gent", "HO"],
      ["CVO Leie en Schelde Gent", "VWO"],
      ["Centrum voor Basiseducatie Leie en Schelde", "CBE"],
    ],
  },
];

interface Job {
  readonly title: string;
  readonly denominator: number;
}

interface LevelSpec {
  /** How often the level comes up for a new assignment. */
  readonly weight: number;
  readonly jobs: readonly Job[];
  /** Full-time gross monthly salary range, euro cents. */
  readonly fullTime: readonly [number, number];
  /** Numerators are multiples of this (HO counts in percent, by fives). */
  readonly step: number;
  /** Whether payroll knows the days per week. */
  readonly daysKnown: boolean;
  /** Share of contractual ("C") rather than temporary staff. */
  readonly contractual: number;
}

const LEVELS: Readonly<Record<Level, LevelSpec>> = {
  BaO: {
    weight: 30,
    jobs: [
      { title: "onderwijzer", denominator: 24 },
      { title: "kleuteronderwijzer", denominator: 24 },
      { title: "kinderverzorgster", denominator: 32 },
      { title: "leermeester lichamelijke opvoeding", denominator: 24 },
    ],
    fullTime: [250_000, 340_000],
    step: 1,
    daysKnown: true,
    contractual: 0,
  },
  SO: {
    weight: 30,
    jobs: [
      { title: "leraar", denominator: 22 },
      { title: "leraar", denominator: 20 },
      { title: "leraar praktische vakken", denominator: 29 },
      { title: "leraar technische vakken", denominator: 22 },
    ],
    fullTime: [270_000, 380_000],
    step: 1,
    daysKnown: true,
    contractual: 0,
  },
  DKO: {
    weight: 12,
    jobs: [
      { title: "leraar muziek", denominator: 22 },
      { title: "leraar gitaar", denominator: 22 },
      { title: "leraar piano", denominator: 22 },
      { title: "leraar woordkunst-drama", denominator: 20 },
      { title: "leraar beeldende kunst", denominator: 20 },
      { title: "leraar dans", denominator: 20 },
    ],
    fullTime: [260_000, 360_000],
    step: 1,
    daysKnown: true,
    contractual: 0,
  },
  CLB: {
    weight: 6,
    jobs: [
      { title: "psychopedagogisch consulent", denominator: 10 },
      { title: "maatschappelijk werker", denominator: 10 },
      { title: "paramedisch werker", denominator: 10 },
      { title: "arts", denominator: 10 },
    ],
    fullTime: [280_000, 380_000],
    step: 1,
    daysKnown: true,
    contractual: 0,
  },
  VWO: {
    weight: 9,
    jobs: [
      { title: "leraar SVWO", denominator: 22 },
      { title: "leraar NT2", denominator: 22 },
      { title: "leraar HBO5", denominator: 20 },
    ],
    fullTime: [270_000, 370_000],
    step: 1,
    daysKnown: true,
    contractual: 0.1,
  },
  CBE: {
    weight: 5,
    jobs: [
      { title: "leraar CBE", denominator: 36 },
      { title: "stafmedewerker CBE", denominator: 36 },
    ],
    fullTime: [250_000, 330_000],
    step: 1,
    daysKnown: true,
    contractual: 0.5,
  },
  HO: {
    weight: 8,
    jobs: [
      { title: "lector", denominator: 100 },
      { title: "praktijklector", denominator: 100 },
      { title: "assistent", denominator: 100 },
      { title: "ATP graad B12", denominator: 100 },
      { title: "ATP graad C", denominator: 100 },
    ],
    fullTime: [265_000, 380_000],
    step: 5,
    daysKnown: false,
    contractual: 0.3,
  },
};

const LEVEL_WEIGHTS = (Object.entries(LEVELS) as [Level, LevelSpec][]).map(([level, spec]) => [level, spec.weight] as const);

// ---------------------------------------------------------------------------------------------
// People

const FEMALE_FIRST_NAMES = [
  "An", "Annelies", "Ann", "Bieke", "Charlotte", "Elke", "Els", "Evi", "Hanne", "Ilse", "Inge", "Joke", "Karen", "Katrien", "Kelly",
  "Leen", "Lien", "Liesbeth", "Lotte", "Marijke", "Nathalie", "Nele", "Sarah", "Sofie", "Tine", "Veerle", "Wendy", "Ellen", "Griet", "Eline",
];
const MALE_FIRST_NAMES = [
  "Bart", "Ben", "Bram", "Dirk", "Filip", "Frederik", "Geert", "Gert", "Hans", "Jan", "Jeroen", "Johan", "Joris", "Kevin", "Koen",
  "Kristof", "Lieven", "Luc", "Maarten", "Nick", "Pieter", "Pieter-Jan", "Raf", "Sam", "Stijn", "Steven", "Tom", "Wim", "Wouter", "Yves",
];
const LAST_NAMES = [
  "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Vermeulen", "Van den Broeck",
  "Hermans", "Aerts", "Pauwels", "Verhoeven", "Van Damme", "De Backer", "Lambrechts", "Coppens", "Michiels", "Smets", "Verstraete",
  "Stevens", "De Clercq", "Van Acker", "Vandenberghe", "Martens", "Cools", "Bogaerts", "Vervoort", "Van Hecke", "Baert", "Segers",
  "Wuyts", "Declercq", "Van de Velde", "Verbeke", "Geerts", "Desmet", "Vanhove", "De Vos", "Leemans", "Thys", "Van Looy", "Deprez",
  "Huysmans", "Van Dyck", "Verlinden", "Boeckx",
];
const STREETS = [
  "Kerkstraat", "Stationsstraat", "Molenstraat", "Schoolstraat", "Dorpsstraat", "Nieuwstraat", "Beekstraat", "Kapelstraat", "Veldstraat",
  "Hoogstraat", "Lindenlaan", "Kastanjelaan", "Kouter", "Brugstraat", "Meersstraat", "Heidestraat", "Processieweg", "Zavelstraat",
  "Bosstraat", "Weverstraat", "Leopoldlaan", "Koningin Astridlaan", "Vaartstraat", "Spoorweglaan",
];
const MUNICIPALITIES: readonly (readonly [string, string])[] = [
  ["8500", "Kortrijk"], ["8530", "Harelbeke"], ["8790", "Waregem"], ["8000", "Brugge"], ["8400", "Oostende"], ["8800", "Roeselare"],
  ["9000", "Gent"], ["9300", "Aalst"], ["9400", "Ninove"], ["9100", "Sint-Niklaas"], ["9900", "Eeklo"], ["9200", "Dendermonde"],
  ["2000", "Antwerpen"], ["2200", "Herentals"], ["2400", "Mol"], ["2440", "Geel"], ["2260", "Westerlo"], ["2500", "Lier"],
  ["2800", "Mechelen"], ["3000", "Leuven"], ["3300", "Tienen"], ["3200", "Aarschot"], ["3290", "Diest"], ["1500", "Halle"],
  ["3500", "Hasselt"], ["3600", "Genk"], ["3630", "Maasmechelen"], ["3800", "Sint-Truiden"],
];
const DUTCH_ADDRESSES: readonly (readonly [string, string, string])[] = [
  ["Brusselsestraat", "6211 PG", "Maastricht"],
  ["Grote Markt", "4611 NT", "Bergen op Zoom"],
];

interface Person {
  readonly id: number;
  readonly insz: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: CalendarDate;
  readonly gender: "M" | "F";
  readonly street: string;
  readonly houseNumber: string;
  readonly box: string | null;
  readonly postalCode: string;
  readonly municipality: string;
  readonly countryCode: string;
  readonly nationality: string;
}

/** An INSZ from birth date and daily serial (odd for men, even for women), check number included. */
export function makeInsz(birthDate: CalendarDate, serial: number): string {
  const base = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(serial).padStart(3, "0")}`;
  const value = (Number(birthDate.slice(0, 4)) >= 2000 ? 2_000_000_000 : 0) + Number(base);
  return base + String(97 - (value % 97)).padStart(2, "0");
}

/** A KBO enterprise number from its first eight digits. */
function makeKbo(firstEight: string): string {
  return firstEight + String(97 - (Number(firstEight) % 97)).padStart(2, "0");
}

/** An RSZ/NOSS registration number from its seven-digit body. */
function makeNoss(body: number): string {
  const check = 96 - ((body * 100) % 97);
  return String(body) + String(check === 0 ? 97 : check).padStart(2, "0");
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Monday = 1 ... Sunday = 7; 1970-01-01 was a Thursday. */
function isoWeekday(date: CalendarDate): number {
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Mondays of `month` that fall on day 1-21, so that a start is always paid that month. */
function startingMondays(month: YearMonth): CalendarDate[] {
  const mondays: CalendarDate[] = [];
  for (let day = 1; day <= 21; day++) {
    const date = `${month}-${String(day).padStart(2, "0")}`;
    if (isoWeekday(date) === 1) mondays.push(date);
  }
  return mondays;
}

function timestamp(date: CalendarDate, hour: number, minute: number, second = 0): string {
  const two = (value: number) => String(value).padStart(2, "0");
  return `${date} ${two(hour)}:${two(minute)}:${two(second)}`;
}

function cutoffOf(month: YearMonth): string {
  return `${month}-15 16:00:00`;
}

// ---------------------------------------------------------------------------------------------
// The rows being built

interface Assignment {
  readonly id: number;
  readonly staffId: number;
  readonly institution: Institution;
  readonly start: CalendarDate;
  readonly end: CalendarDate | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly daysPerWeek: string | null;
  readonly jobTitle: string;
  readonly status: "T" | "V" | "C";
  readonly monthlyCents: number;
}

interface SalaryLine {
  readonly id: number;
  readonly staffId: number;
  readonly assignmentId: number | null;
  readonly month: YearMonth;
  readonly cents: number;
  readonly paidOn: CalendarDate;
}

interface Notification {
  readonly id: number;
  readonly staffId: number;
  readonly boardId: number;
  readonly receivedAt: string;
  readonly validFrom: CalendarDate;
  readonly withdrawnFrom: CalendarDate | null;
  readonly maintenanceOfRights: 0 | 1;
  readonly fulltimeRequest: 0 | 1;
}

/** The terms of a new assignment; the builder adds id, days per week and salary. */
interface AssignmentTerms {
  readonly institution: Institution;
  readonly job: Job;
  readonly start: CalendarDate;
  readonly end: CalendarDate | null;
  readonly numerator: number;
  readonly fullTimeCents?: number;
  /** Overrides the salary derived from the full-time salary. */
  readonly monthlyCents?: number;
  readonly status: "T" | "V" | "C";
}

/** Bounds for a fraction: at least `min`, strictly below `below`, and the pay that follows from it. */
interface FractionBounds {
  readonly min: number;
  readonly below: number;
  readonly minMonthlyCents?: number;
  readonly maxMonthlyCents?: number;
}

/** The facts of a person that is not drawn at random. */
interface FixedPerson {
  readonly lastName: string;
  readonly firstName: string;
  readonly gender: "M" | "F";
  readonly birthDate: CalendarDate;
  /** A given INSZ, valid or not; otherwise one is made from birth date and `serial`. */
  readonly insz?: string;
  readonly serial?: number;
}

class PopulationBuilder {
  readonly boards: Board[] = [];
  readonly institutions: Institution[] = [];
  readonly persons: Person[] = [];
  readonly assignments: Assignment[] = [];
  readonly lines: SalaryLine[] = [];
  readonly notifications: Notification[] = [];
  readonly staff: DemoStaff[] = [];
  /** The examples' INSZs are taken too: both sets live in the same demo database. */
  private readonly usedInsz = new Set<string>(CIRCULAR_EXAMPLES.flatMap((example) => (example.rows.staff_member ?? []).map((staff) => String(staff.insz))));
  private readonly nextId = { person: POPULATION_FIRST_ID, assignment: POPULATION_FIRST_ID, line: POPULATION_FIRST_ID, notification: POPULATION_FIRST_ID };

  constructor(readonly random: SeededRandom) {
    BOARD_SPECS.forEach((spec, index) => {
      const board: Board = {
        id: POPULATION_FIRST_ID + index,
        name: spec.name,
        agency: spec.agency,
        kboNumber: makeKbo(`04${String(1_357_913 + index * 40_503).padStart(6, "0").slice(-6)}`),
        nossNumber: makeNoss(1_200_000 + index * 61_379),
      };
      this.boards.push(board);
      for (const [name, level] of spec.institutions) {
        this.institutions.push({ id: POPULATION_FIRST_ID + this.institutions.length, board, name, level });
      }
    });
  }

  // -- people

  /** A new staff member: random, or with the fixed facts of a bad record (an INSZ or its daily serial). */
  newPerson(fixed?: FixedPerson): Person {
    const random = this.random;
    const gender = fixed?.gender ?? (random.chance(0.7) ? "F" : "M");
    const birthDate = fixed?.birthDate ?? `${random.int(1957, 1996)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
    let insz = fixed?.insz ?? (fixed?.serial !== undefined ? makeInsz(birthDate, fixed.serial) : undefined);
    while (insz === undefined || (fixed === undefined && this.usedInsz.has(insz))) {
      insz = makeInsz(birthDate, random.int(0, 498) * 2 + (gender === "M" ? 1 : 2));
    }
    if (this.usedInsz.has(insz)) throw new Error(`INSZ ${insz} is used twice`);
    this.usedInsz.add(insz);
    const abroad = random.chance(0.01);
    const [street, postalCode, municipality] = abroad ? random.pick(DUTCH_ADDRESSES) : [random.pick(STREETS), ...random.pick(MUNICIPALITIES)];
    const person: Person = {
      id: this.nextId.person++,
      insz,
      lastName: fixed?.lastName ?? random.pick(LAST_NAMES),
      firstName: fixed?.firstName ?? random.pick(gender === "F" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      birthDate,
      gender,
      street,
      houseNumber: String(random.int(1, 180)),
      box: random.chance(0.12) ? String(random.int(1, 12)) : null,
      postalCode,
      municipality,
      countryCode: abroad ? "NL" : "BE",
      nationality: abroad || random.chance(0.02) ? "NL" : "BE",
    };
    this.persons.push(person);
    return person;
  }

  record(person: Person, profile: DemoProfile, notices: DemoNotice[] = []): void {
    this.staff.push({ staffId: person.id, profile, notices });
  }

  // -- jobs and fractions

  level(): Level {
    return this.random.weighted(LEVEL_WEIGHTS);
  }

  institutionOf(level: Level, except?: Institution): Institution {
    const candidates = this.institutions.filter((institution) => institution.level === level && institution.board !== except?.board);
    return this.random.pick(candidates.length > 0 ? candidates : this.institutions.filter((institution) => institution.level === level));
  }

  /** An institution under another board than `other`'s, of any level. */
  otherBoardInstitution(other: Institution): Institution {
    return this.institutionOf(this.level(), other);
  }

  fullTimeCents(level: Level, floor = 0): number {
    const [min, max] = LEVELS[level].fullTime;
    return this.random.int(Math.max(min, floor), max);
  }

  job(level: Level): Job {
    return this.random.pick(LEVELS[level].jobs);
  }

  /** A numerator for `job` within `bounds`, or null when none fits. */
  numerator(level: Level, job: Job, fullTimeCents: number, bounds: FractionBounds): number | null {
    const { step } = LEVELS[level];
    const candidates: number[] = [];
    for (let numerator = step; numerator <= job.denominator; numerator += step) {
      // Denominators are at most 100, so no two fractions are close enough for float comparison to err.
      const fraction = numerator / job.denominator;
      const monthly = Math.round((fullTimeCents * numerator) / job.denominator);
      if (fraction < bounds.min || fraction >= bounds.below) continue;
      if (bounds.minMonthlyCents !== undefined && monthly < bounds.minMonthlyCents) continue;
      if (bounds.maxMonthlyCents !== undefined && monthly > bounds.maxMonthlyCents) continue;
      candidates.push(numerator);
    }
    return candidates.length > 0 ? this.random.pick(candidates) : null;
  }

  /** Level, job, full-time salary and numerator within `bounds`; retries until one fits. */
  terms(bounds: FractionBounds, options: { level?: Level; fullTimeFloor?: number } = {}): { level: Level; job: Job; fullTimeCents: number; numerator: number } {
    for (let attempt = 0; attempt < 100; attempt++) {
      const level = options.level ?? this.level();
      const job = this.job(level);
      const fullTimeCents = this.fullTimeCents(level, options.fullTimeFloor);
      const numerator = this.numerator(level, job, fullTimeCents, bounds);
      if (numerator !== null) return { level, job, fullTimeCents, numerator };
    }
    throw new Error(`no assignment fits ${JSON.stringify(bounds)}`);
  }

  temporaryStatus(level: Level): "T" | "C" {
    return this.random.chance(LEVELS[level].contractual) ? "C" : "T";
  }

  // -- assignments and pay

  addAssignment(staffId: number, terms: AssignmentTerms): Assignment {
    const spec = LEVELS[terms.institution.level];
    const fraction = terms.numerator / terms.job.denominator;
    const monthlyCents = terms.monthlyCents ?? Math.round(((terms.fullTimeCents ?? 0) * terms.numerator) / terms.job.denominator);
    const assignment: Assignment = {
      id: this.nextId.assignment++,
      staffId,
      institution: terms.institution,
      start: terms.start,
      end: terms.end,
      numerator: terms.numerator,
      denominator: terms.job.denominator,
      // Days per week follow the fraction in half days; unknown where payroll does not keep them.
      daysPerWeek: spec.daysKnown && terms.job.denominator > 0 ? (Math.max(1, Math.round(fraction * 10)) / 2).toFixed(1) : null,
      jobTitle: terms.job.title,
      status: terms.status,
      monthlyCents,
    };
    if (assignment.id >= MISSING_ASSIGNMENT_ID) throw new RangeError("too many assignments for the demo population");
    this.assignments.push(assignment);
    this.payMonthly(assignment);
    return assignment;
  }

  addLine(staffId: number, assignmentId: number | null, month: YearMonth, cents: number, paidOn: CalendarDate): SalaryLine {
    const line: SalaryLine = { id: this.nextId.line++, staffId, assignmentId, month, cents, paidOn };
    this.lines.push(line);
    return line;
  }

  /** One line per month in force within the data period, pro rata for partial months, paid on the 25th. */
  payMonthly(assignment: Assignment): void {
    const lastDay = assignment.end ?? lastDayOf(LAST_DATA_MONTH);
    if (lastDay < assignment.start) return;
    const from = maxDate(monthOf(assignment.start), FIRST_DATA_MONTH);
    const to = minDate(monthOf(lastDay), LAST_DATA_MONTH);
    for (const month of monthsFromTo(from, to)) {
      const days = daysBetween(maxDate(assignment.start, firstDayOf(month)), minDate(lastDay, lastDayOf(month))) + 1;
      const cents = Math.round((assignment.monthlyCents * days) / dayCountOf(month));
      this.addLine(assignment.staffId, assignment.id, month, cents, `${month}-25`);
    }
  }

  /** A later correction for one month of the assignment, paid on the 25th of the next month. */
  addCorrection(assignment: Assignment, percent: number): void {
    const months = this.lines.filter((line) => line.assignmentId === assignment.id && line.month < LAST_DATA_MONTH).map((line) => line.month);
    if (months.length === 0) return;
    const month = this.random.pick(months);
    const cents = Math.round((assignment.monthlyCents * percent) / 100);
    this.addLine(assignment.staffId, assignment.id, month, cents, `${addMonths(month, 1)}-25`);
  }

  /** A monthly allowance booked without assignment, for the autumn months the person is paid. */
  addUnassignedAllowance(staffId: number): void {
    const months = new Set(this.lines.filter((line) => line.staffId === staffId && line.month <= "2017-12" && line.assignmentId !== null).map((line) => line.month));
    const cents = this.random.int(35, 70) * 100;
    for (const month of [...months].sort()) this.addLine(staffId, null, month, cents, `${month}-25`);
  }

  // -- notifications

  addNotification(staffId: number, board: Board, validFrom: CalendarDate, receivedAt: string, withdrawnFrom: CalendarDate | null = null): Notification {
    const maintenanceOfRights = this.random.chance(0.85) ? 1 : 0;
    const notification: Notification = {
      id: this.nextId.notification++,
      staffId,
      boardId: board.id,
      receivedAt,
      validFrom,
      withdrawnFrom,
      maintenanceOfRights,
      fulltimeRequest: maintenanceOfRights === 1 && this.random.chance(0.9) ? 1 : 0,
    };
    this.notifications.push(notification);
    return notification;
  }

  /** A moment on a working day between `from` and `from + days`, office hours. */
  receivedBetween(from: CalendarDate, days: number): string {
    let date = addDays(from, this.random.int(0, days));
    while (isoWeekday(date) > 5) date = addDays(date, 1);
    return timestamp(date, this.random.int(8, 16), this.random.int(0, 59));
  }

  /** Received on a working day in September 2017 before the cut-off (1-13 September). */
  receivedEarlySeptember(): string {
    return this.receivedBetween("2017-09-01", 11);
  }
}

// ---------------------------------------------------------------------------------------------
// Profiles

/** Fraction and pay limits that keep a person eligible with room for allowances and corrections. */
const ELIGIBLE: FractionBounds = { min: 0.2, below: 0.75, maxMonthlyCents: 145_000 };

type EligibleVariant = "early-september" | "after-september-cutoff" | "later-in-year" | "later-in-year-after-cutoff" | "withdrawn" | "renewed" | "appointed";

/** Edge cases handed to the first eligible person of the variant that can carry them. */
interface EligibleEdge {
  /** Received exactly at the cut-off moment of the start month (still in time). */
  readonly atCutoff: boolean;
  /** Received one second after the cut-off moment of the start month. */
  readonly secondAfterCutoff: boolean;
  /** Withdrawn from the day it became valid. */
  readonly withdrawnAtOnce: boolean;
}

const LATER_START_MONTHS: readonly YearMonth[] = ["2017-10", "2017-11", "2017-12", "2018-01", "2018-02", "2018-03"];

function buildEligible(builder: PopulationBuilder, variant: EligibleVariant, edge: EligibleEdge): void {
  const { random } = builder;
  const person = builder.newPerson();
  const { level, job, fullTimeCents, numerator } = builder.terms(ELIGIBLE);
  const institution = builder.institutionOf(level);

  let start = YEAR_START;
  let end: CalendarDate | null = YEAR_END;
  let status: "T" | "V" | "C" = builder.temporaryStatus(level);
  if (variant === "appointed") {
    start = `${random.int(2006, 2016)}-09-01`;
    end = null;
    status = "V";
  } else if (variant === "later-in-year") {
    // Starts by the 14th and is received in the three days before: always before the cut-off.
    start = edge.atCutoff ? "2017-11-06" : random.pick(startingMondays(random.pick(LATER_START_MONTHS)).filter((monday) => monday.slice(8) <= "14"));
  } else if (variant === "later-in-year-after-cutoff") {
    start = edge.secondAfterCutoff ? "2018-01-08" : random.pick(startingMondays(random.pick(LATER_START_MONTHS)));
  }
  const assignment = builder.addAssignment(person.id, { institution, job, start, end, numerator, fullTimeCents, status });

  const validFrom = maxDate(start, YEAR_START);
  const startMonth = monthOf(validFrom);
  let receivedAt: string;
  let withdrawnFrom: CalendarDate | null = null;
  const notices: DemoNotice[] = [];
  switch (variant) {
    case "after-september-cutoff":
      receivedAt = builder.receivedBetween("2017-09-18", 10);
      notices.push("after-september-cutoff");
      break;
    case "later-in-year":
      receivedAt = edge.atCutoff ? cutoffOf(startMonth) : builder.receivedBetween(addDays(start, -3), 2);
      notices.push("later-in-year", ...(edge.atCutoff ? (["at-cutoff-moment"] as const) : []));
      break;
    case "later-in-year-after-cutoff":
      receivedAt = edge.secondAfterCutoff ? timestamp(`${startMonth}-15`, 16, 0, 1) : builder.receivedBetween(`${startMonth}-16`, 8);
      notices.push("later-in-year-after-cutoff", ...(edge.secondAfterCutoff ? (["second-after-cutoff"] as const) : []));
      break;
    case "withdrawn":
      receivedAt = builder.receivedEarlySeptember();
      withdrawnFrom = edge.withdrawnAtOnce ? validFrom : `${random.pick(["2017-12", "2018-01", "2018-02", "2018-03", "2018-04"])}-01`;
      notices.push("early-september", edge.withdrawnAtOnce ? "withdrawn-at-once" : "withdrawn");
      break;
    default:
      receivedAt = builder.receivedEarlySeptember();
      notices.push("early-september");
  }
  builder.addNotification(person.id, institution.board, validFrom, receivedAt, withdrawnFrom);

  if (variant === "renewed") {
    builder.addAssignment(person.id, { institution, job, start: NEXT_YEAR_START, end: NEXT_YEAR_END, numerator, fullTimeCents, status });
    builder.addNotification(person.id, institution.board, NEXT_YEAR_START, builder.receivedBetween("2018-09-03", 6));
    notices.push("next-school-year");
  }
  builder.record(person, "eligible", notices);
  addExtras(builder, person, [assignment], { negative: false });
}

function buildEligibleTwoAssignments(builder: PopulationBuilder, duplicate: boolean): void {
  const { random } = builder;
  const person = builder.newPerson();
  const first = builder.terms({ min: 0.2, below: 0.45, maxMonthlyCents: 90_000 });
  const firstInstitution = builder.institutionOf(first.level);
  const firstAssignment = builder.addAssignment(person.id, {
    institution: firstInstitution,
    job: first.job,
    start: YEAR_START,
    end: YEAR_END,
    numerator: first.numerator,
    fullTimeCents: first.fullTimeCents,
    status: builder.temporaryStatus(first.level),
  });
  const firstFraction = first.numerator / first.job.denominator;
  const secondInstitution = duplicate || random.chance(0.6) ? builder.otherBoardInstitution(firstInstitution) : builder.institutionOf(builder.level());
  const second = builder.terms(
    { min: 0.05, below: 0.75 - firstFraction, maxMonthlyCents: 145_000 - firstAssignment.monthlyCents },
    { level: secondInstitution.level },
  );
  const secondStart = random.chance(0.6) ? YEAR_START : random.pick(startingMondays(random.pick(["2017-10", "2017-11", "2018-01"])));
  const secondAssignment = builder.addAssignment(person.id, {
    institution: secondInstitution,
    job: second.job,
    start: secondStart,
    end: YEAR_END,
    numerator: second.numerator,
    fullTimeCents: second.fullTimeCents,
    status: builder.temporaryStatus(second.level),
  });
  const notices: DemoNotice[] = ["early-september"];
  builder.addNotification(person.id, firstInstitution.board, YEAR_START, builder.receivedEarlySeptember());
  if (duplicate) {
    builder.addNotification(person.id, secondInstitution.board, secondStart, builder.receivedBetween(maxDate(secondStart, "2017-09-18"), 10));
    notices.push("duplicate");
  }
  builder.record(person, "eligible-two-assignments", notices);
  addExtras(builder, person, [firstAssignment, secondAssignment], { negative: false });
}

/** First employer from 1 September, second (another board) after a gap, both eligible fractions. */
function buildEmployerChange(builder: PopulationBuilder, notified: boolean, duplicate: boolean): void {
  const { random } = builder;
  const person = builder.newPerson();
  const bounds = notified ? ELIGIBLE : { min: 0.2, below: 0.8 };
  const first = builder.terms(bounds);
  const firstInstitution = builder.institutionOf(first.level);
  const firstEnd = random.pick(["2017-11-30", "2017-12-22", "2018-01-31", "2018-02-09"]);
  const firstAssignment = builder.addAssignment(person.id, {
    institution: firstInstitution,
    job: first.job,
    start: YEAR_START,
    end: firstEnd,
    numerator: first.numerator,
    fullTimeCents: first.fullTimeCents,
    status: builder.temporaryStatus(first.level),
  });
  const secondInstitution = builder.otherBoardInstitution(firstInstitution);
  const second = builder.terms(bounds, { level: secondInstitution.level });
  const earliest = addDays(firstEnd, random.int(2, 14));
  const secondStart = [...startingMondays(monthOf(addDays(firstEnd, 1))), ...startingMondays(monthOf(addDays(firstEnd, 21)))].find((monday) => monday > earliest);
  if (secondStart === undefined) throw new Error(`no Monday to start on after ${earliest}`);
  const secondAssignment = builder.addAssignment(person.id, {
    institution: secondInstitution,
    job: second.job,
    start: secondStart,
    end: YEAR_END,
    numerator: second.numerator,
    fullTimeCents: second.fullTimeCents,
    status: builder.temporaryStatus(second.level),
  });
  if (!notified) {
    builder.record(person, "not-notified-employer-change");
    addExtras(builder, person, [firstAssignment, secondAssignment], { negative: true });
    return;
  }
  const notices: DemoNotice[] = ["early-september"];
  builder.addNotification(person.id, firstInstitution.board, YEAR_START, builder.receivedEarlySeptember());
  if (duplicate) {
    builder.addNotification(person.id, secondInstitution.board, secondStart, builder.receivedBetween(secondStart, 4));
    notices.push("duplicate");
  }
  builder.record(person, "employer-change", notices);
  addExtras(builder, person, [firstAssignment, secondAssignment], { negative: false });
}

function buildGrossAboveThreshold(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const terms = builder.terms({ min: 0.5, below: 0.8, minMonthlyCents: 165_000 }, { fullTimeFloor: 300_000 });
  const institution = builder.institutionOf(terms.level);
  const appointed = builder.random.chance(0.3);
  const assignment = builder.addAssignment(person.id, {
    institution,
    job: terms.job,
    start: appointed ? `${builder.random.int(2004, 2015)}-09-01` : YEAR_START,
    end: appointed ? null : YEAR_END,
    numerator: terms.numerator,
    fullTimeCents: terms.fullTimeCents,
    status: appointed ? "V" : builder.temporaryStatus(terms.level),
  });
  builder.addNotification(person.id, institution.board, YEAR_START, builder.receivedEarlySeptember());
  builder.record(person, "gross-above-threshold", ["early-september"]);
  addExtras(builder, person, [assignment], { negative: false });
}

/** Exactly EUR 1600.00 (not eligible) or EUR 1599.99 (eligible) a month at 13/22 and 12/20 in SO. */
function buildGrossEdge(builder: PopulationBuilder, monthlyCents: number): void {
  const person = builder.newPerson();
  const institution = builder.institutionOf("SO");
  const job: Job = monthlyCents >= 160_000 ? { title: "leraar", denominator: 22 } : { title: "leraar", denominator: 20 };
  const numerator = monthlyCents >= 160_000 ? 13 : 12;
  builder.addAssignment(person.id, { institution, job, start: YEAR_START, end: YEAR_END, numerator, monthlyCents, status: "T" });
  builder.addNotification(person.id, institution.board, YEAR_START, builder.receivedEarlySeptember());
  builder.record(person, monthlyCents >= 160_000 ? "gross-at-threshold" : "gross-just-below-threshold", ["early-september"]);
}

function buildOccupationAboveLimit(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const terms = builder.terms({ min: 0.8, below: 1.000001 });
  const institution = builder.institutionOf(terms.level);
  const appointed = builder.random.chance(0.5);
  const assignment = builder.addAssignment(person.id, {
    institution,
    job: terms.job,
    start: appointed ? `${builder.random.int(2000, 2016)}-09-01` : YEAR_START,
    end: appointed ? null : YEAR_END,
    numerator: terms.numerator,
    fullTimeCents: terms.fullTimeCents,
    status: appointed ? "V" : builder.temporaryStatus(terms.level),
  });
  builder.addNotification(person.id, institution.board, YEAR_START, builder.receivedEarlySeptember());
  builder.record(person, "occupation-above-limit", ["early-september"]);
  addExtras(builder, person, [assignment], { negative: true });
}

function buildTwoAssignmentsOverLimit(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const first = builder.terms({ min: 0.45, below: 0.61 });
  const firstInstitution = builder.institutionOf(first.level);
  const firstAssignment = builder.addAssignment(person.id, {
    institution: firstInstitution,
    job: first.job,
    start: YEAR_START,
    end: YEAR_END,
    numerator: first.numerator,
    fullTimeCents: first.fullTimeCents,
    status: builder.temporaryStatus(first.level),
  });
  const secondInstitution = builder.otherBoardInstitution(firstInstitution);
  const second = builder.terms({ min: 0.86 - first.numerator / first.job.denominator, below: 0.7 }, { level: secondInstitution.level });
  const secondAssignment = builder.addAssignment(person.id, {
    institution: secondInstitution,
    job: second.job,
    start: YEAR_START,
    end: YEAR_END,
    numerator: second.numerator,
    fullTimeCents: second.fullTimeCents,
    status: builder.temporaryStatus(second.level),
  });
  builder.addNotification(person.id, firstInstitution.board, YEAR_START, builder.receivedEarlySeptember());
  builder.record(person, "two-assignments-over-limit", ["early-september"]);
  addExtras(builder, person, [firstAssignment, secondAssignment], { negative: true });
}

/** A full-time replacement Monday to Friday of the next week (12 days) within one month. */
function buildShortFulltimeInterim(builder: PopulationBuilder): void {
  const { random } = builder;
  const person = builder.newPerson();
  const level = random.pick<Level>(["BaO", "SO", "DKO"]);
  const job = builder.job(level);
  const institution = builder.institutionOf(level);
  const start = random.pick(startingMondays(random.pick(["2018-01", "2018-02", "2018-03", "2018-04", "2018-05"])).filter((monday) => Number(monday.slice(8)) <= 14));
  builder.addAssignment(person.id, {
    institution,
    job,
    start,
    end: addDays(start, 11),
    numerator: job.denominator,
    fullTimeCents: Math.min(300_000, builder.fullTimeCents(level)),
    status: "T",
  });
  builder.addNotification(person.id, institution.board, start, builder.receivedBetween(addDays(start, 1), 2));
  builder.record(person, "short-fulltime-interim", ["later-in-year"]);
}

/** CLB 8/10 from 5 to 16 March 2018: occupation exactly 80 %, pay a third of a month. */
function buildInterimAtLimit(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const institution = builder.institutionOf("CLB");
  builder.addAssignment(person.id, {
    institution,
    job: { title: "psychopedagogisch consulent", denominator: 10 },
    start: "2018-03-05",
    end: "2018-03-16",
    numerator: 8,
    fullTimeCents: 290_000,
    status: "T",
  });
  builder.addNotification(person.id, institution.board, "2018-03-05", "2018-03-06 09:15:00");
  builder.record(person, "interim-at-limit", ["later-in-year"]);
}

function buildNextYearOnly(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const terms = builder.terms(ELIGIBLE);
  const institution = builder.institutionOf(terms.level);
  const status = builder.temporaryStatus(terms.level);
  const common = { institution, job: terms.job, numerator: terms.numerator, fullTimeCents: terms.fullTimeCents, status };
  builder.addAssignment(person.id, { ...common, start: YEAR_START, end: YEAR_END });
  builder.addAssignment(person.id, { ...common, start: NEXT_YEAR_START, end: NEXT_YEAR_END });
  builder.addNotification(person.id, institution.board, NEXT_YEAR_START, builder.receivedBetween("2018-09-03", 6));
  builder.record(person, "next-year-only", ["next-school-year"]);
}

function buildNotNotifiedFulltime(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const terms = builder.terms({ min: 0.8, below: 1.000001 });
  const institution = builder.institutionOf(terms.level);
  const appointed = builder.random.chance(0.85);
  const assignment = builder.addAssignment(person.id, {
    institution,
    job: terms.job,
    start: appointed ? `${builder.random.int(1995, 2016)}-09-01` : YEAR_START,
    end: appointed ? null : YEAR_END,
    numerator: terms.numerator,
    fullTimeCents: terms.fullTimeCents,
    status: appointed ? "V" : builder.temporaryStatus(terms.level),
  });
  builder.record(person, "not-notified-fulltime");
  addExtras(builder, person, [assignment], { negative: true });
}

function buildNotNotifiedParttime(builder: PopulationBuilder): void {
  const { random } = builder;
  const person = builder.newPerson();
  const terms = builder.terms({ min: 0.2, below: 0.8 });
  const institution = builder.institutionOf(terms.level);
  const appointed = random.chance(0.3);
  const status: "T" | "V" | "C" = appointed ? "V" : builder.temporaryStatus(terms.level);
  const common = { institution, job: terms.job, numerator: terms.numerator, fullTimeCents: terms.fullTimeCents, status };
  const assignment = builder.addAssignment(person.id, {
    ...common,
    start: appointed ? `${random.int(2005, 2016)}-09-01` : YEAR_START,
    end: appointed ? null : YEAR_END,
  });
  if (!appointed && random.chance(0.3)) builder.addAssignment(person.id, { ...common, start: NEXT_YEAR_START, end: NEXT_YEAR_END });
  builder.record(person, "not-notified-parttime");
  addExtras(builder, person, [assignment], { negative: true });
}

function buildNotNotifiedTwoAssignments(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const first = builder.terms({ min: 0.2, below: 0.6 });
  const firstInstitution = builder.institutionOf(first.level);
  const firstAssignment = builder.addAssignment(person.id, {
    institution: firstInstitution,
    job: first.job,
    start: YEAR_START,
    end: YEAR_END,
    numerator: first.numerator,
    fullTimeCents: first.fullTimeCents,
    status: builder.temporaryStatus(first.level),
  });
  const secondInstitution = builder.otherBoardInstitution(firstInstitution);
  const second = builder.terms({ min: 0.1, below: 0.5 }, { level: secondInstitution.level });
  builder.addAssignment(person.id, {
    institution: secondInstitution,
    job: second.job,
    start: YEAR_START,
    end: YEAR_END,
    numerator: second.numerator,
    fullTimeCents: second.fullTimeCents,
    status: builder.temporaryStatus(second.level),
  });
  builder.record(person, "not-notified-two-assignments");
  addExtras(builder, person, [firstAssignment], { negative: true });
}

/**
 * Now and then a correction paid a month late (positive; a recovery where the person's limits do not
 * depend on it) and an allowance booked without assignment.
 */
function addExtras(builder: PopulationBuilder, person: Person, assignments: readonly Assignment[], options: { negative: boolean }): void {
  const { random } = builder;
  if (random.chance(0.05)) builder.addCorrection(random.pick(assignments), random.int(1, 3));
  if (options.negative && random.chance(0.03)) builder.addCorrection(random.pick(assignments), -random.int(2, 6));
  if (random.chance(0.05)) builder.addUnassignedAllowance(person.id);
}

/** The five persons of {@link DEMO_BAD_RECORDS}: fixed ids and facts, built before anything random. */
function buildBadRecords(builder: PopulationBuilder): void {
  const institution = (level: Level) => builder.institutions.find((candidate) => candidate.level === level) as Institution;
  const notify = (assignment: Assignment, validFrom: CalendarDate, receivedAt: string) =>
    builder.addNotification(assignment.staffId, assignment.institution.board, validFrom, receivedAt);

  // 1000: an INSZ with two check digits swapped (the valid number is 82061512426).
  const wrongInsz = builder.newPerson({ insz: "82061512462", lastName: "Vermeersch", firstName: "Hilde", gender: "F", birthDate: "1982-06-15" });
  const wrongInszJob = builder.addAssignment(wrongInsz.id, {
    institution: institution("BaO"),
    job: { title: "onderwijzer", denominator: 24 },
    start: YEAR_START,
    end: YEAR_END,
    numerator: 12,
    monthlyCents: 138_000,
    status: "T",
  });
  notify(wrongInszJob, YEAR_START, "2017-09-04 10:00:00");

  // 1001: an assignment 11/0.
  const zeroDenominator = builder.newPerson({ lastName: "Dewaele", firstName: "Kurt", gender: "M", birthDate: "1980-02-27", serial: 57 });
  const zeroDenominatorJob = builder.addAssignment(zeroDenominator.id, {
    institution: institution("SO"),
    job: { title: "leraar", denominator: 0 },
    start: YEAR_START,
    end: YEAR_END,
    numerator: 11,
    monthlyCents: 129_000,
    status: "T",
  });
  notify(zeroDenominatorJob, YEAR_START, "2017-09-05 11:30:00");

  // 1002: an assignment that ends before it starts (payroll never paid it).
  const endBeforeStart = builder.newPerson({ lastName: "Rombaut", firstName: "Sanne", gender: "F", birthDate: "1993-09-03", serial: 212 });
  const endBeforeStartJob = builder.addAssignment(endBeforeStart.id, {
    institution: institution("DKO"),
    job: { title: "leraar muziek", denominator: 22 },
    start: "2018-02-05",
    end: "2018-01-31",
    numerator: 8,
    monthlyCents: 98_000,
    status: "T",
  });
  notify(endBeforeStartJob, "2018-02-05", "2018-02-07 14:20:00");

  // 1003: besides its ordinary pay, a salary line for an assignment that does not exist.
  const unknownAssignment = builder.newPerson({ lastName: "Van Impe", firstName: "Dries", gender: "M", birthDate: "1984-12-01", serial: 145 });
  const unknownAssignmentJob = builder.addAssignment(unknownAssignment.id, {
    institution: institution("VWO"),
    job: { title: "leraar SVWO", denominator: 22 },
    start: YEAR_START,
    end: YEAR_END,
    numerator: 9,
    monthlyCents: 101_000,
    status: "T",
  });
  builder.addLine(unknownAssignment.id, MISSING_ASSIGNMENT_ID, "2017-10", 12_000, "2017-10-25");
  notify(unknownAssignmentJob, YEAR_START, "2017-09-06 08:40:00");

  // 1004: a recovery that makes March 2018 negative.
  const negativeMonth = builder.newPerson({ lastName: "Cornelis", firstName: "Femke", gender: "F", birthDate: "1978-05-19", serial: 88 });
  const negativeMonthJob = builder.addAssignment(negativeMonth.id, {
    institution: institution("CBE"),
    job: { title: "leraar CBE", denominator: 36 },
    start: YEAR_START,
    end: YEAR_END,
    numerator: 16,
    monthlyCents: 115_000,
    status: "C",
  });
  builder.addLine(negativeMonth.id, negativeMonthJob.id, "2018-03", -140_000, "2018-03-25");
  notify(negativeMonthJob, YEAR_START, "2017-09-07 15:05:00");

  for (const person of [wrongInsz, zeroDenominator, unknownAssignment, negativeMonth]) builder.record(person, "bad-record", ["early-september"]);
  builder.record(endBeforeStart, "bad-record", ["later-in-year"]);
  for (const bad of DEMO_BAD_RECORDS) {
    const owner =
      bad.table === "staff_member"
        ? builder.persons.find((person) => person.id === bad.id)?.id
        : bad.table === "assignment"
          ? builder.assignments.find((assignment) => assignment.id === bad.id)?.staffId
          : builder.lines.find((line) => line.id === bad.id)?.staffId;
    if (owner !== bad.staffId) throw new Error(`bad record ${bad.rule} is not ${bad.table} ${bad.id} of staff member ${bad.staffId}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The generator

/** One person each, built right after the bad records, so that every population has them. */
const BOUNDARY_CASES: readonly ((builder: PopulationBuilder) => void)[] = [
  (builder) => buildGrossEdge(builder, 160_000),
  (builder) => buildGrossEdge(builder, 159_999),
  buildInterimAtLimit,
];

export function generateDemoPopulation(options: PopulationOptions = {}): DemoPopulation {
  const staffCount = options.staff ?? DEFAULT_POPULATION_STAFF;
  if (!Number.isInteger(staffCount) || staffCount < MIN_POPULATION_STAFF) {
    throw new RangeError(`a demo population needs at least ${MIN_POPULATION_STAFF} staff members, not ${staffCount}`);
  }
  const random = new SeededRandom(options.seed ?? DEFAULT_POPULATION_SEED);
  const builder = new PopulationBuilder(random);
  buildBadRecords(builder);

  // 40 % are notified: the bad records, the boundary cases and a drawn mix of the other profiles.
  const notifiedCount = Math.round(staffCount * 0.4);
  type NotifiedProfile = Exclude<DemoProfile, "bad-record" | `not-notified-${string}`>;
  const notifiedProfiles = allocate<NotifiedProfile>(
    random,
    notifiedCount - DEMO_BAD_RECORDS.length - BOUNDARY_CASES.length,
    [
      ["eligible-two-assignments", 0.1],
      ["employer-change", 0.08],
      ["gross-above-threshold", 0.15],
      ["occupation-above-limit", 0.08],
      ["two-assignments-over-limit", 0.03],
      ["short-fulltime-interim", 0.04],
      ["next-year-only", 0.02],
    ],
    "eligible",
  );
  const eligibleCount = notifiedProfiles.filter((profile) => profile === "eligible").length;
  const eligibleVariants = allocate<EligibleVariant>(
    random,
    eligibleCount,
    [
      ["after-september-cutoff", 0.08],
      ["later-in-year", 0.12],
      ["later-in-year-after-cutoff", 0.06],
      ["withdrawn", 0.05],
      ["renewed", 0.08],
      ["appointed", 0.15],
    ],
    "early-september",
  );
  const notNotifiedProfiles = allocate<DemoProfile>(
    random,
    staffCount - notifiedCount,
    [
      ["not-notified-fulltime", 0.4],
      ["not-notified-two-assignments", 0.08],
      ["not-notified-employer-change", 0.05],
    ],
    "not-notified-parttime",
  );

  for (const build of BOUNDARY_CASES) build(builder);

  // Each edge case goes to the first eligible person of its variant.
  const edgeVariants = new Set<EligibleVariant>(["later-in-year", "later-in-year-after-cutoff", "withdrawn"]);
  for (const profile of random.shuffle([...notifiedProfiles, ...notNotifiedProfiles])) {
    switch (profile) {
      case "eligible": {
        const variant = eligibleVariants.pop() as EligibleVariant;
        const first = edgeVariants.delete(variant);
        buildEligible(builder, variant, {
          atCutoff: first && variant === "later-in-year",
          secondAfterCutoff: first && variant === "later-in-year-after-cutoff",
          withdrawnAtOnce: first && variant === "withdrawn",
        });
        break;
      }
      case "eligible-two-assignments":
        buildEligibleTwoAssignments(builder, random.chance(0.35));
        break;
      case "employer-change":
        buildEmployerChange(builder, true, random.chance(0.35));
        break;
      case "gross-above-threshold":
        buildGrossAboveThreshold(builder);
        break;
      case "occupation-above-limit":
        buildOccupationAboveLimit(builder);
        break;
      case "two-assignments-over-limit":
        buildTwoAssignmentsOverLimit(builder);
        break;
      case "short-fulltime-interim":
        buildShortFulltimeInterim(builder);
        break;
      case "next-year-only":
        buildNextYearOnly(builder);
        break;
      case "not-notified-fulltime":
        buildNotNotifiedFulltime(builder);
        break;
      case "not-notified-two-assignments":
        buildNotNotifiedTwoAssignments(builder);
        break;
      case "not-notified-employer-change":
        buildEmployerChange(builder, false, false);
        break;
      case "not-notified-parttime":
        buildNotNotifiedParttime(builder);
        break;
      default:
        throw new Error(`profile ${profile} is built elsewhere`);
    }
  }
  for (const person of builder.persons) {
    const isBad = DEMO_BAD_RECORDS.some((bad) => bad.rule === "INSZ_INVALID" && bad.staffId === person.id);
    if (isValidInsz(person.insz) === isBad) throw new Error(`INSZ ${person.insz} of staff member ${person.id} came out ${isBad ? "valid" : "invalid"}`);
  }
  return { rows: toRows(builder), staff: [...builder.staff].sort((a, b) => a.staffId - b.staffId) };
}

/** The demo population's rows (see {@link generateDemoPopulation} for the profiles behind them). */
export function generatePopulation(options: PopulationOptions = {}): ContractRows {
  return generateDemoPopulation(options).rows;
}

// ---------------------------------------------------------------------------------------------
// Rows

function toRows(builder: PopulationBuilder): ContractRows {
  const byId = <T extends { id: number }>(items: readonly T[]) => [...items].sort((a, b) => a.id - b.id);
  return {
    school_board: builder.boards.map(
      (board): ContractRow => ({ id: board.id, name: board.name, agency: board.agency, noss_number: board.nossNumber, kbo_number: board.kboNumber }),
    ),
    institution: builder.institutions.map(
      (institution): ContractRow => ({ id: institution.id, board_id: institution.board.id, name: institution.name, level: institution.level }),
    ),
    staff_member: byId(builder.persons).map(
      (person): ContractRow => ({
        id: person.id,
        insz: person.insz,
        last_name: person.lastName,
        first_name: person.firstName,
        birth_date: person.birthDate,
        gender: person.gender,
        street: person.street,
        house_number: person.houseNumber,
        box: person.box,
        postal_code: person.postalCode,
        municipality: person.municipality,
        country_code: person.countryCode,
        nationality: person.nationality,
      }),
    ),
    assignment: byId(builder.assignments).map(
      (assignment): ContractRow => ({
        id: assignment.id,
        staff_id: assignment.staffId,
        institution_id: assignment.institution.id,
        start_date: assignment.start,
        end_date: assignment.end,
        hours_numerator: String(assignment.numerator),
        hours_denominator: String(assignment.denominator),
        days_per_week: assignment.daysPerWeek,
        job_title: assignment.jobTitle,
        status: assignment.status,
        joint_committee: null,
        employer_category: null,
        worker_code: null,
        monthly_salary: formatHundredths(assignment.monthlyCents),
      }),
    ),
    salary_line: byId(builder.lines).map(
      (line): ContractRow => ({
        id: line.id,
        staff_id: line.staffId,
        assignment_id: line.assignmentId,
        period_month: line.month,
        gross_amount: formatHundredths(line.cents),
        wage_code: "01",
        paid_on: line.paidOn,
      }),
    ),
    rl16_notification: byId(builder.notifications).map(
      (notification): ContractRow => ({
        id: notification.id,
        staff_id: notification.staffId,
        board_id: notification.boardId,
        message_ref: rl16MessageRef(notification.id, notification.validFrom),
        received_at: notification.receivedAt,
        valid_from: notification.validFrom,
        withdrawn_from: notification.withdrawnFrom,
        maintenance_of_rights: notification.maintenanceOfRights,
        fulltime_request: notification.fulltimeRequest,
      }),
    ),
  };
}
