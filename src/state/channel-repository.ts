/**
 * The batch channel as the state keeps it: which declaration files are on their way or sent
 * (easr_channel_transfer), which answer files were fetched (easr_channel_fetch).
 */
import { join } from "node:path";
import { In, Not } from "typeorm";
import { AnswerFileRow, BatchFileRow, ChannelFetchRow, ChannelTransferRow } from "./entities";
import { StateRepository } from "./state-connection";

/** A written declaration file not yet on the channel, or whose sending did not finish. */
export interface FileToSend {
  readonly fileId: number;
  readonly fileName: string;
  readonly goFileName: string;
  readonly directory: string | null;
  readonly sha256: string;
  /** Tries already made (0: never tried). */
  readonly attempts: number;
  /** Where the last try stopped: null (never tried), sending (before the GO file), go-putting (while putting it). */
  readonly transferStatus: "sending" | "go-putting" | null;
}

export type FetchSignature = "verified" | "not-checked" | "unsigned" | "bad";

/** Signatures with which an answer was taken (placed, or kept aside as a duplicate): done with. */
const USABLE_SIGNATURES: FetchSignature[] = ["verified", "not-checked"];

export interface FetchedAnswer {
  readonly fileName: string;
  readonly environment: string;
  readonly sha256: string;
  /** What was placed to be ingested; null when nothing was (refused, a duplicate). */
  readonly contentSha256: string | null;
  readonly size: number;
  readonly signature: FetchSignature;
  readonly localPath: string;
  readonly fetchedAt: string;
}

export class ChannelRepository extends StateRepository {
  /** The environment's written files (awaiting their receipt) whose GO file is not on the channel yet, oldest first. */
  async filesToSend(environment: string): Promise<FileToSend[]> {
    const files = await this.connection
      .getRepository(BatchFileRow)
      .find({ where: { environment, status: "written" }, order: { id: "ASC" } });
    if (files.length === 0) return [];
    const transfers = await this.connection.getRepository(ChannelTransferRow).find({ where: { fileId: In(files.map((f) => f.id)) } });
    const byFile = new Map(transfers.map((t) => [t.fileId, t]));
    return files
      .filter((f) => byFile.get(f.id)?.status !== "sent")
      .map((f) => ({
        fileId: f.id,
        fileName: f.fileName,
        goFileName: f.goFileName,
        directory: f.directory,
        sha256: f.sha256,
        attempts: byFile.get(f.id)?.attempts ?? 0,
        transferStatus: (byFile.get(f.id)?.status ?? null) as FileToSend["transferStatus"],
      }));
  }

  /** Records that the file's sending starts (again): before its first byte is put. */
  async startSending(file: FileToSend, environment: string, channel: string, at: string): Promise<void> {
    const transfers = this.connection.getRepository(ChannelTransferRow);
    const existing = await transfers.findOne({ where: { fileId: file.fileId }, order: { id: "ASC" } });
    if (existing) {
      await transfers.update({ id: existing.id }, { status: "sending", channel, attempts: existing.attempts + 1, startedAt: at });
      return;
    }
    await transfers.insert({
      fileId: file.fileId,
      fileName: file.fileName,
      environment,
      channel,
      status: "sending",
      attempts: 1,
      startedAt: at,
      sentAt: null,
    });
  }

  /** Records that the file's GO file is being put: from now on it may reach the transfer point. */
  async markGoPutting(fileId: number): Promise<void> {
    await this.connection.getRepository(ChannelTransferRow).update({ fileId }, { status: "go-putting" });
  }

  /** Records that the file's GO file is on the channel. */
  async markSent(fileId: number, at: string): Promise<void> {
    await this.connection.getRepository(ChannelTransferRow).update({ fileId }, { status: "sent", sentAt: at });
  }

  /** Names of the environment's answer files fetched before and done with: placed, or kept aside as duplicates (not those refused for their signature). */
  async fetchedNames(environment: string): Promise<Set<string>> {
    const rows = await this.connection
      .getRepository(ChannelFetchRow)
      .find({ select: { fileName: true }, where: { environment, signature: In(USABLE_SIGNATURES) } });
    return new Set(rows.map((r) => r.fileName));
  }

  /** Names of every answer file of the environment the state knows of, refused ones too. */
  async recordedNames(environment: string): Promise<Set<string>> {
    const rows = await this.connection.getRepository(ChannelFetchRow).find({ select: { fileName: true }, where: { environment } });
    return new Set(rows.map((r) => r.fileName));
  }

  /** The earlier fetch of the same content under another name, if any. */
  async sameContent(environment: string, sha256: string, fileName: string): Promise<string | null> {
    const row = await this.connection
      .getRepository(ChannelFetchRow)
      .findOne({ where: { environment, sha256, fileName: Not(fileName) }, order: { id: "ASC" } });
    return row?.fileName ?? null;
  }

  /**
   * Answers fetched into `folder` (not refused, not duplicates) whose content was never ingested: a fetch
   * that ended between taking a file and ingesting it leaves them to the next.
   */
  async fetchedNotIngested(environment: string, folder: string): Promise<string[]> {
    const rows = await this.connection
      .getRepository(ChannelFetchRow)
      .createQueryBuilder("f")
      .select(["f.fileName", "f.localPath"])
      .where("f.environment = :environment", { environment })
      .andWhere("f.content_sha256 IS NOT NULL")
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM ${this.connection.getRepository(AnswerFileRow).metadata.tableName} a WHERE a.sha256 = f.content_sha256)`,
      )
      .orderBy("f.id")
      .getMany();
    return rows.filter((r) => r.localPath === join(folder, r.fileName)).map((r) => r.fileName);
  }

  /** Records a fetch; a name fetched again (refused before) has its row brought up to date. */
  async recordFetch(answer: FetchedAnswer): Promise<void> {
    const fetches = this.connection.getRepository(ChannelFetchRow);
    const existing = await fetches.findOne({ where: { environment: answer.environment, fileName: answer.fileName }, order: { id: "ASC" } });
    if (existing) await fetches.update({ id: existing.id }, { ...answer });
    else await fetches.insert({ ...answer });
  }
}
