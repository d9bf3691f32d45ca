/**
 * The operator workbook's first sheet, read in ten seconds: which run this is, the month's totals per
 * form type, what to act on (records to fix, forms refused or with anomalies, units waiting, held
 * reissues, warnings), the totals per agency and level, the reasons in numbers, the files written and
 * the sheets of the workbook. Small tables one under the other (see block-sheet.ts), in the workbook's
 * language.
 */
import { type Cents, sumCents, ZERO_CENTS } from "../../src/domain/money";
import type { DeclarationFlag, NotEligibleReason, RejectionRule, WaitingReason } from "../../src/domain/outcome-codes";
import type { FormType } from "../../src/rules/decision-types";
import { RULES_CHANGES, RULES_VERSION } from "../../src/rules/rules-version";
import type { FormTypeCounts, RunSummary } from "../../src/run-record";
import type { AnomalyReportRow } from "../../src/state/anomaly-report-repository";
import type { Texts } from "../../src/texts/texts";
import { maskInszInText } from "../../src/util/insz-masking";
import { type Block, type BlockColumn, BlockSheet } from "../block-sheet";
import type { StreamingWorkbook } from "../excel-cells";
import { type OperatorWords, wordsOf } from "./operator-words";
import { type ReportLanguage, textsOf } from "./report-language";
import type { GroupTotals, RunTotals } from "./run-totals";

/** A sheet of the workbook after the overview: its rows, and whether it is written (a detail sheet without rows is not). */
export interface ListedSheet {
  readonly name: string;
  readonly rows: number;
  readonly written: boolean;
}

export interface OverviewInput {
  readonly summary: RunSummary;
  readonly totals: RunTotals;
  readonly anomalies: readonly AnomalyReportRow[];
  /** The workbook's other sheets, in order, with their row counts. */
  readonly sheets: readonly ListedSheet[];
  readonly language: ReportLanguage;
}

/** Column widths of the sheet, shared by its blocks: a code or caption, a description, then numbers. */
const WIDTHS = [34, 46, 12, 12, 12, 12, 12, 12, 16, 16, 16, 12, 12] as const;

export function writeOverviewSheet(workbook: StreamingWorkbook, input: OverviewInput): void {
  const w = wordsOf(input.language);
  const t = textsOf(input.language);
  const { summary } = input;
  const sheet = new BlockSheet(workbook, w.sheets.overview, WIDTHS, [
    w.overview.title(summary.runMonth, summary.environment),
    w.overview.subtitle(summary),
  ]);
  sheet.add(runBlock(w, summary));
  sheet.add(formTypeBlock(w, t, summary, input.totals));
  sheet.add(actionBlock(w, t, summary, input.anomalies));
  sheet.add(groupBlock(w.overview.perAgency, w, input.totals.agencies.sorted()));
  sheet.add(groupBlock(w.overview.perLevel, w, input.totals.levels.sorted()));
  sheet.add(reasonBlock(w, t, summary));
  sheet.add(fileBlock(w, summary));
  sheet.add(sheetBlock(w, input.sheets));
  if (summary.notes.length > 0) sheet.add(lineBlock(w.overview.notes, summary.notes));
  sheet.close();
}

interface KeyValue {
  readonly key: string;
  /** Text, or a timestamp as a date-time cell. */
  readonly value: string | { readonly dateTime: string };
}

function keyValueColumns(w: OperatorWords): BlockColumn<KeyValue>[] {
  return [
    { header: w.overview.what, kind: "text", value: (r) => r.key },
    { header: w.overview.value, kind: "auto", value: (r) => r.value, span: 4, left: true },
  ];
}

/** The run itself, and the employer it declares for. */
function runBlock(w: OperatorWords, summary: RunSummary): Block<KeyValue> {
  const r = w.run;
  const rows: KeyValue[] = [
    { key: r.month, value: summary.runMonth },
    { key: r.environment, value: r.environmentValue(summary.environment) },
    { key: r.runId, value: summary.runId === null ? r.noRunId : String(summary.runId) },
    { key: r.dryRun, value: summary.dryRun ? w.yes : w.no },
    { key: r.cutoff, value: { dateTime: summary.cutoffAt } },
    { key: r.started, value: { dateTime: summary.startedAt } },
    { key: r.finished, value: { dateTime: summary.finishedAt } },
    {
      key: r.previousRun,
      value: summary.previousRun ? r.previousRunValue(summary.previousRun.runId, summary.previousRun.finishedAt) : r.none,
    },
    { key: r.rules, value: RULES_VERSION },
    { key: r.result, value: w.result(summary) },
    { key: r.sender, value: summary.employer.senderNumber },
    { key: r.noss, value: summary.employer.nossNumber },
    { key: r.kbo, value: summary.employer.kboNumber },
  ];
  return { title: w.overview.run, columns: keyValueColumns(w), rows };
}

interface FormTypeRow {
  readonly code: string;
  readonly title: string;
  readonly counts: Omit<FormTypeCounts, "notEligibleByReason" | "waitingByReason" | "rejectedByRule" | "flagged">;
  readonly group: Pick<GroupTotals, "persons" | "gross" | "zimaGross" | "holidayDays"> | null;
  readonly total?: boolean;
}

/** The account of the month per form type (D26), with the amounts declared and a total. */
function formTypeBlock(w: OperatorWords, t: Texts, summary: RunSummary, totals: RunTotals): Block<FormTypeRow> {
  const rows: FormTypeRow[] = Object.entries(summary.forms)
    .filter(([, c]) => c.considered > 0)
    .map(([code, counts]) => ({
      code,
      title: t.formTypeTitles[code as FormType] ?? "",
      counts,
      group: totals.formTypes.groups.get(code) ?? null,
    }));
  const sum = (pick: (r: FormTypeRow) => number): number => rows.reduce((n, r) => n + pick(r), 0);
  const sumAmount = (pick: (g: FormTypeRow["group"] & object) => Cents): Cents =>
    sumCents(rows.map((r) => (r.group ? pick(r.group) : ZERO_CENTS)));
  if (rows.length > 0)
    rows.push({
      code: w.overview.total,
      title: "",
      total: true,
      counts: {
        considered: sum((r) => r.counts.considered),
        declared: sum((r) => r.counts.declared),
        originals: sum((r) => r.counts.originals),
        modifications: sum((r) => r.counts.modifications),
        cancellations: sum((r) => r.counts.cancellations),
        notEligible: sum((r) => r.counts.notEligible),
        waiting: sum((r) => r.counts.waiting),
        rejected: sum((r) => r.counts.rejected),
        unchanged: sum((r) => r.counts.unchanged),
      },
      group: {
        persons: summary.persons.considered,
        gross: sumAmount((g) => g.gross),
        zimaGross: sumAmount((g) => g.zimaGross),
        holidayDays: sum((r) => r.group?.holidayDays ?? 0),
      },
    });
  const c = w.columns;
  return {
    title: w.overview.perFormType,
    whenEmpty: w.overview.nothingConsidered,
    bold: (r) => r.total === true,
    rows,
    columns: [
      { header: c.formType, kind: "text", value: (r) => r.code },
      { header: c.description, kind: "text", value: (r) => r.title },
      { header: c.considered, kind: "integer", value: (r) => r.counts.considered },
      { header: c.declared, kind: "integer", value: (r) => r.counts.declared },
      { header: c.ofWhichModifications, kind: "integer", value: (r) => r.counts.modifications },
      { header: c.ofWhichCancellations, kind: "integer", value: (r) => r.counts.cancellations },
      { header: c.notEligible, kind: "integer", value: (r) => r.counts.notEligible },
      { header: c.waiting, kind: "integer", value: (r) => r.counts.waiting },
      { header: c.rejected, kind: "integer", value: (r) => r.counts.rejected },
      { header: c.grossWech006, kind: "euro", value: (r) => r.group?.gross },
      { header: c.grossZima002, kind: "euro", value: (r) => r.group?.zimaGross },
      { header: c.unchanged, kind: "integer", value: (r) => r.counts.unchanged },
      { header: c.holidayDays, kind: "hundredths", value: (r) => r.group?.holidayDays },
    ],
  };
}

interface ActionRow {
  readonly what: string;
  readonly count: number | null;
  readonly where: string;
}

/** What the operator acts on, each with how many and where the list is; "nothing" when there is nothing. */
function actionBlock(w: OperatorWords, t: Texts, summary: RunSummary, anomalies: readonly AnomalyReportRow[]): Block<ActionRow> {
  const a = w.actions;
  const forms = Object.values(summary.forms);
  const rows: ActionRow[] = [];
  const add = (what: string, count: number, where: string) => count > 0 && rows.push({ what, count, where });
  add(a.brokenRecords, summary.rejectedRecords.count, w.sheets.rejected);
  add(
    a.blockedForms,
    forms.reduce((n, c) => n + c.rejected, 0),
    w.sheets.rejected,
  );
  const refused = new Set(anomalies.filter((x) => x.declarationStatus === "refused").map((x) => `${x.fileName}#${x.sequenceNbr}`));
  add(a.refusedForms, refused.size, w.sheets.anomalies);
  add(a.anomalies, anomalies.length, w.sheets.anomalies);
  const waiting = new Map<WaitingReason, number>();
  for (const c of forms)
    for (const [reason, n] of Object.entries(c.waitingByReason) as [WaitingReason, number][])
      waiting.set(reason, (waiting.get(reason) ?? 0) + n);
  for (const [reason, n] of waiting)
    add(`${a.waiting}: ${t.waitingReasons[reason]}`, n, reason === "HELD_REISSUE" ? a.acceptReissue : w.sheets.waiting);
  for (const warning of summary.warnings) rows.push({ what: `${a.warning}: ${maskInszInText(warning)}`, count: null, where: "" });
  for (const item of summary.rejectedRecords.items.filter((i) => i.staffId === null))
    rows.push({
      what: `${a.recordOfNoStaff}: ${item.table} ${item.recordId}, ${item.field} = ${maskInszInText(item.value)}: ${t.rejectionRules[item.rule]}`,
      count: null,
      where: "",
    });
  if (waiting.get("HELD_REISSUE"))
    for (const change of RULES_CHANGES[RULES_VERSION] ?? []) rows.push({ what: `${a.rulesChange}: ${change}`, count: null, where: "" });
  return {
    title: w.overview.toDo,
    whenEmpty: a.nothing,
    rows,
    columns: [
      { header: w.overview.what, kind: "text", value: (r) => r.what, span: 2 },
      { header: w.overview.count, kind: "integer", value: (r) => r.count },
      { header: w.overview.where, kind: "text", value: (r) => r.where, span: 2 },
    ],
  };
}

/** The totals of one grouping (agency, level; its name as run-totals.ts gave it): persons, units per outcome, amounts declared. */
function groupBlock(title: string, w: OperatorWords, groups: readonly GroupTotals[]): Block<GroupTotals> {
  const c = w.columns;
  return {
    title,
    rows: groups,
    columns: [
      { header: c.code, kind: "text", value: (g) => g.key },
      { header: c.name, kind: "text", value: (g) => g.label },
      { header: c.persons, kind: "integer", value: (g) => g.persons },
      { header: c.declared, kind: "integer", value: (g) => g.declared },
      { header: c.notEligible, kind: "integer", value: (g) => g.notEligible },
      { header: c.waiting, kind: "integer", value: (g) => g.waiting },
      { header: c.rejected, kind: "integer", value: (g) => g.rejected },
      { header: c.holidayDays, kind: "hundredths", value: (g) => g.holidayDays },
      { header: c.grossWech006, kind: "euro", value: (g) => g.gross },
      { header: c.grossZima002, kind: "euro", value: (g) => g.zimaGross },
    ],
  };
}

interface ReasonRow {
  readonly outcome: string;
  readonly code: string;
  readonly text: string;
  readonly perFormType: Partial<Record<FormType, number>>;
}

/** How many units each reason, rule and flag has, per form type (a column each). */
function reasonBlock(w: OperatorWords, t: Texts, summary: RunSummary): Block<ReasonRow> {
  const formTypes = (Object.keys(summary.forms) as FormType[]).filter((f) => summary.forms[f].considered > 0);
  const rows = new Map<string, ReasonRow>();
  const add = (outcome: string, code: string, text: string, formType: FormType, n: number) => {
    const key = `${outcome}\u0000${code}`;
    const row = rows.get(key) ?? { outcome, code, text, perFormType: {} };
    row.perFormType[formType] = (row.perFormType[formType] ?? 0) + n;
    rows.set(key, row);
  };
  for (const f of formTypes) {
    const c = summary.forms[f];
    for (const [code, n] of Object.entries(c.notEligibleByReason) as [NotEligibleReason, number][])
      add(w.columns.notEligible, code, t.notEligibleReasons[code], f, n);
    for (const [code, n] of Object.entries(c.waitingByReason) as [WaitingReason, number][])
      add(w.columns.waiting, code, t.waitingReasons[code], f, n);
    for (const [code, n] of Object.entries(c.rejectedByRule) as [RejectionRule, number][])
      add(w.columns.rejected, code, t.rejectionRules[code], f, n);
    for (const [code, n] of Object.entries(c.flagged) as [DeclarationFlag, number][])
      add(w.columns.flagged, code, t.declarationFlags[code], f, n);
  }
  return {
    title: w.overview.reasons,
    whenEmpty: w.overview.noReasons,
    rows: [...rows.values()],
    columns: [
      { header: w.columns.outcome, kind: "text", value: (r) => r.outcome },
      { header: w.columns.reason, kind: "text", value: (r) => r.text },
      ...formTypes.map((f): BlockColumn<ReasonRow> => ({ header: f, kind: "integer", value: (r) => r.perFormType[f] ?? null })),
      { header: w.columns.codeForIt, kind: "text", value: (r) => r.code, span: 2 },
    ],
  };
}

interface FileRow {
  readonly formType: string;
  readonly fi: string;
  readonly go: string;
  readonly forms: number;
}

/** The files of the run: each FI file with its GO file (none in a dry run). */
function fileBlock(w: OperatorWords, summary: RunSummary): Block<FileRow> {
  return {
    title: w.overview.files,
    whenEmpty: w.overview.noFiles,
    rows: summary.files.map((f) => ({
      formType: f.formType,
      fi: f.fileName,
      go: summary.dryRun ? w.overview.noGoInDryRun : f.goFileName,
      forms: f.forms,
    })),
    columns: [
      { header: w.columns.declarationFile, kind: "text", value: (r) => r.fi },
      { header: w.columns.goFile, kind: "text", value: (r) => r.go },
      { header: w.columns.forms, kind: "integer", value: (r) => r.forms },
      { header: w.columns.formType, kind: "text", value: (r) => r.formType },
    ],
  };
}

/** The workbook's other sheets and how many rows each has; a detail sheet without rows is left out, and said so. */
function sheetBlock(w: OperatorWords, sheets: readonly ListedSheet[]): Block<ListedSheet> {
  return {
    title: w.overview.sheets,
    rows: sheets,
    columns: [
      { header: w.overview.sheet, kind: "text", value: (r) => r.name },
      { header: w.overview.sheetContent, kind: "text", value: (r) => (r.written ? "" : w.overview.sheetLeftOut) },
      { header: w.columns.rows, kind: "integer", value: (r) => r.rows },
    ],
  };
}

function lineBlock(title: string, lines: readonly string[]): Block<string> {
  return { title, rows: lines, columns: [{ header: "", kind: "text", value: (line) => maskInszInText(line), span: WIDTHS.length }] };
}
