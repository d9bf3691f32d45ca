/**
 * The operator workbook of one run (`<out>/<YYYY-MM>/report-<YYYY-MM>.xlsx`): what the run declared,
 * what it did not and why, for the payroll operators who check the monthly batch.
 *
 * Sheets, one table each (frozen header, autofilter, widths, euro and date formats):
 * - Summary: the run's identity and files, then counts and euro totals per form type, agency, level
 *   and school board, and the breakdowns per reason and rule;
 * - Declared: one row per declared form, of every form type (the ZIMA columns: sub-risk, periods or
 *   holiday year, ZIMA002 gross, ZIMA005 holiday days);
 * - ZIMA002 periods: one row per reference period of every declared ZIMA002 form (adapted Q and days,
 *   services, day natures, exact wages, severance);
 * - ZIMA005 holidays: one row per declared ZIMA005 form (holiday year, sub-risk, sector, details);
 * - Not eligible: one row per not-eligible decision unit, and per not-eligible person without units
 *   (a notification after the cut-off, no window, no assignment in the window), with the reason in
 *   Dutch and English with its values. Unchanged persons (nothing new since they were last decided) are
 *   not listed: they are counted on the Summary sheet;
 * - Waiting: one row per unit decided by a later run or by the operator (D26): a person-month waiting
 *   for its pay with how long it has waited (D17), a correction waiting for an answer or for refused
 *   data to be fixed, and a correction held because a rule changed while the data did not (D27);
 * - Rejected: every decision unit blocked by a record that breaks the contract, and every such record;
 * - Anomalies: one row per anomaly social security reported on a form (given by the caller, normally
 *   those ingested since the environment's previous completed run), empty when there are none.
 *
 * Memory stays flat whatever the month's size: decisions.jsonl is streamed person by person, once
 * (with the other reports of the run, see person-reports.ts); the totals are kept per group (form type,
 * agency, level, board), the rows of the detail sheets wait in spool files in a temporary folder next
 * to the workbook (`.report-rows-XXXXXX`, see row-spool.ts) until the Summary sheet, which comes first,
 * is written; every sheet is written and
 * closed before the next is opened.
 */
import { type Cents, formatEuro, sumCents, ZERO_CENTS } from "../src/domain/money";
import {
  type DeclarationFlag,
  isNotEligibleReason,
  type NotEligibleReason,
  type RejectionRule,
  type WaitingReason,
} from "../src/domain/outcome-codes";
import { formTypeModule } from "../src/form-types/registry";
import type { PayByCode } from "../src/rules/decision-types";
import { RULES_CHANGES, RULES_VERSION } from "../src/rules/rules-version";
import {
  type DeclaredUnitLine,
  fileNameOf,
  type NotEligibleUnitLine,
  type PersonLine,
  type RejectedUnitLine,
  type RunSummary,
  type UnitLine,
  type WaitingUnitLine,
  type Zima002Content,
  type Zima002PeriodContent,
  type Zima005Content,
} from "../src/run-record";
import { occupationStartingDate, subRiskOf, wech006Content, zima002Content, zima005Content } from "../src/run-record/declared-views";
import { EN } from "../src/texts/en";
import { NL } from "../src/texts/nl";
import type { Texts } from "../src/texts/texts";
import type { AnomalyReportRow } from "../src/state/anomaly-report-repository";
import { maskInszInText } from "../src/util/insz-masking";
import { basename, dirname, join } from "node:path";
import { existsSync } from "node:fs";
import type { PersonDecisions } from "./decision-reader";
import { notEligibleTexts, type ReasonFrame, type ReasonTexts } from "./not-eligible-detail";
import {
  type AutoValue,
  type ColumnDefinition,
  fractionText,
  type StreamingWorkbook,
  TableSheet,
  writeWorkbookAtomically,
} from "./excel-cells";
import { type PersonReport, writeReport } from "./person-reports";
import { RowSpool, type SheetOverflow } from "./row-spool";

export interface OperatorWorkbookInput {
  readonly summary: RunSummary;
  readonly decisionsPath: string;
  readonly outputPath: string;
  /** The anomalies to list on the Anomalies sheet (none when absent). */
  readonly anomalies?: readonly AnomalyReportRow[];
  /** Rows a detail sheet shows at most before its complete list goes to a CSV (default {@link OPERATOR_SHEET_ROW_LIMIT}). */
  readonly sheetRowLimit?: number;
}

export const OPERATOR_SHEETS = {
  summary: "Summary",
  declared: "Declared",
  zima002Periods: "ZIMA002 periods",
  zima005Holidays: "ZIMA005 holidays",
  notEligible: "Not eligible",
  waiting: "Waiting",
  rejected: "Rejected",
  anomalies: "Anomalies",
} as const;

// ---------------------------------------------------------------------------------------------
// Totals per group (first pass)

interface GroupTotals {
  readonly key: string;
  label: string;
  declared: number;
  notEligible: number;
  waiting: number;
  rejected: number;
  persons: number;
  /** ExactSalary of the declared WECH006 forms. */
  gross: Cents;
  /** Exact wages of the declared ZIMA002 forms (sub-risk 2). */
  zimaGross: Cents;
  /** Holiday days (x 100) of the declared ZIMA005 forms. */
  holidayDays: number;
}

class GroupTally {
  readonly groups = new Map<string, GroupTotals>();

  group(key: string, label: string): GroupTotals {
    let group = this.groups.get(key);
    if (!group) {
      group = {
        key,
        label,
        declared: 0,
        notEligible: 0,
        waiting: 0,
        rejected: 0,
        persons: 0,
        gross: ZERO_CENTS,
        zimaGross: ZERO_CENTS,
        holidayDays: 0,
      };
      this.groups.set(key, group);
    }
    if (!group.label && label) group.label = label;
    return group;
  }

  sorted(compare: (a: GroupTotals, b: GroupTotals) => number = (a, b) => a.key.localeCompare(b.key)): GroupTotals[] {
    return [...this.groups.values()].sort(compare);
  }
}

const UNKNOWN = "(unknown)";

interface RunTotals {
  readonly formTypes: GroupTally;
  readonly agencies: GroupTally;
  readonly levels: GroupTally;
  readonly boards: GroupTally;
}

function emptyTotals(): RunTotals {
  return { formTypes: new GroupTally(), agencies: new GroupTally(), levels: new GroupTally(), boards: new GroupTally() };
}

/** Adds one person's decisions to the totals. */
function addToTotals(totals: RunTotals, { units }: PersonDecisions): void {
  const touched = new Set<GroupTotals>();
  for (const unit of units) {
    const c = unit.context;
    const groups = [
      totals.formTypes.group(unit.formType, formTypeModule(unit.formType).labels.title),
      totals.agencies.group(c.agency ?? UNKNOWN, c.agency ? (NL.agencies[c.agency] ?? "") : ""),
      totals.levels.group(c.level ?? UNKNOWN, c.level ? (NL.levels[c.level] ?? "") : ""),
      totals.boards.group(c.boardId === null ? UNKNOWN : String(c.boardId), c.boardName ?? ""),
    ];
    for (const group of groups) {
      touched.add(group);
      if (unit.status === "declared") {
        group.declared++;
        if (unit.formType === "WECH006") group.gross = sumCents([group.gross, wech006Content(unit)?.exactSalary ?? ZERO_CENTS]);
        if (unit.formType === "ZIMA002") group.zimaGross = sumCents([group.zimaGross, zima002Content(unit)?.totalGross ?? ZERO_CENTS]);
        if (unit.formType === "ZIMA005") group.holidayDays += zima005Content(unit)?.totalDays ?? 0;
      } else if (unit.status === "not-eligible") group.notEligible++;
      else if (unit.status === "waiting") group.waiting++;
      else group.rejected++;
    }
  }
  for (const group of touched) group.persons++;
}

// ---------------------------------------------------------------------------------------------
// Summary sheet

interface SummaryRow {
  readonly section: string;
  readonly key?: string;
  readonly label?: string;
  readonly value?: AutoValue | null;
  readonly declared?: number;
  readonly persons?: number;
  readonly notEligible?: number;
  readonly waiting?: number;
  readonly rejected?: number;
  readonly unchanged?: number;
  readonly gross?: Cents;
  readonly zimaGross?: Cents;
  readonly holidayDays?: number;
}

const SUMMARY_COLUMNS: readonly ColumnDefinition<SummaryRow>[] = [
  { header: "Section", width: 22, kind: "text", value: (r) => r.section },
  { header: "Key", width: 30, kind: "text", value: (r) => r.key },
  { header: "Label", width: 60, kind: "text", value: (r) => r.label },
  { header: "Value", width: 34, kind: "auto", value: (r) => r.value },
  { header: "Forms declared", width: 12, kind: "integer", value: (r) => r.declared },
  { header: "Persons", width: 10, kind: "integer", value: (r) => r.persons },
  { header: "Not eligible", width: 12, kind: "integer", value: (r) => r.notEligible },
  { header: "Waiting", width: 10, kind: "integer", value: (r) => r.waiting },
  { header: "Rejected", width: 10, kind: "integer", value: (r) => r.rejected },
  { header: "Unchanged", width: 11, kind: "integer", value: (r) => r.unchanged },
  { header: "Gross declared WECH006 (EUR)", width: 20, kind: "euro", value: (r) => r.gross },
  { header: "Gross declared ZIMA002 (EUR)", width: 20, kind: "euro", value: (r) => r.zimaGross },
  { header: "Holiday days ZIMA005", width: 14, kind: "hundredths", value: (r) => r.holidayDays },
];

function groupRows(section: string, groups: readonly GroupTotals[]): SummaryRow[] {
  return groups.map((g) => ({
    section,
    key: g.key,
    label: g.label,
    declared: g.declared,
    persons: g.persons,
    notEligible: g.notEligible,
    waiting: g.waiting,
    rejected: g.rejected,
    gross: g.gross,
    zimaGross: g.zimaGross,
    holidayDays: g.holidayDays,
  }));
}

/** D26: the one account of the run, for the persons and per form type, in the five words. */
function accountRows(summary: RunSummary): SummaryRow[] {
  const p = summary.persons;
  const rows: SummaryRow[] = [
    {
      section: "Account",
      key: "persons",
      label: "persons considered = declared + not eligible + waiting + rejected + unchanged",
      value: p.considered,
      declared: p.declared,
      notEligible: p.notEligible,
      waiting: p.waiting,
      rejected: p.rejected,
      unchanged: p.unchanged,
    },
  ];
  for (const [formType, c] of Object.entries(summary.forms)) {
    const parts = [
      c.modifications > 0 ? `${c.modifications} modifications` : "",
      c.cancellations > 0 ? `${c.cancellations} cancellations` : "",
    ].filter((t) => t);
    rows.push({
      section: "Account",
      key: formType,
      label: `${formType} units considered = declared + not eligible + waiting + rejected + unchanged${parts.length > 0 ? ` (of the declared: ${parts.join(", ")})` : ""}`,
      value: c.considered,
      declared: c.declared,
      notEligible: c.notEligible,
      waiting: c.waiting,
      rejected: c.rejected,
      unchanged: c.unchanged,
    });
  }
  return rows;
}

/** The breakdowns per reason, rule and flag, for the persons and per form type; the held reissues with what changed (D27). */
function reasonRows(summary: RunSummary): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const p = summary.persons;
  for (const [reason, count] of Object.entries(p.notEligibleByReason) as [NotEligibleReason, number][]) {
    rows.push({ section: "Persons not eligible", key: reason, label: EN.notEligibleReasons[reason], value: count });
  }
  for (const [reason, count] of Object.entries(p.waitingByReason) as [WaitingReason, number][]) {
    rows.push({ section: "Persons waiting", key: reason, label: EN.waitingReasons[reason], value: count });
  }
  for (const [rule, count] of Object.entries(p.rejectedByRule) as [RejectionRule, number][]) {
    rows.push({ section: "Persons rejected", key: rule, label: EN.rejectionRules[rule], value: count });
  }
  let held = 0;
  for (const [formType, counts] of Object.entries(summary.forms)) {
    for (const [reason, count] of Object.entries(counts.notEligibleByReason) as [NotEligibleReason, number][]) {
      rows.push({ section: `${formType} not eligible`, key: reason, label: EN.notEligibleReasons[reason], notEligible: count });
    }
    for (const [reason, count] of Object.entries(counts.waitingByReason) as [WaitingReason, number][]) {
      rows.push({ section: `${formType} waiting`, key: reason, label: EN.waitingReasons[reason], waiting: count });
    }
    for (const [rule, count] of Object.entries(counts.rejectedByRule) as [RejectionRule, number][]) {
      rows.push({ section: `${formType} rejected`, key: rule, label: EN.rejectionRules[rule], rejected: count });
    }
    for (const [flag, count] of Object.entries(counts.flagged) as [DeclarationFlag, number][]) {
      rows.push({ section: `${formType} declared, flagged`, key: flag, label: EN.declarationFlags[flag], declared: count });
    }
    held += counts.waitingByReason.HELD_REISSUE ?? 0;
  }
  if (held > 0) {
    rows.push({
      section: "Held reissues",
      key: "count",
      label: "corrections a rule change caused, data unchanged: listed on the Waiting sheet; sent by a run with --accept-reissue",
      value: held,
    });
    for (const change of RULES_CHANGES[RULES_VERSION] ?? [])
      rows.push({ section: "Held reissues", key: `rules ${RULES_VERSION}`, label: change });
  }
  return rows;
}

function summaryRows(summary: RunSummary, totals: RunTotals): SummaryRow[] {
  return [
    ...runRows(summary),
    ...fileRows(summary),
    ...accountRows(summary),
    ...(summary.warnings ?? []).map((warning): SummaryRow => ({ section: "Warning", label: warning })),
    ...formTypeRows(totals),
    ...reasonRows(summary),
    ...groupRows("Agency", totals.agencies.sorted()),
    ...groupRows("Level", totals.levels.sorted()),
    ...groupRows(
      "School board",
      totals.boards.sorted((a, b) => Number(a.key) - Number(b.key) || a.key.localeCompare(b.key)),
    ),
    ...rejectedRecordRows(summary),
    ...summary.notes.map((note): SummaryRow => ({ section: "Note", label: note })),
  ];
}

/** The run itself and the employer it declares for. */
function runRows(summary: RunSummary): SummaryRow[] {
  return [
    { section: "Run", key: "month", label: "Run month", value: summary.runMonth },
    {
      section: "Run",
      key: "environment",
      label: "Environment",
      value: summary.environment === "R" ? "R (real)" : `${summary.environment} (test)`,
    },
    { section: "Run", key: "run id", label: "Run id", value: summary.runId ?? "none (dry run)" },
    { section: "Run", key: "dry run", label: "Dry run (nothing recorded)", value: summary.dryRun ? "yes" : "no" },
    { section: "Run", key: "cut-off", label: "Cut-off (uiterste betaaldatum)", value: { dateTime: summary.cutoffAt } },
    { section: "Run", key: "started", label: "Started (Brussels time)", value: { dateTime: summary.startedAt } },
    { section: "Run", key: "finished", label: "Finished (Brussels time)", value: { dateTime: summary.finishedAt } },
    {
      section: "Run",
      key: "previous run",
      label: "Earlier run of this month",
      value: summary.previousRun ? `run ${summary.previousRun.runId}, finished ${summary.previousRun.finishedAt ?? "?"}` : "none",
    },
    { section: "Run", key: "message", label: "Result", value: summary.message },
    { section: "Employer", key: "sender", label: "Batch sender number", value: summary.employer.senderNumber },
    { section: "Employer", key: "NOSS", label: "RSZ/NOSS number", value: summary.employer.nossNumber },
    { section: "Employer", key: "KBO", label: "KBO enterprise number", value: summary.employer.kboNumber },
  ];
}

/** The files the run wrote: each FI file and its GO file (none in a dry run). */
function fileRows(summary: RunSummary): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const file of summary.files) {
    rows.push({ section: "File", key: `${file.formType} FI`, label: "declaration file", value: file.fileName, declared: file.forms });
    rows.push({
      section: "File",
      key: `${file.formType} GO`,
      label: "end-of-transfer file",
      value: summary.dryRun ? "none: a dry run writes no GO file" : file.goFileName,
    });
  }
  if (summary.files.length === 0) rows.push({ section: "File", key: "none", label: "no file written" });

  return rows;
}

/** The totals per form type, and over all of them. */
function formTypeRows(totals: RunTotals): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const formTypes = totals.formTypes.sorted();
  rows.push(...groupRows("Form type", formTypes));
  const sum = (pick: (g: GroupTotals) => number): number => formTypes.reduce((n, g) => n + pick(g), 0);
  rows.push({
    section: "Form type",
    key: "total",
    label: "all form types",
    declared: sum((g) => g.declared),
    notEligible: sum((g) => g.notEligible),
    waiting: sum((g) => g.waiting),
    rejected: sum((g) => g.rejected),
    gross: sumCents(formTypes.map((g) => g.gross)),
    zimaGross: sumCents(formTypes.map((g) => g.zimaGross)),
    holidayDays: sum((g) => g.holidayDays),
  });
  return rows;
}

/** The records breaking the source contract, by rule, and those of no staff member one by one. */
function rejectedRecordRows(summary: RunSummary): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const rr = summary.rejectedRecords;
  rows.push({ section: "Rejected records", key: "count", label: "records breaking the source contract", value: rr.count });
  for (const [rule, count] of Object.entries(rr.byRule) as [RejectionRule, number][]) {
    rows.push({ section: "Rejected records", key: rule, label: EN.rejectionRules[rule], value: count });
  }
  // Records of no staff member belong to no person's rows of the Rejected sheet: listed here.
  for (const item of rr.items.filter((i) => i.staffId === null)) {
    rows.push({
      section: "Records of no staff member",
      key: `${item.table} ${item.recordId}`,
      label: `${item.field} = ${maskInszInText(item.value)}: ${EN.rejectionRules[item.rule]}`,
      value: item.rule,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Detail sheets

/** A declared form. */
interface UnitRow {
  readonly person: PersonLine;
  readonly unit: DeclaredUnitLine;
}

const who = <R extends { person: PersonLine }>(): ColumnDefinition<R>[] => [
  { header: "Staff id", width: 10, kind: "integer", value: (r) => r.person.staffId },
  { header: "Last name", width: 20, kind: "text", value: (r) => r.person.lastName },
  { header: "First name", width: 16, kind: "text", value: (r) => r.person.firstName },
  { header: "INSZ (masked)", width: 14, kind: "text", value: (r) => r.person.inszMasked },
];

/** Where a unit lies: form type, month, agency, board, institution. */
const place = <R extends { unit: UnitLine }>(): ColumnDefinition<R>[] => [
  { header: "Form type", width: 10, kind: "text", value: (r) => r.unit.formType },
  { header: "Reference month", width: 10, kind: "text", value: (r) => r.unit.referencePeriod },
  { header: "Agency", width: 10, kind: "text", value: (r) => r.unit.context.agency },
  { header: "Board id", width: 9, kind: "integer", value: (r) => r.unit.context.boardId },
  { header: "Board", width: 36, kind: "text", value: (r) => r.unit.context.boardName },
  { header: "Institution", width: 36, kind: "text", value: (r) => r.unit.context.institutionName },
];

function declaredColumns(summary: RunSummary): ColumnDefinition<UnitRow>[] {
  return [
    ...place<UnitRow>(),
    { header: "Level", width: 7, kind: "text", value: (r) => r.unit.context.level },
    { header: "Job title", width: 22, kind: "text", value: (r) => r.unit.context.jobTitle },
    { header: "Assignment", width: 11, kind: "integer", value: (r) => r.unit.assignmentId },
    ...who<UnitRow>(),
    { header: "Fraction", width: 9, kind: "text", value: (r) => fractionText(r.unit.context.numerator, r.unit.context.denominator) },
    { header: "Q (1/100 h)", width: 9, kind: "integer", value: (r) => r.unit.declared.q },
    { header: "S (1/100 h)", width: 9, kind: "integer", value: (r) => r.unit.declared.s },
    { header: "Gross ExactSalary (EUR)", width: 14, kind: "euro", value: (r) => wech006Content(r.unit)?.exactSalary },
    { header: "Theoretical salary (EUR)", width: 14, kind: "euro", value: (r) => r.unit.declared.theoreticalSalary },
    { header: "Occupation start", width: 12, kind: "date", value: (r) => occupationStartingDate(r.unit) },
    { header: "Occupation end", width: 12, kind: "date", value: (r) => wech006Content(r.unit)?.occupationEndingDate },
    { header: "Interruption 00769", width: 10, kind: "integer", value: (r) => wech006Content(r.unit)?.occupationInterruption },
    { header: "Flags", width: 30, kind: "text", value: (r) => (r.unit.flags && r.unit.flags.length > 0 ? r.unit.flags.join(", ") : null) },
    { header: "Flags (NL)", width: 60, kind: "text", value: (r) => flagTexts(r.unit, NL) },
    { header: "Flags (EN)", width: 60, kind: "text", value: (r) => flagTexts(r.unit, EN) },
    { header: "Pay not counted (code amount)", width: 30, kind: "text", value: (r) => notCountedText(r.unit.facts?.notCounted) },
    { header: "File", width: 32, kind: "text", value: (r) => fileNameOf(summary, r.unit.formType) },
    { header: "Sequence nr", width: 10, kind: "integer", value: (r) => r.unit.declared.sequenceNbr },
    { header: "Sub-risk", width: 8, kind: "integer", value: (r) => subRiskOf(r.unit) },
    {
      header: "Reference periods",
      width: 46,
      kind: "text",
      value: (r) =>
        zima002Content(r.unit)
          ?.periods.map((p) => `${p.start} – ${p.end}`)
          .join("; "),
    },
    { header: "Gross ZIMA002 (EUR)", width: 14, kind: "euro", value: (r) => zima002Content(r.unit)?.totalGross },
    { header: "Holiday year", width: 9, kind: "integer", value: (r) => zima005Content(r.unit)?.holidayYear },
    { header: "Holiday days", width: 10, kind: "hundredths", value: (r) => zima005Content(r.unit)?.totalDays },
  ];
}

/** One reference period of a declared ZIMA002 form. */
interface Zima002PeriodRow {
  readonly person: PersonLine;
  readonly unit: DeclaredUnitLine;
  readonly form: Zima002Content;
  readonly period: Zima002PeriodContent;
  /** 1-based, in date order. */
  readonly number: number;
}

function zima002PeriodColumns(summary: RunSummary): ColumnDefinition<Zima002PeriodRow>[] {
  return [
    { header: "Reference month", width: 10, kind: "text", value: (r) => r.unit.referencePeriod },
    { header: "Board id", width: 9, kind: "integer", value: (r) => r.unit.context.boardId },
    { header: "Board", width: 36, kind: "text", value: (r) => r.unit.context.boardName },
    { header: "Institution", width: 36, kind: "text", value: (r) => r.unit.context.institutionName },
    { header: "Assignment", width: 11, kind: "integer", value: (r) => r.unit.assignmentId },
    ...who<Zima002PeriodRow>(),
    { header: "Sub-risk", width: 8, kind: "integer", value: (r) => r.form.subRisk },
    { header: "Sub-risk (EN)", width: 36, kind: "text", value: (r) => EN.zima002SubRisks[r.form.subRisk] },
    { header: "Period", width: 7, kind: "integer", value: (r) => r.number },
    { header: "Period start", width: 12, kind: "date", value: (r) => r.period.start },
    { header: "Period end", width: 12, kind: "date", value: (r) => r.period.end },
    { header: "Adapted Q (h/week)", width: 11, kind: "hundredths", value: (r) => r.period.adaptedQ },
    { header: "Adapted days/week", width: 11, kind: "hundredths", value: (r) => r.period.adaptedDaysPerWeek },
    { header: "Services (code: days, hours)", width: 40, kind: "text", value: (r) => EN.services(r.period.services) || null },
    { header: "Day natures", width: 9, kind: "integer", value: (r) => r.period.dayNatureCount },
    { header: "Exact wages (code amount)", width: 40, kind: "text", value: (r) => EN.wages(r.period.exactWages) || null },
    {
      header: "Gross of the period (EUR)",
      width: 14,
      kind: "euro",
      value: (r) => (r.period.exactWages.length > 0 ? r.period.exactWages.reduce((n, w) => n + w.amount, 0) : null),
    },
    {
      header: "Severance",
      width: 40,
      kind: "text",
      value: (r) => (r.number === r.form.periods.length ? EN.severance(r.form.severance) : null),
    },
    { header: "File", width: 32, kind: "text", value: (r) => fileNameOf(summary, r.unit.formType) },
    { header: "Sequence nr", width: 10, kind: "integer", value: (r) => r.unit.declared.sequenceNbr },
  ];
}

/** A declared ZIMA005 form. */
interface Zima005Row extends UnitRow {
  readonly form: Zima005Content;
}

function zima005Columns(summary: RunSummary): ColumnDefinition<Zima005Row>[] {
  return [
    { header: "Holiday year", width: 9, kind: "integer", value: (r) => r.form.holidayYear },
    { header: "Board id", width: 9, kind: "integer", value: (r) => r.unit.context.boardId },
    { header: "Board", width: 36, kind: "text", value: (r) => r.unit.context.boardName },
    { header: "Institution", width: 36, kind: "text", value: (r) => r.unit.context.institutionName },
    { header: "Assignment", width: 11, kind: "integer", value: (r) => r.unit.assignmentId },
    ...who<Zima005Row>(),
    { header: "Q (1/100 h)", width: 9, kind: "integer", value: (r) => r.unit.declared.q },
    { header: "S (1/100 h)", width: 9, kind: "integer", value: (r) => r.unit.declared.s },
    { header: "Sub-risk", width: 8, kind: "integer", value: (r) => r.form.subRisk },
    { header: "Sub-risk (EN)", width: 34, kind: "text", value: (r) => EN.zima005SubRisks[r.form.subRisk] },
    { header: "Holiday sector", width: 9, kind: "integer", value: (r) => r.form.holidaySector },
    { header: "Holiday sector (EN)", width: 18, kind: "text", value: (r) => EN.holidaySectors[r.form.holidaySector] },
    { header: "Adapted Q (h/week)", width: 11, kind: "hundredths", value: (r) => r.form.adaptedWork?.q },
    { header: "Adapted days/week", width: 11, kind: "hundredths", value: (r) => r.form.adaptedWork?.daysPerWeek },
    { header: "Holiday details (code: days, hours)", width: 50, kind: "text", value: (r) => EN.holidayDetails(r.form.details) || null },
    { header: "Holiday days", width: 10, kind: "hundredths", value: (r) => r.form.totalDays },
    { header: "File", width: 32, kind: "text", value: (r) => fileNameOf(summary, r.unit.formType) },
    { header: "Sequence nr", width: 10, kind: "integer", value: (r) => r.unit.declared.sequenceNbr },
  ];
}

/** A not-eligible unit, or a not-eligible person without units (`unit` null). */
interface NotEligibleRow {
  readonly person: PersonLine;
  readonly unit: NotEligibleUnitLine | null;
  readonly reason: NotEligibleReason;
  readonly texts: ReasonTexts;
}

const NOT_ELIGIBLE_COLUMNS: readonly ColumnDefinition<NotEligibleRow>[] = [
  { header: "Form type", width: 10, kind: "text", value: (r) => r.unit?.formType },
  { header: "Reference month", width: 10, kind: "text", value: (r) => r.unit?.referencePeriod },
  { header: "Agency", width: 10, kind: "text", value: (r) => r.unit?.context.agency },
  // A person without units has no assignment: the board that sent their first notification, when known.
  { header: "Board id", width: 9, kind: "integer", value: (r) => r.unit?.context.boardId ?? r.person.notifications[0]?.boardId },
  { header: "Board", width: 36, kind: "text", value: (r) => r.unit?.context.boardName },
  { header: "Institution", width: 36, kind: "text", value: (r) => r.unit?.context.institutionName },
  { header: "Level", width: 7, kind: "text", value: (r) => r.unit?.context.level },
  { header: "Assignment", width: 11, kind: "integer", value: (r) => r.unit?.assignmentId },
  ...who<NotEligibleRow>(),
  {
    header: "Fraction",
    width: 9,
    kind: "text",
    value: (r) => (r.unit ? fractionText(r.unit.context.numerator, r.unit.context.denominator) : null),
  },
  { header: "Reason code", width: 30, kind: "text", value: (r) => r.reason },
  { header: "Reason (NL)", width: 70, kind: "text", value: (r) => r.texts.nl },
  { header: "Reason (EN)", width: 70, kind: "text", value: (r) => r.texts.en },
  { header: "Occupation", width: 11, kind: "percent", value: (r) => r.unit?.facts?.occupationPerMille },
  { header: "Month gross (EUR)", width: 14, kind: "euro", value: (r) => r.unit?.facts?.monthGross },
  { header: "Threshold (EUR)", width: 14, kind: "euro", value: (r) => r.unit?.facts?.threshold },
  { header: "Pay not counted (code amount)", width: 30, kind: "text", value: (r) => notCountedText(r.unit?.facts?.notCounted) },
  { header: "Detail", width: 60, kind: "text", value: (r) => r.unit?.detail },
];

/** A blocked form (a rejected unit) or a record breaking the contract. */
interface RejectedRow {
  readonly person: PersonLine;
  readonly unit: RejectedUnitLine | null;
  readonly record: { readonly table: string; readonly recordId: string; readonly field: string; readonly value: string } | null;
  readonly rule: RejectionRule;
}

const REJECTED_COLUMNS: readonly ColumnDefinition<RejectedRow>[] = [
  { header: "Kind", width: 14, kind: "text", value: (r) => (r.unit ? "blocked form" : "broken record") },
  { header: "Form type", width: 10, kind: "text", value: (r) => r.unit?.formType },
  { header: "Reference month", width: 10, kind: "text", value: (r) => r.unit?.referencePeriod },
  { header: "Board id", width: 9, kind: "integer", value: (r) => r.unit?.context.boardId },
  { header: "Board", width: 36, kind: "text", value: (r) => r.unit?.context.boardName },
  { header: "Institution", width: 36, kind: "text", value: (r) => r.unit?.context.institutionName },
  { header: "Assignment", width: 11, kind: "integer", value: (r) => r.unit?.assignmentId },
  ...who<RejectedRow>(),
  { header: "Table", width: 18, kind: "text", value: (r) => r.record?.table },
  { header: "Record id", width: 18, kind: "text", value: (r) => r.record?.recordId },
  { header: "Column", width: 18, kind: "text", value: (r) => r.record?.field },
  { header: "Rule code", width: 28, kind: "text", value: (r) => r.rule },
  { header: "Rule (NL)", width: 60, kind: "text", value: (r) => NL.rejectionRules[r.rule] },
  { header: "Rule (EN)", width: 60, kind: "text", value: (r) => EN.rejectionRules[r.rule] },
  { header: "Value", width: 20, kind: "text", value: (r) => r.record?.value },
];

/** A text that may come from a form (the anomaly's value), with anything that looks like an INSZ masked. */
const masked = (text: string | null): string | null => (text === null ? null : maskInszInText(text));

const ANOMALY_COLUMNS: readonly ColumnDefinition<AnomalyReportRow>[] = [
  { header: "Staff id", width: 10, kind: "integer", value: (r) => r.staffId },
  { header: "Form type", width: 10, kind: "text", value: (r) => r.formType },
  { header: "Reference month", width: 10, kind: "text", value: (r) => r.referencePeriod },
  { header: "Assignment", width: 11, kind: "integer", value: (r) => r.assignmentId },
  { header: "File", width: 34, kind: "text", value: (r) => r.fileName },
  { header: "Sequence nr.", width: 10, kind: "integer", value: (r) => r.sequenceNbr },
  { header: "Error id", width: 12, kind: "text", value: (r) => r.errorId },
  { header: "Zone label", width: 60, kind: "text", value: (r) => r.zoneLabel },
  { header: "Class", width: 7, kind: "text", value: (r) => r.anomalyClass },
  { header: "Tag", width: 26, kind: "text", value: (r) => masked(r.tagName) },
  { header: "Value", width: 26, kind: "text", value: (r) => masked(r.value) },
  { header: "Declaration status", width: 22, kind: "text", value: (r) => r.declarationStatus },
  { header: "Ingested", width: 20, kind: "dateTime", value: (r) => ({ dateTime: r.ingestedAt }) },
];

/** The not-eligible rows of one person: their not-eligible units, or the person when they have no units. */
function notEligibleRowsOf(decisions: PersonDecisions, frame: ReasonFrame): NotEligibleRow[] {
  const { person, units } = decisions;
  if (units.length === 0) {
    if (person.status !== "not-eligible" || !isNotEligibleReason(person.reason)) return [];
    return [{ person, unit: null, reason: person.reason, texts: notEligibleTexts(person.reason, person, null, frame) }];
  }
  return units.flatMap((unit) =>
    unit.status === "not-eligible" && isNotEligibleReason(unit.reason)
      ? [{ person, unit, reason: unit.reason, texts: notEligibleTexts(unit.reason, person, unit, frame) }]
      : [],
  );
}

/** A unit decided later (D26 "waiting"): for its pay, an answer, a fix of refused data, or the operator's acceptance of a reissue. */
interface WaitingRow {
  readonly person: PersonLine;
  readonly unit: WaitingUnitLine;
}

const WAITING_COLUMNS: readonly ColumnDefinition<WaitingRow>[] = [
  ...place<WaitingRow>(),
  { header: "Assignment", width: 11, kind: "integer", value: (r) => r.unit.assignmentId },
  ...who<WaitingRow>(),
  { header: "Reason code", width: 20, kind: "text", value: (r) => r.unit.reason },
  { header: "Reason (NL)", width: 70, kind: "text", value: (r) => NL.waitingReasons[r.unit.reason] },
  { header: "Reason (EN)", width: 70, kind: "text", value: (r) => EN.waitingReasons[r.unit.reason] },
  { header: "Months waited", width: 10, kind: "integer", value: (r) => r.unit.waitedMonths },
  { header: "Detail", width: 70, kind: "text", value: (r) => r.unit.detail },
  { header: "Month gross so far (EUR)", width: 14, kind: "euro", value: (r) => r.unit.facts?.monthGross },
];

/** What a declared form is flagged with, in one language. */
function flagTexts(unit: DeclaredUnitLine, texts: Texts): string | null {
  return unit.flags && unit.flags.length > 0 ? unit.flags.map((flag) => texts.declarationFlags[flag]).join("; ") : null;
}

/** Pay shown but not counted (D16), as "02 EUR 700.00, 07 EUR 120.00". */
function notCountedText(lines: readonly PayByCode[] | undefined): string | null {
  return lines && lines.length > 0 ? lines.map((l) => `${l.code} ${formatEuro(l.amount)}`).join(", ") : null;
}

/** A detail sheet: the rows each person yields for it, spooled during the pass, written afterwards. */
interface DetailSheet {
  readonly name: string;
  spool(decisions: PersonDecisions, spool: RowSpool): Promise<void>;
  write(workbook: StreamingWorkbook, spool: RowSpool): Promise<number>;
}

/**
 * Rows a detail sheet shows at most; a longer list (a first run over months, at national scale) goes
 * complete to a CSV beside the workbook, the sheet keeping its first rows and a note that says where
 * the rest is. Excel takes 1,048,576 rows a sheet, and a streaming workbook holds all its XML in memory
 * until it is committed.
 */
export const OPERATOR_SHEET_ROW_LIMIT = 20_000;

function detailSheet<Row>(
  outputPath: string,
  maxRows: number,
  name: string,
  columns: readonly ColumnDefinition<Row>[],
  rowsOf: (decisions: PersonDecisions) => Row[],
): DetailSheet {
  const file = `${name.replace(/\W+/g, "-")}.jsonl`;
  const overflow: SheetOverflow = {
    maxRows,
    csvPath: overflowCsvPath(outputPath, name),
    note: (more, total, csvName) => `… ${more} more rows not shown here (${total} in all): the complete list is in ${csvName}`,
  };
  return {
    name,
    spool: async (decisions, spool) => {
      for (const row of rowsOf(decisions)) await spool.add(file, columns, row);
    },
    write: (workbook, spool) => spool.writeSheet(workbook, name, columns, file, overflow),
  };
}

/** `report-2018-03.xlsx` + "Not eligible" → `report-2018-03-not-eligible.csv`, beside the workbook. */
export function overflowCsvPath(workbookPath: string, sheetName: string): string {
  const slug = sheetName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return join(dirname(workbookPath), `${basename(workbookPath, ".xlsx")}-${slug}.csv`);
}

/** The detail sheets in workbook order (between Summary and Anomalies). */
function detailSheets(summary: RunSummary, outputPath: string, maxRows: number): DetailSheet[] {
  const frame: ReasonFrame = { runMonth: summary.runMonth, cutoffAt: summary.cutoffAt };
  return [
    detailSheet(outputPath, maxRows, OPERATOR_SHEETS.declared, declaredColumns(summary), ({ person, units }) =>
      units.flatMap((unit) => (unit.status === "declared" ? [{ person, unit }] : [])),
    ),
    detailSheet(outputPath, maxRows, OPERATOR_SHEETS.zima002Periods, zima002PeriodColumns(summary), ({ person, units }) =>
      units.flatMap((unit) => {
        const form = zima002Content(unit);
        return unit.status === "declared" && form
          ? form.periods.map((period, index) => ({ person, unit, form, period, number: index + 1 }))
          : [];
      }),
    ),
    detailSheet(outputPath, maxRows, OPERATOR_SHEETS.zima005Holidays, zima005Columns(summary), ({ person, units }) =>
      units.flatMap((unit) => {
        const form = zima005Content(unit);
        return unit.status === "declared" && form ? [{ person, unit, form }] : [];
      }),
    ),
    detailSheet(outputPath, maxRows, OPERATOR_SHEETS.notEligible, NOT_ELIGIBLE_COLUMNS, (decisions) => notEligibleRowsOf(decisions, frame)),
    detailSheet(outputPath, maxRows, OPERATOR_SHEETS.waiting, WAITING_COLUMNS, ({ person, units }) =>
      units.flatMap((unit) => (unit.status === "waiting" ? [{ person, unit }] : [])),
    ),
    detailSheet(outputPath, maxRows, OPERATOR_SHEETS.rejected, REJECTED_COLUMNS, ({ person, units, rejectedRecords }) => [
      ...units.flatMap((unit) => (unit.status === "rejected" ? [{ person, unit, record: unit.record, rule: unit.rule }] : [])),
      ...rejectedRecords.map((r) => ({
        person,
        unit: null,
        record: { table: r.table, recordId: r.recordId, field: r.field, value: r.value },
        rule: r.rule,
      })),
    ]),
  ];
}

export type OperatorWorkbookResult = { sheets: Record<string, number> };

/**
 * The operator workbook as a report of the run's single pass over decisions.jsonl (see
 * person-reports.ts). Refuses at once when the workbook exists already.
 */
export function operatorWorkbookReport(input: OperatorWorkbookInput): PersonReport<OperatorWorkbookResult> {
  const { summary, outputPath } = input;
  if (existsSync(outputPath)) throw new Error(`${outputPath} exists already: refusing to overwrite it`);
  const totals = emptyTotals();
  const details = detailSheets(summary, outputPath, input.sheetRowLimit ?? OPERATOR_SHEET_ROW_LIMIT);
  const spool = new RowSpool(dirname(outputPath), ".report-rows-");
  return {
    async add(decisions) {
      addToTotals(totals, decisions);
      for (const detail of details) await detail.spool(decisions, spool);
    },
    async finish() {
      try {
        await spool.flush();
        return await writeWorkbookAtomically(outputPath, async (workbook) => {
          const sheets: Record<string, number> = {};
          const summarySheet = new TableSheet(workbook, OPERATOR_SHEETS.summary, SUMMARY_COLUMNS);
          for (const row of summaryRows(summary, totals)) await summarySheet.add(row);
          sheets[OPERATOR_SHEETS.summary] = summarySheet.close();
          for (const detail of details) sheets[detail.name] = await detail.write(workbook, spool);
          const anomalySheet = new TableSheet(workbook, OPERATOR_SHEETS.anomalies, ANOMALY_COLUMNS);
          for (const anomaly of input.anomalies ?? []) await anomalySheet.add(anomaly);
          sheets[OPERATOR_SHEETS.anomalies] = anomalySheet.close();
          return { sheets };
        });
      } finally {
        spool.remove();
      }
    },
    discard: () => spool.remove(),
  };
}

/** Writes the operator workbook of one run; returns the row count per sheet (header excluded). */
export async function writeOperatorWorkbook(input: OperatorWorkbookInput): Promise<OperatorWorkbookResult> {
  return writeReport(input.decisionsPath, operatorWorkbookReport(input));
}
