/**
 * The five deliberately bad records of the demo population, with fixed ids and facts for every seed
 * and size, that a robust run must reject: an invalid INSZ, a zero denominator, an assignment ending
 * before it starts, pay for an assignment that does not exist and a negative month.
 */
import type { CalendarDate } from "../../../src/domain/calendar-date";
import type { RejectionRule } from "../../../src/domain/outcome-codes";
import type { ContractTableName } from "../../../src/source/contract-writer";
import { type Assignment, MISSING_ASSIGNMENT_ID, type PopulationBuilder } from "./builder";
import { YEAR_END, YEAR_START } from "./calendar";
import type { Institution, Level } from "./schools";

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
  {
    rule: "INSZ_INVALID",
    table: "staff_member",
    id: 1000,
    staffId: 1000,
    description: "notified staff member whose INSZ has two check digits swapped",
  },
  { rule: "DENOMINATOR_NOT_POSITIVE", table: "assignment", id: 1001, staffId: 1001, description: "assignment 11/0 of a notified person" },
  {
    rule: "END_BEFORE_START",
    table: "assignment",
    id: 1002,
    staffId: 1002,
    description: "assignment of a notified person ending 2018-01-31, before its start 2018-02-05",
  },
  {
    rule: "UNKNOWN_ASSIGNMENT",
    table: "salary_line",
    id: 1030,
    staffId: 1003,
    description: `salary line of a notified person for assignment ${MISSING_ASSIGNMENT_ID}, which does not exist`,
  },
  {
    rule: "NEGATIVE_MONTH_TOTAL",
    table: "salary_line",
    id: 1041,
    staffId: 1004,
    description: "recovery of EUR -1400.00 that makes March 2018 of a notified person negative (EUR -250.00)",
  },
];

/** The five persons of {@link DEMO_BAD_RECORDS}: fixed ids and facts, built before anything random. */
export function buildBadRecords(builder: PopulationBuilder): void {
  const institution = (level: Level) => builder.institutions.find((candidate) => candidate.level === level) as Institution;
  const notify = (assignment: Assignment, validFrom: CalendarDate, receivedAt: string) =>
    builder.addNotification(assignment.staffId, assignment.institution.board, validFrom, receivedAt);

  // 1000: an INSZ with two check digits swapped (the valid number is 82061512426).
  const wrongInsz = builder.newPerson({
    insz: "82061512462",
    lastName: "Vermeersch",
    firstName: "Hilde",
    gender: "F",
    birthDate: "1982-06-15",
  });
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
  const unknownAssignment = builder.newPerson({
    lastName: "Van Impe",
    firstName: "Dries",
    gender: "M",
    birthDate: "1984-12-01",
    serial: 145,
  });
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

  for (const person of [wrongInsz, zeroDenominator, unknownAssignment, negativeMonth])
    builder.record(person, "bad-record", ["early-september"]);
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
