/**
 * The columns of the operator workbook's detail sheets (declared forms, ZIMA002 periods, ZIMA005
 * holidays, not eligible, waiting, rejected, anomalies), each header in Dutch and English; the texts of
 * codes (reasons, rules, flags, sub-risks) in the workbook's language, the code itself in a column for IT.
 */
import { formatEuro } from "../../src/domain/money";
import type { NotEligibleReason, RejectionRule } from "../../src/domain/outcome-codes";
import { isNotEligibleReason } from "../../src/domain/outcome-codes";
import type { PayByCode } from "../../src/rules/decision-types";
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
} from "../../src/run-record";
import { occupationStartingDate, subRiskOf, wech006Content, zima002Content, zima005Content } from "../../src/run-record/declared-views";
import type { AnomalyReportRow } from "../../src/state/anomaly-report-repository";
import type { Texts } from "../../src/texts/texts";
import { maskInszInText } from "../../src/util/insz-masking";
import type { PersonDecisions } from "../decision-reader";
import { fractionText } from "../excel-cells";
import { notEligibleTexts, type ReasonFrame, type ReasonTexts } from "../not-eligible-detail";
import { wordsOf } from "./operator-words";
import { type BilingualColumn, h, type ReportLanguage } from "./report-language";

/** What the columns depend on: the run (its files), the language and its texts. */
export interface ColumnContext {
  readonly summary: RunSummary;
  readonly language: ReportLanguage;
  readonly t: Texts;
}

/** A declared form. */
export interface UnitRow {
  readonly person: PersonLine;
  readonly unit: DeclaredUnitLine;
}

const who = <R extends { person: PersonLine }>(): BilingualColumn<R>[] => [
  { header: h("Personeelsnr.", "Staff id"), width: 10, kind: "integer", value: (r) => r.person.staffId },
  { header: h("Naam", "Last name"), width: 20, kind: "text", value: (r) => r.person.lastName },
  { header: h("Voornaam", "First name"), width: 16, kind: "text", value: (r) => r.person.firstName },
  { header: h("INSZ (gemaskeerd)", "INSZ (masked)"), width: 14, kind: "text", value: (r) => r.person.inszMasked },
];

/** The board and the institution of a row's unit (none for a row without one). */
const boardAndInstitution = <R>(unitOf: (r: R) => UnitLine | null): BilingualColumn<R>[] => [
  { header: h("Bestuur-id", "Board id"), width: 9, kind: "integer", value: (r) => unitOf(r)?.context.boardId },
  { header: h("Schoolbestuur", "Board"), width: 36, kind: "text", value: (r) => unitOf(r)?.context.boardName },
  { header: h("Instelling", "Institution"), width: 36, kind: "text", value: (r) => unitOf(r)?.context.institutionName },
];

/** Where a unit lies: form type, month, agency, board, institution. */
const place = <R extends { unit: UnitLine }>(): BilingualColumn<R>[] => [
  { header: h("Aangiftetype", "Form type"), width: 10, kind: "text", value: (r) => r.unit.formType },
  { header: h("Refertemaand", "Reference month"), width: 10, kind: "text", value: (r) => r.unit.referencePeriod },
  { header: h("Agentschap", "Agency"), width: 10, kind: "text", value: (r) => r.unit.context.agency },
  ...boardAndInstitution<R>((r) => r.unit),
];

/** The board, institution and assignment of a row's unit: where a declared benefits form or a blocked one lies. */
const workplace = <R>(unitOf: (r: R) => UnitLine | null): BilingualColumn<R>[] => [
  ...boardAndInstitution(unitOf),
  { header: h("Opdracht", "Assignment"), width: 11, kind: "integer", value: (r) => unitOf(r)?.assignmentId },
];

/** The file a declared form went into, and its place there. */
const fileColumns = <R extends { unit: DeclaredUnitLine }>(summary: RunSummary): BilingualColumn<R>[] => [
  { header: h("Bestand", "File"), width: 32, kind: "text", value: (r) => fileNameOf(summary, r.unit.formType) },
  { header: h("Volgnummer", "Sequence nr"), width: 10, kind: "integer", value: (r) => r.unit.declared.sequenceNbr },
];

export function declaredColumns({ summary, t }: ColumnContext): BilingualColumn<UnitRow>[] {
  return [
    ...place<UnitRow>(),
    { header: h("Niveau", "Level"), width: 7, kind: "text", value: (r) => r.unit.context.level },
    { header: h("Ambt", "Job title"), width: 22, kind: "text", value: (r) => r.unit.context.jobTitle },
    { header: h("Opdracht", "Assignment"), width: 11, kind: "integer", value: (r) => r.unit.assignmentId },
    ...who<UnitRow>(),
    {
      header: h("Breuk", "Fraction"),
      width: 9,
      kind: "text",
      value: (r) => fractionText(r.unit.context.numerator, r.unit.context.denominator),
    },
    { header: h("Q (u/week)", "Q (h/week)"), width: 9, kind: "hundredths", value: (r) => r.unit.declared.q },
    { header: h("S (u/week)", "S (h/week)"), width: 9, kind: "hundredths", value: (r) => r.unit.declared.s },
    {
      header: h("Brutoloon ExactSalary (EUR)", "Gross ExactSalary (EUR)"),
      width: 14,
      kind: "euro",
      value: (r) => wech006Content(r.unit)?.exactSalary,
    },
    {
      header: h("Theoretisch loon (EUR)", "Theoretical salary (EUR)"),
      width: 14,
      kind: "euro",
      value: (r) => r.unit.declared.theoreticalSalary,
    },
    { header: h("Begin tewerkstelling", "Occupation start"), width: 12, kind: "date", value: (r) => occupationStartingDate(r.unit) },
    {
      header: h("Einde tewerkstelling", "Occupation end"),
      width: 12,
      kind: "date",
      value: (r) => wech006Content(r.unit)?.occupationEndingDate,
    },
    {
      header: h("Onderbreking 00769", "Interruption 00769"),
      width: 10,
      kind: "integer",
      value: (r) => wech006Content(r.unit)?.occupationInterruption,
    },
    {
      header: h("Markeringscodes (IT)", "Flag codes (IT)"),
      width: 30,
      kind: "text",
      value: (r) => (r.unit.flags && r.unit.flags.length > 0 ? r.unit.flags.join(", ") : null),
    },
    { header: h("Markeringen", "Flags"), width: 60, kind: "text", value: (r) => flagTexts(r.unit, t) },
    {
      header: h("Loon niet meegeteld (code bedrag)", "Pay not counted (code amount)"),
      width: 30,
      kind: "text",
      value: (r) => notCountedText(r.unit.facts?.notCounted),
    },
    ...fileColumns<UnitRow>(summary),
    { header: h("Subrisico", "Sub-risk"), width: 8, kind: "integer", value: (r) => subRiskOf(r.unit) },
    {
      header: h("Refertperioden", "Reference periods"),
      width: 46,
      kind: "text",
      value: (r) =>
        zima002Content(r.unit)
          ?.periods.map((p) => `${p.start} – ${p.end}`)
          .join("; "),
    },
    {
      header: h("Brutoloon ZIMA002 (EUR)", "Gross ZIMA002 (EUR)"),
      width: 14,
      kind: "euro",
      value: (r) => zima002Content(r.unit)?.totalGross,
    },
    { header: h("Vakantiejaar", "Holiday year"), width: 9, kind: "integer", value: (r) => zima005Content(r.unit)?.holidayYear },
    { header: h("Vakantiedagen", "Holiday days"), width: 10, kind: "hundredths", value: (r) => zima005Content(r.unit)?.totalDays },
  ];
}

/** One reference period of a declared ZIMA002 form. */
export interface Zima002PeriodRow {
  readonly person: PersonLine;
  readonly unit: DeclaredUnitLine;
  readonly form: Zima002Content;
  readonly period: Zima002PeriodContent;
  /** 1-based, in date order. */
  readonly number: number;
}

export function zima002PeriodColumns({ summary, t }: ColumnContext): BilingualColumn<Zima002PeriodRow>[] {
  return [
    { header: h("Refertemaand", "Reference month"), width: 10, kind: "text", value: (r) => r.unit.referencePeriod },
    ...workplace<Zima002PeriodRow>((r) => r.unit),
    ...who<Zima002PeriodRow>(),
    { header: h("Subrisico", "Sub-risk"), width: 8, kind: "integer", value: (r) => r.form.subRisk },
    {
      header: h("Subrisico (omschrijving)", "Sub-risk (description)"),
      width: 36,
      kind: "text",
      value: (r) => t.zima002SubRisks[r.form.subRisk],
    },
    { header: h("Periode", "Period"), width: 7, kind: "integer", value: (r) => r.number },
    { header: h("Begin periode", "Period start"), width: 12, kind: "date", value: (r) => r.period.start },
    { header: h("Einde periode", "Period end"), width: 12, kind: "date", value: (r) => r.period.end },
    { header: h("Aangepaste Q (u/week)", "Adapted Q (h/week)"), width: 11, kind: "hundredths", value: (r) => r.period.adaptedQ },
    { header: h("Aangepaste dagen/week", "Adapted days/week"), width: 11, kind: "hundredths", value: (r) => r.period.adaptedDaysPerWeek },
    {
      header: h("Prestaties (code: dagen, uren)", "Services (code: days, hours)"),
      width: 40,
      kind: "text",
      value: (r) => t.services(r.period.services) || null,
    },
    { header: h("Dagsoorten", "Day natures"), width: 9, kind: "integer", value: (r) => r.period.dayNatureCount },
    {
      header: h("Lonen (code bedrag)", "Exact wages (code amount)"),
      width: 40,
      kind: "text",
      value: (r) => t.wages(r.period.exactWages) || null,
    },
    {
      header: h("Brutoloon van de periode (EUR)", "Gross of the period (EUR)"),
      width: 14,
      kind: "euro",
      value: (r) => (r.period.exactWages.length > 0 ? r.period.exactWages.reduce((n, w) => n + w.amount, 0) : null),
    },
    {
      header: h("Opzeggingsvergoeding", "Severance"),
      width: 40,
      kind: "text",
      value: (r) => (r.number === r.form.periods.length ? t.severance(r.form.severance) : null),
    },
    ...fileColumns<Zima002PeriodRow>(summary),
  ];
}

/** A declared ZIMA005 form. */
export interface Zima005Row extends UnitRow {
  readonly form: Zima005Content;
}

export function zima005Columns({ summary, t }: ColumnContext): BilingualColumn<Zima005Row>[] {
  return [
    { header: h("Vakantiejaar", "Holiday year"), width: 9, kind: "integer", value: (r) => r.form.holidayYear },
    ...workplace<Zima005Row>((r) => r.unit),
    ...who<Zima005Row>(),
    { header: h("Q (u/week)", "Q (h/week)"), width: 9, kind: "hundredths", value: (r) => r.unit.declared.q },
    { header: h("S (u/week)", "S (h/week)"), width: 9, kind: "hundredths", value: (r) => r.unit.declared.s },
    { header: h("Subrisico", "Sub-risk"), width: 8, kind: "integer", value: (r) => r.form.subRisk },
    {
      header: h("Subrisico (omschrijving)", "Sub-risk (description)"),
      width: 34,
      kind: "text",
      value: (r) => t.zima005SubRisks[r.form.subRisk],
    },
    { header: h("Vakantiestelsel", "Holiday sector"), width: 9, kind: "integer", value: (r) => r.form.holidaySector },
    {
      header: h("Vakantiestelsel (omschrijving)", "Holiday sector (description)"),
      width: 18,
      kind: "text",
      value: (r) => t.holidaySectors[r.form.holidaySector],
    },
    { header: h("Aangepaste Q (u/week)", "Adapted Q (h/week)"), width: 11, kind: "hundredths", value: (r) => r.form.adaptedWork?.q },
    {
      header: h("Aangepaste dagen/week", "Adapted days/week"),
      width: 11,
      kind: "hundredths",
      value: (r) => r.form.adaptedWork?.daysPerWeek,
    },
    {
      header: h("Vakantiedetails (code: dagen, uren)", "Holiday details (code: days, hours)"),
      width: 50,
      kind: "text",
      value: (r) => t.holidayDetails(r.form.details) || null,
    },
    { header: h("Vakantiedagen", "Holiday days"), width: 10, kind: "hundredths", value: (r) => r.form.totalDays },
    ...fileColumns<Zima005Row>(summary),
  ];
}

/** A not-eligible unit, or a not-eligible person without units (`unit` null). */
export interface NotEligibleRow {
  readonly person: PersonLine;
  readonly unit: NotEligibleUnitLine | null;
  readonly reason: NotEligibleReason;
  readonly texts: ReasonTexts;
}

export const notEligibleColumns = ({ language }: ColumnContext): BilingualColumn<NotEligibleRow>[] => [
  { header: h("Aangiftetype", "Form type"), width: 10, kind: "text", value: (r) => r.unit?.formType },
  { header: h("Refertemaand", "Reference month"), width: 10, kind: "text", value: (r) => r.unit?.referencePeriod },
  { header: h("Agentschap", "Agency"), width: 10, kind: "text", value: (r) => r.unit?.context.agency },
  // A person without units has no assignment: the board that sent their first notification, when known.
  {
    header: h("Bestuur-id", "Board id"),
    width: 9,
    kind: "integer",
    value: (r) => r.unit?.context.boardId ?? r.person.notifications[0]?.boardId,
  },
  { header: h("Schoolbestuur", "Board"), width: 36, kind: "text", value: (r) => r.unit?.context.boardName },
  { header: h("Instelling", "Institution"), width: 36, kind: "text", value: (r) => r.unit?.context.institutionName },
  { header: h("Niveau", "Level"), width: 7, kind: "text", value: (r) => r.unit?.context.level },
  { header: h("Opdracht", "Assignment"), width: 11, kind: "integer", value: (r) => r.unit?.assignmentId },
  ...who<NotEligibleRow>(),
  {
    header: h("Breuk", "Fraction"),
    width: 9,
    kind: "text",
    value: (r) => (r.unit ? fractionText(r.unit.context.numerator, r.unit.context.denominator) : null),
  },
  { header: h("Code (IT)", "Code (IT)"), width: 30, kind: "text", value: (r) => r.reason },
  { header: h("Reden", "Reason"), width: 70, kind: "text", value: (r) => r.texts[language] },
  { header: h("Tewerkstelling", "Occupation"), width: 11, kind: "percent", value: (r) => r.unit?.facts?.occupationPerMille },
  { header: h("Brutoloon van de maand (EUR)", "Month gross (EUR)"), width: 14, kind: "euro", value: (r) => r.unit?.facts?.monthGross },
  { header: h("Grensbedrag (EUR)", "Threshold (EUR)"), width: 14, kind: "euro", value: (r) => r.unit?.facts?.threshold },
  {
    header: h("Loon niet meegeteld (code bedrag)", "Pay not counted (code amount)"),
    width: 30,
    kind: "text",
    value: (r) => notCountedText(r.unit?.facts?.notCounted),
  },
  { header: h("Toelichting", "Detail"), width: 60, kind: "text", value: (r) => r.unit?.detail },
];

/** A blocked form (a rejected unit) or a record breaking the contract. */
export interface RejectedRow {
  readonly person: PersonLine;
  readonly unit: RejectedUnitLine | null;
  readonly record: { readonly table: string; readonly recordId: string; readonly field: string; readonly value: string } | null;
  readonly rule: RejectionRule;
}

export const rejectedColumns = ({ t, language }: ColumnContext): BilingualColumn<RejectedRow>[] => [
  {
    header: h("Soort", "Kind"),
    width: 14,
    kind: "text",
    value: (r) => (r.unit ? wordsOf(language).rejectedKinds.blockedForm : wordsOf(language).rejectedKinds.brokenRecord),
  },
  { header: h("Aangiftetype", "Form type"), width: 10, kind: "text", value: (r) => r.unit?.formType },
  { header: h("Refertemaand", "Reference month"), width: 10, kind: "text", value: (r) => r.unit?.referencePeriod },
  ...workplace<RejectedRow>((r) => r.unit),
  ...who<RejectedRow>(),
  { header: h("Tabel", "Table"), width: 18, kind: "text", value: (r) => r.record?.table },
  { header: h("Record-id", "Record id"), width: 18, kind: "text", value: (r) => r.record?.recordId },
  { header: h("Kolom", "Column"), width: 18, kind: "text", value: (r) => r.record?.field },
  { header: h("Code (IT)", "Code (IT)"), width: 28, kind: "text", value: (r) => r.rule },
  { header: h("Regel", "Rule"), width: 60, kind: "text", value: (r) => t.rejectionRules[r.rule] },
  { header: h("Waarde", "Value"), width: 20, kind: "text", value: (r) => r.record?.value },
];

/** A text that may come from a form (the anomaly's value), with anything that looks like an INSZ masked. */
const masked = (text: string | null): string | null => (text === null ? null : maskInszInText(text));

export const ANOMALY_COLUMNS: readonly BilingualColumn<AnomalyReportRow>[] = [
  { header: h("Personeelsnr.", "Staff id"), width: 10, kind: "integer", value: (r) => r.staffId },
  { header: h("Aangiftetype", "Form type"), width: 10, kind: "text", value: (r) => r.formType },
  { header: h("Refertemaand", "Reference month"), width: 10, kind: "text", value: (r) => r.referencePeriod },
  { header: h("Opdracht", "Assignment"), width: 11, kind: "integer", value: (r) => r.assignmentId },
  { header: h("Bestand", "File"), width: 34, kind: "text", value: (r) => r.fileName },
  { header: h("Volgnummer", "Sequence nr."), width: 10, kind: "integer", value: (r) => r.sequenceNbr },
  { header: h("Fout-id", "Error id"), width: 12, kind: "text", value: (r) => r.errorId },
  { header: h("Zone", "Zone label"), width: 60, kind: "text", value: (r) => r.zoneLabel },
  { header: h("Klasse", "Class"), width: 7, kind: "text", value: (r) => r.anomalyClass },
  { header: h("Zone (tag)", "Tag"), width: 26, kind: "text", value: (r) => masked(r.tagName) },
  { header: h("Waarde", "Value"), width: 26, kind: "text", value: (r) => masked(r.value) },
  { header: h("Status aangifte", "Declaration status"), width: 22, kind: "text", value: (r) => r.declarationStatus },
  { header: h("Ingelezen", "Ingested"), width: 20, kind: "dateTime", value: (r) => ({ dateTime: r.ingestedAt }) },
];

/** The not-eligible rows of one person: their not-eligible units, or the person when they have no units. */
export function notEligibleRowsOf(decisions: PersonDecisions, frame: ReasonFrame): NotEligibleRow[] {
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
export interface WaitingRow {
  readonly person: PersonLine;
  readonly unit: WaitingUnitLine;
}

export const waitingColumns = ({ t }: ColumnContext): BilingualColumn<WaitingRow>[] => [
  ...place<WaitingRow>(),
  { header: h("Opdracht", "Assignment"), width: 11, kind: "integer", value: (r) => r.unit.assignmentId },
  ...who<WaitingRow>(),
  { header: h("Code (IT)", "Code (IT)"), width: 20, kind: "text", value: (r) => r.unit.reason },
  { header: h("Reden", "Reason"), width: 70, kind: "text", value: (r) => t.waitingReasons[r.unit.reason] },
  { header: h("Maanden gewacht", "Months waited"), width: 10, kind: "integer", value: (r) => r.unit.waitedMonths },
  { header: h("Toelichting", "Detail"), width: 70, kind: "text", value: (r) => r.unit.detail },
  {
    header: h("Brutoloon van de maand tot nu (EUR)", "Month gross so far (EUR)"),
    width: 14,
    kind: "euro",
    value: (r) => r.unit.facts?.monthGross,
  },
];

/** What a declared form is flagged with, in one language. */
function flagTexts(unit: DeclaredUnitLine, texts: Texts): string | null {
  return unit.flags && unit.flags.length > 0 ? unit.flags.map((flag) => texts.declarationFlags[flag]).join("; ") : null;
}

/** Pay shown but not counted (D16), as "02 EUR 700.00, 07 EUR 120.00". */
function notCountedText(lines: readonly PayByCode[] | undefined): string | null {
  return lines && lines.length > 0 ? lines.map((l) => `${l.code} ${formatEuro(l.amount)}`).join(", ") : null;
}
