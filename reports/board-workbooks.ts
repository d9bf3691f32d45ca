/**
 * One workbook per school board that had staff in the run (`<out>/<YYYY-MM>/boards/<board-name>-<board-id>-<YYYY-MM>.xlsx`,
 * boardWorkbookName):
 * for the board's own staff only — a person with a decision unit on one of the board's assignments —
 * the notifications in force for them, what was declared and what was not and why, in Dutch. A
 * board sees only the units of its own assignments: a person who also works for another board
 * appears in both workbooks, each with its own rows; the other board's notification is shown with
 * "ander schoolbestuur" as its sender.
 *
 * Memory stays bounded whatever the number of persons and boards, in two steps:
 * 1. decisions.jsonl is streamed person by person (once, with the other reports of the run, see
 *    person-reports.ts); each row goes to the board's spool file for its sheet in a temporary folder
 *    (`boards/.rows-XXXXXX/<board>.<sheet>.jsonl`, see row-spool.ts), whose shared buffer keeps
 *    neither the rows nor open file handles growing with the number of boards;
 * 2. the workbooks are written a few at a time, each sheet streamed from its spool file, each
 *    workbook under a temporary name; when all are complete they are flushed together and renamed
 *    (see publishFiles). The temporary folder and any unpublished workbook are removed at the end,
 *    also when something fails.
 * What stays in memory is one person's decisions, the spool's buffer, and the id and name of every
 * board.
 */
import type { ReferencePeriod } from "../src/domain/reference-period";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CalendarDate } from "../src/domain/calendar-date";
import type { Cents } from "../src/domain/money";
import { unreachable } from "../src/domain/unreachable";
import { type PendingFile, publishFiles, removeQuietly, temporaryPathFor } from "../src/files/atomic-file";
import { makeDirectory } from "../src/files/file-modes";
import { type DeclaredUnitLine, fileNameOf, type PersonLine, type RunSummary, type UnitLine } from "../src/run-record";
import { occupationStartingDate, wech006Content, zima002Content } from "../src/run-record/declared-views";
import { NL } from "../src/texts/nl";
import { type ColumnDefinition, fractionText, writeWorkbookFile } from "./excel-cells";
import { notEligibleTexts, type ReasonFrame } from "./not-eligible-detail";
import { type PersonReport, writeReport } from "./person-reports";
import { RowSpool } from "./row-spool";

export interface BoardWorkbooksInput {
  readonly summary: RunSummary;
  readonly decisionsPath: string;
  readonly outputDir: string;
}

export const BOARD_SHEETS = { notifications: "Meldingen", declared: "Aangegeven", notDeclared: "Niet aangegeven" } as const;

type SheetKey = keyof typeof BOARD_SHEETS;

/** What the board sees of the staff member on every row. */
interface StaffColumns {
  readonly staffId: number;
  readonly lastName: string | null;
  readonly firstName: string | null;
  readonly insz: string | null;
}

interface NotificationRow extends StaffColumns {
  readonly messageRef: string;
  readonly sentBy: string;
  readonly receivedAt: string;
  readonly validFrom: CalendarDate;
  readonly withdrawnFrom: CalendarDate | null;
  readonly windowStart: CalendarDate | null;
  readonly windowEnd: CalendarDate | null;
  readonly remark: string | null;
}

/** Where the unit's assignment sits, as the board knows it. */
interface AssignmentColumns extends StaffColumns {
  readonly formType: string;
  readonly referencePeriod: ReferencePeriod | null;
  readonly institution: string | null;
  readonly level: string | null;
  readonly assignmentId: number;
  readonly fraction: string;
}

interface DeclaredRow extends AssignmentColumns {
  readonly jobTitle: string | null;
  readonly q: number | null;
  readonly s: number | null;
  readonly start: CalendarDate | null;
  readonly end: CalendarDate | null;
  readonly gross: Cents | null;
  readonly theoreticalSalary: Cents | null;
  readonly fileName: string | null;
  readonly sequenceNbr: number | null;
  /** ZIMA002 / ZIMA005: the sub-risk and what it means. */
  readonly subRisk: string | null;
  /** ZIMA002: the reference periods with the adapted work of each. */
  readonly periods: string | null;
  /** ZIMA002: services (sub-risk 1) or exact wages (sub-risk 2). */
  readonly benefitsLines: string | null;
  /** ZIMA005. */
  readonly holidayYear: number | null;
  readonly holidayDetails: string | null;
  readonly holidayDays: number | null;
  /** What the board should know about the form (declared without pay, severance in the month), in Dutch. */
  readonly remarks: string | null;
}

interface NotDeclaredRow extends AssignmentColumns {
  readonly outcome: string;
  readonly code: string;
  readonly reason: string;
  readonly record: string | null;
  readonly value: string | null;
}

const STAFF_COLUMNS = <R extends StaffColumns>(): ColumnDefinition<R>[] => [
  { header: "Personeelslid", width: 13, kind: "integer", value: (r) => r.staffId },
  { header: "Naam", width: 20, kind: "text", value: (r) => r.lastName },
  { header: "Voornaam", width: 16, kind: "text", value: (r) => r.firstName },
  { header: "INSZ (gemaskeerd)", width: 16, kind: "text", value: (r) => r.insz },
];

const ASSIGNMENT_COLUMNS = <R extends AssignmentColumns>(): ColumnDefinition<R>[] => [
  { header: "Aangifte", width: 10, kind: "text", value: (r) => r.formType },
  { header: "Refertemaand", width: 12, kind: "text", value: (r) => r.referencePeriod },
  ...STAFF_COLUMNS<R>(),
  { header: "Instelling", width: 40, kind: "text", value: (r) => r.institution },
  { header: "Niveau", width: 8, kind: "text", value: (r) => r.level },
  { header: "Opdracht", width: 10, kind: "integer", value: (r) => r.assignmentId },
  { header: "Opdrachtbreuk", width: 13, kind: "text", value: (r) => r.fraction },
];

const NOTIFICATION_COLUMNS: readonly ColumnDefinition<NotificationRow>[] = [
  ...STAFF_COLUMNS<NotificationRow>(),
  { header: "Melding", width: 20, kind: "text", value: (r) => r.messageRef },
  { header: "Verstuurd door", width: 40, kind: "text", value: (r) => r.sentBy },
  { header: "Ontvangen op", width: 19, kind: "dateTime", value: (r) => r.receivedAt },
  { header: "Geldig vanaf", width: 12, kind: "date", value: (r) => r.validFrom },
  { header: "Ingetrokken vanaf", width: 12, kind: "date", value: (r) => r.withdrawnFrom },
  { header: "Meldingsperiode van", width: 12, kind: "date", value: (r) => r.windowStart },
  { header: "Meldingsperiode tot", width: 12, kind: "date", value: (r) => r.windowEnd },
  { header: "Opmerking", width: 50, kind: "text", value: (r) => r.remark },
];

const DECLARED_COLUMNS: readonly ColumnDefinition<DeclaredRow>[] = [
  ...ASSIGNMENT_COLUMNS<DeclaredRow>(),
  { header: "Ambt", width: 24, kind: "text", value: (r) => r.jobTitle },
  { header: "Q (1/100 u)", width: 10, kind: "integer", value: (r) => r.q },
  { header: "S (1/100 u)", width: 10, kind: "integer", value: (r) => r.s },
  { header: "Begin tewerkstelling", width: 12, kind: "date", value: (r) => r.start },
  { header: "Einde tewerkstelling", width: 12, kind: "date", value: (r) => r.end },
  { header: "Brutoloon van de maand (EUR)", width: 16, kind: "euro", value: (r) => r.gross },
  { header: "Theoretisch maandloon (EUR)", width: 16, kind: "euro", value: (r) => r.theoreticalSalary },
  { header: "Bestand", width: 32, kind: "text", value: (r) => r.fileName },
  { header: "Volgnummer", width: 11, kind: "integer", value: (r) => r.sequenceNbr },
  { header: "Subrisico", width: 36, kind: "text", value: (r) => r.subRisk },
  { header: "Referteperiodes (aangepast werk)", width: 60, kind: "text", value: (r) => r.periods },
  { header: "Prestaties / lonen", width: 50, kind: "text", value: (r) => r.benefitsLines },
  { header: "Vakantiejaar", width: 11, kind: "integer", value: (r) => r.holidayYear },
  { header: "Vakantie (code: dagen, uren)", width: 50, kind: "text", value: (r) => r.holidayDetails },
  { header: "Vakantiedagen", width: 12, kind: "hundredths", value: (r) => r.holidayDays },
  { header: "Opmerking", width: 60, kind: "text", value: (r) => r.remarks },
];

const NOT_DECLARED_COLUMNS: readonly ColumnDefinition<NotDeclaredRow>[] = [
  ...ASSIGNMENT_COLUMNS<NotDeclaredRow>(),
  { header: "Uitkomst", width: 16, kind: "text", value: (r) => r.outcome },
  { header: "Code", width: 30, kind: "text", value: (r) => r.code },
  { header: "Reden", width: 80, kind: "text", value: (r) => r.reason },
  { header: "Gegeven", width: 36, kind: "text", value: (r) => r.record },
  { header: "Waarde", width: 18, kind: "text", value: (r) => r.value },
];

function staffColumns(person: PersonLine): StaffColumns {
  return { staffId: person.staffId, lastName: person.lastName, firstName: person.firstName, insz: person.inszMasked };
}

function assignmentColumns(person: PersonLine, unit: UnitLine): AssignmentColumns {
  const c = unit.context;
  return {
    ...staffColumns(person),
    formType: unit.formType,
    referencePeriod: unit.referencePeriod,
    institution: c.institutionName,
    level: c.level,
    assignmentId: unit.assignmentId,
    fraction: fractionText(c.numerator, c.denominator),
  };
}

/** The person's notifications; the sender is named only when it is this board. */
function notificationRows(person: PersonLine, boardId: number, boardName: string): NotificationRow[] {
  return person.notifications.map((n) => {
    const window = person.windows.find((w) => w.notificationId === n.id) ?? null;
    let remark: string | null = null;
    if (!window) {
      remark = n.withdrawnFrom !== null && n.withdrawnFrom <= n.validFrom ? NL.board.withdrawnFromStart : NL.board.duplicateNotification;
    }
    return {
      ...staffColumns(person),
      messageRef: n.messageRef,
      sentBy: n.boardId === boardId ? boardName : NL.board.otherBoard,
      receivedAt: n.receivedAt,
      validFrom: n.validFrom,
      withdrawnFrom: n.withdrawnFrom,
      windowStart: window?.start ?? null,
      windowEnd: window?.end ?? null,
      remark,
    };
  });
}

/** What a ZIMA form declared, in Dutch, for the board's Aangegeven sheet; all null for WECH forms. */
function benefitsColumns(
  unit: DeclaredUnitLine,
): Pick<DeclaredRow, "subRisk" | "periods" | "benefitsLines" | "holidayYear" | "holidayDetails" | "holidayDays"> {
  const none = { subRisk: null, periods: null, benefitsLines: null, holidayYear: null, holidayDetails: null, holidayDays: null };
  switch (unit.formType) {
    case "WECH003":
    case "WECH006":
      return none;
    case "ZIMA002": {
      const form = unit.declared;
      const severance = form.severance ? NL.board.severance(NL.severance(form.severance)) : "";
      return {
        ...none,
        subRisk: `${form.subRisk} – ${NL.zima002SubRisks[form.subRisk]}`,
        periods: form.periods.map((p) => NL.board.period(p, NL.hundredths(p.adaptedQ), NL.hundredths(p.adaptedDaysPerWeek))).join("; "),
        benefitsLines:
          form.subRisk === 1
            ? NL.services(form.periods.flatMap((p) => p.services))
            : [NL.wages(form.periods.flatMap((p) => p.exactWages)), severance].filter((t) => t !== "").join("; "),
      };
    }
    case "ZIMA003": {
      const form = unit.declared;
      return {
        ...none,
        periods: form.links.map((l) => `${l.start} – ${l.end}`).join("; "),
        benefitsLines: NL.payslip.breastfeedingBreaks(form.totalBreaks, NL.breastfeedingLinks(form.links)),
      };
    }
    case "ZIMA001": {
      const form = unit.declared;
      const period = form.occupations.find((o) => o.period !== null)?.period;
      const bases = form.occupations.map((o) => ({
        assignmentId: o.assignmentId,
        amount: NL.hundredths(o.basisAmount),
        stable: o.stable === 1,
      }));
      return {
        ...none,
        subRisk: `${form.risk} – ${NL.absenceKinds[form.absenceKind]}`,
        periods: period ? `${period.start} – ${period.end}` : null,
        benefitsLines: [
          NL.payslip.riskBases(bases),
          period ? NL.payslip.riskPeriod(period.start, period.end, period.codes) : "",
          form.workRecovery ? NL.payslip.resumption(form.workRecovery, NL.absenceKinds[form.absenceKind]) : "",
        ]
          .filter((t) => t !== "")
          .join("; "),
      };
    }
    case "ZIMA006": {
      const form = unit.declared;
      return {
        ...none,
        periods: form.resumptionDate,
        benefitsLines: NL.payslip.resumption(form.resumptionDate, NL.absenceKinds[form.absenceKind]),
      };
    }
    case "ZIMA005": {
      const form = unit.declared;
      return {
        ...none,
        subRisk: `${form.subRisk} – ${NL.zima005SubRisks[form.subRisk]}`,
        holidayYear: form.holidayYear,
        holidayDetails:
          form.details.length > 0 ? NL.holidayDetails(form.details) : NL.board.noHolidayDetails(NL.holidaySectors[form.holidaySector]),
        holidayDays: form.totalDays,
      };
    }
    default:
      return unreachable(unit, "declared unit");
  }
}

function declaredRow(summary: RunSummary, person: PersonLine, unit: DeclaredUnitLine): DeclaredRow {
  const d = unit.declared;
  const wech006 = wech006Content(unit);
  return {
    ...assignmentColumns(person, unit),
    jobTitle: unit.context.jobTitle,
    q: d.q,
    s: d.s,
    start: occupationStartingDate(unit),
    end: wech006?.occupationEndingDate ?? null,
    // WECH006: ExactSalary; ZIMA002 sub-risk 2: the exact wages of the month.
    gross: wech006?.exactSalary ?? zima002Content(unit)?.totalGross ?? null,
    theoreticalSalary: d.theoreticalSalary,
    fileName: fileNameOf(summary, unit.formType),
    sequenceNbr: d.sequenceNbr,
    ...benefitsColumns(unit),
    remarks: unit.flags && unit.flags.length > 0 ? unit.flags.map((flag) => NL.declarationFlags[flag]).join("; ") : null,
  };
}

function notDeclaredRow(person: PersonLine, unit: Exclude<UnitLine, DeclaredUnitLine>, frame: ReasonFrame): NotDeclaredRow {
  const outcome = NL.board.outcomes[unit.status];
  switch (unit.status) {
    case "not-eligible":
      return {
        ...assignmentColumns(person, unit),
        outcome,
        code: unit.reason,
        reason: notEligibleTexts(unit.reason, person, unit, frame).nl,
        record: null,
        value: null,
      };
    case "waiting": {
      const waited = unit.waitedMonths === undefined ? "" : ` (${NL.board.waitedFor(unit.waitedMonths)})`;
      return {
        ...assignmentColumns(person, unit),
        outcome,
        code: unit.reason,
        reason: `${NL.waitingReasons[unit.reason]}${waited}`,
        record: null,
        value: null,
      };
    }
    case "rejected": {
      const { table, recordId, field, value } = unit.record;
      return {
        ...assignmentColumns(person, unit),
        outcome,
        code: unit.rule,
        reason: NL.rejectionRules[unit.rule],
        record: NL.board.record(table, recordId, field),
        value,
      };
    }
    default:
      return unreachable(unit, "unit status");
  }
}

function spoolFile(boardId: number, sheet: SheetKey): string {
  return `${boardId}.${sheet}.jsonl`;
}

/** Workbooks written at the same time: while one waits for its file, the next one's rows are rendered. */
const WORKBOOKS_AT_ONCE = 2;

/** Step 2: one board's workbook, its sheets streamed from the spooled rows, to a temporary name. */
async function writeBoardWorkbook(path: string, boardId: number, spool: RowSpool): Promise<void> {
  await writeWorkbookFile(path, async (workbook) => {
    await spool.writeSheet(workbook, BOARD_SHEETS.notifications, NOTIFICATION_COLUMNS, spoolFile(boardId, "notifications"));
    await spool.writeSheet(workbook, BOARD_SHEETS.declared, DECLARED_COLUMNS, spoolFile(boardId, "declared"));
    await spool.writeSheet(workbook, BOARD_SHEETS.notDeclared, NOT_DECLARED_COLUMNS, spoolFile(boardId, "notDeclared"));
  });
}

/** Writes every board's workbook to its temporary name, a few at a time; stops at the first failure. */
async function writeBoardWorkbooksTemporarily(files: readonly (PendingFile & { boardId: number })[], spool: RowSpool): Promise<void> {
  let next = 0;
  let failed = false;
  const writeOneAtATime = async (): Promise<void> => {
    while (!failed && next < files.length) {
      const file = files[next++];
      try {
        await writeBoardWorkbook(file.temporaryPath, file.boardId, spool);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const writers = Array.from({ length: Math.min(WORKBOOKS_AT_ONCE, files.length) }, writeOneAtATime);
  // Every writer has stopped before this returns, so that nothing is written after the clean-up.
  const outcomes = await Promise.allSettled(writers);
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failure) throw failure.reason;
}

export type BoardWorkbooksResult = { files: string[] };

/**
 * The board workbooks as a report of the run's single pass over decisions.jsonl (see
 * person-reports.ts): `<outputDir>/boards/<board-name>-<board-id>-<month>.xlsx` for every board with staff in the run.
 * Refuses (before writing any) when one of them exists already.
 */
export function boardWorkbooksReport(input: BoardWorkbooksInput): PersonReport<BoardWorkbooksResult> {
  const { summary } = input;
  const frame: ReasonFrame = { runMonth: summary.runMonth, cutoffAt: summary.cutoffAt };
  const boardsDir = join(input.outputDir, "boards");
  const boards = new Map<number, string>();
  const rows = new RowSpool(boardsDir, ".rows-");

  /** Step 1: the person's rows, spooled to the files of their boards. */
  async function add({ person, units }: { person: PersonLine; units: UnitLine[] }): Promise<void> {
    const unitsByBoard = new Map<number, UnitLine[]>();
    for (const unit of units) {
      // A board sees a unit when one of the assignments it concerns is its own (a ZIMA003 may have links at two boards).
      for (const context of [unit.context, ...(unit.alsoConcerns ?? [])]) {
        const boardId = context.boardId;
        if (boardId === null) continue;
        if (!boards.get(boardId)) boards.set(boardId, context.boardName ?? "");
        let own = unitsByBoard.get(boardId);
        if (!own) unitsByBoard.set(boardId, (own = []));
        if (!own.includes(unit)) own.push(unit);
      }
    }
    for (const [boardId, own] of unitsByBoard) {
      for (const row of notificationRows(person, boardId, boards.get(boardId) || NL.board.unnamedBoard(boardId))) {
        await rows.add(spoolFile(boardId, "notifications"), NOTIFICATION_COLUMNS, row);
      }
      for (const unit of own) {
        if (unit.status === "declared") {
          await rows.add(spoolFile(boardId, "declared"), DECLARED_COLUMNS, declaredRow(summary, person, unit));
        } else {
          await rows.add(spoolFile(boardId, "notDeclared"), NOT_DECLARED_COLUMNS, notDeclaredRow(person, unit, frame));
        }
      }
    }
  }

  async function finish(): Promise<BoardWorkbooksResult> {
    makeDirectory(boardsDir);
    const files = [...boards.keys()]
      .sort((a, b) => a - b)
      .map((boardId) => {
        const finalPath = join(boardsDir, boardWorkbookName(boardId, boards.get(boardId) ?? "", summary.runMonth));
        return { boardId, finalPath, temporaryPath: temporaryPathFor(finalPath) };
      });
    try {
      // Workbooks are never overwritten: refuse before writing any, rather than leave half a set.
      const existing = files.filter((file) => existsSync(file.finalPath));
      if (existing.length > 0)
        throw new Error(`${existing.length} board workbook(s) exist already, e.g. ${existing[0].finalPath}: refusing to overwrite them`);
      await rows.flush();
      await writeBoardWorkbooksTemporarily(files, rows);
      await publishFiles(files);
      return { files: files.map((file) => file.finalPath) };
    } finally {
      // What is still under a temporary name after a failure (published files are gone from there).
      for (const file of files) removeQuietly(file.temporaryPath);
      rows.remove();
    }
  }

  return { add, finish, discard: () => rows.remove() };
}

/**
 * A board workbook's file name, that a board's secretariat recognises among others:
 * `basisschool-de-regenboog-20-2017-09.xlsx` — the board's name as a slug (accents dropped, at most 50
 * characters; `schoolbestuur` when it has none), its id, the month.
 */
export function boardWorkbookName(boardId: number, boardName: string, month: string): string {
  const slug = boardName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  return `${slug || "schoolbestuur"}-${boardId}-${month}.xlsx`;
}

/**
 * Writes `<outputDir>/boards/<board-name>-<board-id>-<month>.xlsx` for every board with staff in the run; returns their
 * paths, by board id. Refuses (before writing any) when one of them exists already.
 */
export async function writeBoardWorkbooks(input: BoardWorkbooksInput): Promise<BoardWorkbooksResult> {
  return writeReport(input.decisionsPath, boardWorkbooksReport(input));
}
