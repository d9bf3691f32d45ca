/**
 * The fonts of the staff member's PDF copy: DejaVu Sans and DejaVu Sans Bold (npm dejavu-fonts-ttf),
 * embedded as subsets through pdf-lib's fontkit. Unlike the standard PDF fonts (WinAnsi only), they
 * write the names of Belgium's staff as they are: "ő", "Ł", "ș", "–", "€" and the rest of Latin,
 * Greek and Cyrillic.
 *
 * Parsing a TrueType file is most of the cost of a copy (about 80 ms of 100 with a fresh parse,
 * measured on this machine), so the files are read and parsed once per process and every document
 * subsets the same parsed font. A parsed font is only read from while a document is made, and copies
 * are made one at a time.
 */
import { readFileSync } from "node:fs";
import type { Font } from "@pdf-lib/fontkit";
import { fontkit } from "./lazy-libraries";
import type { PDFDocument } from "pdf-lib";

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

export interface CopyFontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

let files: CopyFontFiles | null = null;

/** The two TrueType files, read once. */
export function copyFontFiles(): CopyFontFiles {
  files ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return files;
}

const parsed = new Map<Uint8Array, Font>();

/** fontkit for pdf-lib, parsing each font file once (the files above are the only ones it is given). */
export const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsed.get(buffer);
    if (font === undefined) {
      font = fontkit().create(buffer, postscriptName);
      parsed.set(buffer, font);
    }
    return font as unknown as ReturnType<Fontkit["create"]>;
  },
};
