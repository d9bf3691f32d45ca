/**
 * The whole decision for one notified person in run M: both scenarios, and the person's status —
 * declared (at least one form this run), rejected (a record breaks the contract and nothing was
 * declared), or not eligible (with the reason).
 */
import type { PersonSourceData } from "../domain/ministry-records";
import type { NotEligibleReason } from "../domain/outcome-codes";
import type { DecisionUnit, PersonDecision } from "./decision-types";
import { preparePerson, type RunFrame } from "./person-context";
import { decideScenario3 } from "./scenario3";
import { decideScenario6 } from "./scenario6";

/** Null when nothing of the person is in time for this run: the person is not considered. */
export function decidePerson(source: PersonSourceData, frame: RunFrame): PersonDecision | null {
  const person = preparePerson(source, frame);
  if (!person) return null;
  const notes: string[] = [];
  for (const n of person.windowResult.duplicates) notes.push(`notification ${n.id} (${n.messageRef}) adds nothing to an earlier one: duplicate`);
  for (const n of person.windowResult.withdrawnFromStart) notes.push(`notification ${n.id} (${n.messageRef}) is withdrawn from its start (${n.withdrawnFrom})`);

  const base = { staffId: person.staffId, problems: person.problems, notes };
  if (person.windowResult.windows.length === 0 && person.windowResult.withdrawnFromStart.length === 0) {
    // Only broken notifications: nothing can be decided, the person is rejected with their first problem.
    return { ...base, status: "rejected", reason: null, units: [], previouslyDeclared: { WECH003: 0, WECH006: 0 }, previouslyDecided: { WECH003: 0, WECH006: 0 } };
  }
  const s3 = decideScenario3(person, frame);
  const s6 = decideScenario6(person, frame);
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
