/** The board workbook of a board in a month folder, and its rows across the sheets of every form type. */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { FORM_TYPES, type FormType } from "../../src/rules/decision-types";
import { BOARD_SHEETS } from "../../reports/board-workbooks";
import { type CellValue, records, type SheetTable } from "./workbook-tables";

/** The board workbook of a board in a month folder, whatever the board is called: `boards/<name>-<id>-<month>.xlsx`. */
export function boardWorkbookOf(monthDir: string, boardId: number): string {
  const boards = join(monthDir, "boards");
  const suffix = `-${boardId}-${basename(monthDir)}.xlsx`;
  const found = readdirSync(boards).filter((name) => name.endsWith(suffix));
  if (found.length !== 1) throw new Error(`${boards}: ${found.length} workbooks of board ${boardId}, expected one`);
  return join(boards, found[0]);
}

/**
 * The rows of a board workbook's sheets of what was declared (or not), every form type's sheet in
 * turn, each row with its form type as `Aangifte` (the sheet says it, the rows do not).
 */
export function boardRecords(
  tables: ReadonlyMap<string, SheetTable>,
  kind: "declared" | "notDeclared",
): (Record<string, CellValue> & { Aangifte: FormType })[] {
  return FORM_TYPES.flatMap((formType) => {
    const table = tables.get(BOARD_SHEETS[kind](formType));
    return table ? records(table).map((record) => ({ ...record, Aangifte: formType })) : [];
  });
}
