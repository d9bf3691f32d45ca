/** The board workbook of a board in a month folder, whatever the board is called: `boards/<name>-<id>-<month>.xlsx`. */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";

export function boardWorkbookOf(monthDir: string, boardId: number): string {
  const boards = join(monthDir, "boards");
  const suffix = `-${boardId}-${basename(monthDir)}.xlsx`;
  const found = readdirSync(boards).filter((name) => name.endsWith(suffix));
  if (found.length !== 1) throw new Error(`${boards}: ${found.length} workbooks of board ${boardId}, expected one`);
  return join(boards, found[0]);
}
