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
import { maxDate } from "../domain/calendar-date";
import { overlaps } from "../domain/date-range";
import { lastDayOf } from "../domain/year-month";
import { type DecisionUnit, unitKey } from "./decision-types";
import type { NotificationWindow } from "./notification-windows";
import { rejected } from "./outcome-builders";
import type { CheckedAssignment, PersonContext, RunFrame } from "./person-context";
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
function windowOf(person: PersonContext, assignment: CheckedAssignment, limit: string): { window: NotificationWindow; tooOld: boolean } | null {
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
  return { reason: "OUTSIDE_NOTIFICATION_WINDOW", detail: `assignment ${range.start}..${range.end ?? "open"} outside notification window ${windows}` };
}

export function decideScenario3(person: PersonContext, frame: RunFrame): ScenarioResult {
  const units: DecisionUnit[] = [];
  let previouslyDeclared = 0;
  let previouslyDecided = 0;
  const runEnd = lastDayOf(frame.runMonth);
  const limit = windowLookbackLimit(frame.runMonth, frame.parameters.windowLookbackMonths);
  const defaults = frame.parameters.formDefaults;
  for (const assignment of person.assignments) {
    // Only assignments within the school years of the person's notifications are decision units.
    if (assignment.range !== null && !person.scope.some((scope) => overlaps(scope, assignment.range!))) continue;
    const key = unitKey("WECH003", person.staffId, assignment.record.id, null);
    if (frame.isPreviouslyDeclared(key)) {
      previouslyDeclared++;
      continue;
    }
    const unit = (outcome: DecisionUnit["outcome"]): DecisionUnit => ({
      formType: "WECH003",
      staffId: person.staffId,
      assignmentId: assignment.record.id,
      context: assignment.context,
      referenceMonth: null,
      outcome,
    });
    const notEligible = (reason: StartReason, detail: string, fingerprint = `${reason}|${detail}`): void => {
      if (frame.previousFingerprint(key) === fingerprint) previouslyDecided++;
      else units.push(unit({ status: "not-eligible", reason, detail, fingerprint }));
    };
    if (person.personProblem) {
      units.push(unit(rejected(person.personProblem)));
      continue;
    }
    if (assignment.problems.length > 0 || assignment.range === null) {
      units.push(unit(rejected(assignment.problems[0])));
      continue;
    }
    const found = windowOf(person, assignment, limit);
    if (!found) {
      const missing = missingWindow(person, assignment);
      notEligible(missing.reason, missing.detail);
      continue;
    }
    const { window } = found;
    if (found.tooOld) {
      const old = tooOldDetail(window, limit);
      notEligible("WINDOW_TOO_OLD", old.detail, old.fingerprint);
      continue;
    }
    const start = maxDate(assignment.range.start, window.start);
    if (start > runEnd) {
      units.push(unit({ status: "not-eligible", reason: "STARTS_AFTER_RUN_MONTH", detail: `occupation in the window starts ${start}, after ${runEnd}` }));
      continue;
    }
    const facts = assignment.facts!;
    if (facts.q >= facts.s && start <= FULL_TIME_START_ALLOWED_AFTER) {
      notEligible("FULL_TIME_ASSIGNMENT", `Q ${facts.q} >= S ${facts.s}, occupation starting ${start} (on or before ${FULL_TIME_START_ALLOWED_AFTER})`);
      continue;
    }
    const notification = window.notification;
    if (notification.fulltimeRequest === 9 && facts.jointCommittee !== "999") {
      units.push(
        unit(
          rejected({
            table: "rl16_notification",
            recordId: String(notification.id),
            field: "fulltime_request",
            rule: "FULLTIME_REQUEST_NOT_APPLICABLE",
            value: `9 with joint committee ${facts.jointCommittee}`,
          }),
        ),
      );
      continue;
    }
    units.push(
      unit({
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
      }),
    );
  }
  return { units, previouslyDeclared, previouslyDecided };
}
