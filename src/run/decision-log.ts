/**
 * Writes decisions.jsonl (its lines: src/run-record/decision-lines.ts) as the run decides, streaming:
 * one person at a time.
 */
import type { Cents } from "../domain/money";
import { maskInsz } from "../domain/check-digits";
import type { DeclarationFlag } from "../domain/outcome-codes";
import type {
  Declaration,
  DecisionUnit,
  FormType,
  PersonDecision,
  Scenario6Facts,
  Zima001Declaration,
  Zima002Declaration,
  Zima003Declaration,
  Zima006Declaration,
  Zima005Declaration,
} from "../rules/decision-types";
import type { Reconciliation, StandingDeclaration } from "../rules/reconciliation";
import type {
  DeclaredContentOf,
  DeclaredForm,
  Zima001Content,
  Zima002Content,
  Zima003Content,
  Zima005Content,
  Zima006Content,
} from "../run-record/declared-content";
import {
  type DecisionLine,
  type DeclaredUnitLine,
  type DeclaredUnitLineOf,
  RECORD_FORMAT,
  type UnitLine,
} from "../run-record/decision-lines";
import { withSharedContexts } from "../run-record/shared-contexts";
import { zima002Gross } from "../rules/declared-gross";
import { maskInszInText, withMaskedValue } from "../util/insz-masking";
import { unreachable } from "../domain/unreachable";
import { FileSink } from "../files/file-sink";

/** NaturalPersonSequenceNbr given to each declared unit (by its index in the person's units). */
export type Placements = ReadonlyMap<number, number>;

/** A cancellation written, with its NaturalPersonSequenceNbr. */
export interface CancellationPlacement {
  readonly cancellation: Extract<Reconciliation, { action: "cancellation" }>;
  readonly sequenceNbr: number;
}

/** What a ZIMA002 form declares, for the reports and the payslip copy. */
function zima002Declared(d: Zima002Declaration, form: DeclaredForm): Zima002Content {
  return {
    ...form,
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
    totalGross: zima002Gross(d),
    severance: d.periods.find((p) => p.severance !== null)?.severance ?? null,
  };
}

/** What a ZIMA003 form declares, for the reports and the payslip copy. */
function zima003Declared(d: Zima003Declaration, form: DeclaredForm): Zima003Content {
  return {
    ...form,
    links: d.links.map((link) => ({
      assignmentId: link.occupation.assignmentId,
      q: link.occupation.q,
      s: link.occupation.s,
      start: link.period.start,
      end: link.period.end,
      halfHourBreaks: link.halfHourBreaks,
      hourlyWage: link.hourlyWage,
    })),
    totalBreaks: d.links.reduce((sum, link) => sum + link.halfHourBreaks, 0),
  };
}

/** Day codes with their counts, in first-seen order: "2.6 x 22" or "1 x 3, 6.10 x 17". */
function codeCounts(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} x ${n}`).join(", ");
}

/** What a ZIMA001 form declares, for the reports and the payslip copy. */
function zima001Declared(d: Zima001Declaration, form: DeclaredForm): Zima001Content {
  return {
    ...form,
    risk: d.risk,
    absenceId: d.absenceId,
    absenceKind: d.absenceKind,
    riskStart: d.riskStart,
    workRecovery: d.workRecovery,
    quarter: d.quarter.code,
    occupations: d.occupations.map((o) => {
      const period = o.risk?.referencePeriod ?? null;
      return {
        assignmentId: o.occupation.assignmentId,
        q: o.occupation.q,
        s: o.occupation.s,
        lastWorkingDay: o.risk?.lastWorkingDay ?? null,
        basisAmount: o.risk?.basisAmount ?? (0 as Cents),
        stable: o.risk?.stable ?? 0,
        period: period && {
          start: period.start,
          end: period.end,
          days: period.days.length,
          codes: codeCounts(period.days.map((x) => x.code)),
        },
      };
    }),
    serviceEnd: d.serviceEnd,
  };
}

/** What a ZIMA006 form declares, for the reports and the payslip copy. */
function zima006Declared(d: Zima006Declaration, form: DeclaredForm): Zima006Content {
  const { resumptionDate, resumptionId, absenceId, absenceKind, deadline, requestTicket } = d;
  return { ...form, resumptionDate, resumptionId, absenceId, absenceKind, deadline, requestTicket };
}

/** What a ZIMA005 form declares, for the reports and the payslip copy. */
function zima005Declared(d: Zima005Declaration, form: DeclaredForm): Zima005Content {
  return {
    ...form,
    holidayYear: d.holidayYear,
    subRisk: d.subRisk,
    holidaySector: d.holidaySector,
    adaptedWork: d.adaptedWork,
    details: d.details,
    totalDays: d.details.reduce((sum, line) => sum + line.days, 0),
  };
}

/** A unit's subject and the other assignments it concerns, on its line only when it has them. */
function subjectOf(unit: DecisionUnit): { subject?: string; alsoConcerns?: DecisionUnit["alsoConcerns"] } {
  return {
    ...(unit.subject ? { subject: unit.subject } : {}),
    ...(unit.alsoConcerns && unit.alsoConcerns.length > 0 ? { alsoConcerns: unit.alsoConcerns } : {}),
  };
}

/** The line of a declared unit: what its form said, per form type. */
function declaredLine(
  unit: DecisionUnit,
  d: Declaration,
  placement: FormPlacement,
  flags: readonly DeclarationFlag[] | undefined,
): DeclaredUnitLine {
  const head = {
    kind: "unit",
    staffId: unit.staffId,
    assignmentId: unit.assignmentId,
    referencePeriod: unit.referencePeriod,
    status: "declared",
    ...subjectOf(unit),
    context: unit.context,
  } as const;
  const tail = flags && flags.length > 0 ? { flags } : {};
  const line = <T extends FormType>(
    formType: T,
    declared: DeclaredContentOf<T>,
    facts: Scenario6Facts | null = null,
  ): DeclaredUnitLineOf<T> => ({
    ...head,
    formType,
    facts,
    declared,
    ...tail,
  });
  // What every form says: where it went, the occupation's Q and S and its theoretical monthly salary.
  const form: DeclaredForm = { ...placement, s: d.occupation.s, q: d.occupation.q, theoreticalSalary: d.occupation.monthlySalary };
  switch (d.formType) {
    case "WECH003": {
      const { occupationStartingDate, maintenanceOfRights, dbrInCompanyPlan, fulltimeRequest } = d;
      return line(d.formType, { ...form, occupationStartingDate, maintenanceOfRights, dbrInCompanyPlan, fulltimeRequest });
    }
    case "WECH006": {
      const { occupationStartingDate, occupationEndingDate, occupationInterruption, theoreticalSalary, exactSalary } = d;
      const assignmentIds = d.assignmentIds.length > 1 ? d.assignmentIds : null;
      const declared = {
        ...form,
        q: d.meanWorkingHours,
        theoreticalSalary,
        occupationStartingDate,
        occupationEndingDate,
        occupationInterruption,
        assignmentIds,
        exactSalary,
      };
      return line(d.formType, declared, d.facts);
    }
    case "ZIMA002":
      return line(d.formType, zima002Declared(d, form));
    case "ZIMA003":
      return line(d.formType, zima003Declared(d, form));
    case "ZIMA005":
      return line(d.formType, zima005Declared(d, form));
    case "ZIMA006":
      return line(d.formType, zima006Declared(d, form));
    case "ZIMA001":
      return line(d.formType, zima001Declared(d, form));
    default:
      return unreachable(d, "declaration");
  }
}

/** Where a declared form went and what it is: its sequence number, and whether it modifies an accepted form. */
type FormPlacement = Pick<DeclaredForm, "sequenceNbr" | "attestationStatus" | "referenceTicket">;

function unitLine(unit: DecisionUnit, sequenceNbr: number | undefined, modifies: StandingDeclaration | undefined): UnitLine {
  const outcome = unit.outcome;
  const head = {
    kind: "unit",
    staffId: unit.staffId,
    formType: unit.formType,
    assignmentId: unit.assignmentId,
    referencePeriod: unit.referencePeriod,
    ...subjectOf(unit),
  } as const;
  switch (outcome.status) {
    case "declared": {
      const placement = {
        sequenceNbr: sequenceNbr ?? 0,
        attestationStatus: modifies ? 1 : 0,
        referenceTicket: modifies?.ticket ?? null,
      } as const;
      return declaredLine(unit, outcome.declaration, placement, outcome.flags);
    }
    case "not-eligible":
      return {
        ...head,
        status: "not-eligible",
        reason: outcome.reason,
        detail: outcome.detail,
        context: unit.context,
        facts: outcome.facts ?? null,
      };
    case "waiting": {
      const waited = outcome.waitedMonths === undefined ? {} : { waitedMonths: outcome.waitedMonths };
      return {
        ...head,
        status: "waiting",
        reason: outcome.reason,
        ...waited,
        detail: outcome.detail,
        context: unit.context,
        facts: outcome.facts ?? null,
      };
    }
    case "rejected": {
      // The value that broke the rule, and the detail that quotes it, with every INSZ-shaped run masked.
      const { table, recordId, field, value } = withMaskedValue(outcome.problem);
      return {
        ...head,
        status: "rejected",
        rule: outcome.rule,
        detail: maskInszInText(outcome.detail),
        context: unit.context,
        facts: null,
        record: { table, recordId, field, value },
      };
    }
    default:
      return unreachable(outcome, "unit outcome");
  }
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
      recordFormat: RECORD_FORMAT,
      staffId: decision.staffId,
      lastName: identity?.lastName ?? null,
      firstName: identity?.firstName ?? null,
      inszMasked: identity ? maskInsz(identity.insz) : null,
      status: decision.status,
      reason: decision.reason,
      notifications: decision.notifications,
      windows: decision.windows,
      lateNotifications: decision.lateNotifications,
      notes: decision.notes,
    },
  ];
  decision.units.forEach((unit, index) => lines.push(unitLine(unit, placements.get(index), modifications.get(index))));
  for (const { cancellation, sequenceNbr } of cancellations) {
    const d = cancellation.replaces;
    lines.push({
      kind: "cancellation",
      staffId: decision.staffId,
      formType: d.formType,
      assignmentId: d.assignmentId,
      referencePeriod: d.referencePeriod,
      ...(d.subject ? { subject: d.subject } : {}),
      referenceTicket: d.ticket ?? "",
      reason: cancellation.because,
      sequenceNbr,
    });
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
    const text = withSharedContexts(decisionLines(decision, placements, modifications, cancellations))
      .map((line) => JSON.stringify(line))
      .join("\n");
    await this.sink.write(`${text}\n`);
  }

  async close(): Promise<void> {
    await this.sink.end();
  }
}
