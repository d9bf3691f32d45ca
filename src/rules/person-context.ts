/**
 * Everything about one person that both scenarios need, checked once: the person's identity (or the
 * problem that rejects the person), the usable notifications in time for the run and their windows,
 * and each assignment with its problems and its facts.
 */
import { type DateRange, overlaps } from "../domain/date-range";
import type { LocalDateTime } from "../domain/local-date-time";
import type { AssignmentRecord, NotificationRecord, PersonSourceData, ReferenceData, SalaryLineRecord } from "../domain/ministry-records";
import { distinctProblems, type RecordProblem, recordProblem } from "../domain/outcome-codes";
import { schoolYearOf } from "../domain/school-year";
import type { YearMonth } from "../domain/year-month";
import { isNotificationInTime } from "./cut-off";
import type { AssignmentContext, NotificationSummary, OccupationFacts, PersonIdentity } from "./decision-types";
import { notificationWindows, type WindowResult } from "./notification-windows";
import { qAndS } from "./q-and-s";
import {
  assignmentProblems,
  fulltimeRequestProblem,
  notificationProblems,
  OCCUPATION_FIELDS,
  salaryLineProblems,
  staffProblems,
  wech006WageCodeProblems,
} from "./record-validation";
import type { RuleParameters } from "./rule-parameters";
import type { CalendarDate } from "../domain/calendar-date";

export interface RunFrame {
  readonly runMonth: YearMonth;
  /** The day the run's forms are made (zone 00218): what has happened by then is the run's (ZIMA006: a day of resumption). */
  readonly creationDate: CalendarDate;
  /** Cut-off of the run month (payment_calendar). */
  readonly cutoffAt: LocalDateTime;
  /** Cut-off of the next month, when the calendar has it: notifications between the two are reported as late. */
  readonly nextCutoffAt: LocalDateTime | null;
  readonly parameters: RuleParameters;
  readonly references: ReferenceData;
  readonly duplicateMessageRefs: ReadonlySet<string>;
  /** INSZs that more than one staff member has, with their staff ids: every one of them is rejected DUPLICATE_INSZ. */
  readonly duplicateInszs: ReadonlyMap<string, readonly number[]>;
  /** Whether a unit (see unitKey) was declared by an earlier run. */
  readonly isPreviouslyDeclared: (key: string) => boolean;
  /** The fingerprint of the latest not-eligible decision of a unit by an earlier run, if any. */
  readonly previousFingerprint: (key: string) => string | undefined;
  /** Benefits sector: the first month a ZIMA002 is declared for (the run looks back to it, up to the run month). */
  readonly benefitsMonthsFrom: YearMonth;
  /** Benefits sector: the first holiday year a ZIMA005 is declared for (up to the year before the run month's). */
  readonly holidayYearsFrom: number;
  /** D17: whether an operator released a waiting person-month (easr release): it is decided now with what is known. */
  readonly isReleased: (staffId: number, month: YearMonth) => boolean;
}

export interface CheckedAssignment {
  readonly record: AssignmentRecord;
  readonly problems: readonly RecordProblem[];
  /** Dates and fraction readable and sound: the assignment counts for occupation(m). */
  readonly fractionKnown: boolean;
  /** Its readable date range, or null when the dates themselves are unknown. */
  readonly range: DateRange | null;
  /** Null when a problem prevents declaring it. */
  readonly facts: OccupationFacts | null;
  readonly context: AssignmentContext;
}

export interface CheckedSalaryLine {
  readonly record: SalaryLineRecord;
  readonly problems: readonly RecordProblem[];
}

export interface PersonContext {
  readonly staffId: number;
  readonly identity: PersonIdentity | null;
  /** The problem that rejects every unit of the person (unknown staff, invalid INSZ ...). */
  readonly personProblem: RecordProblem | null;
  readonly windowResult: WindowResult;
  /** Days covered by the school years of the person's notifications. */
  readonly scope: readonly DateRange[];
  readonly assignments: readonly CheckedAssignment[];
  readonly salaryLines: readonly CheckedSalaryLine[];
  /** Every problem of the person's records, for the report. */
  readonly problems: readonly RecordProblem[];
  /** Notifications that are broken and (as far as can be told) in time: they reject the person when nothing else is usable. */
  readonly brokenNotificationProblems: readonly RecordProblem[];
  /** The usable notifications in time for the run. */
  readonly notifications: readonly NotificationSummary[];
}

export function assignmentContext(record: AssignmentRecord, frame: RunFrame): AssignmentContext {
  const institution = record.institutionId === null ? undefined : frame.references.institutions.get(record.institutionId);
  const board = institution && institution.boardId !== null ? frame.references.boards.get(institution.boardId) : undefined;
  return {
    assignmentId: record.id,
    boardId: board?.id ?? null,
    boardName: board?.name ?? null,
    agency: board?.agency ?? null,
    institutionId: institution?.id ?? record.institutionId,
    institutionName: institution?.name ?? null,
    level: institution?.level ?? null,
    jobTitle: record.jobTitle,
    startDate: record.startDate,
    endDate: record.endDate,
    numerator: record.numerator,
    denominator: record.denominator,
    monthlySalary: record.monthlySalary,
  };
}

export function occupationFacts(record: AssignmentRecord, frame: RunFrame): OccupationFacts | null {
  const institution = frame.references.institutions.get(record.institutionId ?? -1);
  const board = institution && institution.boardId !== null ? frame.references.boards.get(institution.boardId) : undefined;
  if (
    !institution ||
    !board ||
    record.startDate === null ||
    record.numerator === null ||
    record.denominator === null ||
    record.monthlySalary === null
  ) {
    return null;
  }
  const defaults = frame.parameters.formDefaults;
  const { q, s } = qAndS(record.numerator, record.denominator, frame.parameters.qsRule);
  return {
    assignmentId: record.id,
    institutionId: institution.id,
    institutionName: institution.name,
    level: institution.level,
    boardId: board.id,
    boardName: board.name,
    agency: board.agency,
    startDate: record.startDate,
    endDate: record.endDate,
    numerator: record.numerator,
    denominator: record.denominator,
    q,
    s,
    daysPerWeek: record.daysPerWeek,
    monthlySalary: record.monthlySalary,
    employerClass: record.employerCategory ?? defaults.employerClass,
    workerCode: record.workerCode ?? defaults.workerCode,
    jointCommittee: record.jointCommittee ?? defaults.jointCommittee,
  };
}

/**
 * A notification saying full-time work is "not applicable" (01229 = 9) while an assignment in its window
 * has a joint committee other than 999: scenario 3 rejects that WECH003 (and its monthly forms with it);
 * the notification is reported here with the person's records, once per notification and committee.
 */
function fulltimeRequestConflicts(windowResult: WindowResult, assignments: readonly CheckedAssignment[]): RecordProblem[] {
  const found: RecordProblem[] = [];
  for (const assignment of assignments) {
    if (assignment.facts === null || assignment.range === null) continue;
    const window = windowResult.windows.find((w) => overlaps(w, assignment.range!));
    if (!window || window.notification.fulltimeRequest !== 9 || assignment.facts.jointCommittee === "999") continue;
    found.push(fulltimeRequestProblem(window.notification.id, assignment.facts.jointCommittee));
  }
  return distinctProblems(found);
}

/**
 * Who the person is, or the problem that rejects every unit of theirs: an unknown staff member
 * (UNKNOWN_STAFF, reported on `first`, the row that named them), or the first problem of their staff
 * row; with every problem of the staff row.
 */
export function identifyPerson(
  source: PersonSourceData,
  frame: RunFrame,
  first: { readonly table: string; readonly id: number | string },
): { readonly identity: PersonIdentity | null; readonly personProblem: RecordProblem | null; readonly staffProblems: RecordProblem[] } {
  if (source.staff === null) {
    const personProblem = recordProblem(first.table, first.id, "staff_id", "UNKNOWN_STAFF", String(source.staffId));
    return { identity: null, personProblem, staffProblems: [personProblem] };
  }
  const found = staffProblems(source.staff, frame.duplicateInszs);
  const { insz, lastName, firstName } = source.staff;
  return { identity: { staffId: source.staffId, insz, lastName, firstName }, personProblem: found[0] ?? null, staffProblems: found };
}

/** The usable notifications in time for the run, and the problems of the broken ones that are (as far as can be told) in time. */
function notificationsInTime(source: PersonSourceData, frame: RunFrame): { usable: NotificationRecord[]; brokenProblems: RecordProblem[] } {
  const usable: NotificationRecord[] = [];
  const brokenProblems: RecordProblem[] = [];
  for (const notification of source.notifications) {
    const found = notificationProblems(notification, frame.references, frame.duplicateMessageRefs);
    const inTime = isNotificationInTime(notification, frame.cutoffAt);
    if (found.length === 0) {
      if (inTime) usable.push(notification);
    } else if (inTime || notification.receivedAt === null) {
      brokenProblems.push(...found);
    }
  }
  return { usable, brokenProblems };
}

/** Null when the person has nothing in time for this run (not considered at all). */
export function preparePerson(source: PersonSourceData, frame: RunFrame): PersonContext | null {
  const { usable: usableInTime, brokenProblems: brokenNotificationProblems } = notificationsInTime(source, frame);
  if (usableInTime.length === 0 && brokenNotificationProblems.length === 0) return null;
  const {
    identity,
    personProblem,
    staffProblems: staff,
  } = identifyPerson(source, frame, {
    table: "rl16_notification",
    id: source.notifications[0]?.id ?? "",
  });
  const problems: RecordProblem[] = [...brokenNotificationProblems, ...staff];

  const assignmentIds = new Set(source.assignments.map((a) => a.id));
  const assignments: CheckedAssignment[] = source.assignments.map((record) => {
    const found = assignmentProblems(record, frame.references, frame.parameters);
    problems.push(...found);
    const datesKnown = !found.some((p) => p.field === "start_date" || p.field === "end_date");
    const fractionKnown = !found.some((p) => OCCUPATION_FIELDS.has(p.field));
    return {
      record,
      problems: found,
      fractionKnown,
      range: datesKnown && record.startDate !== null ? { start: record.startDate, end: record.endDate } : null,
      facts: found.length === 0 ? occupationFacts(record, frame) : null,
      context: assignmentContext(record, frame),
    };
  });
  const salaryLines = source.salaryLines.map((record) => {
    const found = [...salaryLineProblems(record, assignmentIds), ...wech006WageCodeProblems(record, frame.parameters.wech006WageCodes)];
    problems.push(...found);
    return { record, problems: found };
  });

  const windowResult = notificationWindows(usableInTime);
  problems.push(...fulltimeRequestConflicts(windowResult, assignments));
  const scope = usableInTime.map((n) => {
    const year = schoolYearOf(n.validFrom!);
    return { start: year.start, end: year.end };
  });
  const notifications = usableInTime.map((n) => ({
    id: n.id,
    messageRef: n.messageRef,
    boardId: n.boardId!,
    receivedAt: n.receivedAt!,
    validFrom: n.validFrom!,
    withdrawnFrom: n.withdrawnFrom,
  }));
  return {
    staffId: source.staffId,
    identity,
    personProblem,
    windowResult,
    scope,
    assignments,
    salaryLines,
    problems,
    brokenNotificationProblems,
    notifications,
  };
}
