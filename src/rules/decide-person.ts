/**
 * The whole decision for one notified person in run M: both scenarios, and the person's status —
 * declared (at least one form this run), rejected (a record breaks the contract and nothing was
 * declared), or not eligible (with the reason).
 */
import type { PersonSourceData } from "../domain/ministry-records";
import type { NotEligibleReason } from "../domain/outcome-codes";
import type { DecisionUnit, PersonDecision } from "./decision-types";
import { preparePerson, type RunFrame } from "./person-context";
import { notificationProblems } from "./record-validation";
import { decideScenario3 } from "./scenario3";
import { decideScenario6 } from "./scenario6";

const NOTHING_EARLIER = { WECH003: 0, WECH006: 0 } as const;

/**
 * A person whose only usable notification arrived after this month's cut-off but by the next one:
 * nothing is decided now, the next run declares; reported so that nobody wonders where they went.
 */
function lateNotificationDecision(source: PersonSourceData, frame: RunFrame): PersonDecision | null {
  if (frame.nextCutoffAt === null || source.staff === null) return null;
  const late = source.notifications.filter(
    (n) =>
      notificationProblems(n, frame.references, frame.duplicateMessageRefs).length === 0 &&
      n.receivedAt !== null &&
      n.receivedAt > frame.cutoffAt &&
      n.receivedAt <= frame.nextCutoffAt!,
  );
  if (late.length === 0) return null;
  return {
    staffId: source.staffId,
    identity: { staffId: source.staffId, insz: source.staff.insz, lastName: source.staff.lastName, firstName: source.staff.firstName },
    notifications: [],
    windows: [],
    status: "not-eligible",
    reason: "NOTIFICATION_AFTER_CUTOFF",
    units: [],
    problems: [],
    previouslyDeclared: NOTHING_EARLIER,
    previouslyDecided: NOTHING_EARLIER,
    notes: late.map((n) => `notification ${n.id} (${n.messageRef}) received ${n.receivedAt}, after the cut-off ${frame.cutoffAt}: declared in the next month's run`),
  };
}

/** Null when nothing of the person is in time for this run, nor late by one month: the person is not considered. */
export function decidePerson(source: PersonSourceData, frame: RunFrame): PersonDecision | null {
  const person = preparePerson(source, frame);
  if (!person) return lateNotificationDecision(source, frame);
  const notes: string[] = [];
  for (const n of person.windowResult.duplicates) notes.push(`notification ${n.id} (${n.messageRef}) adds nothing to an earlier one: duplicate`);
  for (const n of person.windowResult.withdrawnFromStart) notes.push(`notification ${n.id} (${n.messageRef}) is withdrawn from its start (${n.withdrawnFrom})`);

  const base = {
    staffId: person.staffId,
    identity: person.identity,
    notifications: person.notifications,
    windows: person.windowResult.windows.map((w) => ({ start: w.start, end: w.end, notificationId: w.notification.id })),
    problems: person.problems,
    notes,
  };
  if (person.windowResult.windows.length === 0 && person.windowResult.withdrawnFromStart.length === 0) {
    // Only broken notifications: nothing can be decided, the person is rejected with their first problem.
    return { ...base, status: "rejected", reason: null, units: [], previouslyDeclared: NOTHING_EARLIER, previouslyDecided: NOTHING_EARLIER };
  }
  const s3 = decideScenario3(person, frame);
  const startRejections = new Map(
    s3.units.flatMap((u) => (u.outcome.status === "rejected" && u.outcome.rule === "FULLTIME_REQUEST_NOT_APPLICABLE" ? [[u.assignmentId, u.outcome.problem] as const] : [])),
  );
  const s6 = decideScenario6(person, frame, startRejections);
  const units: DecisionUnit[] = [...s3.units, ...s6.units];
  const previouslyDeclared = { WECH003: s3.previouslyDeclared, WECH006: s6.previouslyDeclared };
  const previouslyDecided = { WECH003: s3.previouslyDecided, WECH006: s6.previouslyDecided };
  const earlier = { previouslyDeclared, previouslyDecided };
  if (units.some((u) => u.outcome.status === "declared")) return { ...base, status: "declared", reason: null, units, ...earlier };
  if (units.some((u) => u.outcome.status === "rejected") || person.personProblem) {
    return { ...base, status: "rejected", reason: null, units, ...earlier };
  }
  const firstReason = units.find((u) => u.outcome.status === "not-eligible")?.outcome;
  let reason: NotEligibleReason;
  if (firstReason && firstReason.status === "not-eligible") reason = firstReason.reason;
  else if (person.windowResult.windows.length === 0) reason = "NO_NOTIFICATION_WINDOW";
  else if (s3.previouslyDeclared + s6.previouslyDeclared + s3.previouslyDecided + s6.previouslyDecided > 0) reason = "NOTHING_NEW";
  else reason = "NO_ASSIGNMENT_IN_WINDOW";
  return { ...base, status: "not-eligible", reason, units, ...earlier };
}
