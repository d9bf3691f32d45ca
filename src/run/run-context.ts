/**
 * Opens what a run needs — the ministry database read-only, the state database with its migrations —
 * and closes it again. The rest of the run never sees a connection.
 */
import type { AppConfig } from "../config/load-config";
import { MinistryReader } from "../source/ministry-reader";
import { openSourceDatabase } from "../source/source-database";
import { AnomalyReportRepository } from "../state/anomaly-report-repository";
import { AnswerRepository } from "../state/answer-repository";
import { AuditRepository } from "../state/audit-repository";
import { DecisionRepository } from "../state/decision-repository";
import { DeclarationHistory } from "../state/declaration-history";
import { RecoveryRepository } from "../state/recovery-repository";
import { ReleaseRepository } from "../state/release-repository";
import type { LockOptions } from "../state/run-lock";
import { DeclarationRepository } from "../state/declaration-repository";
import { RunRepository } from "../state/run-repository";
import { openStateDatabase } from "../state/state-database";

export interface RunContext {
  readonly source: MinistryReader;
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
  /** Releases the run lock (if held) and closes both databases. */
  close(): Promise<void>;
}

/** With `runLock`, the run lock is taken before anything else (migrations included) and held until close. */
export async function openRunContext(config: AppConfig, options: { runLock?: LockOptions } = {}): Promise<RunContext> {
  const { dataSource: state, lock } = await openStateDatabase(config.stateDatabaseUrl, options);
  let source;
  try {
    source = await openSourceDatabase(config.databaseUrl, { readOnly: true, naming: config.sourceNaming });
  } catch (error) {
    await lock?.release().catch(() => undefined);
    await state.destroy();
    throw error;
  }
  return {
    source: new MinistryReader(source),
    runs: new RunRepository(state),
    declarations: new DeclarationRepository(state),
    decisions: new DecisionRepository(state),
    recovery: new RecoveryRepository(state),
    releases: new ReleaseRepository(state),
    history: new DeclarationHistory(state),
    audit: new AuditRepository(state),
    answers: new AnswerRepository(state),
    anomalyReports: new AnomalyReportRepository(state),
    async close() {
      try {
        await lock?.release();
      } finally {
        await source.destroy();
        await state.destroy();
      }
    },
  };
}
