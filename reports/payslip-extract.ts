/**
 * The payslip extract of a run: `<out>/<YYYY-MM>/payslip-extract-<YYYY-MM>.csv`, read by the payslip
 * printing system. For teaching staff the salary slip is the legal copy of the e-ASR (circular §7,
 * domain D12), so every declaration of the run yields exactly one record, for its own staff member
 * only — and so does every cancellation the run sent (column `aard`: aangifte or annulering): what was declared, as explicit columns and as ready-to-print Dutch lines (`regel_1` …). That
 * holds for every form type: the unemployment forms WECH003 / WECH006 (printed as AGODI's WECH503 /
 * WECH506) and the benefits forms ZIMA002 (monthly adapted work: sub-risk, reference periods, gross
 * of sub-risk 2) and ZIMA005 (holiday year, sub-risk, holiday sector, holiday days).
 *
 * Format: UTF-8 without byte-order mark, `;`-separated, one header row, RFC 4180 quoting (a field
 * holding `;`, `"`, CR or LF is quoted, inner quotes doubled), CRLF line ends. Amounts and hours use
 * a decimal comma and no thousands separator ("977,38", "16,00"); dates are ISO (`2017-09-01`).
 * A text field that a spreadsheet would take for a formula (starting with = + - @, tab or CR) is
 * prefixed with `'`. No INSZ and no name: the staff id links the record to the payslip.
 *
 * Written streaming (one person of decisions.jsonl at a time, in the run's single pass with the other
 * reports, see person-reports.ts) to a temporary name, then renamed.
 */
import { isHolidayYear, type ReferencePeriod } from "../src/domain/reference-period";
import { csvRow, UTF8_BOM } from "./csv";
import { fractionText } from "../src/domain/fraction-text";
import type { CalendarDate } from "../src/domain/calendar-date";
import type { Cents } from "../src/domain/money";
import type { YearMonth } from "../src/domain/year-month";
import { publishFile, removeQuietly, temporaryPathFor } from "../src/files/atomic-file";
import { FileSink } from "../src/files/file-sink";
import { unreachable } from "../src/domain/unreachable";
import { formTypeModule } from "../src/form-types/registry";
import type {
  CancellationLine,
  DeclaredUnitLine,
  RunSummary,
  Zima001Content,
  Zima002Content,
  Zima003Content,
  Zima005Content,
  Zima006Content,
} from "../src/run-record";
import {
  occupationStartingDate,
  subRiskOf,
  wech006Content,
  zima002Content,
  zima003Content,
  zima006Content,
  zima001Content,
  zima005Content,
} from "../src/run-record/declared-views";
import { NL } from "../src/texts/nl";
import { cadenceOf, FORM_TYPES, type FormType, perFormType } from "../src/rules/decision-types";
import { type PersonReport, writeReport } from "./person-reports";

/**
 * The form names printed on the copy for the XML form identifications: AGODI's labels for the
 * unemployment forms; the benefits forms keep their own identification.
 */
export const PAYSLIP_FORM_LABEL: Readonly<Record<FormType, string>> = perFormType((formType) => formTypeModule(formType).labels.payslip);
export type PayslipFormLabel = string;

/** How many ready-to-print lines a record has room for (`regel_1` … `regel_8`); unused ones are empty. */
export const PAYSLIP_LINE_COUNT = 8;

/** The header row, in column order. */
export const PAYSLIP_COLUMNS: readonly string[] = [
  "maand", // the run month: the payslip the copy is printed with
  "personeelslid", // staff id
  "formulier", // WECH503 | WECH506
  "aangifte", // WECH003 | WECH006, the form as sent to social security
  "opdracht_id", // assignment id
  "refertemaand", // WECH506, ZIMA002: the month declared (YYYY-MM); ZIMA005: the holiday year (YYYY); empty for WECH503
  "begindatum", // WECH503: start of part-time work; WECH506: first day of work in the reference month; ZIMA002: start of the first reference period; empty for ZIMA005
  "einddatum", // WECH506: last day of work in the reference month; ZIMA002: end of the last reference period; empty for WECH503 and ZIMA005
  "inrichtende_macht", // school board
  "instelling", // institution
  "opdracht", // assignment fraction, e.g. 16/32
  "q", // Q in hours, e.g. 16,00
  "s", // S in hours, e.g. 32,00
  "theoretisch_loon", // theoretical monthly salary in euro, e.g. 977,38
  "bruto_loon", // WECH506: the declared gross of the month in euro; ZIMA002 sub-risk 2: the exact wages of the month; empty otherwise
  "bestand", // the FI file the form was sent in
  "volgnummer", // the form's sequence number in that file
  "ticket", // the ticket of social security, empty until its answer is processed
  ...Array.from({ length: PAYSLIP_LINE_COUNT }, (_, index) => `regel_${index + 1}`),
  "subrisico", // ZIMA002: 1 or 2; ZIMA005: 1-4; empty for WECH
  "referteperiodes", // ZIMA002: the reference periods, start/end, comma-separated (2023-03-01/2023-03-15,2023-03-16/2023-03-31)
  "vakantiejaar", // ZIMA005: the holiday year
  "vakantiesector", // ZIMA005: 1 private, 2 public, 3 none
  "vakantiedagen", // ZIMA005: the holiday days of the details together, e.g. 20,50 (empty for sectors 2 and 3)
  "aard", // aangifte: a declaration (original or modification); annulering: a cancellation of an accepted form
];

/** What a record is: a declaration (original or modification) or the cancellation of an accepted form. */
export const PAYSLIP_RECORD_NATURES = ["aangifte", "annulering"] as const;
export type PayslipRecordNature = (typeof PAYSLIP_RECORD_NATURES)[number];

/** One record of the extract: one declaration of one staff member. Amounts and hours as printed. */
export interface PayslipRecord {
  readonly month: YearMonth;
  readonly staffId: number;
  readonly formLabel: PayslipFormLabel;
  readonly formType: FormType;
  readonly assignmentId: number;
  /** WECH006, ZIMA002: YYYY-MM; ZIMA005: the holiday year YYYY; WECH003: null. */
  readonly referencePeriod: ReferencePeriod | null;
  /** Null for ZIMA005 (a holiday year, no dates). */
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  readonly boardName: string;
  readonly institutionName: string;
  /** "16/32"; empty when the assignment's fraction was not readable. */
  readonly fraction: string;
  readonly q: string;
  readonly s: string;
  readonly theoreticalSalary: string;
  /** WECH506, and ZIMA002 of sub-risk 2; empty otherwise. */
  readonly grossSalary: string;
  readonly fileName: string;
  readonly sequenceNbr: number;
  /** Empty until social security's ticket is known. */
  readonly ticket: string;
  /** ZIMA only (empty for WECH): the sub-risk, "1" … "4". */
  readonly subRisk: string;
  /** ZIMA002: "2023-03-01/2023-03-15,2023-03-16/2023-03-31". */
  readonly periods: string;
  /** ZIMA005: "2022", its sector "1" … "3" and its days "20,50" (empty without details). */
  readonly holidayYear: string;
  readonly holidaySector: string;
  readonly holidayDays: string;
  /** A declaration, or a cancellation (then the facts of the form cancelled are not repeated: only its unit and ticket). */
  readonly nature: PayslipRecordNature;
  /** The Dutch lines to print, at most PAYSLIP_LINE_COUNT. */
  readonly lines: readonly string[];
}

/** Names go on one printed line: no line breaks, tabs or runs of spaces. */
function oneLine(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** The facts a record's Dutch lines are made of. */
export type PayslipFacts = Omit<PayslipRecord, "lines">;

/**
 * The ready-to-print Dutch lines of one declaration, for example:
 *   Aangifte sociaal risico WECH506 – deeltijdse arbeid november 2017
 *   Instelling: Stedelijke Academie voor Muziek, Woord en Dans Lier
 *   Opdracht 7/22 – Q 7,00 / S 22,00
 *   Periode: 2017-11-21 tot en met 2017-11-30
 *   Bruto loon: EUR 246,00 – Theoretisch loon: EUR 738,00
 *   Bestand FI.WECH.900123.20261124.00008.T, volgnummer 2
 *   Ticketnummer: … (once known)
 * For a ZIMA form, `declared` (its content in decisions.jsonl) gives the lines of what it declared:
 *   Aangifte sociaal risico ZIMA 002 – aangepast werk maart 2023
 *   Subrisico 2: aangepast werk tijdens moederschapsbescherming
 *   Instelling: … / Opdracht … – Q … / S …
 *   Periodes: 2023-03-01 tot en met 2023-03-15 (Q 19,00 u/week, 5,00 dagen/week); …
 *   Bruto loon: EUR 1234,56 (lonen 01 EUR 1234,56) — or, for sub-risk 1, Prestaties: …
 *   Bestand …, volgnummer … / Ticketnummer: …
 * and for ZIMA005: the holiday year, sub-risk and sector, the holiday days per code, the adapted work
 * of sub-risks 3 and 4. The ticket line, when known, is always the last.
 */
export function payslipLines(facts: PayslipFacts, unit: DeclaredUnitLine | null = null): string[] {
  const lines = [...formLines(facts, unit), P.file(facts.fileName, facts.sequenceNbr)];
  if (facts.ticket) lines.push(P.ticket(facts.ticket));
  return lines;
}

const P = NL.payslip;

/** A month as the copy names it ("november 2017"); a holiday year as it is. */
function periodText(period: ReferencePeriod): string {
  return isHolidayYear(period) ? period : NL.month(period);
}

/** Where the occupation is and its hours: "Instelling: …", "Opdracht 16/32 – Q 16,00 / S 32,00". */
function placeLines(facts: PayslipFacts): string[] {
  return [P.institution(facts.institutionName), P.hours(facts.fraction, facts.q, facts.s)];
}

/** The lines of what the form declared, per form type (before the file and ticket lines). */
function formLines(facts: PayslipFacts, unit: DeclaredUnitLine | null): string[] {
  switch (facts.formType) {
    case "WECH003":
      return [
        P.declarationOf(P.startOfPartTimeWork(facts.formLabel, facts.startDate)),
        ...placeLines(facts),
        P.theoreticalSalary(facts.theoreticalSalary),
      ];
    case "WECH006":
      return [
        P.declarationOf(P.partTimeWork(facts.formLabel, facts.referencePeriod ? periodText(facts.referencePeriod) : facts.startDate)),
        ...placeLines(facts),
        P.period(facts.startDate, facts.endDate ?? facts.startDate),
        P.grossAndTheoreticalSalary(facts.grossSalary, facts.theoreticalSalary),
      ];
    case "ZIMA002":
      return zima002Lines(facts, unit ? zima002Content(unit) : null);
    case "ZIMA003":
      return zima003Lines(facts, unit ? zima003Content(unit) : null);
    case "ZIMA005":
      return zima005Lines(facts, unit ? zima005Content(unit) : null);
    case "ZIMA006":
      return zima006Lines(facts, unit ? zima006Content(unit) : null);
    case "ZIMA001":
      return zima001Lines(facts, unit ? zima001Content(unit) : null);
    default:
      return unreachable(facts.formType, "form type");
  }
}

function zima002Lines(facts: PayslipFacts, zima002: Zima002Content | null): string[] {
  const lines = [P.declarationOf(P.adaptedWorkMonth(facts.referencePeriod ? periodText(facts.referencePeriod) : (facts.startDate ?? "")))];
  if (zima002) lines.push(P.subRisk(zima002.subRisk, NL.zima002SubRisks[zima002.subRisk]));
  lines.push(...placeLines(facts));
  if (!zima002) {
    if (facts.startDate) lines.push(P.period(facts.startDate, facts.endDate ?? facts.startDate));
    return lines;
  }
  lines.push(
    P.adaptedPeriods(
      zima002.periods.map((p) => ({ span: p, adaptedQ: NL.hundredths(p.adaptedQ), daysPerWeek: NL.hundredths(p.adaptedDaysPerWeek) })),
    ),
  );
  const severance = P.severanceSuffix(NL.severance(zima002.severance));
  if (zima002.subRisk === 2) {
    const wages = zima002.periods.flatMap((p) => p.exactWages).map((w) => P.wage(w.code, NL.hundredths(w.amount)));
    lines.push(P.adaptedWorkGross(facts.grossSalary, wages, severance));
  } else {
    lines.push(P.services(NL.services(zima002.periods.flatMap((p) => p.services)), severance));
  }
  return lines;
}

function zima003Lines(facts: PayslipFacts, zima003: Zima003Content | null): string[] {
  const lines = [P.declarationOf(P.breastfeedingMonth(facts.referencePeriod ? periodText(facts.referencePeriod) : ""))];
  lines.push(...placeLines(facts));
  if (zima003) lines.push(P.breastfeedingBreaks(zima003.totalBreaks, NL.breastfeedingLinks(zima003.links)));
  return lines;
}

/** ZIMA001: the risk and its start, the school, the calculation base, the reference period, the resumption when known. */
function zima001Lines(facts: PayslipFacts, zima001: Zima001Content | null): string[] {
  if (!zima001)
    return [
      P.declarationOf(P.riskSheetOf(facts.referencePeriod ? periodText(facts.referencePeriod) : "")),
      P.institution(facts.institutionName),
    ];
  const lines = [
    P.declarationOf(P.riskSheet(NL.absenceKinds[zima001.absenceKind], zima001.riskStart)),
    P.institution(facts.institutionName),
  ];
  lines.push(
    P.riskBases(
      zima001.occupations.map((o) => ({ assignmentId: o.assignmentId, amount: NL.hundredths(o.basisAmount), stable: o.stable === 1 })),
    ),
  );
  const period = zima001.occupations.find((o) => o.period !== null)?.period;
  if (period) lines.push(P.riskPeriod(period.start, period.end, period.codes));
  if (zima001.workRecovery) lines.push(P.resumption(zima001.workRecovery, NL.absenceKinds[zima001.absenceKind]));
  return lines;
}

/** ZIMA006: the month, the school, and the day work resumed after which risk (the form names no occupation: no hours). */
function zima006Lines(facts: PayslipFacts, zima006: Zima006Content | null): string[] {
  const lines = [P.declarationOf(P.resumptionMonth(facts.referencePeriod ? periodText(facts.referencePeriod) : ""))];
  lines.push(P.institution(facts.institutionName));
  if (zima006) lines.push(P.resumption(zima006.resumptionDate, NL.absenceKinds[zima006.absenceKind]));
  return lines;
}

function zima005Lines(facts: PayslipFacts, zima005: Zima005Content | null): string[] {
  const lines = [P.declarationOf(P.holidayYear(facts.holidayYear || facts.referencePeriod || ""))];
  if (zima005) lines.push(P.holidaySubRisk(zima005.subRisk, NL.zima005SubRisks[zima005.subRisk], NL.holidaySectors[zima005.holidaySector]));
  lines.push(...placeLines(facts));
  if (!zima005) return lines;
  lines.push(
    zima005.details.length > 0 ? P.holidayDays(NL.hundredths(zima005.totalDays), NL.holidayDetails(zima005.details)) : P.noHolidayDays,
  );
  if (zima005.adaptedWork)
    lines.push(P.adaptedWorkHours(NL.hundredths(zima005.adaptedWork.q), NL.hundredths(zima005.adaptedWork.daysPerWeek)));
  return lines;
}

/** The record with the ticket of its form: its line "Ticketnummer: …" added last (nothing changes when it has one). */
export function withTicket(record: PayslipRecord, ticket: string): PayslipRecord {
  if (record.ticket !== "") return record;
  return { ...record, ticket, lines: [...record.lines, P.ticket(ticket)] };
}

/** Whose record it is and of which unit: the same for a declaration and a cancellation (WECH003 has no reference month). */
function recordUnit(
  unit: {
    readonly staffId: number;
    readonly formType: FormType;
    readonly assignmentId: number;
    readonly referencePeriod: ReferencePeriod | null;
  },
  month: YearMonth,
): Pick<PayslipRecord, "month" | "staffId" | "formLabel" | "formType" | "assignmentId" | "referencePeriod"> {
  const { staffId, formType, assignmentId } = unit;
  return {
    month,
    staffId,
    formLabel: PAYSLIP_FORM_LABEL[formType],
    formType,
    assignmentId,
    referencePeriod: cadenceOf(formType) === "per-occupation" ? null : unit.referencePeriod,
  };
}

/** The record of one declared unit of the run month, in the file the run wrote for its form type. */
export function payslipRecordOf(unit: DeclaredUnitLine, month: YearMonth, fileName: string): PayslipRecord {
  const declared = unit.declared;
  const euro = (cents: Cents | null): string => (cents === null ? "" : NL.hundredths(cents));
  const wech006 = wech006Content(unit);
  const zima002 = zima002Content(unit);
  const zima005 = zima005Content(unit);
  const zima003 = zima003Content(unit);
  const zima006 = zima006Content(unit);
  const zima001 = zima001Content(unit);
  const periods = zima002?.periods ?? zima003?.links ?? [];
  const facts: PayslipFacts = {
    ...recordUnit(unit, month),
    // ZIMA006: the day work resumed (zone 00128).
    startDate: zima001
      ? zima001.riskStart
      : zima006
        ? zima006.resumptionDate
        : zima002 || zima003
          ? (periods[0]?.start ?? null)
          : occupationStartingDate(unit),
    endDate: zima002 || zima003 ? (periods[periods.length - 1]?.end ?? null) : (wech006?.occupationEndingDate ?? null),
    boardName: oneLine(unit.context.boardName),
    institutionName: oneLine(unit.context.institutionName),
    fraction: fractionText(unit.context.numerator, unit.context.denominator, ","),
    q: NL.hundredths(declared.q),
    s: NL.hundredths(declared.s),
    theoreticalSalary: euro(declared.theoreticalSalary),
    grossSalary: wech006 ? euro(wech006.exactSalary) : euro(zima002?.totalGross ?? null),
    fileName,
    sequenceNbr: declared.sequenceNbr,
    ticket: "",
    subRisk: String(subRiskOf(unit) ?? ""),
    periods: periods.map((p) => `${p.start}/${p.end}`).join(","),
    holidayYear: zima005 ? String(zima005.holidayYear) : "",
    holidaySector: zima005 ? String(zima005.holidaySector) : "",
    holidayDays: zima005 && zima005.details.length > 0 ? NL.hundredths(zima005.totalDays) : "",
    nature: "aangifte",
  };
  const lines = payslipLines(facts, unit);
  // One line stays free for the ticket, added when social security's answer is known.
  if (lines.length > PAYSLIP_LINE_COUNT - 1)
    throw new Error(`a payslip record has room for ${PAYSLIP_LINE_COUNT - 1} lines and the ticket, not ${lines.length}`);
  return { ...facts, lines };
}

/** The fields of a record in PAYSLIP_COLUMNS order (before neutralising and quoting). */
export function payslipFields(record: PayslipRecord): string[] {
  return [
    record.month,
    String(record.staffId),
    record.formLabel,
    record.formType,
    String(record.assignmentId),
    record.referencePeriod ?? "",
    record.startDate ?? "",
    record.endDate ?? "",
    record.boardName,
    record.institutionName,
    record.fraction,
    record.q,
    record.s,
    record.theoreticalSalary,
    record.grossSalary,
    record.fileName,
    String(record.sequenceNbr),
    record.ticket,
    ...Array.from({ length: PAYSLIP_LINE_COUNT }, (_, index) => record.lines[index] ?? ""),
    record.subRisk,
    record.periods,
    record.holidayYear,
    record.holidaySector,
    record.holidayDays,
    record.nature,
  ];
}

/** What a cancelled form was about, as its first line names it. */
function cancelledSubject(line: CancellationLine): string {
  const label = PAYSLIP_FORM_LABEL[line.formType];
  const month = line.referencePeriod;
  switch (line.formType) {
    case "WECH003":
      return P.startOfPartTimeWork(label);
    case "WECH006":
      return P.partTimeWork(label, month ? periodText(month) : null);
    case "ZIMA002":
      return P.adaptedWorkMonth(month ? periodText(month) : "");
    case "ZIMA003":
      return P.breastfeedingMonth(month ? periodText(month) : "");
    case "ZIMA005":
      return P.holidayYear(month ?? "");
    case "ZIMA006":
      return P.resumptionMonth(month ? periodText(month) : "");
    case "ZIMA001":
      return P.riskSheetOf(month ? periodText(month) : "");
    default:
      return unreachable(line.formType, "form type");
  }
}

/**
 * The record of a cancellation the run sent (AttestationStatus 3): the staff member's copy says which
 * accepted declaration was withdrawn — its form, unit and ticket — and why, in Dutch:
 *   Annulering aangifte sociaal risico WECH506 – deeltijdse arbeid september 2017
 *   De aanvaarde aangifte met ticketnummer TCK0000000001 wordt ingetrokken.
 *   Reden: er is geen RL16-melding meer voor dit personeelslid
 *   Bestand FI.WECH.900123.20261206.00003.T, volgnummer 1
 */
export function payslipCancellationRecordOf(line: CancellationLine, month: YearMonth, fileName: string): PayslipRecord {
  const lines = [
    P.cancellationOf(cancelledSubject(line)),
    P.withdrawn(line.referenceTicket),
    P.reason(NL.cancellationReason(line.reason)),
    P.file(fileName, line.sequenceNbr),
  ];
  return {
    ...recordUnit(line, month),
    startDate: null,
    endDate: null,
    boardName: "",
    institutionName: "",
    fraction: "",
    q: "",
    s: "",
    theoreticalSalary: "",
    grossSalary: "",
    fileName,
    sequenceNbr: line.sequenceNbr,
    ticket: "",
    subRisk: "",
    periods: "",
    holidayYear: cadenceOf(line.formType) === "yearly" ? (line.referencePeriod ?? "") : "",
    holidaySector: "",
    holidayDays: "",
    nature: "annulering",
    lines,
  };
}

/** "2 aangiften", "1 aangifte, 1 annulering": what the copy holds. */
export function recordCountText(records: readonly PayslipRecord[]): string {
  const declarations = records.filter((r) => r.nature === "aangifte").length;
  return P.recordCount(declarations, records.length - declarations);
}

export interface PayslipExtractInput {
  readonly summary: RunSummary;
  /** The run's decisions.jsonl. */
  readonly decisionsPath: string;
  /** Normally `<summary.outputDir>/payslip-extract-<YYYY-MM>.csv`. */
  readonly outputPath: string;
}

/** Characters of CSV collected before they are handed to the file. */
const CHUNK_CHARS = 1 << 16;

/** The FI file of each form type the run wrote, by the run summary; a form type without one is a record that does not fit it. */
function runFileOf(summary: RunSummary, source: string): (formType: FormType, staffId: number, what: string) => string {
  const fileNames = new Map(summary.files.map((file) => [file.formType, file.fileName]));
  return (formType, staffId, what) => {
    const fileName = fileNames.get(formType);
    if (fileName === undefined)
      throw new Error(`${source}: ${what} ${formType} of staff ${staffId}, but the run summary has no ${formType} file`);
    return fileName;
  };
}

/**
 * The records the extract holds must be what the run summary counted, per form type: declared =
 * originals + modifications + cancellations (D26), and every form of the type's file has its record.
 */
function checkAgainstSummary(
  summary: RunSummary,
  source: string,
  written: Readonly<Record<FormType, number>>,
  cancelled: Readonly<Record<FormType, number>>,
): void {
  for (const formType of FORM_TYPES) {
    // A summary written before the benefits forms existed has no ZIMA counts: none declared.
    const counts = (summary.forms as Partial<Record<FormType, { declared: number; cancellations?: number; originals?: number }>>)[formType];
    // Since D26 declared = originals + modifications + cancellations; before, declared left the cancellations out.
    const cancellations = counts?.cancellations ?? 0;
    const expected = (counts?.declared ?? 0) - (counts?.originals === undefined ? 0 : cancellations);
    const inFile = summary.files.find((file) => file.formType === formType)?.forms ?? 0;
    if (written[formType] !== expected || cancelled[formType] !== cancellations || written[formType] + cancelled[formType] !== inFile) {
      throw new Error(
        `${source} holds ${written[formType]} declared ${formType} units and ${cancelled[formType]} cancellations, the run summary of ${summary.runMonth} ${expected} and ${cancellations} (its file ${inFile} forms): they do not belong together`,
      );
    }
  }
}

/**
 * The extract as a report of the run's single pass over decisions.jsonl (see person-reports.ts): one
 * record per declared unit, written to the temporary file as the persons come; when finished, checked
 * against the run summary (as many records per form type as the summary declared and its file holds),
 * so that a decisions file and a summary that do not belong together never produce an extract.
 */
export function payslipExtractReport(input: PayslipExtractInput): PersonReport<{ records: number }> {
  const { summary, outputPath, decisionsPath: source } = input;
  const fileOf = runFileOf(summary, source);
  const written: Record<FormType, number> = perFormType(() => 0);
  const cancelled: Record<FormType, number> = perFormType(() => 0);
  const temporary = temporaryPathFor(outputPath);
  let sink: FileSink | null = null;
  // A UTF-8 byte-order mark first: Excel on Windows then reads "–" and accents as they are.
  let chunk = UTF8_BOM + csvRow(PAYSLIP_COLUMNS);

  /** Hands the collected CSV to the file, waiting while the file is behind. */
  async function write(): Promise<FileSink> {
    sink ??= new FileSink(temporary);
    const text = chunk;
    chunk = "";
    await sink.write(text);
    return sink;
  }

  function discard(): void {
    void sink?.discard();
    removeQuietly(temporary);
  }

  return {
    async add({ units, cancellations }) {
      for (const unit of units) {
        if (unit.status !== "declared") continue;
        written[unit.formType]++;
        chunk += csvRow(payslipFields(payslipRecordOf(unit, summary.runMonth, fileOf(unit.formType, unit.staffId, "a declared unit"))));
      }
      for (const cancellation of cancellations) {
        cancelled[cancellation.formType]++;
        const fileName = fileOf(cancellation.formType, cancellation.staffId, "a cancellation");
        chunk += csvRow(payslipFields(payslipCancellationRecordOf(cancellation, summary.runMonth, fileName)));
      }
      if (chunk.length >= CHUNK_CHARS) await write();
    },
    async finish() {
      try {
        checkAgainstSummary(summary, source, written, cancelled);
        await (await write()).end();
        publishFile(temporary, outputPath);
      } catch (error) {
        discard();
        throw error;
      }
      return { records: FORM_TYPES.reduce((sum, formType) => sum + written[formType] + cancelled[formType], 0) };
    },
    discard,
  };
}

/**
 * Writes the extract of one run: one record per declared unit of decisions.jsonl, checked against the
 * run summary (see {@link payslipExtractReport}).
 */
export async function writePayslipExtract(input: PayslipExtractInput): Promise<{ records: number }> {
  return writeReport(input.decisionsPath, payslipExtractReport(input));
}
