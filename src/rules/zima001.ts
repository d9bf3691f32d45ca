/**
 * ZIMA001 (the information sheet when a risk starts, scenario 1): what run M says of each risk of a
 * person (zima-1-3-6.md §1.4 as its errata correct it, domain.md D21, D24, D25). Not registered as a form
 * type yet (ARCHITECTURE.md): this is the plan the registration will turn into units.
 * - A risk is one absence, or for birth leave every block of one birth (same kind and event_date). A
 *   relapse is a risk of its own whose 00408 is the original absence's first day.
 * - R9 / errata 5, 6: a risk is due in the run of the month in which its last fact is reported (by the end
 *   of that month) and its data allow the sheet: 001 when the absence outlasts what the agency paid (else
 *   not eligible ABSENCE_PAID_BY_AGENCY) and the paid period ends by the end of the next month (the
 *   mutuality pays from paid_until + 1), or in the month of its first day when nothing was paid; 006 when
 *   the last leave day is past (or four months after the birth); the others from their first day. Before
 *   that, it waits (RISK_NOT_DUE).
 * - R7: the resumption of work known by the end of the due month (and not after the form's creation date)
 *   goes in the sheet's WorkRecovery; its ZIMA006 is then not sent.
 * - D21: risks 002-004 need a woman's INSZ, 005 a man's.
 */
import type { BenefitsCodes } from "../../mappings/benefits-codes";
import { addCalendarMonths, addDays, type CalendarDate, minDate } from "../domain/calendar-date";
import { endOfMonthMoment } from "../domain/local-date-time";
import {
  ABSENCE_KINDS,
  type AbsenceDayRecord,
  type AbsenceRecord,
  type AssignmentSalaryRecord,
  type PersonSourceData,
  type ReferenceData,
  type WorkResumptionRecord,
} from "../domain/ministry-records";
import { recordProblem, type RecordProblem } from "../domain/outcome-codes";
import { unreachable } from "../domain/unreachable";
import { addMonths, lastDayOf, monthOf, monthsAfter, type YearMonth } from "../domain/year-month";
import { absenceProblems, workResumptionProblems } from "./benefits-2026-validation";
import { type BenefitsFormResult, type BenefitsPerson, unknownAssignmentContext } from "./benefits-person";
import type { DecisionUnit, UnitOutcome, Zima001Declaration } from "./decision-types";
import { rejected as rejectedOutcome } from "./outcome-builders";
import type { RunFrame } from "./person-context";
import { checkSex } from "./sex-check";
import { quarterOf } from "./zima001-dates";
import { daysFor, riskDays } from "./zima001-days";
import { preventionServicesOf, type RiskOccupation, riskOccupations, serviceEndOf } from "./zima001-occupations";

export type Zima001Outcome =
  | {
      readonly kind: "declare";
      readonly declaration: Omit<Zima001Declaration, "formType" | "person">;
      /** The resumption the sheet carries (R7): no ZIMA006 for it. */
      readonly carriedResumptionId: number | null;
      readonly notes: readonly string[];
      /** When the days were derived only because the wait was over, or an operator released it. */
      readonly flags: readonly ("REFERENCE_DAYS_DERIVED" | "RELEASED_BY_OPERATOR")[];
    }
  | {
      readonly kind: "waiting";
      readonly reason: "RISK_NOT_DUE" | "REFERENCE_DAYS_MISSING";
      readonly detail: string;
      /** REFERENCE_DAYS_MISSING: the months waited since the sheet was due. */
      readonly waitedMonths?: number;
    }
  | { readonly kind: "not-eligible"; readonly reason: "ABSENCE_PAID_BY_AGENCY" | "NOT_BENEFITS_INSURED"; readonly detail: string }
  | { readonly kind: "rejected"; readonly problem: RecordProblem };

export interface Zima001Risk {
  /** The absence (for birth leave the first block) the unit is about. */
  readonly absence: AbsenceRecord;
  /** The month of its own first day: the unit's period. */
  readonly month: YearMonth;
  readonly outcome: Zima001Outcome;
}

export interface Zima001Input {
  readonly person: BenefitsPerson;
  readonly absences: readonly AbsenceRecord[];
  readonly absenceDays: readonly AbsenceDayRecord[];
  readonly resumptions: readonly WorkResumptionRecord[];
  readonly salaries: readonly AssignmentSalaryRecord[];
  readonly references: ReferenceData;
  readonly codes: BenefitsCodes;
  readonly runMonth: YearMonth;
  readonly benefitsMonthsFrom: YearMonth;
  /** Zone 00218 of the run's forms. */
  readonly creationDate: CalendarDate;
  /** Days a week x 100 of an assignment that has none (formDefaults.teacherWorkingDays): the 00180 hours of a day. */
  readonly defaultDaysPerWeek: number;
  /** D17's bound, in months after the sheet was due, on the wait for absence_day rows (errata 4). */
  readonly waitMonths: number;
  /** Whether an operator released the person-month (easr release): the wait for days ends now. */
  readonly isReleased: (month: YearMonth) => boolean;
}

/** The subject of the ZIMA001 unit of a risk: its (first) absence. */
export function absenceSubject(absenceId: number): string {
  return `absence:${absenceId}`;
}

/** The absence id a ZIMA001 unit's subject names, or null. */
export function absenceIdOf(subject: string | null): number | null {
  const match = /^absence:(\d+)$/.exec(subject ?? "");
  return match ? Number(match[1]) : null;
}

/** Zone 00430 of an absence's kind: INCAPACITY 001 … FOSTER_LEAVE 008. */
export function riskCodeOfKind(kind: (typeof ABSENCE_KINDS)[number]): string {
  return String(ABSENCE_KINDS.indexOf(kind) + 1).padStart(3, "0");
}

/**
 * The risks of the absences the run looks at, in first-day order: birth-leave blocks of one birth
 * together (the later blocks too, which decide when the sheet is due), each risk in scope when one of its
 * blocks starts in the months from benefitsMonthsFrom up to the run month.
 */
function groupedRisks(input: Zima001Input): AbsenceRecord[][] {
  const ordered = input.absences
    .filter((a) => a.firstDay !== null)
    .sort((a, b) => (a.firstDay! < b.firstDay! ? -1 : a.firstDay! > b.firstDay! ? 1 : a.id - b.id));
  const births = new Map<string, AbsenceRecord[]>();
  const risks: AbsenceRecord[][] = [];
  for (const a of ordered) {
    const birth = a.kind === "BIRTH_LEAVE" && a.eventDate !== null ? a.eventDate : null;
    const blocks = birth === null ? undefined : births.get(birth);
    if (blocks) blocks.push(a);
    else {
      risks.push([a]);
      if (birth !== null) births.set(birth, risks[risks.length - 1]);
    }
  }
  return risks;
}

/**
 * Whether the run looks at a risk: one of its blocks starts in the months from benefitsMonthsFrom up to the
 * run month (a birth whose first block lies before is still in scope by a later one: its sheet, declared
 * before, stays the same unit, never a new one for the later blocks).
 */
function isInScope(blocks: readonly AbsenceRecord[], input: Zima001Input): boolean {
  return blocks.some((b) => monthOf(b.firstDay!) >= input.benefitsMonthsFrom && monthOf(b.firstDay!) <= input.runMonth);
}

function risksOf(input: Zima001Input): AbsenceRecord[][] {
  return groupedRisks(input).filter((blocks) => isInScope(blocks, input));
}

/**
 * R7 for the risks the run no longer looks at (their first day before the months read): the resumptions
 * their sheets carried, so that a resumption still in the months is not declared again as a ZIMA006.
 */
export function resumptionsCarriedBefore(input: Zima001Input): number[] {
  return groupedRisks(input)
    .filter((blocks) => !isInScope(blocks, input) && blocks.every((b) => b.reportedAt !== null && b.kind !== null))
    .flatMap((blocks) => {
      const known = usableResumptions(blocks[0], input).find((r) => r.reportedAt! <= endOfMonthMoment(input.runMonth));
      const due = dueMonth(blocks, known ?? null);
      const carried = typeof due === "string" ? carriedResumption(blocks[0], due, input) : null;
      return carried ? [carried.id] : [];
    });
}

/** The month a risk's sheet is due in (R9), or why it never is (001 paid all through by the agency). */
function dueMonth(blocks: readonly AbsenceRecord[], resumption: WorkResumptionRecord | null): YearMonth | { paidByAgency: string } {
  const first = blocks[0];
  const reported = blocks.map((b) => monthOf(b.reportedAt!.slice(0, 10) as CalendarDate)).reduce((a, b) => (a > b ? a : b));
  const start = monthOf(first.firstDay!);
  const latest = (...months: YearMonth[]) => months.reduce((a, b) => (a > b ? a : b));
  if (first.kind === "INCAPACITY") {
    if (first.paidUntil === null) return latest(reported, start);
    const dayBeforeResumption = resumption?.resumptionDate ? addDays(resumption.resumptionDate, -1) : null;
    const lastAbsent = [first.lastDay, dayBeforeResumption].filter((d): d is CalendarDate => d !== null).reduce(minDate, "9999-12-31");
    if (lastAbsent <= first.paidUntil) return { paidByAgency: `absent until ${lastAbsent}, paid by the agency until ${first.paidUntil}` };
    return latest(reported, start, addMonths(monthOf(first.paidUntil), -1));
  }
  if (first.kind === "BIRTH_LEAVE") {
    const lastLeave = blocks.map((b) => b.lastDay ?? b.firstDay!).reduce((a, b) => (a > b ? a : b));
    const fourMonths = first.eventDate === null ? lastLeave : addCalendarMonths(first.eventDate, 4);
    return latest(reported, monthOf(minDate(lastLeave, fourMonths)));
  }
  return latest(reported, start);
}

/** The data problem that stops a risk: a block's, or a relapse's original missing. */
function riskProblem(blocks: readonly AbsenceRecord[], input: Zima001Input): RecordProblem | null {
  if (input.person.personProblem) return input.person.personProblem;
  const assignmentIds = new Set(input.person.assignments.keys());
  for (const block of blocks) {
    const [problem] = absenceProblems(block, assignmentIds);
    if (problem) return problem;
    if (block.reportedAt === null) return recordProblem("absence", block.id, "reported_at", "FIELD_REQUIRED", "NULL");
  }
  const first = blocks[0];
  if (first.relapseOfId !== null && !input.absences.some((a) => a.id === first.relapseOfId && a.firstDay !== null))
    return recordProblem("absence", first.id, "relapse_of_id", "UNKNOWN_ABSENCE", String(first.relapseOfId));
  return null;
}

/** The absence a relapse continues, followed to the first of the chain (00408: "de eerste dag van de oorspronkelijke arbeidsongeschiktheid"). */
function originalOf(absence: AbsenceRecord, absences: readonly AbsenceRecord[]): AbsenceRecord {
  const seen = new Set<number>([absence.id]);
  let current = absence;
  for (;;) {
    const earlier = current.relapseOfId === null ? undefined : absences.find((a) => a.id === current.relapseOfId);
    if (!earlier || seen.has(earlier.id) || earlier.firstDay === null) return current;
    seen.add(earlier.id);
    current = earlier;
  }
}

/** D21: 002-004 a woman, 005 a man. */
function sexProblem(risk: string, input: Zima001Input): RecordProblem | null {
  const need = risk === "005" ? "M" : ["002", "003", "004"].includes(risk) ? "F" : null;
  if (need === null || input.person.staff === null) return null;
  return checkSex(input.person.staff, need, `ZIMA001 risk ${risk}`).problem;
}

/** The absence's resumption rows that break no rule (a broken one is the ZIMA006's to report). */
function usableResumptions(absence: AbsenceRecord, input: Zima001Input): WorkResumptionRecord[] {
  return input.resumptions.filter(
    (r) =>
      r.absenceId === absence.id && r.resumptionDate !== null && r.reportedAt !== null && workResumptionProblems(r, absence).length === 0,
  );
}

/**
 * R7: the resumption of the absence known by the end of the due month and falling in it (or before): what
 * the sheet of that month's run could carry (00128 <= 00218). Decided by the due month alone, so that every
 * later run says the same: a later resumption is a ZIMA006.
 */
function carriedResumption(absence: AbsenceRecord, due: YearMonth, input: Zima001Input): WorkResumptionRecord | null {
  if (absence.kind === "BIRTH_LEAVE") return null;
  return (
    usableResumptions(absence, input)
      .filter((r) => r.reportedAt! <= endOfMonthMoment(due) && r.resumptionDate! <= lastDayOf(due))
      .sort((a, b) => (a.resumptionDate! < b.resumptionDate! ? -1 : 1))[0] ?? null
  );
}

function declaration(
  blocks: readonly AbsenceRecord[],
  risk: string,
  riskStart: CalendarDate,
  occupations: readonly RiskOccupation[],
  input: Zima001Input,
  decideNow: "waiting" | "bound" | "released",
):
  | { readonly sheet: Omit<Zima001Declaration, "formType" | "person" | "workRecovery">; readonly derivedAfterWait: boolean }
  | { waiting: string }
  | { problem: RecordProblem } {
  const first = blocks[0];
  const days = riskDays({
    risk,
    blocks,
    absenceDays: input.absenceDays,
    daysPerWeek: occupations[0].facts.daysPerWeek,
    relapse: first.relapseOfId !== null,
    decideNow,
  });
  if ("waiting" in days || "problem" in days) return days;
  const period = "none" in days ? null : days;
  const sheet = {
    occupation: occupations[0].facts,
    referencePeriod: monthOf(first.firstDay!),
    absenceId: first.id,
    absenceKind: first.kind!,
    risk,
    riskStart,
    preventionServices: risk === "001" ? preventionServicesOf(occupations, input.references) : [],
    quarter: quarterOf(riskStart),
    occupations: occupations.map((o) => ({
      occupation: o.facts,
      endDate: o.facts.endDate,
      payMode: o.payMode,
      localUnitId: o.localUnitId,
      retired: o.retired,
      risk: {
        lastWorkingDay: o.lastWorkingDay,
        basisAmount: o.basisAmount,
        stable: o.stable,
        referencePeriod:
          period === null
            ? null
            : {
                start: period.start,
                end: period.end,
                days: daysFor(period.days, o.facts, input.codes.breastfeedingReferenceWeek, input.defaultDaysPerWeek),
              },
      },
    })),
    serviceEnd: ["001", "003", "007", "008"].includes(risk) ? serviceEndOf(occupations, riskStart) : null,
  };
  return { sheet, derivedAfterWait: period?.derivedAfterWait ?? false };
}

function decideRisk(blocks: readonly AbsenceRecord[], input: Zima001Input): Zima001Outcome {
  const problem = riskProblem(blocks, input);
  if (problem) return { kind: "rejected", problem };
  const first = blocks[0];
  const risk = riskCodeOfKind(first.kind!);
  const sex = sexProblem(risk, input);
  if (sex) return { kind: "rejected", problem: sex };
  const known = usableResumptions(first, input).find((r) => r.reportedAt! <= endOfMonthMoment(input.runMonth));
  const due = dueMonth(blocks, known ?? null);
  if (typeof due !== "string") return { kind: "not-eligible", reason: "ABSENCE_PAID_BY_AGENCY", detail: due.paidByAgency };
  if (due > input.runMonth) return { kind: "waiting", reason: "RISK_NOT_DUE", detail: `due by the run of ${due}` };
  const riskStart = originalOf(first, input.absences).firstDay!;
  const occupations = riskOccupations({
    person: input.person,
    absence: first,
    riskStart,
    references: input.references,
    salaries: input.salaries,
    codes: input.codes,
  });
  if ("problem" in occupations) return { kind: "rejected", problem: occupations.problem };
  if ("notInsured" in occupations) return { kind: "not-eligible", reason: "NOT_BENEFITS_INSURED", detail: occupations.notInsured };
  const waited = monthsAfter(due, input.runMonth);
  const released = input.isReleased(monthOf(first.firstDay!));
  const made = declaration(
    blocks,
    risk,
    riskStart,
    occupations.occupations,
    input,
    released ? "released" : waited >= input.waitMonths ? "bound" : "waiting",
  );
  if ("waiting" in made)
    return {
      kind: "waiting",
      reason: "REFERENCE_DAYS_MISSING",
      detail:
        waited < input.waitMonths
          ? `${made.waiting}: waited ${waited} of ${input.waitMonths} month(s)`
          : `${made.waiting}: waited ${waited} month(s), past the bound of ${input.waitMonths}: payroll gives the days, or an operator releases the month`,
      waitedMonths: waited,
    };
  if ("problem" in made) return { kind: "rejected", problem: made.problem };
  const resumption = carriedResumption(first, due, input);
  return {
    kind: "declare",
    declaration: { ...made.sheet, workRecovery: resumption?.resumptionDate ?? null },
    carriedResumptionId: resumption?.id ?? null,
    notes: occupations.notes,
    flags: made.derivedAfterWait ? [released ? "RELEASED_BY_OPERATOR" : "REFERENCE_DAYS_DERIVED"] : [],
  };
}

/** Each risk the run looks at, in first-day order, with what it declares or why not. */
export function planZima001(input: Zima001Input): Zima001Risk[] {
  return risksOf(input).map((blocks) => ({ absence: blocks[0], month: monthOf(blocks[0].firstDay!), outcome: decideRisk(blocks, input) }));
}

function outcomeOf(planned: Zima001Risk, person: BenefitsPerson): UnitOutcome {
  const outcome = planned.outcome;
  switch (outcome.kind) {
    case "declare":
      return {
        status: "declared",
        declaration: { ...outcome.declaration, formType: "ZIMA001", person: person.identity! },
        ...(outcome.flags.length > 0 ? { flags: outcome.flags } : {}),
      };
    case "waiting":
      return {
        status: "waiting",
        reason: outcome.reason,
        detail: outcome.detail,
        ...(outcome.waitedMonths === undefined ? {} : { waitedMonths: outcome.waitedMonths }),
      };
    case "not-eligible":
      // Remembered: a later run that finds the same is not deciding it again (the operator sees it once).
      return { status: "not-eligible", reason: outcome.reason, detail: outcome.detail, fingerprint: `${outcome.reason}|${outcome.detail}` };
    case "rejected":
      return rejectedOutcome(outcome.problem);
    default:
      return unreachable(outcome, "ZIMA001 outcome");
  }
}

/** The assignments a risk's unit concerns: its occupations (declared), else the absence's own, else the person's first, else 0. */
function concernedAssignments(planned: Zima001Risk, person: BenefitsPerson): number[] {
  if (planned.outcome.kind === "declare") return planned.outcome.declaration.occupations.map((o) => o.occupation.assignmentId);
  if (planned.absence.assignmentId !== null) return [planned.absence.assignmentId];
  const first = Math.min(...person.assignments.keys(), Number.POSITIVE_INFINITY);
  return [Number.isFinite(first) ? first : 0];
}

/**
 * The ZIMA001 units of a person: one per risk the run looks at (subject "absence:<id>", period the month
 * of its first day); the broken rows it read; and the resumptions a sheet carries (R7), whose ZIMA006 is
 * then not sent.
 */
export function decideZima001(
  person: BenefitsPerson,
  source: PersonSourceData,
  frame: RunFrame,
): BenefitsFormResult & { readonly carriedResumptions: ReadonlySet<number> } {
  const input: Zima001Input = {
    person,
    absences: source.absences ?? [],
    absenceDays: source.absenceDays ?? [],
    resumptions: source.workResumptions ?? [],
    salaries: source.assignmentSalaries ?? [],
    references: frame.references,
    codes: frame.parameters.benefitsCodes,
    runMonth: frame.runMonth,
    benefitsMonthsFrom: frame.benefitsMonthsFrom,
    creationDate: frame.creationDate,
    waitMonths: frame.parameters.waitForPayMonths,
    defaultDaysPerWeek: frame.parameters.formDefaults.teacherWorkingDays,
    isReleased: (month) => frame.isReleased(person.staffId, month),
  };
  const plan = planZima001(input);
  // An absence whose first day cannot be read is reported, never dropped.
  const problems: RecordProblem[] = (source.absences ?? []).filter((a) => a.firstDay === null).flatMap((a) => a.problems);
  const notes: string[] = [];
  const carried = new Set<number>(resumptionsCarriedBefore(input));
  const contextOf = (id: number) => person.assignments.get(id)?.context ?? unknownAssignmentContext(id);
  const units: DecisionUnit[] = plan.map((planned) => {
    const [first, ...others] = concernedAssignments(planned, person);
    const outcome = outcomeOf(planned, person);
    if (outcome.status === "rejected") problems.push(outcome.problem);
    if (planned.outcome.kind === "declare") {
      notes.push(...planned.outcome.notes);
      if (planned.outcome.carriedResumptionId !== null) carried.add(planned.outcome.carriedResumptionId);
    }
    return {
      formType: "ZIMA001",
      staffId: person.staffId,
      assignmentId: first,
      subject: absenceSubject(planned.absence.id),
      context: contextOf(first),
      ...(others.length > 0 ? { alsoConcerns: others.map(contextOf) } : {}),
      referencePeriod: planned.month,
      outcome,
    };
  });
  return { units, problems, notes, carriedResumptions: carried };
}
