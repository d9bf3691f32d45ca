/**
 * Month over month: what each of the last 13 run months declared, per form type, for the operators to
 * compare this month with the ones before it (issue 16). Read from the state, not from the run folders:
 * each completed run keeps its counts there (the run table's `summary`: the persons, forms and files of
 * run-summary.json), so one query gives every month, whatever happened to the folders since.
 *
 * A month adds up its completed runs of the environment (a dry run is never in the state): a later run
 * of a month declares only what the earlier ones did not (new data, accepted reissues), so the forms
 * declared, their corrections and their gross are the sums; what is not declared (not eligible, waiting,
 * rejected) is the latest run's own count (a re-run counts what it decided on the same facts as unchanged). A month without a run is a gap (`run: null`), never
 * zeros: nothing was run, which is not "nothing declared".
 * What a stored summary does not say is unknown (null), never 0: a form type the run did not know yet, the
 * gross in summaries written before 2026-12.
 *
 * The shaping is pure ({@link monthOverMonth}); {@link loadMonthOverMonth} only adds the one query.
 */
import type { Cents } from "../src/domain/money";
import { addMonths, monthsFromTo, type YearMonth } from "../src/domain/year-month";
import { FORM_TYPES, type FormType, perFormType } from "../src/rules/decision-types";
import { carriesGross, type GrossFormType } from "../src/run-record";
import type { CompletedRunSummary, RunRepository } from "../src/state/run-repository";

/** This run month and the twelve before it. */
const MONTHS_COMPARED = 13;

/** What one run declared and decided of one form type (the counts of run-summary.json's `forms`). */
export interface FormTypeMonth {
  readonly declared: number;
  /** Of the declared: modifications and cancellations of forms sent before (null: the summary does not say). */
  readonly modifications: number | null;
  readonly cancellations: number | null;
  readonly notEligible: number;
  readonly waiting: number;
  readonly rejected: number;
  /** The gross the forms declare, in cents (WECH006, ZIMA002); null when unknown or not a form type with an amount. */
  readonly originalsGross: Cents | null;
}

/** The runs of a month: the latest's id and, per form type, what they did (null: a summary does not say). */
export interface MonthRun {
  /** The month's latest completed run. */
  readonly runId: number;
  readonly forms: Readonly<Record<FormType, FormTypeMonth | null>>;
}

export interface MonthEntry {
  readonly month: YearMonth;
  /** Null: no completed run of the environment in this month (a gap). */
  readonly run: MonthRun | null;
}

export interface MonthOverMonth {
  readonly environment: string;
  /** The run month compared: the last of {@link months}. */
  readonly runMonth: YearMonth;
  /** {@link MONTHS_COMPARED} months, oldest first. */
  readonly months: readonly MonthEntry[];
}

/** The months compared with `runMonth`: the twelve before it and itself, oldest first. */
export function comparedMonths(runMonth: YearMonth): YearMonth[] {
  return monthsFromTo(addMonths(runMonth, 1 - MONTHS_COMPARED), runMonth);
}

/**
 * The months compared with `runMonth`, each with its runs among `runs` added up (completed runs of the
 * environment, in any order; those of other months are left out).
 */
export function monthOverMonth(environment: string, runMonth: YearMonth, runs: readonly CompletedRunSummary[]): MonthOverMonth {
  const byMonth = new Map<YearMonth, CompletedRunSummary[]>();
  for (const run of [...runs].sort((a, b) => a.id - b.id)) byMonth.set(run.month, [...(byMonth.get(run.month) ?? []), run]);
  const months = comparedMonths(runMonth).map((month): MonthEntry => {
    const monthRuns = byMonth.get(month);
    if (monthRuns === undefined) return { month, run: null };
    const latest = monthRuns[monthRuns.length - 1];
    const counts = monthRuns.map((run) => storedFormCounts(run.summary));
    return { month, run: { runId: latest.id, forms: perFormType((f) => addedUp(counts.map((c) => c[f]))) } };
  });
  return { environment, runMonth, months };
}

/** One form type over a month's runs, oldest first: declared forms and amounts summed, the rest the latest's; unknown if one is. */
function addedUp(runs: readonly (FormTypeMonth | null)[]): FormTypeMonth | null {
  if (runs.some((run) => run === null)) return null;
  const known = runs as readonly FormTypeMonth[];
  const sum = <T extends number>(pick: (run: FormTypeMonth) => T | null): T | null => {
    const values = known.map(pick);
    return values.some((value) => value === null) ? null : (values.reduce<number>((n, value) => n + value!, 0) as T);
  };
  return {
    ...known[known.length - 1],
    declared: sum((run) => run.declared)!,
    modifications: sum((run) => run.modifications),
    cancellations: sum((run) => run.cancellations),
    originalsGross: sum((run) => run.originalsGross),
  };
}

/**
 * The 13 months of `runMonth` in `environment` as run `runId` saw them, from the state in one query: the
 * runs up to it (the reports of an earlier run, made again later, do not take in the runs after it).
 */
export async function loadMonthOverMonth(
  runs: Pick<RunRepository, "completedRunSummaries">,
  environment: string,
  runMonth: YearMonth,
  runId: number,
): Promise<MonthOverMonth> {
  const months = comparedMonths(runMonth);
  const completed = await runs.completedRunSummaries(environment, months[0], runMonth);
  return monthOverMonth(
    environment,
    runMonth,
    completed.filter((run) => run.id <= runId),
  );
}

/**
 * The per-form-type counts of a stored summary (`StoredRunSummary`, src/run-record/run-summary.ts).
 * Read leniently: the state keeps summaries of every version, and a report must not fail on an old or
 * damaged one — what cannot be read is unknown.
 */
export function storedFormCounts(summary: string | null): Record<FormType, FormTypeMonth | null> {
  const forms = formsOf(summary);
  return perFormType((formType) => formTypeMonth(formType, forms?.[formType]));
}

function formsOf(summary: string | null): Record<string, unknown> | null {
  if (summary === null) return null;
  try {
    const parsed: unknown = JSON.parse(summary);
    const forms = isRecord(parsed) ? parsed.forms : null;
    return isRecord(forms) ? forms : null;
  } catch {
    return null;
  }
}

function formTypeMonth(formType: FormType, stored: unknown): FormTypeMonth | null {
  if (!isRecord(stored)) return null;
  const count = (key: string): number | null => {
    const value = stored[key];
    return isCount(value) ? value : null;
  };
  const [declared, modifications, cancellations, notEligible, waiting, rejected] = [
    "declared",
    "modifications",
    "cancellations",
    "notEligible",
    "waiting",
    "rejected",
  ].map(count);
  if (declared === null || notEligible === null || waiting === null || rejected === null) return null;
  const gross = stored.originalsGross;
  return {
    declared,
    modifications,
    cancellations,
    notEligible,
    waiting,
    rejected,
    originalsGross: carriesGross(formType) && Number.isSafeInteger(gross) ? (gross as Cents) : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A column total over the months compared: the sum of the known values, and the months (with a run) whose value is unknown. */
export interface WindowTotal<T extends number> {
  readonly known: T;
  readonly unknownMonths: readonly YearMonth[];
}

/** The declared forms of a form type over the months compared. */
export function declaredTotal(data: MonthOverMonth, formType: FormType): WindowTotal<number> {
  return windowTotal(data, (run) => run.forms[formType]?.declared ?? null);
}

/** The declared gross of a form type over the months compared, in cents. */
export function grossTotal(data: MonthOverMonth, formType: GrossFormType): WindowTotal<Cents> {
  return windowTotal(data, (run) => run.forms[formType]?.originalsGross ?? null) as WindowTotal<Cents>;
}

/** The declared forms of every form type in one month's run; null when one of them is unknown. */
export function declaredInMonth(run: MonthRun): number | null {
  let total = 0;
  for (const formType of FORM_TYPES) {
    const declared = run.forms[formType]?.declared;
    if (declared === undefined) return null;
    total += declared;
  }
  return total;
}

function windowTotal(data: MonthOverMonth, valueOf: (run: MonthRun) => number | null): WindowTotal<number> {
  let known = 0;
  const unknownMonths: YearMonth[] = [];
  for (const { month, run } of data.months) {
    if (run === null) continue;
    const value = valueOf(run);
    if (value === null) unknownMonths.push(month);
    else known += value;
  }
  return { known, unknownMonths };
}
