/**
 * The notified persons at or over a limit: gross above the threshold, exactly at it and one cent
 * below it, occupation of 80 % or more (one assignment, or two that add up), a short full-time
 * replacement and a replacement of exactly 80 %.
 */
import { addDays } from "../../../src/domain/calendar-date";
import { type PopulationBuilder, addExtras } from "./builder";
import { YEAR_END, YEAR_START, startingMondays } from "./calendar";
import type { Job, Level } from "./schools";

export function buildGrossAboveThreshold(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const terms = builder.terms({ min: 0.5, below: 0.8, minMonthlyCents: 165_000 }, { fullTimeFloor: 300_000 });
  const institution = builder.institutionOf(terms.level);
  const assignment = builder.addYearOrAppointedAssignment(person.id, institution, terms, 0.3, [2004, 2015]);
  builder.addNotification(person.id, institution.board, YEAR_START, builder.receivedEarlySeptember());
  builder.record(person, "gross-above-threshold", ["early-september"]);
  addExtras(builder, person, [assignment], { negative: false });
}

/** Exactly EUR 1600.00 (not eligible) or EUR 1599.99 (eligible) a month at 13/22 and 12/20 in SO. */
export function buildGrossEdge(builder: PopulationBuilder, monthlyCents: number): void {
  const person = builder.newPerson();
  const institution = builder.institutionOf("SO");
  const job: Job = monthlyCents >= 160_000 ? { title: "leraar", denominator: 22 } : { title: "leraar", denominator: 20 };
  const numerator = monthlyCents >= 160_000 ? 13 : 12;
  builder.addAssignment(person.id, { institution, job, start: YEAR_START, end: YEAR_END, numerator, monthlyCents, status: "T" });
  builder.addNotification(person.id, institution.board, YEAR_START, builder.receivedEarlySeptember());
  builder.record(person, monthlyCents >= 160_000 ? "gross-at-threshold" : "gross-just-below-threshold", ["early-september"]);
}

export function buildOccupationAboveLimit(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const terms = builder.terms({ min: 0.8, below: 1.000001 });
  const institution = builder.institutionOf(terms.level);
  const assignment = builder.addYearOrAppointedAssignment(person.id, institution, terms, 0.5, [2000, 2016]);
  builder.addNotification(person.id, institution.board, YEAR_START, builder.receivedEarlySeptember());
  builder.record(person, "occupation-above-limit", ["early-september"]);
  addExtras(builder, person, [assignment], { negative: true });
}

export function buildTwoAssignmentsOverLimit(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const first = builder.terms({ min: 0.45, below: 0.61 });
  const firstInstitution = builder.institutionOf(first.level);
  const firstAssignment = builder.addTemporaryAssignment(person.id, firstInstitution, first);
  const secondInstitution = builder.otherBoardInstitution(firstInstitution);
  const second = builder.terms({ min: 0.86 - first.numerator / first.job.denominator, below: 0.7 }, { level: secondInstitution.level });
  const secondAssignment = builder.addTemporaryAssignment(person.id, secondInstitution, second);
  builder.addNotification(person.id, firstInstitution.board, YEAR_START, builder.receivedEarlySeptember());
  builder.record(person, "two-assignments-over-limit", ["early-september"]);
  addExtras(builder, person, [firstAssignment, secondAssignment], { negative: true });
}

/** A full-time replacement Monday to Friday of the next week (12 days) within one month. */
export function buildShortFulltimeInterim(builder: PopulationBuilder): void {
  const { random } = builder;
  const person = builder.newPerson();
  const level = random.pick<Level>(["BaO", "SO", "DKO"]);
  const job = builder.job(level);
  const institution = builder.institutionOf(level);
  const start = random.pick(
    startingMondays(random.pick(["2018-01", "2018-02", "2018-03", "2018-04", "2018-05"])).filter((monday) => Number(monday.slice(8)) <= 14),
  );
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
export function buildInterimAtLimit(builder: PopulationBuilder): void {
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
