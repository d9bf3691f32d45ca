/**
 * The notified persons the rules declare: one part-time assignment (starting in September or later in
 * the year, notified in time or after a cut-off, withdrawn, renewed, appointed), two simultaneous
 * assignments, a change of employer mid-year (example 3 of the circular; also built un-notified), and
 * a person notified only for the next school year.
 */
import { type CalendarDate, addDays, maxDate } from "../../../src/domain/calendar-date";
import { type YearMonth, firstDayOf, monthOf } from "../../../src/domain/year-month";
import { type FractionBounds, type PopulationBuilder, addExtras } from "./builder";
import { cutoffOf } from "../circular-examples";
import { NEXT_YEAR_END, NEXT_YEAR_START, YEAR_END, YEAR_START, startingMondays, timestamp } from "./calendar";
import type { DemoNotice } from "./profiles";

/** Fraction and pay limits that keep a person eligible with room for allowances and corrections. */
const ELIGIBLE: FractionBounds = { min: 0.2, below: 0.75, maxMonthlyCents: 145_000 };

export type EligibleVariant =
  "early-september" | "after-september-cutoff" | "later-in-year" | "later-in-year-after-cutoff" | "withdrawn" | "renewed" | "appointed";

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
    start = edge.atCutoff
      ? "2017-11-06"
      : random.pick(startingMondays(random.pick(LATER_START_MONTHS)).filter((monday) => monday.slice(8) <= "14"));
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
      withdrawnFrom = edge.withdrawnAtOnce
        ? validFrom
        : firstDayOf(random.pick<YearMonth>(["2017-12", "2018-01", "2018-02", "2018-03", "2018-04"]));
      notices.push("early-september", edge.withdrawnAtOnce ? "withdrawn-at-once" : "withdrawn");
      break;
    case "appointed":
    case "early-september":
    case "renewed":
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

/**
 * Builds the "eligible" persons one after the other, each with the next of the drawn `variants` (taken
 * from the end); each edge case goes to the first person of its variant.
 */
export function eligibleInTurn(variants: EligibleVariant[]): (builder: PopulationBuilder) => void {
  const edgeVariants = new Set<EligibleVariant>(["later-in-year", "later-in-year-after-cutoff", "withdrawn"]);
  return (builder) => {
    const variant = variants.pop() as EligibleVariant;
    const first = edgeVariants.delete(variant);
    buildEligible(builder, variant, {
      atCutoff: first && variant === "later-in-year",
      secondAfterCutoff: first && variant === "later-in-year-after-cutoff",
      withdrawnAtOnce: first && variant === "withdrawn",
    });
  };
}

export function buildEligibleTwoAssignments(builder: PopulationBuilder, duplicate: boolean): void {
  const { random } = builder;
  const person = builder.newPerson();
  const first = builder.terms({ min: 0.2, below: 0.45, maxMonthlyCents: 90_000 });
  const firstInstitution = builder.institutionOf(first.level);
  const firstAssignment = builder.addTemporaryAssignment(person.id, firstInstitution, first);
  const firstFraction = first.numerator / first.job.denominator;
  const secondInstitution =
    duplicate || random.chance(0.6) ? builder.otherBoardInstitution(firstInstitution) : builder.institutionOf(builder.level());
  const second = builder.terms(
    { min: 0.05, below: 0.75 - firstFraction, maxMonthlyCents: 145_000 - firstAssignment.monthlyCents },
    { level: secondInstitution.level },
  );
  const secondStart = random.chance(0.6) ? YEAR_START : random.pick(startingMondays(random.pick(["2017-10", "2017-11", "2018-01"])));
  const secondAssignment = builder.addTemporaryAssignment(person.id, secondInstitution, second, secondStart, YEAR_END);
  const notices: DemoNotice[] = ["early-september"];
  builder.addNotification(person.id, firstInstitution.board, YEAR_START, builder.receivedEarlySeptember());
  if (duplicate) {
    builder.addNotification(
      person.id,
      secondInstitution.board,
      secondStart,
      builder.receivedBetween(maxDate(secondStart, "2017-09-18"), 10),
    );
    notices.push("duplicate");
  }
  builder.record(person, "eligible-two-assignments", notices);
  addExtras(builder, person, [firstAssignment, secondAssignment], { negative: false });
}

/** First employer from 1 September, second (another board) after a gap, both eligible fractions. */
export function buildEmployerChange(builder: PopulationBuilder, notified: boolean, duplicate: boolean): void {
  const { random } = builder;
  const person = builder.newPerson();
  const bounds = notified ? ELIGIBLE : { min: 0.2, below: 0.8 };
  const first = builder.terms(bounds);
  const firstInstitution = builder.institutionOf(first.level);
  const firstEnd = random.pick<CalendarDate>(["2017-11-30", "2017-12-22", "2018-01-31", "2018-02-09"]);
  const firstAssignment = builder.addTemporaryAssignment(person.id, firstInstitution, first, YEAR_START, firstEnd);
  const secondInstitution = builder.otherBoardInstitution(firstInstitution);
  const second = builder.terms(bounds, { level: secondInstitution.level });
  const earliest = addDays(firstEnd, random.int(2, 14));
  const secondStart = [...startingMondays(monthOf(addDays(firstEnd, 1))), ...startingMondays(monthOf(addDays(firstEnd, 21)))].find(
    (monday) => monday > earliest,
  );
  if (secondStart === undefined) throw new Error(`no Monday to start on after ${earliest}`);
  const secondAssignment = builder.addTemporaryAssignment(person.id, secondInstitution, second, secondStart, YEAR_END);
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

export function buildNextYearOnly(builder: PopulationBuilder): void {
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
