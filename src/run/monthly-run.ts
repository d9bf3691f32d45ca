/**
 * The monthly run (one run month M): reads the notified persons page by page, decides, streams the
 * declared forms into one temporary FI file per form type, validates every file against its XSD,
 * then records and publishes them (sequence number taken in the state transaction, temp → final name,
 * GO file last) and writes run-summary.json. Nothing is published when any step before fails.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { compactDate } from "../domain/calendar-date";
import { addMonths, type YearMonth } from "../domain/year-month";
import { type Environment, declarationFileName, goFileName } from "../files/batch-file-name";
import { publishFile, removeQuietly, removeTemporaryLeftovers, writeFileAtomically } from "../files/atomic-file";
import { type FinishedFile, FormFileWriter } from "../files/form-file-writer";
import { RecordSpool } from "../files/record-spool";
import { chunkValidator } from "../files/chunk-validator";
import type { EmployerIdentity, FormStamp } from "../forms/form-envelope";
import { batchPurposeOf, FORM_TYPES, type FormType } from "../rules/decision-types";
import type { RuleParameters } from "../rules/rule-parameters";
import type { PersonSourceData } from "../domain/ministry-records";
import type { MinistryReader } from "../source/ministry-reader";
import type { AuditEvent, AuditRepository } from "../state/audit-repository";
import type { DecisionRecord, DecisionRepository } from "../state/decision-repository";
import type { DeclarationHistory } from "../state/declaration-history";
import type { RecoveryRepository } from "../state/recovery-repository";
import { describeSwing, type SwingPolicy, swingsBeyondPolicy } from "../rules/swing-check";
import type { DeclarationRepository } from "../state/declaration-repository";
import type { RunRepository } from "../state/run-repository";
import { brusselsTime, type Clock } from "../util/brussels-clock";
import type { Logger } from "../util/logger";
import { maskInszInText } from "../util/insz-masking";
import { noProgress, type ProgressFactory } from "../util/progress";
import { DecisionLog } from "./decision-log";
import { crashPoint } from "./crash-points";
import { recoverInterruptedWork } from "./recovery";
import { frameFor, monthSetting, personPages, RunFailedError } from "./decision-pass";

/** The safety valve stopped the run (exit 1, nothing written). */
export class SwingStopError extends RunFailedError {}
import { RunTally } from "./run-tally";
import { thresholdWarnings } from "../rules/threshold-warnings";
import { type OpenFile, type PersonStepContext, processPerson } from "./person-step";
import { releaseKey, type ReleaseRepository } from "../state/release-repository";
import { checkGlossaryConditions } from "../forms/glossary-conditions";

export { RunFailedError };

/** The schema each file is validated against before it gets its name: our own for WECH (no official one exists), the official ones for ZIMA. */
export const FORM_XSD: Record<FormType, string> = {
  WECH003: "WECH003_20233.xsd",
  WECH006: "WECH006_20233.xsd",
  ZIMA002: "official/ZIMA002_20231.xsd",
  ZIMA005: "official/ZIMA005_20231.xsd",
};

export { inszHash, unitContentHash } from "./unit-hashes";

export interface MonthlyRunRequest {
  readonly runMonth: YearMonth;
  readonly environment: Environment;
  readonly outDir: string;
  readonly dryRun: boolean;
  readonly triggeredBy: string;
  readonly employer: EmployerIdentity;
  readonly parameters: RuleParameters;
  readonly pageSize: number;
  /** The safety valve's policy, and whether the operator accepted a swing for this run. */
  readonly swingPolicy: SwingPolicy;
  readonly acceptSwing: boolean;
  /** D27: send the modifications and cancellations a rule change caused (held otherwise). */
  readonly acceptReissue?: boolean;
}

export interface MonthlyRunDependencies {
  readonly source: MinistryReader;
  readonly runs: RunRepository;
  readonly declarations: DeclarationRepository;
  readonly decisions: DecisionRepository;
  readonly recovery: RecoveryRepository;
  readonly releases: ReleaseRepository;
  readonly history: DeclarationHistory;
  readonly audit: AuditRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly progress?: ProgressFactory;
}

export interface WrittenFile {
  readonly formType: FormType;
  readonly fileName: string;
  readonly goFileName: string;
  readonly forms: number;
  readonly sha256: string;
  readonly bytes: number;
}

export interface RunSummary {
  readonly runId: number | null;
  readonly runMonth: YearMonth;
  readonly environment: Environment;
  readonly dryRun: boolean;
  readonly cutoffAt: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly employer: EmployerIdentity;
  readonly previousRun: { readonly runId: number; readonly finishedAt: string | null } | null;
  readonly persons: RunTally["persons"];
  readonly forms: RunTally["forms"];
  readonly rejectedRecords: RunTally["rejectedRecords"];
  readonly files: readonly WrittenFile[];
  readonly outputDir: string;
  readonly summaryFile: string | null;
  /** decisions.jsonl of this run (null when nothing new was decided and nothing kept). */
  readonly decisionsFile: string | null;
  /** "" for the first run of a month folder, "-run<id>" for a later one: report file names carry it. */
  readonly reportSuffix: string;
  readonly message: string;
  readonly notes: readonly string[];
  /** What the operator must know about the run's configuration (D16: a threshold below the RVA limit). */
  readonly warnings: readonly string[];
}

/** The safety valve: stops the run before anything is recorded or published, unless accepted. */
async function checkSwing(
  request: MonthlyRunRequest,
  deps: MonthlyRunDependencies,
  finished: ReadonlyMap<FormType, FinishedFile>,
  log: Logger,
  runId: number | null,
  audit: (event: Omit<AuditEvent, "actor" | "host" | "at">) => Promise<void>,
): Promise<void> {
  const previousMonth = addMonths(request.runMonth, -1);
  const previous = await deps.history.declaredByRunMonth(request.environment, previousMonth);
  const current = Object.fromEntries([...finished].map(([formType, done]) => [formType, done.formCount]));
  const swings = swingsBeyondPolicy(current, previous, request.swingPolicy);
  if (swings.length === 0) return;
  const explanation = swings.map((swing) => describeSwing(swing, request.runMonth, previousMonth)).join("; ");
  const detail = { swings, maxShare: request.swingPolicy.maxShare };
  if (request.acceptSwing) {
    log.warn(`safety valve: ${explanation} — accepted (--accept-swing)`);
    await audit({ event: "swing-accepted", runId, month: request.runMonth, environment: request.environment, detail });
    return;
  }
  await audit({ event: "swing-stopped", runId, month: request.runMonth, environment: request.environment, detail });
  throw new SwingStopError(
    `safety valve: ${explanation}, more than ${Math.round(request.swingPolicy.maxShare * 100)} % apart. Nothing was written. ` +
      "Check the month (payroll data, notifications, the calendar); if the change is real, run again with --accept-swing.",
  );
}

function messageOf(error: unknown): string {
  return maskInszInText(error instanceof Error ? error.message : String(error));
}

/** A finished file on its way to its final name. */
interface Publishing {
  readonly formType: FormType;
  readonly done: FinishedFile;
  readonly fileId: number | null;
  readonly fileName: string;
  readonly goFileName: string;
  published?: boolean;
}

export async function runMonthlyJob(request: MonthlyRunRequest, deps: MonthlyRunDependencies): Promise<RunSummary> {
  const { runMonth, environment } = request;
  const started = brusselsTime(deps.clock.now());

  const actor = { actor: request.triggeredBy, host: hostname() };
  const audit = (event: Omit<AuditEvent, "actor" | "host" | "at">) => deps.audit.append({ ...event, ...actor, at: brusselsTime(deps.clock.now()).iso });
  if (!request.dryRun) {
    // Under the run lock: settle whatever an interrupted run left before deciding anything.
    const recovered = await recoverInterruptedWork({ recovery: deps.recovery, declarations: deps.declarations, audit, now: () => brusselsTime(deps.clock.now()).iso });
    if (recovered.interruptedRuns.length > 0 || recovered.abandonedFiles.length > 0 || recovered.completedFiles.length > 0) {
      deps.logger.warn(
        `recovered an interrupted run (${recovered.interruptedRuns.join(", ") || "-"}): files completed ${recovered.completedFiles.join(", ") || "none"}, abandoned ${recovered.abandonedFiles.join(", ") || "none"}, ${recovered.removedTemporaryFiles.length} temporary files removed`,
      );
    }
  }
  const setting = await monthSetting(deps.source, runMonth, request.pageSize, request.parameters);
  const previousRun = await deps.runs.lastCompleted(runMonth, environment);
  // Test (T) and real (R) submissions never share a folder: R goes under <out>/R/ (answers beside its files).
  const environmentRoot = environment === "R" ? join(request.outDir, "R") : request.outDir;
  const outputDir = request.dryRun ? join(environmentRoot, "dry-run", runMonth) : join(environmentRoot, runMonth);
  // A dry run's folder holds only the last dry run.
  if (request.dryRun) rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  removeTemporaryLeftovers(outputDir);

  const runId = request.dryRun
    ? null
    : await deps.runs.start({ month: runMonth, environment, startedAt: started.iso, triggeredBy: request.triggeredBy, host: hostname(), outputDir: resolve(outputDir) });
  if (runId !== null) await audit({ event: "run-started", runId, month: runMonth, environment, detail: { outputDir, cutoffAt: setting.cutoffAt } });
  const runLabel = runId === null ? "dry-run" : `run-${runId}`;
  const log = deps.logger.child({ runId: runLabel });
  const warnings = thresholdWarnings(setting.query.salaryFrom, runMonth, request.parameters);
  for (const warning of warnings) log.warn(warning);
  log.info(`month ${runMonth} (${environment}), cut-off ${setting.cutoffAt}${request.dryRun ? ", dry run: nothing recorded" : ""}`);

  const open = new Map<FormType, OpenFile>();
  const decisionLogPath = join(outputDir, `.decisions.${runLabel}.partial`);
  const decisionLog = new DecisionLog(decisionLogPath);
  // The not-eligible decisions to remember, spooled until the run is done.
  const rememberedPath = join(outputDir, `.remembered.${runLabel}.partial`);
  const remembered = new RecordSpool<DecisionRecord>(rememberedPath);
  const temporaryFiles: string[] = [decisionLogPath, rememberedPath];
  const publishing: Publishing[] = [];
  let goWritten = false;
  try {
    const stamp: FormStamp = { creationDate: started.date, creationHour: started.time };

    const tally = new RunTally();
    tally.addUnowned(setting.unownedRecords);
    const fileFor = (formType: FormType): OpenFile => {
      let file = open.get(formType);
      if (!file) {
        const path = join(outputDir, `.${formType}.${runLabel}.partial`);
        const spoolPath = join(outputDir, `.${formType}.declarations.${runLabel}.partial`);
        temporaryFiles.push(path, spoolPath);
        file = { writer: new FormFileWriter(path, formType, chunkValidator(FORM_XSD[formType])), declarations: new RecordSpool(spoolPath) };
        open.set(formType, file);
      }
      return file;
    };
    const progress = (deps.progress ?? noProgress)("deciding", await deps.source.countPersons(setting.query), log);
    const stepContext: PersonStepContext = {
      parameters: request.parameters,
      formContext: { stamp, employer: request.employer, defaults: request.parameters.formDefaults },
      scope: {
        monthsFrom: setting.query.salaryFrom,
        benefitsMonthsFrom: setting.query.benefitsFrom,
        runMonth,
        holidayYearsFrom: setting.query.holidayYearsFrom,
        holidayYearsTo: setting.query.holidayYearsTo,
      },
      acceptReissue: request.acceptReissue ?? false,
      fileFor,
      checkForm: checkGlossaryConditions,
      remembered,
      decisionLog,
      tally,
      log,
    };
    const considered = new Set<number>();
    /** One page of persons: what was declared and decided for them, then each person's step. */
    const decidePage = async (page: PersonSourceData[], standing: boolean): Promise<void> => {
      const staffIds = page.map((p) => p.staffId);
      const latest = await deps.declarations.latestDeclarations(environment, staffIds);
      const fingerprints = await deps.decisions.latestFingerprints(environment, staffIds);
      const released = await deps.releases.releasedMonths(environment, staffIds);
      // The rules decide every unit afresh; the reconciliation compares with what was declared.
      const frame = frameFor(setting, request.parameters, {
        isPreviouslyDeclared: () => false,
        previousFingerprint: (key) => fingerprints.get(key),
        isReleased: (staffId, month) => released.has(releaseKey(staffId, month)),
      });
      for (const person of page) if (await processPerson(person, frame, latest, stepContext, standing)) considered.add(person.staffId);
    };
    for await (const page of personPages(deps.source, setting)) {
      await decidePage(page, false);
      progress.advance(page.length);
      crashPoint("after-first-page");
    }
    // Persons with forms standing whom the source no longer names (a deleted notification or adapted
    // work): decided too, so that what their data no longer yields is cancelled.
    const withoutData = (await deps.declarations.staffWithStandingDeclarations(environment)).filter((id) => !considered.has(id));
    for (let first = 0; first < withoutData.length; first += request.pageSize) {
      await decidePage(await deps.source.personsOf(withoutData.slice(first, first + request.pageSize), setting.query), true);
    }
    progress.stop();
    await decisionLog.close();

    const finished = new Map<FormType, FinishedFile>();
    for (const formType of FORM_TYPES) {
      const file = open.get(formType);
      if (!file) continue;
      // A file whose every form was rejected (D22) holds nothing: it is not written.
      if (file.writer.count === 0) {
        await file.writer.abandon();
        removeQuietly(file.writer.path);
        await file.declarations.close();
        removeQuietly(file.declarations.path);
        open.delete(formType);
        continue;
      }
      // Validated on the way, a chunk of forms at a time (see FormFileWriter).
      const done = await file.writer.finish();
      const result = done.validation;
      if (!result.valid) {
        const first = result.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`).join("; ");
        throw new RunFailedError(`the ${formType} file does not validate against ${FORM_XSD[formType]}: ${first}`);
      }
      finished.set(formType, done);
    }

    if (!request.dryRun) await checkSwing(request, deps, finished, log, runId, audit);
    const nothingNew = finished.size === 0 && previousRun !== null;
    const creationDate = compactDate(started.date);
    // 1. Every file gets its name: a sequence number taken with its declarations (state, pending) —
    //    or, in a dry run, the numbers the next real run would take, recording nothing.
    let dryRunSequence = 0;
    for (const formType of FORM_TYPES) {
      const done = finished.get(formType);
      if (!done) continue;
      const file = open.get(formType)!;
      const key = { purpose: batchPurposeOf(formType), sender: request.employer.senderNumber, creationDate, environment };
      const names = (sequence: number) => ({ fileName: declarationFileName({ ...key, sequence }), goFileName: goFileName({ ...key, sequence }) });
      if (runId === null) {
        const sequence = (await deps.declarations.peekNextSequence(key)) + dryRunSequence++;
        publishing.push({ formType, done, fileId: null, ...names(sequence) });
      } else {
        const recorded = await deps.declarations.recordPendingFile(
          { ...key, runId, formType, formCount: done.formCount, sha256: done.sha256, createdAt: started.iso, names, directory: resolve(outputDir) },
          file.declarations.records(),
        );
        publishing.push({ formType, done, fileId: recorded.id, fileName: recorded.fileName, goFileName: recorded.goFileName });
      }
    }
    // 2. All FI files under their final names, 3. then the GO files (a dry run writes none: nothing
    //    there may ever be picked up for transfer), 4. then the state says written.
    crashPoint("after-recording-files");
    for (const p of publishing) {
      publishFile(p.done.path, join(outputDir, p.fileName));
      p.published = true;
      crashPoint("after-first-rename");
    }
    if (!request.dryRun) {
      for (const p of publishing) {
        writeFileAtomically(join(outputDir, p.goFileName), "");
        goWritten = true;
      }
    }
    crashPoint("after-go-files");
    for (const p of publishing) {
      if (p.fileId === null) continue;
      await deps.declarations.markWritten(p.fileId);
      await audit({ event: "file-written", runId, month: runMonth, environment, detail: { file: p.fileName, go: p.goFileName, sha256: p.done.sha256, forms: p.done.formCount, formType: p.formType } });
    }
    const files: WrittenFile[] = publishing.map((p) => ({
      formType: p.formType,
      fileName: p.fileName,
      goFileName: p.goFileName,
      forms: p.done.formCount,
      sha256: p.done.sha256,
      bytes: p.done.bytes,
    }));
    for (const f of files) log.info(`wrote ${f.fileName} (${f.forms} ${f.formType} forms)${request.dryRun ? "" : ` and ${f.goFileName}`}`);

    const finishedAt = brusselsTime(deps.clock.now()).iso;
    // The first run of a folder writes run-summary.json; any later one (a re-run, another environment) its own.
    const reportSuffix = existsSync(join(outputDir, "run-summary.json")) && runId !== null ? `-run${runId}` : "";
    const summaryName = `run-summary${reportSuffix}.json`;
    const decisionsName = `decisions${reportSuffix}.jsonl`;
    const declaredCount = files.reduce((n, f) => n + f.forms, 0);
    const message = nothingNew
      ? `month ${runMonth} (${environment}) was already run (run ${previousRun!.id}, finished ${previousRun!.finishedAt}): nothing new to declare, no file written`
      : `month ${runMonth} (${environment}): ${declaredCount} forms declared in ${files.length} file(s)` +
        (previousRun ? ` (month already run before as run ${previousRun.id}; these are the declarations not made then)` : "");
    const summary: RunSummary = {
      runId,
      runMonth,
      environment,
      dryRun: request.dryRun,
      cutoffAt: setting.cutoffAt,
      startedAt: started.iso,
      finishedAt,
      employer: request.employer,
      previousRun: previousRun ? { runId: previousRun.id, finishedAt: previousRun.finishedAt } : null,
      persons: tally.persons,
      forms: tally.forms,
      rejectedRecords: tally.rejectedRecords,
      files,
      outputDir,
      summaryFile: nothingNew ? null : join(outputDir, summaryName),
      decisionsFile: nothingNew ? null : join(outputDir, decisionsName),
      reportSuffix,
      message,
      notes: tally.notes,
      warnings,
    };
    if (nothingNew) {
      removeQuietly(decisionLogPath);
    } else {
      publishFile(decisionLogPath, join(outputDir, decisionsName));
      writeFileAtomically(join(outputDir, summaryName), `${JSON.stringify(summary, null, 2)}\n`);
    }
    if (runId !== null) await deps.decisions.remember(runId, environment, finishedAt, remembered.records());
    await remembered.close();
    for (const file of open.values()) await file.declarations.close();
    removeQuietly(rememberedPath);
    for (const file of open.values()) removeQuietly(file.declarations.path);
    if (runId !== null) {
      await audit({
        event: "run-completed",
        runId,
        month: runMonth,
        environment,
        detail: { files: files.map((f) => f.fileName), persons: tally.persons.considered, declared: files.reduce((n, f) => n + f.forms, 0), message },
      });
    }
    if (runId !== null) await deps.runs.complete(runId, finishedAt, JSON.stringify({ persons: tally.persons, forms: tally.forms, files: files.map((f) => f.fileName) }), message);
    log.info(`${message}`);
    return summary;
  } catch (error) {
    if (goWritten) {
      // The submission is out (its GO files exist): it stays, and so does its record; only the reports failed.
      for (const p of publishing) if (p.fileId !== null) await deps.declarations.markWritten(p.fileId).catch(() => undefined);
      const names = publishing.map((p) => p.fileName).join(", ");
      log.error(`the files ${names} were published, but the run failed after them: ${messageOf(error)}`);
      if (runId !== null) await deps.runs.fail(runId, brusselsTime(deps.clock.now()).iso, `published ${names}, then failed: ${messageOf(error)}`).catch(() => undefined);
      throw new RunFailedError(`the files ${names} were published, but the run failed after them: ${messageOf(error)}`);
    }
    // Nothing may stay half out: FI files already renamed are taken back, their state rows abandoned.
    for (const p of publishing) {
      if (p.published) removeQuietly(join(outputDir, p.fileName));
      if (p.fileId !== null) await deps.declarations.markAbandoned(p.fileId).catch(() => undefined);
    }
    log.error(`run failed, nothing published: ${messageOf(error)}`);
    for (const file of open.values()) await file.writer.abandon();
    for (const file of open.values()) await file.declarations.close().catch(() => undefined);
    await remembered.close().catch(() => undefined);
    await decisionLog.close().catch(() => undefined);
    for (const path of temporaryFiles) removeQuietly(path);
    if (runId !== null) await deps.runs.fail(runId, brusselsTime(deps.clock.now()).iso, messageOf(error)).catch(() => undefined);
    if (runId !== null) await audit({ event: "run-failed", runId, month: runMonth, environment, detail: { message: messageOf(error) } }).catch(() => undefined);
    for (const p of publishing) if (p.fileId !== null) await audit({ event: "file-abandoned", runId, detail: { file: p.fileName } }).catch(() => undefined);
    throw error;
  }
}
