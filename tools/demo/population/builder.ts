/**
 * Builds the demo population's rows person by person: the boards and institutions, new persons with
 * unique valid INSZs, assignments with their monthly pay, corrections and allowances, and RL16
 * notifications, with ids from {@link POPULATION_FIRST_ID} in every table. The profiles
 * (eligible-profiles.ts, limit-profiles.ts, not-notified-profiles.ts, bad-records.ts) decide what to build.
 */
import { type CalendarDate, addDays, calendarDate, daysBetween, isoWeekday, maxDate, minDate } from "../../../src/domain/calendar-date";
import { makeInsz, makeKbo, makeNoss } from "../../../src/domain/check-digits";
import { type YearMonth, addMonths, dayCountOf, firstDayOf, lastDayOf, monthOf, monthsFromTo } from "../../../src/domain/year-month";
import { SeededRandom } from "../../../src/util/seeded-random";
import { CIRCULAR_EXAMPLES } from "../circular-examples";
import { maxMonth, minMonth } from "../../../src/domain/year-month";
import { FIRST_DATA_MONTH, LAST_DATA_MONTH, YEAR_END, YEAR_START, timestamp } from "./calendar";
import { DUTCH_ADDRESSES, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, MUNICIPALITIES, type Person, STREETS } from "./people";
import type { DemoNotice, DemoProfile, DemoStaff } from "./profiles";
import { BOARD_SPECS, type Board, type Institution, type Job, LEVEL_WEIGHTS, LEVELS, type Level } from "./schools";

/** The first id in every table of the population. */
export const POPULATION_FIRST_ID = 1000;

/** The assignment id that the bad salary line points to; no assignment ever gets it. */
export const MISSING_ASSIGNMENT_ID = 999_999;

export interface Assignment {
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
export interface FractionBounds {
  readonly min: number;
  readonly below: number;
  readonly minMonthlyCents?: number;
  readonly maxMonthlyCents?: number;
}

/** What {@link PopulationBuilder.terms} draws for an assignment. */
export interface DrawnTerms {
  readonly level: Level;
  readonly job: Job;
  readonly fullTimeCents: number;
  readonly numerator: number;
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

export class PopulationBuilder {
  readonly boards: Board[] = [];
  readonly institutions: Institution[] = [];
  readonly persons: Person[] = [];
  readonly assignments: Assignment[] = [];
  readonly lines: SalaryLine[] = [];
  readonly notifications: Notification[] = [];
  readonly staff: DemoStaff[] = [];
  /** The examples' INSZs are taken too: both sets live in the same demo database. */
  private readonly usedInsz = new Set<string>(
    CIRCULAR_EXAMPLES.flatMap((example) => (example.rows.staff_member ?? []).map((staff) => String(staff.insz))),
  );
  private readonly nextId = {
    person: POPULATION_FIRST_ID,
    assignment: POPULATION_FIRST_ID,
    line: POPULATION_FIRST_ID,
    notification: POPULATION_FIRST_ID,
  };

  constructor(readonly random: SeededRandom) {
    BOARD_SPECS.forEach((spec, index) => {
      const board: Board = {
        id: POPULATION_FIRST_ID + index,
        name: spec.name,
        agency: spec.agency,
        kboNumber: makeKbo(
          `04${String(1_357_913 + index * 40_503)
            .padStart(6, "0")
            .slice(-6)}`,
        ),
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
    const birthDate =
      fixed?.birthDate ??
      calendarDate(`${random.int(1957, 1996)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`);
    let insz = fixed?.insz ?? (fixed?.serial !== undefined ? makeInsz(birthDate, fixed.serial) : undefined);
    while (insz === undefined || (fixed === undefined && this.usedInsz.has(insz))) {
      insz = makeInsz(birthDate, random.int(0, 498) * 2 + (gender === "M" ? 1 : 2));
    }
    if (this.usedInsz.has(insz)) throw new Error(`INSZ ${insz} is used twice`);
    this.usedInsz.add(insz);
    const abroad = random.chance(0.01);
    const [street, postalCode, municipality] = abroad
      ? random.pick(DUTCH_ADDRESSES)
      : [random.pick(STREETS), ...random.pick(MUNICIPALITIES)];
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
  terms(bounds: FractionBounds, options: { level?: Level; fullTimeFloor?: number } = {}): DrawnTerms {
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

  /** A temporary (or contractual) assignment on drawn `terms` at `institution`, by default for the school year. */
  addTemporaryAssignment(
    staffId: number,
    institution: Institution,
    terms: DrawnTerms,
    start: CalendarDate = YEAR_START,
    end: CalendarDate | null = YEAR_END,
  ): Assignment {
    const { job, numerator, fullTimeCents } = terms;
    return this.addAssignment(staffId, {
      institution,
      job,
      start,
      end,
      numerator,
      fullTimeCents,
      status: this.temporaryStatus(terms.level),
    });
  }

  /**
   * With chance `appointedChance` an open-ended appointment (status V) from 1 September of a year in
   * `appointedFrom` (both included), otherwise a temporary assignment for the school year.
   */
  addYearOrAppointedAssignment(
    staffId: number,
    institution: Institution,
    terms: DrawnTerms,
    appointedChance: number,
    appointedFrom: readonly [number, number],
  ): Assignment {
    const appointed = this.random.chance(appointedChance);
    const { job, numerator, fullTimeCents } = terms;
    return this.addAssignment(staffId, {
      institution,
      job,
      start: appointed ? `${this.random.int(appointedFrom[0], appointedFrom[1])}-09-01` : YEAR_START,
      end: appointed ? null : YEAR_END,
      numerator,
      fullTimeCents,
      status: appointed ? "V" : this.temporaryStatus(terms.level),
    });
  }

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
    const from = maxMonth(monthOf(assignment.start), FIRST_DATA_MONTH);
    const to = minMonth(monthOf(lastDay), LAST_DATA_MONTH);
    for (const month of monthsFromTo(from, to)) {
      const days = daysBetween(maxDate(assignment.start, firstDayOf(month)), minDate(lastDay, lastDayOf(month))) + 1;
      const cents = Math.round((assignment.monthlyCents * days) / dayCountOf(month));
      this.addLine(assignment.staffId, assignment.id, month, cents, `${month}-25`);
    }
  }

  /** A later correction for one month of the assignment, paid on the 25th of the next month. */
  addCorrection(assignment: Assignment, percent: number): void {
    const months = this.lines
      .filter((line) => line.assignmentId === assignment.id && line.month < LAST_DATA_MONTH)
      .map((line) => line.month);
    if (months.length === 0) return;
    const month = this.random.pick(months);
    const cents = Math.round((assignment.monthlyCents * percent) / 100);
    this.addLine(assignment.staffId, assignment.id, month, cents, `${addMonths(month, 1)}-25`);
  }

  /** A monthly allowance booked without assignment, for the autumn months the person is paid. */
  addUnassignedAllowance(staffId: number): void {
    const months = new Set(
      this.lines
        .filter((line) => line.staffId === staffId && line.month <= "2017-12" && line.assignmentId !== null)
        .map((line) => line.month),
    );
    const cents = this.random.int(35, 70) * 100;
    for (const month of [...months].sort()) this.addLine(staffId, null, month, cents, `${month}-25`);
  }

  // -- notifications

  addNotification(
    staffId: number,
    board: Board,
    validFrom: CalendarDate,
    receivedAt: string,
    withdrawnFrom: CalendarDate | null = null,
  ): Notification {
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

/**
 * Now and then a correction paid a month late (positive; a recovery where the person's limits do not
 * depend on it) and an allowance booked without assignment.
 */
export function addExtras(
  builder: PopulationBuilder,
  person: Person,
  assignments: readonly Assignment[],
  options: { negative: boolean },
): void {
  const { random } = builder;
  if (random.chance(0.05)) builder.addCorrection(random.pick(assignments), random.int(1, 3));
  if (options.negative && random.chance(0.03)) builder.addCorrection(random.pick(assignments), -random.int(2, 6));
  if (random.chance(0.05)) builder.addUnassignedAllowance(person.id);
}
