/**
 * One person of the monthly run, in small named steps: decide (the rules), reconcile with what was
 * declared, build each form and hold it against its glossary's conditions (D22: a failing form is
 * rejected with its anomaly code and never written), write the forms and their state records, then count
 * and log the person in the one account (D26).
 */
import type { KeptZones } from "../domain/kept-zones";
import { formTypeModule } from "../form-types/registry";
import { inszHash } from "../domain/insz-hash";
import type { PersonSourceData } from "../domain/ministry-records";
import type { RecordProblem } from "../domain/outcome-codes";
import type { YearMonth } from "../domain/year-month";
import type { FormFileWriter } from "../files/form-file-writer";
import type { RecordSpool } from "../files/record-spool";
import { buildForm, cancellationForm, type FormContext } from "../form-types/forms";
import type { FormNode } from "../forms/form-envelope";
import { decidePerson } from "../rules/decide-person";
import { type DecisionUnit, type FormType, type PersonDecision, perFormType, type UnitIdentity, unitKeyOf } from "../rules/decision-types";
import type { RunFrame } from "../rules/person-context";
import { reconcilePerson, type StandingDeclaration, type UnitDigests } from "../rules/reconciliation";
import type { RuleParameters } from "../rules/rule-parameters";
import { RULES_VERSION } from "../rules/rules-version";
import type { DecisionRecord } from "../state/decision-repository";
import type { DeclarationRecord } from "../state/declaration-repository";
import type { Logger } from "../util/logger";
import { applyReconciliation, type ReconciledPerson, withRejectedUnits } from "./apply-reconciliation";
import type { CancellationPlacement, DecisionLog } from "./decision-log";
import { unitContentHash, unitFactsHash } from "./unit-hashes";
import type { RunTally } from "./run-tally";

/** A glossary condition a built form breaks (D22). */
export interface FormViolation {
  readonly anomaly: string;
  readonly zone: string;
  readonly label: string;
  readonly detail: string;
}

/** The FI file of a form type being written, with its declarations spooled until it is recorded. */
export interface OpenFile {
  readonly writer: FormFileWriter;
  readonly declarations: RecordSpool<DeclarationRecord>;
}

export interface PersonStepContext {
  readonly parameters: RuleParameters;
  readonly formContext: Omit<FormContext, "sequenceNbr" | "correction">;
  /** What the reconciliation looks at besides the person's units. */
  readonly scope: {
    readonly monthsFrom: YearMonth;
    readonly benefitsMonthsFrom: YearMonth;
    readonly runMonth: YearMonth;
    readonly holidayYearsFrom: number;
    readonly holidayYearsTo: number;
  };
  /** D27: the operator accepted this run's reissues. */
  readonly acceptReissue: boolean;
  readonly fileFor: (formType: FormType) => OpenFile;
  readonly checkForm: (formType: FormType, form: FormNode) => readonly FormViolation[];
  readonly remembered: RecordSpool<DecisionRecord>;
  readonly decisionLog: DecisionLog;
  readonly tally: RunTally;
  readonly log: Logger;
}

/** The content and facts digests of a person's units, each computed once. */
function digestsOf(person: PersonSourceData, frame: RunFrame, ctx: PersonStepContext): UnitDigests {
  const content = new Map<DecisionUnit, string>();
  const facts = new Map<DecisionUnit, string>();
  const once = (cache: Map<DecisionUnit, string>, unit: DecisionUnit, make: () => string): string => {
    let value = cache.get(unit);
    if (value === undefined) cache.set(unit, (value = make()));
    return value;
  };
  return {
    contentHash: (unit) => once(content, unit, () => unitContentHash(unit, ctx.formContext)),
    factsHash: (unit) => once(facts, unit, () => unitFactsHash(unit, person, frame)),
  };
}

/** The problem of a form (a unit's, or a cancellation with `suffix` " (cancellation)") that breaks a glossary condition. */
function glossaryProblem(formType: FormType, recordId: string, violation: FormViolation, suffix = ""): RecordProblem {
  return {
    table: formType,
    recordId,
    field: `${violation.zone} ${violation.label}`,
    rule: "GLOSSARY_CONDITION_FAILED",
    value: `${violation.anomaly}: ${violation.detail}${suffix}`,
  };
}

/** The unit a state record is about, and where its form stands in the file. */
function unitOf(unit: UnitIdentity, sequenceNbr: number) {
  return {
    formType: unit.formType,
    staffId: unit.staffId,
    assignmentId: unit.assignmentId,
    referencePeriod: unit.referencePeriod,
    subject: unit.subject ?? null,
    sequenceNbr,
  };
}

/** Adds a checked form to its file; returns the violations instead when it breaks its glossary. */
async function writeChecked(
  ctx: PersonStepContext,
  formType: FormType,
  build: (sequenceNbr: number) => FormNode,
): Promise<{ sequenceNbr: number; riskCode: string; keptZones: KeptZones | null } | { violations: readonly FormViolation[] }> {
  const file = ctx.fileFor(formType);
  const sequenceNbr = file.writer.count + 1;
  const form = build(sequenceNbr);
  const violations = ctx.checkForm(formType, form);
  if (violations.length > 0) return { violations };
  await file.writer.add(form);
  // Zone 00430 as the form carries it, and what else the type keeps, so that a later cancellation repeats them.
  return {
    sequenceNbr,
    riskCode: String((form.RiskIdentification as FormNode).IdentificationOfRisk),
    keptZones: formTypeModule(formType).keep(form),
  };
}

/** Writes the declared units' forms; returns their placements and the units a glossary condition rejects. */
async function writeDeclared(
  reconciled: ReconciledPerson,
  digests: UnitDigests,
  ctx: PersonStepContext,
): Promise<{ placements: Map<number, number>; rejections: Map<number, RecordProblem> }> {
  const placements = new Map<number, number>();
  const rejections = new Map<number, RecordProblem>();
  for (const [index, unit] of reconciled.decision.units.entries()) {
    if (unit.outcome.status !== "declared") continue;
    const declaration = unit.outcome.declaration;
    const replaces = reconciled.modifications.get(index);
    const correction = replaces ? { attestationStatus: 1 as const, ticket: replaces.ticket! } : undefined;
    const written = await writeChecked(ctx, unit.formType, (sequenceNbr) =>
      buildForm(declaration, { ...ctx.formContext, sequenceNbr, correction }),
    );
    if ("violations" in written) {
      rejections.set(index, glossaryProblem(unit.formType, unitKeyOf(unit), written.violations[0]));
      continue;
    }
    await ctx.fileFor(unit.formType).declarations.append({
      ...unitOf(unit, written.sequenceNbr),
      attestationStatus: correction ? 1 : 0,
      contentHash: digests.contentHash(unit),
      inszHash: inszHash(declaration.person.insz),
      replacesId: replaces?.id,
      referenceTicket: replaces?.ticket ?? undefined,
      riskCode: written.riskCode,
      keptZones: written.keptZones,
      factsHash: digests.factsHash(unit),
      rulesVersion: RULES_VERSION,
    });
    placements.set(index, written.sequenceNbr);
  }
  return { placements, rejections };
}

/** Writes the cancellations (AttestationStatus 3); one that breaks its glossary is left out and reported. */
async function writeCancellations(
  reconciled: ReconciledPerson,
  ctx: PersonStepContext,
): Promise<{ placed: CancellationPlacement[]; problems: RecordProblem[] }> {
  const placed: CancellationPlacement[] = [];
  const problems: RecordProblem[] = [];
  const insz = reconciled.decision.identity?.insz;
  if (!insz) return { placed, problems }; // the person is unknown now: nothing can be cancelled in their name
  for (const cancellation of reconciled.cancellations) {
    const standing: StandingDeclaration = cancellation.replaces;
    const riskCode = standing.riskCode ?? undefined;
    const written = await writeChecked(ctx, standing.formType, (sequenceNbr) =>
      cancellationForm(
        standing.formType,
        insz,
        standing.ticket!,
        { ...ctx.formContext, sequenceNbr },
        standing.referencePeriod,
        riskCode,
        standing.keptZones ?? null,
      ),
    );
    if ("violations" in written) {
      problems.push(glossaryProblem(standing.formType, `declaration ${standing.id}`, written.violations[0], " (cancellation)"));
      continue;
    }
    await ctx.fileFor(standing.formType).declarations.append({
      ...unitOf(standing, written.sequenceNbr),
      attestationStatus: 3,
      contentHash: "cancelled",
      inszHash: inszHash(insz),
      replacesId: standing.id,
      referenceTicket: standing.ticket!,
      riskCode,
      keptZones: standing.keptZones ?? null,
      rulesVersion: RULES_VERSION,
    });
    placed.push({ cancellation, sequenceNbr: written.sequenceNbr });
  }
  return { placed, problems };
}

/** The not-eligible units to remember with their fingerprint, so that a later run does not decide them again. */
async function rememberDecided(units: readonly DecisionUnit[], remembered: RecordSpool<DecisionRecord>): Promise<void> {
  for (const unit of units) {
    if (unit.outcome.status !== "not-eligible" || unit.outcome.fingerprint === undefined) continue;
    await remembered.append({
      formType: unit.formType,
      staffId: unit.staffId,
      assignmentId: unit.assignmentId,
      referencePeriod: unit.referencePeriod,
      subject: unit.subject ?? null,
      reason: unit.outcome.reason,
      fingerprint: unit.outcome.fingerprint,
    });
  }
}

/**
 * A person the source no longer gives the run anything about (no notification, no benefits data in
 * scope), who still has forms standing: decided with no units, so that the reconciliation cancels what
 * the data no longer yields (a deleted notification or adapted work).
 */
function withoutDataDecision(person: PersonSourceData): PersonDecision {
  const staff = person.staff;
  const none = perFormType(() => 0);
  return {
    staffId: person.staffId,
    identity: staff ? { staffId: person.staffId, insz: staff.insz, lastName: staff.lastName, firstName: staff.firstName } : null,
    notifications: [],
    windows: [],
    lateNotifications: [],
    status: "unchanged",
    reason: null,
    units: [],
    problems: [],
    previouslyDeclared: none,
    previouslyDecided: none,
    notes: ["nothing in the source for this run any more: what was declared and should not stand is cancelled"],
    sectors: new Set(["ZIMA"]),
  };
}

/**
 * Decides, reconciles, writes and counts one person; false when the person is not considered this run.
 * `standing`: the person has forms that may still stand, so they are decided even without data.
 */
export async function processPerson(
  person: PersonSourceData,
  frame: RunFrame,
  latest: ReadonlyMap<string, StandingDeclaration>,
  ctx: PersonStepContext,
  standing = false,
): Promise<boolean> {
  const raw = decidePerson(person, frame) ?? (standing ? withoutDataDecision(person) : null);
  if (!raw) return false;
  const digests = digestsOf(person, frame, ctx);
  // The benefits forms within the run's months and years are always reconciled (no benefits data in scope
  // any more: they are cancelled); the WECH forms when the person is notified, or has no notification at
  // all any more (deleted at the source). A person whose notifications are merely not in time keeps them.
  const withoutNotification = person.notifications.length === 0;
  const sectors = new Set<"WECH" | "ZIMA">([...raw.sectors, "ZIMA", ...(withoutNotification ? (["WECH"] as const) : [])]);
  const scope = {
    ...ctx.scope,
    assignmentIds: new Set(person.assignments.map((a) => a.id)),
    sectors,
    acceptReissue: ctx.acceptReissue,
    withoutNotification,
  };
  const reconciled = applyReconciliation(raw, reconcilePerson(raw, latest, digests, scope));
  const { placements, rejections } = await writeDeclared(reconciled, digests, ctx);
  const cancellations = await writeCancellations(reconciled, ctx);
  const final = withRejectedUnits(reconciled, rejections, cancellations);
  ctx.tally.add(final);
  await rememberDecided(final.decision.units, ctx.remembered);
  await ctx.decisionLog.person(final.decision, placements, final.modifications, cancellations.placed);
  for (const problem of final.decision.problems) {
    ctx.log.debug(
      `rejected ${problem.table} ${problem.recordId} (staff ${raw.staffId}): ${problem.field} = ${problem.value}: ${problem.rule}`,
      { rejected: problem },
    );
  }
  return true;
}
