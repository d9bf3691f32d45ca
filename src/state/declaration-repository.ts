/**
 * Declarations sent and the batch files holding them. Recording a file and its declarations is one
 * transaction; a file's sequence number is taken inside it and never reused (unique index). The
 * answers of the batch channel are read and written here as plain facts and changes: what they mean
 * is decided by src/channel/answer-matcher.ts.
 */
import { type KeptZones, keptZonesText, parseKeptZones } from "../domain/kept-zones";
import { type ReferencePeriod, storedReferencePeriod } from "../domain/reference-period";
import { In, Not, type Repository } from "typeorm";
import { insertRows, mapRecords } from "./bulk-insert";
import { inLists, updateRowsByKey } from "./bulk-statements";
import type { DeclarationState, FileState } from "../domain/lifecycle";
import type { BatchFileIdentity } from "../files/batch-file-name";
import { type FormType, unitKeyOf } from "../rules/decision-types";
import type { StandingDeclaration } from "../rules/reconciliation";
import { BatchFileRow, DeclarationRow, RunRow } from "./entities";
import { managerOf, StateRepository } from "./state-connection";

/** What a run hands over to record one written file. */
export interface FileRecord extends SequenceKey {
  readonly runId: number;
  readonly formType: string;
  readonly formCount: number;
  readonly sha256: string;
  readonly createdAt: string;
  /** The folder the file is published in. */
  readonly directory: string;
  /** Builds the FI and GO names from the sequence number taken. */
  readonly names: (sequence: number) => { fileName: string; goFileName: string };
}

export interface DeclarationRecord {
  readonly formType: string;
  readonly staffId: number;
  readonly assignmentId: number;
  readonly referencePeriod: ReferencePeriod | null;
  /** The unit's subject when it is not its assignment; null otherwise. */
  readonly subject?: string | null;
  readonly sequenceNbr: number;
  readonly attestationStatus: number;
  readonly contentHash: string;
  /** SHA-256 of the person's INSZ (answers name the INSZ; the state never keeps it). */
  readonly inszHash?: string;
  /** For a modification or cancellation: the declaration corrected and its ticket. */
  readonly replacesId?: number;
  readonly referenceTicket?: string;
  /** Zone 00430 as sent (the sub-risk of a ZIMA form). */
  readonly riskCode?: string;
  /** What a cancellation must repeat besides the risk code (ZIMA006: 00128). */
  readonly keptZones?: KeptZones | null;
  /** D27: SHA-256 of the source facts the form was built from, and the rules version it was built under. */
  readonly factsHash?: string;
  readonly rulesVersion?: string;
}

export interface SentDeclaration {
  readonly formType: string;
  readonly assignmentId: number;
  readonly referencePeriod: ReferencePeriod | null;
  readonly sequenceNbr: number;
  readonly fileName: string;
  readonly runId: number;
  readonly runMonth: string;
}

export interface RecordedFile {
  readonly id: number;
  readonly sequence: number;
  readonly fileName: string;
  readonly goFileName: string;
}

export interface SequenceKey {
  readonly purpose: string;
  readonly sender: string;
  readonly creationDate: string;
  readonly environment: string;
  /** The next sequence number is at least this one (the files on disk carry the numbers below it). */
  readonly freeFrom?: number;
}

async function nextSequence(files: Repository<BatchFileRow>, key: SequenceKey): Promise<number> {
  const row = await files
    .createQueryBuilder("f")
    .select("MAX(f.sequence)", "max")
    .where("f.purpose = :purpose AND f.sender = :sender AND f.creationDate = :creationDate AND f.environment = :environment", {
      purpose: key.purpose,
      sender: key.sender,
      creationDate: key.creationDate,
      environment: key.environment,
    })
    .getRawOne<{ max: unknown }>();
  return Math.max(Number(row?.max ?? 0) + 1, key.freeFrom ?? 1);
}

/** A batch file as its answers see it. */
export interface AnsweredFile {
  readonly id: number;
  readonly fileName: string;
  readonly goFileName: string;
  /** A FileState of src/domain/lifecycle.ts. */
  readonly status: string;
  readonly receiptReference: string | null;
}

/** A declaration as its answers see it. */
export interface AnsweredDeclaration {
  readonly id: number;
  readonly fileId: number;
  readonly formType: string;
  /** NaturalPersonSequenceNbr of the form in its file. */
  readonly sequenceNbr: number;
  /** 0 original, 1 modification, 3 cancellation. */
  readonly attestationStatus: number;
  /** The form's stamp: FormCreationDate "T" FormCreationHour, then the offset. */
  readonly createdAt: string;
  /** SHA-256 of the person's INSZ (null for declarations recorded before it was kept). */
  readonly inszHash: string | null;
  /** For a modification or cancellation: the declaration it corrects. */
  readonly replacesId: number | null;
  /** A DeclarationState of src/domain/lifecycle.ts. */
  readonly status: string;
  readonly answeredAt: string | null;
  readonly ticket: string | null;
}

/** What an answer sets of a declaration: every one of these columns. */
export interface DeclarationAnswer {
  readonly id: number;
  readonly status: DeclarationState;
  readonly answeredAt: string | null;
  readonly ticket: string | null;
}

/** What a file receipt sets: the file's status and receipt reference, and the status of every declaration in it (with their answer time, when given). */
export interface FileReceiptChange {
  readonly fileId: number;
  readonly status: FileState;
  readonly receiptReference: string | null;
  /** Null when the file holds no declaration. */
  readonly declarations: { readonly status: DeclarationState; readonly answeredAt?: string } | null;
}

/** The longest ticket (and receipt reference) the state keeps: `easr_declaration.ticket`, `easr_file.receipt_reference`. */
export const TICKET_LENGTH = 20;

const ID_CHUNK = 1000;

export class DeclarationRepository extends StateRepository {
  /**
   * Per staff member, and per unit key, the latest declaration that is not abandoned (what stands, or
   * stood, at social security): each person is reconciled with their own.
   */
  async latestDeclarations(environment: string, staffIds: readonly number[]): Promise<Map<number, Map<string, StandingDeclaration>>> {
    const latest = new Map<number, Map<string, StandingDeclaration>>();
    const repository = this.connection.getRepository(DeclarationRow);
    for (let i = 0; i < staffIds.length; i += ID_CHUNK) {
      const rows = await repository.find({
        select: {
          id: true,
          formType: true,
          staffId: true,
          assignmentId: true,
          referencePeriod: true,
          subject: true,
          status: true,
          attestationStatus: true,
          ticket: true,
          contentHash: true,
          riskCode: true,
          keptZones: true,
          factsHash: true,
          rulesVersion: true,
        },
        where: { environment, staffId: In(staffIds.slice(i, i + ID_CHUNK)), status: Not("abandoned") },
        order: { id: "ASC" },
      });
      for (const row of rows) {
        const referencePeriod = storedReferencePeriod(row.referencePeriod);
        const standing = {
          id: row.id,
          formType: row.formType as FormType,
          staffId: row.staffId,
          assignmentId: row.assignmentId,
          referencePeriod,
          subject: row.subject,
          status: row.status as DeclarationState,
          attestationStatus: row.attestationStatus,
          ticket: row.ticket,
          contentHash: row.contentHash,
          riskCode: row.riskCode,
          keptZones: parseKeptZones(row.keptZones),
          factsHash: row.factsHash,
          rulesVersion: row.rulesVersion,
        };
        let own = latest.get(standing.staffId);
        if (!own) latest.set(standing.staffId, (own = new Map()));
        own.set(unitKeyOf(standing), standing);
      }
    }
    return latest;
  }

  /**
   * The staff ids with a declaration that may still stand at social security (not cancelled, superseded,
   * refused, rejected or abandoned, and no cancellation itself): a run decides them even when the source
   * no longer names them, so that a form whose data is gone is cancelled.
   */
  async staffWithStandingDeclarations(environment: string): Promise<number[]> {
    const rows = await this.connection
      .getRepository(DeclarationRow)
      .createQueryBuilder("d")
      .select("DISTINCT d.staffId", "staff_id")
      .where("d.environment = :environment AND d.attestationStatus <> 3 AND d.status NOT IN (:...gone)", {
        environment,
        gone: ["cancelled", "superseded", "refused", "file-rejected", "abandoned"],
      })
      .orderBy("d.staffId")
      .getRawMany<{ staff_id: unknown }>();
    return rows.map((row) => Number(row.staff_id));
  }

  /** The next free sequence for (purpose, sender, date, environment), without taking it (dry runs). */
  async peekNextSequence(key: SequenceKey): Promise<number> {
    return nextSequence(this.connection.getRepository(BatchFileRow), key);
  }

  /**
   * Takes a sequence number and records the file (status pending) with its declarations, in one
   * transaction; the declarations may come as a stream (a month's file can hold hundreds of thousands).
   */
  async recordPendingFile(
    file: FileRecord,
    declarations: Iterable<DeclarationRecord> | AsyncIterable<DeclarationRecord>,
  ): Promise<RecordedFile> {
    return this.transaction(async (manager) => {
      const sequence = await nextSequence(manager.getRepository(BatchFileRow), file);
      const { fileName, goFileName } = file.names(sequence);
      const saved = await manager.getRepository(BatchFileRow).save(
        manager.getRepository(BatchFileRow).create({
          runId: file.runId,
          formType: file.formType,
          purpose: file.purpose,
          fileName,
          goFileName,
          sender: file.sender,
          creationDate: file.creationDate,
          sequence,
          environment: file.environment,
          formCount: file.formCount,
          sha256: file.sha256,
          status: "pending",
          createdAt: file.createdAt,
          directory: file.directory,
        }),
      );
      const row = (d: DeclarationRecord) => ({
        runId: file.runId,
        fileId: saved.id,
        formType: d.formType,
        environment: file.environment,
        staffId: d.staffId,
        assignmentId: d.assignmentId,
        referencePeriod: d.referencePeriod,
        subject: d.subject ?? null,
        sequenceNbr: d.sequenceNbr,
        attestationStatus: d.attestationStatus,
        contentHash: d.contentHash,
        inszHash: d.inszHash ?? null,
        replacesId: d.replacesId ?? null,
        referenceTicket: d.referenceTicket ?? null,
        riskCode: d.riskCode ?? null,
        keptZones: keptZonesText(d.keptZones ?? null),
        factsHash: d.factsHash ?? null,
        rulesVersion: d.rulesVersion ?? null,
        status: "pending",
        createdAt: file.createdAt,
      });
      await insertRows(manager, DeclarationRow, mapRecords(declarations, row));
      return { id: saved.id, sequence, fileName, goFileName };
    });
  }

  /** A file that never made it out: its sequence stays taken, its declarations no longer count as declared. */
  async markAbandoned(fileId: number): Promise<void> {
    await this.transaction(async (manager) => {
      await manager.getRepository(BatchFileRow).update({ id: fileId }, { status: "abandoned" });
      await manager.getRepository(DeclarationRow).update({ fileId }, { status: "abandoned" });
    });
  }

  /** Marks a file and its declarations as written, once the file is under its final name. */
  async markWritten(fileId: number): Promise<void> {
    await this.transaction(async (manager) => {
      await manager.getRepository(BatchFileRow).update({ id: fileId }, { status: "written" });
      await manager.getRepository(DeclarationRow).update({ fileId }, { status: "written" });
    });
  }

  /** What was declared for one person, with the file and run it went in, oldest first. */
  async declarationsOfStaff(environment: string, staffId: number): Promise<SentDeclaration[]> {
    const rows = await this.connection
      .getRepository(DeclarationRow)
      .createQueryBuilder("d")
      .innerJoin(BatchFileRow, "f", "f.id = d.fileId")
      .innerJoin(RunRow, "r", "r.id = d.runId")
      .select("d.formType", "formType")
      .addSelect("d.assignmentId", "assignmentId")
      .addSelect("d.referencePeriod", "referencePeriod")
      .addSelect("d.sequenceNbr", "sequenceNbr")
      .addSelect("f.fileName", "fileName")
      .addSelect("r.id", "runId")
      .addSelect("r.month", "runMonth")
      .where("d.environment = :environment AND d.staffId = :staffId", { environment, staffId })
      .orderBy("d.id")
      .getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      formType: String(row.formType),
      assignmentId: Number(row.assignmentId),
      referencePeriod: storedReferencePeriod(row.referencePeriod === null ? null : String(row.referencePeriod)),
      sequenceNbr: Number(row.sequenceNbr),
      fileName: String(row.fileName),
      runId: Number(row.runId),
      runMonth: String(row.runMonth),
    }));
  }

  /** The batch file with this identity (its environment included), if any: the first recorded. */
  async fileWithIdentity(identity: BatchFileIdentity): Promise<AnsweredFile | null> {
    const { purpose, sender, creationDate, sequence, environment } = identity;
    return this.connection
      .getRepository(BatchFileRow)
      .findOne({ where: { purpose, sender, creationDate, sequence, environment }, order: { id: "ASC" } });
  }

  /** Every declaration of a batch file, in sequence order. */
  async declarationsOfFile(fileId: number): Promise<AnsweredDeclaration[]> {
    return this.connection.getRepository(DeclarationRow).find({ where: { fileId }, order: { sequenceNbr: "ASC" } });
  }

  /** The declarations of a batch file with these sequence numbers (in IN lists). */
  async declarationsAt(fileId: number, sequenceNbrs: readonly number[]): Promise<AnsweredDeclaration[]> {
    const found: AnsweredDeclaration[] = [];
    for (const slice of inLists(sequenceNbrs))
      found.push(...(await this.connection.getRepository(DeclarationRow).find({ where: { fileId, sequenceNbr: In(slice) } })));
    return found;
  }

  /** The declarations with these ids (in IN lists). */
  async declarationsWithIds(ids: readonly number[]): Promise<AnsweredDeclaration[]> {
    const found: AnsweredDeclaration[] = [];
    for (const slice of inLists(ids))
      found.push(...(await this.connection.getRepository(DeclarationRow).find({ where: { id: In(slice) } })));
    return found;
  }

  /** Records a file receipt: the file's status and reference, then its declarations' status. */
  async recordReceipt(change: FileReceiptChange): Promise<void> {
    const receiptReference = change.receiptReference === null ? null : change.receiptReference.slice(0, TICKET_LENGTH);
    await this.connection.getRepository(BatchFileRow).update({ id: change.fileId }, { status: change.status, receiptReference });
    if (change.declarations !== null)
      await this.connection.getRepository(DeclarationRow).update({ fileId: change.fileId }, change.declarations);
  }

  /** Records the answers of declarations (status, answer time, ticket): one statement for many. */
  async recordDeclarationAnswers(answers: readonly DeclarationAnswer[]): Promise<void> {
    const rows = answers.map((answer) => ({ key: answer.id, values: [answer.status, answer.answeredAt, answer.ticket] }));
    await updateRowsByKey(managerOf(this.connection), DeclarationRow, "id", ["status", "answered_at", "ticket"], rows);
  }
}
