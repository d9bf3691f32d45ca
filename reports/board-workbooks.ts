/**
 * One workbook per school board that had staff in the run (`<out>/<YYYY-MM>/boards/<board-name>-<board-id>-<YYYY-MM>.xlsx`,
 * boardWorkbookName), for the board's own staff only — a person with a decision unit on one of the
 * board's assignments — in Dutch, for the people at the board who send the RL16 notifications:
 * - "Meldingen": the notifications in force for them (always written, also when there are none);
 * - per form type, "<type> aangegeven": what was declared, and "<type> niet aangegeven": what was not
 *   and why (not eligible, waiting, rejected), each with the columns of that form type
 *   (board-sheets.ts). A form type with no rows for the board gets no sheet, and a column that no row
 *   of a sheet fills is left out of it, so that no sheet carries a column that is empty all the way down.
 * Every sheet opens with the same title block — the board, its agency, the month, the run and its
 * environment, when the workbook was made (the run's finish, so that `easr report` makes the same
 * workbook again) — and a line saying what the sheet holds.
 * A board sees only the units of its own assignments: a person who also works for another board
 * appears in both workbooks, each with its own rows; the other board's notification is shown with
 * "ander schoolbestuur" as its sender.
 *
 * Memory stays bounded whatever the number of persons and boards, in two steps:
 * 1. decisions.jsonl is streamed person by person (in a worker thread of its own, beside the other
 *    reports' pass: board-workbooks-thread.ts; see person-reports.ts); each row goes to the board's spool file for its sheet in a temporary folder
 *    (`boards/.rows-XXXXXX/<board>.<sheet>.jsonl`, see row-spool.ts), whose shared buffer keeps
 *    neither the rows nor open file handles growing with the number of boards;
 * 2. the workbooks are written a few at a time, each sheet streamed from its spool file, each
 *    workbook under a temporary name; when all are complete they are flushed together and renamed
 *    (see publishFiles). The temporary folder and any unpublished workbook are removed at the end,
 *    also when something fails.
 * What stays in memory is one person's decisions, the spool's buffer, and of every board its id, name
 * and agency and, per sheet it has rows for, how many (the spool notes which columns they fill).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type PendingFile, publishFiles, removeQuietly, temporaryPathFor } from "../src/files/atomic-file";
import { makeDirectory } from "../src/files/file-modes";
import { FORM_TYPES, type FormType } from "../src/rules/decision-types";
import { fileNameOf, type PersonLine, type RunSummary, type UnitLine } from "../src/run-record";
import { dutchDateTime, dutchMonth, NL } from "../src/texts/nl";
import { declaredColumns, declaredRow, NOTIFICATION_COLUMNS, notDeclaredColumns, notDeclaredRow, notificationRows } from "./board-sheets";
import { type ColumnDefinition, writeWorkbookFile } from "./excel-cells";
import type { ReasonFrame } from "./not-eligible-detail";
import { type PersonReport, writeReport } from "./person-reports";
import { RowSpool } from "./row-spool";

export interface BoardWorkbooksInput {
  readonly summary: RunSummary;
  readonly decisionsPath: string;
  readonly outputDir: string;
}

/** The sheets' names (at most 31 characters, as Excel wants): the notifications, and two per form type. */
export const BOARD_SHEETS = {
  notifications: "Meldingen",
  declared: (formType: FormType): string => `${formType} aangegeven`,
  notDeclared: (formType: FormType): string => `${formType} niet aangegeven`,
} as const;

/** What a form type declares, in the board's words; the compiler holds it to the FormType union. */
const FORM_TYPE_TITLES: Readonly<Record<FormType, string>> = NL.formTypeTitles;

/** A sheet of a board's workbook. */
type BoardSheet = { readonly kind: "notifications" } | { readonly kind: "declared" | "notDeclared"; readonly formType: FormType };

const NOTIFICATIONS: BoardSheet = { kind: "notifications" };

/** The sheets in the order a workbook has them: the notifications, then per form type declared and not declared. */
const SHEET_ORDER: readonly BoardSheet[] = [
  NOTIFICATIONS,
  ...FORM_TYPES.flatMap((formType): BoardSheet[] => [
    { kind: "declared", formType },
    { kind: "notDeclared", formType },
  ]),
];

function sheetName(sheet: BoardSheet): string {
  return sheet.kind === "notifications" ? BOARD_SHEETS.notifications : BOARD_SHEETS[sheet.kind](sheet.formType);
}

/** The sheet's spool file (and the key of what is known of it): `notifications`, `declared.WECH006`, … */
function sheetKey(sheet: BoardSheet): string {
  return sheet.kind === "notifications" ? sheet.kind : `${sheet.kind}.${sheet.formType}`;
}

function spoolFile(boardId: number, sheet: BoardSheet): string {
  return `${boardId}.${sheetKey(sheet)}.jsonl`;
}

function columnsOf(sheet: BoardSheet): readonly ColumnDefinition<never>[] {
  switch (sheet.kind) {
    case "notifications":
      return NOTIFICATION_COLUMNS;
    case "declared":
      return declaredColumns(sheet.formType);
    case "notDeclared":
      return notDeclaredColumns(sheet.formType);
  }
}

/** What is kept of a board while decisions.jsonl is read. */
interface BoardSeen {
  readonly name: string;
  agency: string | null;
  /** By sheet key, how many rows the sheet has (only the sheets with rows; which columns they fill, the spool knows). */
  readonly sheets: Map<string, number>;
}

/** The lines above every sheet's table: the board, its agency, the month and run, when it was made. */
function titleBlock(boardId: number, board: BoardSeen, summary: RunSummary): string[] {
  const environment = `omgeving ${summary.environment} (${NL.board.environments[summary.environment]})`;
  const run = summary.dryRun
    ? `proefverwerking, ${environment}: niets verstuurd`
    : [summary.runId === null ? null : `verwerking nr. ${summary.runId}`, environment].filter((t) => t !== null).join(", ");
  return [
    board.name ? `${board.name} (schoolbestuur ${boardId})` : NL.board.unnamedBoard(boardId),
    ...(board.agency === null ? [] : [`${NL.agencies[board.agency] ?? board.agency} (${board.agency})`]),
    `Aangiften sociale risico's van ${dutchMonth(summary.runMonth)} – ${run}`,
    `Gemaakt op ${dutchDateTime(summary.finishedAt)}`,
  ];
}

/** The line under the title block that says what the sheet holds. */
function sheetSubject(sheet: BoardSheet, summary: RunSummary, rows: number): string {
  switch (sheet.kind) {
    case "notifications":
      return rows === 0
        ? "RL16-meldingen van het personeel van dit schoolbestuur: geen in deze verwerking"
        : "RL16-meldingen van het personeel van dit schoolbestuur";
    case "declared": {
      const file = fileNameOf(summary, sheet.formType);
      const where = file === null ? "" : `, in bestand ${file}`;
      return `${sheet.formType} – ${FORM_TYPE_TITLES[sheet.formType]}: wat deze verwerking aangaf${where}`;
    }
    case "notDeclared":
      return `${sheet.formType} – ${FORM_TYPE_TITLES[sheet.formType]}: wat niet aangegeven werd, en waarom`;
  }
}

/** The sheets a board's workbook has: the notifications always, the others when they have rows. */
function sheetsOf(board: BoardSeen): BoardSheet[] {
  return SHEET_ORDER.filter((sheet) => sheet.kind === "notifications" || board.sheets.has(sheetKey(sheet)));
}

/** On the first sheet: which sheets follow, with their rows, so that a reader knows what to look for. */
function contentsLine(board: BoardSeen): string {
  const others = sheetsOf(board).filter((sheet) => sheet.kind !== "notifications");
  if (others.length === 0) return "In dit werkboek: enkel de meldingen";
  const count = (sheet: BoardSheet): number => board.sheets.get(sheetKey(sheet)) ?? 0;
  return `In dit werkboek ook: ${others.map((sheet) => `${sheetName(sheet)} (${count(sheet)})`).join(", ")}`;
}

/** Workbooks written at the same time: while one waits for its file, the next one's rows are rendered. */
const WORKBOOKS_AT_ONCE = 2;

/** Step 2: one board's workbook, its sheets streamed from the spooled rows, to a temporary name. */
async function writeBoardWorkbook(path: string, boardId: number, board: BoardSeen, summary: RunSummary, spool: RowSpool): Promise<void> {
  const title = titleBlock(boardId, board, summary);
  await writeWorkbookFile(path, async (workbook) => {
    for (const sheet of sheetsOf(board)) {
      const columns = columnsOf(sheet);
      const subject = [
        sheetSubject(sheet, summary, board.sheets.get(sheetKey(sheet)) ?? 0),
        ...(sheet.kind === "notifications" ? [contentsLine(board)] : []),
      ];
      const file = spoolFile(boardId, sheet);
      await spool.writeSheet(workbook, sheetName(sheet), columns, file, undefined, {
        title: [...title, ...subject],
        dropEmptyColumns: true,
      });
    }
  });
}

/** Writes every board's workbook to its temporary name, a few at a time; stops at the first failure. */
async function writeBoardWorkbooksTemporarily(
  files: readonly (PendingFile & { boardId: number })[],
  boards: ReadonlyMap<number, BoardSeen>,
  summary: RunSummary,
  spool: RowSpool,
): Promise<void> {
  let next = 0;
  let failed = false;
  const writeOneAtATime = async (): Promise<void> => {
    while (!failed && next < files.length) {
      const file = files[next++];
      try {
        await writeBoardWorkbook(file.temporaryPath, file.boardId, boards.get(file.boardId)!, summary, spool);
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

/** The units of a person by the boards that see them (a board sees a unit when one of the assignments it concerns is its own). */
function unitsByBoard(units: readonly UnitLine[], seen: (boardId: number, name: string | null, agency: string | null) => void) {
  const byBoard = new Map<number, UnitLine[]>();
  for (const unit of units) {
    // A ZIMA003 may have links at two boards.
    for (const context of [unit.context, ...(unit.alsoConcerns ?? [])]) {
      const boardId = context.boardId;
      if (boardId === null) continue;
      seen(boardId, context.boardName, context.agency);
      let own = byBoard.get(boardId);
      if (!own) byBoard.set(boardId, (own = []));
      if (!own.includes(unit)) own.push(unit);
    }
  }
  return byBoard;
}

/**
 * The board workbooks as a report fed from decisions.jsonl (see person-reports.ts): `<outputDir>/boards/<board-name>-<board-id>-<month>.xlsx` for every board with staff in the run.
 * Refuses (before writing any) when one of them exists already.
 */
export function boardWorkbooksReport(input: BoardWorkbooksInput): PersonReport<BoardWorkbooksResult> {
  const { summary } = input;
  const frame: ReasonFrame = { runMonth: summary.runMonth, cutoffAt: summary.cutoffAt };
  const boardsDir = join(input.outputDir, "boards");
  const boards = new Map<number, BoardSeen>();
  const rows = new RowSpool(boardsDir, ".rows-");

  function see(boardId: number, name: string | null, agency: string | null): void {
    const board = boards.get(boardId);
    if (!board) boards.set(boardId, { name: name ?? "", agency, sheets: new Map() });
    else if (board.agency === null) board.agency = agency;
  }

  /** One row to its board's sheet, counted. */
  async function spool<Row>(boardId: number, sheet: BoardSheet, columns: readonly ColumnDefinition<Row>[], row: Row): Promise<void> {
    const board = boards.get(boardId)!;
    const key = sheetKey(sheet);
    board.sheets.set(key, (board.sheets.get(key) ?? 0) + 1);
    await rows.add(spoolFile(boardId, sheet), columns, row);
  }

  /** Step 1: the person's rows, spooled to the files of their boards. */
  async function add({ person, units }: { person: PersonLine; units: UnitLine[] }): Promise<void> {
    for (const [boardId, own] of unitsByBoard(units, see)) {
      const boardName = boards.get(boardId)!.name || NL.board.unnamedBoard(boardId);
      for (const row of notificationRows(person, boardId, boardName)) await spool(boardId, NOTIFICATIONS, NOTIFICATION_COLUMNS, row);
      for (const unit of own) {
        const formType = unit.formType;
        if (unit.status === "declared")
          await spool(boardId, { kind: "declared", formType }, declaredColumns(formType), declaredRow(person, unit));
        else await spool(boardId, { kind: "notDeclared", formType }, notDeclaredColumns(formType), notDeclaredRow(person, unit, frame));
      }
    }
  }

  async function finish(): Promise<BoardWorkbooksResult> {
    makeDirectory(boardsDir);
    const files = [...boards.keys()]
      .sort((a, b) => a - b)
      .map((boardId) => {
        const finalPath = join(boardsDir, boardWorkbookName(boardId, boards.get(boardId)!.name, summary.runMonth));
        return { boardId, finalPath, temporaryPath: temporaryPathFor(finalPath) };
      });
    try {
      // Workbooks are never overwritten: refuse before writing any, rather than leave half a set.
      const existing = files.filter((file) => existsSync(file.finalPath));
      if (existing.length > 0)
        throw new Error(`${existing.length} board workbook(s) exist already, e.g. ${existing[0].finalPath}: refusing to overwrite them`);
      await rows.flush();
      await writeBoardWorkbooksTemporarily(files, boards, summary, rows);
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
