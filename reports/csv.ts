/**
 * CSV as the agency's spreadsheets read it: fields separated by `;`, CRLF line ends, quoted when
 * needed, every field neutralised against formula injection (a plain number stays a number).
 */
import { safeText } from "./excel-cells";

/** Prefixes `'` to a field a spreadsheet would evaluate as a formula (a plain number like "-5,00" is left alone). */
export function neutraliseFormula(value: string): string {
  return safeText(value, { keepPlainNumbers: true });
}

/** Written first in every CSV file: with it Excel on Windows reads UTF-8 ("–", accents) as it is. */
export const UTF8_BOM = "\uFEFF";

/** One CSV field: quoted when it holds the separator, a quote or a line break. */
function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV row with its CRLF, every field neutralised and quoted as needed. */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map((field) => csvField(neutraliseFormula(field))).join(";")}\r\n`;
}
