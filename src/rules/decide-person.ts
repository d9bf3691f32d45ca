/**
 * The whole decision for one person in run M: the unemployment scenarios (3 and 6) when the person is
 * notified, the benefits scenarios (ZIMA002, ZIMA005) when the person has benefits data in scope, and
 * the person's status — declared (at least one form this run), rejected (a record breaks the contract
 * and nothing was declared), or not eligible (with the reason).
 */
import type { PersonSourceData } from "../domain/ministry-records";
import { distinctProblems } from "../domain/outcome-codes";
import { type BenefitsDecision, decideBenefits } from "./decide-benefits";
import { type DecisionUnit, type PersonDecision, perFormType, unitKeyOf } from "./decision-types";
import { preparePerson, type RunFrame } from "./person-context";
import { notificationProblems } from "./record-validation";
import { decideScenario3 } from "./scenario3";
import { decideScenario6 } from "./scenario6";

const NOTHING_EARLIER = perFormType(() => 0);
const UNEMPLOYMENT: ReadonlySet<"WECH" | "ZIMA"> = new Set(["WECH"]);

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
  const lateNotifications = late.map((n) => ({ notificationId: n.id, messageRef: n.messageRef, receivedAt: n.receivedAt! }));
  return {
    staffId: source.staffId,
    identity: { staffId: source.staffId, insz: source.staff.insz, lastName: source.staff.lastName, firstName: source.staff.firstName },
    notifications: [],
    windows: [],
    lateNotifications,
    status: "not-eligible",
    reason: "NOTIFICATION_AFTER_CUTOFF",
    units: [],
    problems: [],
    previouslyDeclared: NOTHING_EARLIER,
    previouslyDecided: NOTHING_EARLIER,
    notes: lateNotifications.map(
      (n) =>
        `notification ${n.notificationId} (${n.messageRef}) received ${n.receivedAt}, after the cut-off ${frame.cutoffAt}: declared in the next month's run`,
    ),
    sectors: UNEMPLOYMENT,
  };
}

/** Null when nothing of the person is in time for this run, nor late by one month, nor benefits data in scope: the person is not considered. */
export function decidePerson(source: PersonSourceData, frame: RunFrame): PersonDecision | null {
  const unemployment = decideUnemployment(source, frame);
  const benefits = decideBenefits(source, frame);
  if (benefits === null) return unemployment;
  return withBenefits(unemployment, benefits, source.staffId, frame);
}

/** One decision for a person of both sectors (or of the benefits sector alone); a record reported by both is reported once. */
function withBenefits(unemployment: PersonDecision | null, benefits: BenefitsDecision, staffId: number, frame: RunFrame): PersonDecision {
  // A benefits unit found not eligible by an earlier run on the same facts is not decided again (as for WECH006).
  const previouslyDecided = { ...(unemployment?.previouslyDecided ?? NOTHING_EARLIER) };
  const fresh = benefits.units.filter((u) => {
    const o = u.outcome;
    const remembered =
      o.status === "not-eligible" && o.fingerprint !== undefined && frame.previousFingerprint(unitKeyOf(u)) === o.fingerprint;
    if (remembered) previouslyDecided[u.formType]++;
    return !remembered;
  });
  const units = [...(unemployment?.units ?? []), ...fresh];
  const problems = distinctProblems([...(unemployment?.problems ?? []), ...benefits.problems]);
  const fallback =
    unemployment !== null && unemployment.units.length === 0 ? { status: unemployment.status, reason: unemployment.reason } : UNCHANGED;
  const { status, reason } = statusOfUnits(units, unemployment?.status === "rejected" || problems.length > 0, fallback);
  return {
    staffId,
    identity: unemployment?.identity ?? benefits.identity,
    notifications: unemployment?.notifications ?? [],
    windows: unemployment?.windows ?? [],
    lateNotifications: unemployment?.lateNotifications ?? [],
    status,
    reason,
    units,
    problems,
    previouslyDeclared: unemployment?.previouslyDeclared ?? NOTHING_EARLIER,
    previouslyDecided,
    notes: [...(unemployment?.notes ?? []), ...benefits.notes],
    sectors: new Set(unemployment === null ? ["ZIMA"] : [...unemployment.sectors, "ZIMA"]),
  };
}

/** Scenarios 3 and 6 for a notified person; null when the person has no notification in time (nor late by one month). */
function decideUnemployment(source: PersonSourceData, frame: RunFrame): PersonDecision | null {
  const person = preparePerson(source, frame);
  if (!person) return lateNotificationDecision(source, frame);
  const notes: string[] = [];
  for (const n of person.windowResult.duplicates)
    notes.push(`notification ${n.id} (${n.messageRef}) adds nothing to an earlier one: duplicate`);
  for (const n of person.windowResult.withdrawnFromStart)
    notes.push(`notification ${n.id} (${n.messageRef}) is withdrawn from its start (${n.withdrawnFrom})`);

  const base = {
    staffId: person.staffId,
    identity: person.identity,
    notifications: person.notifications,
    windows: person.windowResult.windows.map((w) => ({ start: w.start, end: w.end, notificationId: w.notification.id })),
    lateNotifications: [],
    problems: person.problems,
    notes,
    sectors: UNEMPLOYMENT,
  };
  if (person.windowResult.windows.length === 0 && person.windowResult.withdrawnFromStart.length === 0) {
    // Only broken notifications: nothing can be decided, the person is rejected with their first problem.
    return {
      ...base,
      status: "rejected",
      reason: null,
      units: [],
      previouslyDeclared: NOTHING_EARLIER,
      previouslyDecided: NOTHING_EARLIER,
    };
  }
  const s3 = decideScenario3(person, frame);
  const startRejections = new Map(
    s3.units.flatMap((u) =>
      u.outcome.status === "rejected" && u.outcome.rule === "FULLTIME_REQUEST_NOT_APPLICABLE"
        ? [[u.assignmentId, u.outcome.problem] as const]
        : [],
    ),
  );
  const s6 = decideScenario6(person, frame, startRejections);
  const units: DecisionUnit[] = [...s3.units, ...s6.units];
  const previouslyDeclared = { ...NOTHING_EARLIER, WECH003: s3.previouslyDeclared, WECH006: s6.previouslyDeclared };
  const previouslyDecided = { ...NOTHING_EARLIER, WECH003: s3.previouslyDecided, WECH006: s6.previouslyDecided };
  let fallback: PersonOutcome = UNCHANGED;
  if (person.windowResult.windows.length === 0) fallback = { status: "not-eligible", reason: "NO_NOTIFICATION_WINDOW" };
  else if (s3.previouslyDeclared + s6.previouslyDeclared + s3.previouslyDecided + s6.previouslyDecided === 0)
    fallback = { status: "not-eligible", reason: "NO_ASSIGNMENT_IN_WINDOW" };
  return { ...base, ...statusOfUnits(units, person.personProblem !== null, fallback), units, previouslyDeclared, previouslyDecided };
}

type PersonOutcome = Pick<PersonDecision, "status" | "reason">;
const UNCHANGED: PersonOutcome = { status: "unchanged", reason: null };

/**
 * The person's place in the account (D26) from their units: declared > rejected > waiting > not eligible
 * (the first unit's reason); without any of those, `fallback` (unchanged when everything was decided before).
 */
export function statusOfUnits(units: readonly DecisionUnit[], personRejected: boolean, fallback: PersonOutcome): PersonOutcome {
  const first = (status: string) => units.find((u) => u.outcome.status === status)?.outcome;
  if (first("declared")) return { status: "declared", reason: null };
  if (first("rejected") || personRejected) return { status: "rejected", reason: null };
  const waiting = first("waiting");
  if (waiting?.status === "waiting") return { status: "waiting", reason: waiting.reason };
  const notEligible = first("not-eligible");
  if (notEligible?.status === "not-eligible") return { status: "not-eligible", reason: notEligible.reason };
  return fallback;
}
