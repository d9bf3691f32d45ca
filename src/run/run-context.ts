/**
 * Opens what a run needs — the ministry database read-only, the state database with its migrations —
 * and closes it again. The rest of the run never sees a connection. A command opens only the databases
 * it reads: the state alone (openStateContext), the source alone (openSourceContext), or both.
 */
import type { AppConfig } from "../config/load-config";
import { MinistryReader } from "../source/ministry-reader";
import { openSourceDatabase } from "../source/source-database";
import { AnomalyReportRepository } from "../state/anomaly-report-repository";
import { AnswerRepository } from "../state/answer-repository";
import { AuditRepository } from "../state/audit-repository";
import { ChannelRepository } from "../state/channel-repository";
import { DecisionRepository } from "../state/decision-repository";
import { DeclarationHistory } from "../state/declaration-history";
import { RecoveryRepository } from "../state/recovery-repository";
import { ReleaseRepository } from "../state/release-repository";
import { DeclarationRepository } from "../state/declaration-repository";
import { RunRepository } from "../state/run-repository";
import { openStateDatabase, type StateDatabaseOptions } from "../state/state-database";

/** The adapter's own tables, for the commands that read or write only them (audit, ingest, payslip). */
export interface StateContext {
  readonly runs: RunRepository;
  readonly declarations: DeclarationRepository;
  readonly decisions: DecisionRepository;
  readonly recovery: RecoveryRepository;
  /** D17: waiting person-months released by an operator. */
  readonly releases: ReleaseRepository;
  readonly history: DeclarationHistory;
  readonly audit: AuditRepository;
  readonly answers: AnswerRepository;
  /** Anomalies and tickets as the reports show them. */
  readonly anomalyReports: AnomalyReportRepository;
  /** The batch channel: files sent, answers fetched. */
  readonly channel: ChannelRepository;
  /** Releases the run lock (if held) and closes the database(s). */
  close(): Promise<void>;
}

/** The ministry's database alone, read-only (simulate). */
export interface SourceContext {
  readonly source: MinistryReader;
  close(): Promise<void>;
}

export type RunContext = StateContext & SourceContext;

/** With `runLock`, the run lock is taken before anything else (migrations included) and held until close. */
export async function openStateContext(config: AppConfig, options: StateDatabaseOptions = {}): Promise<StateContext> {
  const { dataSource: state, lock } = await openStateDatabase(config.stateDatabaseUrl, options);
  return {
    runs: new RunRepository(state),
    declarations: new DeclarationRepository(state),
    decisions: new DecisionRepository(state),
    recovery: new RecoveryRepository(state),
    releases: new ReleaseRepository(state),
    history: new DeclarationHistory(state),
    audit: new AuditRepository(state),
    answers: new AnswerRepository(state),
    anomalyReports: new AnomalyReportRepository(state),
    channel: new ChannelRepository(state),
    async close() {
      try {
        await lock?.release();
      } finally {
        await state.destroy();
      }
    },
  };
}

/** Opens the ministry's database read-only; a SQLite file that does not exist is a NoSuchDatabaseError. */
export async function openSourceContext(config: AppConfig): Promise<SourceContext> {
  const source = await openSourceDatabase(config.databaseUrl, { readOnly: true, naming: config.sourceNaming });
  try {
    return { source: await MinistryReader.open(source, config.sourceNaming), close: () => source.destroy() };
  } catch (error) {
    await source.destroy();
    throw error;
  }
}

/**
 * Both databases. The source is opened first: a mistyped source URL stops the command before a state
 * database is created for it (with the default EASR_STATE_DB_URL it is the same URL).
 */
export async function openRunContext(config: AppConfig, options: StateDatabaseOptions = {}): Promise<RunContext> {
  const source = await openSourceContext(config);
  let state;
  try {
    state = await openStateContext(config, options);
  } catch (error) {
    await source.close();
    throw error;
  }
  return {
    ...state,
    source: source.source,
    async close() {
      try {
        await state.close();
      } finally {
        await source.close();
      }
    },
  };
}
