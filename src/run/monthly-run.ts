/**
 * The monthly run (one run month M): settles and checks the state (preflight.ts), reads the notified
 * persons page by page, decides, streams the declared forms into one temporary FI file per form type
 * (run-files.ts), validates every file against its XSD, then publishes them (publication.ts: sequence
 * number taken in the state transaction, temp → final name, the run's record, GO files last). Nothing is
 * published when any step before fails; a failure after the GO files says what is out.
 */
import type { SigningCredentials } from "../files/fi-signature";
import { rmSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { compactDate } from "../domain/calendar-date";
import type { PersonSourceData } from "../domain/ministry-records";
import { addMonths, type YearMonth } from "../domain/year-month";
import { removeQuietly, removeTemporaryLeftovers } from "../files/atomic-file";
import type { Environment } from "../files/batch-file-name";
import type { FinishedFile } from "../files/form-file-writer";
import { makeDirectory } from "../files/file-modes";
import { OutputLayout, runOutputNames, runSuffix } from "../files/output-layout";
import { batchFilesOnDisk } from "../files/output-tree";
import type { EmployerIdentity, FormStamp } from "../forms/form-envelope";
import { checkGlossaryConditions } from "../form-types/glossary-check";
import { FORM_TYPES, type FormType } from "../rules/decision-types";
import { type RunSummary, storedRunSummary, type WrittenFile } from "../run-record/run-summary";
import type { RuleParameters } from "../rules/rule-parameters";
import type { StandingDeclaration } from "../rules/reconciliation";
import { describeSwing, type SwingPolicy, swingsBeyondPolicy } from "../rules/swing-check";
import { thresholdWarnings } from "../rules/threshold-warnings";
import type { MinistryReader } from "../source/ministry-reader";
import type { AuditEvent, AuditRepository } from "../state/audit-repository";
import type { DecisionRepository } from "../state/decision-repository";
import type { DeclarationHistory } from "../state/declaration-history";
import type { DeclarationRepository } from "../state/declaration-repository";
import type { RecoveryRepository } from "../state/recovery-repository";
import { releaseKey, type ReleaseRepository } from "../state/release-repository";
import type { RunRepository } from "../state/run-repository";
import { brusselsTime, type Clock, type BrusselsTime } from "../util/brussels-clock";
import { maskInszInText } from "../util/insz-masking";
import type { Logger } from "../util/logger";
import { noProgress, type ProgressFactory } from "../util/progress";
import { versionLine } from "../util/build-info";
import { crashPoint } from "./crash-points";
import { frameFor, type MonthSetting, monthSetting, personPages, RunFailedError } from "./decision-pass";
import { type PersonStepContext, processPerson } from "./person-step";
import { preflight } from "./preflight";
import { Publication } from "./publication";
import { RunFiles } from "./run-files";
import { RunTally } from "./run-tally";

/** The safety valve stopped the run (exit 1, nothing written). */
export class SwingStopError extends RunFailedError {
  override readonly name: string = "SwingStopError";
}

/** Days before its end a signing certificate is announced in every run: an R run stops once it has expired. */
const CERTIFICATE_NOTICE_DAYS = 30;

/** A warning when the signing certificate ends within CERTIFICATE_NOTICE_DAYS. */
function certificateWarnings(signing: SigningCredentials | null, now: Date): string[] {
  if (signing === null) return [];
  const days = Math.floor((new Date(signing.validTo).getTime() - now.getTime()) / 86_400_000);
  return days < CERTIFICATE_NOTICE_DAYS
    ? [
        `the signing certificate (${signing.subject}) expires on ${signing.validTo}, in ${days} day(s): renew it before then, or R runs stop`,
      ]
    : [];
}

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
  /** A state without runs next to an output folder with batch files is meant (`--new-state`). */
  readonly newState?: boolean;
  /** The signing certificate and key: every FI file gets its FS file before its GO file (R always, T when given). */
  readonly signing?: SigningCredentials | null;
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

type Audit = (event: Omit<AuditEvent, "actor" | "host" | "at">) => Promise<void>;

/** The safety valve: stops the run before anything is recorded or published, unless accepted. */
async function checkSwing(
  request: MonthlyRunRequest,
  deps: MonthlyRunDependencies,
  finished: ReadonlyMap<FormType, FinishedFile>,
  log: Logger,
  runId: number | null,
  audit: Audit,
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

/** Where a run is: its id (null in a dry run), folder, log and audit. */
interface RunPlace {
  readonly runId: number | null;
  readonly runMonth: YearMonth;
  readonly environment: Environment;
  readonly outputDir: string;
  readonly started: BrusselsTime;
  readonly log: Logger;
  readonly audit: Audit;
  readonly setting: MonthSetting;
}

const NO_DECLARATIONS: ReadonlyMap<string, StandingDeclaration> = new Map();

/** Decides every person of the month into the run's temporary files; returns the account. */
async function decideMonth(request: MonthlyRunRequest, deps: MonthlyRunDependencies, place: RunPlace, files: RunFiles): Promise<RunTally> {
  const { setting, log } = place;
  const tally = new RunTally();
  tally.addUnowned(setting.unownedRecords);
  const stamp: FormStamp = { creationDate: place.started.date, creationHour: place.started.time };
  const stepContext: PersonStepContext = {
    parameters: request.parameters,
    formContext: { stamp, employer: request.employer, defaults: request.parameters.formDefaults },
    scope: {
      monthsFrom: setting.query.salaryFrom,
      benefitsMonthsFrom: setting.query.benefitsFrom,
      runMonth: request.runMonth,
      holidayYearsFrom: setting.query.holidayYearsFrom,
      holidayYearsTo: setting.query.holidayYearsTo,
    },
    acceptReissue: request.acceptReissue ?? false,
    fileFor: (formType) => files.fileFor(formType),
    checkForm: checkGlossaryConditions,
    remembered: files.remembered,
    decisionLog: files.decisionLog,
    tally,
    log,
  };
  const considered = new Set<number>();
  /** One page of persons: what was declared and decided for them, then each person's step. */
  const decidePage = async (page: PersonSourceData[], standing: boolean): Promise<void> => {
    const staffIds = page.map((p) => p.staffId);
    const latest = await deps.declarations.latestDeclarations(request.environment, staffIds);
    const fingerprints = await deps.decisions.latestFingerprints(request.environment, staffIds);
    const released = await deps.releases.releasedMonths(request.environment, staffIds);
    // The rules decide every unit afresh; the reconciliation compares with what was declared.
    const frame = frameFor(
      setting,
      request.parameters,
      {
        isPreviouslyDeclared: () => false,
        previousFingerprint: (key) => fingerprints.get(key),
        isReleased: (staffId, month) => released.has(releaseKey(staffId, month)),
      },
      place.started.date,
    );
    for (const person of page) {
      const own = latest.get(person.staffId) ?? NO_DECLARATIONS;
      if (await processPerson(person, frame, own, stepContext, standing)) considered.add(person.staffId);
    }
  };
  const progress = (deps.progress ?? noProgress)("deciding", await deps.source.countPersons(setting.query), log);
  for await (const page of personPages(deps.source, setting)) {
    await decidePage(page, false);
    progress.advance(page.length);
    await crashPoint("after-first-page");
  }
  // Persons with forms standing whom the source no longer names (a deleted notification or adapted
  // work): decided too, so that what their data no longer yields is cancelled.
  const withoutData = (await deps.declarations.staffWithStandingDeclarations(request.environment)).filter((id) => !considered.has(id));
  for (let first = 0; first < withoutData.length; first += request.pageSize) {
    await decidePage(await deps.source.personsOf(withoutData.slice(first, first + request.pageSize), setting.query), true);
  }
  progress.stop();
  await files.decisionLog.close();
  return tally;
}

/** The run's folder, made ready: a dry run's holds only the last dry run; temporary leftovers go. */
function prepareOutputDir(request: MonthlyRunRequest): string {
  // Test (T) and real (R) submissions never share a folder: R goes under <out>/R/ (answers beside its files).
  const outputDir = new OutputLayout(request.outDir).monthDir(request.environment, request.runMonth, request.dryRun);
  if (request.dryRun) rmSync(outputDir, { recursive: true, force: true });
  makeDirectory(outputDir);
  removeTemporaryLeftovers(outputDir);
  return outputDir;
}

export async function runMonthlyJob(request: MonthlyRunRequest, deps: MonthlyRunDependencies): Promise<RunSummary> {
  const { runMonth, environment } = request;
  const started = brusselsTime(deps.clock.now());
  const actor = { actor: request.triggeredBy, host: hostname() };
  const audit: Audit = (event) => deps.audit.append({ ...event, ...actor, at: brusselsTime(deps.clock.now()).iso });
  const now = () => brusselsTime(deps.clock.now()).iso;
  const onDisk = batchFilesOnDisk(request.outDir);
  const checks = request.dryRun
    ? []
    : await preflight({ outDir: request.outDir, environment, newState: request.newState ?? false, onDisk }, { ...deps, audit, now });
  const setting = await monthSetting(deps.source, runMonth, request.pageSize, request.parameters);
  const outputDir = prepareOutputDir(request);
  const runId = request.dryRun
    ? null
    : await deps.runs.start({
        month: runMonth,
        environment,
        startedAt: started.iso,
        triggeredBy: request.triggeredBy,
        host: hostname(),
        outputDir: resolve(outputDir),
      });
  if (runId !== null)
    await audit({
      event: "run-started",
      runId,
      month: runMonth,
      environment,
      detail: { outputDir, cutoffAt: setting.cutoffAt, version: versionLine() },
    });
  const log = deps.logger.child({ runId: runId === null ? "dry-run" : `run-${runId}` });
  const warnings = [
    ...thresholdWarnings(setting.query.salaryFrom, runMonth, request.parameters),
    ...deps.source.gaps(),
    ...checks,
    ...certificateWarnings(request.signing ?? null, deps.clock.now()),
  ];
  for (const warning of warnings) log.warn(warning);
  log.info(`month ${runMonth} (${environment}), cut-off ${setting.cutoffAt}${request.dryRun ? ", dry run: nothing recorded" : ""}`);
  const place: RunPlace = { runId, runMonth, environment, outputDir, started, log, audit, setting };
  const files = new RunFiles(outputDir, runId === null ? "dry-run" : `run-${runId}`);
  const publication = new Publication({
    outputDir,
    runId,
    runMonth,
    environment,
    sender: request.employer.senderNumber,
    creationDate: compactDate(started.date),
    createdAt: started.iso,
    onDisk,
    declarations: deps.declarations,
    runs: deps.runs,
    audit,
    signing: request.signing ?? null,
  });
  try {
    const tally = await decideMonth(request, deps, place, files);
    const finished = await files.finishAll();
    if (runId !== null) await checkSwing(request, deps, finished, log, runId, audit);
    return await publishMonth(request, deps, place, { files, publication, finished, tally, warnings });
  } catch (error) {
    throw await failRun(error, place, files, publication, deps);
  }
}

interface MonthOutcome {
  readonly files: RunFiles;
  readonly publication: Publication;
  readonly finished: ReadonlyMap<FormType, FinishedFile>;
  readonly tally: RunTally;
  readonly warnings: readonly string[];
}

/** Names, publishes and records the month's files and record; completes the run. */
async function publishMonth(
  request: MonthlyRunRequest,
  deps: MonthlyRunDependencies,
  place: RunPlace,
  outcome: MonthOutcome,
): Promise<RunSummary> {
  const { runId, outputDir, log } = place;
  const { files, publication, finished, tally } = outcome;
  const previousRun = await deps.runs.lastCompleted(request.runMonth, request.environment);
  for (const formType of FORM_TYPES) {
    const done = finished.get(formType);
    if (done) await publication.name(formType, done, files.declarationsOf(formType).records());
  }
  await crashPoint("after-recording-files");
  await publication.renameFiles();
  await publication.signFiles(deps.clock.now());
  const written = publication.written();
  const nothingNew = written.length === 0 && previousRun !== null;
  // The first run of a folder writes run-summary.json; any later one (a re-run, another environment) its own.
  const names = runOutputNames(outputDir, request.runMonth, runSuffix(outputDir, runId));
  const summary: RunSummary = {
    runId,
    toolVersion: versionLine(),
    runMonth: request.runMonth,
    environment: request.environment,
    dryRun: request.dryRun,
    cutoffAt: place.setting.cutoffAt,
    startedAt: place.started.iso,
    finishedAt: brusselsTime(deps.clock.now()).iso,
    employer: request.employer,
    previousRun: previousRun ? { runId: previousRun.id, finishedAt: previousRun.finishedAt } : null,
    persons: tally.persons,
    forms: tally.forms,
    rejectedRecords: tally.rejectedRecords,
    files: written,
    outputDir,
    summaryFile: nothingNew ? null : names.summary,
    decisionsFile: nothingNew ? null : names.decisions,
    reportSuffix: names.suffix,
    message: runMessage(request, written, previousRun, nothingNew),
    notes: tally.notes,
    warnings: outcome.warnings,
  };
  if (summary.decisionsFile === null || summary.summaryFile === null) removeQuietly(files.decisionLogPath);
  else
    await publication.publishRecord(
      files.decisionLogPath,
      summary.decisionsFile,
      summary.summaryFile,
      `${JSON.stringify(summary, null, 2)}\n`,
    );
  publication.writeGoFiles();
  await crashPoint("after-go-files");
  await publication.markWritten();
  for (const f of written) log.info(`wrote ${f.fileName} (${f.forms} ${f.formType} forms)${request.dryRun ? "" : ` and ${f.goFileName}`}`);
  if (runId !== null) await deps.decisions.remember(runId, request.environment, summary.finishedAt, files.remembered.records());
  await files.closeSpools();
  if (runId !== null) await completeRun(deps, place, summary);
  log.info(summary.message);
  return summary;
}

function runMessage(
  request: MonthlyRunRequest,
  written: readonly WrittenFile[],
  previousRun: { id: number; finishedAt: string | null } | null,
  nothingNew: boolean,
): string {
  const { runMonth, environment } = request;
  if (nothingNew)
    return `month ${runMonth} (${environment}) was already run (run ${previousRun!.id}, finished ${previousRun!.finishedAt}): nothing new to declare, no file written`;
  const declared = written.reduce((n, f) => n + f.forms, 0);
  return (
    `month ${runMonth} (${environment}): ${declared} forms declared in ${written.length} file(s)` +
    (previousRun ? ` (month already run before as run ${previousRun.id}; these are the declarations not made then)` : "")
  );
}

async function completeRun(deps: MonthlyRunDependencies, place: RunPlace, summary: RunSummary): Promise<void> {
  const runId = place.runId!;
  const files = summary.files.map((f) => f.fileName);
  const declared = summary.files.reduce((n, f) => n + f.forms, 0);
  await place.audit({
    event: "run-completed",
    runId,
    month: summary.runMonth,
    environment: summary.environment,
    detail: { files, persons: summary.persons.considered, declared, message: summary.message },
  });
  await deps.runs.complete(runId, summary.finishedAt, storedRunSummary(summary), summary.message);
}

/**
 * After a failure: before the GO files everything is taken back and the run is marked failed ("nothing
 * written" is then the truth); after them the files stay and the error says so (PublishedRunError).
 * The state is brought as far as it goes: when it is what failed, the next run's recovery settles it.
 */
async function failRun(
  error: unknown,
  place: RunPlace,
  files: RunFiles,
  publication: Publication,
  deps: MonthlyRunDependencies,
): Promise<unknown> {
  const settled = await publication.settleFailure(error, messageOf(error));
  await files.abandon();
  const message = publication.isOut ? messageOf(settled) : `run failed, nothing published: ${messageOf(error)}`;
  place.log.error(message);
  if (place.runId !== null) {
    const { runId, runMonth, environment } = place;
    await deps.runs.fail(runId, brusselsTime(deps.clock.now()).iso, message).catch(() => undefined);
    await place
      .audit({
        event: "run-failed",
        runId,
        month: runMonth,
        environment,
        detail: { message, published: publication.isOut ? publication.written().map((f) => f.fileName) : [] },
      })
      .catch(() => undefined);
  }
  return settled;
}
