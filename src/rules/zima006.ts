/**
 * ZIMA006 (declaration of resumption of work, scenario 6): what run M says of each work_resumption row
 * (zima-1-3-6.md §3.4 as corrected by its errata, domain.md D24, D25), before the form type is registered
 * (ARCHITECTURE.md: a ZIMA006 unit is the person and the resumption).
 *
 * - R2 / errata 6: a row reported by the end of M, whose day of resumption lies in M or before and not
 *   after the form's creation date (zone 00128 <= 00218); a later one is a later run's.
 * - R1 / errata 8: declared when the absence outlasted what the agency paid (the resumption after
 *   absence.paid_until, or nothing paid) or a mutuality asked for it (request_ticket); work resumed within
 *   the paid period is not eligible RESUMPTION_IN_PAID_PERIOD. Birth leave has none (its days are the
 *   ZIMA001). Whether a ZIMA001 already carried the date (R7) or a ZIMA006 was sent is the state's, later.
 * - D25: the person's assignment in force on the day of resumption is insured (an appointment: not
 *   eligible NOT_BENEFITS_INSURED); none in force is anomaly 90017-152, rejected.
 * - The deadline (seed 001): the first working day of the second month after the month of resumption; a
 *   form created later is still sent, with a note for the operator (LATE_RESUMPTION).
 */
import { firstWorkingDayOf } from "../domain/belgian-calendar";
import type { CalendarDate } from "../domain/calendar-date";
import type { AbsenceRecord, WorkResumptionRecord } from "../domain/ministry-records";
import { endOfMonthMoment } from "../domain/local-date-time";
import type { RecordProblem } from "../domain/outcome-codes";
import { addMonths, lastDayOf, monthOf, type YearMonth } from "../domain/year-month";
import { workResumptionProblems } from "./benefits-2026-validation";
import { benefitsAssignmentCheck, type BenefitsPerson } from "./benefits-person";
import { checkSex } from "./sex-check";

export type Zima006Outcome =
  | {
      readonly kind: "declare";
      readonly resumptionDate: CalendarDate;
      readonly requestTicket: string | null;
      readonly lateNote: string | null;
    }
  | {
      readonly kind: "not-eligible";
      readonly reason: "RESUMPTION_IN_PAID_PERIOD" | "NO_RESUMPTION_FOR_BIRTH_LEAVE" | "NOT_BENEFITS_INSURED";
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
  /** The creation date of the run's forms (zone 00218). */
  readonly creationDate: CalendarDate;
}

/** Seed 001: "uiterlijk de eerste werkdag van de tweede kalendermaand die volgt op de kalendermaand waarin het werk is hervat". */
export function resumptionDeadline(resumptionDate: CalendarDate): CalendarDate {
  return firstWorkingDayOf(addMonths(monthOf(resumptionDate), 2));
}

/** Whether run M declares the row now: reported by the end of M, resumed in M or before, not after the creation date. */
function isThisRuns(row: WorkResumptionRecord, input: Zima006Input): boolean {
  const endOfRunMonth = endOfMonthMoment(input.runMonth);
  const date = row.resumptionDate;
  return (
    row.reportedAt !== null &&
    row.reportedAt <= endOfRunMonth &&
    date !== null &&
    date <= lastDayOf(input.runMonth) &&
    date <= input.creationDate
  );
}

function decide(row: WorkResumptionRecord, absence: AbsenceRecord | null, input: Zima006Input): Zima006Outcome {
  const { person } = input;
  if (person.personProblem) return { kind: "rejected", problem: person.personProblem };
  const [problem] = workResumptionProblems(row, absence);
  if (problem) return { kind: "rejected", problem };
  if (absence === null)
    return {
      kind: "rejected",
      problem: {
        table: "work_resumption",
        recordId: String(row.id),
        field: "absence_id",
        rule: "UNKNOWN_ABSENCE",
        value: String(row.absenceId),
      },
    };
  const [absenceProblem] = absence.problems;
  if (absenceProblem) return { kind: "rejected", problem: absenceProblem };
  const date = row.resumptionDate!;
  if (absence.kind === "BIRTH_LEAVE")
    return { kind: "not-eligible", reason: "NO_RESUMPTION_FOR_BIRTH_LEAVE", detail: `absence ${absence.id} is birth leave` };
  if (row.requestTicket === null && absence.paidUntil !== null && date <= absence.paidUntil) {
    return {
      kind: "not-eligible",
      reason: "RESUMPTION_IN_PAID_PERIOD",
      detail: `resumed ${date}, paid by the agency until ${absence.paidUntil}`,
    };
  }
  // Risks 002-004 need a woman's INSZ (D21), as their ZIMA001 does.
  if (person.staff && (absence.kind === "MATERNITY_REST" || absence.kind === "REMOVAL_FULL" || absence.kind === "REMOVAL_PARTIAL")) {
    const sex = checkSex(person.staff, "F", `ZIMA006 after ${absence.kind}`);
    if (sex.problem) return { kind: "rejected", problem: sex.problem };
  }
  const inForce = [...person.assignments.values()].filter(
    (a) =>
      (absence.assignmentId === null || a.record.id === absence.assignmentId) &&
      a.record.startDate !== null &&
      a.record.startDate <= date &&
      (a.record.endDate === null || a.record.endDate >= date),
  );
  if (inForce.length === 0)
    return {
      kind: "rejected",
      problem: {
        table: "work_resumption",
        recordId: String(row.id),
        field: "resumption_date",
        rule: "NO_OCCUPATION_AT_RESUMPTION",
        value: date,
      },
    };
  const checked = inForce.map((assignment) => benefitsAssignmentCheck(assignment));
  const rejectedBy = checked.find((c) => "problem" in c);
  if (rejectedBy && "problem" in rejectedBy) return { kind: "rejected", problem: rejectedBy.problem };
  if (checked.every((c) => "notEligible" in c))
    return {
      kind: "not-eligible",
      reason: "NOT_BENEFITS_INSURED",
      detail: `every assignment in force on ${date} is an appointment (status V)`,
    };
  const deadline = resumptionDeadline(date);
  const lateNote =
    input.creationDate > deadline ? `LATE_RESUMPTION: resumed ${date}, due by ${deadline}, sent ${input.creationDate}` : null;
  return { kind: "declare", resumptionDate: date, requestTicket: row.requestTicket, lateNote };
}

/**
 * Each resumption this run sees, in date order, with what it declares or why not; and the rows whose
 * day of resumption or report time cannot be read (reported, never dropped).
 */
export function planZima006(input: Zima006Input): { readonly resumptions: Zima006Resumption[]; readonly unplaced: RecordProblem[] } {
  const absences = new Map(input.absences.map((absence) => [absence.id, absence]));
  const unplaced = input.resumptions.filter((row) => row.resumptionDate === null || row.reportedAt === null).flatMap((row) => row.problems);
  const resumptions = input.resumptions
    .filter((row) => isThisRuns(row, input))
    .sort((a, b) => (a.resumptionDate! < b.resumptionDate! ? -1 : a.resumptionDate! > b.resumptionDate! ? 1 : a.id - b.id))
    .map((row) => ({
      resumption: row,
      month: monthOf(row.resumptionDate!),
      outcome: decide(row, absences.get(row.absenceId ?? -1) ?? null, input),
    }));
  return { resumptions, unplaced };
}
