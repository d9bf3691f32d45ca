/**
 * Reads the batch channel's answers (domain.md rules 53-55) into plain typed objects:
 *
 * - an **ACRF** file receipt (root `ACRF`, formats `schemas/official/ACRF_20231.xsd`): per answered batch
 *   file, its name (`FileReference/FileName`, the GO or FI name), the receipt's reference and
 *   `ReceptionResult` (ResultCode 1 OK / 0 not OK with `ErrorID`s);
 * - a **NOTI** notification (root `NOTIFICATION`, `schemas/official/NOTIFICATION_20223.xsd`): per handled
 *   form, the file it came in, the echo of the original form, the ticket (`HandledReference` with
 *   ReferenceOrigin 2), the worker (`NaturalPersonSequenceNbr`, `INSS`) and `HandlingResult` with its
 *   anomalies.
 *
 * The document is read Form by Form with a streaming parser (saxes, {@link AnswerFormReader}): each
 * Form comes out as a small tree of its own and as its XML again, to be validated against the XSD in
 * chunks (src/channel/answer-stream.ts), so that nothing holds more than a chunk of a file of any size.
 * A document type declaration is refused outright: the channel's answers have none, and an internal
 * subset is where entity tricks live (an external entity reading a local file, entities expanding
 * without end).
 *
 * Values stay text: an INSS or a ticket never goes through a number. The mapping expects a Form
 * already validated against its XSD, but says what is missing rather than returning half an answer
 * when it is not.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";

export type AnswerKind = "ACRF" | "NOTI";

/** The root element of each kind of answer. */
export const ANSWER_ROOTS: Readonly<Record<AnswerKind, string>> = { ACRF: "ACRF", NOTI: "NOTIFICATION" };

/** The official XSD of each kind, for `loadXsd` (src/files/xsd-validator.ts). */
export const ANSWER_XSD: Readonly<Record<AnswerKind, string>> = {
  ACRF: "official/ACRF_20231.xsd",
  NOTI: "official/NOTIFICATION_20223.xsd",
};

/** The common header of every form (block 90059): zones 00296, 00218, 00299, 00110, 00297. */
export interface FormHeader {
  readonly identification: string;
  readonly creationDate: string;
  readonly creationHour: string;
  readonly attestationStatus: number;
  readonly typeForm: string;
}

/** One ACRF form: the receipt of one batch file. */
export interface FileReceipt {
  readonly kind: "ACRF";
  readonly header: FormHeader;
  /** The batch file answered (FileReference/FileName): its GO or FI name. */
  readonly answeredFileName: string;
  /** FileReference/ReferenceNbr: the channel's reference of the received file, if given. */
  readonly referenceNbr: string | null;
  /** 1 OK, 0 not OK. */
  readonly resultCode: number;
  /** ReceptionResult/ErrorID, e.g. `ACRF-088`. */
  readonly errorIds: readonly string[];
}

/** The echo of the form a notification answers (block 90154); every zone is optional in the XSD. */
export interface HandledForm {
  readonly identification: string | null;
  readonly creationDate: string | null;
  readonly creationHour: string | null;
  readonly attestationStatus: number | null;
  readonly typeForm: string | null;
}

/** HandledReference (block 90155). */
export interface HandledReference {
  readonly referenceType: number;
  readonly referenceOrigin: number;
  readonly referenceNbr: string | null;
}

/** WorkerRecordIdentification (block 90173): who the form was about. */
export interface WorkerIdentification {
  /** NaturalPersonSequenceNbr: the form's number in its file. */
  readonly sequenceNbr: number | null;
  /** In clear: compare its hash, never log or store it. */
  readonly inss: string | null;
  readonly employerClass: string | null;
  readonly workerCode: string | null;
}

/** AnomalyLocation: where in the original file. */
export interface AnomalyLocation {
  readonly line: number | null;
  readonly column: number | null;
  readonly location: string | null;
}

/** One AnomalyReport (block 90176). */
export interface AnomalyReport {
  /** 5-digit zone or block code, `-`, 3-digit error type (rule 55), e.g. `00024-003`. */
  readonly errorId: string;
  readonly tagName: string | null;
  readonly value: string | null;
  /** B blocking, W warning (null when absent). */
  readonly anomalyClass: string | null;
  readonly location: AnomalyLocation | null;
  /** The Path block's zones, in document order (it may hold an INSS: mask before keeping). */
  readonly path: Readonly<Record<string, string>> | null;
}

/** One NOTIFICATION form: the handling of one declared form. */
export interface FormNotification {
  readonly kind: "NOTI";
  readonly header: FormHeader;
  /** FileReference/FileName: the batch file the form came in (null when absent). */
  readonly answeredFileName: string | null;
  readonly handledForm: HandledForm | null;
  readonly handledReference: HandledReference;
  /** The ticket: HandledReference/ReferenceNbr when its ReferenceOrigin is 2. */
  readonly ticket: string | null;
  /** The first WorkerRecordIdentification (an e-ASR form has one person). */
  readonly worker: WorkerIdentification | null;
  /** 0 NOK, 1 OK (2 proposal to validate, 3 provisional, 4 time-out: not final). */
  readonly resultCode: number;
  readonly anomalies: readonly AnomalyReport[];
}

export type Answer = FileReceipt | FormNotification;

export type AnswerDocument =
  | { readonly kind: "ACRF"; readonly answers: readonly FileReceipt[] }
  | { readonly kind: "NOTI"; readonly answers: readonly FormNotification[] };

/** A document that is not an answer, or one missing what the XSD requires. */
export class AnswerFormatError extends Error {
  override readonly name: string = "AnswerFormatError";
}

/** Elements that may repeat: always arrays, even when there is one. ErrorID repeats in an ACRF's ReceptionResult, not in an AnomalyReport. */
const REPEATED = new Set(["Form", "AnomalyReport", "WorkerRecordIdentification"]);
const isRepeated = (name: string, parent: string): boolean => (name === "ErrorID" ? parent === "ReceptionResult" : REPEATED.has(name));

type Node = Record<string, unknown>;

/** The answer kind of a root element name, or null for anything else. */
export function answerKindOfRoot(root: string): AnswerKind | null {
  if (root === ANSWER_ROOTS.ACRF) return "ACRF";
  if (root === ANSWER_ROOTS.NOTI) return "NOTI";
  return null;
}

/** The name of the root element (after the XML declaration, comments, processing instructions and DOCTYPE), or null. */
export function rootElementOf(xml: string): string | null {
  const withoutProlog = xml
    .replace(/^\uFEFF/, "")
    .replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>))*\s*/, "");
  const match = /^<([A-Za-z_][\w.-]*)/.exec(withoutProlog);
  return match ? match[1] : null;
}

/** The text of an XML file, decoded as its declaration says (UTF-8 unless it names another encoding). */
export function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.replace(/^\uFEFF|^ï»¿/, ""))?.[1];
  let text: string;
  try {
    text = new TextDecoder(declared ?? "utf-8").decode(bytes);
  } catch {
    throw new AnswerFormatError(`unknown encoding "${declared}" in the XML declaration`);
  }
  return text.replace(/^\uFEFF/, "");
}

function child(node: Node, tag: string, where: string): Node {
  const value = node[tag];
  if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value))
    throw new AnswerFormatError(`${where}: no ${tag}`);
  return value as Node;
}

function optionalChild(node: Node, tag: string): Node | null {
  const value = node[tag];
  return value !== undefined && value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Node) : null;
}

function optionalText(node: Node | null, tag: string): string | null {
  const value = node?.[tag];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return null;
  return value;
}

function text(node: Node, tag: string, where: string): string {
  const value = optionalText(node, tag);
  if (value === null) throw new AnswerFormatError(`${where}: no ${tag}`);
  return value;
}

function optionalInteger(node: Node | null, tag: string, where: string): number | null {
  const value = optionalText(node, tag);
  if (value === null) return null;
  if (!/^[+-]?\d+$/.test(value)) throw new AnswerFormatError(`${where}: ${tag} is not a whole number`);
  return Number(value);
}

function integer(node: Node, tag: string, where: string): number {
  const value = optionalInteger(node, tag, where);
  if (value === null) throw new AnswerFormatError(`${where}: no ${tag}`);
  return value;
}

function nodes(node: Node | null, tag: string): Node[] {
  const value = node?.[tag];
  return Array.isArray(value) ? value.filter((v): v is Node => typeof v === "object" && v !== null) : [];
}

function texts(node: Node, tag: string): string[] {
  const value = node[tag];
  return Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : "")) : [];
}

function header(form: Node, where: string): FormHeader {
  return {
    identification: text(form, "Identification", where),
    creationDate: text(form, "FormCreationDate", where),
    creationHour: text(form, "FormCreationHour", where),
    attestationStatus: integer(form, "AttestationStatus", where),
    typeForm: text(form, "TypeForm", where),
  };
}

function fileReceipt(form: Node, where: string): FileReceipt {
  const reference = child(form, "FileReference", where);
  const result = child(form, "ReceptionResult", where);
  return {
    kind: "ACRF",
    header: header(form, where),
    answeredFileName: text(reference, "FileName", `${where} FileReference`),
    referenceNbr: optionalText(reference, "ReferenceNbr"),
    resultCode: integer(result, "ResultCode", `${where} ReceptionResult`),
    errorIds: texts(result, "ErrorID"),
  };
}

/** A block of simple zones (Path) as name → text, in document order. */
function simpleZones(node: Node | null): Record<string, string> | null {
  if (!node) return null;
  const zones: Record<string, string> = {};
  for (const [name, value] of Object.entries(node)) if (typeof value === "string") zones[name] = value;
  return zones;
}

function anomaly(report: Node, where: string): AnomalyReport {
  const location = optionalChild(report, "AnomalyLocation");
  return {
    errorId: text(report, "ErrorID", where),
    tagName: optionalText(report, "TagName"),
    value: optionalText(report, "Value"),
    anomalyClass: optionalText(report, "AnomalyClass"),
    location: location
      ? {
          line: optionalInteger(location, "LineNbr", where),
          column: optionalInteger(location, "ColumnNbr", where),
          location: optionalText(location, "Location"),
        }
      : null,
    path: simpleZones(optionalChild(report, "Path")),
  };
}

function formNotification(form: Node, where: string): FormNotification {
  const reference = optionalChild(form, "FileReference");
  const handled = optionalChild(form, "HandledOriginalForm");
  const handledReferenceNode = child(form, "HandledReference", where);
  const handledReference: HandledReference = {
    referenceType: integer(handledReferenceNode, "ReferenceType", `${where} HandledReference`),
    referenceOrigin: integer(handledReferenceNode, "ReferenceOrigin", `${where} HandledReference`),
    referenceNbr: optionalText(handledReferenceNode, "ReferenceNbr"),
  };
  const worker = nodes(form, "WorkerRecordIdentification")[0] ?? null;
  const result = child(form, "HandlingResult", where);
  return {
    kind: "NOTI",
    header: header(form, where),
    answeredFileName: optionalText(reference, "FileName"),
    handledForm: handled
      ? {
          identification: optionalText(handled, "Identification"),
          creationDate: optionalText(handled, "FormCreationDate"),
          creationHour: optionalText(handled, "FormCreationHour"),
          attestationStatus: optionalInteger(handled, "AttestationStatus", `${where} HandledOriginalForm`),
          typeForm: optionalText(handled, "TypeForm"),
        }
      : null,
    handledReference,
    ticket: handledReference.referenceOrigin === 2 ? handledReference.referenceNbr : null,
    worker: worker
      ? {
          sequenceNbr: optionalInteger(worker, "NaturalPersonSequenceNbr", `${where} WorkerRecordIdentification`),
          inss: optionalText(worker, "INSS"),
          employerClass: optionalText(worker, "EmployerClass"),
          workerCode: optionalText(worker, "WorkerCode"),
        }
      : null,
    resultCode: integer(result, "ResultCode", `${where} HandlingResult`),
    anomalies: nodes(result, "AnomalyReport").map((report, index) => anomaly(report, `${where} AnomalyReport ${index + 1}`)),
  };
}

/** The answer one Form of a document of this kind says; `position` is its 1-based place in the file. */
export function answerOfForm(kind: AnswerKind, form: Node, position: number): Answer {
  return kind === "ACRF" ? fileReceipt(form, `Form ${position}`) : formNotification(form, `Form ${position}`);
}

/** One element directly under the root (a Form, or whatever else stands there), read whole. */
export interface ParsedUnit {
  readonly name: string;
  /** Its content as the mapping reads it: a text, or an object of its children (repeated ones in arrays). */
  readonly node: Node;
  /** The element again as XML (comments and processing instructions left out), with the original's line breaks between its tags. */
  readonly xml: string;
  /** The line of the original where its start tag ends. */
  readonly line: number;
}

/** The root element: its name, its attributes as XML (for a chunk's own root), its line. */
export interface ParsedRoot {
  readonly name: string;
  readonly attributes: string;
  readonly line: number;
}

/** What one Form or one stretch without markup may hold (characters): more is no answer of the channel. */
export const MAX_UNIT_CHARS = 16 * 1024 * 1024;
/** Elements nested deeper than this are no answer of the channel (its XSDs go about ten deep). */
const MAX_DEPTH = 64;

const escapeText = (text: string): string =>
  text.replace(/[&<>\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"));
const escapeAttribute = (text: string): string =>
  text.replace(/[&<"\t\n\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === '"' ? "&quot;" : `&#${c.charCodeAt(0)};`));
const attributesXml = (tag: SaxesTagPlain): string =>
  Object.entries(tag.attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join("");
const countLines = (text: string): number => {
  let lines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
};

function refuseDoctype(line: number): never {
  throw new AnswerFormatError(
    `line ${line}: a document type declaration (DOCTYPE) is refused: the channel's answers have none, and its entities could read local files or expand without end`,
  );
}

interface Frame {
  readonly name: string;
  readonly children: Node;
  hasChildren: boolean;
  text: string;
}

/**
 * Reads an answer document given piece by piece ({@link write}) and hands over every element directly
 * under the root as soon as it is closed ({@link ParsedUnit}), keeping nothing of it afterwards. Not
 * well-formed XML, a DOCTYPE, another root than `expectedRoot`, nesting deeper than 64 or a unit of
 * more than {@link MAX_UNIT_CHARS} characters throw an {@link AnswerFormatError} naming the line.
 */
export class AnswerFormReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly stack: Frame[] = [];
  private parts: string[] = [];
  private partsLength = 0;
  /** Line breaks written in the current unit, and the original line its start tag ended on. */
  private unitLines = 0;
  private unitLine = 0;
  private rootInfo: ParsedRoot | null = null;
  /** Characters given since the parser last said anything: a stretch without markup is bounded too. */
  private quiet = 0;
  /** Before the root: the line the next piece starts on, and the end of the last piece (a `<!DOCTYPE` may be split). */
  private prologLines = 1;
  private prologTail = "";

  constructor(
    private readonly expectedRoot: string | null,
    private readonly onUnit: (unit: ParsedUnit) => void,
    /** Text (not only white space) directly under the root: invalid against the XSD, handed over to be reported. */
    private readonly onStrayText: (text: string, line: number) => void = () => undefined,
  ) {
    const parser = this.parser;
    parser.on("error", (error) => {
      throw new AnswerFormatError(`not well-formed XML: ${error.message}`);
    });
    // Seen in write() before the parser reads it whole; this is for one split oddly between two pieces.
    parser.on("doctype", () => refuseDoctype(parser.line));
    parser.on("opentag", (tag) => this.open(tag));
    parser.on("closetag", (tag) => this.close(tag));
    parser.on("text", (text) => this.text(text));
    parser.on("cdata", (text) => this.text(text));
  }

  /** The root element, once its start tag has been read. */
  get root(): ParsedRoot | null {
    return this.rootInfo;
  }

  write(text: string): void {
    if (this.rootInfo === null) this.lookForDoctype(text);
    this.quiet += text.length;
    this.parser.write(text);
    if (this.quiet > MAX_UNIT_CHARS)
      throw new AnswerFormatError(`line ${this.parser.line}: more than ${MAX_UNIT_CHARS} characters without a tag`);
  }

  /** The end of the document: throws when it is not complete. */
  end(): void {
    this.parser.close();
    if (this.rootInfo === null) throw new AnswerFormatError("no XML root element found");
  }

  /** Refuses a DOCTYPE before the root element as soon as it starts, naming its line (the parser would read its internal subset whole first). */
  private lookForDoctype(text: string): void {
    const seen = this.prologTail + text;
    const rootAt = seen.search(/<[A-Za-z_:]/);
    const at = seen.slice(0, rootAt === -1 ? seen.length : rootAt).indexOf("<!DOCTYPE");
    if (at !== -1) refuseDoctype(this.prologLines + countLines(seen.slice(0, at)) - countLines(this.prologTail));
    this.prologLines += countLines(text);
    this.prologTail = seen.slice(-8);
  }

  private append(xml: string, lines: number): void {
    this.parts.push(xml);
    this.partsLength += xml.length;
    this.unitLines += lines;
    if (this.partsLength > MAX_UNIT_CHARS)
      throw new AnswerFormatError(`line ${this.parser.line}: an element under the root larger than ${MAX_UNIT_CHARS} characters`);
  }

  /** Line breaks that bring the unit written so far to the original's line, to put inside a tag. */
  private catchUp(): string {
    const missing = this.parser.line - this.unitLine - this.unitLines;
    if (missing <= 0) return "";
    this.unitLines += missing;
    return "\n".repeat(missing);
  }

  private open(tag: SaxesTagPlain): void {
    this.quiet = 0;
    const depth = this.stack.length;
    if (depth === 0 && this.rootInfo === null) {
      if (this.expectedRoot !== null && tag.name !== this.expectedRoot)
        throw new AnswerFormatError(`the root element is ${tag.name}, not ${this.expectedRoot}`);
      this.rootInfo = { name: tag.name, attributes: attributesXml(tag), line: this.parser.line };
    } else if (depth >= MAX_DEPTH) {
      throw new AnswerFormatError(`line ${this.parser.line}: elements nested deeper than ${MAX_DEPTH}`);
    } else if (depth === 1) {
      this.parts = [];
      this.partsLength = 0;
      this.unitLines = 0;
      this.unitLine = this.parser.line;
      this.append(`<${tag.name}${attributesXml(tag)}>`, 0);
    } else {
      const start = `<${tag.name}${attributesXml(tag)}`;
      this.append(`${start}${this.catchUp()}>`, 0);
    }
    this.stack.push({ name: tag.name, children: {}, hasChildren: false, text: "" });
  }

  private close(tag: SaxesTagPlain): void {
    this.quiet = 0;
    const frame = this.stack.pop()!;
    const depth = this.stack.length;
    if (depth === 0) return;
    this.append(`</${tag.name}${this.catchUp()}>`, 0);
    const value: unknown = frame.hasChildren ? frame.children : frame.text.trim();
    const parent = this.stack[depth - 1];
    if (depth === 1) {
      this.onUnit({
        name: frame.name,
        node: typeof value === "string" ? { "#text": value } : (value as Node),
        xml: this.parts.join(""),
        line: this.unitLine,
      });
      this.parts = [];
      this.partsLength = 0;
      return;
    }
    parent.hasChildren = true;
    const existing = parent.children[frame.name];
    if (isRepeated(frame.name, parent.name)) {
      if (Array.isArray(existing)) existing.push(value);
      else parent.children[frame.name] = [value];
    } else if (existing === undefined) parent.children[frame.name] = value;
    else parent.children[frame.name] = Array.isArray(existing) ? [...(existing as unknown[]), value] : [existing, value];
  }

  private text(text: string): void {
    this.quiet = 0;
    const depth = this.stack.length;
    if (depth === 0) return;
    if (depth === 1) {
      if (text.trim() !== "") this.onStrayText(text, this.parser.line);
      return;
    }
    this.stack[depth - 1].text += text;
    this.append(escapeText(text), countLines(text));
  }
}

/**
 * Parses a whole ACRF or NOTIFICATION document given as a string (no XSD validation: for documents
 * already validated, and the tests); anything else is an {@link AnswerFormatError}. Answer files are
 * read as a stream by src/channel/answer-stream.ts.
 */
export function parseAnswerDocument(xml: string): AnswerDocument {
  const root = rootElementOf(xml);
  const kind = root === null ? null : answerKindOfRoot(root);
  if (kind === null) throw new AnswerFormatError(`not an ACRF or NOTIFICATION document (root element ${root ?? "not found"})`);
  const forms: Node[] = [];
  const reader = new AnswerFormReader(ANSWER_ROOTS[kind], (unit) => {
    if (unit.name === "Form") forms.push(unit.node);
  });
  reader.write(xml.replace(/^\uFEFF/, ""));
  reader.end();
  if (forms.length === 0) throw new AnswerFormatError(`${ANSWER_ROOTS[kind]} without a Form`);
  return kind === "ACRF"
    ? { kind, answers: forms.map((form, index) => fileReceipt(form, `Form ${index + 1}`)) }
    : { kind, answers: forms.map((form, index) => formNotification(form, `Form ${index + 1}`)) };
}
