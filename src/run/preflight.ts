/**
 * What a real run settles and checks, under the run lock, before it decides anything:
 * - the state belongs to the output folder: a state without any run next to an output folder that
 *   holds batch files of this adapter is a lost (or wrong) state, and the run stops — it would declare
 *   again as originals what is out already — unless the operator says it is meant (`--new-state`);
 * - whatever an interrupted run left is settled (recovery.ts);
 * - every file handed over and not yet answered still has its FI and GO file in its folder (a GO file
 *   removed by hand is never transferred, and nobody would notice);
 * - every run that left a record but no reports is named, until its reports exist.
 * The checks give warnings for the run summary (and the audit trail); only the first one stops.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BatchFileOnDisk } from "../files/output-tree";
import type { Logger } from "../util/logger";
import { recoverInterruptedWork, type RecoveryDependencies } from "./recovery";

/** The state has no run, the output folder has files of this adapter: exit 2 unless `--new-state`. */
export class StateMismatchError extends Error {
  override readonly name: string = "StateMismatchError";
}

/** What the recovery needs, and a logger. */
export interface PreflightDependencies extends RecoveryDependencies {
  readonly logger: Logger;
}

export interface PreflightRequest {
  readonly outDir: string;
  readonly environment: string;
  /** The operator says a state without runs is meant (a new state for an output folder with files). */
  readonly newState: boolean;
  readonly onDisk: readonly BatchFileOnDisk[];
}

/** Runs the checks; returns the warnings for the run summary. */
export async function preflight(request: PreflightRequest, deps: PreflightDependencies): Promise<string[]> {
  await checkStateBelongsToOutput(request, deps);
  await recover(deps);
  return [...(await missingHandedOverFiles(request.environment, deps)), ...(await owedReports(request.environment, deps))];
}

async function checkStateBelongsToOutput(request: PreflightRequest, deps: PreflightDependencies): Promise<void> {
  if (request.onDisk.length === 0 || (await deps.runs.anyRun())) return;
  const example = request.onDisk[0];
  if (!request.newState) {
    throw new StateMismatchError(
      `the state database holds no run, but ${request.outDir} holds ${request.onDisk.length} batch file(s) of this adapter (e.g. ${join(example.folder, example.fileName)}): ` +
        "the state was lost or points to another database (EASR_STATE_DB_URL, --db). Restore it — a run on an empty state would declare again, as originals, what is out already. " +
        "If a new state for this folder is really meant, run again with --new-state (sequence numbers then continue after the files present).",
    );
  }
  deps.logger.warn(
    `--new-state: a new state for ${request.outDir}, which holds ${request.onDisk.length} batch file(s); sequence numbers continue after them`,
  );
  await deps.audit({ event: "new-state", runId: null, detail: { outDir: request.outDir, batchFilesOnDisk: request.onDisk.length } });
}

async function recover(deps: PreflightDependencies): Promise<void> {
  const recovered = await recoverInterruptedWork(deps);
  if (recovered.interruptedRuns.length > 0 || recovered.abandonedFiles.length > 0 || recovered.completedFiles.length > 0) {
    deps.logger.warn(
      `recovered an interrupted run (${recovered.interruptedRuns.join(", ") || "-"}): files completed ${recovered.completedFiles.join(", ") || "none"}, abandoned ${recovered.abandonedFiles.join(", ") || "none"}, ${recovered.removedTemporaryFiles.length} temporary files removed`,
    );
  }
}

/** Files handed over and not yet answered whose FI or GO file is gone from their folder. */
async function missingHandedOverFiles(environment: string, deps: PreflightDependencies): Promise<string[]> {
  const warnings: string[] = [];
  for (const file of await deps.recovery.filesAwaitingReceipt(environment)) {
    if (file.directory === null) continue;
    const missing = [file.fileName, file.goFileName].filter((name) => !existsSync(join(file.directory!, name)));
    if (missing.length === 0) continue;
    warnings.push(
      `${missing.join(" and ")} of run ${file.runId} ${missing.length === 2 ? "are" : "is"} no longer in ${file.directory}, and no answer has come for ${file.fileName}: ` +
        "if the transfer did not take it, it will never leave — put back what is missing (a GO file is empty) or check the transfer's log",
    );
    await deps.audit({
      event: "file-missing",
      runId: file.runId,
      environment,
      detail: { file: file.fileName, missing, directory: file.directory },
    });
  }
  return warnings;
}

/** Runs that left a record but no reports: named until `easr report` has written them. */
async function owedReports(environment: string, deps: PreflightDependencies): Promise<string[]> {
  return (await deps.runs.owingReports(environment)).map(
    (run) =>
      `run ${run.id} (${run.month}, ${run.environment}) has no reports${run.reportsError ? ` (they failed: ${run.reportsError})` : ""}: ` +
      `\`easr report --month ${run.month}${run.environment === "R" ? " --env R" : ""}\` writes them from ${run.recordFile}`,
  );
}
