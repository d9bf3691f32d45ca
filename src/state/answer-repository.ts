/**
 * The batch channel's answers, recorded and applied to the batch files and declarations they answer
 * (issue 5, items 1 and 2). One answer file is one transaction: the file, each of its answers, their
 * anomalies, the state changes they bring and an audit row go in together or not at all.
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
 */
import { createHash } from "node:crypto";
import { insertRows } from "./bulk-insert";
import type { DataSource, EntityManager } from "typeorm";
import type { Answer, AnswerKind, AnomalyReport, FileReceipt, FormNotification } from "../channel/answer-parser";
import { maskInsz } from "../domain/check-digits";
import { checkDeclarationTransition, checkFileTransition, type DeclarationState, type FileState, IllegalTransitionError } from "../domain/lifecycle";
import { parseBatchFileName } from "../files/batch-file-name";
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
  readonly answers: readonly Answer[];
  /** The glossary label of an anomaly's zone or block (from its error id), or null when unknown. */
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
  readonly status: "matched" | "unmatched";
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
  | { readonly status: "ingested"; readonly answerFileId: number; readonly answers: readonly AnswerResult[] };

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

/** One answer file's ingestion, inside its transaction: the batch files and declarations it touched, cached. */
class AnswerFileIngestion {
  private readonly files = new Map<string, BatchFileRow | null>();
  private readonly declarationsByFile = new Map<number, Map<number, DeclarationRow>>();

  constructor(
    private readonly manager: EntityManager,
    private readonly input: AnswerFileInput,
  ) {}

  /** Applies one answer; an answer that cannot be applied comes back unmatched with the reason. */
  async apply(answer: Answer, index: number): Promise<{ result: AnswerResult; candidateDeclarationId: number | null }> {
    const base = {
      index,
      kind: answer.kind,
      answeredFileName: answer.answeredFileName,
      errorIds: answer.kind === "ACRF" ? answer.errorIds : [],
      anomalies: answer.kind === "NOTI" ? answer.anomalies.map((a) => ({ errorId: a.errorId, anomalyClass: anomalyClass(a) })) : [],
      ticket: answer.kind === "NOTI" ? answer.ticket : null,
    };
    try {
      const applied = answer.kind === "ACRF" ? await this.applyReceipt(answer) : await this.applyNotification(answer);
      return { result: { ...base, status: "matched", reason: null, illegalTransition: false, replaced: null, ...applied }, candidateDeclarationId: null };
    } catch (error) {
      if (!(error instanceof Unmatched)) throw error;
      const result: AnswerResult = {
        ...base,
        status: "unmatched",
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

  /** Our batch file of this environment an answer names, or Unmatched. */
  private async batchFile(answeredFileName: string | null): Promise<BatchFileRow> {
    if (answeredFileName === null || answeredFileName.trim() === "") throw new Unmatched("the answer names no batch file (no FileReference/FileName)");
    const name = answeredFileName.trim();
    const baseName = ANSWERED_NAME.exec(name)?.[1];
    const identity = baseName === undefined ? null : parseBatchFileName(baseName);
    if (baseName === undefined || identity === null) throw new Unmatched(`answers "${name}", which is not a batch file name of this adapter`);
    if (identity.environment !== this.input.environment) {
      throw new Unmatched(`answers ${name}, a file of environment ${identity.environment}, while ingesting environment ${this.input.environment}`);
    }
    let file = this.files.get(baseName);
    if (file === undefined) {
      // By the file's identity (the unique index of easr_file), then its FI or GO name must be the one answered.
      const row = await this.manager.getRepository(BatchFileRow).findOne({
        where: { purpose: identity.purpose, sender: identity.sender, creationDate: identity.creationDate, sequence: identity.sequence, environment: identity.environment },
        order: { id: "ASC" },
      });
      file = row !== null && (row.fileName === baseName || row.goFileName === baseName) ? row : null;
      this.files.set(baseName, file);
    }
    if (file === null) throw new Unmatched(`answers ${name}: no such batch file in environment ${this.input.environment}`);
    return file;
  }

  /** The declarations of a file by NaturalPersonSequenceNbr (loaded once per answer file). */
  private async declarationsOf(file: BatchFileRow): Promise<Map<number, DeclarationRow>> {
    let declarations = this.declarationsByFile.get(file.id);
    if (!declarations) {
      const rows = await this.manager.getRepository(DeclarationRow).find({ where: { fileId: file.id }, order: { sequenceNbr: "ASC" } });
      declarations = new Map(rows.map((row) => [Number(row.sequenceNbr), row]));
      this.declarationsByFile.set(file.id, declarations);
    }
    return declarations;
  }

  private async applyReceipt(receipt: FileReceipt): Promise<Pick<AnswerResult, "outcome" | "fileId" | "declarationId">> {
    const file = await this.batchFile(receipt.answeredFileName);
    if (receipt.resultCode !== 0 && receipt.resultCode !== 1) throw new Unmatched(`file receipt with result code ${receipt.resultCode} (only 1 OK and 0 not OK are known)`, file.id);
    const target: FileState = receipt.resultCode === 1 ? "received" : "rejected";
    const declarationTarget: DeclarationState = target === "received" ? "file-received" : "file-rejected";
    const declarations = [...(await this.declarationsOf(file)).values()];
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
      const answeredAt = target === "rejected" ? this.input.ingestedAt : null;
      await this.manager.getRepository(DeclarationRow).update({ fileId: file.id }, target === "rejected" ? { status: declarationTarget, answeredAt } : { status: declarationTarget });
      for (const declaration of declarations) {
        declaration.status = declarationTarget;
        if (answeredAt !== null) declaration.answeredAt = answeredAt;
      }
    }
    return { outcome: target, fileId: file.id, declarationId: null };
  }

  private async applyNotification(notification: FormNotification): Promise<Pick<AnswerResult, "outcome" | "fileId" | "declarationId" | "replaced">> {
    const file = await this.batchFile(notification.answeredFileName);
    const sequenceNbr = notification.worker?.sequenceNbr ?? null;
    if (sequenceNbr === null) throw new Unmatched(`answers ${file.fileName} without a NaturalPersonSequenceNbr`, file.id);
    const declaration = (await this.declarationsOf(file)).get(sequenceNbr);
    if (!declaration) throw new Unmatched(`${file.fileName} has no form ${sequenceNbr}`, file.id);
    const mismatch = (reason: string) => new Unmatched(`${describe(declaration, file)}: ${reason}`, file.id, declaration.id);

    // The worker and the echo of the original form must be the declaration's.
    const inss = notification.worker?.inss ?? null;
    if (inss === null) throw mismatch("the notification gives no INSS to check the worker");
    if (declaration.inszHash !== null && inszHash(inss) !== declaration.inszHash) throw mismatch(`the notification's INSS ${maskInsz(inss)} is not the declared person's`);
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

    // A modification (1) or cancellation (3), once accepted, retires the declaration it replaces.
    const replaces = target !== "refused" && [1, 3].includes(Number(declaration.attestationStatus)) ? declaration.replacesId : null;
    let replaced: DeclarationRow | null = null;
    const retiredAs: "superseded" | "cancelled" = Number(declaration.attestationStatus) === 3 ? "cancelled" : "superseded";
    if (replaces !== null) {
      replaced = await this.manager.getRepository(DeclarationRow).findOne({ where: { id: replaces }, order: { id: "ASC" } });
      if (!replaced) throw mismatch(`it replaces declaration ${replaces}, which does not exist`);
    }
    try {
      checkDeclarationTransition(describe(declaration, file), declaration.status, target);
      if (replaced) checkDeclarationTransition(`declaration ${replaced.id} (${replaced.formType}, replaced by declaration ${declaration.id})`, replaced.status, retiredAs);
    } catch (error) {
      throw new Unmatched(error instanceof Error ? error.message : String(error), file.id, declaration.id, error);
    }

    const accepted = target !== "refused";
    const changes = { status: target, answeredAt: this.input.ingestedAt, ...(accepted ? { ticket: notification.ticket } : {}) };
    await this.manager.getRepository(DeclarationRow).update({ id: declaration.id }, changes);
    Object.assign(declaration, changes);
    if (replaced) {
      await this.manager.getRepository(DeclarationRow).update({ id: replaced.id }, { status: retiredAs });
      replaced.status = retiredAs;
      // The replaced one may be in a file this answer file also answers: keep the cache in step.
      const cached = this.declarationsByFile.get(replaced.fileId)?.get(Number(replaced.sequenceNbr));
      if (cached) cached.status = retiredAs;
    }
    return { outcome: target, fileId: file.id, declarationId: declaration.id, replaced: replaced ? { id: replaced.id, status: retiredAs } : null };
  }
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
function notificationOutcome(notification: FormNotification): "accepted" | "accepted-with-warnings" | "refused" | null {
  if (notification.resultCode === 0) return "refused";
  if (notification.resultCode !== 1) return null;
  return notification.anomalies.length > 0 ? "accepted-with-warnings" : "accepted";
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

export class AnswerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records an answer file and applies its answers, in one transaction. A file already ingested (same
   * SHA-256, whatever its name now) changes nothing and says when it was ingested, under which name.
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
      const ingestion = new AnswerFileIngestion(manager, input);
      const results: AnswerResult[] = [];
      for (const [position, answer] of input.answers.entries()) {
        const { result, candidateDeclarationId } = await ingestion.apply(answer, position + 1);
        await recordAnswer(manager, input, answerFileId, answer, result, candidateDeclarationId);
        results.push(result);
      }
      const matched = results.filter((r) => r.status === "matched").length;
      await manager.getRepository(AuditRow).insert({
        at: input.ingestedAt,
        event: "answer-file-ingested",
        runId: null,
        month: null,
        environment: input.environment,
        actor: clip(input.actor, 100),
        host: clip(input.host, 200),
        detail: JSON.stringify({ file: input.fileName, kind: input.kind, sha256: input.sha256, answers: results.length, matched, unmatched: results.length - matched }),
      });
      return { status: "ingested", answerFileId, answers: results };
    });
  }
}

/** Keeps one answer (matched or not) and every anomaly it reports, the INSZ masked. */
async function recordAnswer(
  manager: EntityManager,
  input: AnswerFileInput,
  answerFileId: number,
  answer: Answer,
  result: AnswerResult,
  candidateDeclarationId: number | null,
): Promise<void> {
  const inserted = await manager.getRepository(AnswerRow).insert({
    answerFileId,
    kind: answer.kind,
    answeredFileName: clip(answer.answeredFileName ?? "", LENGTH.answeredFileName),
    fileId: result.fileId,
    declarationId: result.declarationId,
    resultCode: answer.resultCode,
    ticket: answer.kind === "NOTI" && answer.ticket !== null ? clip(answer.ticket, LENGTH.ticket) : null,
    status: result.status,
    detail: JSON.stringify(maskInszDeep(answerDetail(answer, result, candidateDeclarationId))),
  });
  if (answer.kind !== "NOTI" || answer.anomalies.length === 0) return;
  const answerId = Number(inserted.identifiers[0].id);
  const rows = answer.anomalies.map((anomaly) => ({
    answerId,
    declarationId: result.declarationId,
    errorId: clip(anomaly.errorId, LENGTH.errorId),
    zoneLabel: nullableClip(input.zoneLabel(anomaly.errorId, answer.answeredFileName), LENGTH.zoneLabel),
    anomalyClass: anomalyClass(anomaly),
    tagName: nullableClip(anomaly.tagName, LENGTH.tagName),
    value: nullableClip(anomaly.value === null ? null : maskInszInText(anomaly.value), LENGTH.value),
    path: anomaly.path === null ? null : JSON.stringify(maskInszDeep(anomaly.path)),
  }));
  await insertRows(manager, AnomalyRow, rows);
}
