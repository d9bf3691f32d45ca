/**
 * Records the batch channel's answers in the state and applies them to the batch files and declarations
 * they answer. One answer file is one transaction: the file, each of its answers, their anomalies, the
 * changes they bring and an audit row go in together or not at all. The answers come a chunk at a time
 * as the file is read; a chunk's files and declarations are read with a few queries, matched in memory
 * in the answers' order (src/channel/answer-matcher.ts decides), and the chunk's changes written in
 * bulk, so that neither memory nor round trips grow with the number of answers.
 *
 * Nothing is ever dropped: an answer that matches nothing is kept, unmatched, with why; a notification
 * whose file has no receipt yet is kept pending and applied by the first ingest that finds the file
 * answered ({@link applyPendingAnswers}). No INSZ is stored: the INSS of a notification is kept as its
 * hash, and masked wherever an answer's content is kept.
 */
import type { AnswerRecord, AnswerRepository, AppliedAnswer, PendingAnswer } from "../state/answer-repository";
import type { AuditRepository } from "../state/audit-repository";
import {
  type AnsweredDeclaration,
  type AnsweredFile,
  type DeclarationAnswer,
  type DeclarationRepository,
  TICKET_LENGTH,
} from "../state/declaration-repository";
import { inOneTransaction } from "../state/state-connection";
import { maskInsz } from "../domain/check-digits";
import { maskInszDeep, maskInszInText } from "../util/insz-masking";
import type { Answer, AnswerKind, FileReceipt, HandledForm } from "./answer-parser";
import {
  type AnswerFacts,
  type AnswerOutcome,
  anomalyClass,
  answeredName,
  AWAITING_RECEIPT,
  type MatchContext,
  matchNotification,
  matchReceipt,
  type NamedFile,
  namedFile,
  type NotificationFacts,
  notificationFacts,
  type NotificationMatch,
  type ReceiptMatch,
} from "./answer-matcher";

/** The repositories answers are recorded with: composed in one transaction per answer file. */
export interface AnswerState {
  readonly answers: AnswerRepository;
  readonly declarations: DeclarationRepository;
  readonly audit: AuditRepository;
}

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
  | {
      readonly status: "ingested";
      readonly answerFileId: number;
      readonly answers: number;
      readonly matched: number;
      readonly pending: number;
    };

export interface PendingRequest {
  readonly environment: "T" | "R";
  /** ISO-8601 with offset; the declarations' `answered_at`. */
  readonly ingestedAt: string;
  readonly actor: string;
  readonly host: string;
  /** Each pending answer applied now, or found unmatched now, with the name of the answer file it came in. */
  readonly onAnswer: (answerFileName: string, result: AnswerResult) => void;
}

/** Batch files looked up are kept for the answers that follow, up to about this many names (then forgotten). */
const MAX_CACHED_FILES = 10_000;

/**
 * The batch files and declarations the answers being recorded are about, as plain facts for the
 * matcher: read a chunk at a time, changed in memory as the chunk's answers are matched in order, and
 * the declarations' changes written in bulk by {@link flush} before the next chunk is read.
 */
class AnsweredFacts implements AnswerFacts {
  /** Our batch file of each FI or GO name looked up (null: none), kept across chunks; the files by id, as answers change them. */
  private readonly fileIds = new Map<string, number | null>();
  private readonly files = new Map<number, AnsweredFile>();
  /** The chunk's declarations, by `fileId:sequenceNbr` and by id. */
  private bySequence = new Map<string, AnsweredDeclaration>();
  private byId = new Map<number, AnsweredDeclaration>();
  /** The chunk's declarations that changed, with what they are now. */
  private changed = new Map<number, DeclarationAnswer>();

  constructor(
    private readonly declarations: DeclarationRepository,
    private readonly context: MatchContext,
  ) {}

  file(baseName: string): AnsweredFile | null {
    const id = this.fileIds.get(baseName);
    return id === undefined || id === null ? null : (this.files.get(id) ?? null);
  }

  declarationAt(fileId: number, sequenceNbr: number): AnsweredDeclaration | undefined {
    return this.bySequence.get(`${fileId}:${sequenceNbr}`);
  }

  declarationWithId(id: number): AnsweredDeclaration | undefined {
    return this.byId.get(id);
  }

  /** Reads the batch files and declarations the notifications of a chunk answer, and the declarations these replace. */
  async prepare(notifications: readonly NotificationFacts[]): Promise<void> {
    if (this.fileIds.size >= MAX_CACHED_FILES) {
      this.fileIds.clear();
      this.files.clear();
    }
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
    for (const [fileId, numbers] of wanted) this.keep(await this.declarations.declarationsAt(fileId, [...numbers]));
    const replaced = new Set(
      [...this.byId.values()].map((d) => d.replacesId).filter((id): id is number => id !== null && !this.byId.has(Number(id))),
    );
    this.keep(await this.declarations.declarationsWithIds([...replaced]));
  }

  /** Matches a file receipt, and writes what it changes at once. */
  async receipt(receipt: FileReceipt): Promise<ReceiptMatch> {
    const file = await this.lookUp(receipt.answeredFileName);
    const match = matchReceipt(receipt, this, file === null ? [] : await this.declarations.declarationsOfFile(file.id), this.context);
    if (match.status === "matched") {
      await this.declarations.recordReceipt(match.change);
      this.files.set(match.fileId, {
        ...this.files.get(match.fileId)!,
        status: match.change.status,
        receiptReference: match.change.receiptReference,
      });
    }
    return match;
  }

  /** Matches a notification; what it changes is written by {@link flush}. */
  notification(notification: NotificationFacts): NotificationMatch {
    const match = matchNotification(notification, this, this.context);
    if (match.status === "matched") for (const answer of match.change) this.change(answer);
    return match;
  }

  /** Writes the chunk's changes to declarations: one statement for many. */
  async flush(): Promise<void> {
    const changed = [...this.changed.values()];
    this.changed = new Map();
    await this.declarations.recordDeclarationAnswers(changed);
  }

  private change(answer: DeclarationAnswer): void {
    const declaration = {
      ...this.byId.get(Number(answer.id))!,
      status: answer.status,
      answeredAt: answer.answeredAt,
      ticket: answer.ticket,
    };
    this.byId.set(Number(declaration.id), declaration);
    this.bySequence.set(`${declaration.fileId}:${declaration.sequenceNbr}`, declaration);
    this.changed.set(Number(declaration.id), answer);
  }

  private keep(rows: readonly AnsweredDeclaration[]): void {
    for (const row of rows) {
      if (this.byId.has(Number(row.id))) continue;
      this.byId.set(Number(row.id), row);
      this.bySequence.set(`${row.fileId}:${row.sequenceNbr}`, row);
    }
  }

  /** Our batch file an answered name names, read once (null when there is none, or the name is none of ours). */
  private async lookUp(answeredFileName: string | null): Promise<AnsweredFile | null> {
    const answered = answeredName(answeredFileName, this.context.environment);
    if ("notApplied" in answered) return null;
    const { baseName } = answered.named;
    if (!this.fileIds.has(baseName)) await this.read(answered.named);
    return this.file(baseName);
  }

  private async read(named: NamedFile): Promise<void> {
    const file = namedFile(named, await this.declarations.fileWithIdentity(named.identity));
    this.fileIds.set(named.baseName, file?.id ?? null);
    if (file !== null && !this.files.has(file.id)) this.files.set(file.id, file);
  }
}

/** The repositories of the state an answer file is recorded with (the state may hold more). */
function repositoriesOf(state: AnswerState): AnswerState {
  return { answers: state.answers, declarations: state.declarations, audit: state.audit };
}

function matchContext(request: { readonly environment: "T" | "R"; readonly ingestedAt: string }): MatchContext {
  return { environment: request.environment, answeredAt: request.ingestedAt, ticketLength: TICKET_LENGTH };
}

type Base = Pick<AnswerResult, "index" | "kind" | "answeredFileName" | "errorIds" | "anomalies" | "ticket">;

/** An answer's result: what its match did, or why it did nothing. */
function resultOf(base: Base, match: ReceiptMatch | NotificationMatch): AnswerResult {
  if (match.status === "matched") {
    const { outcome, fileId, declarationId, replaced } = match;
    return { ...base, status: "matched", outcome, reason: null, illegalTransition: false, fileId, declarationId, replaced };
  }
  return {
    ...base,
    status: match.status,
    outcome: null,
    reason: match.reason,
    illegalTransition: match.illegalTransition,
    fileId: match.fileId,
    declarationId: null,
    replaced: null,
  };
}

function baseOf(answer: Answer, position: number): Base {
  return {
    index: position,
    kind: answer.kind,
    answeredFileName: answer.answeredFileName,
    errorIds: answer.kind === "ACRF" ? answer.errorIds : [],
    anomalies: answer.kind === "NOTI" ? answer.anomalies.map((a) => ({ errorId: a.errorId, anomalyClass: anomalyClass(a) })) : [],
    ticket: answer.kind === "NOTI" ? answer.ticket : null,
  };
}

/** An answer of a chunk, matched: its result, and its columns as they are kept. */
interface MatchedAnswer {
  readonly answer: Answer;
  readonly result: AnswerResult;
  readonly record: Omit<AnswerRecord, "detail" | "anomalies">;
  readonly candidateDeclarationId: number | null;
}

/** Matches the answers of one chunk in their order, and writes the declarations' changes. */
async function matchChunk(chunk: readonly Answer[], facts: AnsweredFacts, firstPosition: number): Promise<MatchedAnswer[]> {
  const notifications = chunk.map((answer) => (answer.kind === "NOTI" ? notificationFacts(answer) : null));
  await facts.prepare(notifications.filter((n): n is NotificationFacts => n !== null));
  const matched: MatchedAnswer[] = [];
  for (const [index, answer] of chunk.entries()) {
    const match = answer.kind === "ACRF" ? await facts.receipt(answer) : facts.notification(notifications[index]!);
    const result = resultOf(baseOf(answer, firstPosition + index), match);
    const record = {
      position: result.index,
      kind: answer.kind,
      answeredFileName: answer.answeredFileName,
      fileId: result.fileId,
      declarationId: result.declarationId,
      resultCode: answer.resultCode,
      ticket: result.ticket,
      status: result.status,
      inszHash: notifications[index]?.inszHash ?? null,
    };
    matched.push({ answer, result, record, candidateDeclarationId: match.status === "matched" ? null : match.candidateDeclarationId });
  }
  await facts.flush();
  return matched;
}

/**
 * Records an answer file and applies its answers, chunk by chunk as they are read, in one
 * transaction: a file whose reading fails half-way (not valid against its XSD, changed) leaves
 * nothing. A file already ingested (same SHA-256, whatever its name now) changes nothing and says
 * when it was ingested, under which name. Each answer's result goes to `input.onAnswer`.
 */
export async function recordAnswerFile(state: AnswerState, input: AnswerFileInput): Promise<AnswerFileResult> {
  return inOneTransaction(repositoriesOf(state), async ({ answers, declarations, audit }) => {
    const earlier = await answers.ingestedAs(input.sha256);
    if (earlier) return { status: "already-ingested", earlierFileName: earlier.fileName, ingestedAt: earlier.ingestedAt };

    const { kind, fileName, sha256, environment, ingestedAt } = input;
    const answerFileId = await answers.recordAnswerFile({ kind, fileName, sha256, ingestedAt, environment });
    const facts = new AnsweredFacts(declarations, matchContext(input));
    const counts = { answers: 0, matched: 0, pending: 0 };
    for await (const chunk of input.answers) {
      const matched = await matchChunk(chunk, facts, counts.answers + 1);
      await answers.recordAnswers(
        answerFileId,
        matched.map(({ answer, result, record, candidateDeclarationId }) => ({
          ...record,
          detail: maskInszDeep(answerDetail(answer, result, candidateDeclarationId)) as Record<string, unknown>,
          anomalies: anomalyRecords(answer, input.zoneLabel),
        })),
      );
      counts.answers += chunk.length;
      for (const { result } of matched) {
        if (result.status === "matched") counts.matched++;
        if (result.status === "pending") counts.pending++;
        input.onAnswer(result);
      }
    }
    const unmatched = counts.answers - counts.matched - counts.pending;
    await audit.append({
      ...auditOf(input),
      event: "answer-file-ingested",
      detail: { file: fileName, kind, sha256, ...counts, unmatched },
    });
    return { status: "ingested", answerFileId, ...counts };
  });
}

/** The anomalies a notification reports, as they are kept: the INSZ masked in value and path. */
function anomalyRecords(answer: Answer, zoneLabel: AnswerFileInput["zoneLabel"]): AnswerRecord["anomalies"] {
  if (answer.kind !== "NOTI") return [];
  return answer.anomalies.map((anomaly) => ({
    errorId: anomaly.errorId,
    zoneLabel: zoneLabel(anomaly.errorId, answer.answeredFileName),
    anomalyClass: anomalyClass(anomaly),
    tagName: anomaly.tagName,
    value: anomaly.value === null ? null : maskInszInText(anomaly.value),
    path: anomaly.path === null ? null : (maskInszDeep(anomaly.path) as Record<string, unknown>),
  }));
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
  if (answer.kind === "ACRF")
    return { ...common, answeredFileName: answer.answeredFileName, receiptReference: answer.referenceNbr, errorIds: answer.errorIds };
  return {
    ...common,
    answeredFileName: answer.answeredFileName,
    handledForm: answer.handledForm,
    handledReference: answer.handledReference,
    worker: answer.worker ? { ...answer.worker, inss: answer.worker.inss === null ? null : maskInsz(answer.worker.inss) } : null,
    anomalyLocations: answer.anomalies.filter((a) => a.location !== null).map((a) => ({ errorId: a.errorId, ...a.location })),
  };
}

/**
 * Applies the notifications kept pending in `environment` whose file has been received (or rejected)
 * since, a page at a time, in one transaction: each becomes matched (its form accepted or refused,
 * its anomalies linked to the form), unmatched with why (its file rejected, a transition no longer
 * allowed), or stays pending. Each result goes to `onAnswer` with its answer file's name.
 */
export async function applyPendingAnswers(
  state: AnswerState,
  request: PendingRequest,
): Promise<{ applied: number; unmatched: number; stillPending: number }> {
  return inOneTransaction(repositoriesOf(state), async ({ answers, declarations, audit }) => {
    const facts = new AnsweredFacts(declarations, matchContext(request));
    const counts = { applied: 0, unmatched: 0, stillPending: 0 };
    for (let after = 0; ;) {
      // Only those whose file has been answered since: the others would wait again.
      const rows = await answers.pendingAnswers(request.environment, AWAITING_RECEIPT, after);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const anomalies = await answers.anomalyCounts(rows.map((row) => row.id));
      const notifications = rows.map((row) => pendingFacts(row, anomalies.get(row.id) ?? 0));
      await facts.prepare(notifications);
      const applied: AppliedAnswer[] = [];
      const links: { answerId: number; declarationId: number }[] = [];
      for (const [index, row] of rows.entries()) {
        const base = {
          index: row.position,
          kind: "NOTI" as const,
          answeredFileName: notifications[index].answeredFileName,
          errorIds: [],
          anomalies: [],
          ticket: row.ticket,
        };
        const result = resultOf(base, facts.notification(notifications[index]));
        if (result.status === "pending") {
          counts.stillPending++;
          continue;
        }
        applied.push({
          id: row.id,
          status: result.status,
          declarationId: result.declarationId,
          detail: appliedDetail(row, result, request.ingestedAt),
          appliedAt: request.ingestedAt,
        });
        if (result.declarationId !== null && (anomalies.get(row.id) ?? 0) > 0)
          links.push({ answerId: row.id, declarationId: result.declarationId });
        if (result.status === "matched") counts.applied++;
        else counts.unmatched++;
        request.onAnswer(row.fileName, result);
      }
      await facts.flush();
      await answers.recordApplied(applied);
      await answers.linkAnomalies(links);
    }
    if (counts.applied + counts.unmatched > 0)
      await audit.append({ ...auditOf(request), event: "pending-answers-applied", detail: counts });
    return counts;
  });
}

/** A kept notification's detail once applied: its reason for waiting replaced by what became of it. */
function appliedDetail(row: PendingAnswer, result: AnswerResult, appliedAt: string): Record<string, unknown> {
  const { reason: _waiting, ...kept } = row.detail;
  const detail = {
    ...kept,
    ...(result.reason !== null ? { reason: result.reason, illegalTransition: result.illegalTransition } : {}),
    ...(result.outcome !== null ? { outcome: result.outcome } : {}),
    ...(result.replaced !== null ? { replaced: result.replaced } : {}),
    appliedAt,
  };
  return maskInszDeep(detail) as Record<string, unknown>;
}

/** A kept notification's facts, from its columns and its detail (the INSS only as its hash, and masked). */
function pendingFacts(row: PendingAnswer, anomalyCount: number): NotificationFacts {
  const detail = row.detail as {
    answeredFileName?: string | null;
    handledForm?: HandledForm | null;
    worker?: { sequenceNbr?: number | null; inss?: string | null } | null;
  };
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

function auditOf(request: { readonly ingestedAt: string; readonly environment: "T" | "R"; readonly actor: string; readonly host: string }) {
  return { at: request.ingestedAt, runId: null, month: null, environment: request.environment, actor: request.actor, host: request.host };
}
