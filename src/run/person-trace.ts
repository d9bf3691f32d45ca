/**
 * The decision trace of one person for one run month (`easr explain`): every fact the rules used —
 * notifications and their windows, the cut-off, assignments and the days they are in force month by
 * month, occupation, salary lines and gross, the threshold — the decision of each unit with its reason
 * or rule, and what was actually sent (file and form number). Computed with the rules' own functions.
 */
import { sumCents, ZERO_CENTS } from "../domain/money";
import { intersect } from "../domain/date-range";
import { fractionText } from "../domain/fraction-text";
import type { PersonSourceData } from "../domain/ministry-records";
import { maskInsz } from "../domain/check-digits";
import { toPerMille } from "../domain/rational";
import type { CalendarDate } from "../domain/calendar-date";
import { firstDayOf, lastDayOf, minMonth, monthOf, monthsFromTo, type YearMonth } from "../domain/year-month";
import { isLinePaidInTime, isNotificationInTime } from "../rules/cut-off";
import { decidePerson } from "../rules/decide-person";
import { monthThreshold } from "../rules/gross-threshold";
import { wageCodeClass } from "../rules/wage-codes";
import { largestFractionAssignment } from "../rules/month-gross";
import { windowOf } from "../rules/notification-windows";
import { monthOccupation } from "../rules/occupation";
import { assignmentContext, type CheckedSalaryLine, type PersonContext, preparePerson, type RunFrame } from "../rules/person-context";
import { assignmentProblems } from "../rules/record-validation";
import type { RuleParameters } from "../rules/rule-parameters";
import type {
  AssignmentTrace,
  MonthTrace,
  NotificationTrace,
  PersonTrace,
  SalaryLineTrace,
  SentFormTrace,
} from "../run-record/person-trace";
import { frameFor, type MonthSetting, NO_EARLIER_OUTCOMES } from "./decision-pass";

/** The person's notifications, each with its board, its time against the cut-off and its window. */
function notificationTraces(source: PersonSourceData, setting: MonthSetting): NotificationTrace[] {
  return source.notifications.map((n) => ({
    id: n.id,
    messageRef: n.messageRef,
    boardName: n.boardId === null ? null : (setting.references.boards.get(n.boardId)?.name ?? null),
    receivedAt: n.receivedAt,
    validFrom: n.validFrom,
    withdrawnFrom: n.withdrawnFrom,
    inTime: isNotificationInTime(n, setting.cutoffAt),
    window: n.validFrom === null ? null : windowOf(n),
    maintenanceOfRights: n.maintenanceOfRights,
    problems: n.problems,
  }));
}

/** The assignments as the rules checked them; a person with benefits data only (no notification in time) still has them shown. */
function assignmentTraces(source: PersonSourceData, context: PersonContext | null, frame: RunFrame): AssignmentTrace[] {
  const checked =
    context?.assignments ??
    source.assignments.map((record) => ({
      record,
      context: assignmentContext(record, frame),
      problems: assignmentProblems(record, frame.references, frame.parameters),
    }));
  return checked.map((a) => ({
    id: a.record.id,
    institution: a.context.institutionName,
    board: a.context.boardName,
    level: a.context.level,
    start: a.record.startDate,
    end: a.record.endDate,
    fraction: fractionText(a.record.numerator, a.record.denominator) || null,
    monthlySalary: a.record.monthlySalary,
    problems: a.problems,
  }));
}

/** The months the windows cover, up to the run month, in order. */
function tracedMonths(windows: readonly { readonly start: CalendarDate; readonly end: CalendarDate }[], runMonth: YearMonth): YearMonth[] {
  const months = new Set<YearMonth>();
  for (const w of windows) for (const m of monthsFromTo(monthOf(w.start), minMonth(monthOf(w.end), runMonth))) months.add(m);
  return [...months].sort();
}

/** A salary line of the month: whether it counts for gross(m) (D16, D4) and why. */
function salaryLineTrace(
  line: CheckedSalaryLine,
  fallback: number | null,
  setting: MonthSetting,
  parameters: RuleParameters,
): SalaryLineTrace {
  const { record, problems } = line;
  const kind = wageCodeClass(record.wageCode, parameters.wech006WageCodes);
  const paid = isLinePaidInTime(record, setting.runMonth);
  let why = problems.length > 0 ? `rejected: ${problems[0].rule}` : `wage code ${record.wageCode}: ${kind} (D16)`;
  if (problems.length === 0)
    why += paid
      ? ", paid by the end of the run month"
      : `, paid ${record.paidOn}, after ${lastDayOf(setting.runMonth)}: a later correction`;
  return {
    id: record.id,
    assignmentId: record.assignmentId,
    countsFor: record.assignmentId ?? fallback,
    gross: record.gross,
    paidOn: record.paidOn,
    wageCode: record.wageCode,
    counted: problems.length === 0 && paid && kind === "counted",
    why,
  };
}

/** One month of the windows: the assignments in force and their days, occupation(m), the salary lines, gross(m) and the threshold. */
function monthTrace(month: YearMonth, context: PersonContext, setting: MonthSetting, parameters: RuleParameters): MonthTrace {
  const monthRange = { start: firstDayOf(month), end: lastDayOf(month) };
  const known = context.assignments.filter((a) => a.fractionKnown && a.range !== null && intersect(a.range, monthRange) !== null);
  const occupation = monthOccupation(
    month,
    known.map((a) => ({ range: a.range!, numerator: a.record.numerator!, denominator: a.record.denominator! })),
  );
  const fallback = largestFractionAssignment(known);
  const lines = context.salaryLines
    .filter((l) => l.record.periodMonth === month)
    .map((line) => salaryLineTrace(line, fallback, setting, parameters));
  return {
    month,
    inForce: known.map((a) => {
      const days = intersect(a.range!, monthRange)!;
      return {
        assignmentId: a.record.id,
        from: days.start,
        to: days.end ?? monthRange.end,
        fraction: fractionText(a.record.numerator, a.record.denominator),
      };
    }),
    occupiedDays: occupation.occupiedDays,
    occupationPerMille: toPerMille(occupation.value),
    lines,
    monthGross: sumCents(lines.filter((l) => l.counted).map((l) => l.gross ?? ZERO_CENTS)),
    threshold: monthThreshold(month, parameters.grossThresholds, parameters.rvaWageLimits)?.cents ?? null,
  };
}

export function tracePerson(
  source: PersonSourceData,
  setting: MonthSetting,
  parameters: RuleParameters,
  sent: readonly SentFormTrace[],
  creationDate: CalendarDate,
): PersonTrace {
  const frame = frameFor(setting, parameters, NO_EARLIER_OUTCOMES, creationDate);
  const decision = decidePerson(source, frame);
  const context = preparePerson(source, frame);
  const windows = (context?.windowResult.windows ?? []).map((w) => ({ start: w.start, end: w.end }));
  const months = context ? tracedMonths(windows, setting.runMonth).map((month) => monthTrace(month, context, setting, parameters)) : [];
  const staff = source.staff;
  return {
    staffId: source.staffId,
    name: staff ? `${staff.lastName} ${staff.firstName}` : null,
    inszMasked: staff ? maskInsz(staff.insz) : null,
    runMonth: setting.runMonth,
    cutoffAt: setting.cutoffAt,
    status: decision?.status ?? "not considered",
    reason: decision?.reason ?? null,
    notifications: notificationTraces(source, setting),
    windows,
    assignments: assignmentTraces(source, context, frame),
    months,
    units: decision?.units ?? [],
    sent,
    notes: decision?.notes ?? [],
    problems: decision?.problems ?? [],
  };
}
