/** Runs of the monthly job: one row per run, from running to completed or failed. */
import type { DataSource, Repository } from "typeorm";
import { RunRow } from "./entities";

export interface RunInfo {
  readonly id: number;
  readonly month: string;
  readonly environment: string;
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export class RunRepository {
  private readonly runs: Repository<RunRow>;

  constructor(dataSource: DataSource) {
    this.runs = dataSource.getRepository(RunRow);
  }

  async start(input: { month: string; environment: string; startedAt: string; triggeredBy: string; host: string; outputDir: string }): Promise<number> {
    const row = this.runs.create({ ...input, status: "running", finishedAt: null, summary: null, message: null });
    const saved = await this.runs.save(row);
    return saved.id;
  }

  async complete(id: number, finishedAt: string, summary: string, message: string): Promise<void> {
    await this.runs.update({ id }, { status: "completed", finishedAt, summary, message: message.slice(0, 1000) });
  }

  async fail(id: number, finishedAt: string, message: string): Promise<void> {
    await this.runs.update({ id }, { status: "failed", finishedAt, message: message.slice(0, 1000) });
  }

  /** The latest completed run of a month in an environment, if any. */
  async lastCompleted(month: string, environment: string): Promise<RunInfo | null> {
    return this.runs.findOne({ where: { month, environment, status: "completed" }, order: { id: "DESC" } });
  }

  /** The months with a completed run in an environment: what the scheduler no longer has to run. */
  async completedMonths(environment: string): Promise<Set<string>> {
    const rows = await this.runs.find({ select: { month: true }, where: { environment, status: "completed" } });
    return new Set(rows.map((row) => row.month));
  }
}
