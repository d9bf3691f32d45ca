/**
 * After a crash (kill -9, power cut) the next run, holding the run lock, settles what the interrupted
 * one left before it decides anything:
 * - a file whose GO file exists was handed over for transfer: it and its declarations are written;
 * - a file without GO never left: its FI file (if renamed already) and its FS file are removed, it and its
 *   declarations are abandoned (its sequence number stays used), so the units are declared again;
 * - temporary files of the interrupted runs are removed, and the runs are marked interrupted; the
 *   record and summary of a run none of whose files was handed over are removed (they tell of a
 *   submission that never left); those of a run whose files are out stay, the source of its reports.
 * The result: the same declarations an uninterrupted run would have produced, no stray file.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { removeQuietly, removeTemporaryLeftovers } from "../files/atomic-file";
import { signatureFileNameOf } from "../files/batch-file-name";
import type { AuditEvent } from "../state/audit-repository";
import type { DeclarationRepository } from "../state/declaration-repository";
import type { RecoveryRepository } from "../state/recovery-repository";
import type { RunRepository } from "../state/run-repository";

export interface RecoveryReport {
  readonly interruptedRuns: number[];
  readonly completedFiles: string[];
  readonly abandonedFiles: string[];
  readonly removedTemporaryFiles: string[];
}

export interface RecoveryDependencies {
  readonly recovery: RecoveryRepository;
  readonly runs: RunRepository;
  readonly declarations: DeclarationRepository;
  readonly audit: (event: Omit<AuditEvent, "actor" | "host" | "at">) => Promise<void>;
  readonly now: () => string;
}

export async function recoverInterruptedWork(deps: RecoveryDependencies): Promise<RecoveryReport> {
  const report: RecoveryReport = { interruptedRuns: [], completedFiles: [], abandonedFiles: [], removedTemporaryFiles: [] };
  for (const file of await deps.recovery.pendingFiles()) {
    const goOut = file.directory !== null && existsSync(join(file.directory, file.goFileName));
    if (goOut) {
      await deps.declarations.markWritten(file.id);
      report.completedFiles.push(file.fileName);
      await deps.audit({
        event: "file-completed",
        runId: file.runId,
        detail: { file: file.fileName, sha256: file.sha256, why: "GO file found after an interrupted run" },
      });
    } else {
      if (file.directory !== null) {
        removeQuietly(join(file.directory, file.fileName));
        removeQuietly(join(file.directory, signatureFileNameOf(file.fileName)));
      }
      await deps.declarations.markAbandoned(file.id);
      report.abandonedFiles.push(file.fileName);
      await deps.audit({
        event: "file-abandoned",
        runId: file.runId,
        detail: { file: file.fileName, why: "no GO file after an interrupted run: never handed over" },
      });
    }
  }
  for (const run of await deps.recovery.runningRuns()) {
    if (run.outputDir !== null && existsSync(run.outputDir)) {
      report.removedTemporaryFiles.push(...removeTemporaryLeftovers(run.outputDir));
    }
    if (run.recordFile !== null && !(await deps.recovery.hasFilesOut(run.id))) {
      for (const path of [run.recordFile, run.summaryFile]) if (path !== null) removeQuietly(path);
      await deps.runs.recordWithdrawn(run.id);
    }
    await deps.recovery.markInterrupted(run.id, deps.now());
    report.interruptedRuns.push(run.id);
    await deps.audit({
      event: "run-interrupted",
      runId: run.id,
      month: run.month,
      environment: run.environment,
      detail: { outputDir: run.outputDir },
    });
  }
  return report;
}
