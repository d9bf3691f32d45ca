/**
 * ZIMA005 (seed 003, scenario 5): the yearly holiday declaration. Run M decides one unit per (staff,
 * assignment, holiday year) for the holiday years from frame.holidayYearsFrom to the year before M's,
 * from the holiday_balance rows registered by M's cut-off (reported_at <= cutoff_at): so the January run
 * declares the previous year, and a balance registered later is declared by the first run after it.
 * - All rows of a form agree on sub-risk (1-4) and holiday sector (1-3).
 * - Sectors 2 and 3: no detail lines ("moeten de zones die volgen, niet ingevuld worden", §4.3.1).
 * - Sector 1: one detail per row, in code order, at most four, each code once and allowed for the
 *   sub-risk (§4.4.1); days in half days (§4.3.2); hours only for a part-timer (§4.3.3, glossary 00198):
 *   when the occupation's Q < S, or for sub-risks 3 and 4 the adapted work's Q < the occupation's S.
 * - Sub-risks 3 and 4 carry the Q and days of the last adapted work of the holiday year (§4.2).
 */
import type { BenefitsCodes } from "../../mappings/benefits-codes";
import { calendarDate } from "../domain/calendar-date";
import { type DateRange, overlaps } from "../domain/date-range";
import { holidayYearPeriod } from "../domain/reference-period";
import { formatHundredths } from "../domain/decimal";
import type { AdaptedWorkRecord, HolidayBalanceRecord } from "../domain/ministry-records";
import type { RecordProblem } from "../domain/outcome-codes";
import { type YearMonth, yearOf } from "../domain/year-month";
import type { BenefitsFormResult, BenefitsPerson } from "./benefits-person";
import { occupationOrStop, unknownAssignmentContext } from "./benefits-person";
import { adaptedWorkProblems, HOLIDAY_DETAIL_FIELDS, holidayBalanceProblems } from "./benefits-validation";
import type { DecisionUnit, HolidayDetailLine, OccupationFacts, UnitOutcome } from "./decision-types";
import { rejected } from "./outcome-builders";
import type { RunFrame } from "./person-context";

/** The last adapted work of the assignment (latest start) that overlaps the holiday year (seed 003 §4.2 "het (laatste) aangepaste werk"). */
export function lastAdaptedWorkOfYear(
  adaptedWork: readonly AdaptedWorkRecord[],
  assignmentId: number,
  year: number,
): AdaptedWorkRecord | null {
  const yearRange: DateRange = { start: calendarDate(`${year}-01-01`), end: calendarDate(`${year}-12-31`) };
  const candidates = adaptedWork.filter(
    (r) => r.assignmentId === assignmentId && r.startDate !== null && overlaps({ start: r.startDate, end: r.endDate }, yearRange),
  );
  candidates.sort((a, b) => (a.startDate! < b.startDate! ? -1 : a.startDate! > b.startDate! ? 1 : a.id - b.id));
  return candidates[candidates.length - 1] ?? null;
}

/**
 * Whether holiday hours are declared: a part-timer only (seed 003 §4.3.3). Glossary 00198 of ZIMA005
 * (2023/3) makes them "Verplicht indien Q/S < 1 of indien Q van de aangepaste arbeid/S < 1" and forbids
 * them otherwise: the occupation's own Q counts for sub-risks 3 and 4 too (the seed of 2021 left the hours
 * out when the adapted work is full time; the glossary is what the channel checks).
 */
export function declaresHolidayHours(
  subRisk: number,
  occupation: Pick<OccupationFacts, "q" | "s">,
  adaptedQ: number | null,
  codes: BenefitsCodes,
): boolean {
  const adaptedPartTime = codes.adaptedWorkHolidaySubRisks.includes(subRisk) && adaptedQ !== null && adaptedQ < occupation.s;
  return occupation.q < occupation.s || adaptedPartTime;
}

interface CheckedBalance {
  readonly record: HolidayBalanceRecord;
  readonly problems: readonly RecordProblem[];
}

function byCodeThenId(a: HolidayBalanceRecord, b: HolidayBalanceRecord): number {
  return (a.holidayCode ?? 0) - (b.holidayCode ?? 0) || a.id - b.id;
}

/** The last holiday year a run of `runMonth` declares: the year before the run month's (the current year is not due yet). */
export function lastDueHolidayYear(runMonth: YearMonth): number {
  return yearOf(runMonth) - 1;
}

/** Whether a holiday balance belongs to this run: its year from frame.holidayYearsFrom to the last due one (or unreadable, to be reported). */
export function isHolidayBalanceInScope(row: HolidayBalanceRecord, frame: RunFrame): boolean {
  return row.holidayYear === null || (row.holidayYear >= frame.holidayYearsFrom && row.holidayYear <= lastDueHolidayYear(frame.runMonth));
}

/** Step 1: the balances in scope per assignment and holiday year, in that order; a row without either forms no unit (reported, noted). */
function balanceGroups(person: BenefitsPerson, frame: RunFrame, problems: RecordProblem[], notes: string[]): CheckedBalance[][] {
  const codes = frame.parameters.benefitsCodes;
  // Rows of the current year are not due yet, rows before the first year are no longer this run's.
  const rows: CheckedBalance[] = person.holidayBalances
    .filter((row) => isHolidayBalanceInScope(row, frame))
    .map((record) => ({ record, problems: holidayBalanceProblems(record, codes) }));
  const groups = new Map<string, CheckedBalance[]>();
  for (const row of rows) {
    const { assignmentId, holidayYear } = row.record;
    if (assignmentId === null || holidayYear === null) {
      problems.push(...row.problems);
      notes.push(
        `holiday_balance ${row.record.id}: ${assignmentId === null ? "assignment_id" : "holiday_year"} unreadable, no ZIMA005 unit can be formed`,
      );
      continue;
    }
    const key = `${assignmentId}|${holidayYear}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].sort(
    (a, b) => a[0].record.assignmentId! - b[0].record.assignmentId! || a[0].record.holidayYear! - b[0].record.holidayYear!,
  );
}

/** One assignment's holiday year: its balances counted by the cut-off. */
interface YearCase {
  readonly person: BenefitsPerson;
  readonly codes: BenefitsCodes;
  readonly assignmentId: number;
  readonly year: number;
  /** Registered by the run month's cut-off (or at an unreadable time: broken), at least one. */
  readonly counted: readonly CheckedBalance[];
  /** "staff …, assignment …, holiday year …" for the notes. */
  readonly where: string;
}

/** The first row that disagrees with the first on sub-risk or holiday sector (HOLIDAY_ROWS_DISAGREE), or null. */
function disagreementProblem(counted: readonly CheckedBalance[]): RecordProblem | null {
  const first = counted[0].record;
  const disagreeing = counted.find((r) => r.record.subRisk !== first.subRisk || r.record.holidaySector !== first.holidaySector);
  if (!disagreeing) return null;
  const field = disagreeing.record.subRisk !== first.subRisk ? "sub_risk" : "holiday_sector";
  const [theirs, ours] =
    field === "sub_risk" ? [disagreeing.record.subRisk, first.subRisk] : [disagreeing.record.holidaySector, first.holidaySector];
  return {
    table: "holiday_balance",
    recordId: String(disagreeing.record.id),
    field,
    rule: "HOLIDAY_ROWS_DISAGREE",
    value: `${theirs}, row ${first.id} has ${ours}`,
  };
}

/** Step 2a: what stops the year before its details — the person, the assignment, a broken or disagreeing row; else the occupation. */
function yearGate(c: YearCase): { readonly stop: UnitOutcome } | { readonly occupation: OccupationFacts } {
  const checked = occupationOrStop(c.person, c.assignmentId, "holiday_balance", c.counted[0].record.id);
  if ("stop" in checked) return checked;
  const problem = c.counted.find((r) => r.problems.length > 0)?.problems[0] ?? disagreementProblem(c.counted);
  return problem ? { stop: rejected(problem) } : checked;
}

/** Step 2b: sub-risks 3 and 4 carry the Q and days of the year's last adapted work (seed 003 §4.2); null for 1 and 2. */
function yearAdaptedWork(
  c: YearCase,
  subRisk: number,
): { readonly adaptedWork: { q: number; daysPerWeek: number } | null } | RecordProblem {
  if (!c.codes.adaptedWorkHolidaySubRisks.includes(subRisk)) return { adaptedWork: null };
  const row = lastAdaptedWorkOfYear(c.person.adaptedWork, c.assignmentId, c.year);
  if (row === null) {
    return {
      table: "holiday_balance",
      recordId: String(c.counted[0].record.id),
      field: "sub_risk",
      rule: "NO_ADAPTED_WORK_IN_HOLIDAY_YEAR",
      value: `${subRisk}: no adapted work of assignment ${c.assignmentId} in ${c.year}`,
    };
  }
  const rowProblem = adaptedWorkProblems(row, c.codes).find((p) => p.field === "q_hours" || p.field === "days_per_week");
  return rowProblem ?? { adaptedWork: { q: row.qHours!, daysPerWeek: row.daysPerWeek! } };
}

/**
 * Step 2c: the detail lines (block 90089) — none for the sectors without details (their values noted as
 * not declared); else one per row in code order, each code once, at most four, hours for a part-timer.
 */
function holidayDetails(
  c: YearCase,
  subRisk: number,
  holidaySector: number,
  occupation: OccupationFacts,
  adaptedQ: number | null,
  notes: string[],
): { readonly details: HolidayDetailLine[] } | RecordProblem {
  if (c.codes.holidaySectorsWithoutDetails.includes(holidaySector)) {
    const filled = c.counted.filter(
      (r) =>
        r.record.holidayCode !== null ||
        r.record.days !== null ||
        r.record.hours !== null ||
        r.record.problems.some((p) => HOLIDAY_DETAIL_FIELDS.has(p.field)),
    );
    if (filled.length > 0)
      notes.push(
        `${c.where}: holiday sector ${holidaySector}, the detail values of ${filled.length} row(s) are not declared (seed 003 §4.3.1)`,
      );
    return { details: [] };
  }
  const sorted = c.counted.map((r) => r.record).sort(byCodeThenId);
  const repeated = sorted.find((r, i) => i > 0 && sorted[i - 1].holidayCode === r.holidayCode);
  if (repeated) {
    return {
      table: "holiday_balance",
      recordId: String(repeated.id),
      field: "holiday_code",
      rule: "HOLIDAY_CODE_REPEATED",
      value: `${repeated.holidayCode} (also row ${sorted.find((r) => r.holidayCode === repeated.holidayCode)!.id})`,
    };
  }
  if (sorted.length > c.codes.maxHolidayDetails) {
    return {
      table: "holiday_balance",
      recordId: String(sorted[c.codes.maxHolidayDetails].id),
      field: "holiday_code",
      rule: "TOO_MANY_DETAIL_LINES",
      value: `${sorted.length} > ${c.codes.maxHolidayDetails}`,
    };
  }
  const partTime = declaresHolidayHours(subRisk, occupation, adaptedQ, c.codes);
  const missingHours = partTime ? sorted.find((r) => r.hours === null) : undefined;
  if (missingHours) {
    const q = adaptedQ !== null ? `adapted Q ${formatHundredths(adaptedQ)}` : `Q ${formatHundredths(occupation.q)}`;
    return {
      table: "holiday_balance",
      recordId: String(missingHours.id),
      field: "hours",
      rule: "HOLIDAY_HOURS_MISSING",
      value: `NULL, ${q} < S ${formatHundredths(occupation.s)}`,
    };
  }
  if (!partTime && sorted.some((r) => r.hours !== null)) notes.push(`${c.where}: full time, holiday hours not declared (seed 003 §4.3.3)`);
  return { details: sorted.map((r) => ({ code: r.holidayCode!, days: r.days!, hours: partTime ? r.hours : null })) };
}

/** Step 2: one assignment's holiday year — gate, adapted work, details — as one unit's outcome. */
function decideYear(c: YearCase, notes: string[]): UnitOutcome {
  const gate = yearGate(c);
  if ("stop" in gate) return gate.stop;
  const first = c.counted[0].record;
  const subRisk = first.subRisk as 1 | 2 | 3 | 4;
  const holidaySector = first.holidaySector as 1 | 2 | 3;
  const adapted = yearAdaptedWork(c, subRisk);
  if ("rule" in adapted) return rejected(adapted);
  const details = holidayDetails(c, subRisk, holidaySector, gate.occupation, adapted.adaptedWork?.q ?? null, notes);
  if ("rule" in details) return rejected(details);
  const declaration = {
    formType: "ZIMA005",
    person: c.person.identity!,
    occupation: gate.occupation,
    holidayYear: c.year,
    subRisk,
    holidaySector,
    adaptedWork: adapted.adaptedWork,
    details: details.details,
  } as const;
  return { status: "declared", declaration };
}

/** The ZIMA005 units of a person: one per assignment and holiday year with balances in scope. */
export function decideZima005(person: BenefitsPerson, frame: RunFrame): BenefitsFormResult {
  const codes = frame.parameters.benefitsCodes;
  const units: DecisionUnit[] = [];
  const problems: RecordProblem[] = [];
  const notes: string[] = [];
  for (const group of balanceGroups(person, frame, problems, notes)) {
    const assignmentId = group[0].record.assignmentId!;
    const year = group[0].record.holidayYear!;
    const where = `staff ${person.staffId}, assignment ${assignmentId}, holiday year ${year}`;
    const unit = (outcome: UnitOutcome): DecisionUnit => ({
      formType: "ZIMA005",
      staffId: person.staffId,
      assignmentId,
      context: person.assignments.get(assignmentId)?.context ?? unknownAssignmentContext(assignmentId),
      referencePeriod: holidayYearPeriod(year),
      outcome,
    });
    // D4 for balances: what was registered by the run month's cut-off counts; a row whose time is unreadable is broken.
    const counted = group.filter((r) => r.record.reportedAt === null || r.record.reportedAt <= frame.cutoffAt);
    const late = group.filter((r) => !counted.includes(r));
    if (counted.length === 0) {
      const first = late.map((r) => r.record.reportedAt!).sort()[0];
      const detail = `registered ${first}, after the cut-off ${frame.cutoffAt}`;
      units.push(unit({ status: "not-eligible", reason: "HOLIDAY_BALANCE_AFTER_CUTOFF", detail }));
      continue;
    }
    if (late.length > 0)
      notes.push(
        `${where}: ${late.length} holiday_balance row(s) registered after the cut-off ${frame.cutoffAt}, counted from the next run`,
      );
    for (const row of counted) problems.push(...row.problems);
    const outcome = decideYear({ person, codes, assignmentId, year, counted, where }, notes);
    if (outcome.status === "rejected") problems.push(outcome.problem);
    units.push(unit(outcome));
  }
  return { units, problems, notes };
}
