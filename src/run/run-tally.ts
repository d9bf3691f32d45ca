/**
 * Counts of one run for run-summary.json (src/run-record/run-summary.ts), in the one account of
 * domain.md D26: per person and per form type, considered = declared + not eligible (per reason) +
 * waiting (per reason) + rejected (per rule) + unchanged; plus the rejected records and the notes.
 */
import { sumCents, ZERO_CENTS } from "../domain/money";
import type { NotEligibleReason, RecordProblem, RejectionRule, WaitingReason } from "../domain/outcome-codes";
import { grossOf } from "../rules/declared-gross";
import { FORM_TYPES, type FormType, type PersonDecision, perFormType } from "../rules/decision-types";
import { carriesGross, type FormTypeCounts, type OutcomeCounts, type RejectedRecords } from "../run-record/run-summary";
import { EN } from "../texts/en";
import { withMaskedValue } from "../util/insz-masking";
import type { ReconciledPerson } from "./apply-reconciliation";

function emptyCounts(): OutcomeCounts {
  return {
    considered: 0,
    declared: 0,
    notEligible: 0,
    waiting: 0,
    rejected: 0,
    unchanged: 0,
    notEligibleByReason: {},
    waitingByReason: {},
    rejectedByRule: {},
  };
}

function bump<K extends string>(map: Partial<Record<K, number>>, key: K, by = 1): void {
  if (by !== 0) map[key] = (map[key] ?? 0) + by;
}

export class RunTally {
  readonly persons: OutcomeCounts = emptyCounts();
  readonly forms: Record<FormType, FormTypeCounts> = perFormType((formType) => ({
    ...emptyCounts(),
    originals: 0,
    modifications: 0,
    cancellations: 0,
    flagged: {},
    ...(carriesGross(formType) ? { originalsGross: ZERO_CENTS } : {}),
  }));
  readonly rejectedRecords: RejectedRecords = { count: 0, byRule: {}, items: [] };
  readonly notes: string[] = [];

  /** Records that belong to no person of the run (their staff_id is no staff member's): rejected, counted, listed. */
  addUnowned(problems: readonly RecordProblem[]): void {
    this.addRejectedRecords(null, problems);
  }

  /** Where a broken record enters run-summary.json and the console: its value with every INSZ-shaped run masked. */
  private addRejectedRecords(staffId: number | null, problems: readonly RecordProblem[]): void {
    for (const problem of problems) {
      this.rejectedRecords.count++;
      bump(this.rejectedRecords.byRule, problem.rule);
      this.rejectedRecords.items.push({ staffId, ...withMaskedValue(problem), explanation: EN.rejectionRules[problem.rule] });
    }
  }

  /** One person of the run, after the reconciliation: their units, cancellations, unchanged and waiting forms. */
  add(person: ReconciledPerson): void {
    const decision = person.decision;
    this.addPerson(decision);
    for (const [index, unit] of decision.units.entries()) {
      const counts = this.forms[unit.formType];
      counts.considered++;
      const outcome = unit.outcome;
      if (outcome.status === "declared") {
        counts.declared++;
        for (const flag of outcome.flags ?? []) bump(counts.flagged, flag);
        if (person.modifications.has(index)) counts.modifications++;
        else {
          counts.originals++;
          // A modification restates a form declared before: its gross is not new (summed, a correction would count twice).
          const gross = grossOf(outcome.declaration);
          if (gross !== null) counts.originalsGross = sumCents([counts.originalsGross ?? ZERO_CENTS, gross]);
        }
      } else if (outcome.status === "not-eligible") {
        counts.notEligible++;
        bump(counts.notEligibleByReason, outcome.reason);
      } else if (outcome.status === "waiting") {
        counts.waiting++;
        bump(counts.waitingByReason, outcome.reason);
      } else {
        counts.rejected++;
        bump(counts.rejectedByRule, outcome.rule);
      }
    }
    for (const c of person.cancellations) {
      const counts = this.forms[c.replaces.formType];
      counts.considered++;
      counts.declared++;
      counts.cancellations++;
    }
    for (const formType of FORM_TYPES) {
      const counts = this.forms[formType];
      const unchanged = decision.previouslyDeclared[formType] + decision.previouslyDecided[formType];
      counts.unchanged += unchanged;
      counts.waiting += person.waitingWithoutUnit[formType];
      bump(counts.waitingByReason, "WAITING_FOR_ANSWER", person.waitingWithoutUnit[formType]);
      counts.considered += unchanged + person.waitingWithoutUnit[formType];
    }
    this.addRejectedRecords(decision.staffId, decision.problems);
    this.notes.push(...decision.notes.map((n) => `staff ${decision.staffId}: ${n}`));
  }

  private addPerson(decision: PersonDecision): void {
    const p = this.persons;
    p.considered++;
    switch (decision.status) {
      case "declared":
        p.declared++;
        break;
      case "rejected":
        p.rejected++;
        bump(p.rejectedByRule, firstRejectedRule(decision) ?? decision.problems[0]?.rule ?? "PERSON_DATA_REJECTED");
        break;
      case "waiting":
        p.waiting++;
        bump(p.waitingByReason, (decision.reason as WaitingReason | null) ?? "WAITING_FOR_ANSWER");
        break;
      case "not-eligible":
        p.notEligible++;
        if (decision.reason) bump(p.notEligibleByReason, decision.reason as NotEligibleReason);
        break;
      case "unchanged":
        p.unchanged++;
        break;
    }
  }
}

function firstRejectedRule(decision: PersonDecision): RejectionRule | null {
  for (const unit of decision.units) if (unit.outcome.status === "rejected") return unit.outcome.rule;
  return null;
}
