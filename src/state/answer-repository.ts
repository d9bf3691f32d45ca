/**
 * The batch channel's answers as the state keeps them: each answer file once (by its SHA-256), its
 * answers — matched, unmatched with why, or pending — and the anomalies they report. Plain records in
 * and out, written and read in bulk; what an answer means is decided by src/channel/answer-matcher.ts,
 * and an answer file is recorded in one transaction with the declarations it changes and its audit row
 * (src/channel/answer-recording.ts composes this repository with DeclarationRepository and
 * AuditRepository on the transaction's manager). Values longer than their column are cut to it here.
 */
import { inLists, insertInSlices, type KeyedValues, updateRowsByKey } from "./bulk-statements";
import { TICKET_LENGTH } from "./declaration-repository";
import { AnomalyRow, AnswerFileRow, AnswerRow, BatchFileRow } from "./entities";
import { managerOf, StateRepository } from "./state-connection";

/** An answer file as it is recorded. */
export interface AnswerFileRecord {
  /** ACRF or NOTI. */
  readonly kind: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly ingestedAt: string;
  readonly environment: "T" | "R";
}

/** One answer (a Form of an answer file) as it is kept, with the anomalies it reports. */
export interface AnswerRecord {
  /** 1-based place in its answer file. */
  readonly position: number;
  /** ACRF or NOTI. */
  readonly kind: string;
  readonly answeredFileName: string | null;
  readonly fileId: number | null;
  readonly declarationId: number | null;
  readonly resultCode: number;
  readonly ticket: string | null;
  readonly status: "matched" | "unmatched" | "pending";
  /** A notification's INSS as its SHA-256 (never in clear). */
  readonly inszHash: string | null;
  /** What else it says, kept as JSON: no INSZ in clear. */
  readonly detail: Readonly<Record<string, unknown>>;
  readonly anomalies: readonly AnomalyRecord[];
}

/** One anomaly of a notification, linked to the declaration its answer matched. No INSZ in clear. */
export interface AnomalyRecord {
  readonly errorId: string;
  readonly zoneLabel: string | null;
  readonly anomalyClass: string;
  readonly tagName: string | null;
  readonly value: string | null;
  readonly path: Readonly<Record<string, unknown>> | null;
}

/** A notification kept pending, with the name of the answer file it came in. */
export interface PendingAnswer {
  readonly id: number;
  readonly fileName: string;
  readonly position: number;
  readonly resultCode: number;
  readonly ticket: string | null;
  readonly inszHash: string | null;
  readonly detail: Record<string, unknown>;
}

/** A pending notification applied now, or found unmatched now. */
export interface AppliedAnswer {
  readonly id: number;
  readonly status: "matched" | "unmatched";
  readonly declarationId: number | null;
  /** The kept detail, as it is now: no INSZ in clear. */
  readonly detail: Readonly<Record<string, unknown>>;
  readonly appliedAt: string;
}

/** Column lengths of easr_answer / easr_anomaly (see the migration). */
const LENGTH = { answeredFileName: 100, ticket: TICKET_LENGTH, errorId: 20, zoneLabel: 200, tagName: 100, value: 200 } as const;

const clip = (text: string, length: number): string => (text.length <= length ? text : text.slice(0, length));
const nullableClip = (text: string | null, length: number): string | null => (text === null ? null : clip(text, length));

/** Pending answers read at a time. */
const PENDING_PAGE = 500;

export class AnswerRepository extends StateRepository {
  /** The answer file recorded with this SHA-256 (whatever its name), if any. */
  async ingestedAs(sha256: string): Promise<{ readonly fileName: string; readonly ingestedAt: string } | null> {
    const earlier = await this.connection.getRepository(AnswerFileRow).findOne({ where: { sha256 }, order: { id: "ASC" } });
    return earlier ? { fileName: earlier.fileName, ingestedAt: earlier.ingestedAt } : null;
  }

  /** Records an answer file; returns its id. */
  async recordAnswerFile(file: AnswerFileRecord): Promise<number> {
    const inserted = await this.connection.getRepository(AnswerFileRow).insert({
      kind: file.kind,
      fileName: file.fileName,
      sha256: file.sha256,
      ingestedAt: file.ingestedAt,
      environment: file.environment,
    });
    return Number(inserted.identifiers[0].id);
  }

  /** Keeps answers of an answer file (matched or not) and every anomaly they report: in bulk. */
  async recordAnswers(answerFileId: number, answers: readonly AnswerRecord[]): Promise<void> {
    const manager = managerOf(this.connection);
    await insertInSlices(
      manager,
      AnswerRow,
      answers.map((answer) => ({
        answerFileId,
        position: answer.position,
        kind: answer.kind,
        answeredFileName: clip(answer.answeredFileName ?? "", LENGTH.answeredFileName),
        fileId: answer.fileId,
        declarationId: answer.declarationId,
        resultCode: answer.resultCode,
        ticket: nullableClip(answer.ticket, LENGTH.ticket),
        status: answer.status,
        inszHash: answer.inszHash,
        detail: JSON.stringify(answer.detail),
      })),
    );
    const withAnomalies = answers.filter((answer) => answer.anomalies.length > 0);
    if (withAnomalies.length === 0) return;
    const ids = await this.answerIds(answerFileId, answers);
    const rows = withAnomalies.flatMap((answer) =>
      answer.anomalies.map((anomaly) => ({
        answerId: ids.get(answer.position),
        declarationId: answer.declarationId,
        errorId: clip(anomaly.errorId, LENGTH.errorId),
        zoneLabel: nullableClip(anomaly.zoneLabel, LENGTH.zoneLabel),
        anomalyClass: anomaly.anomalyClass,
        tagName: nullableClip(anomaly.tagName, LENGTH.tagName),
        value: nullableClip(anomaly.value, LENGTH.value),
        path: anomaly.path === null ? null : JSON.stringify(anomaly.path),
      })),
    );
    await insertInSlices(manager, AnomalyRow, rows);
  }

  /** The ids of answers just inserted, by their place in the file (the answers hold consecutive places, in order). */
  private async answerIds(answerFileId: number, answers: readonly AnswerRecord[]): Promise<Map<number, number>> {
    const [first, last] = [answers[0].position, answers[answers.length - 1].position];
    const raw = await this.connection
      .getRepository(AnswerRow)
      .createQueryBuilder("a")
      .select("a.id", "id")
      .addSelect("a.position", "position")
      .where("a.answerFileId = :answerFileId AND a.position >= :first AND a.position <= :last", { answerFileId, first, last })
      .getRawMany<Record<string, unknown>>();
    return new Map(raw.map((row) => [Number(row.position), Number(row.id)]));
  }

  /** How many notifications of `environment` are kept pending, waiting for their file's receipt. */
  async pendingCount(environment: "T" | "R"): Promise<number> {
    return this.connection
      .getRepository(AnswerRow)
      .createQueryBuilder("a")
      .innerJoin(AnswerFileRow, "f", "f.id = a.answerFileId")
      .where("a.status = :status AND f.environment = :environment", { status: "pending", environment })
      .getCount();
  }

  /** The next page of pending notifications of `environment` whose batch file is no longer in status `waiting`, after answer id `after`. */
  async pendingAnswers(environment: "T" | "R", waiting: string, after: number): Promise<PendingAnswer[]> {
    const raw = await this.connection
      .getRepository(AnswerRow)
      .createQueryBuilder("a")
      .innerJoin(AnswerFileRow, "f", "f.id = a.answerFileId")
      .innerJoin(BatchFileRow, "b", "b.id = a.fileId AND b.status <> :waiting", { waiting })
      .select("a.id", "id")
      .addSelect("f.fileName", "fileName")
      .addSelect("a.position", "position")
      .addSelect("a.resultCode", "resultCode")
      .addSelect("a.ticket", "ticket")
      .addSelect("a.inszHash", "inszHash")
      .addSelect("a.detail", "detail")
      .where("a.status = :status AND a.kind = :kind AND f.environment = :environment AND a.id > :after", {
        status: "pending",
        kind: "NOTI",
        environment,
        after,
      })
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
  async anomalyCounts(answerIds: readonly number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    for (const slice of inLists(answerIds)) {
      const raw = await this.connection
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

  /** Records what became of pending answers: status, declaration, detail and when: one statement for many. */
  async recordApplied(answers: readonly AppliedAnswer[]): Promise<void> {
    const rows: KeyedValues[] = answers.map((answer) => ({
      key: answer.id,
      values: [answer.status, answer.declarationId, JSON.stringify(answer.detail), answer.appliedAt],
    }));
    await updateRowsByKey(managerOf(this.connection), AnswerRow, "id", ["status", "declaration_id", "detail", "applied_at"], rows);
  }

  /** Links the anomalies of these answers to the declarations they turned out to answer: one statement for many. */
  async linkAnomalies(links: readonly { readonly answerId: number; readonly declarationId: number }[]): Promise<void> {
    const rows: KeyedValues[] = links.map((link) => ({ key: link.answerId, values: [link.declarationId] }));
    await updateRowsByKey(managerOf(this.connection), AnomalyRow, "answer_id", ["declaration_id"], rows);
  }
}
