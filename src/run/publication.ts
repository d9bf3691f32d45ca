/**
 * Publishing a run's finished files, in the order that leaves every interruption recoverable:
 * 1. each file gets its name — a sequence number taken with its declarations in one state transaction
 *    (status pending); a dry run takes the numbers the next real run would take, recording nothing;
 * 2. every FI file under its final name, and with a signing certificate its FS signature file;
 * 3. the run's record (decisions.jsonl, the source of its reports) and run-summary.json, noted in the state;
 * 4. the GO files — from here the submission is out, ready for transfer;
 * 5. the state says written.
 * A failure before 4 takes everything back (nothing stays half out); after it nothing is taken back and
 * the failure is a PublishedRunError, which says what is on disk.
 */
import { join, resolve } from "node:path";
import { publishFile, removeQuietly, writeFileAtomically } from "../files/atomic-file";
import { batchPurposeOf, type FormType } from "../rules/decision-types";
import { type Environment, declarationFileName, goFileName, signatureFileNameOf } from "../files/batch-file-name";
import { type SigningCredentials, signatureOf } from "../files/fi-signature";
import type { FinishedFile } from "../files/form-file-writer";
import { type BatchFileOnDisk, sequenceFreeFrom } from "../files/output-tree";
import type { AuditEvent } from "../state/audit-repository";
import type { DeclarationRecord, DeclarationRepository } from "../state/declaration-repository";
import type { WrittenFile } from "../run-record/run-summary";
import type { RunRepository } from "../state/run-repository";
import { crashPoint } from "./crash-points";
import { PublishedRunError } from "./published-run-error";

export interface PublicationTarget {
  readonly outputDir: string;
  /** Null in a dry run: nothing is recorded, no GO file written. */
  readonly runId: number | null;
  readonly runMonth: string;
  readonly environment: Environment;
  readonly sender: string;
  /** YYYYMMDD, as in the file names. */
  readonly creationDate: string;
  readonly createdAt: string;
  /** The batch files already in the output tree: their sequence numbers are never taken again. */
  readonly onDisk: readonly BatchFileOnDisk[];
  readonly declarations: DeclarationRepository;
  readonly runs: RunRepository;
  readonly audit: (event: Omit<AuditEvent, "actor" | "host" | "at">) => Promise<void>;
  /** The agency's signing certificate and key: each FI file gets its FS file before its GO file; null: unsigned (T). */
  readonly signing: SigningCredentials | null;
}

interface Publishing {
  readonly formType: FormType;
  readonly done: FinishedFile;
  readonly fileId: number | null;
  readonly fileName: string;
  readonly goFileName: string;
  renamed?: boolean;
  /** The FS file written (step 2b). */
  signatureFileName?: string;
}

export class Publication {
  private readonly files: Publishing[] = [];
  /** The record and summary published in step 3 (taken back with the files before step 4). */
  private readonly recordPaths: string[] = [];
  private goWritten = false;

  constructor(private readonly target: PublicationTarget) {}

  /** 1. The file gets its name (and, in a real run, its state record with its declarations). */
  async name(formType: FormType, done: FinishedFile, declarations: AsyncIterable<DeclarationRecord>): Promise<void> {
    const { target } = this;
    const identity = {
      purpose: batchPurposeOf(formType),
      sender: target.sender,
      creationDate: target.creationDate,
      environment: target.environment,
    };
    const key = { ...identity, freeFrom: sequenceFreeFrom(target.onDisk, identity) };
    const names = (sequence: number) => ({
      fileName: declarationFileName({ ...identity, sequence }),
      goFileName: goFileName({ ...identity, sequence }),
    });
    if (target.runId === null) {
      const sequence =
        (await target.declarations.peekNextSequence(key)) +
        this.files.filter((f) => batchPurposeOf(f.formType) === identity.purpose).length;
      this.files.push({ formType, done, fileId: null, ...names(sequence) });
      return;
    }
    const recorded = await target.declarations.recordPendingFile(
      {
        ...key,
        runId: target.runId,
        formType,
        formCount: done.formCount,
        sha256: done.sha256,
        createdAt: target.createdAt,
        names,
        directory: resolve(target.outputDir),
      },
      declarations,
    );
    this.files.push({ formType, done, fileId: recorded.id, fileName: recorded.fileName, goFileName: recorded.goFileName });
  }

  /** 2. Every FI file under its final name. */
  async renameFiles(): Promise<void> {
    for (const file of this.files) {
      publishFile(file.done.path, join(this.target.outputDir, file.fileName));
      file.renamed = true;
      await crashPoint("after-first-rename");
    }
  }

  /** 2b. With a signing certificate, each FI file's FS signature file (a real run only). */
  async signFiles(at: Date): Promise<void> {
    const { signing, runId, outputDir } = this.target;
    if (signing === null || runId === null) return;
    for (const file of this.files) {
      const signatureFileName = signatureFileNameOf(file.fileName);
      writeFileAtomically(join(outputDir, signatureFileName), await signatureOf(join(outputDir, file.fileName), signing, at));
      file.signatureFileName = signatureFileName;
      await crashPoint("after-first-signature");
    }
  }

  /** 3. The run's record and summary under their names; the state notes them (their reports are owed from now on). */
  async publishRecord(decisionLogPath: string, recordPath: string, summaryPath: string, summaryText: string): Promise<void> {
    publishFile(decisionLogPath, recordPath);
    this.recordPaths.push(recordPath);
    writeFileAtomically(summaryPath, summaryText);
    this.recordPaths.push(summaryPath);
    if (this.target.runId !== null) await this.target.runs.recordPublished(this.target.runId, resolve(recordPath), resolve(summaryPath));
  }

  /** 4. The GO files (a real run only: nothing of a dry run may ever be picked up for transfer). */
  writeGoFiles(): void {
    if (this.target.runId === null) return;
    for (const file of this.files) {
      writeFileAtomically(join(this.target.outputDir, file.goFileName), "");
      this.goWritten = true;
    }
  }

  /** 5. The state says written, and the audit trail has each file. */
  async markWritten(): Promise<void> {
    const { runId, runMonth, environment } = this.target;
    for (const file of this.files) {
      if (file.fileId === null) continue;
      await this.target.declarations.markWritten(file.fileId);
      await this.target.audit({
        event: "file-written",
        runId,
        month: runMonth,
        environment,
        detail: {
          file: file.fileName,
          go: file.goFileName,
          ...(file.signatureFileName === undefined ? {} : { signature: file.signatureFileName }),
          sha256: file.done.sha256,
          forms: file.done.formCount,
          formType: file.formType,
        },
      });
    }
  }

  written(): WrittenFile[] {
    return this.files.map((f) => ({
      formType: f.formType,
      fileName: f.fileName,
      goFileName: f.goFileName,
      ...(f.signatureFileName === undefined ? {} : { signatureFileName: f.signatureFileName }),
      forms: f.done.formCount,
      sha256: f.done.sha256,
      bytes: f.done.bytes,
    }));
  }

  /**
   * After a failure: before the GO files, everything is taken back (renamed FI files and the record
   * removed, the state rows abandoned — their sequence numbers stay used) and the failure is returned as
   * it is; after them, the files stay and the state is brought as far as it goes (the next run's recovery
   * settles the rest), and the failure is returned as a PublishedRunError.
   */
  async settleFailure(error: unknown, cause: string): Promise<unknown> {
    if (this.goWritten) {
      for (const file of this.files)
        if (file.fileId !== null) await this.target.declarations.markWritten(file.fileId).catch(() => undefined);
      return new PublishedRunError(
        this.files.map((f) => f.fileName),
        cause,
        `The next \`easr run\` settles what the state lacks of them; \`easr report --month ${this.target.runMonth}\` then writes the reports from ${this.recordPaths[0] ?? "the run's record"}.`,
      );
    }
    for (const file of this.files) {
      if (file.renamed) removeQuietly(join(this.target.outputDir, file.fileName));
      if (file.signatureFileName !== undefined) removeQuietly(join(this.target.outputDir, file.signatureFileName));
      if (file.fileId !== null) await this.target.declarations.markAbandoned(file.fileId).catch(() => undefined);
    }
    for (const path of this.recordPaths) removeQuietly(path);
    if (this.recordPaths.length > 0 && this.target.runId !== null)
      await this.target.runs.recordWithdrawn(this.target.runId).catch(() => undefined);
    for (const file of this.files)
      if (file.fileId !== null)
        await this.target
          .audit({ event: "file-abandoned", runId: this.target.runId, detail: { file: file.fileName } })
          .catch(() => undefined);
    return error;
  }

  get isOut(): boolean {
    return this.goWritten;
  }
}
