/**
 * One staff member's copy of the e-ASR as a one-page A4 PDF (pdf-lib, standard Helvetica fonts):
 * title, staff id and month, then one block per declaration with its Dutch lines. When the blocks do
 * not fit, the font shrinks down to a minimum size; if they still do not fit, the last blocks give way
 * to a line "… en N andere aangiften". Lines too wide for the page are cut with "…". Characters the
 * standard fonts cannot encode (WinAnsi) are replaced, never a reason to fail.
 */
import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";
import type { YearMonth } from "../src/domain/year-month";
import { writeFileAtomically } from "../src/files/atomic-file";
import { dutchMonth } from "../src/texts/nl";
import { type PayslipRecord, recordCountText } from "./payslip-extract";

export interface PayslipPdfInput {
  readonly staffId: number;
  /** The run month of the extract the copy comes from. */
  readonly month: YearMonth;
  readonly records: readonly PayslipRecord[];
}

/** A4 in points, and the page's margins. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 56, right: 56, top: 60, bottom: 50 } as const;
const TITLE_SIZE = 16;
const HEADER_SIZE = 10;
const FOOTER_SIZE = 8;
/** Block font sizes tried, largest first. */
const LARGEST_SIZE = 10;
const SMALLEST_SIZE = 7;
const SIZE_STEP = 0.5;
/** Line height and the space after a block, as multiples of the font size. */
const LEADING = 1.3;
const BLOCK_GAP = 0.8;
/** Indentation of a block's lines after its first. */
const INDENT = 12;

const TITLE = "Afschrift van de aangifte sociaal risico (e-ASR)";
const FOOTER = [
  "Voor het onderwijspersoneel geldt de salarisbrief als afschrift van de e-ASR: deze gegevens dienden als basis",
  "voor de aangifte die AGODI of AHOVOKS bij de sociale zekerheid indiende.",
];

/** Width of `text` at `size` points, in the regular or the bold font. */
export type TextWidth = (text: string, size: number, bold: boolean) => number;

export interface BlockLayout {
  /** The block font size chosen. */
  readonly fontSize: number;
  /** The blocks drawn, their lines cut to the width. */
  readonly blocks: readonly (readonly string[])[];
  /** How many declarations did not fit. */
  readonly omitted: number;
  /** "… en N andere aangiften" when some did not fit. */
  readonly overflowLine: string | null;
}

function blockHeight(lines: number, size: number): number {
  return lines * size * LEADING + size * BLOCK_GAP;
}

/** Cuts `text` with "…" so that it is at most `maxWidth` wide. */
export function fitWidth(text: string, maxWidth: number, size: number, bold: boolean, widthOf: TextWidth): string {
  if (widthOf(text, size, bold) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthOf(`${text.slice(0, middle).trimEnd()}…`, size, bold) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

/**
 * Chooses the font size and the blocks that fit in `height` points: all blocks at the largest size
 * that holds them, else as many as fit at the smallest size followed by the overflow line.
 */
export function layoutBlocks(blocks: readonly (readonly string[])[], height: number, width: number, widthOf: TextWidth): BlockLayout {
  const totalAt = (size: number, count: number): number =>
    blocks.slice(0, count).reduce((sum, block) => sum + blockHeight(block.length, size), 0);
  let fontSize = SMALLEST_SIZE;
  let shown = blocks.length;
  const fitting: number[] = [];
  for (let size = LARGEST_SIZE; size >= SMALLEST_SIZE; size -= SIZE_STEP) fitting.push(size);
  const whole = fitting.find((size) => totalAt(size, blocks.length) <= height);
  if (whole !== undefined) {
    fontSize = whole;
  } else {
    const overflowHeight = SMALLEST_SIZE * LEADING;
    shown = 0;
    while (shown < blocks.length && totalAt(SMALLEST_SIZE, shown + 1) + overflowHeight <= height) shown++;
  }
  const omitted = blocks.length - shown;
  const cut = (line: string, index: number): string =>
    index === 0 ? fitWidth(line, width, fontSize, true, widthOf) : fitWidth(line, width - INDENT, fontSize, false, widthOf);
  return {
    fontSize,
    blocks: blocks.slice(0, shown).map((block) => block.map(cut)),
    omitted,
    overflowLine: omitted === 0 ? null : `… en ${omitted} andere ${omitted === 1 ? "aangifte" : "aangiften"}`,
  };
}

/** Replaces what the font cannot encode: accents dropped when the bare letter exists, otherwise "?". */
export function encodableText(text: string, supported: ReadonlySet<number>): string {
  let result = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (supported.has(code)) {
      result += char;
    } else if (/\s/.test(char)) {
      result += " ";
    } else {
      const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
      result += bare !== "" && [...bare].every((c) => supported.has(c.codePointAt(0)!)) ? bare : "?";
    }
  }
  return result;
}

/** The PDF bytes of one person's copy: always exactly one page. */
export async function renderPayslipPdf(input: PayslipPdfInput): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const encodable = (text: string): string => encodableText(text, supported);
  const widthOf: TextWidth = (text, size, isBold) => (isBold ? bold : regular).widthOfTextAtSize(text, size);

  document.setTitle(encodable(`Afschrift e-ASR, personeelslid ${input.staffId}, ${input.month}`));
  document.setLanguage("nl-BE");
  document.setCreator("edu-easr");
  document.setProducer("edu-easr");

  const page = document.addPage([PAGE.width, PAGE.height]);
  const width = PAGE.width - MARGIN.left - MARGIN.right;
  let y = PAGE.height - MARGIN.top;
  const draw = (text: string, size: number, font: PDFFont, x: number = MARGIN.left): void => {
    y -= size * LEADING;
    page.drawText(text, { x, y, size, font, color: rgb(0, 0, 0) });
  };

  draw(fitWidth(TITLE, width, TITLE_SIZE, true, widthOf), TITLE_SIZE, bold);
  y -= TITLE_SIZE * 0.4;
  const count = input.records.length;
  for (const line of [
    `Personeelslid: ${input.staffId}`,
    `Salarisbrief van ${dutchMonth(input.month)}`,
    `${recordCountText(input.records)} in deze maand`,
  ]) {
    draw(fitWidth(encodable(line), width, HEADER_SIZE, false, widthOf), HEADER_SIZE, regular);
  }
  y -= HEADER_SIZE * 0.6;
  page.drawLine({ start: { x: MARGIN.left, y }, end: { x: PAGE.width - MARGIN.right, y }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4) });
  y -= HEADER_SIZE * 0.6;

  const footerHeight = FOOTER.length * FOOTER_SIZE * LEADING + FOOTER_SIZE;
  const available = y - MARGIN.bottom - footerHeight;
  const layout = layoutBlocks(
    input.records.map((record) => record.lines.map(encodable)),
    available,
    width,
    widthOf,
  );
  for (const block of layout.blocks) {
    block.forEach((line, index) =>
      draw(line, layout.fontSize, index === 0 ? bold : regular, index === 0 ? MARGIN.left : MARGIN.left + INDENT),
    );
    y -= layout.fontSize * BLOCK_GAP;
  }
  if (layout.overflowLine) draw(layout.overflowLine, layout.fontSize, bold);
  if (count === 0) draw("Geen aangiften in deze maand.", HEADER_SIZE, regular);

  y = MARGIN.bottom + footerHeight;
  for (const line of FOOTER) draw(fitWidth(line, width, FOOTER_SIZE, false, widthOf), FOOTER_SIZE, regular);

  return document.save();
}

/** Renders the copy and writes it to `path` (temporary name, then rename). */
export async function writePayslipPdf(path: string, input: PayslipPdfInput): Promise<void> {
  writeFileAtomically(path, Buffer.from(await renderPayslipPdf(input)));
}
