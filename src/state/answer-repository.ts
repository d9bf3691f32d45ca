/**
 * The batch channel's answers, recorded and applied to the batch files and declarations they answer.
 * One answer file is one transaction: the file, each of its answers, their anomalies, the state changes
 * they bring and an audit row go in together or not at all. The answers come a chunk at a time as the
 * file is read; a chunk's files and declarations are read with a few queries and its changes written in
 * bulk, so that neither memory nor round trips grow with the number of answers.
 *
 * Matching:
 * - an ACRF names the batch file it answers by its FI or GO name (with or without a part suffix such as
 *   `.1`, domain.md rule 52); the file must be one of ours in the environment being ingested;
 * - a NOTI names the file too, and its worker's NaturalPersonSequenceNbr is the declaration's
 *   `sequence_nbr` in that file; the SHA-256 of its INSS must be the declaration's `insz_hash` (not
 *   checked for declarations recorded before the hash existed), and the echo of the original form
 *   (identification, creation date and hour, attestation status, where given) must be the declaration's.
 *
 * Every state change goes through the transition tables of src/domain/lifecycle.ts, all of an answer's
 * checks before any of its writes: an impossible transition leaves the state as it was, and the answer
 * is kept as unmatched with the error (naming both states) as its reason. Nothing is ever dropped: an
 * answer that matches nothing is kept, unmatched, with why. No INSZ is stored: the INSS of a notification
 * is compared by its hash, and masked wherever an answer's content is kept.
 *
 * A notification that matches its form in every way but whose file has no receipt yet is kept
 * `pending` (its INSS as its hash) and applied by the first ingest that finds the file answered
 * ({@link AnswerRepository.applyPending}).
 */
import { createHash } from "node:crypto";
import { insertRows } from "./bulk-insert";
import { type DataSource, type EntityManager, type EntityTarget, In, type ObjectLiteral } from "typeorm";
import type { Answer, AnswerKind, AnomalyReport, FileReceipt, FormNotification, HandledForm } from "../channel/answer-parser";
import { maskInsz } from "../domain/check-digits";
import { checkDeclarationTransition, checkFileTransition, type DeclarationState, type FileState, IllegalTransitionError } from "../domain/lifecycle";
import { type BatchFileIdentity, parseBatchFileName } from "../files/batch-file-name";
import { maskInszDeep, maskInszInText } from "../util/insz-masking";
import { AnomalyRow, AnswerFileRow, AnswerRow, AuditRow, BatchFileRow, DeclarationRow } from "./entities";

/** One answer file to record, parsed (src/channel/answer-parser.ts) and validated against its XSD. */
export interface AnswerFileInput {
  readonly kind: AnswerKind;
  readonly fileName: string;
  readonly sha256: string;
  /** The environment being ingested: only batch files of this environment are matched. */
  readonly environment: "T" | "R";
  /** ISO-8601 with offset; also the declarations' `answered_at`. */
  readonly ingestedAt: string;
  /** The file's answers, a chunk at a time as they are read (and validated); a chunk that throws rolls the file back. */
  readonly answers: AsyncIterable<readonly Answer[]>;
  /** Told each answer's result once its chunk is written (the file may still roll back after). */
  readonly onAnswer: (result: AnswerResult) => void;
  /** The label of an anomaly's zone, from the glossary of the answered file's sector (its name, when the answer gives it). */
  readonly zoneLabel: (errorId: string, answeredFileName: string | null) => string | null;
  /** Who ingests, on which host (audit trail). */
  readonly actor: string;
  readonly host: string;
}

/** What an answer did to its file or form. */
export type AnswerOutcome = "received" | "rejected" | "accepted" | "accepted-with-warnings" | "refused";

export interface AnswerResult {
  /** 1-based position of the answer (Form) in its answer file. */
  readonly index: number;
  readonly kind: AnswerKind;
  /** The batch file it answers, as named in the answer (null when a notification names none). */
  readonly answeredFileName: string | null;
  /** Pending: a notification that matches its form, whose file has no receipt yet (applied by a later ingest). */
  readonly status: "matched" | "unmatched" | "pending";
  /** Set when matched. */
  readonly outcome: AnswerOutcome | null;
  /** Why it is unmatched (never holds an INSZ in clear). */
  readonly reason: string | null;
  /** Unmatched because the transition it asks for is not allowed. */
  readonly illegalTransition: boolean;
  readonly fileId: number | null;
  readonly declarationId: number | null;
  /** ACRF ReceptionResult/ErrorID. */
  readonly errorIds: readonly string[];
  /** NOTI anomalies (all stored, matched or not). */
  readonly anomalies: readonly { readonly errorId: string; readonly anomalyClass: string }[];
  readonly ticket: string | null;
  /** The declaration an accepted modification superseded, or an accepted cancellation cancelled. */
  readonly replaced: { readonly id: number; readonly status: "superseded" | "cancelled" } | null;
}

export type AnswerFileResult =
  | { readonly status: "already-ingested"; readonly earlierFileName: string; readonly ingestedAt: string }
  | { readonly status: "ingested"; readonly answerFileId: number; readonly answers: number; readonly matched: number; readonly pending: number };

/** An answer that cannot be applied: kept as unmatched with this message as its reason. */
class Unmatched extends Error {
  constructor(
    message: string,
    readonly fileId: number | null = null,
    readonly candidateDeclarationId: number | null = null,
    /** The IllegalTransitionError behind it, if any. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** A notification that matches its form, whose file has no receipt yet: kept as pending, applied by a later ingest. */
class Pending extends Unmatched {}

/** Column lengths of easr_answer / easr_anomaly / easr_declaration (see the migration). */
const LENGTH = { answeredFileName: 100, ticket: 20, errorId: 20, zoneLabel: 200, tagName: 100, value: 200 } as const;

const clip = (text: string, length: number): string => (text.length <= length ? text : text.slice(0, length));
const nullableClip = (text: string | null, length: number): string | null => (text === null ? null : clip(text, length));

/** The SHA-256 (hex) of an INSZ, as the monthly run keeps it in `easr_declaration.insz_hash`. */
function inszHash(insz: string): string {
  return createHash("sha256").update(insz).digest("hex");
}

/** Our batch file name inside an answered name: `FI|GO.<purpose>.<sender>.<date>.<seq>.<env>`, any part suffix dropped. */
const ANSWERED_NAME = /^((?:FI|GO)\.[A-Z]{4}\.\d{6}\.\d{8}\.\d{5}\.[TR])(?:\.\d+){0,2}$/;

/** Batch files looked up are kept for the answers that follow, up to this many names (then forgotten). */
const MAX_CACHED_FILES = 10_000;
/** Values of one `IN (…)` list, a power of two (SQL Server takes 2100 parameters a statement). */
const IN_LIST = 512;

/** What applying a notification needs of it: read from the answer, or from a pending answer kept earlier. */
interface NotificationFacts {
  readonly answeredFileName: string | null;
  readonly sequenceNbr: number | null;
  /** The SHA-256 of the INSS, and the INSS masked for messages (null when the notification gives none). */
  readonly inszHash: string | null;
  readonly maskedInss: string | null;
  readonly handledForm: HandledForm | null;
  readonly resultCode: number;
  readonly ticket: string | null;
  readonly anomalyCount: number;
}

function notificationFacts(notification: FormNotification): NotificationFacts {
  const inss = notification.worker?.inss ?? null;
  return {
    answeredFileName: notification.answeredFileName,
    sequenceNbr: notification.worker?.sequenceNbr ?? null,
    inszHash: inss === null ? null : inszHash(inss),
    maskedInss: inss === null ? null : maskInsz(inss),
    handledForm: notification.handledForm,
    resultCode: notification.resultCode,
    ticket: notification.ticket,
    anomalyCount: notification.anomalies.length,
  };
}

type Applied = Pick<AnswerResult, "outcome" | "fileId" | "declarationId" | "replaced">;
type DeclarationChange = Partial<Pick<DeclarationRow, "status" | "answeredAt" | "ticket">>;

/**
 * Applies answers a chunk at a time, inside the caller's transaction: the batch files and declarations
 * a chunk answers are read with a few queries, every check and transition is made in memory in the
 * answers' order, and the chunk's changes are written in bulk ({@link flush}) before the next chunk is read.
 */
class AnswerApplication {
  private readonly files = new Map<string, BatchFileRow | null>();
  /** The chunk's declarations, by `fileId:sequenceNbr` and by id (the same objects). */
  private bySequence = new Map<string, DeclarationRow>();
  private byId = new Map<number, DeclarationRow>();
  /** The chunk's declarations that changed (status, answered_at, ticket), written by {@link flush}. */
  private changed = new Set<DeclarationRow>();

  constructor(
    private readonly manager: EntityManager,
    private readonly environment: "T" | "R",
    private readonly ingestedAt: string,
  ) {}

  /** Applies one answer; one that cannot be applied comes back unmatched (or pending) with the reason. */
  async apply(answer: Answer, position: number, facts: NotificationFacts | null): Promise<{ result: AnswerResult; candidateDeclarationId: number | null }> {
    const base = {
      index: position,
      kind: answer.kind,
      answeredFileName: answer.answeredFileName,
      errorIds: answer.kind === "ACRF" ? answer.errorIds : [],
      anomalies: answer.kind === "NOTI" ? answer.anomalies.map((a) => ({ errorId: a.errorId, anomalyClass: anomalyClass(a) })) : [],
      ticket: answer.kind === "NOTI" ? answer.ticket : null,
    };
    return this.settle(base, () => (answer.kind === "ACRF" ? this.applyReceipt(answer) : Promise.resolve(this.applyNotification(facts!))));
  }

  /** The outcome of applying: matched, or kept unmatched or pending with why. */
  async settle(
    base: Pick<AnswerResult, "index" | "kind" | "answeredFileName" | "errorIds" | "anomalies" | "ticket">,
    applying: () => Promise<Applied>,
  ): Promise<{ result: AnswerResult; candidateDeclarationId: number | null }> {
    try {
      const applied = await applying();
      return { result: { ...base, status: "matched", reason: null, illegalTransition: false, ...applied }, candidateDeclarationId: null };
    } catch (error) {
      if (!(error instanceof Unmatched)) throw error;
      const result: AnswerResult = {
        ...base,
        status: error instanceof Pending ? "pending" : "unmatched",
        outcome: null,
        reason: maskInszInText(error.message),
        illegalTransition: error.cause instanceof IllegalTransitionError,
        fileId: error.fileId,
        declarationId: null,
        replaced: null,
      };
      return { result, candidateDeclarationId: error.candidateDeclarationId };
    }
  }

  /** Reads the batch files and declarations the notifications of a chunk answer, and what they replace. */
  async prepare(notifications: readonly NotificationFacts[]): Promise<void> {
    this.bySequence = new Map();
    this.byId = new Map();
    const wanted = new Map<number, Set<number>>();
    for (const facts of notifications) {
      const file = await this.lookUp(facts.answeredFileName);
      if (file === null || facts.sequenceNbr === null) continue;
      let numbers = wanted.get(file.id);
      if (!numbers) wanted.set(file.id, (numbers = new Set()));
      numbers.add(facts.sequenceNbr);
    }
    const repository = this.manager.getRepository(DeclarationRow);
    for (const [fileId, numbers] of wanted) {
      for (const slice of inLists([...numbers])) {
        for (const row of await repository.find({ where: { fileId, sequenceNbr: In(slice) } })) this.keep(row);
      }
    }
    const replaced = [...new Set([...this.byId.values()].map((d) => d.replacesId).filter((id): id is number => id !== null && !this.byId.has(Number(id))))];
    for (const slice of inLists(replaced)) {
      for (const row of await repository.find({ where: { id: In(slice) } })) this.keep(row);
    }
  }

  private keep(row: DeclarationRow): void {
    if (this.byId.has(Number(row.id))) return;
    this.byId.set(Number(row.id), row);
    this.bySequence.set(`${row.fileId}:${row.sequenceNbr}`, row);
  }

  /** Writes the chunk's changes to declarations: one statement for many. */
  async flush(): Promise<void> {
    const rows = [...this.changed].map((declaration) => ({ key: Number(declaration.id), values: [declaration.status, declaration.answeredAt, declaration.ticket] }));
    this.changed = new Set();
    await updateRowsByKey(this.manager, DeclarationRow, "id", ["status", "answered_at", "ticket"], rows);
  }

  private change(declaration: DeclarationRow, change: DeclarationChange): void {
    Object.assign(declaration, change);
    this.changed.add(declaration);
  }

  /** The name of our batch file in an answered name, or Unmatched. */
  private baseName(answeredFileName: string | null): { name: string; baseName: string; identity: BatchFileIdentity } {
    if (answeredFileName === null || answeredFileName.trim() === "") throw new Unmatched("the answer names no batch file (no FileReference/FileName)");
    const name = answeredFileName.trim();
    const baseName = ANSWERED_NAME.exec(name)?.[1];
    const identity = baseName === undefined ? null : parseBatchFileName(baseName);
    if (baseName === undefined || identity === null) throw new Unmatched(`answers "${name}", which is not a batch file name of this adapter`);
    if (identity.environment !== this.environment) {
      throw new Unmatched(`answers ${name}, a file of environment ${identity.environment}, while ingesting environment ${this.environment}`);
    }
    return { name, baseName, identity };
  }

  /** Our batch file an answered name names, read once (null when there is none, or the name is none of ours). */
  private async lookUp(answeredFileName: string | null): Promise<BatchFileRow | null> {
    let named;
    try {
      named = this.baseName(answeredFileName);
    } catch (error) {
      if (error instanceof Unmatched) return null;
      throw error;
    }
    const { baseName, identity } = named;
    let file = this.files.get(baseName);
    if (file === undefined) {
      if (this.files.size >= MAX_CACHED_FILES) this.files.clear();
      // By the file's identity (the unique index of easr_file), then its FI or GO name must be the one answered.
      const row = await this.manager.getRepository(BatchFileRow).findOne({
        where: { purpose: identity.purpose, sender: identity.sender, creationDate: identity.creationDate, sequence: identity.sequence, environment: identity.environment },
        order: { id: "ASC" },
      });
      file = row !== null && (row.fileName === baseName || row.goFileName === baseName) ? row : null;
      this.files.set(baseName, file);
    }
    return file;
  }

  /** Our batch file of this environment an answer names (looked up before), or Unmatched. */
  private batchFile(answeredFileName: string | null): BatchFileRow {
    const { name, baseName } = this.baseName(answeredFileName);
    const file = this.files.get(baseName) ?? null;
    if (file === null) throw new Unmatched(`answers ${name}: no such batch file in environment ${this.environment}`);
    return file;
  }

  private async applyReceipt(receipt: FileReceipt): Promise<Applied> {
    await this.lookUp(receipt.answeredFileName);
    const file = this.batchFile(receipt.answeredFileName);
    if (receipt.resultCode !== 0 && receipt.resultCode !== 1) throw new Unmatched(`file receipt with result code ${receipt.resultCode} (only 1 OK and 0 not OK are known)`, file.id);
    const target: FileState = receipt.resultCode === 1 ? "received" : "rejected";
    const declarationTarget: DeclarationState = target === "received" ? "file-received" : "file-rejected";
    const declarations = await this.manager.getRepository(DeclarationRow).find({ where: { fileId: file.id }, order: { sequenceNbr: "ASC" } });
    try {
      checkFileTransition(`batch file ${file.fileName}`, file.status, target);
      for (const declaration of declarations) checkDeclarationTransition(describe(declaration, file), declaration.status, declarationTarget);
    } catch (error) {
      throw new Unmatched(error instanceof Error ? error.message : String(error), file.id, null, error);
    }
    const receiptReference = target === "received" && receipt.referenceNbr !== null ? clip(receipt.referenceNbr, LENGTH.ticket) : file.receiptReference;
    await this.manager.getRepository(BatchFileRow).update({ id: file.id }, { status: target, receiptReference });
    file.status = target;
    file.receiptReference = receiptReference;
    if (declarations.length > 0) {
      // A rejected file is the final answer for its forms; a received one waits for their notifications.
      await this.manager.getRepository(DeclarationRow).update({ fileId: file.id }, target === "rejected" ? { status: declarationTarget, answeredAt: this.ingestedAt } : { status: declarationTarget });
    }
    return { outcome: target, fileId: file.id, declarationId: null, replaced: null };
  }

  /** Applies a notification to the declarations read by {@link prepare}; the changes wait for {@link flush}. */
  applyNotification(notification: NotificationFacts): Applied {
    const file = this.batchFile(notification.answeredFileName);
    const sequenceNbr = notification.sequenceNbr;
    if (sequenceNbr === null) throw new Unmatched(`answers ${file.fileName} without a NaturalPersonSequenceNbr`, file.id);
    const declaration = this.bySequence.get(`${file.id}:${sequenceNbr}`);
    if (!declaration) throw new Unmatched(`${file.fileName} has no form ${sequenceNbr}`, file.id);
    const mismatch = (reason: string) => new Unmatched(`${describe(declaration, file)}: ${reason}`, file.id, declaration.id);

    // The worker and the echo of the original form must be the declaration's.
    if (notification.inszHash === null) throw mismatch("the notification gives no INSS to check the worker");
    if (declaration.inszHash !== null && notification.inszHash !== declaration.inszHash) throw mismatch(`the notification's INSS ${notification.maskedInss ?? "(masked)"} is not the declared person's`);
    const handled = notification.handledForm;
    if (handled === null || handled.identification === null) throw mismatch("the notification does not say which form it handled (no HandledOriginalForm/Identification)");
    if (handled.identification !== declaration.formType) throw mismatch(`the notification handled a ${handled.identification} form, the declaration is a ${declaration.formType}`);
    // created_at of a declaration is its form's stamp: FormCreationDate "T" FormCreationHour, then the offset.
    const created = { date: declaration.createdAt.slice(0, 10), hour: declaration.createdAt.slice(11, 23) };
    if (handled.creationDate !== null && handled.creationDate !== created.date) throw mismatch(`the handled form was created on ${handled.creationDate}, the declaration on ${created.date}`);
    if (handled.creationHour !== null && handled.creationHour !== created.hour) throw mismatch(`the handled form was created at ${handled.creationHour}, the declaration at ${created.hour}`);
    if (handled.attestationStatus !== null && handled.attestationStatus !== Number(declaration.attestationStatus)) {
      throw mismatch(`the handled form has attestation status ${handled.attestationStatus}, the declaration ${declaration.attestationStatus}`);
    }

    const target = notificationOutcome(notification);
    if (target === null) throw mismatch(`result code ${notification.resultCode} is not a final answer (only 1 OK and 0 NOK change a form)`);
    if (notification.ticket !== null && notification.ticket.length > LENGTH.ticket) throw mismatch(`the ticket "${notification.ticket}" is longer than ${LENGTH.ticket} characters`);
    // Everything matches but the file's receipt has not come: kept, and applied by the ingest that finds the file received.
    if (declaration.status === "written" && file.status === "written") {
      throw new Pending(`${describe(declaration, file)}: waiting for the file receipt (ACRF) of ${file.goFileName}`, file.id, declaration.id);
    }

    // A modification (1) or cancellation (3), once accepted, retires the declaration it replaces.
    const replaces = target !== "refused" && [1, 3].includes(Number(declaration.attestationStatus)) ? declaration.replacesId : null;
    const retiredAs: "superseded" | "cancelled" = Number(declaration.attestationStatus) === 3 ? "cancelled" : "superseded";
    const replaced = replaces === null ? null : (this.byId.get(Number(replaces)) ?? null);
    if (replaces !== null && !replaced) throw mismatch(`it replaces declaration ${replaces}, which does not exist`);
    try {
      checkDeclarationTransition(describe(declaration, file), declaration.status, target);
      if (replaced) checkDeclarationTransition(`declaration ${replaced.id} (${replaced.formType}, replaced by declaration ${declaration.id})`, replaced.status, retiredAs);
    } catch (error) {
      throw new Unmatched(error instanceof Error ? error.message : String(error), file.id, declaration.id, error);
    }

    const accepted = target !== "refused";
    this.change(declaration, { status: target, answeredAt: this.ingestedAt, ...(accepted ? { ticket: notification.ticket } : {}) });
    if (replaced) this.change(replaced, { status: retiredAs });
    return { outcome: target, fileId: file.id, declarationId: declaration.id, replaced: replaced ? { id: replaced.id, status: retiredAs } : null };
  }
}

/**
 * `values` cut into slices of `max` (a power of two), the rest in slices of the powers of two it adds
 * up to (100 → 64, 32, 4): a statement built for a slice then has one of a few texts, and the drivers'
 * prepared-statement caches (100 statements a connection in TypeORM's SQLite driver) stay small —
 * a text a chunk would fill them with large statements whatever the file's size.
 */
function* slices<T>(values: readonly T[], max: number): Generator<T[]> {
  let at = 0;
  for (; at + max <= values.length; at += max) yield values.slice(at, at + max);
  for (let size = max >> 1; size >= 1; size >>= 1) {
    if (at + size <= values.length) {
      yield values.slice(at, at + size);
      at += size;
    }
  }
}

/** Values for an `IN (…)` list: cut into {@link slices}, so that the lists have few lengths. */
const inLists = <T>(values: readonly T[]): Generator<T[]> => slices(values, IN_LIST);

/** Rows of one UPDATE … CASE statement (a power of two): SQL Server takes 2100 parameters, and the statement stays short. */
const ROWS_PER_UPDATE = 128;

/**
 * Sets `columns` of many rows of `entity` in few statements, on every engine: `SET col = CASE key WHEN
 * ? THEN ? … ELSE col END WHERE key IN (…)`, the rows in {@link slices} of {@link ROWS_PER_UPDATE}
 * (each row gives every column; the ELSE gives the parameters the column's type).
 */
async function updateRowsByKey(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  keyColumn: string,
  columns: readonly string[],
  rows: readonly { readonly key: number; readonly values: readonly (string | number | null)[] }[],
): Promise<void> {
  const driver = manager.connection.driver;
  const table = driver.escape(manager.connection.getMetadata(entity).tableName);
  const key = driver.escape(keyColumn);
  for (const slice of slices(rows, ROWS_PER_UPDATE)) {
    const parameters: unknown[] = [];
    const parameter = (value: unknown): string => {
      parameters.push(value);
      return driver.createParameter(`p${parameters.length}`, parameters.length - 1);
    };
    const sets = columns.map((column, index) => {
      const name = driver.escape(column);
      return `${name} = CASE ${key} ${slice.map((row) => `WHEN ${parameter(row.key)} THEN ${parameter(row.values[index])}`).join(" ")} ELSE ${name} END`;
    });
    const keys = slice.map((row) => parameter(row.key));
    await manager.query(`UPDATE ${table} SET ${sets.join(", ")} WHERE ${key} IN (${keys.join(", ")})`, parameters);
  }
}

/** Inserts rows in statements of few lengths (see {@link slices}). */
async function insertInSlices(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: readonly ObjectLiteral[]): Promise<void> {
  for (const slice of slices(rows, 256)) await insertRows(manager, entity, slice);
}

/** How a declaration is named in messages: no person, only the form and where it went. */
function describe(declaration: DeclarationRow, file: BatchFileRow): string {
  return `declaration ${declaration.id} (${declaration.formType} form ${declaration.sequenceNbr} of ${file.fileName})`;
}

/** B or W, as given (one character); "?" when the report gives none. */
function anomalyClass(anomaly: AnomalyReport): string {
  const given = anomaly.anomalyClass?.trim() ?? "";
  return given === "" ? "?" : given.slice(0, 1);
}

/** ResultCode 1: accepted (with warnings when anomalies are reported); 0: refused; anything else is no final answer. */
function notificationOutcome(notification: Pick<NotificationFacts, "resultCode" | "anomalyCount">): "accepted" | "accepted-with-warnings" | "refused" | null {
  if (notification.resultCode === 0) return "refused";
  if (notification.resultCode !== 1) return null;
  return notification.anomalyCount > 0 ? "accepted-with-warnings" : "accepted";
}

/** What is kept of an answer besides its columns: the answer's own content, the INSS masked. */
function answerDetail(answer: Answer, result: AnswerResult, candidateDeclarationId: number | null): Record<string, unknown> {
  const common = {
    form: `${answer.header.identification} ${answer.header.creationDate} ${answer.header.creationHour}`,
    ...(result.reason !== null ? { reason: result.reason, illegalTransition: result.illegalTransition } : {}),
    ...(candidateDeclarationId !== null ? { candidateDeclarationId } : {}),
    ...(result.outcome !== null ? { outcome: result.outcome } : {}),
    ...(result.replaced !== null ? { replaced: result.replaced } : {}),
  };
  if (answer.kind === "ACRF") return { ...common, answeredFileName: answer.answeredFileName, receiptReference: answer.referenceNbr, errorIds: answer.errorIds };
  return {
    ...common,
    answeredFileName: answer.answeredFileName,
    handledForm: answer.handledForm,
    handledReference: answer.handledReference,
    worker: answer.worker ? { ...answer.worker, inss: answer.worker.inss === null ? null : maskInsz(answer.worker.inss) } : null,
    anomalyLocations: answer.anomalies.filter((a) => a.location !== null).map((a) => ({ errorId: a.errorId, ...a.location })),
  };
}

/** A pending answer as kept in easr_answer, with what its answer file says of it. */
interface PendingRow {
  readonly id: number;
  readonly fileName: string;
  readonly position: number;
  readonly resultCode: number;
  readonly ticket: string | null;
  readonly inszHash: string | null;
  readonly detail: Record<string, unknown>;
}

/** Pending answers applied at a time. */
const PENDING_PAGE = 500;

export class AnswerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The answer file recorded with this SHA-256 (whatever its name), if any. */
  async ingestedAs(sha256: string): Promise<{ readonly fileName: string; readonly ingestedAt: string } | null> {
    const earlier = await this.dataSource.getRepository(AnswerFileRow).findOne({ where: { sha256 }, order: { id: "ASC" } });
    return earlier ? { fileName: earlier.fileName, ingestedAt: earlier.ingestedAt } : null;
  }

  /**
   * Records an answer file and applies its answers, chunk by chunk as they are read, in one
   * transaction: a file whose reading fails half-way (not valid against its XSD, changed) leaves
   * nothing. A file already ingested (same SHA-256, whatever its name now) changes nothing and says
   * when it was ingested, under which name. Each answer's result goes to `input.onAnswer`.
   */
  async ingestFile(input: AnswerFileInput): Promise<AnswerFileResult> {
    return this.dataSource.transaction(async (manager) => {
      const earlier = await manager.getRepository(AnswerFileRow).findOne({ where: { sha256: input.sha256 }, order: { id: "ASC" } });
      if (earlier) return { status: "already-ingested", earlierFileName: earlier.fileName, ingestedAt: earlier.ingestedAt };

      const inserted = await manager.getRepository(AnswerFileRow).insert({
        kind: input.kind,
        fileName: input.fileName,
        sha256: input.sha256,
        ingestedAt: input.ingestedAt,
        environment: input.environment,
      });
      const answerFileId = Number(inserted.identifiers[0].id);
      const application = new AnswerApplication(manager, input.environment, input.ingestedAt);
      const counts = { answers: 0, matched: 0, pending: 0 };
      for await (const chunk of input.answers) {
        const facts = chunk.map((answer) => (answer.kind === "NOTI" ? notificationFacts(answer) : null));
        await application.prepare(facts.filter((f): f is NotificationFacts => f !== null));
        const recorded: RecordedAnswer[] = [];
        for (const [index, answer] of chunk.entries()) {
          const position = counts.answers + index + 1;
          const { result, candidateDeclarationId } = await application.apply(answer, position, facts[index]);
          recorded.push({ answer, result, candidateDeclarationId, inszHash: facts[index]?.inszHash ?? null });
          if (result.status === "matched") counts.matched++;
          if (result.status === "pending") counts.pending++;
        }
        await application.flush();
        await recordAnswers(manager, input, answerFileId, counts.answers + 1, recorded);
        counts.answers += chunk.length;
        for (const { result } of recorded) input.onAnswer(result);
      }
      await manager.getRepository(AuditRow).insert({
        ...auditOf(input),
        event: "answer-file-ingested",
        detail: JSON.stringify({ file: input.fileName, kind: input.kind, sha256: input.sha256, ...counts, unmatched: counts.answers - counts.matched - counts.pending }),
      });
      return { status: "ingested", answerFileId, ...counts };
    });
  }

  /** How many notifications of `environment` are kept pending, waiting for their file's receipt. */
  async pendingCount(environment: "T" | "R"): Promise<number> {
    return this.dataSource
      .getRepository(AnswerRow)
      .createQueryBuilder("a")
      .innerJoin(AnswerFileRow, "f", "f.id = a.answerFileId")
      .where("a.status = :status AND f.environment = :environment", { status: "pending", environment })
      .getCount();
  }

  /**
   * Applies the notifications kept pending in `environment` whose file has been received (or rejected)
   * since, a page at a time, in one transaction: each becomes matched (its form accepted or refused,
   * its anomalies linked to the form), unmatched with why (its file rejected, a transition no longer
   * allowed), or stays pending. Each result goes to `onAnswer` with its answer file's name.
   */
  async applyPending(request: PendingRequest): Promise<{ applied: number; unmatched: number; stillPending: number }> {
    return this.dataSource.transaction(async (manager) => {
      const application = new AnswerApplication(manager, request.environment, request.ingestedAt);
      const counts = { applied: 0, unmatched: 0, stillPending: 0 };
      for (let after = 0; ; ) {
        const rows = await pendingPage(manager, request.environment, after);
        if (rows.length === 0) break;
        after = rows[rows.length - 1].id;
        const anomalies = await anomalyCounts(manager, rows.map((row) => row.id));
        const facts = rows.map((row) => pendingFacts(row, anomalies.get(row.id) ?? 0));
        await application.prepare(facts);
        const answerUpdates: { key: number; values: (string | number | null)[] }[] = [];
        const anomalyUpdates: { key: number; values: number[] }[] = [];
        for (const [index, row] of rows.entries()) {
          const base = { index: row.position, kind: "NOTI" as const, answeredFileName: facts[index].answeredFileName, errorIds: [], anomalies: [], ticket: row.ticket };
          const { result } = await application.settle(base, () => Promise.resolve(application.applyNotification(facts[index])));
          if (result.status === "pending") {
            counts.stillPending++;
            continue;
          }
          const { reason: _waiting, ...kept } = row.detail;
          const detail = { ...kept, ...(result.reason !== null ? { reason: result.reason, illegalTransition: result.illegalTransition } : {}), ...(result.outcome !== null ? { outcome: result.outcome } : {}), ...(result.replaced !== null ? { replaced: result.replaced } : {}), appliedAt: request.ingestedAt };
          answerUpdates.push({ key: row.id, values: [result.status, result.declarationId, JSON.stringify(maskInszDeep(detail)), request.ingestedAt] });
          if (result.declarationId !== null && (anomalies.get(row.id) ?? 0) > 0) anomalyUpdates.push({ key: row.id, values: [result.declarationId] });
          if (result.status === "matched") counts.applied++;
          else counts.unmatched++;
          request.onAnswer(row.fileName, result);
        }
        await application.flush();
        await updateRowsByKey(manager, AnswerRow, "id", ["status", "declaration_id", "detail", "applied_at"], answerUpdates);
        await updateRowsByKey(manager, AnomalyRow, "answer_id", ["declaration_id"], anomalyUpdates);
      }
      if (counts.applied + counts.unmatched > 0) {
        await manager.getRepository(AuditRow).insert({ ...auditOf(request), event: "pending-answers-applied", detail: JSON.stringify(counts) });
      }
      return counts;
    });
  }
}

export interface PendingRequest {
  readonly environment: "T" | "R";
  /** ISO-8601 with offset; the declarations' `answered_at`. */
  readonly ingestedAt: string;
  readonly actor: string;
  readonly host: string;
  /** Each pending answer applied now, or found unmatched now, with the name of the answer file it came in. */
  readonly onAnswer: (answerFileName: string, result: AnswerResult) => void;
}

function auditOf(request: { readonly ingestedAt: string; readonly environment: "T" | "R"; readonly actor: string; readonly host: string }) {
  return { at: request.ingestedAt, runId: null, month: null, environment: request.environment, actor: clip(request.actor, 100), host: clip(request.host, 200) };
}

/** The next page of pending notifications of `environment` whose file is no longer waiting for its receipt, after answer id `after`. */
async function pendingPage(manager: EntityManager, environment: string, after: number): Promise<PendingRow[]> {
  const raw = await manager
    .getRepository(AnswerRow)
    .createQueryBuilder("a")
    .innerJoin(AnswerFileRow, "f", "f.id = a.answerFileId")
    // Only those whose file has been answered since: the others stay as they are.
    .innerJoin(BatchFileRow, "b", "b.id = a.fileId AND b.status <> :written", { written: "written" })
    .select("a.id", "id")
    .addSelect("f.fileName", "fileName")
    .addSelect("a.position", "position")
    .addSelect("a.resultCode", "resultCode")
    .addSelect("a.ticket", "ticket")
    .addSelect("a.inszHash", "inszHash")
    .addSelect("a.detail", "detail")
    .where("a.status = :status AND a.kind = :kind AND f.environment = :environment AND a.id > :after", { status: "pending", kind: "NOTI", environment, after })
    .orderBy("a.id")
    .limit(PENDING_PAGE)
    .getRawMany<Record<string, unknown>>();
  return raw.map((row) => ({
    id: Number(row.id),
    fileName: String(row.fileName),
    position: Number(row.position),
    resultCode: Number(row.resultCode),
    ticket: row.ticket === null || row.ticket === undefined ? null : String(row.ticket),
    inszHash: row.inszHash === null || row.inszHash === undefined ? null : String(row.inszHash),
    detail: JSON.parse(String(row.detail ?? "{}")) as Record<string, unknown>,
  }));
}

/** How many anomalies each of these answers has. */
async function anomalyCounts(manager: EntityManager, answerIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const slice of inLists(answerIds)) {
    const raw = await manager
      .getRepository(AnomalyRow)
      .createQueryBuilder("n")
      .select("n.answerId", "answerId")
      .addSelect("COUNT(*)", "count")
      .where("n.answerId IN (:...ids)", { ids: slice })
      .groupBy("n.answerId")
      .getRawMany<Record<string, unknown>>();
    for (const row of raw) counts.set(Number(row.answerId), Number(row.count));
  }
  return counts;
}

/** A kept notification's facts, from its columns and its detail (the INSS only as its hash, and masked). */
function pendingFacts(row: PendingRow, anomalyCount: number): NotificationFacts {
  const detail = row.detail as { answeredFileName?: string | null; handledForm?: HandledForm | null; worker?: { sequenceNbr?: number | null; inss?: string | null } | null };
  return {
    answeredFileName: detail.answeredFileName ?? null,
    sequenceNbr: detail.worker?.sequenceNbr ?? null,
    inszHash: row.inszHash,
    maskedInss: detail.worker?.inss ?? null,
    handledForm: detail.handledForm ?? null,
    resultCode: row.resultCode,
    ticket: row.ticket,
    anomalyCount,
  };
}

interface RecordedAnswer {
  readonly answer: Answer;
  readonly result: AnswerResult;
  readonly candidateDeclarationId: number | null;
  readonly inszHash: string | null;
}

/** Keeps a chunk's answers (matched or not) and every anomaly they report, the INSZ masked: in bulk. */
async function recordAnswers(manager: EntityManager, input: AnswerFileInput, answerFileId: number, firstPosition: number, recorded: readonly RecordedAnswer[]): Promise<void> {
  await insertInSlices(
    manager,
    AnswerRow,
    recorded.map(({ answer, result, candidateDeclarationId, inszHash }, index) => ({
      answerFileId,
      position: firstPosition + index,
      kind: answer.kind,
      answeredFileName: clip(answer.answeredFileName ?? "", LENGTH.answeredFileName),
      fileId: result.fileId,
      declarationId: result.declarationId,
      resultCode: answer.resultCode,
      ticket: answer.kind === "NOTI" && answer.ticket !== null ? clip(answer.ticket, LENGTH.ticket) : null,
      status: result.status,
      inszHash,
      detail: JSON.stringify(maskInszDeep(answerDetail(answer, result, candidateDeclarationId))),
    })),
  );
  const withAnomalies = recorded.filter(({ answer }) => answer.kind === "NOTI" && answer.anomalies.length > 0);
  if (withAnomalies.length === 0) return;
  // The rows just inserted, by their place in the file.
  const ids = new Map<number, number>();
  const raw = await manager
    .getRepository(AnswerRow)
    .createQueryBuilder("a")
    .select("a.id", "id")
    .addSelect("a.position", "position")
    .where("a.answerFileId = :answerFileId AND a.position >= :first AND a.position <= :last", { answerFileId, first: firstPosition, last: firstPosition + recorded.length - 1 })
    .getRawMany<Record<string, unknown>>();
  for (const row of raw) ids.set(Number(row.position), Number(row.id));
  const rows = withAnomalies.flatMap(({ answer, result }) =>
    (answer as FormNotification).anomalies.map((anomaly) => ({
      answerId: ids.get(result.index),
      declarationId: result.declarationId,
      errorId: clip(anomaly.errorId, LENGTH.errorId),
      zoneLabel: nullableClip(input.zoneLabel(anomaly.errorId, answer.answeredFileName), LENGTH.zoneLabel),
      anomalyClass: anomalyClass(anomaly),
      tagName: nullableClip(anomaly.tagName, LENGTH.tagName),
      value: nullableClip(anomaly.value === null ? null : maskInszInText(anomaly.value), LENGTH.value),
      path: anomaly.path === null ? null : JSON.stringify(maskInszDeep(anomaly.path)),
    })),
  );
  await insertInSlices(manager, AnomalyRow, rows);
}
