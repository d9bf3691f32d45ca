/**
 * run-summary.json: the account of one run (domain.md D26) — per person and per form type, considered =
 * declared + not eligible (per reason) + waiting (per reason) + rejected (per rule) + unchanged — with
 * the rejected records, the files written, the notes and warnings. The run writes it beside
 * decisions.jsonl; the reports read both.
 */
import type { Cents } from "../domain/money";
import type { DeclarationFlag, NotEligibleReason, RecordProblem, RejectionRule, WaitingReason } from "../domain/outcome-codes";
import type { YearMonth } from "../domain/year-month";
import type { Environment } from "../files/batch-file-name";
import type { EmployerIdentity } from "../forms/form-envelope";
import type { FormType } from "../rules/decision-types";

export interface OutcomeCounts {
  considered: number;
  declared: number;
  notEligible: number;
  waiting: number;
  rejected: number;
  unchanged: number;
  notEligibleByReason: Partial<Record<NotEligibleReason, number>>;
  waitingByReason: Partial<Record<WaitingReason, number>>;
  rejectedByRule: Partial<Record<RejectionRule, number>>;
}

export interface FormTypeCounts extends OutcomeCounts {
  /** Of the declared: originals (AttestationStatus 0). */
  originals: number;
  /** Of the declared: modifications (AttestationStatus 1) of accepted forms whose content changed. */
  modifications: number;
  /** Of the declared: cancellations (AttestationStatus 3) of accepted forms that should not exist any more. */
  cancellations: number;
  /** Of the declared: the forms carrying a flag for the operator, per flag. */
  flagged: Partial<Record<DeclarationFlag, number>>;
  /**
   * The gross the run's original forms of this type declare (AttestationStatus 0), in cents: WECH006 its
   * ExactSalary (zone 00124), ZIMA002 its exact wages (zone 00124 of every period, sub-risk 2). Not the
   * modifications (they restate a form declared before) nor the cancellations. Only on the form types that
   * carry an amount, and absent from the summaries written before 2026-12: absent is "unknown", never 0.
   */
  originalsGross?: Cents;
}

/** The form types whose forms declare a gross (see {@link FormTypeCounts.originalsGross}). */
export const GROSS_FORM_TYPES = ["WECH006", "ZIMA002"] as const satisfies readonly FormType[];
export type GrossFormType = (typeof GROSS_FORM_TYPES)[number];

export function carriesGross(formType: FormType): formType is GrossFormType {
  return (GROSS_FORM_TYPES as readonly FormType[]).includes(formType);
}

/** A record that breaks the contract, as the operator needs it to fix the source: table, row, column, rule, value. */
export interface RejectedRecordItem extends RecordProblem {
  /** Null for a record of no staff member (an assignment or salary line whose staff_id is no staff id). */
  readonly staffId: number | null;
  readonly explanation: string;
}

/** The records of the run that break the contract: how many, per rule, and each one. */
export interface RejectedRecords {
  count: number;
  byRule: Partial<Record<RejectionRule, number>>;
  items: RejectedRecordItem[];
}

/** A declaration file the run wrote, with its GO file. */
export interface WrittenFile {
  readonly formType: FormType;
  readonly fileName: string;
  readonly goFileName: string;
  /** The FS signature file, when the run signed (a signing certificate configured). */
  readonly signatureFileName?: string;
  readonly forms: number;
  readonly sha256: string;
  readonly bytes: number;
}

export interface RunSummary {
  readonly runId: number | null;
  /** Which easr made it: `easr <version> (commit <commit>)`; none in summaries before 2026-12. */
  readonly toolVersion?: string;
  readonly runMonth: YearMonth;
  readonly environment: Environment;
  readonly dryRun: boolean;
  readonly cutoffAt: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly employer: EmployerIdentity;
  readonly previousRun: { readonly runId: number; readonly finishedAt: string | null } | null;
  readonly persons: OutcomeCounts;
  readonly forms: Record<FormType, FormTypeCounts>;
  readonly rejectedRecords: RejectedRecords;
  readonly files: readonly WrittenFile[];
  readonly outputDir: string;
  readonly summaryFile: string | null;
  /** decisions.jsonl of this run (null when nothing new was decided and nothing kept). */
  readonly decisionsFile: string | null;
  /** "" for the first run of a month folder, "-run<id>" for a later one: report file names carry it. */
  readonly reportSuffix: string;
  readonly message: string;
  readonly notes: readonly string[];
  /**
   * What the operator must know besides the month's decisions: a threshold below the RVA limit (D16),
   * files out whose FI or GO file is gone, runs whose reports are owed.
   */
  readonly warnings: readonly string[];
}

/** The FI file of the run that holds the forms of a form type, if it wrote one. */
export function fileNameOf(summary: RunSummary, formType: FormType): string | null {
  return summary.files.find((file) => file.formType === formType)?.fileName ?? null;
}

/**
 * What the state keeps of a completed run's summary (`easr_run.summary`, JSON): its counts and its files'
 * names. The month over month reads it back (reports/month-over-month.ts), leniently: the summaries of
 * earlier versions lack fields this one writes.
 */
export interface StoredRunSummary {
  readonly persons: OutcomeCounts;
  readonly forms: Record<FormType, FormTypeCounts>;
  readonly files: readonly string[];
}

/** The run's summary as the state keeps it. */
export function storedRunSummary(summary: RunSummary): string {
  const stored: StoredRunSummary = { persons: summary.persons, forms: summary.forms, files: summary.files.map((f) => f.fileName) };
  return JSON.stringify(stored);
}
