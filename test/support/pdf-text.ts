/**
 * What a PDF written with pdf-lib says, for the tests: every stream inflated, the fonts' dictionaries,
 * and the text drawn on each page, decoded through each font's ToUnicode map (embedded fonts draw glyph
 * ids, not characters). Enough for pdf-lib's own output (Tf and Tj in content streams); not a general
 * PDF reader.
 */
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";

export interface PdfContent {
  /** Every stream of the file, inflated when it is compressed (content, fonts, object streams, ToUnicode maps). */
  readonly streams: string[];
  /** The fonts' dictionaries and descriptors as text ("<< /Type /Font /Subtype /Type0 … >>", "<< /Type /FontDescriptor … /FontFile2 9 0 R >>"). */
  readonly fontDictionaries: string[];
  /** The lines drawn on the pages, in drawing order. */
  readonly lines: string[];
  readonly pageCount: number;
}

function streamText(stream: PDFRawStream): string {
  const bytes = Buffer.from(stream.contents);
  const filter = stream.dict.get(PDFName.of("Filter"));
  return (filter?.toString() === "/FlateDecode" ? inflateSync(bytes) : bytes).toString("latin1");
}

/** A ToUnicode CMap: glyph code (hex) -> the text it stands for (bfchar and bfrange entries). */
function toUnicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const unicode = (hex: string): string => {
    const units: number[] = [];
    for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(code.toUpperCase(), unicode(text));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, text] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = parseInt(text, 16);
      for (let code = parseInt(from, 16); code <= parseInt(to, 16); code++)
        map.set(
          code.toString(16).toUpperCase().padStart(from.length, "0"),
          unicode((start + code - parseInt(from, 16)).toString(16).padStart(4, "0")),
        );
    }
  }
  return map;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const document = await PDFDocument.load(bytes);
  const context = document.context;
  const streams: string[] = [];
  const fontDictionaries: string[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) streams.push(streamText(object));
    const type = object instanceof PDFDict ? object.get(PDFName.of("Type"))?.toString() : undefined;
    if (type === "/Font" || type === "/FontDescriptor") fontDictionaries.push(object.toString());
  }
  const lines: string[] = [];
  for (const page of document.getPages()) {
    const fonts = page.node.Resources()?.lookup(PDFName.of("Font"), PDFDict);
    const maps = new Map<string, Map<string, string>>();
    for (const [name, ref] of fonts?.entries() ?? []) {
      const font = context.lookup(ref as PDFRef, PDFDict);
      const toUnicode = font.lookup(PDFName.of("ToUnicode"));
      maps.set(name.toString(), toUnicode instanceof PDFRawStream ? toUnicodeMap(streamText(toUnicode)) : new Map());
    }
    const contents = page.node.Contents();
    const parts = contents instanceof PDFArray ? contents.asArray().map((ref) => context.lookup(ref)) : [contents];
    const content = parts.map((part) => (part instanceof PDFRawStream ? streamText(part) : "")).join("\n");
    let map = new Map<string, string>();
    for (const [, fontName, hex] of content.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (fontName !== undefined) map = maps.get(fontName) ?? new Map();
      else
        lines.push(
          Array.from({ length: hex.length / 4 }, (_, i) => map.get(hex.slice(i * 4, i * 4 + 4).toUpperCase()) ?? "\uFFFD").join(""),
        );
    }
  }
  return { streams, fontDictionaries, lines, pageCount: document.getPageCount() };
}
