/**
 * A synthetic payroll population at the agency's scale, for the benchmark (`npm run bench`): school
 * boards and institutions, staff with valid INSZs, assignments over school years 2017-2018 and
 * 2018-2019, one salary line per assignment and month in force (2017-09 … 2019-08), RL16
 * notifications for a given number of part-timers, and the payment calendar.
 *
 * Rows are handed to a sink one at a time, as value arrays in the column order of the contract
 * (src/source/contract.ts), so that hundreds of thousands of persons never sit in memory.
 *
 * Same scale and seed, same rows. Every person is generated from its own seeded PRNG: a notified
 * person from (seed, its rank among the notified), any other from (seed, its staff id). The notified
 * are spread evenly over the staff ids, so that a population with twice the staff and the same number
 * of notified persons holds notified persons with exactly the same assignments, pay and notifications
 * (only their staff ids and INSZs differ), and only the filler grows.
 *
 * Of the notified, about a third is eligible for WECH006 in every month of 2017-2018 in force
 * (occupation < 80 % and gross < EUR 1600), the rest earn too much or work too much; some start later
 * in the year, some notifications come after a cut-off, some are withdrawn, some are renewed for
 * 2018-2019. The bench's population has no benefits-sector rows.
 */
import {
  type CalendarDate,
  addDays,
  daysBetween,
  fromEpochDay,
  isoWeekday,
  maxDate,
  minDate,
  toEpochDay,
} from "../../src/domain/calendar-date";
import { makeInsz, makeKbo, makeNoss } from "../../src/domain/check-digits";
import { type YearMonth, addMonths, dayCountOf, firstDayOf, lastDayOf, monthOf, monthsFromTo } from "../../src/domain/year-month";
import { cutoffOf, rl16MessageRef } from "../demo/circular-examples";
import { dayOf, maxMonth, minMonth } from "../../src/domain/year-month";
import { timestamp } from "../demo/population/calendar";
import {
  ASSIGNMENT,
  type ContractTable,
  INSTITUTION,
  PAYMENT_CALENDAR,
  RL16_NOTIFICATION,
  SALARY_LINE,
  SCHOOL_BOARD,
  STAFF_MEMBER,
} from "../../src/source/contract";
import { SeededRandom } from "../../src/util/seeded-random";

/** Bump when the rows for a given scale and seed change: cached databases carry it in their name. */
export const GENERATOR_VERSION = 2;

export const DEFAULT_BENCH_SEED = 20180301;

export interface PopulationScale {
  /** Staff members (ids 1 … staff). */
  readonly staff: number;
  /** Persons among them with RL16 notifications. */
  readonly notified: number;
  readonly seed: number;
}

/** What kind of person a notified staff member was generated to be. */
export type NotifiedProfile =
  /** Occupation < 80 % and gross < EUR 1600 in every month of 2017-2018 in force. */
  | "eligible"
  /** Eligible facts, notification withdrawn from a month of the winter on. */
  | "eligible-withdrawn"
  /** Eligible facts, but the notification came after the cut-off of its start month. */
  | "eligible-late"
  /** Occupation < 80 %, gross EUR 1650 or more. */
  | "gross-above"
  /** Occupation of 80 % or more (one assignment, or two that add up). */
  | "occupation-above";

/** The mix of the notified persons (weights add up to 1). */
export const NOTIFIED_MIX: readonly (readonly [NotifiedProfile, number])[] = [
  ["eligible", 0.34],
  ["eligible-withdrawn", 0.04],
  ["eligible-late", 0.04],
  ["gross-above", 0.32],
  ["occupation-above", 0.26],
];

/**
 * The contract tables the population fills, in writing order, with their columns in contract order:
 * the columns of the first contract (the salary sector the bench measures); the columns added later
 * stay NULL.
 */
export const POPULATION_TABLES: readonly ContractTable[] = [
  SCHOOL_BOARD,
  INSTITUTION,
  PAYMENT_CALENDAR,
  STAFF_MEMBER,
  ASSIGNMENT,
  SALARY_LINE,
  RL16_NOTIFICATION,
].map((table) => ({ ...table, columns: table.columns.filter((column) => !column.added) }));

export type PopulationValue = string | number | null;

/** Receives rows: `table` is a contract table name, `values` follow that table's columns in contract order. */
export type RowSink = (table: string, values: PopulationValue[]) => void;

/** What the generator wrote. */
export interface PopulationCounts {
  readonly rows: Record<string, number>;
  readonly notifiedByProfile: Record<NotifiedProfile, number>;
}

export const BOARD_COUNT = 640;
export const INSTITUTION_COUNT = 3200;
export const FIRST_DATA_MONTH: YearMonth = "2017-09";
export const LAST_DATA_MONTH: YearMonth = "2019-08";
const YEAR_1: SchoolYearSpan = { start: "2017-09-01", end: "2018-06-30" };
const YEAR_2: SchoolYearSpan = { start: "2018-09-01", end: "2019-06-30" };

interface SchoolYearSpan {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

// ---------------------------------------------------------------------------------------------
// Chance

/** A 32-bit seed from the population's seed, a stream tag and a number (murmur3 finaliser). */
function mix(seed: number, tag: number, value: number): number {
  let h = (seed ^ Math.imul(tag, 0x9e3779b1) ^ Math.imul(value, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Levels and jobs

type Level = "BaO" | "SO" | "DKO" | "CLB" | "VWO" | "CBE" | "HO";

interface LevelSpec {
  readonly weight: number;
  readonly agency: "AGODI" | "AHOVOKS";
  readonly jobs: readonly (readonly [string, number])[];
  /** Full-time gross monthly salary range, cents. */
  readonly fullTime: readonly [number, number];
  readonly step: number;
  readonly daysKnown: boolean;
}

const LEVELS: Readonly<Record<Level, LevelSpec>> = {
  BaO: {
    weight: 34,
    agency: "AGODI",
    jobs: [
      ["onderwijzer", 24],
      ["kleuteronderwijzer", 24],
      ["kinderverzorgster", 32],
      ["leermeester lichamelijke opvoeding", 24],
    ],
    fullTime: [250_000, 340_000],
    step: 1,
    daysKnown: true,
  },
  SO: {
    weight: 36,
    agency: "AGODI",
    jobs: [
      ["leraar", 22],
      ["leraar", 20],
      ["leraar praktische vakken", 29],
      ["leraar technische vakken", 22],
    ],
    fullTime: [270_000, 380_000],
    step: 1,
    daysKnown: true,
  },
  DKO: {
    weight: 7,
    agency: "AGODI",
    jobs: [
      ["leraar muziek", 22],
      ["leraar piano", 22],
      ["leraar woordkunst-drama", 20],
      ["leraar beeldende kunst", 20],
    ],
    fullTime: [260_000, 360_000],
    step: 1,
    daysKnown: true,
  },
  CLB: {
    weight: 4,
    agency: "AGODI",
    jobs: [
      ["psychopedagogisch consulent", 10],
      ["maatschappelijk werker", 10],
      ["paramedisch werker", 10],
    ],
    fullTime: [280_000, 380_000],
    step: 1,
    daysKnown: true,
  },
  VWO: {
    weight: 7,
    agency: "AHOVOKS",
    jobs: [
      ["leraar SVWO", 22],
      ["leraar NT2", 22],
      ["leraar HBO5", 20],
    ],
    fullTime: [270_000, 370_000],
    step: 1,
    daysKnown: true,
  },
  CBE: {
    weight: 3,
    agency: "AHOVOKS",
    jobs: [
      ["leraar CBE", 36],
      ["stafmedewerker CBE", 36],
    ],
    fullTime: [250_000, 330_000],
    step: 1,
    daysKnown: true,
  },
  HO: {
    weight: 9,
    agency: "AHOVOKS",
    jobs: [
      ["lector", 100],
      ["praktijklector", 100],
      ["assistent", 100],
      ["ATP graad C", 100],
    ],
    fullTime: [265_000, 380_000],
    step: 5,
    daysKnown: false,
  },
};
const LEVEL_NAMES = Object.keys(LEVELS) as Level[];
const LEVEL_WEIGHTS = LEVEL_NAMES.map((level) => [level, LEVELS[level].weight] as const);

/** The level of institution `id` (1-based): a fixed, weighted spread. */
function institutionLevel(id: number): Level {
  return new SeededRandom(mix(7, 1, id)).weighted(LEVEL_WEIGHTS);
}

/** Boards 1 … BOARD_COUNT; AHOVOKS boards are the ones whose institutions are of higher or adult education. */
function institutionBoard(id: number): number {
  const level = institutionLevel(id);
  const ahovoks = LEVELS[level].agency === "AHOVOKS";
  // Every eighth board serves AHOVOKS; the others AGODI.
  const slot = (id * 37) % (BOARD_COUNT / 8);
  return ahovoks ? slot * 8 + 1 : slot * 8 + 2 + ((id * 13) % 7);
}

/** Institutions per level, for drawing one. */
const INSTITUTIONS_BY_LEVEL: Readonly<Record<Level, readonly number[]>> = (() => {
  const byLevel = Object.fromEntries(LEVEL_NAMES.map((level) => [level, [] as number[]])) as Record<Level, number[]>;
  for (let id = 1; id <= INSTITUTION_COUNT; id++) byLevel[institutionLevel(id)].push(id);
  return byLevel;
})();

// ---------------------------------------------------------------------------------------------
// Names and places

const FIRST_NAMES_F = [
  "An",
  "Annelies",
  "Bieke",
  "Charlotte",
  "Elke",
  "Els",
  "Evi",
  "Hanne",
  "Ilse",
  "Inge",
  "Joke",
  "Karen",
  "Katrien",
  "Leen",
  "Lien",
  "Lotte",
  "Marijke",
  "Nele",
  "Sarah",
  "Sofie",
  "Tine",
  "Veerle",
  "Ellen",
  "Griet",
  "Eline",
];
const FIRST_NAMES_M = [
  "Bart",
  "Ben",
  "Bram",
  "Dirk",
  "Filip",
  "Geert",
  "Hans",
  "Jan",
  "Jeroen",
  "Johan",
  "Joris",
  "Koen",
  "Kristof",
  "Lieven",
  "Luc",
  "Maarten",
  "Pieter",
  "Raf",
  "Stijn",
  "Tom",
  "Wim",
  "Wouter",
  "Yves",
];
const LAST_NAMES = [
  "Peeters",
  "Janssens",
  "Maes",
  "Jacobs",
  "Mertens",
  "Willems",
  "Claes",
  "Goossens",
  "Wouters",
  "De Smet",
  "Vermeulen",
  "Van den Broeck",
  "Hermans",
  "Aerts",
  "Pauwels",
  "Verhoeven",
  "Van Damme",
  "De Backer",
  "Lambrechts",
  "Coppens",
  "Michiels",
  "Smets",
  "Verstraete",
  "Stevens",
  "De Clercq",
  "Van Acker",
  "Martens",
  "Cools",
  "Bogaerts",
  "Segers",
  "Wuyts",
  "Verbeke",
  "Geerts",
  "De Vos",
  "Thys",
  "Van Dyck",
];
const STREETS = [
  "Kerkstraat",
  "Stationsstraat",
  "Molenstraat",
  "Schoolstraat",
  "Dorpsstraat",
  "Nieuwstraat",
  "Beekstraat",
  "Kapelstraat",
  "Veldstraat",
  "Hoogstraat",
  "Lindenlaan",
  "Kouter",
  "Brugstraat",
  "Heidestraat",
  "Bosstraat",
  "Leopoldlaan",
];
const PLACES: readonly (readonly [string, string])[] = [
  ["8500", "Kortrijk"],
  ["8000", "Brugge"],
  ["8400", "Oostende"],
  ["9000", "Gent"],
  ["9300", "Aalst"],
  ["9100", "Sint-Niklaas"],
  ["2000", "Antwerpen"],
  ["2200", "Herentals"],
  ["2440", "Geel"],
  ["2800", "Mechelen"],
  ["3000", "Leuven"],
  ["3300", "Tienen"],
  ["3500", "Hasselt"],
  ["3600", "Genk"],
  ["1500", "Halle"],
];

/** Birth dates from 1957-01-01 on, one per day index. */
const BIRTH_DAYS = 14_600;
const FIRST_BIRTH_DAY = toEpochDay("1957-01-01");

/**
 * A unique, valid INSZ for staff id `id`: the birth day and the daily serial follow from the id, so
 * no two ids share one (up to 14,600 x 499 staff), whatever the gender.
 */
export function syntheticInsz(id: number, gender: "M" | "F"): { insz: string; birthDate: CalendarDate } {
  const index = id - 1;
  const birthDate = fromEpochDay(FIRST_BIRTH_DAY + ((index * 7919) % BIRTH_DAYS));
  const serial = Math.floor(index / BIRTH_DAYS) * 2 + (gender === "M" ? 1 : 2);
  if (serial > 998) throw new RangeError(`staff id ${id} is beyond the synthetic INSZ range`);
  return { insz: makeInsz(birthDate, serial), birthDate };
}

// ---------------------------------------------------------------------------------------------
// Dates

/** A working day at or after `date`. */
function workingDayFrom(date: CalendarDate): CalendarDate {
  let day = date;
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return day;
}

/** The first Monday on or after day `day` of `month`. */
function mondayOf(month: YearMonth, day: number): CalendarDate {
  let date = dayOf(month, day);
  while (isoWeekday(date) !== 1) date = addDays(date, 1);
  return date;
}

function stamp(date: CalendarDate, random: SeededRandom): string {
  return timestamp(date, random.int(8, 16), random.int(0, 59), random.int(0, 59));
}

// ---------------------------------------------------------------------------------------------
// The writer

interface Terms {
  readonly institution: number;
  readonly title: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly fullTimeCents: number;
  readonly level: Level;
}

/** Numerator bounds: fraction in [min, below), pay at most maxCents / at least minCents. */
interface Bounds {
  readonly min: number;
  readonly below: number;
  readonly maxCents?: number;
  readonly minCents?: number;
}

class PersonWriter {
  private nextAssignment = 1;
  private nextLine = 1;
  private nextNotification = 1;
  readonly rows: Record<string, number> = {};

  constructor(private readonly sink: RowSink) {}

  emit(table: string, values: PopulationValue[]): void {
    this.rows[table] = (this.rows[table] ?? 0) + 1;
    this.sink(table, values);
  }

  /** Level, institution, job and a numerator within `bounds`; null when nothing fits after some tries. */
  terms(random: SeededRandom, bounds: Bounds, fullTimeFloor = 0, level?: Level): Terms | null {
    for (let attempt = 0; attempt < 20; attempt++) {
      const chosen = level ?? random.weighted(LEVEL_WEIGHTS);
      const spec = LEVELS[chosen];
      const [title, denominator] = random.pick(spec.jobs);
      const fullTimeCents = random.int(Math.max(spec.fullTime[0], Math.min(fullTimeFloor, spec.fullTime[1])), spec.fullTime[1]);
      const candidates: number[] = [];
      for (let numerator = spec.step; numerator <= denominator; numerator += spec.step) {
        const fraction = numerator / denominator;
        const cents = Math.round((fullTimeCents * numerator) / denominator);
        if (fraction < bounds.min || fraction >= bounds.below) continue;
        if (bounds.maxCents !== undefined && cents > bounds.maxCents) continue;
        if (bounds.minCents !== undefined && cents < bounds.minCents) continue;
        candidates.push(numerator);
      }
      if (candidates.length > 0) {
        return {
          institution: random.pick(INSTITUTIONS_BY_LEVEL[chosen]),
          title,
          numerator: random.pick(candidates),
          denominator,
          fullTimeCents,
          level: chosen,
        };
      }
    }
    return null;
  }

  /** An assignment and its salary lines: one per month in force within the data months, pro rata, paid on the 25th. */
  assignment(
    staffId: number,
    terms: Terms,
    start: CalendarDate,
    end: CalendarDate | null,
    status: "T" | "V" | "C",
  ): { id: number; monthlyCents: number } {
    const id = this.nextAssignment++;
    const fraction = terms.numerator / terms.denominator;
    const monthlyCents = Math.round((terms.fullTimeCents * terms.numerator) / terms.denominator);
    const daysPerWeek = LEVELS[terms.level].daysKnown ? Math.max(1, Math.round(fraction * 10)) / 2 : null;
    this.emit(ASSIGNMENT.name, [
      id,
      staffId,
      terms.institution,
      start,
      end,
      terms.numerator,
      terms.denominator,
      daysPerWeek,
      terms.title,
      status,
      null,
      null,
      null,
      monthlyCents / 100,
    ]);
    const lastDay = end ?? lastDayOf(LAST_DATA_MONTH);
    if (lastDay >= start) {
      const from = maxMonth(monthOf(start), FIRST_DATA_MONTH);
      const to = minMonth(monthOf(lastDay), LAST_DATA_MONTH);
      if (from <= to) {
        for (const month of monthsFromTo(from, to)) {
          const days = daysBetween(maxDate(start, firstDayOf(month)), minDate(lastDay, lastDayOf(month))) + 1;
          const cents = Math.round((monthlyCents * days) / dayCountOf(month));
          this.line(staffId, id, month, cents, `${month}-25`);
        }
      }
    }
    return { id, monthlyCents };
  }

  line(staffId: number, assignmentId: number | null, month: YearMonth, cents: number, paidOn: CalendarDate): void {
    this.emit(SALARY_LINE.name, [this.nextLine++, staffId, assignmentId, month, cents / 100, "01", paidOn]);
  }

  notification(
    staffId: number,
    boardId: number,
    validFrom: CalendarDate,
    receivedAt: string,
    withdrawnFrom: CalendarDate | null,
    random: SeededRandom,
  ): void {
    const id = this.nextNotification++;
    const maintenance = random.chance(0.85) ? 1 : 0;
    const fulltime = maintenance === 1 && random.chance(0.9) ? 1 : 0;
    this.emit(RL16_NOTIFICATION.name, [
      id,
      staffId,
      boardId,
      rl16MessageRef(id, validFrom),
      receivedAt,
      validFrom,
      withdrawnFrom,
      maintenance,
      fulltime,
    ]);
  }

  staff(id: number, random: SeededRandom): void {
    const gender = random.chance(0.7) ? "F" : "M";
    const { insz, birthDate } = syntheticInsz(id, gender);
    const [postalCode, municipality] = random.pick(PLACES);
    this.emit(STAFF_MEMBER.name, [
      id,
      insz,
      random.pick(LAST_NAMES),
      random.pick(gender === "F" ? FIRST_NAMES_F : FIRST_NAMES_M),
      birthDate,
      gender,
      random.pick(STREETS),
      String(random.int(1, 180)),
      random.chance(0.12) ? String(random.int(1, 12)) : null,
      postalCode,
      municipality,
      "BE",
      random.chance(0.03) ? "NL" : "BE",
    ]);
  }
}

/** Temporary or contractual, by level. */
function temporaryStatus(random: SeededRandom, level: Level): "T" | "C" {
  const contractual = level === "CBE" ? 0.5 : level === "HO" ? 0.3 : level === "VWO" ? 0.1 : 0;
  return random.chance(contractual) ? "C" : "T";
}

const FULL_TIME: Bounds = { min: 1, below: 1.01 };
const ELIGIBLE: Bounds = { min: 0.2, below: 0.75, maxCents: 145_000 };
const LATER_START_MONTHS: readonly YearMonth[] = ["2017-10", "2017-11", "2017-12", "2018-01", "2018-02", "2018-03"];

/** A staff member without notification: appointed (full or part time, with a temporary complement) or temporary. */
function writeFiller(writer: PersonWriter, staffId: number, random: SeededRandom): void {
  writer.staff(staffId, random);
  const kind = random.weighted([
    ["appointed-fulltime", 0.45],
    ["appointed-parttime", 0.15],
    ["temporary", 0.4],
  ] as const);
  if (kind === "appointed-fulltime") {
    const terms = writer.terms(random, FULL_TIME)!;
    writer.assignment(staffId, terms, `${random.int(1995, 2016)}-09-01`, null, "V");
    if (random.chance(0.4)) {
      const extra = writer.terms(random, { min: 0.05, below: 0.3 });
      if (extra) writer.assignment(staffId, extra, YEAR_1.start, YEAR_1.end, temporaryStatus(random, extra.level));
    }
    return;
  }
  if (kind === "appointed-parttime") {
    const terms = writer.terms(random, { min: 0.4, below: 0.8 })!;
    writer.assignment(staffId, terms, `${random.int(2000, 2016)}-09-01`, null, "V");
    for (const year of [YEAR_1, YEAR_2]) {
      const extra = writer.terms(random, { min: 0.1, below: 1 - terms.numerator / terms.denominator + 0.001 }, 0, terms.level);
      if (extra) writer.assignment(staffId, extra, year.start, year.end, temporaryStatus(random, extra.level));
    }
    return;
  }
  for (const year of [YEAR_1, YEAR_2]) {
    if (year === YEAR_2 && !random.chance(0.85)) break;
    const count = random.chance(0.9) ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const terms = writer.terms(random, { min: 0.2, below: count === 2 ? 0.55 : 1.01 })!;
      const start = random.chance(0.7) ? year.start : mondayOf(monthOf(addDays(year.start, random.int(30, 150))), random.int(1, 14));
      const end = random.chance(0.85) ? year.end : addDays(start, random.int(20, 120));
      writer.assignment(staffId, terms, start, minDate(end, year.end), temporaryStatus(random, terms.level));
    }
  }
}

/** A notified part-timer of `profile`: assignments of 2017-2018 (possibly renewed) and the notifications. */
function writeNotified(writer: PersonWriter, staffId: number, profile: NotifiedProfile, random: SeededRandom): void {
  writer.staff(staffId, random);
  const eligibleFacts = profile === "eligible" || profile === "eligible-withdrawn" || profile === "eligible-late";
  const laterStart = eligibleFacts && random.chance(0.25);
  const start = laterStart ? mondayOf(random.pick(LATER_START_MONTHS), random.int(1, 12)) : YEAR_1.start;

  const assignments: { terms: Terms; status: "T" | "C" }[] = [];
  const take = (bounds: Bounds, floor = 0, level?: Level): Terms => {
    const terms = writer.terms(random, bounds, floor, level);
    if (!terms) throw new Error(`no assignment fits ${JSON.stringify(bounds)}`);
    assignments.push({ terms, status: temporaryStatus(random, terms.level) });
    return terms;
  };
  if (eligibleFacts) {
    if (random.chance(0.3)) {
      const first = take({ min: 0.2, below: 0.45, maxCents: 90_000 });
      const firstCents = Math.round((first.fullTimeCents * first.numerator) / first.denominator);
      take({ min: 0.05, below: 0.75 - first.numerator / first.denominator, maxCents: 145_000 - firstCents });
    } else take(ELIGIBLE);
  } else if (profile === "gross-above") {
    take({ min: 0.5, below: 0.8, minCents: 165_000 }, 300_000);
  } else if (random.chance(0.5)) {
    take({ min: 0.8, below: 1.01 });
  } else {
    const first = take({ min: 0.4, below: 0.6 });
    take({ min: 0.8 - first.numerator / first.denominator + 0.01, below: 0.8 });
  }
  const renewed = random.chance(0.3);
  const boardOfFirst = institutionBoard(assignments[0].terms.institution);
  for (const { terms, status } of assignments) {
    writer.assignment(staffId, terms, start, YEAR_1.end, status);
    if (renewed) writer.assignment(staffId, terms, YEAR_2.start, YEAR_2.end, status);
  }

  const startMonth = monthOf(start);
  let receivedAt: string;
  if (profile === "eligible-late") {
    receivedAt = stamp(workingDayFrom(dayOf(startMonth, random.int(16, 24))), random);
  } else if (start === YEAR_1.start) {
    receivedAt = stamp(workingDayFrom(dayOf("2017-09", random.int(1, 12))), random);
  } else {
    receivedAt = stamp(workingDayFrom(addDays(start, -random.int(3, 10))), random);
  }
  const withdrawnFrom = profile === "eligible-withdrawn" ? firstDayOf(random.pick<YearMonth>(["2017-12", "2018-01", "2018-02"])) : null;
  writer.notification(staffId, boardOfFirst, start, receivedAt, withdrawnFrom, random);
  if (renewed)
    writer.notification(
      staffId,
      boardOfFirst,
      YEAR_2.start,
      stamp(workingDayFrom(dayOf("2018-09", random.int(3, 12))), random),
      null,
      random,
    );
  // A few corrections paid a month later (a recovery of 5 % of a month's pay).
  if (random.chance(0.05)) {
    const { terms } = assignments[0];
    const cents = Math.round((terms.fullTimeCents * terms.numerator) / terms.denominator);
    const month = maxMonth(startMonth, "2017-10");
    writer.line(staffId, null, month, -Math.round(cents * 0.05), `${addMonths(month, 1)}-25`);
  }
}

/** Whether staff id `id` (1-based) of `scale` is notified: the notified are spread evenly over the ids. */
export function notifiedRank(scale: PopulationScale, id: number): number | null {
  const rank = Math.floor(((id - 1) * scale.notified) / scale.staff);
  const previous = id === 1 ? -1 : Math.floor(((id - 2) * scale.notified) / scale.staff);
  return rank !== previous ? rank : null;
}

/** Writes the whole population to `sink`, table rows interleaved person by person; returns the counts. */
export function generateSyntheticPopulation(scale: PopulationScale, sink: RowSink): PopulationCounts {
  if (!Number.isInteger(scale.staff) || scale.staff < 1) throw new RangeError(`staff must be a positive integer, got ${scale.staff}`);
  if (!Number.isInteger(scale.notified) || scale.notified < 0 || scale.notified > scale.staff)
    throw new RangeError(`notified must be an integer in 0 … staff, got ${scale.notified}`);
  const writer = new PersonWriter(sink);
  for (let board = 1; board <= BOARD_COUNT; board++) {
    const ahovoks = board % 8 === 1;
    const kind = ahovoks
      ? "VZW Centrum Volwassenenonderwijs"
      : board % 3 === 0
        ? "GO! Scholengroep"
        : board % 3 === 1
          ? "VZW Katholiek Onderwijs"
          : "Gemeentebestuur";
    writer.emit(SCHOOL_BOARD.name, [
      board,
      `${kind} ${board}`,
      ahovoks ? "AHOVOKS" : "AGODI",
      makeNoss(1_200_000 + board * 1_100),
      makeKbo(String(4_100_000 + board * 4_051).padStart(8, "0")),
    ]);
  }
  for (let id = 1; id <= INSTITUTION_COUNT; id++) {
    const level = institutionLevel(id);
    writer.emit(INSTITUTION.name, [id, institutionBoard(id), `${level} instelling ${id}`, level]);
  }
  for (const month of monthsFromTo(addMonths(FIRST_DATA_MONTH, -12), LAST_DATA_MONTH))
    writer.emit(PAYMENT_CALENDAR.name, [month, cutoffOf(month)]);

  const notifiedByProfile = Object.fromEntries(NOTIFIED_MIX.map(([profile]) => [profile, 0])) as Record<NotifiedProfile, number>;
  for (let id = 1; id <= scale.staff; id++) {
    const rank = notifiedRank(scale, id);
    if (rank === null) {
      writeFiller(writer, id, new SeededRandom(mix(scale.seed, 2, id)));
    } else {
      const random = new SeededRandom(mix(scale.seed, 3, rank));
      const profile = random.weighted(NOTIFIED_MIX);
      notifiedByProfile[profile]++;
      writeNotified(writer, id, profile, random);
    }
  }
  return { rows: { ...writer.rows }, notifiedByProfile };
}
