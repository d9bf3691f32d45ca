/** What an interrupted run left in the state: runs still "running" and files still "pending". */
import type { DataSource } from "typeorm";
import { BatchFileRow, RunRow } from "./entities";

export interface InterruptedRun {
  readonly id: number;
  readonly month: string;
  readonly environment: string;
  readonly outputDir: string | null;
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
    return rows.map((r) => ({ id: r.id, month: r.month, environment: r.environment, outputDir: r.outputDir }));
  }

  async markInterrupted(id: number, at: string): Promise<void> {
    await this.dataSource.getRepository(RunRow).update({ id }, { status: "interrupted", finishedAt: at, message: "interrupted: found still running by a later run, cleaned up" });
  }

  async pendingFiles(): Promise<PendingFile[]> {
    const rows = await this.dataSource.getRepository(BatchFileRow).find({ where: { status: "pending" }, order: { id: "ASC" } });
    return rows.map((r) => ({ id: r.id, runId: r.runId, fileName: r.fileName, goFileName: r.goFileName, directory: r.directory, sha256: r.sha256 }));
  }
}
