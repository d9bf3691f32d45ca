/**
 * The occupations a ZIMA001 declares and what it says of each (zima-1-3-6.md §1.4 R2, R4, R5 with the
 * errata; domain.md D24, D25):
 * - R2: the person's assignments in force on the risk's start (only the absence's own when it names one);
 *   none in force: the one that ended last, when it ended at most 30 days before; else rejected
 *   NO_OCCUPATION_AT_RISK. Appointed staff are not insured (D25): their assignments are left out, and a
 *   risk with nothing else is not eligible.
 * - Errata 2 / D24 OQ1: a ZIMA001 is a mini-DmfA: employer class, worker code and joint committee are the
 *   assignment's own (what the ministry declares in its DmfA); a NULL rejects the sheet
 *   (DMFA_CODES_MISSING), never the D13 defaults. The institution's establishment unit (00042) is required.
 * - R4: the calculation base (00191) is the monthly gross on R₂ (the last day of the second quarter before
 *   the risk's) when the occupation ran unchanged since then (01160 = 1), else on the risk's start (01160 =
 *   0); errata 3: 0 for maternity rest or full removal after a rest from the fifth month of pregnancy.
 *   The gross: assignment_salary in force that day, else monthly_salary (noted), else the month's wage-code
 *   01 lines when the assignment ran the whole month, else rejected NO_CALCULATION_BASE.
 * - R5: 00410 is absence.last_working_day, else the last working day before the absence, not before the
 *   occupation's start; none when the risk starts on the occupation's first working day.
 * - D24 OQ5: 00060 is assignment.pay_mode, else 12 (noted); OQ6: 00054 = 1 from the legal pension age.
 */
import type { BenefitsCodes } from "../../mappings/benefits-codes";
import { addDays, type CalendarDate, daysBetween } from "../domain/calendar-date";
import type { AbsenceRecord, AssignmentSalaryRecord, ReferenceData } from "../domain/ministry-records";
import { sumCents, type Cents } from "../domain/money";
import { recordProblem, type RecordProblem } from "../domain/outcome-codes";
import { firstDayOf, lastDayOf, monthOf } from "../domain/year-month";
import { establishmentUnitProblem } from "./benefits-2026-validation";
import { benefitsAssignmentCheck, type BenefitsAssignment, type BenefitsPerson } from "./benefits-person";
import type { OccupationFacts, PreventionService } from "./decision-types";
import { monthlyWageOn } from "./monthly-wage";
import { ageOnDay, legalPensionAgeOn } from "./pension-age";
import { derivedLastWorkingDay, secondQuarterBeforeEnd } from "./zima001-dates";

/** An occupation the sheet declares, before its reference period is added. */
export interface RiskOccupation {
  readonly assignment: BenefitsAssignment;
  readonly facts: OccupationFacts;
  readonly payMode: 10 | 12;
  readonly localUnitId: string;
  readonly retired: 0 | 1;
  readonly lastWorkingDay: CalendarDate | null;
  readonly basisAmount: Cents;
  readonly stable: 0 | 1;
}

export type RiskOccupations =
  | { readonly occupations: readonly RiskOccupation[]; readonly notes: readonly string[] }
  | { readonly notInsured: string }
  | { readonly problem: RecordProblem };

export interface RiskOccupationInput {
  readonly person: BenefitsPerson;
  /** The absence the sheet is about (its own first day and last working day). */
  readonly absence: AbsenceRecord;
  /** Zone 00408. */
  readonly riskStart: CalendarDate;
  readonly references: ReferenceData;
  readonly salaries: readonly AssignmentSalaryRecord[];
  readonly codes: BenefitsCodes;
}

/** "de laatste beëindigde tewerkstelling … indien die ten hoogste 30 dagen vóór de aanvang van het risico eindigde" (block 90006). */
const ENDED_AT_MOST_DAYS = 30;

const inForceOn = (a: BenefitsAssignment, day: CalendarDate) =>
  a.record.startDate !== null && a.record.startDate <= day && (a.record.endDate === null || a.record.endDate >= day);

/** R2: the assignments in force on the risk's start, else the one that ended last within 30 days. */
function assignmentsAtRisk(input: RiskOccupationInput): BenefitsAssignment[] {
  const own = [...input.person.assignments.values()]
    .filter((a) => input.absence.assignmentId === null || a.record.id === input.absence.assignmentId)
    .sort((a, b) => a.record.id - b.record.id);
  const running = own.filter((a) => inForceOn(a, input.riskStart));
  if (running.length > 0) return running;
  const ended = own
    .filter((a) => a.record.endDate !== null && a.record.endDate < input.riskStart)
    .filter((a) => daysBetween(a.record.endDate!, input.riskStart) <= ENDED_AT_MOST_DAYS)
    .sort((a, b) => (a.record.endDate! < b.record.endDate! ? -1 : 1));
  return ended.length > 0 ? [ended[ended.length - 1]] : [];
}

/** Errata 2: the assignment's own DmfA codes, or the problem that none is given. */
function dmfaCodesProblem(a: BenefitsAssignment): RecordProblem | null {
  const missing = (
    [
      ["employer_category", a.record.employerCategory],
      ["worker_code", a.record.workerCode],
      ["joint_committee", a.record.jointCommittee],
    ] as const
  ).find(([, value]) => value === null);
  return missing ? recordProblem("assignment", a.record.id, missing[0], "DMFA_CODES_MISSING", "NULL") : null;
}

/** R4: 01160 and the day the calculation base is taken on. */
function stability(a: BenefitsAssignment, input: RiskOccupationInput): { stable: 0 | 1; day: CalendarDate } {
  const r2 = secondQuarterBeforeEnd(input.riskStart);
  const restStop = input.absence.prenatalRestStop && (input.absence.kind === "MATERNITY_REST" || input.absence.kind === "REMOVAL_FULL");
  // "voor zover de tewerkstelling stabiel is gebleven tot op de dag van het risico": not for one that ended before it.
  const running = a.record.endDate === null || a.record.endDate >= input.riskStart;
  const stable = !restStop && running && a.record.startDate !== null && a.record.startDate <= r2;
  return stable ? { stable: 1, day: r2 } : { stable: 0, day: input.riskStart };
}

/** R4's last fallback: the month's wage-code 01 pay of the assignment, when it ran the whole month of the day. */
function monthPayOn(day: CalendarDate, a: BenefitsAssignment, person: BenefitsPerson): Cents | null {
  const month = monthOf(day);
  if (!inForceOn(a, firstDayOf(month)) || !inForceOn(a, lastDayOf(month))) return null;
  const lines = person.salaryLines
    .map((l) => l.record)
    .filter((l) => l.assignmentId === a.record.id && l.periodMonth === month && l.wageCode === "01" && l.gross !== null);
  return lines.length > 0 ? sumCents(lines.map((l) => l.gross!)) : null;
}

/** R4: 00191, or the problem that there is none; a note when monthly_salary stands in for the history. */
function calculationBase(
  a: BenefitsAssignment,
  facts: OccupationFacts,
  day: CalendarDate,
  input: RiskOccupationInput,
): { amount: Cents; note: string | null } | RecordProblem {
  const wage = monthlyWageOn(day, facts, input.salaries);
  if (wage.amount !== null && wage.amount > 0) {
    const note =
      wage.from === "assignment"
        ? `SALARY_HISTORY_MISSING: assignment ${a.record.id} has no assignment_salary row for ${day}: monthly_salary taken`
        : null;
    return { amount: wage.amount, note };
  }
  const pay = monthPayOn(day, a, input.person);
  if (pay !== null && pay > 0) return { amount: pay, note: null };
  return recordProblem("assignment", a.record.id, "monthly_salary", "NO_CALCULATION_BASE", `no monthly gross on ${day}`);
}

/**
 * What the official XSD takes for 00042: `[2,8]\d{9}` (a first digit 2 or 8) or its two fictitious
 * numbers — narrower than the glossary's "first digit 2 to 8"; a unit it refuses would fail the whole file.
 */
const XSD_LOCAL_UNIT = /^[28]\d{9}$|^9999999917$|^9999999920$/;

/** The establishment unit of the assignment's institution (00042), or why there is none. */
function localUnitOf(a: BenefitsAssignment, references: ReferenceData): string | RecordProblem {
  const institution = a.record.institutionId === null ? undefined : references.institutions.get(a.record.institutionId);
  if (!institution)
    return recordProblem("assignment", a.record.id, "institution_id", "UNKNOWN_INSTITUTION", String(a.record.institutionId));
  const problem = establishmentUnitProblem(institution);
  if (problem) return problem;
  const unit = institution.establishmentUnit!;
  return XSD_LOCAL_UNIT.test(unit)
    ? unit
    : recordProblem(
        "institution",
        institution.id,
        "establishment_unit",
        "ESTABLISHMENT_UNIT_INVALID",
        `${unit}: the official XSD takes only a first digit 2 or 8`,
      );
}

/** R5 within the occupation: the day after it ended when that is before the absence (its last working day is then its own last). */
function lastPossibleDay(a: BenefitsAssignment, absenceStart: CalendarDate): CalendarDate {
  const end = a.record.endDate;
  return end !== null && end < absenceStart ? addDays(end, 1) : absenceStart;
}

function riskOccupation(a: BenefitsAssignment, facts: OccupationFacts, input: RiskOccupationInput): RiskOccupation | RecordProblem {
  const codes = dmfaCodesProblem(a);
  if (codes) return codes;
  const localUnit = localUnitOf(a, input.references);
  if (typeof localUnit !== "string") return localUnit;
  const { stable, day } = stability(a, input);
  const base = calculationBase(a, facts, day, input);
  if ("rule" in base) return base;
  const age = ageOnDay(input.person.identity?.insz ?? "", input.riskStart);
  return {
    assignment: a,
    facts,
    payMode: a.record.payMode ?? input.codes.zima001PayMode,
    localUnitId: localUnit,
    retired: age !== null && age >= legalPensionAgeOn(input.riskStart, input.codes.legalPensionAges) ? 1 : 0,
    lastWorkingDay: input.absence.lastWorkingDay ?? derivedLastWorkingDay(lastPossibleDay(a, input.absence.firstDay!), facts.startDate),
    basisAmount: base.amount,
    stable,
  };
}

/** R2, R4, R5 for every occupation of the sheet; the notes of what was taken for want of data. */
export function riskOccupations(input: RiskOccupationInput): RiskOccupations {
  const candidates = assignmentsAtRisk(input);
  if (candidates.length === 0)
    return {
      problem: recordProblem(
        "absence",
        input.absence.id,
        "first_day",
        "NO_OCCUPATION_AT_RISK",
        `no assignment in force on ${input.riskStart}`,
      ),
    };
  const occupations: RiskOccupation[] = [];
  const notes: string[] = [];
  for (const a of candidates) {
    const check = benefitsAssignmentCheck(a);
    if ("notEligible" in check) continue;
    if ("problem" in check) return { problem: check.problem };
    const made = riskOccupation(a, check.facts, input);
    if ("rule" in made) return { problem: made };
    occupations.push(made);
    if (a.record.payMode === null)
      notes.push(`assignment ${a.record.id}: no pay_mode, TenthOrTwelfth ${input.codes.zima001PayMode} taken (D24 OQ5)`);
  }
  if (occupations.length === 0) return { notInsured: `every assignment of the risk on ${input.riskStart} is an appointment (status V)` };
  return { occupations, notes };
}

/** Block 90564: risk 001 only; the school board's own prevention service, once per board that has one (D24 OQ11). */
export function preventionServicesOf(occupations: readonly RiskOccupation[], references: ReferenceData): PreventionService[] {
  const services: PreventionService[] = [];
  for (const boardId of new Set(occupations.map((o) => o.facts.boardId))) {
    const board = references.boards.get(boardId);
    if (board?.preventionServiceKbo && board.preventionServiceName)
      services.push({ kbo: board.preventionServiceKbo, name: board.preventionServiceName });
  }
  return services;
}

/** R8: the latest end of the occupations, when every one has an end on or after the risk's start. */
export function serviceEndOf(occupations: readonly RiskOccupation[], riskStart: CalendarDate): CalendarDate | null {
  const ends = occupations.map((o) => o.facts.endDate);
  if (ends.some((end) => end === null)) return null;
  const latest = (ends as CalendarDate[]).reduce((a, b) => (a > b ? a : b));
  return latest >= riskStart ? latest : null;
}
