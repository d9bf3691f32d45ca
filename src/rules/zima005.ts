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
import { benefitsAssignmentCheck, unknownAssignmentContext } from "./benefits-person";
import { adaptedWorkProblems, HOLIDAY_DETAIL_FIELDS, holidayBalanceProblems } from "./benefits-validation";
import type { DecisionUnit, HolidayDetailLine, OccupationFacts } from "./decision-types";
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

export function decideZima005(person: BenefitsPerson, frame: RunFrame): BenefitsFormResult {
  const codes = frame.parameters.benefitsCodes;
  const units: DecisionUnit[] = [];
  const problems: RecordProblem[] = [];
  const notes: string[] = [];
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

  const ordered = [...groups.values()].sort(
    (a, b) => a[0].record.assignmentId! - b[0].record.assignmentId! || a[0].record.holidayYear! - b[0].record.holidayYear!,
  );
  for (const group of ordered) {
    const assignmentId = group[0].record.assignmentId!;
    const year = group[0].record.holidayYear!;
    const where = `staff ${person.staffId}, assignment ${assignmentId}, holiday year ${year}`;
    const assignment = person.assignments.get(assignmentId);
    const unit = (outcome: DecisionUnit["outcome"]): DecisionUnit => ({
      formType: "ZIMA005",
      staffId: person.staffId,
      assignmentId,
      context: assignment?.context ?? unknownAssignmentContext(assignmentId),
      referencePeriod: holidayYearPeriod(year),
      outcome,
    });
    const reject = (problem: RecordProblem): void => {
      problems.push(problem);
      units.push(unit(rejected(problem)));
    };

    // D4 for balances: what was registered by the run month's cut-off counts; a row whose time is unreadable is broken.
    const counted = group.filter((r) => r.record.reportedAt === null || r.record.reportedAt <= frame.cutoffAt);
    const late = group.filter((r) => !counted.includes(r));
    if (counted.length === 0) {
      const first = late.map((r) => r.record.reportedAt!).sort()[0];
      units.push(
        unit({
          status: "not-eligible",
          reason: "HOLIDAY_BALANCE_AFTER_CUTOFF",
          detail: `registered ${first}, after the cut-off ${frame.cutoffAt}`,
        }),
      );
      continue;
    }
    if (late.length > 0)
      notes.push(
        `${where}: ${late.length} holiday_balance row(s) registered after the cut-off ${frame.cutoffAt}, counted from the next run`,
      );
    for (const row of counted) problems.push(...row.problems);

    if (person.personProblem) {
      reject(person.personProblem);
      continue;
    }
    if (!assignment) {
      reject({
        table: "holiday_balance",
        recordId: String(counted[0].record.id),
        field: "assignment_id",
        rule: "UNKNOWN_ASSIGNMENT",
        value: String(assignmentId),
      });
      continue;
    }
    const checked = benefitsAssignmentCheck(assignment);
    if (!("facts" in checked)) {
      if ("problem" in checked) reject(checked.problem);
      else units.push(unit(checked.notEligible));
      continue;
    }
    const broken = counted.find((r) => r.problems.length > 0);
    if (broken) {
      reject(broken.problems[0]);
      continue;
    }
    const first = counted[0].record;
    const disagreeing = counted.find((r) => r.record.subRisk !== first.subRisk || r.record.holidaySector !== first.holidaySector);
    if (disagreeing) {
      const field = disagreeing.record.subRisk !== first.subRisk ? "sub_risk" : "holiday_sector";
      const [theirs, ours] =
        field === "sub_risk" ? [disagreeing.record.subRisk, first.subRisk] : [disagreeing.record.holidaySector, first.holidaySector];
      reject({
        table: "holiday_balance",
        recordId: String(disagreeing.record.id),
        field,
        rule: "HOLIDAY_ROWS_DISAGREE",
        value: `${theirs}, row ${first.id} has ${ours}`,
      });
      continue;
    }
    const subRisk = first.subRisk as 1 | 2 | 3 | 4;
    const holidaySector = first.holidaySector as 1 | 2 | 3;
    const occupation = checked.facts;

    let adaptedWork: { q: number; daysPerWeek: number } | null = null;
    if (codes.adaptedWorkHolidaySubRisks.includes(subRisk)) {
      const row = lastAdaptedWorkOfYear(person.adaptedWork, assignmentId, year);
      if (row === null) {
        reject({
          table: "holiday_balance",
          recordId: String(first.id),
          field: "sub_risk",
          rule: "NO_ADAPTED_WORK_IN_HOLIDAY_YEAR",
          value: `${subRisk}: no adapted work of assignment ${assignmentId} in ${year}`,
        });
        continue;
      }
      const rowProblem = adaptedWorkProblems(row, codes).find((p) => p.field === "q_hours" || p.field === "days_per_week");
      if (rowProblem) {
        reject(rowProblem);
        continue;
      }
      adaptedWork = { q: row.qHours!, daysPerWeek: row.daysPerWeek! };
    }

    const details: HolidayDetailLine[] = [];
    if (codes.holidaySectorsWithoutDetails.includes(holidaySector)) {
      const filled = counted.filter(
        (r) =>
          r.record.holidayCode !== null ||
          r.record.days !== null ||
          r.record.hours !== null ||
          r.record.problems.some((p) => HOLIDAY_DETAIL_FIELDS.has(p.field)),
      );
      if (filled.length > 0)
        notes.push(
          `${where}: holiday sector ${holidaySector}, the detail values of ${filled.length} row(s) are not declared (seed 003 §4.3.1)`,
        );
    } else {
      const sorted = counted.map((r) => r.record).sort(byCodeThenId);
      const repeated = sorted.find((r, i) => i > 0 && sorted[i - 1].holidayCode === r.holidayCode);
      if (repeated) {
        reject({
          table: "holiday_balance",
          recordId: String(repeated.id),
          field: "holiday_code",
          rule: "HOLIDAY_CODE_REPEATED",
          value: `${repeated.holidayCode} (also row ${sorted.find((r) => r.holidayCode === repeated.holidayCode)!.id})`,
        });
        continue;
      }
      if (sorted.length > codes.maxHolidayDetails) {
        reject({
          table: "holiday_balance",
          recordId: String(sorted[codes.maxHolidayDetails].id),
          field: "holiday_code",
          rule: "TOO_MANY_DETAIL_LINES",
          value: `${sorted.length} > ${codes.maxHolidayDetails}`,
        });
        continue;
      }
      const partTime = declaresHolidayHours(subRisk, occupation, adaptedWork?.q ?? null, codes);
      const missingHours = partTime ? sorted.find((r) => r.hours === null) : undefined;
      if (missingHours) {
        const q = adaptedWork ? `adapted Q ${formatHundredths(adaptedWork.q)}` : `Q ${formatHundredths(occupation.q)}`;
        reject({
          table: "holiday_balance",
          recordId: String(missingHours.id),
          field: "hours",
          rule: "HOLIDAY_HOURS_MISSING",
          value: `NULL, ${q} < S ${formatHundredths(occupation.s)}`,
        });
        continue;
      }
      if (!partTime && sorted.some((r) => r.hours !== null))
        notes.push(`${where}: full time, holiday hours not declared (seed 003 §4.3.3)`);
      for (const r of sorted) details.push({ code: r.holidayCode!, days: r.days!, hours: partTime ? r.hours : null });
    }
    units.push(
      unit({
        status: "declared",
        declaration: {
          formType: "ZIMA005",
          person: person.identity!,
          occupation,
          holidayYear: year,
          subRisk,
          holidaySector,
          adaptedWork,
          details,
        },
      }),
    );
  }
  return { units, problems, notes };
}
