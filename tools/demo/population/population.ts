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
 * The profiles are built by eligible-profiles.ts, limit-profiles.ts, not-notified-profiles.ts and
 * bad-records.ts, with builder.ts; rows.ts turns them into contract rows.
 * Amounts and fractions are decimal strings ("977.38"), dates `YYYY-MM-DD`, timestamps `YYYY-MM-DD HH:MM:SS`.
 */
import { isValidInsz } from "../../../src/domain/check-digits";
import type { ContractRows } from "../../../src/source/contract-writer";
import { SeededRandom } from "../../../src/util/seeded-random";
import { DEMO_BAD_RECORDS, buildBadRecords } from "./bad-records";
import { PopulationBuilder } from "./builder";
import {
  type EligibleVariant,
  buildEligibleTwoAssignments,
  eligibleInTurn,
  buildEmployerChange,
  buildNextYearOnly,
} from "./eligible-profiles";
import {
  buildGrossAboveThreshold,
  buildGrossEdge,
  buildInterimAtLimit,
  buildOccupationAboveLimit,
  buildShortFulltimeInterim,
  buildTwoAssignmentsOverLimit,
} from "./limit-profiles";
import { buildNotNotifiedFulltime, buildNotNotifiedParttime, buildNotNotifiedTwoAssignments } from "./not-notified-profiles";
import type { DemoProfile, DemoStaff } from "./profiles";
import { toRows } from "./rows";

export const DEFAULT_POPULATION_STAFF = 400;
export const DEFAULT_POPULATION_SEED = 20170901;
/** Fewer staff leave no room for every profile. */
export const MIN_POPULATION_STAFF = 60;

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

/** Every profile but the bad records (built by bad-records.ts) and the not notified. */
type NotifiedProfile = Exclude<DemoProfile, "bad-record" | `not-notified-${string}`>;

/** The profiles drawn for a population, besides the bad records and the boundary cases. */
interface ProfileMix {
  readonly notified: readonly NotifiedProfile[];
  /** The variants of the notified "eligible" persons, taken from the end one by one. */
  readonly eligibleVariants: EligibleVariant[];
  readonly notNotified: readonly DemoProfile[];
}

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

/** One person each, built right after the bad records, so that every population has them. */
const BOUNDARY_CASES: readonly ((builder: PopulationBuilder) => void)[] = [
  (builder) => buildGrossEdge(builder, 160_000),
  (builder) => buildGrossEdge(builder, 159_999),
  buildInterimAtLimit,
];

/** 40 % are notified: the bad records, the boundary cases and a drawn mix of the other profiles. */
function drawMix(random: SeededRandom, staffCount: number): ProfileMix {
  const notifiedCount = Math.round(staffCount * 0.4);
  const notified = allocate<NotifiedProfile>(
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
  const eligibleVariants = allocate<EligibleVariant>(
    random,
    notified.filter((profile) => profile === "eligible").length,
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
  const notNotified = allocate<DemoProfile>(
    random,
    staffCount - notifiedCount,
    [
      ["not-notified-fulltime", 0.4],
      ["not-notified-two-assignments", 0.08],
      ["not-notified-employer-change", 0.05],
    ],
    "not-notified-parttime",
  );
  return { notified, eligibleVariants, notNotified };
}

/** Builds one person of a drawn profile; the eligible ones with `nextEligible` (their variants in turn). */
function buildProfile(builder: PopulationBuilder, profile: DemoProfile, nextEligible: (builder: PopulationBuilder) => void): void {
  const { random } = builder;
  switch (profile) {
    case "eligible":
      nextEligible(builder);
      break;
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
    case "bad-record":
    case "gross-at-threshold":
    case "gross-just-below-threshold":
    case "interim-at-limit":
      throw new Error(`profile ${profile} is built elsewhere`);
  }
}

/** Every INSZ is valid but the one of the INSZ_INVALID bad record. */
function checkInszs(builder: PopulationBuilder): void {
  for (const person of builder.persons) {
    const isBad = DEMO_BAD_RECORDS.some((bad) => bad.rule === "INSZ_INVALID" && bad.staffId === person.id);
    if (isValidInsz(person.insz) === isBad)
      throw new Error(`INSZ ${person.insz} of staff member ${person.id} came out ${isBad ? "valid" : "invalid"}`);
  }
}

export function generateDemoPopulation(options: PopulationOptions = {}): DemoPopulation {
  const staffCount = options.staff ?? DEFAULT_POPULATION_STAFF;
  if (!Number.isInteger(staffCount) || staffCount < MIN_POPULATION_STAFF) {
    throw new RangeError(`a demo population needs at least ${MIN_POPULATION_STAFF} staff members, not ${staffCount}`);
  }
  const random = new SeededRandom(options.seed ?? DEFAULT_POPULATION_SEED);
  const builder = new PopulationBuilder(random);
  buildBadRecords(builder);
  const mix = drawMix(random, staffCount);
  for (const build of BOUNDARY_CASES) build(builder);
  const nextEligible = eligibleInTurn(mix.eligibleVariants);
  for (const profile of random.shuffle([...mix.notified, ...mix.notNotified])) buildProfile(builder, profile, nextEligible);
  checkInszs(builder);
  return { rows: toRows(builder), staff: [...builder.staff].sort((a, b) => a.staffId - b.staffId) };
}

/** The demo population's rows (see {@link generateDemoPopulation} for the profiles behind them). */
export function generatePopulation(options: PopulationOptions = {}): ContractRows {
  return generateDemoPopulation(options).rows;
}
