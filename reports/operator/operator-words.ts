/**
 * The words of the operator workbook's layout, in Dutch and in English: sheet names, the captions of the
 * overview's blocks, and the headers those blocks share. The words for codes (reasons, rules, flags)
 * are the languages' texts (src/texts); the detail sheets' column headers sit with their columns.
 */
import type { Environment } from "../../src/files/batch-file-name";
import { dutchMonth, NL } from "../../src/texts/nl";
import type { YearMonth } from "../../src/domain/year-month";
import type { RunSummary } from "../../src/run-record";
import type { ReportLanguage } from "./report-language";

/** "2026-12-07T05:06:43.295+01:00" -> "2026-12-07 05:06:43": the wall-clock time the run wrote, as text. */
function wallClock(timestamp: string): string {
  return timestamp.replace("T", " ").slice(0, 19);
}

export interface SheetNames {
  readonly overview: string;
  readonly boards: string;
  readonly monthOverMonth: string;
  readonly declared: string;
  readonly zima002Periods: string;
  readonly zima005Holidays: string;
  readonly notEligible: string;
  readonly waiting: string;
  readonly rejected: string;
  readonly anomalies: string;
}

export interface OperatorWords {
  readonly sheets: SheetNames;
  readonly yes: string;
  readonly no: string;
  /** What the run did, in a line. */
  result(summary: RunSummary): string;
  /** Under a sheet cut to its row limit: how many more rows, of how many, in which CSV. */
  overflowNote(more: number, total: number, csvName: string): string;
  /** What a row of the rejected sheet is: a form blocked by a broken record, or the broken record itself. */
  readonly rejectedKinds: { readonly blockedForm: string; readonly brokenRecord: string };
  readonly overview: {
    title(month: YearMonth, environment: Environment): string;
    subtitle(summary: RunSummary): string;
    readonly run: string;
    readonly perFormType: string;
    readonly toDo: string;
    readonly perAgency: string;
    readonly perLevel: string;
    readonly reasons: string;
    readonly files: string;
    readonly sheets: string;
    readonly notes: string;
    readonly what: string;
    readonly value: string;
    readonly where: string;
    readonly count: string;
    readonly total: string;
    readonly sheet: string;
    readonly sheetContent: string;
    readonly sheetLeftOut: string;
    readonly nothingConsidered: string;
    readonly noReasons: string;
    readonly noFiles: string;
    readonly noGoInDryRun: string;
  };
  readonly run: {
    readonly month: string;
    readonly environment: string;
    environmentValue(environment: Environment): string;
    readonly runId: string;
    readonly noRunId: string;
    readonly dryRun: string;
    readonly cutoff: string;
    readonly started: string;
    readonly finished: string;
    readonly previousRun: string;
    previousRunValue(runId: number, finishedAt: string | null): string;
    readonly none: string;
    readonly rules: string;
    readonly result: string;
    readonly sender: string;
    readonly noss: string;
    readonly kbo: string;
  };
  readonly actions: {
    readonly brokenRecords: string;
    readonly blockedForms: string;
    readonly refusedForms: string;
    readonly anomalies: string;
    readonly waiting: string;
    readonly acceptReissue: string;
    readonly warning: string;
    readonly recordOfNoStaff: string;
    readonly rulesChange: string;
    readonly nothing: string;
  };
  readonly columns: {
    readonly formType: string;
    readonly description: string;
    readonly code: string;
    readonly name: string;
    readonly persons: string;
    readonly considered: string;
    readonly declared: string;
    readonly ofWhichModifications: string;
    readonly ofWhichCancellations: string;
    readonly notEligible: string;
    readonly waiting: string;
    readonly rejected: string;
    readonly unchanged: string;
    readonly flagged: string;
    readonly grossWech006: string;
    readonly grossZima002: string;
    readonly holidayDays: string;
    readonly outcome: string;
    readonly reason: string;
    readonly codeForIt: string;
    readonly declarationFile: string;
    readonly goFile: string;
    readonly forms: string;
    readonly rows: string;
  };
}

/** "R (echt)", "T (test)". */
const dutchEnvironment = (environment: Environment): string => `${environment} (${NL.board.environments[environment]})`;
/** "R (real)", "T (test)". */
const englishEnvironment = (environment: Environment): string => `${environment} (${environment === "R" ? "real" : "test"})`;

const NL_WORDS: OperatorWords = {
  sheets: {
    overview: "Overzicht",
    boards: "Per schoolbestuur",
    monthOverMonth: "Maand per maand",
    declared: "Aangegeven",
    zima002Periods: "ZIMA002 perioden",
    zima005Holidays: "ZIMA005 vakantie",
    notEligible: "Niet aangegeven",
    waiting: "Wachtend",
    rejected: "Geweigerd",
    anomalies: "Anomalieën",
  },
  yes: "ja",
  no: "nee",
  overflowNote: (more, total, csvName) => `… nog ${more} rijen niet getoond (${total} in totaal): de volledige lijst staat in ${csvName}`,
  rejectedKinds: { blockedForm: "geblokkeerde aangifte", brokenRecord: "fout record" },
  result: (s) => {
    const forms = s.files.reduce((n, f) => n + f.forms, 0);
    const files = `${forms} ${forms === 1 ? "aangifte" : "aangiften"} in ${s.files.length} ${s.files.length === 1 ? "bestand" : "bestanden"}`;
    return s.dryRun ? `proefrun: ${files} zouden geschreven worden, niets vastgelegd` : files;
  },
  overview: {
    title: (month, environment) => `e-ASR maandrapport ${dutchMonth(month)} (${month}), omgeving ${dutchEnvironment(environment)}`,
    subtitle: (s) => `run ${s.runId ?? "zonder nummer (proefrun)"} · uiterste betaaldatum ${wallClock(s.cutoffAt)} · ${NL_WORDS.result(s)}`,
    run: "Run",
    perFormType: "Per aangiftetype",
    toDo: "Te doen",
    perAgency: "Per agentschap",
    perLevel: "Per onderwijsniveau",
    reasons: "Redenen, regels en markeringen per aangiftetype (aantal eenheden)",
    files: "Bestanden",
    sheets: "Bladen van deze werkmap",
    notes: "Opmerkingen",
    what: "Wat",
    value: "Waarde",
    where: "Waar",
    count: "Aantal",
    total: "Totaal",
    sheet: "Blad",
    sheetContent: "Inhoud",
    sheetLeftOut: "niet in deze werkmap: geen rijen",
    nothingConsidered: "niemand om te beslissen deze maand",
    noReasons: "geen",
    noFiles: "geen bestand geschreven",
    noGoInDryRun: "geen: een proefrun schrijft geen GO-bestand",
  },
  run: {
    month: "Maand",
    environment: "Omgeving",
    environmentValue: dutchEnvironment,
    runId: "Run",
    noRunId: "geen (proefrun)",
    dryRun: "Proefrun (niets vastgelegd)",
    cutoff: "Uiterste betaaldatum",
    started: "Gestart (Brusselse tijd)",
    finished: "Klaar (Brusselse tijd)",
    previousRun: "Vorige run van deze maand",
    previousRunValue: (id, at) => `run ${id}, klaar ${at ?? "?"}`,
    none: "geen",
    rules: "Versie van de regels",
    result: "Resultaat",
    sender: "Afzendernummer batch",
    noss: "RSZ-nummer",
    kbo: "KBO-ondernemingsnummer",
  },
  actions: {
    brokenRecords: "Foute records (broncontract) van een personeelslid of van niemand: in de loonadministratie verbeteren",
    blockedForms: "Aangiften geblokkeerd door een fout record: het record verbeteren",
    refusedForms: "Aangiften geweigerd door de sociale zekerheid",
    anomalies: "Anomalieën gemeld door de sociale zekerheid",
    waiting: "Wachtend",
    acceptReissue: "easr run --accept-reissue",
    warning: "Waarschuwing",
    recordOfNoStaff: "Record van geen personeelslid",
    rulesChange: "Gewijzigde regel",
    nothing: "niets te doen",
  },
  columns: {
    formType: "Aangiftetype",
    description: "Omschrijving",
    code: "Code",
    name: "Naam",
    persons: "Personen",
    considered: "Beslist",
    declared: "Aangegeven",
    ofWhichModifications: "waarvan wijzigingen",
    ofWhichCancellations: "waarvan annuleringen",
    notEligible: "Niet aangegeven",
    waiting: "Wachtend",
    rejected: "Geweigerd",
    unchanged: "Ongewijzigd",
    flagged: "Gemarkeerd",
    grossWech006: "Brutoloon WECH006 (EUR)",
    grossZima002: "Brutoloon ZIMA002 (EUR)",
    holidayDays: "Vakantiedagen ZIMA005",
    outcome: "Uitkomst",
    reason: "Reden",
    codeForIt: "Code (IT)",
    declarationFile: "Aangiftebestand (FI)",
    goFile: "Einde-overdrachtsbestand (GO)",
    forms: "Aangiften",
    rows: "Rijen",
  },
};

const EN_WORDS: OperatorWords = {
  sheets: {
    overview: "Overview",
    boards: "Per school board",
    monthOverMonth: "Month over month",
    declared: "Declared",
    zima002Periods: "ZIMA002 periods",
    zima005Holidays: "ZIMA005 holidays",
    notEligible: "Not eligible",
    waiting: "Waiting",
    rejected: "Rejected",
    anomalies: "Anomalies",
  },
  yes: "yes",
  no: "no",
  overflowNote: (more, total, csvName) => `… ${more} more rows not shown here (${total} in all): the complete list is in ${csvName}`,
  rejectedKinds: { blockedForm: "blocked form", brokenRecord: "broken record" },
  result: (s) => s.message,
  overview: {
    title: (month, environment) => `e-ASR month report ${month}, environment ${englishEnvironment(environment)}`,
    subtitle: (s) => `run ${s.runId ?? "without number (dry run)"} · cut-off ${wallClock(s.cutoffAt)} · ${s.message}`,
    run: "Run",
    perFormType: "Per form type",
    toDo: "To do",
    perAgency: "Per agency",
    perLevel: "Per level of education",
    reasons: "Reasons, rules and flags per form type (units)",
    files: "Files",
    sheets: "Sheets of this workbook",
    notes: "Notes",
    what: "What",
    value: "Value",
    where: "Where",
    count: "Count",
    total: "Total",
    sheet: "Sheet",
    sheetContent: "Content",
    sheetLeftOut: "not in this workbook: no rows",
    nothingConsidered: "no one to decide this month",
    noReasons: "none",
    noFiles: "no file written",
    noGoInDryRun: "none: a dry run writes no GO file",
  },
  run: {
    month: "Month",
    environment: "Environment",
    environmentValue: englishEnvironment,
    runId: "Run",
    noRunId: "none (dry run)",
    dryRun: "Dry run (nothing recorded)",
    cutoff: "Cut-off (uiterste betaaldatum)",
    started: "Started (Brussels time)",
    finished: "Finished (Brussels time)",
    previousRun: "Earlier run of this month",
    previousRunValue: (id, at) => `run ${id}, finished ${at ?? "?"}`,
    none: "none",
    rules: "Rules version",
    result: "Result",
    sender: "Batch sender number",
    noss: "RSZ/NOSS number",
    kbo: "KBO enterprise number",
  },
  actions: {
    brokenRecords: "Records of a staff member or of no one breaking the source contract: to fix in the payroll",
    blockedForms: "Forms blocked by a record breaking the contract: fix the record",
    refusedForms: "Forms refused by social security",
    anomalies: "Anomalies reported by social security",
    waiting: "Waiting",
    acceptReissue: "easr run --accept-reissue",
    warning: "Warning",
    recordOfNoStaff: "Record of no staff member",
    rulesChange: "Rule changed",
    nothing: "nothing to do",
  },
  columns: {
    formType: "Form type",
    description: "Description",
    code: "Code",
    name: "Name",
    persons: "Persons",
    considered: "Considered",
    declared: "Declared",
    ofWhichModifications: "of which modifications",
    ofWhichCancellations: "of which cancellations",
    notEligible: "Not eligible",
    waiting: "Waiting",
    rejected: "Rejected",
    unchanged: "Unchanged",
    flagged: "Flagged",
    grossWech006: "Gross WECH006 (EUR)",
    grossZima002: "Gross ZIMA002 (EUR)",
    holidayDays: "Holiday days ZIMA005",
    outcome: "Outcome",
    reason: "Reason",
    codeForIt: "Code (IT)",
    declarationFile: "Declaration file (FI)",
    goFile: "End-of-transfer file (GO)",
    forms: "Forms",
    rows: "Rows",
  },
};

export function wordsOf(language: ReportLanguage): OperatorWords {
  return language === "nl" ? NL_WORDS : EN_WORDS;
}
