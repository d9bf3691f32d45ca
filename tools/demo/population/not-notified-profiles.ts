/**
 * Staff without any RL16 notification: full-time (mostly appointed), part-time (some renewed for
 * 2018-2019) and with two assignments at different boards. None of them is declared. (The
 * un-notified change of employer is built by eligible-profiles.ts.)
 */
import { type PopulationBuilder, addExtras } from "./builder";
import { NEXT_YEAR_END, NEXT_YEAR_START, YEAR_END, YEAR_START } from "./calendar";

export function buildNotNotifiedFulltime(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const terms = builder.terms({ min: 0.8, below: 1.000001 });
  const institution = builder.institutionOf(terms.level);
  const assignment = builder.addYearOrAppointedAssignment(person.id, institution, terms, 0.85, [1995, 2016]);
  builder.record(person, "not-notified-fulltime");
  addExtras(builder, person, [assignment], { negative: true });
}

export function buildNotNotifiedParttime(builder: PopulationBuilder): void {
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

export function buildNotNotifiedTwoAssignments(builder: PopulationBuilder): void {
  const person = builder.newPerson();
  const first = builder.terms({ min: 0.2, below: 0.6 });
  const firstInstitution = builder.institutionOf(first.level);
  const firstAssignment = builder.addTemporaryAssignment(person.id, firstInstitution, first);
  const secondInstitution = builder.otherBoardInstitution(firstInstitution);
  const second = builder.terms({ min: 0.1, below: 0.5 }, { level: secondInstitution.level });
  builder.addTemporaryAssignment(person.id, secondInstitution, second);
  builder.record(person, "not-notified-two-assignments");
  addExtras(builder, person, [firstAssignment], { negative: true });
}
