/**
 * D27: the source facts a decision unit rests on, as one canonical text (hashed by the run). When a
 * unit's form would change while these are the same, a rule, a mapping or the software changed — not
 * the data — and the run holds the correction for the operator. Each record contributes the fields the
 * rules read, named here once, so that a new column in a record does not make every unit look changed.
 */
import { holidayYearOf } from "../domain/reference-period";
import { endOfMonthMoment, type LocalDateTime } from "../domain/local-date-time";
import type { AssignmentRecord, NotificationRecord, PersonSourceData, ReferenceData, SalaryLineRecord } from "../domain/ministry-records";
import { unreachable } from "../domain/unreachable";
import type { YearMonth } from "../domain/year-month";
import { isLinePaidInTime, isNotificationInTime } from "./cut-off";
import type { DecisionUnit } from "./decision-types";
import { resumptionIdOf } from "./zima006";
import { absenceIdOf } from "./zima001";

/**
 * What the run could see (D4): a line paid after the run month, a notification or a balance registered
 * after the cut-off is no fact yet — when it arrives, the data changed.
 */
export interface FactsHorizon {
  readonly runMonth: YearMonth;
  readonly cutoffAt: LocalDateTime;
  /** The boards and institutions, whose establishment units and prevention services a ZIMA001 carries. */
  readonly references?: ReferenceData;
}

function assignmentFacts(a: AssignmentRecord): unknown[] {
  return [
    a.id,
    a.institutionId,
    a.startDate,
    a.endDate,
    a.numerator,
    a.denominator,
    a.daysPerWeek,
    a.status,
    a.jointCommittee,
    a.employerCategory,
    a.workerCode,
    a.monthlySalary,
  ];
}

function notificationFacts(n: NotificationRecord): unknown[] {
  return [n.id, n.boardId, n.receivedAt, n.validFrom, n.withdrawnFrom, n.fulltimeRequest, n.maintenanceOfRights];
}

function lineFacts(l: SalaryLineRecord): unknown[] {
  return [l.id, l.assignmentId, l.periodMonth, l.gross, l.wageCode, l.paidOn];
}

function staffFacts(source: PersonSourceData): unknown[] {
  return source.staff === null ? [null] : [source.staff.insz, source.staff.gender];
}

function seenLines(source: PersonSourceData, horizon: FactsHorizon): SalaryLineRecord[] {
  return source.salaryLines.filter((l) => l.paidOn === null || isLinePaidInTime(l, horizon.runMonth));
}

function notificationsSeen(source: PersonSourceData, horizon: FactsHorizon): unknown[] {
  return source.notifications.filter((n) => n.receivedAt === null || isNotificationInTime(n, horizon.cutoffAt)).map(notificationFacts);
}

/** WECH003: the person, the notifications and the unit's assignment. */
function wech003Facts(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): unknown[] {
  const assignment = source.assignments.find((a) => a.id === unit.assignmentId);
  return [staffFacts(source), notificationsSeen(source, horizon), assignment ? assignmentFacts(assignment) : null];
}

/** WECH006: occupation(m) and gross(m) read every assignment and every line of the month. */
function wech006Facts(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): unknown[] {
  const lines = seenLines(source, horizon)
    .filter((l) => l.periodMonth === unit.referencePeriod)
    .map(lineFacts);
  return [staffFacts(source), notificationsSeen(source, horizon), source.assignments.map(assignmentFacts), lines];
}

/** The benefits forms: the person, the assignment and its adapted work. */
function benefitsBase(
  unit: DecisionUnit,
  source: PersonSourceData,
): { readonly base: unknown[]; readonly adaptedIds: ReadonlySet<number> } {
  const assignment = source.assignments.find((a) => a.id === unit.assignmentId);
  const adapted = (source.adaptedWork ?? []).filter((w) => w.assignmentId === unit.assignmentId);
  const rows = adapted.map((w) => [w.id, w.subRisk, w.startDate, w.endDate, w.daysPerWeek, w.qHours, w.sHours]);
  return {
    base: [staffFacts(source), assignment ? assignmentFacts(assignment) : null, rows],
    adaptedIds: new Set(adapted.map((w) => w.id)),
  };
}

/** ZIMA002: with the month's performance lines, day natures and pay of the assignment. */
function zima002Facts(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): unknown[] {
  const { base, adaptedIds } = benefitsBase(unit, source);
  const month = unit.referencePeriod;
  const performance = (source.performanceLines ?? []).filter(
    (l) => l.adaptedWorkId !== null && adaptedIds.has(l.adaptedWorkId) && l.periodMonth === month,
  );
  const days = (source.dayNatures ?? []).filter(
    (l) => l.adaptedWorkId !== null && adaptedIds.has(l.adaptedWorkId) && l.day?.slice(0, 7) === month,
  );
  const lines = seenLines(source, horizon)
    .filter((l) => l.assignmentId === unit.assignmentId && l.periodMonth === month)
    .map(lineFacts);
  return [
    ...base,
    performance.map((l) => [l.id, l.adaptedWorkId, l.performanceCode, l.days, l.hours]),
    days.map((l) => [l.id, l.adaptedWorkId, l.day, l.code, l.hours]),
    lines,
  ];
}

/** ZIMA005: with the holiday year's balances registered by the cut-off. */
function zima005Facts(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): unknown[] {
  const { base } = benefitsBase(unit, source);
  const balances = (source.holidayBalances ?? []).filter(
    (h) =>
      h.assignmentId === unit.assignmentId &&
      unit.referencePeriod !== null &&
      h.holidayYear === holidayYearOf(unit.referencePeriod) &&
      (h.reportedAt === null || h.reportedAt <= horizon.cutoffAt),
  );
  return [...base, balances.map((h) => [h.id, h.subRisk, h.holidaySector, h.holidayCode, h.days, h.hours, h.reportedAt])];
}

/** ZIMA003: the person, and the month's break rows reported by the end of the run month with their assignments and salary rows. */
function zima003Facts(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): unknown[] {
  const endOfRun = endOfMonthMoment(horizon.runMonth);
  const breaks = (source.breastfeedingBreaks ?? []).filter(
    (b) => b.periodMonth === unit.referencePeriod && (b.reportedAt === null || b.reportedAt <= endOfRun),
  );
  const ids = new Set(breaks.map((b) => b.assignmentId));
  return [
    staffFacts(source),
    breaks.map((b) => [b.id, b.assignmentId, b.periodMonth, b.halfHourBreaks, b.reportedAt]),
    source.assignments.filter((a) => ids.has(a.id)).map(assignmentFacts),
    (source.assignmentSalaries ?? []).filter((s) => ids.has(s.assignmentId)).map((s) => [s.recordId, s.validFrom, s.monthlySalary]),
  ];
}

/** ZIMA006: the person, the resumption row with its absence, and the person's assignments (which are in force on the day). */
function zima006Facts(unit: DecisionUnit, source: PersonSourceData): unknown[] {
  const id = resumptionIdOf(unit.subject ?? null);
  const rows = (source.workResumptions ?? []).filter((r) => r.id === id);
  const absenceIds = new Set(rows.map((r) => r.absenceId));
  return [
    staffFacts(source),
    rows.map((r) => [r.id, r.absenceId, r.resumptionDate, r.requestTicket, r.reportedAt]),
    (source.absences ?? [])
      .filter((a) => absenceIds.has(a.id))
      .map((a) => [a.id, a.assignmentId, a.kind, a.firstDay, a.lastDay, a.paidUntil]),
    source.assignments.map(assignmentFacts),
  ];
}

/**
 * ZIMA001: the person, the risk's absences (the unit's and, for birth leave, the other blocks of the
 * birth; a relapse's original), their days and resumptions, the person's assignments, their salary history
 * and the reference data the sheet carries (establishment units, prevention services).
 */
function zima001Facts(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): unknown[] {
  const id = absenceIdOf(unit.subject ?? null);
  const absences = source.absences ?? [];
  const own = absences.find((a) => a.id === id);
  const risk = absences.filter(
    (a) =>
      a.id === id ||
      a.id === own?.relapseOfId ||
      (own?.kind === "BIRTH_LEAVE" && a.kind === "BIRTH_LEAVE" && a.eventDate !== null && a.eventDate === own.eventDate),
  );
  const ids = new Set(risk.map((a) => a.id));
  return [
    staffFacts(source),
    risk.map((a) => [
      a.id,
      a.assignmentId,
      a.kind,
      a.firstDay,
      a.lastDay,
      a.relapseOfId,
      a.lastWorkingDay,
      a.paidUntil,
      a.paidDayCode,
      a.eventDate,
      a.prenatalRestStop,
      a.reportedAt,
    ]),
    (source.absenceDays ?? [])
      .filter((d) => d.absenceId !== null && ids.has(d.absenceId))
      .map((d) => [d.id, d.absenceId, d.day, d.code, d.hours]),
    (source.workResumptions ?? [])
      .filter((r) => r.absenceId !== null && ids.has(r.absenceId))
      .map((r) => [r.id, r.absenceId, r.resumptionDate, r.reportedAt]),
    source.assignments.map((a) => [...assignmentFacts(a), a.payMode]),
    (source.assignmentSalaries ?? []).map((s) => [s.recordId, s.validFrom, s.monthlySalary]),
    source.assignments.map((a) => {
      const institution = a.institutionId === null ? undefined : horizon.references?.institutions.get(a.institutionId);
      const board = institution?.boardId == null ? undefined : horizon.references?.boards.get(institution.boardId);
      return [institution?.establishmentUnit ?? null, board?.preventionServiceKbo ?? null, board?.preventionServiceName ?? null];
    }),
  ];
}

function factsOf(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): unknown[] {
  switch (unit.formType) {
    case "WECH003":
      return wech003Facts(unit, source, horizon);
    case "WECH006":
      return wech006Facts(unit, source, horizon);
    case "ZIMA002":
      return zima002Facts(unit, source, horizon);
    case "ZIMA003":
      return zima003Facts(unit, source, horizon);
    case "ZIMA005":
      return zima005Facts(unit, source, horizon);
    case "ZIMA006":
      return zima006Facts(unit, source);
    case "ZIMA001":
      return zima001Facts(unit, source, horizon);
    default:
      return unreachable(unit.formType, "form type");
  }
}

/** The canonical text of the facts a unit rests on (its form type, person, assignment and period included). */
export function unitFactsText(unit: DecisionUnit, source: PersonSourceData, horizon: FactsHorizon): string {
  return JSON.stringify([unit.formType, unit.staffId, unit.assignmentId, unit.referencePeriod, factsOf(unit, source, horizon)]);
}
