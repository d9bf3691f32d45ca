/**
 * One staff member's copy of the e-ASR as a one-page A4 PDF (pdf-lib, DejaVu Sans embedded as a
 * subset, see payslip-fonts.ts): the agency's name and address, the title, whose copy it is (name,
 * masked INSZ, staff id), the payslip's month and the day it was made, then one block per declaration
 * with its Dutch lines, dates in words. When the blocks do not fit, the font shrinks down to a minimum
 * size; if they still do not fit, the last blocks give way to a line "… en N andere aangiften". Lines
 * too wide for the page are cut with "…"; the agency's name and the footer wrap.
 */
import type { PDFFont, PDFPage } from "pdf-lib";
import { pdfLib } from "./lazy-libraries";
import { addressLines, type Agency, type AgencyLetterhead } from "../src/domain/agency";
import type { CalendarDate } from "../src/domain/calendar-date";
import type { YearMonth } from "../src/domain/year-month";
import { publishFile, removeQuietly, temporaryPathFor, writeFileAtomically } from "../src/files/atomic-file";
import { openPrivateFile } from "../src/files/file-modes";
import { closeSync, writeFileSync } from "node:fs";
import { dutchDate, dutchMonth, withDutchDates } from "../src/texts/nl";
import { type CopyHolder, holderName } from "./payslip-copies";
import { type PayslipRecord, recordCountText } from "./payslip-extract";
import { cachingFontkit, copyFontFiles } from "./payslip-fonts";

export interface PayslipPdfInput {
  /** The run month of the extract the copy comes from. */
  readonly month: YearMonth;
  readonly holder: CopyHolder;
  /** The letterheads of the holder's agencies (configuration), in their order. */
  readonly letterheads: readonly AgencyLetterhead[];
  readonly records: readonly PayslipRecord[];
  /** The day the copy is made ("Opgemaakt op 3 december 2026"). */
  readonly madeOn: CalendarDate;
}

/** A4 in points, and the page's margins. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 56, right: 56, top: 60, bottom: 50 } as const;
const TITLE_SIZE = 16;
const HEADER_SIZE = 10;
const SENDER_SIZE = 8.5;
const FOOTER_SIZE = 8;
/** Where the values of the holder's details start, right of their labels. */
const VALUE_X = 150;
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
/** The footer, naming the agencies that declared (both when the copy does not know them). */
const footer = (agencies: readonly Agency[]): string =>
  "Voor het onderwijspersoneel geldt de salarisbrief als afschrift van de e-ASR: deze gegevens dienden als basis voor de aangifte " +
  `die ${agencies.length > 0 ? agencies.join(" en ") : "AGODI of AHOVOKS"} bij de sociale zekerheid indiende.`;

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

/** `text` in lines of at most `maxWidth`, broken between words (a word wider than the line is cut with "…"). */
export function wrapText(text: string, maxWidth: number, size: number, bold: boolean, widthOf: TextWidth): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (widthOf(candidate, size, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = fitWidth(word, maxWidth, size, bold, widthOf);
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Draws lines from the top of the page down: `y` is the baseline of the last line drawn. */
class PageWriter {
  y = PAGE.height - MARGIN.top;
  readonly width = PAGE.width - MARGIN.left - MARGIN.right;

  constructor(
    readonly page: PDFPage,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}

  readonly widthOf: TextWidth = (text, size, isBold) => (isBold ? this.bold : this.regular).widthOfTextAtSize(text, size);

  /** One line below the last, cut to the width left of `x`. */
  line(text: string, size: number, options: { bold?: boolean; x?: number; grey?: boolean } = {}): void {
    const x = options.x ?? MARGIN.left;
    const bold = options.bold ?? false;
    this.y -= size * LEADING;
    this.page.drawText(fitWidth(text, MARGIN.left + this.width - x, size, bold, this.widthOf), {
      x,
      y: this.y,
      size,
      font: bold ? this.bold : this.regular,
      color: options.grey ? pdfLib().rgb(0.3, 0.3, 0.3) : pdfLib().rgb(0, 0, 0),
    });
  }

  /** A label and its value on one line (the holder's details). */
  detail(label: string, value: string): void {
    this.line(label, HEADER_SIZE, { grey: true });
    this.page.drawText(fitWidth(value, MARGIN.left + this.width - VALUE_X, HEADER_SIZE, true, this.widthOf), {
      x: VALUE_X,
      y: this.y,
      size: HEADER_SIZE,
      font: this.bold,
      color: pdfLib().rgb(0, 0, 0),
    });
  }

  rule(): void {
    this.y -= HEADER_SIZE * 0.6;
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: PAGE.width - MARGIN.right, y: this.y },
      thickness: 0.5,
      color: pdfLib().rgb(0.4, 0.4, 0.4),
    });
    this.y -= HEADER_SIZE * 0.6;
  }
}

/** The sender: each agency's name (wrapped) and postal address, side by side when there are two. */
function drawLetterheads(writer: PageWriter, letterheads: readonly AgencyLetterhead[]): void {
  if (letterheads.length === 0) return;
  const gap = 24;
  const columnWidth = (writer.width - gap * (letterheads.length - 1)) / letterheads.length;
  const top = writer.y;
  let bottom = top;
  letterheads.forEach((letterhead, index) => {
    writer.y = top;
    const x = MARGIN.left + index * (columnWidth + gap);
    for (const line of wrapText(letterhead.name, columnWidth, SENDER_SIZE, true, writer.widthOf))
      writer.line(line, SENDER_SIZE, { bold: true, x });
    for (const line of addressLines(letterhead.address)) writer.line(line, SENDER_SIZE, { x });
    bottom = Math.min(bottom, writer.y);
  });
  writer.y = bottom - SENDER_SIZE * 2.5;
}

/** The title and whose copy it is: name, masked INSZ, staff id, the payslip's month, the day it was made. */
function drawHolder(writer: PageWriter, input: PayslipPdfInput): void {
  writer.line(TITLE, TITLE_SIZE, { bold: true });
  writer.y -= TITLE_SIZE * 0.5;
  const { holder } = input;
  writer.detail("Naam", holderName(holder) ?? "onbekend");
  writer.detail("INSZ", holder.inszMasked ?? "onbekend");
  writer.detail("Personeelslid", String(holder.staffId));
  writer.detail("Salarisbrief van", dutchMonth(input.month));
  writer.detail("Opgemaakt op", dutchDate(input.madeOn));
  writer.detail("Inhoud", `${recordCountText(input.records)} in deze maand`);
  writer.rule();
}

/** The declarations' blocks in the room above the footer: shrunk, then cut with "… en N andere aangiften". */
function drawBlocks(writer: PageWriter, records: readonly PayslipRecord[], bottom: number): void {
  const layout = layoutBlocks(
    records.map((record) => record.lines.map(withDutchDates)),
    writer.y - bottom,
    writer.width,
    writer.widthOf,
  );
  for (const block of layout.blocks) {
    block.forEach((line, index) => writer.line(line, layout.fontSize, index === 0 ? { bold: true } : { x: MARGIN.left + INDENT }));
    writer.y -= layout.fontSize * BLOCK_GAP;
  }
  if (layout.overflowLine) writer.line(layout.overflowLine, layout.fontSize, { bold: true });
  if (records.length === 0) writer.line("Geen aangiften in deze maand.", HEADER_SIZE);
}

/** The PDF bytes of one person's copy: always exactly one page. */
export async function renderPayslipPdf(input: PayslipPdfInput): Promise<Uint8Array> {
  const document = await pdfLib().PDFDocument.create();
  document.registerFontkit(cachingFontkit);
  const fonts = copyFontFiles();
  const regular = await document.embedFont(fonts.regular, { subset: true });
  const bold = await document.embedFont(fonts.bold, { subset: true });
  // The metadata names the staff id only: a document list shows it without the person's name.
  document.setTitle(`Afschrift e-ASR, personeelslid ${input.holder.staffId}, ${input.month}`);
  document.setLanguage("nl-BE");
  document.setCreator("edu-easr");
  document.setProducer("edu-easr");

  const writer = new PageWriter(document.addPage([PAGE.width, PAGE.height]), regular, bold);
  drawLetterheads(writer, input.letterheads);
  drawHolder(writer, input);
  const footerLines = wrapText(footer(input.holder.agencies), writer.width, FOOTER_SIZE, false, writer.widthOf);
  const footerHeight = footerLines.length * FOOTER_SIZE * LEADING + FOOTER_SIZE;
  drawBlocks(writer, input.records, MARGIN.bottom + footerHeight);
  writer.y = MARGIN.bottom + footerHeight;
  for (const line of footerLines) writer.line(line, FOOTER_SIZE, { grey: true });
  return document.save();
}

/** Renders the copy and writes it to `path` (temporary name with the file mode, then rename). */
export async function writePayslipPdf(path: string, input: PayslipPdfInput): Promise<void> {
  writeFileAtomically(path, Buffer.from(await renderPayslipPdf(input)));
}

/**
 * Renders the copy and writes it to `path`, which must not exist: temporary name with the file mode,
 * flushed, then renamed (never over a file that appeared meanwhile). Nothing is left on failure.
 */
export async function writeNewPayslipPdf(path: string, input: PayslipPdfInput): Promise<void> {
  const bytes = await renderPayslipPdf(input);
  const temporary = temporaryPathFor(path);
  try {
    const fd = openPrivateFile(temporary);
    try {
      writeFileSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    publishFile(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}
