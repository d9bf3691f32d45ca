/** What an interrupted run left in the state: runs still "running" and files still "pending"; and the files out but not yet answered. */
import { type DataSource, In } from "typeorm";
import { BatchFileRow, RunRow } from "./entities";

export interface InterruptedRun {
  readonly id: number;
  readonly month: string;
  readonly environment: string;
  readonly outputDir: string | null;
  /** Its record and summary, when it got as far as publishing them. */
  readonly recordFile: string | null;
  readonly summaryFile: string | null;
}

export interface PendingFile {
  readonly id: number;
  readonly runId: number;
  readonly fileName: string;
  readonly goFileName: string;
  readonly directory: string | null;
  readonly sha256: string;
}

export class RecoveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async runningRuns(): Promise<InterruptedRun[]> {
    const rows = await this.dataSource.getRepository(RunRow).find({ where: { status: "running" }, order: { id: "ASC" } });
    return rows.map((r) => ({
      id: r.id,
      month: r.month,
      environment: r.environment,
      outputDir: r.outputDir,
      recordFile: r.recordFile,
      summaryFile: r.summaryFile,
    }));
  }

  async markInterrupted(id: number, at: string): Promise<void> {
    await this.dataSource
      .getRepository(RunRow)
      .update({ id }, { status: "interrupted", finishedAt: at, message: "interrupted: found still running by a later run, cleaned up" });
  }

  async pendingFiles(): Promise<PendingFile[]> {
    const rows = await this.dataSource.getRepository(BatchFileRow).find({ where: { status: "pending" }, order: { id: "ASC" } });
    return rows.map((r) => ({
      id: r.id,
      runId: r.runId,
      fileName: r.fileName,
      goFileName: r.goFileName,
      directory: r.directory,
      sha256: r.sha256,
    }));
  }

  /** Whether any file of the run was handed over (written, and perhaps answered since). */
  async hasFilesOut(runId: number): Promise<boolean> {
    return (
      (
        await this.dataSource
          .getRepository(BatchFileRow)
          .find({ select: { id: true }, where: { runId, status: In(["written", "received", "rejected"]) }, order: { id: "ASC" }, take: 1 })
      ).length > 0
    );
  }

  /** The files of an environment handed over for transfer and not yet answered (status written). */
  async filesAwaitingReceipt(environment: string): Promise<PendingFile[]> {
    const rows = await this.dataSource
      .getRepository(BatchFileRow)
      .find({ where: { environment, status: "written" }, order: { id: "ASC" } });
    return rows.map((r) => ({
      id: r.id,
      runId: r.runId,
      fileName: r.fileName,
      goFileName: r.goFileName,
      directory: r.directory,
      sha256: r.sha256,
    }));
  }
}
