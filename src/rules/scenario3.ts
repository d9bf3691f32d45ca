/**
 * Scenario 3, WECH003 (domain.md D5): run M declares every assignment of a notified person that
 * overlaps one of the person's windows up to the end of M and was not declared before. The occupation
 * starts on the later of the assignment's start and the window's start.
 */
import { maxDate } from "../domain/calendar-date";
import { overlaps } from "../domain/date-range";
import { lastDayOf } from "../domain/year-month";
import { type DecisionUnit, unitKey } from "./decision-types";
import { rejected } from "./outcome-builders";
import type { PersonContext, RunFrame } from "./person-context";

export interface ScenarioResult {
  readonly units: DecisionUnit[];
  readonly previouslyDeclared: number;
  readonly previouslyDecided: number;
}

export function decideScenario3(person: PersonContext, frame: RunFrame): ScenarioResult {
  const units: DecisionUnit[] = [];
  let previouslyDeclared = 0;
  let previouslyDecided = 0;
  const runEnd = lastDayOf(frame.runMonth);
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
    const notEligible = (reason: "NO_NOTIFICATION_WINDOW" | "OUTSIDE_NOTIFICATION_WINDOW", detail: string): void => {
      const fingerprint = `${reason}|${detail}`;
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
    const range = assignment.range;
    const window = person.windowResult.windows.find((w) => overlaps(w, range));
    if (!window && person.windowResult.windows.length === 0) {
      const withdrawn = person.windowResult.withdrawnFromStart.map((n) => `${n.messageRef} withdrawn from ${n.withdrawnFrom}`).join(", ");
      notEligible("NO_NOTIFICATION_WINDOW", `no notification window: ${withdrawn}`);
      continue;
    }
    if (!window) {
      const windows = person.windowResult.windows.map((w) => `${w.start}..${w.end}`).join(", ") || "none";
      notEligible("OUTSIDE_NOTIFICATION_WINDOW", `assignment ${range.start}..${range.end ?? "open"} outside notification window ${windows}`);
      continue;
    }
    const start = maxDate(range.start, window.start);
    if (start > runEnd) {
      units.push(unit({ status: "not-eligible", reason: "STARTS_AFTER_RUN_MONTH", detail: `occupation in the window starts ${start}, after ${runEnd}` }));
      continue;
    }
    const facts = assignment.facts!;
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
    const maintenanceOfRights = notification.maintenanceOfRights!;
    units.push(
      unit({
        status: "declared",
        declaration: {
          formType: "WECH003",
          person: person.identity!,
          occupation: facts,
          occupationStartingDate: start,
          maintenanceOfRights,
          legalBasis: maintenanceOfRights === 1 ? frame.parameters.formDefaults.legalBasisWithMaintenanceOfRights : null,
          fulltimeRequest: notification.fulltimeRequest!,
          notificationId: notification.id,
        },
      }),
    );
  }
  return { units, previouslyDeclared, previouslyDecided };
}
