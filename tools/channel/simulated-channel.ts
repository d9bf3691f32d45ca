/**
 * A simulated batch channel, for the demo and the tests: it answers the declaration
 * files of a folder the way social security's batch channel does (domain.md rules 49-55), so that the
 * whole loop run → answers → ingest → correction runs locally.
 *
 * What it answers: every `FI.` batch file of the folder whose `GO.` file exists (the GO file says the
 * transfer is complete, rule 49) and that has no file receipt yet in the answers folder.
 *
 * What it writes, per answered file, into the answers folder (default `<folder>/answers/`):
 * - a file receipt **ACRF** (ACRF001, TypeForm PA): FileReference {FileName = the GO file's name (as in
 *   the official samples), ReferenceOrigin 2, ReferenceNbr = a ticket for the file}, ReceptionResult
 *   {ResultCode 1}, or ResultCode 0 with the error ids {@link REJECTION_ERROR_IDS} for a file chosen to
 *   be rejected or that is not well-formed XML;
 * - for a received file, one **NOTIFICATION** file with one NOTI001 Form per declaration form, in the
 *   file's order: the same FileReference, HandledOriginalFile {SenderId}, HandledOriginalForm (echo of
 *   the form's Identification, FormCreationDate, FormCreationHour, AttestationStatus, TypeForm), the
 *   form's own Reference blocks echoed, EmployerId, HandledReference {ReferenceType 1, ReferenceOrigin 2,
 *   ReferenceNbr = the form's ticket}, WorkerRecordIdentification and HandlingResult.
 *
 * Names (rule 53): `FO.ACRF.999999.<YYYYMMDD>.<seq5>.<env>` and `FO.NOTI.999999.<YYYYMMDD>.<seq5>.<env>`,
 * each followed by its empty `GO.` file. 999999 is the channel (Smals) as sender; the date is the day
 * of answering (Brussels); the sequence is the next free one of that date and environment in the
 * answers folder (ACRF and NOTI share one counter: names are unique per date and environment); the
 * environment is the answered file's. No FS signature file: a simulation signs nothing (and FS is not
 * required in test, rule 51).
 *
 * Tickets: 13 characters, `34` + 11 base-36 characters of a SHA-256 over the seed, the GO file's name
 * and the form's position — the same form of the same file always gets the same ticket; a form sent
 * again in another file gets another one. The file's ticket (ACRF and NOTI FileReference) is made the
 * same way from the GO file's name alone. The real check-digit algorithm is not public (domain.md Q8).
 *
 * Which forms are refused or warned, deterministic and independent of how many files are answered at
 * once: by the form's position p (1-based) in its file — refused when `refuseEvery` divides p, else
 * accepted with a warning when `warnEvery` divides p, else accepted. A refused form gets one blocking
 * anomaly (class B) and ResultCode 0; a warned one one anomaly of class W and ResultCode 1. The
 * anomalies come from the 2023/3 glossaries of the file's sector — WECH files ({@link REFUSAL_ANOMALIES},
 * {@link WARNING_ANOMALIES}), ZIMA files ({@link ZIMA_REFUSAL_ANOMALIES}, {@link ZIMA_WARNING_ANOMALIES})
 * — and are taken in turn within a file, skipping one whose zone the form lacks or whose form types
 * do not include the file's; a form that has none of the zones is accepted.
 *
 * Every form type is read the same way: the header zones, the Reference blocks, the employer block and
 * the NaturalPerson are where every e-ASR form has them. A worker record (EmployerClass, WorkerCode) is
 * echoed when the form has one: a cancellation has none, and a ZIMA002 form may have several
 * OccupationLinks in its WorkerRecordLink (the anomaly's Path names the first's joint committee). Each anomaly carries the zone's XML label as TagName, the
 * form's value, AnomalyLocation/Location (the 1-based element positions from the root down, as the
 * channel writes them) and the Path identifying the worker record.
 *
 * Idempotent and crash-safe: every answer is checked against the official XSD before anything is
 * written, written under a temporary name and renamed, and its GO file is written last. A file with
 * an ACRF (and its GO) is not answered again; a received file whose NOTIFICATION is missing (a crash
 * between the two) gets only its NOTIFICATION. Answer files left without their GO file and temporary
 * files are removed first. One simulation at a time per answers folder.
 *
 * The INSZ is in the answers by nature (it is in the declarations too); the report returned holds
 * none.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import type { DeclarationState } from "../../src/domain/lifecycle";
import { isTemporaryName, writeFileAtomically } from "../../src/files/atomic-file";
import { type Environment, parseBatchFileName } from "../../src/files/batch-file-name";
import { makeDirectory } from "../../src/files/file-modes";
import { loadXsd } from "../../src/files/xsd-validator";
import { brusselsTime, type Clock, systemClock } from "../../src/util/brussels-clock";

/** The channel's own sender number in the names of its answers (Smals). */
export const CHANNEL_SENDER = "999999";
export const ACRF_XSD = "official/ACRF_20231.xsd";
export const NOTIFICATION_XSD = "official/NOTIFICATION_20223.xsd";
/** The error ids of a negative file receipt: those of the official sample (their meaning is not public). */
export const REJECTION_ERROR_IDS: readonly string[] = ["ACRF-088", "ACRF-172"];
/** The default folder for the answers, under the answered folder. */
export const DEFAULT_ANSWERS_FOLDER = "answers";

export interface SimulatedChannelOptions {
  /** Where the answers go (created when needed); default `<folder>/answers`. */
  readonly answersDir?: string;
  /** Refuse the forms at positions N, 2N, 3N … of each file; none when absent. */
  readonly refuseEvery?: number;
  /** Accept with a warning the forms at positions N, 2N … of each file that are not refused; none when absent. */
  readonly warnEvery?: number;
  /** FI or GO file names whose file receipt is negative (ResultCode 0): none of their forms is handled. */
  readonly rejectFiles?: readonly string[];
  /** Mixed into every ticket, so that two simulated channels give different tickets; default "easr". */
  readonly seed?: string;
  readonly clock?: Clock;
}

/** What a notification says about a form, named as the declaration states of src/domain/lifecycle.ts. */
export type FormOutcome = Extract<DeclarationState, "accepted" | "accepted-with-warnings" | "refused">;

/** One anomaly the channel may report: a glossary error id on one zone (its XML label). */
export interface AnomalyKind {
  readonly errorId: string;
  readonly zone: string;
  readonly anomalyClass: "B" | "W";
  /** The form types whose glossary lists this error id; every form type when absent. */
  readonly formTypes?: readonly string[];
}

/** Blocking anomalies of refused forms, taken in turn (glossaries Zones_ONEM1/ONEM2 2023/3). */
export const REFUSAL_ANOMALIES: readonly AnomalyKind[] = [
  { errorId: "00024-003", zone: "INSS", anomalyClass: "B" }, // INSZ: invalid
  { errorId: "00124-008", zone: "ExactSalaryAmount", anomalyClass: "B", formTypes: ["WECH006"] }, // exact salary: not in the allowed domain
  { errorId: "00037-008", zone: "WorkerCode", anomalyClass: "B" }, // worker code: not in the allowed domain
];

/**
 * Non-blocking anomalies of forms accepted with a warning. The glossaries mark them NP (non-blocking);
 * the simulated channel reports them with the notification's warning class W.
 */
export const WARNING_ANOMALIES: readonly AnomalyKind[] = [
  { errorId: "00098-046", zone: "MonthlyTheoreticalSalaryAmount", anomalyClass: "W", formTypes: ["WECH006"] }, // amount not high enough
  // Non-blocking in the ONEM glossaries only: blocking (B) in the ZIMA ones.
  { errorId: "00044-278", zone: "OccupationStartingDate", anomalyClass: "W", formTypes: ["WECH003", "WECH006"] }, // starts before the employer's registration
];

/** Blocking anomalies of refused ZIMA forms, taken in turn (glossaries Zones_AMI2 / Zones_AMI5 2023/3). */
export const ZIMA_REFUSAL_ANOMALIES: readonly AnomalyKind[] = [
  { errorId: "00024-003", zone: "INSS", anomalyClass: "B" }, // INSZ: invalid (AMI2, AMI5)
  { errorId: "00124-008", zone: "ExactSalaryAmount", anomalyClass: "B", formTypes: ["ZIMA002"] }, // exact salary: not in the allowed domain (AMI2)
  { errorId: "00197-008", zone: "HolidayDaysNumber", anomalyClass: "B", formTypes: ["ZIMA005"] }, // holiday days: not in the allowed domain (AMI5)
  { errorId: "00554-008", zone: "ExceptSituationMeanWorkingHours", anomalyClass: "B" }, // Q of the adapted work: not in the allowed domain (AMI2, AMI5)
  { errorId: "00037-008", zone: "WorkerCode", anomalyClass: "B" }, // worker code: not in the allowed domain (AMI2, AMI5)
];

/** Non-blocking (NP) anomalies of ZIMA forms accepted with a warning (glossaries Zones_AMI2 / Zones_AMI5 2023/3). */
export const ZIMA_WARNING_ANOMALIES: readonly AnomalyKind[] = [
  { errorId: "00064-032", zone: "ServiceNbrHours", anomalyClass: "W", formTypes: ["ZIMA002"] }, // service hours: incompatible with the working time (AMI2)
  { errorId: "00014-235", zone: "CompanyID", anomalyClass: "W" }, // enterprise number: not in the repertory (AMI2, AMI5)
];

/** The anomalies the channel chooses from for a file whose root element is `formType`. */
export function anomalyKindsFor(formType: string): {
  readonly refusals: readonly AnomalyKind[];
  readonly warnings: readonly AnomalyKind[];
} {
  return formType.startsWith("ZIMA")
    ? { refusals: ZIMA_REFUSAL_ANOMALIES, warnings: ZIMA_WARNING_ANOMALIES }
    : { refusals: REFUSAL_ANOMALIES, warnings: WARNING_ANOMALIES };
}

export interface FormAnswer {
  /** 1-based position of the form in its file. */
  readonly position: number;
  /** The form's NaturalPersonSequenceNbr, null when it has none. */
  readonly sequenceNbr: string | null;
  readonly outcome: FormOutcome;
  readonly ticket: string;
  readonly errorIds: readonly string[];
}

export interface AnsweredFile {
  /** The answered declaration file (FI) and its GO file. */
  readonly fileName: string;
  readonly goFileName: string;
  /** The root element (WECH003, WECH006, ZIMA002, ZIMA005 …), null for a file that is not well-formed XML. */
  readonly formType: string | null;
  /** The file receipt written now; null when it existed already and only the notification was missing. */
  readonly receipt: { readonly fileName: string; readonly received: boolean; readonly errorIds: readonly string[] } | null;
  /** The notification written now; null for a rejected file. */
  readonly notification: { readonly fileName: string; readonly forms: readonly FormAnswer[] } | null;
}

export interface ChannelReport {
  readonly folder: string;
  readonly answersDir: string;
  /** Files answered now, in name order. */
  readonly answered: readonly AnsweredFile[];
  /** FI files answered before (ACRF in the answers folder, and NOTIFICATION when received). */
  readonly alreadyAnswered: readonly string[];
  /** FI files without their GO file: not handed over (yet), not answered. */
  readonly waiting: readonly string[];
  /** Incomplete answer files (no GO file) and temporary files removed before answering. */
  readonly removedLeftovers: readonly string[];
}

// ---------------------------------------------------------------------------------------------------
// Reading XML with element order and positions

/** An element as read, children in document order. */
interface XmlElement {
  readonly name: string;
  readonly text: string;
  readonly children: readonly XmlElement[];
  /** 1-based positions from the root element down (the root is 1): the channel's AnomalyLocation/Location. */
  readonly location: readonly number[];
}

type OrderedNode = Record<string, unknown>;

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
});

function toElement(node: OrderedNode, location: readonly number[]): XmlElement {
  const name = Object.keys(node).find((key) => key !== ":@")!;
  const children: XmlElement[] = [];
  let text = "";
  for (const item of node[name] as OrderedNode[]) {
    if ("#text" in item) text += String(item["#text"]);
    else children.push(toElement(item, [...location, children.length + 1]));
  }
  return { name, text, children, location };
}

/** The root element of a document, or null when it is not well-formed XML. */
function readRoot(xml: string): XmlElement | null {
  if (XMLValidator.validate(xml) !== true) return null;
  const top = (orderedParser.parse(xml) as OrderedNode[]).filter((node) => !("#text" in node));
  return top.length === 1 ? toElement(top[0], [1]) : null;
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

function childText(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.text;
}

/** The first element of that name below `element`, depth first. */
function descendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const c of element.children) {
    const found = c.name === name ? c : descendant(c, name);
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// What a declaration form says that the answers echo

/** An object without its undefined members, keys in insertion order (= element order). */
function present(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The employer block (EmployerDeclarationLink or NOSSLPAEmployerDeclarationLink) and its registration zone. */
function employerOf(form: XmlElement): { link: XmlElement | undefined; registration: Record<string, string> } {
  const noss = child(form, "EmployerDeclarationLink");
  if (noss) return { link: noss, registration: present({ NOSSRegistrationNbr: childText(noss, "NOSSRegistrationNbr") }) };
  const lpa = child(form, "NOSSLPAEmployerDeclarationLink");
  return { link: lpa, registration: present({ NOSSLPARegistrationNbr: childText(lpa, "NOSSLPARegistrationNbr") }) };
}

function personOf(form: XmlElement): XmlElement | undefined {
  return child(employerOf(form).link, "NaturalPerson");
}

function handledOriginalForm(form: XmlElement): Record<string, string> {
  const header = ["Identification", "FormCreationDate", "FormCreationHour", "AttestationStatus", "TypeForm"];
  return present(Object.fromEntries(header.map((name) => [name, childText(form, name)])));
}

/** The form's own Reference blocks (own reference, ticket of the corrected form), echoed as received. */
function echoedReferences(form: XmlElement): Record<string, string>[] {
  return form.children
    .filter((c) => c.name === "Reference")
    .slice(0, 4)
    .map((reference) =>
      present({
        ReferenceType: childText(reference, "ReferenceType"),
        ReferenceOrigin: childText(reference, "ReferenceOrigin"),
        ReferenceNbr: childText(reference, "ReferenceNbr"),
      }),
    );
}

function employerId(form: XmlElement): Record<string, string> | undefined {
  const { link, registration } = employerOf(form);
  const companyId = childText(link, "CompanyID");
  return Object.keys(registration).length > 0 && companyId !== undefined ? { ...registration, CompanyID: companyId } : undefined;
}

/**
 * The worker record a NOTI names, in the XSD's order: WorkerRecordIdentification, or — with the
 * trusteeship and joint committee too — an anomaly's Path.
 */
function workerRecordFields(form: XmlElement, asPath: boolean): Record<string, string> {
  const { link, registration } = employerOf(form);
  const person = child(link, "NaturalPerson");
  const record = child(person, "WorkerRecordLink");
  return {
    ...registration,
    ...present({
      Trusteeship: asPath ? childText(link, "Trusteeship") : undefined,
      CompanyID: childText(link, "CompanyID"),
      NaturalPersonSequenceNbr: childText(person, "NaturalPersonSequenceNbr"),
      INSS: childText(person, "INSS"),
      EmployerClass: childText(record, "EmployerClass"),
      WorkerCode: childText(record, "WorkerCode"),
      JointCommissionNbr: asPath ? childText(child(record, "OccupationLink"), "JointCommissionNbr") : undefined,
    }),
  };
}

function workerRecordIdentification(form: XmlElement): Record<string, string> {
  return workerRecordFields(form, false);
}

/** The anomaly's Path: the worker record the zone belongs to. */
function anomalyPath(form: XmlElement): Record<string, string> {
  return workerRecordFields(form, true);
}

// ---------------------------------------------------------------------------------------------------
// Choosing and reporting

/** A 13-character ticket, `34` + 11 base-36 characters, the same for the same seed and parts. */
export function simulatedTicket(seed: string, ...parts: readonly (string | number)[]): string {
  const digest = createHash("sha256")
    .update([seed, ...parts].join("|"))
    .digest("hex");
  return `34${(BigInt(`0x${digest}`) % 36n ** 11n).toString(36).toUpperCase().padStart(11, "0")}`;
}

/** The outcome chosen for the form at `position` (1-based) of its file; refusal wins over a warning. */
export function chosenOutcome(position: number, options: Pick<SimulatedChannelOptions, "refuseEvery" | "warnEvery">): FormOutcome {
  if (options.refuseEvery !== undefined && position % options.refuseEvery === 0) return "refused";
  if (options.warnEvery !== undefined && position % options.warnEvery === 0) return "accepted-with-warnings";
  return "accepted";
}

/** The `turn`-th kind (cyclically) that applies to the form, with the zone it is about. */
function pickAnomaly(
  kinds: readonly AnomalyKind[],
  turn: number,
  form: XmlElement,
  formType: string,
): { kind: AnomalyKind; zone: XmlElement } | null {
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[(turn + i) % kinds.length];
    if (kind.formTypes && !kind.formTypes.includes(formType)) continue;
    const zone = descendant(form, kind.zone);
    if (zone) return { kind, zone };
  }
  return null;
}

function anomalyReport(form: XmlElement, kind: AnomalyKind, zone: XmlElement): Record<string, unknown> {
  return {
    ErrorID: kind.errorId,
    TagName: zone.name,
    Value: zone.text,
    AnomalyClass: kind.anomalyClass,
    AnomalyLocation: { Location: zone.location.join(",") },
    Path: anomalyPath(form),
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing the answers

const builder = new XMLBuilder({
  format: true,
  indentBy: "  ",
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  processEntities: true,
  suppressEmptyNode: true,
});

function answerDocument(root: "ACRF" | "NOTIFICATION", schemaFile: string, forms: Record<string, unknown>[]): string {
  const body = builder.build({
    [root]: { "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "@_xsi:noNamespaceSchemaLocation": schemaFile, Form: forms },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

/** Zones 00296-00297 of an answer: its identification, when it was made, status 0, its type. */
function answerHeader(identification: "ACRF001" | "NOTI001", typeForm: "PA" | "FA", clock: Clock): Record<string, string> {
  const { date, time } = brusselsTime(clock.now());
  return { Identification: identification, FormCreationDate: date, FormCreationHour: time, AttestationStatus: "0", TypeForm: typeForm };
}

const ANSWER_NAME = /^(FO|GO)\.(ACRF|NOTI)\.(\d{6})\.(\d{8})\.(\d{5})\.([TR])$/;

export type AnswerKind = "ACRF" | "NOTI";

/** `FO.<kind>.999999.<YYYYMMDD>.<seq5>.<env>` (or its `GO.` file). */
export function answerFileName(
  prefix: "FO" | "GO",
  kind: AnswerKind,
  creationDate: string,
  sequence: number,
  environment: Environment,
): string {
  if (!/^\d{8}$/.test(creationDate)) throw new RangeError(`creation date must be YYYYMMDD, got ${creationDate}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) throw new RangeError(`answer sequence out of range: ${sequence}`);
  return [prefix, kind, CHANNEL_SENDER, creationDate, String(sequence).padStart(5, "0"), environment].join(".");
}

export function parseAnswerFileName(
  fileName: string,
): { prefix: "FO" | "GO"; kind: AnswerKind; sender: string; creationDate: string; sequence: number; environment: Environment } | null {
  const m = ANSWER_NAME.exec(fileName);
  if (!m) return null;
  return {
    prefix: m[1] as "FO" | "GO",
    kind: m[2] as AnswerKind,
    sender: m[3],
    creationDate: m[4],
    sequence: Number(m[5]),
    environment: m[6] as Environment,
  };
}

const plainParser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, isArray: (name) => name === "Form" });

/** What the answers folder holds already: which files have a receipt (and whether received), which a notification. */
class AnswersFolder {
  private readonly receipts = new Map<string, boolean>();
  private readonly notified = new Set<string>();
  private readonly lastSequence = new Map<string, number>();
  readonly removedLeftovers: string[] = [];

  constructor(readonly dir: string) {
    if (!existsSync(dir)) return;
    const names = readdirSync(dir);
    const present = new Set(names);
    for (const name of names) {
      if (isTemporaryName(name)) {
        this.removeLeftover(name);
        continue;
      }
      const parsed = parseAnswerFileName(name);
      if (!parsed || parsed.sender !== CHANNEL_SENDER) continue;
      const key = `${parsed.creationDate}.${parsed.environment}`;
      this.lastSequence.set(key, Math.max(this.lastSequence.get(key) ?? 0, parsed.sequence));
      if (parsed.prefix !== "FO") continue;
      if (!present.has(`GO${name.slice(2)}`)) {
        this.removeLeftover(name);
        continue;
      }
      this.learn(parsed.kind, readFileSync(join(dir, name), "utf8"));
    }
  }

  private removeLeftover(name: string): void {
    rmSync(join(this.dir, name), { force: true });
    this.removedLeftovers.push(name);
  }

  /** Notes the files an answer is about (FileReference/FileName: GO or FI name). Unreadable answers are not ours: skipped. */
  private learn(kind: AnswerKind, xml: string): void {
    let document: Record<string, { Form?: Record<string, Record<string, unknown>>[] }>;
    try {
      document = plainParser.parse(xml) as typeof document;
    } catch {
      return;
    }
    const forms = document[kind === "ACRF" ? "ACRF" : "NOTIFICATION"]?.Form ?? [];
    for (const form of forms) {
      const answered = form.FileReference?.FileName;
      if (typeof answered !== "string") continue;
      if (kind === "NOTI") this.notified.add(answered);
      else this.receipts.set(answered, String(form.ReceptionResult?.ResultCode) === "1");
    }
  }

  /** Received true/false when the file has a receipt, undefined when it has none. */
  receiptOf(fiName: string, goName: string): boolean | undefined {
    return this.receipts.get(goName) ?? this.receipts.get(fiName);
  }

  hasNotification(fiName: string, goName: string): boolean {
    return this.notified.has(goName) || this.notified.has(fiName);
  }

  /** Names for the next answer: FO and GO with the next free sequence of the day and environment. */
  nextNames(kind: AnswerKind, creationDate: string, environment: Environment): { fo: string; go: string } {
    const key = `${creationDate}.${environment}`;
    const sequence = (this.lastSequence.get(key) ?? 0) + 1;
    this.lastSequence.set(key, sequence);
    return {
      fo: answerFileName("FO", kind, creationDate, sequence, environment),
      go: answerFileName("GO", kind, creationDate, sequence, environment),
    };
  }
}

/** Checks an answer against its official XSD; an invalid one is a defect of this simulation. */
async function checkedAgainst(schemaFile: string, xml: string, what: string): Promise<string> {
  const result = (await loadXsd(schemaFile)).validateString(xml);
  if (!result.valid)
    throw new Error(
      `simulated ${what} does not validate against ${schemaFile}: ${result.errors.map((e) => `line ${e.line}: ${e.message}`).join("; ")}`,
    );
  return xml;
}

/** Writes an answer (temporary name, then renamed) and then its empty GO file. */
function publishAnswer(dir: string, names: { fo: string; go: string }, xml: string): void {
  for (const name of [names.fo, names.go]) {
    if (existsSync(join(dir, name))) throw new Error(`${join(dir, name)} exists already: refusing to overwrite it`);
  }
  makeDirectory(dir);
  writeFileAtomically(join(dir, names.fo), xml);
  writeFileAtomically(join(dir, names.go), "");
}

function checkEvery(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1))
    throw new RangeError(`${name} must be a whole number of at least 1, got ${value}`);
}

/** The NOTI forms of a received file, and what each says. */
function notificationForms(
  root: XmlElement,
  goName: string,
  sender: string,
  fileTicket: string,
  options: SimulatedChannelOptions,
  clock: Clock,
): { forms: Record<string, unknown>[]; answers: FormAnswer[] } {
  const seed = options.seed ?? "easr";
  const forms: Record<string, unknown>[] = [];
  const answers: FormAnswer[] = [];
  const turns = { refused: 0, warned: 0 };
  const kinds = anomalyKindsFor(root.name);
  root.children
    .filter((c) => c.name === "Form")
    .forEach((form, index) => {
      const position = index + 1;
      const ticket = simulatedTicket(seed, goName, position);
      let outcome = chosenOutcome(position, options);
      let anomaly: ReturnType<typeof pickAnomaly> = null;
      if (outcome === "refused") anomaly = pickAnomaly(kinds.refusals, turns.refused++, form, root.name);
      else if (outcome === "accepted-with-warnings") anomaly = pickAnomaly(kinds.warnings, turns.warned++, form, root.name);
      if (!anomaly) outcome = "accepted";
      const references = echoedReferences(form);
      const employer = employerId(form);
      forms.push({
        ...answerHeader("NOTI001", "FA", clock),
        FileReference: { FileName: goName, ReferenceOrigin: "2", ReferenceNbr: fileTicket },
        HandledOriginalFile: { SenderId: sender },
        HandledOriginalForm: handledOriginalForm(form),
        ...(references.length > 0 ? { Reference: references } : {}),
        ...(employer ? { EmployerId: employer } : {}),
        HandledReference: { ReferenceType: "1", ReferenceOrigin: "2", ReferenceNbr: ticket },
        WorkerRecordIdentification: workerRecordIdentification(form),
        HandlingResult: {
          ResultCode: outcome === "refused" ? "0" : "1",
          ...(anomaly ? { AnomalyReport: [anomalyReport(form, anomaly.kind, anomaly.zone)] } : {}),
        },
      });
      answers.push({
        position,
        sequenceNbr: childText(personOf(form), "NaturalPersonSequenceNbr") ?? null,
        outcome,
        ticket,
        errorIds: anomaly ? [anomaly.kind.errorId] : [],
      });
    });
  return { forms, answers };
}

/**
 * Answers every declaration file of `folder` that has its GO file and no answer yet (see the top of
 * this file). Returns what it wrote; throws only on a defect (an answer that fails its XSD) or an I/O
 * error, leaving every answer written before it complete.
 */
export async function simulateChannel(folder: string, options: SimulatedChannelOptions = {}): Promise<ChannelReport> {
  checkEvery("refuseEvery", options.refuseEvery);
  checkEvery("warnEvery", options.warnEvery);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? "easr";
  const rejected = new Set(options.rejectFiles ?? []);
  const answers = new AnswersFolder(options.answersDir ?? join(folder, DEFAULT_ANSWERS_FOLDER));

  const names = readdirSync(folder);
  const present = new Set(names);
  const answered: AnsweredFile[] = [];
  const alreadyAnswered: string[] = [];
  const waiting: string[] = [];

  for (const fiName of names.sort()) {
    const identity = parseBatchFileName(fiName);
    if (!identity || identity.kind !== "FI") continue;
    const goName = `GO${fiName.slice(2)}`;
    if (!present.has(goName)) {
      waiting.push(fiName);
      continue;
    }
    const receipt = answers.receiptOf(fiName, goName);
    if (receipt === false || (receipt === true && answers.hasNotification(fiName, goName))) {
      alreadyAnswered.push(fiName);
      continue;
    }

    const root = readRoot(readFileSync(join(folder, fiName), "utf8"));
    const received = receipt ?? (root !== null && !rejected.has(fiName) && !rejected.has(goName));
    const fileTicket = simulatedTicket(seed, goName);
    const creationDate = brusselsTime(clock.now()).date.replaceAll("-", "");

    // Both answers are built and checked before either is written.
    let receiptXml: string | null = null;
    const errorIds = received ? [] : REJECTION_ERROR_IDS;
    if (receipt === undefined) {
      const acrf = {
        ...answerHeader("ACRF001", "PA", clock),
        FileReference: { FileName: goName, ReferenceOrigin: "2", ReferenceNbr: fileTicket },
        ReceptionResult: { ResultCode: received ? "1" : "0", ...(errorIds.length > 0 ? { ErrorID: [...errorIds] } : {}) },
      };
      receiptXml = await checkedAgainst(ACRF_XSD, answerDocument("ACRF", "ACRF_20231.xsd", [acrf]), `file receipt for ${fiName}`);
    }
    let notification: { xml: string; answers: FormAnswer[] } | null = null;
    if (received && root !== null) {
      const { forms, answers: formAnswers } = notificationForms(root, goName, identity.sender, fileTicket, options, clock);
      // A file without forms cannot have a notification (the XSD wants at least one Form): its receipt says it all.
      if (forms.length > 0) {
        const xml = await checkedAgainst(
          NOTIFICATION_XSD,
          answerDocument("NOTIFICATION", "NOTIFICATION_20223.xsd", forms),
          `notification for ${fiName}`,
        );
        notification = { xml, answers: formAnswers };
      }
    }

    let receiptWritten: AnsweredFile["receipt"] = null;
    if (receiptXml !== null) {
      const receiptNames = answers.nextNames("ACRF", creationDate, identity.environment);
      publishAnswer(answers.dir, receiptNames, receiptXml);
      receiptWritten = { fileName: receiptNames.fo, received, errorIds };
    }
    let notificationWritten: AnsweredFile["notification"] = null;
    if (notification !== null) {
      const notificationNames = answers.nextNames("NOTI", creationDate, identity.environment);
      publishAnswer(answers.dir, notificationNames, notification.xml);
      notificationWritten = { fileName: notificationNames.fo, forms: notification.answers };
    }
    if (receiptWritten === null && notificationWritten === null) {
      alreadyAnswered.push(fiName);
      continue;
    }
    answered.push({
      fileName: fiName,
      goFileName: goName,
      formType: root?.name ?? null,
      receipt: receiptWritten,
      notification: notificationWritten,
    });
  }
  return { folder, answersDir: answers.dir, answered, alreadyAnswered, waiting, removedLeftovers: answers.removedLeftovers };
}
