/**
 * ZIMA006 (declaration of resumption of work, scenario 6): what run M says of each work_resumption row
 * (zima-1-3-6.md §3.4 as corrected by its errata, domain.md D24, D25), before the form type is registered
 * (ARCHITECTURE.md: a ZIMA006 unit is the person and the resumption).
 *
 * - R2 / errata 6: a row reported by the end of M, whose day of resumption lies in M or before and not
 *   after the form's creation date (zone 00128 <= 00218); one reported after M waits for its month's run
 *   (REPORTED_AFTER_RUN_MONTH).
 * - R7 / errata 9 (6-B): not when the resumption went with the absence's information sheet
 *   (RESUMPTION_SENT_IN_ZIMA001).
 * - R1 / errata 8: declared when the absence outlasted what the agency paid (its last day — last_day, at
 *   the latest the day before work resumed — after absence.paid_until, or nothing paid) or a mutuality
 *   asked for it (request_ticket); work resumed within the paid period (a fully paid three-day illness
 *   resumed the day after) is not eligible RESUMPTION_IN_PAID_PERIOD: the mutuality has no file (the
 *   note's example 6-C negative, NO_RISK_DECLARED before errata 8). Birth leave has none (its days are the
 *   ZIMA001). Whether a ZIMA001 already carried the date (R7) or a ZIMA006 was sent is the state's, later.
 * - D25: the person's assignment in force on the day of resumption is insured (an appointment: not
 *   eligible NOT_BENEFITS_INSURED); none in force is anomaly 90017-152, rejected.
 * - The deadline (seed 001): the first working day of the second month after the month of resumption; a
 *   form created later is still sent, flagged for the operator (LATE_RESUMPTION).
 * - A day of resumption in the run month but after the creation date (announced ahead) waits for the
 *   next run (RESUMPTION_AHEAD).
 *
 * One unit per resumption (subject "resumption:<id>"), its period the month of the day of resumption:
 * a day moved within the month is a modification of the accepted form (R3), a row deleted a cancellation.
 */
import { firstWorkingDayOf } from "../domain/belgian-calendar";
import { addDays, type CalendarDate, minDate } from "../domain/calendar-date";
import type { AbsenceKind, AbsenceRecord, PersonSourceData, WorkResumptionRecord } from "../domain/ministry-records";
import { endOfMonthMoment } from "../domain/local-date-time";
import { recordProblem, type RecordProblem } from "../domain/outcome-codes";
import { unreachable } from "../domain/unreachable";
import { addMonths, lastDayOf, monthOf, type YearMonth } from "../domain/year-month";
import { workResumptionProblems } from "./benefits-2026-validation";
import { benefitsAssignmentCheck, type BenefitsFormResult, type BenefitsPerson, unknownAssignmentContext } from "./benefits-person";
import type { DecisionUnit, OccupationFacts, UnitOutcome } from "./decision-types";
import { rejected as rejectedOutcome } from "./outcome-builders";
import type { RunFrame } from "./person-context";

export type Zima006Outcome =
  | {
      readonly kind: "declare";
      readonly absence: { readonly id: number; readonly kind: AbsenceKind };
      /** The first insured assignment in force on the day of resumption (the form names no occupation: for the reports). */
      readonly occupation: OccupationFacts;
      /** Every assignment of the person in force on the day of resumption, in id order. */
      readonly inForce: readonly number[];
      readonly resumptionDate: CalendarDate;
      readonly requestTicket: string | null;
      readonly deadline: CalendarDate;
      /** Created after the deadline: still sent, flagged LATE_RESUMPTION. */
      readonly late: boolean;
    }
  | { readonly kind: "ahead" | "reported-later"; readonly detail: string }
  | {
      readonly kind: "not-eligible";
      readonly reason:
        "RESUMPTION_IN_PAID_PERIOD" | "NO_RESUMPTION_FOR_BIRTH_LEAVE" | "NOT_BENEFITS_INSURED" | "RESUMPTION_SENT_IN_ZIMA001";
      readonly detail: string;
    }
  | { readonly kind: "rejected"; readonly problem: RecordProblem };

export interface Zima006Resumption {
  readonly resumption: WorkResumptionRecord;
  /** The month of the day of resumption. */
  readonly month: YearMonth;
  readonly outcome: Zima006Outcome;
}

export interface Zima006Input {
  readonly person: BenefitsPerson;
  readonly absences: readonly AbsenceRecord[];
  readonly resumptions: readonly WorkResumptionRecord[];
  readonly runMonth: YearMonth;
  /** The earliest month the run looks at: an older resumption is left alone. */
  readonly benefitsMonthsFrom: YearMonth;
  /** The creation date of the run's forms (zone 00218). */
  readonly creationDate: CalendarDate;
  /** The resumptions an information sheet (ZIMA001 block 90016) carries: not declared again (R7). */
  readonly carriedByZima001?: ReadonlySet<number>;
}

/** Seed 001: "uiterlijk de eerste werkdag van de tweede kalendermaand die volgt op de kalendermaand waarin het werk is hervat". */
export function resumptionDeadline(resumptionDate: CalendarDate): CalendarDate {
  return firstWorkingDayOf(addMonths(monthOf(resumptionDate), 2));
}

/** Whether run M looks at the row: resumed in the months from benefitsMonthsFrom to M (when it was reported is the decision's). */
function isInMonths(row: WorkResumptionRecord, input: Zima006Input): boolean {
  const date = row.resumptionDate;
  return row.reportedAt !== null && date !== null && monthOf(date) >= input.benefitsMonthsFrom && date <= lastDayOf(input.runMonth);
}

/** Errata 8: the absence's last day (last_day, at the latest the day before work resumed) lies after what the agency paid. */
function outlastedPay(absence: AbsenceRecord, resumed: CalendarDate): boolean {
  if (absence.paidUntil === null) return true;
  const dayBefore = addDays(resumed, -1);
  const lastAbsent = absence.lastDay === null ? dayBefore : minDate(absence.lastDay, dayBefore);
  return lastAbsent > absence.paidUntil;
}

/** The data problem that stops the row: its own, its absence's, or the absence missing. */
function rowProblem(row: WorkResumptionRecord, absence: AbsenceRecord | null): RecordProblem | null {
  const [problem] = workResumptionProblems(row, absence);
  if (problem) return problem;
  if (absence === null) return recordProblem("work_resumption", row.id, "absence_id", "UNKNOWN_ABSENCE", String(row.absenceId));
  return absence.problems[0] ?? null;
}

/**
 * The person's assignments in force on the day, in id order: any of them is the work relation anomaly
 * 90017-152 asks for (a temporary back in a new assignment), whatever assignment the absence names.
 */
function inForceOn(date: CalendarDate, person: BenefitsPerson) {
  return [...person.assignments.values()]
    .filter((a) => a.record.startDate !== null && a.record.startDate <= date && (a.record.endDate === null || a.record.endDate >= date))
    .sort((a, b) => a.record.id - b.record.id);
}

function decide(row: WorkResumptionRecord, absence: AbsenceRecord | null, input: Zima006Input): Zima006Outcome {
  const { person } = input;
  if (person.personProblem) return { kind: "rejected", problem: person.personProblem };
  const problem = rowProblem(row, absence);
  if (problem || absence === null) return { kind: "rejected", problem: problem! };
  const date = row.resumptionDate!;
  if (row.reportedAt! > endOfMonthMoment(input.runMonth))
    return { kind: "reported-later", detail: `reported ${row.reportedAt}, after ${input.runMonth}: the run of its month declares it` };
  if (input.carriedByZima001?.has(row.id))
    return {
      kind: "not-eligible",
      reason: "RESUMPTION_SENT_IN_ZIMA001",
      detail: `the information sheet of absence ${absence.id} carries ${date}`,
    };
  if (date > input.creationDate)
    return { kind: "ahead", detail: `resumes ${date}, after this run's forms are made (${input.creationDate})` };
  if (absence.kind === "BIRTH_LEAVE")
    return { kind: "not-eligible", reason: "NO_RESUMPTION_FOR_BIRTH_LEAVE", detail: `absence ${absence.id} is birth leave` };
  if (row.requestTicket === null && !outlastedPay(absence, date))
    return {
      kind: "not-eligible",
      reason: "RESUMPTION_IN_PAID_PERIOD",
      detail: `resumed ${date}, paid by the agency until ${absence.paidUntil}`,
    };
  // No sex condition: FBAMI6's 00024 has none, and D21 does not list ZIMA006.
  const inForce = inForceOn(date, person);
  if (inForce.length === 0)
    return { kind: "rejected", problem: recordProblem("work_resumption", row.id, "resumption_date", "NO_OCCUPATION_AT_RESUMPTION", date) };
  const checked = inForce.map((assignment) => benefitsAssignmentCheck(assignment));
  const insured = checked.find((c) => "facts" in c);
  if (!insured || !("facts" in insured)) {
    const broken = checked.find((c) => "problem" in c);
    if (broken && "problem" in broken) return { kind: "rejected", problem: broken.problem };
    return {
      kind: "not-eligible",
      reason: "NOT_BENEFITS_INSURED",
      detail: `every assignment in force on ${date} is an appointment (status V)`,
    };
  }
  const deadline = resumptionDeadline(date);
  return {
    kind: "declare",
    absence: { id: absence.id, kind: absence.kind! },
    occupation: insured.facts,
    inForce: inForce.map((a) => a.record.id),
    resumptionDate: date,
    requestTicket: row.requestTicket,
    deadline,
    late: input.creationDate > deadline,
  };
}

/**
 * Each resumption this run looks at, in date order, with what it declares or why not; and the rows whose
 * day of resumption or report time cannot be read (reported, never dropped).
 */
export function planZima006(input: Zima006Input): { readonly resumptions: Zima006Resumption[]; readonly unplaced: RecordProblem[] } {
  const absences = new Map(input.absences.map((absence) => [absence.id, absence]));
  const unplaced = input.resumptions.filter((row) => row.resumptionDate === null || row.reportedAt === null).flatMap((row) => row.problems);
  const resumptions = input.resumptions
    .filter((row) => isInMonths(row, input))
    .sort((a, b) => (a.resumptionDate! < b.resumptionDate! ? -1 : a.resumptionDate! > b.resumptionDate! ? 1 : a.id - b.id))
    .map((row) => ({
      resumption: row,
      month: monthOf(row.resumptionDate!),
      outcome: decide(row, absences.get(row.absenceId ?? -1) ?? null, input),
    }));
  return { resumptions, unplaced };
}

/** The subject of the ZIMA006 unit of a resumption. */
export function resumptionSubject(resumptionId: number): string {
  return `resumption:${resumptionId}`;
}

/** The work_resumption id a ZIMA006 unit's subject names, or null. */
export function resumptionIdOf(subject: string | null): number | null {
  const match = /^resumption:(\d+)$/.exec(subject ?? "");
  return match ? Number(match[1]) : null;
}

function outcomeOf(planned: Zima006Resumption, person: BenefitsPerson): UnitOutcome {
  const outcome = planned.outcome;
  switch (outcome.kind) {
    case "declare":
      return {
        status: "declared",
        declaration: {
          formType: "ZIMA006",
          person: person.identity!,
          occupation: outcome.occupation,
          referencePeriod: planned.month,
          resumptionId: planned.resumption.id,
          absenceId: outcome.absence.id,
          absenceKind: outcome.absence.kind,
          resumptionDate: outcome.resumptionDate,
          requestTicket: outcome.requestTicket,
          deadline: outcome.deadline,
        },
        ...(outcome.late ? { flags: ["LATE_RESUMPTION"] as const } : {}),
      };
    case "ahead":
      return { status: "waiting", reason: "RESUMPTION_AHEAD", detail: outcome.detail };
    case "reported-later":
      return { status: "waiting", reason: "REPORTED_AFTER_RUN_MONTH", detail: outcome.detail };
    case "not-eligible":
      // Remembered: a later run that finds the same is not deciding it again (the operator sees it once).
      return { status: "not-eligible", reason: outcome.reason, detail: outcome.detail, fingerprint: `${outcome.reason}|${outcome.detail}` };
    case "rejected":
      return rejectedOutcome(outcome.problem);
    default:
      return unreachable(outcome, "ZIMA006 outcome");
  }
}

/**
 * The assignments a resumption's unit concerns: those in force on the day (declared), else the absence's
 * own, else the person's first, else 0 for a person without any.
 */
function concernedAssignments(planned: Zima006Resumption, absence: AbsenceRecord | undefined, person: BenefitsPerson): number[] {
  if (planned.outcome.kind === "declare") return [...planned.outcome.inForce];
  if (absence?.assignmentId != null) return [absence.assignmentId];
  const first = Math.min(...person.assignments.keys(), Number.POSITIVE_INFINITY);
  return [Number.isFinite(first) ? first : 0];
}

/** The ZIMA006 units of a person: one per resumption of work this run looks at, and the broken rows it read. */
export function decideZima006(
  person: BenefitsPerson,
  source: PersonSourceData,
  frame: RunFrame,
  carriedByZima001: ReadonlySet<number> = new Set(),
): BenefitsFormResult {
  const absences = source.absences ?? [];
  const plan = planZima006({
    person,
    absences,
    resumptions: source.workResumptions ?? [],
    runMonth: frame.runMonth,
    benefitsMonthsFrom: frame.benefitsMonthsFrom,
    creationDate: frame.creationDate,
    carriedByZima001,
  });
  const problems: RecordProblem[] = [...plan.unplaced];
  const contextOf = (id: number) => person.assignments.get(id)?.context ?? unknownAssignmentContext(id);
  const units: DecisionUnit[] = plan.resumptions.map((planned) => {
    const absence = absences.find((a) => a.id === planned.resumption.absenceId);
    const [first, ...others] = concernedAssignments(planned, absence, person);
    const outcome = outcomeOf(planned, person);
    if (outcome.status === "rejected") problems.push(outcome.problem);
    return {
      formType: "ZIMA006",
      staffId: person.staffId,
      assignmentId: first,
      subject: resumptionSubject(planned.resumption.id),
      context: contextOf(first),
      ...(others.length > 0 ? { alsoConcerns: others.map(contextOf) } : {}),
      referencePeriod: planned.month,
      outcome,
    };
  });
  return { units, problems, notes: [] };
}
