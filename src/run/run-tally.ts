/**
 * Counts of one run for run-summary.json: per person and per form type, declared / not eligible (per
 * reason) / rejected (per rule), which must add up to what was considered; plus the rejected records.
 */
import { type NotEligibleReason, type RecordProblem, REJECTION_RULES, type RejectionRule } from "../domain/outcome-codes";
import { FORM_TYPES, type FormType, type PersonDecision, perFormType } from "../rules/decision-types";
import type { ReconciledPerson } from "./apply-reconciliation";

export interface OutcomeCounts {
  considered: number;
  declared: number;
  notEligible: number;
  rejected: number;
  notEligibleByReason: Partial<Record<NotEligibleReason, number>>;
  rejectedByRule: Partial<Record<RejectionRule, number>>;
}

/** A record that breaks the contract, as the operator needs it to fix the source: table, row, column, rule, value. */
export interface RejectedRecordItem extends RecordProblem {
  readonly staffId: number;
  readonly explanation: string;
}

export interface FormTypeCounts extends OutcomeCounts {
  /** Units declared by an earlier run: not decided again, not counted as considered. */
  previouslyDeclared: number;
  /** Units found not eligible by an earlier run on the same facts: not decided again, not counted as considered. */
  previouslyDecided: number;
  /** Of the declared: modifications (AttestationStatus 1) of accepted forms whose content changed. */
  modifications: number;
  /** Cancellations (AttestationStatus 3) of accepted forms that should not exist any more (forms in the file besides the declared). */
  cancellations: number;
  /** Declared forms whose answer has not come yet: not corrected until it has. */
  waiting: number;
  /** Refused forms whose data has not changed since the refusal: not sent again until fixed. */
  refusedUnchanged: number;
}

function emptyCounts(): OutcomeCounts {
  return { considered: 0, declared: 0, notEligible: 0, rejected: 0, notEligibleByReason: {}, rejectedByRule: {} };
}

function bump<K extends string>(map: Partial<Record<K, number>>, key: K): void {
  map[key] = (map[key] ?? 0) + 1;
}

export class RunTally {
  readonly persons: OutcomeCounts = emptyCounts();
  readonly forms: Record<FormType, FormTypeCounts> = perFormType(() => ({
    ...emptyCounts(),
    previouslyDeclared: 0,
    previouslyDecided: 0,
    modifications: 0,
    cancellations: 0,
    waiting: 0,
    refusedUnchanged: 0,
  }));
  readonly rejectedRecords: { count: number; byRule: Partial<Record<RejectionRule, number>>; items: RejectedRecordItem[] } = { count: 0, byRule: {}, items: [] };
  readonly notes: string[] = [];

  /** The corrections of a reconciled person: modifications among the declared, cancellations, waiting forms. */
  addCorrections(person: ReconciledPerson): void {
    for (const index of person.modifications.keys()) this.forms[person.decision.units[index].formType].modifications++;
    for (const c of person.cancellations) this.forms[c.replaces.formType].cancellations++;
    for (const formType of FORM_TYPES) {
      this.forms[formType].waiting += person.waiting[formType];
      this.forms[formType].refusedUnchanged += person.refusedUnchanged[formType];
    }
  }

  add(decision: PersonDecision): void {
    this.persons.considered++;
    if (decision.status === "declared") this.persons.declared++;
    else if (decision.status === "rejected") {
      this.persons.rejected++;
      bump(this.persons.rejectedByRule, firstRejectedRule(decision) ?? decision.problems[0]?.rule ?? "PERSON_DATA_REJECTED");
    } else {
      this.persons.notEligible++;
      if (decision.reason) bump(this.persons.notEligibleByReason, decision.reason);
    }
    for (const unit of decision.units) {
      const counts = this.forms[unit.formType];
      counts.considered++;
      const outcome = unit.outcome;
      if (outcome.status === "declared") counts.declared++;
      else if (outcome.status === "not-eligible") {
        counts.notEligible++;
        bump(counts.notEligibleByReason, outcome.reason);
      } else {
        counts.rejected++;
        bump(counts.rejectedByRule, outcome.rule);
      }
    }
    for (const formType of FORM_TYPES) {
      this.forms[formType].previouslyDeclared += decision.previouslyDeclared[formType];
      this.forms[formType].previouslyDecided += decision.previouslyDecided[formType];
    }
    for (const problem of decision.problems) {
      this.rejectedRecords.count++;
      bump(this.rejectedRecords.byRule, problem.rule);
      this.rejectedRecords.items.push({ staffId: decision.staffId, ...problem, explanation: REJECTION_RULES[problem.rule].en });
    }
    this.notes.push(...decision.notes.map((n) => `staff ${decision.staffId}: ${n}`));
  }
}

function firstRejectedRule(decision: PersonDecision): RejectionRule | null {
  for (const unit of decision.units) if (unit.outcome.status === "rejected") return unit.outcome.rule;
  return null;
}
