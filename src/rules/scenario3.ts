/**
 * Scenario 3, WECH003 (domain.md D5, amended by D14, D15, D18): run M declares every assignment of a
 * notified person that overlaps one of the person's windows up to the end of M and was not declared
 * before. The occupation starts on the later of the assignment's start and the window's start.
 * - D14: zone 00095 is the configured "company plan" indicator (0 for the agencies), 00096 only with 1;
 *   the notification's maintenance_of_rights decides nothing (every notification counts, D15).
 * - D15 (glossary 00048): Q < S, except in education for occupations starting after 2018-08-31: an
 *   assignment with Q >= S starting on or before that day is not eligible FULL_TIME_ASSIGNMENT.
 * - D18: an assignment whose windows all ended before the look-back limit is not eligible WINDOW_TOO_OLD.
 */
import { type CalendarDate, maxDate } from "../domain/calendar-date";
import { overlaps } from "../domain/date-range";
import { lastDayOf } from "../domain/year-month";
import { type DecisionUnit, type UnitOutcome, unitKey } from "./decision-types";
import type { NotificationWindow } from "./notification-windows";
import { rejected } from "./outcome-builders";
import type { CheckedAssignment, PersonContext, RunFrame } from "./person-context";
import { fulltimeRequestProblem } from "./record-validation";
import { isWindowTooOld, tooOldDetail, windowLookbackLimit } from "./window-age";

/** Glossary 00048 of WECH003: "niet verplicht voor de onderwijssector voor tewerkstellingen die beginnen na 31/08/2018". */
export const FULL_TIME_START_ALLOWED_AFTER = "2018-08-31";

export interface ScenarioResult {
  readonly units: DecisionUnit[];
  readonly previouslyDeclared: number;
  readonly previouslyDecided: number;
}

type StartReason = "NO_NOTIFICATION_WINDOW" | "OUTSIDE_NOTIFICATION_WINDOW" | "WINDOW_TOO_OLD" | "FULL_TIME_ASSIGNMENT";

/** The window an assignment's start of part-time work belongs to: the first current one it overlaps, else the first too-old one. */
function windowOf(
  person: PersonContext,
  assignment: CheckedAssignment,
  limit: CalendarDate,
): { window: NotificationWindow; tooOld: boolean } | null {
  const overlapping = person.windowResult.windows.filter((w) => overlaps(w, assignment.range!));
  const current = overlapping.find((w) => !isWindowTooOld(w, limit));
  if (current) return { window: current, tooOld: false };
  return overlapping.length > 0 ? { window: overlapping[0], tooOld: true } : null;
}

/** Why an assignment overlaps no notification window at all. */
function missingWindow(person: PersonContext, assignment: CheckedAssignment): { reason: StartReason; detail: string } {
  if (person.windowResult.windows.length === 0) {
    const withdrawn = person.windowResult.withdrawnFromStart.map((n) => `${n.messageRef} withdrawn from ${n.withdrawnFrom}`).join(", ");
    return { reason: "NO_NOTIFICATION_WINDOW", detail: `no notification window: ${withdrawn}` };
  }
  const windows = person.windowResult.windows.map((w) => `${w.start}..${w.end}`).join(", ");
  const range = assignment.range!;
  return {
    reason: "OUTSIDE_NOTIFICATION_WINDOW",
    detail: `assignment ${range.start}..${range.end ?? "open"} outside notification window ${windows}`,
  };
}

function notEligible(reason: StartReason, detail: string, fingerprint = `${reason}|${detail}`): UnitOutcome {
  return { status: "not-eligible", reason, detail, fingerprint };
}

/** The WECH003 of one assignment of a notified person. */
function startOutcome(person: PersonContext, assignment: CheckedAssignment, frame: RunFrame): UnitOutcome {
  if (person.personProblem) return rejected(person.personProblem);
  if (assignment.problems.length > 0 || assignment.range === null) return rejected(assignment.problems[0]);
  const limit = windowLookbackLimit(frame.runMonth, frame.parameters.windowLookbackMonths);
  const found = windowOf(person, assignment, limit);
  if (!found) {
    const missing = missingWindow(person, assignment);
    return notEligible(missing.reason, missing.detail);
  }
  const { window } = found;
  if (found.tooOld) {
    const old = tooOldDetail(window, limit);
    return notEligible("WINDOW_TOO_OLD", old.detail, old.fingerprint);
  }
  const start = maxDate(assignment.range.start, window.start);
  const runEnd = lastDayOf(frame.runMonth);
  // Decided again by every run until the occupation starts: no fingerprint.
  if (start > runEnd)
    return {
      status: "not-eligible",
      reason: "STARTS_AFTER_RUN_MONTH",
      detail: `occupation in the window starts ${start}, after ${runEnd}`,
    };
  const facts = assignment.facts!;
  if (facts.q >= facts.s && start <= FULL_TIME_START_ALLOWED_AFTER) {
    return notEligible(
      "FULL_TIME_ASSIGNMENT",
      `Q ${facts.q} >= S ${facts.s}, occupation starting ${start} (on or before ${FULL_TIME_START_ALLOWED_AFTER})`,
    );
  }
  const notification = window.notification;
  if (notification.fulltimeRequest === 9 && facts.jointCommittee !== "999")
    return rejected(fulltimeRequestProblem(notification.id, facts.jointCommittee));
  const defaults = frame.parameters.formDefaults;
  return {
    status: "declared",
    declaration: {
      formType: "WECH003",
      person: person.identity!,
      occupation: facts,
      occupationStartingDate: start,
      dbrInCompanyPlan: defaults.dbrInCompanyPlan,
      legalBasis: defaults.dbrInCompanyPlan === 1 ? defaults.legalBasis : null,
      fulltimeRequest: notification.fulltimeRequest!,
      notificationId: notification.id,
      maintenanceOfRights: notification.maintenanceOfRights!,
    },
  };
}

export function decideScenario3(person: PersonContext, frame: RunFrame): ScenarioResult {
  const units: DecisionUnit[] = [];
  let previouslyDeclared = 0;
  let previouslyDecided = 0;
  for (const assignment of person.assignments) {
    // Only assignments within the school years of the person's notifications are decision units.
    if (assignment.range !== null && !person.scope.some((scope) => overlaps(scope, assignment.range!))) continue;
    const key = unitKey("WECH003", person.staffId, assignment.record.id, null);
    if (frame.isPreviouslyDeclared(key)) {
      previouslyDeclared++;
      continue;
    }
    const outcome = startOutcome(person, assignment, frame);
    if (outcome.status === "not-eligible" && outcome.fingerprint !== undefined && frame.previousFingerprint(key) === outcome.fingerprint) {
      previouslyDecided++;
      continue;
    }
    units.push({
      formType: "WECH003",
      staffId: person.staffId,
      assignmentId: assignment.record.id,
      context: assignment.context,
      referencePeriod: null,
      outcome,
    });
  }
  return { units, previouslyDeclared, previouslyDecided };
}
