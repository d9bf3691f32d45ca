/**
 * What an answer of the batch channel means for the batch file or the form it answers. Pure: the facts
 * read from the state come in as plain values, the decision goes out as one — applied, with the change
 * it makes, or not applied, with why. Reading the facts and writing the changes is
 * src/channel/answer-recording.ts's.
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
 * checks before any change: an impossible transition changes nothing, and the answer is unmatched with
 * the error (naming both states) as its reason. An answer that matches nothing is unmatched, with why.
 * A notification that matches its form in every way but whose file has no receipt yet is pending: it
 * is matched again once the file is answered. No reason holds an INSZ in clear.
 */
import { maskInsz } from "../domain/check-digits";
import { inszHash } from "../domain/insz-hash";
import {
  checkDeclarationTransition,
  checkFileTransition,
  type DeclarationState,
  type FileState,
  IllegalTransitionError,
} from "../domain/lifecycle";
import { type BatchFileIdentity, parseBatchFileName } from "../files/batch-file-name";
import type { AnsweredDeclaration, AnsweredFile, DeclarationAnswer, FileReceiptChange } from "../state/declaration-repository";
import { maskInszInText } from "../util/insz-masking";
import type { AnomalyReport, FileReceipt, FormNotification, HandledForm } from "./answer-parser";

/** What an answer did to its file or form. */
export type AnswerOutcome = "received" | "rejected" | "accepted" | "accepted-with-warnings" | "refused";

/** The ingest the answers come in. */
export interface MatchContext {
  /** The environment being ingested: only batch files of this environment are matched. */
  readonly environment: "T" | "R";
  /** ISO-8601 with offset: the answered declarations' `answered_at`. */
  readonly answeredAt: string;
  /** The longest ticket the state keeps: a notification with a longer one is not applied. */
  readonly ticketLength: number;
}

/** An answer applied: what it did, and the change it makes to the state. */
export interface Applied<Change> {
  readonly status: "matched";
  readonly outcome: AnswerOutcome;
  readonly fileId: number;
  /** The declaration a notification answered (null for a file receipt). */
  readonly declarationId: number | null;
  /** The declaration an accepted modification superseded, or an accepted cancellation cancelled. */
  readonly replaced: { readonly id: number; readonly status: "superseded" | "cancelled" } | null;
  readonly change: Change;
}

/** An answer not applied: kept unmatched, or pending (a notification whose file has no receipt yet), with why. */
export interface NotApplied {
  readonly status: "unmatched" | "pending";
  /** Never holds an INSZ in clear. */
  readonly reason: string;
  /** Unmatched because the transition it asks for is not allowed. */
  readonly illegalTransition: boolean;
  /** The batch file it answers, when it is one of ours. */
  readonly fileId: number | null;
  /** The declaration it names, when there is one (the answer did not match it, or waits for it). */
  readonly candidateDeclarationId: number | null;
}

export type ReceiptMatch = Applied<FileReceiptChange> | NotApplied;
export type NotificationMatch = Applied<readonly DeclarationAnswer[]> | NotApplied;

/** The state of a batch file waiting for its receipt: a notification of one of its forms waits too (pending). */
export const AWAITING_RECEIPT: FileState = "written";

/** Our batch file name in an answered name: `FI|GO.<purpose>.<sender>.<date>.<seq>.<env>`, any part suffix dropped. */
const ANSWERED_NAME = /^((?:FI|GO)\.[A-Z]{4}\.\d{6}\.\d{8}\.\d{5}\.[TR])(?:\.\d+){0,2}$/;

/** The batch file an answer names: the name as given, our FI or GO name in it, and that file's identity. */
export interface NamedFile {
  readonly name: string;
  readonly baseName: string;
  readonly identity: BatchFileIdentity;
}

/** The batch file of the environment being ingested that an answer names, or why it names none. */
export function answeredName(
  answeredFileName: string | null,
  environment: "T" | "R",
): { readonly named: NamedFile } | { readonly notApplied: NotApplied } {
  if (answeredFileName === null || answeredFileName.trim() === "")
    return { notApplied: unmatched("the answer names no batch file (no FileReference/FileName)") };
  const name = answeredFileName.trim();
  const baseName = ANSWERED_NAME.exec(name)?.[1];
  const identity = baseName === undefined ? null : parseBatchFileName(baseName);
  if (baseName === undefined || identity === null)
    return { notApplied: unmatched(`answers "${name}", which is not a batch file name of this adapter`) };
  if (identity.environment !== environment)
    return {
      notApplied: unmatched(`answers ${name}, a file of environment ${identity.environment}, while ingesting environment ${environment}`),
    };
  return { named: { name, baseName, identity } };
}

/** The file with the named file's identity is the one named only when its FI or GO name is the one answered. */
export function namedFile(named: NamedFile, withIdentity: AnsweredFile | null): AnsweredFile | null {
  return withIdentity !== null && (withIdentity.fileName === named.baseName || withIdentity.goFileName === named.baseName)
    ? withIdentity
    : null;
}

/** What the matcher may look at: the batch files and declarations read for the answers. */
export interface AnswerFacts {
  /** Our batch file of this FI or GO name (no part suffix), as {@link namedFile} found it; null when there is none. */
  file(baseName: string): AnsweredFile | null;
  declarationAt(fileId: number, sequenceNbr: number): AnsweredDeclaration | undefined;
  declarationWithId(id: number): AnsweredDeclaration | undefined;
}

/** What matching a notification needs of it: read from the answer, or from a notification kept pending earlier. */
export interface NotificationFacts {
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

export function notificationFacts(notification: FormNotification): NotificationFacts {
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

/**
 * A file receipt: result code 1 receives the file and every declaration in it (which then wait for
 * their notifications), 0 rejects them (the final answer for those forms, answered now).
 */
export function matchReceipt(
  receipt: Pick<FileReceipt, "answeredFileName" | "resultCode" | "referenceNbr">,
  facts: Pick<AnswerFacts, "file">,
  declarations: readonly AnsweredDeclaration[],
  context: MatchContext,
): ReceiptMatch {
  const found = answeredFile(receipt.answeredFileName, facts, context.environment);
  if ("notApplied" in found) return found.notApplied;
  const { file } = found;
  if (receipt.resultCode !== 0 && receipt.resultCode !== 1)
    return unmatched(`file receipt with result code ${receipt.resultCode} (only 1 OK and 0 not OK are known)`, file.id);
  const target: FileState = receipt.resultCode === 1 ? "received" : "rejected";
  const declarationTarget: DeclarationState = target === "received" ? "file-received" : "file-rejected";
  const illegal = transitionError(() => {
    checkFileTransition(`batch file ${file.fileName}`, file.status, target);
    for (const declaration of declarations) checkDeclarationTransition(describe(declaration, file), declaration.status, declarationTarget);
  });
  if (illegal !== null) return { ...unmatched(illegal, file.id), illegalTransition: true };
  const receiptReference = target === "received" && receipt.referenceNbr !== null ? receipt.referenceNbr : file.receiptReference;
  // A rejected file is the final answer for its forms; a received one waits for their notifications.
  const declarationChange =
    target === "rejected" ? { status: declarationTarget, answeredAt: context.answeredAt } : { status: declarationTarget };
  const change: FileReceiptChange = {
    fileId: file.id,
    status: target,
    receiptReference,
    declarations: declarations.length > 0 ? declarationChange : null,
  };
  return { status: "matched", outcome: target, fileId: file.id, declarationId: null, replaced: null, change };
}

/**
 * A notification: result code 1 accepts the form (with warnings when anomalies are reported), 0 refuses
 * it; an accepted modification (1) or cancellation (3) retires the declaration it replaces (superseded,
 * cancelled). The changes are every column {@link DeclarationAnswer} sets, of the form and of the one
 * it retires.
 */
export function matchNotification(notification: NotificationFacts, facts: AnswerFacts, context: MatchContext): NotificationMatch {
  const found = answeredFile(notification.answeredFileName, facts, context.environment);
  if ("notApplied" in found) return found.notApplied;
  const { file } = found;
  const sequenceNbr = notification.sequenceNbr;
  if (sequenceNbr === null) return unmatched(`answers ${file.fileName} without a NaturalPersonSequenceNbr`, file.id);
  const declaration = facts.declarationAt(file.id, sequenceNbr);
  if (!declaration) return unmatched(`${file.fileName} has no form ${sequenceNbr}`, file.id);
  const mismatch = (reason: string): NotApplied => unmatched(`${describe(declaration, file)}: ${reason}`, file.id, declaration.id);

  const differs = formMismatch(notification, declaration);
  if (differs !== null) return mismatch(differs);
  const target = notificationOutcome(notification);
  if (target === null) return mismatch(`result code ${notification.resultCode} is not a final answer (only 1 OK and 0 NOK change a form)`);
  if (notification.ticket !== null && notification.ticket.length > context.ticketLength)
    return mismatch(`the ticket "${notification.ticket}" is longer than ${context.ticketLength} characters`);
  // Everything matches but the file's receipt has not come: kept, and matched again once the file is answered.
  if (declaration.status === "written" && file.status === AWAITING_RECEIPT) {
    return { ...mismatch(`waiting for the file receipt (ACRF) of ${file.goFileName}`), status: "pending" };
  }

  // A modification (1) or cancellation (3), once accepted, retires the declaration it replaces.
  const replaces = target !== "refused" && [1, 3].includes(Number(declaration.attestationStatus)) ? declaration.replacesId : null;
  const retiredAs: "superseded" | "cancelled" = Number(declaration.attestationStatus) === 3 ? "cancelled" : "superseded";
  const replaced = replaces === null ? null : (facts.declarationWithId(Number(replaces)) ?? null);
  if (replaces !== null && !replaced) return mismatch(`it replaces declaration ${replaces}, which does not exist`);
  const illegal = transitionError(() => {
    checkDeclarationTransition(describe(declaration, file), declaration.status, target);
    if (replaced)
      checkDeclarationTransition(
        `declaration ${replaced.id} (${replaced.formType}, replaced by declaration ${declaration.id})`,
        replaced.status,
        retiredAs,
      );
  });
  if (illegal !== null) return { ...unmatched(illegal, file.id, declaration.id), illegalTransition: true };

  const answered: DeclarationAnswer = {
    id: declaration.id,
    status: target,
    answeredAt: context.answeredAt,
    ticket: target !== "refused" ? notification.ticket : declaration.ticket,
  };
  const retired: DeclarationAnswer[] = replaced
    ? [{ id: replaced.id, status: retiredAs, answeredAt: replaced.answeredAt, ticket: replaced.ticket }]
    : [];
  return {
    status: "matched",
    outcome: target,
    fileId: file.id,
    declarationId: declaration.id,
    replaced: replaced ? { id: replaced.id, status: retiredAs } : null,
    change: [answered, ...retired],
  };
}

/** Why the notification is not about this declaration — its worker or the echo of its form differs — or null. */
function formMismatch(notification: NotificationFacts, declaration: AnsweredDeclaration): string | null {
  if (notification.inszHash === null) return "the notification gives no INSS to check the worker";
  if (declaration.inszHash !== null && notification.inszHash !== declaration.inszHash)
    return `the notification's INSS ${notification.maskedInss ?? "(masked)"} is not the declared person's`;
  const handled = notification.handledForm;
  if (handled === null || handled.identification === null)
    return "the notification does not say which form it handled (no HandledOriginalForm/Identification)";
  if (handled.identification !== declaration.formType)
    return `the notification handled a ${handled.identification} form, the declaration is a ${declaration.formType}`;
  // created_at of a declaration is its form's stamp: FormCreationDate "T" FormCreationHour, then the offset.
  const created = { date: declaration.createdAt.slice(0, 10), hour: declaration.createdAt.slice(11, 23) };
  if (handled.creationDate !== null && handled.creationDate !== created.date)
    return `the handled form was created on ${handled.creationDate}, the declaration on ${created.date}`;
  if (handled.creationHour !== null && handled.creationHour !== created.hour)
    return `the handled form was created at ${handled.creationHour}, the declaration at ${created.hour}`;
  if (handled.attestationStatus !== null && handled.attestationStatus !== Number(declaration.attestationStatus)) {
    return `the handled form has attestation status ${handled.attestationStatus}, the declaration ${declaration.attestationStatus}`;
  }
  return null;
}

/** ResultCode 1: accepted (with warnings when anomalies are reported); 0: refused; anything else is no final answer. */
export function notificationOutcome(
  notification: Pick<NotificationFacts, "resultCode" | "anomalyCount">,
): "accepted" | "accepted-with-warnings" | "refused" | null {
  if (notification.resultCode === 0) return "refused";
  if (notification.resultCode !== 1) return null;
  return notification.anomalyCount > 0 ? "accepted-with-warnings" : "accepted";
}

/** B or W, as given (one character); "?" when the report gives none. */
export function anomalyClass(anomaly: Pick<AnomalyReport, "anomalyClass">): string {
  const given = anomaly.anomalyClass?.trim() ?? "";
  return given === "" ? "?" : given.slice(0, 1);
}

/** Our batch file of the environment being ingested that an answer names, or why there is none. */
function answeredFile(
  answeredFileName: string | null,
  facts: Pick<AnswerFacts, "file">,
  environment: "T" | "R",
): { readonly file: AnsweredFile } | { readonly notApplied: NotApplied } {
  const answered = answeredName(answeredFileName, environment);
  if ("notApplied" in answered) return answered;
  const file = facts.file(answered.named.baseName);
  return file ? { file } : { notApplied: unmatched(`answers ${answered.named.name}: no such batch file in environment ${environment}`) };
}

function unmatched(reason: string, fileId: number | null = null, candidateDeclarationId: number | null = null): NotApplied {
  return { status: "unmatched", reason: maskInszInText(reason), illegalTransition: false, fileId, candidateDeclarationId };
}

/** The message of the illegal transition `check` finds, or null. */
function transitionError(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof IllegalTransitionError) return error.message;
    throw error;
  }
}

/** How a declaration is named in messages: no person, only the form and where it went. */
function describe(declaration: AnsweredDeclaration, file: AnsweredFile): string {
  return `declaration ${declaration.id} (${declaration.formType} form ${declaration.sequenceNbr} of ${file.fileName})`;
}
