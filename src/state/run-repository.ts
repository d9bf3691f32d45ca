/** Runs of the monthly job: one row per run, from running to completed or failed. */
import { Between, type DataSource, IsNull, Not, type Repository } from "typeorm";
import { RunRow } from "./entities";
import { yearMonth, type YearMonth } from "../domain/year-month";

export interface RunInfo {
  readonly id: number;
  readonly month: YearMonth;
  readonly environment: string;
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** A run that left a record (decisions.jsonl): what its reports are made from, and whether they exist. */
export interface RecordedRun extends RunInfo {
  readonly outputDir: string | null;
  readonly recordFile: string;
  readonly summaryFile: string | null;
  readonly reportsAt: string | null;
  readonly reportsError: string | null;
  readonly payslipExtract: string | null;
}

/** A completed run with the counts the state keeps of it (the `summary` column: its persons, forms and files as JSON). */
export interface CompletedRunSummary {
  readonly id: number;
  readonly month: YearMonth;
  /** As stored; null when the run completed without one. */
  readonly summary: string | null;
}

function recordedRun(row: RunRow): RecordedRun {
  const { id, month, environment, status, startedAt, finishedAt, outputDir, summaryFile, reportsAt, reportsError, payslipExtract } = row;
  return {
    id,
    month: yearMonth(month),
    environment,
    status,
    startedAt,
    finishedAt,
    outputDir,
    recordFile: row.recordFile!,
    summaryFile,
    reportsAt,
    reportsError,
    payslipExtract,
  };
}

export class RunRepository {
  private readonly runs: Repository<RunRow>;

  constructor(dataSource: DataSource) {
    this.runs = dataSource.getRepository(RunRow);
  }

  async start(input: {
    month: string;
    environment: string;
    startedAt: string;
    triggeredBy: string;
    host: string;
    outputDir: string;
  }): Promise<number> {
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

  /** The run's record and summary are published (before its GO files): from now on its reports are owed. */
  async recordPublished(id: number, recordFile: string, summaryFile: string): Promise<void> {
    await this.runs.update({ id }, { recordFile, summaryFile });
  }

  /** The record of a run whose files were all taken back (never handed over) is gone: nothing is owed. */
  async recordWithdrawn(id: number): Promise<void> {
    await this.runs.update({ id }, { recordFile: null, summaryFile: null });
  }

  async reportsWritten(id: number, at: string, payslipExtract: string): Promise<void> {
    await this.runs.update({ id }, { reportsAt: at, reportsError: null, payslipExtract });
  }

  async reportsFailed(id: number, message: string): Promise<void> {
    await this.runs.update({ id }, { reportsError: message.slice(0, 1000) });
  }

  /** Runs that left a record but whose reports were never written, oldest first (of one environment, or all). */
  async owingReports(environment?: string): Promise<RecordedRun[]> {
    const rows = await this.runs.find({
      where: { recordFile: Not(IsNull()), reportsAt: IsNull(), status: Not("running"), ...(environment ? { environment } : {}) },
      order: { id: "ASC" },
    });
    return rows.map(recordedRun);
  }

  /** The runs of a month in an environment that left a record, oldest first. */
  async recordedRuns(month: string, environment: string): Promise<RecordedRun[]> {
    const rows = await this.runs.find({ where: { month, environment, recordFile: Not(IsNull()) }, order: { id: "ASC" } });
    return rows.map(recordedRun);
  }

  /** Whether the state has seen any run at all (a state without one is new, or lost). */
  async anyRun(): Promise<boolean> {
    return (await this.runs.find({ select: { id: true }, order: { id: "ASC" }, take: 1 })).length > 0;
  }

  /** The latest completed run of a month in an environment, if any. */
  async lastCompleted(month: YearMonth, environment: string): Promise<RunInfo | null> {
    const row = await this.runs.findOne({ where: { month, environment, status: "completed" }, order: { id: "DESC" } });
    return row === null ? null : { ...row, month: yearMonth(row.month) };
  }

  /**
   * The completed runs of an environment whose month lies in [from, to], with their stored summaries, in one
   * query: by month, then oldest first (so the last of a month is its latest). A dry run is never in the
   * state (it has no run row), so none is among them.
   */
  async completedRunSummaries(environment: string, from: YearMonth, to: YearMonth): Promise<CompletedRunSummary[]> {
    const rows = await this.runs.find({
      select: { id: true, month: true, summary: true },
      where: { environment, status: "completed", month: Between(from, to) },
      order: { month: "ASC", id: "ASC" },
    });
    return rows.map(({ id, month, summary }) => ({ id, month: yearMonth(month), summary }));
  }

  /** The months with a completed run in an environment: what the scheduler no longer has to run. */
  async completedMonths(environment: string): Promise<Set<YearMonth>> {
    const rows = await this.runs.find({ select: { month: true }, where: { environment, status: "completed" } });
    return new Set(rows.map((row) => yearMonth(row.month)));
  }
}
