/**
 * Writes decisions.jsonl (see decision-records.ts) as the run decides, streaming: one person at a time.
 */
import { maskInsz } from "../domain/check-digits";
import type { Declaration, DecisionUnit, PersonDecision, Zima002Declaration, Zima005Declaration } from "../rules/decision-types";
import type { Reconciliation, StandingDeclaration } from "../rules/reconciliation";
import { maskInszInText, withMaskedValue } from "../util/insz-masking";
import { unreachable } from "../domain/unreachable";
import { FileSink } from "../files/file-sink";
import type { DecisionLine, DeclaredContent, UnitLine, Zima002Content, Zima005Content } from "./decision-records";

/** NaturalPersonSequenceNbr given to each declared unit (by its index in the person's units). */
export type Placements = ReadonlyMap<number, number>;

/** A cancellation written, with its NaturalPersonSequenceNbr. */
export interface CancellationPlacement {
  readonly cancellation: Extract<Reconciliation, { action: "cancellation" }>;
  readonly sequenceNbr: number;
}

/** What a ZIMA002 form declares, for the reports and the payslip copy. */
export function zima002Content(d: Zima002Declaration): Zima002Content {
  const wages = d.periods.flatMap((p) => p.exactWages);
  return {
    subRisk: d.subRisk,
    periods: d.periods.map((p) => ({
      start: p.start,
      end: p.end,
      adaptedQ: p.adaptedQ,
      adaptedDaysPerWeek: p.adaptedDaysPerWeek,
      services: p.services,
      dayNatureCount: p.dayNatures.length,
      exactWages: p.exactWages,
    })),
    totalGross: d.subRisk === 2 ? wages.reduce((sum, w) => sum + w.amount, 0) : null,
    severance: d.periods.find((p) => p.severance !== null)?.severance ?? null,
  };
}

/** What a ZIMA005 form declares, for the reports and the payslip copy. */
export function zima005Content(d: Zima005Declaration): Zima005Content {
  return {
    holidayYear: d.holidayYear,
    subRisk: d.subRisk,
    holidaySector: d.holidaySector,
    adaptedWork: d.adaptedWork,
    details: d.details,
    totalDays: d.details.reduce((sum, line) => sum + line.days, 0),
  };
}

/** What a declared unit's line says of its form, per form type (the fields of other types null). */
type TypeContent = Omit<DeclaredContent, "sequenceNbr" | "s" | "attestationStatus" | "referenceTicket">;

const NO_TYPE_CONTENT = {
  occupationStartingDate: null,
  occupationEndingDate: null,
  occupationInterruption: null,
  assignmentIds: null,
  exactSalary: null,
  maintenanceOfRights: null,
  dbrInCompanyPlan: null,
  fulltimeRequest: null,
  zima002: null,
  zima005: null,
} as const;

function typeContent(d: Declaration): TypeContent {
  switch (d.formType) {
    case "WECH003": {
      const { maintenanceOfRights, dbrInCompanyPlan, fulltimeRequest, occupationStartingDate } = d;
      return { ...NO_TYPE_CONTENT, q: d.occupation.q, theoreticalSalary: d.occupation.monthlySalary, occupationStartingDate, maintenanceOfRights, dbrInCompanyPlan, fulltimeRequest };
    }
    case "WECH006": {
      const { occupationStartingDate, occupationEndingDate, occupationInterruption, theoreticalSalary, exactSalary } = d;
      const assignmentIds = d.assignmentIds.length > 1 ? d.assignmentIds : null;
      return { ...NO_TYPE_CONTENT, q: d.meanWorkingHours, theoreticalSalary, occupationStartingDate, occupationEndingDate, occupationInterruption, assignmentIds, exactSalary };
    }
    case "ZIMA002":
      return { ...NO_TYPE_CONTENT, q: d.occupation.q, theoreticalSalary: d.occupation.monthlySalary, zima002: zima002Content(d) };
    case "ZIMA005":
      return { ...NO_TYPE_CONTENT, q: d.occupation.q, theoreticalSalary: d.occupation.monthlySalary, zima005: zima005Content(d) };
    default:
      return unreachable(d, "declaration");
  }
}

/** The `declared` part of a declared unit's line: the WECH fields for WECH forms, the ZIMA content for ZIMA forms. */
export function declaredContent(d: Declaration, sequenceNbr: number, modifies: StandingDeclaration | undefined): DeclaredContent {
  const t = typeContent(d);
  // The fields in the order decisions.jsonl has always had them.
  return {
    sequenceNbr,
    q: t.q,
    s: d.occupation.s,
    occupationStartingDate: t.occupationStartingDate,
    occupationEndingDate: t.occupationEndingDate,
    occupationInterruption: t.occupationInterruption,
    assignmentIds: t.assignmentIds,
    theoreticalSalary: t.theoreticalSalary,
    exactSalary: t.exactSalary,
    maintenanceOfRights: t.maintenanceOfRights,
    dbrInCompanyPlan: t.dbrInCompanyPlan,
    fulltimeRequest: t.fulltimeRequest,
    attestationStatus: modifies ? 1 : 0,
    referenceTicket: modifies?.ticket ?? null,
    zima002: t.zima002,
    zima005: t.zima005,
  };
}

function unitLine(unit: DecisionUnit, sequenceNbr: number | undefined, modifies: StandingDeclaration | undefined): UnitLine {
  const outcome = unit.outcome;
  const base = { kind: "unit", staffId: unit.staffId, formType: unit.formType, assignmentId: unit.assignmentId, referenceMonth: unit.referenceMonth, context: unit.context } as const;
  if (outcome.status === "declared") {
    const d = outcome.declaration;
    return {
      ...base,
      status: "declared",
      reason: null,
      rule: null,
      detail: null,
      facts: d.formType === "WECH006" ? d.facts : null,
      record: null,
      declared: declaredContent(d, sequenceNbr ?? 0, modifies),
      ...(outcome.flags && outcome.flags.length > 0 ? { flags: outcome.flags } : {}),
    };
  }
  if (outcome.status === "not-eligible") {
    return { ...base, status: "not-eligible", reason: outcome.reason, rule: null, detail: outcome.detail, facts: outcome.facts ?? null, declared: null, record: null };
  }
  if (outcome.status === "waiting") {
    const waited = outcome.waitedMonths === undefined ? {} : { waitedMonths: outcome.waitedMonths };
    return { ...base, status: "waiting", reason: outcome.reason, rule: null, detail: outcome.detail, facts: outcome.facts ?? null, declared: null, record: null, ...waited };
  }
  // The value that broke the rule, and the detail that quotes it, with every INSZ-shaped run masked.
  const { table, recordId, field, value } = withMaskedValue(outcome.problem);
  return { ...base, status: "rejected", reason: null, rule: outcome.rule, detail: maskInszInText(outcome.detail), facts: null, declared: null, record: { table, recordId, field, value } };
}

export function decisionLines(
  decision: PersonDecision,
  placements: Placements,
  modifications: ReadonlyMap<number, StandingDeclaration> = new Map(),
  cancellations: readonly CancellationPlacement[] = [],
): DecisionLine[] {
  const identity = decision.identity;
  const lines: DecisionLine[] = [
    {
      kind: "person",
      staffId: decision.staffId,
      lastName: identity?.lastName ?? null,
      firstName: identity?.firstName ?? null,
      inszMasked: identity ? maskInsz(identity.insz) : null,
      status: decision.status,
      reason: decision.reason,
      notifications: decision.notifications,
      windows: decision.windows,
      notes: decision.notes,
    },
  ];
  decision.units.forEach((unit, index) => lines.push(unitLine(unit, placements.get(index), modifications.get(index))));
  for (const { cancellation, sequenceNbr } of cancellations) {
    const d = cancellation.replaces;
    lines.push({ kind: "cancellation", staffId: decision.staffId, formType: d.formType, assignmentId: d.assignmentId, referenceMonth: d.referenceMonth, referenceTicket: d.ticket ?? "", why: cancellation.why, whyNl: cancellation.whyNl, sequenceNbr });
  }
  for (const problem of decision.problems) lines.push({ kind: "rejected-record", staffId: decision.staffId, ...withMaskedValue(problem) });
  return lines;
}

export class DecisionLog {
  private readonly sink: FileSink;

  constructor(readonly path: string) {
    this.sink = new FileSink(path);
  }

  async person(
    decision: PersonDecision,
    placements: Placements,
    modifications: ReadonlyMap<number, StandingDeclaration> = new Map(),
    cancellations: readonly CancellationPlacement[] = [],
  ): Promise<void> {
    const text = decisionLines(decision, placements, modifications, cancellations).map((line) => JSON.stringify(line)).join("\n");
    await this.sink.write(`${text}\n`);
  }

  async close(): Promise<void> {
    await this.sink.end();
  }
}
