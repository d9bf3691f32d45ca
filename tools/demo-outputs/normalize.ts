/**
 * Turns the demo's output folder into comparable entries: per output file, an ordered list of
 * [path, value] leaves with the run's stamps replaced (stamps.ts).
 * - forms and answers (FI/FO files): parsed XML, one leaf per zone and attribute, paths like
 *   `/WECH006/Form[3]/EmployerDeclarationLink/NaturalPerson/INSS`; element order is kept;
 * - workbooks (.xlsx): the sheets in order, then cell by cell, `Sheet!B4` -> value, `Sheet!B4 numFmt`
 *   -> number format (not the zip's bytes, nor docProps' created/modified times);
 * - CSV: the header by column, then `row N/<header>` per cell;
 * - JSON / JSON lines: parsed, one leaf per value (`files[0].forms`, `line 3:declared.q`), keys sorted;
 * - GO files and other text: the text, line by line;
 * - logs (*.log) and temporary files (dot files) are left out.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import { type Leaf, type StampKind, Stamps } from "./stamps";

export type Entry = readonly [path: string, value: Leaf];

export type OutputKind = "xml" | "workbook" | "csv" | "json" | "jsonl" | "text";

export interface NormalizedFile {
  /** The file's path below the output folder, '/'-separated, with the run date in its name replaced. */
  readonly file: string;
  readonly kind: OutputKind;
  readonly entries: readonly Entry[];
}

/** The console output of the demo, kept beside the files under this name. */
export const CONSOLE_OUTPUT = "(console)";

export interface DemoRunOutput {
  readonly tmpDir: string;
  readonly outDir: string;
  readonly stdout: string;
  readonly exitCode: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/** Logs (easr.log) and temporary files (the writers' `.<name>.partial`, any dot file). */
const IGNORED = [/\.log$/, /(^|\/)\.[^/]*$/];

export interface NormalizedOutput {
  readonly files: NormalizedFile[];
  /** How many stamps of each kind were replaced. */
  readonly replaced: ReadonlyMap<StampKind, number>;
}

export async function normalizeDemoOutput(run: DemoRunOutput): Promise<NormalizedOutput> {
  // A demo that failed early may have written no output folder: then every baseline file is missing.
  const files = (existsSync(run.outDir) ? listFiles(run.outDir) : []).filter((file) => !IGNORED.some((pattern) => pattern.test(file)));
  const contents = new Map(files.map((file) => [file, readFileSync(join(run.outDir, file))]));

  // First pass: what the stamps depend on (the FI files' form counts for the tickets, every file's hash).
  const formsByGoFile = new Map<string, number>();
  for (const [file, bytes] of contents) {
    const name = baseName(file);
    if (name.startsWith("FI.")) formsByGoFile.set(`GO${name.slice(2)}`, countForms(bytes.toString("utf8")));
  }
  const fileHashes = new Map([...contents].map(([file, bytes]) => [createHash("sha256").update(bytes).digest("hex"), file]));
  const stamps = new Stamps({ tmpDir: run.tmpDir, startedAt: run.startedAt, finishedAt: run.finishedAt, formsByGoFile, fileHashes });

  const normalized: NormalizedFile[] = [
    { file: CONSOLE_OUTPUT, kind: "text", entries: [["exit code", run.exitCode], ...textEntries(run.stdout, stamps)] },
  ];
  for (const file of files) {
    const bytes = contents.get(file)!;
    const kind = kindOf(file);
    normalized.push({ file: stamps.fileName(file), kind, entries: await entriesOf(kind, bytes, stamps) });
  }
  return { files: normalized.sort((a, b) => compareText(a.file, b.file)), replaced: stamps.replaced };
}

export function kindOf(file: string): OutputKind {
  const name = baseName(file);
  if (/^(FI|FO)\./.test(name)) return "xml";
  if (name.endsWith(".xlsx")) return "workbook";
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".jsonl")) return "jsonl";
  if (name.endsWith(".json")) return "json";
  return "text";
}

async function entriesOf(kind: OutputKind, bytes: Buffer, stamps: Stamps): Promise<Entry[]> {
  switch (kind) {
    case "xml":
      return xmlEntries(bytes.toString("utf8"), stamps);
    case "workbook":
      return workbookEntries(bytes, stamps);
    case "csv":
      return csvEntries(bytes.toString("utf8"), stamps);
    case "json":
      return jsonEntries(JSON.parse(bytes.toString("utf8")), "", stamps);
    case "jsonl":
      return bytes
        .toString("utf8")
        .split("\n")
        .filter((line) => line.length > 0)
        .flatMap((line, index) => jsonEntries(JSON.parse(line), `line ${index + 1}:`, stamps));
    case "text":
      return textEntries(bytes.toString("utf8"), stamps);
  }
}

// ---------------------------------------------------------------------------------------------------
// XML

type XmlNode = Record<string, unknown>;

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: false,
  commentPropName: "#comment",
});

/** One leaf per element with text and per attribute; indentation between elements is no content. */
export function xmlEntries(xml: string, stamps: Stamps): Entry[] {
  const entries: Entry[] = [];
  walkXml(xmlParser.parse(xml) as XmlNode[], "", stamps, entries);
  return entries;
}

function walkXml(nodes: readonly XmlNode[], parent: string, stamps: Stamps, entries: Entry[]): void {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const name = nodeName(node);
    if (!name.startsWith("#")) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  for (const node of nodes) {
    const name = nodeName(node);
    if (name === "#text") {
      const text = String(node["#text"]);
      if (text.trim().length > 0) entries.push([`${parent}/#text`, stamps.text(text)]);
      continue;
    }
    if (name === "#comment") {
      entries.push([`${parent}/#comment`, stamps.text(commentText(node["#comment"]))]);
      continue;
    }
    const index = (seen.get(name) ?? 0) + 1;
    seen.set(name, index);
    const path = `${parent}/${name}${(counts.get(name) ?? 0) > 1 ? `[${index}]` : ""}`;
    const attributes = (node[":@"] ?? {}) as Record<string, unknown>;
    for (const [attribute, value] of Object.entries(attributes)) entries.push([`${path}/@${attribute}`, stamps.text(String(value))]);
    const children = (node[name] ?? []) as XmlNode[];
    const elements = children.filter((child) => !nodeName(child).startsWith("#"));
    if (elements.length === 0 && !name.startsWith("?")) {
      const text = children
        .filter((child) => nodeName(child) === "#text")
        .map((child) => String(child["#text"]))
        .join("");
      entries.push([path, stamps.xmlText(name, text)]);
    } else {
      walkXml(children, path, stamps, entries);
    }
  }
}

function nodeName(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ":@") ?? "#empty";
}

function commentText(value: unknown): string {
  return Array.isArray(value) ? value.map((part: XmlNode) => String(part["#text"] ?? "")).join("") : String(value);
}

function countForms(xml: string): number {
  return (xml.match(/<Form[\s>]/g) ?? []).length;
}

// ---------------------------------------------------------------------------------------------------
// Workbooks

/**
 * The sheet names in order, then every cell that holds something: `Sheet!A1` -> its value (text and
 * numbers as they are, other kinds spelled out: date:…, =FORMULA -> result, rich:…, link:…), and
 * `Sheet!A1 numFmt` -> its number format when it has one.
 */
export async function workbookEntries(bytes: Buffer, stamps: Stamps): Promise<Entry[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const entries: Entry[] = [["sheets", workbook.worksheets.map((sheet) => sheet.name).join(" | ")]];
  for (const sheet of workbook.worksheets) {
    const merges = ((sheet.model as { merges?: string[] }).merges ?? []).slice().sort();
    if (merges.length > 0) entries.push([`${sheet.name}!merges`, merges.join(" ")]);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const address = `${sheet.name}!${cell.address}`;
        entries.push([
          address,
          cell.type === ExcelJS.ValueType.Merge ? `(merged into ${cell.master.address})` : cellValue(cell.value, stamps),
        ]);
        if (cell.numFmt && cell.numFmt !== "General") entries.push([`${address} numFmt`, cell.numFmt]);
      });
    });
  }
  return entries;
}

function cellValue(value: ExcelJS.CellValue, stamps: Stamps): Leaf {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return stamps.text(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return `date:${stamps.cellDate(value)}`;
  if ("richText" in value) return `rich:${stamps.text(value.richText.map((run) => run.text).join(""))}`;
  if ("hyperlink" in value) return `link:${stamps.text(String(value.text))} -> ${stamps.text(value.hyperlink)}`;
  if ("formula" in value || "sharedFormula" in value) {
    const formula = ("formula" in value ? value.formula : value.sharedFormula) ?? "";
    return `=${stamps.text(formula)} -> ${JSON.stringify(cellValue((value.result ?? null) as ExcelJS.CellValue, stamps))}`;
  }
  if ("error" in value) return `error:${value.error}`;
  return `?${JSON.stringify(value)}`;
}

// ---------------------------------------------------------------------------------------------------
// CSV, JSON, text

/**
 * Whether the file starts with a UTF-8 byte-order mark (one entry, so that losing it shows), then the
 * header row by column number, then each cell by row and header (rows counted from 1 after the header).
 */
export function csvEntries(text: string, stamps: Stamps): Entry[] {
  const bom = text.startsWith("\uFEFF");
  const [header = [], ...rows] = parseCsv(bom ? text.slice(1) : text);
  const entries: Entry[] = [
    ["utf-8 byte-order mark", bom],
    ...header.map((name, index): Entry => [`header[${index + 1}]`, stamps.text(name)]),
  ];
  rows.forEach((row, rowIndex) => {
    row.forEach((value, column) => entries.push([`row ${rowIndex + 1}/${header[column] ?? `column ${column + 1}`}`, stamps.text(value)]));
  });
  return entries;
}

/** `;`- or `,`-separated (whichever the header uses), with "quoted" fields and CRLF or LF line ends. */
function parseCsv(text: string): string[][] {
  const separator = (text.split("\n", 1)[0] ?? "").includes(";") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Parsed JSON as leaves; object keys sorted (their order in the file is no content), arrays in order. */
export function jsonEntries(value: unknown, path: string, stamps: Stamps): Entry[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[path, "[]"]];
    return value.flatMap((item, index) => jsonEntries(item, `${path}[${index}]`, stamps));
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort(compareText);
    if (keys.length === 0) return [[path, "{}"]];
    return keys.flatMap((key) =>
      jsonEntries((value as Record<string, unknown>)[key], path === "" || path.endsWith(":") ? `${path}${key}` : `${path}.${key}`, stamps),
    );
  }
  if (typeof value === "string") return [[path, stamps.text(value)]];
  return [[path, value as Leaf]];
}

export function textEntries(text: string, stamps: Stamps): Entry[] {
  if (text.length === 0) return [["(empty)", ""]];
  return text.split("\n").map((line, index) => [`line ${index + 1}`, stamps.text(line)]);
}

// ---------------------------------------------------------------------------------------------------

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join("/")];
    })
    .sort(compareText);
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
