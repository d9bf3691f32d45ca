/**
 * The answer side of `npm run bench` and of the tests of large answers: a state
 * database holding batch files of synthetic WECH006 declarations, and a NOTIFICATION answering them
 * written as a stream to any size (the channel's layout: one indented zone a line, about 1.5 KB a form).
 * Form n (1-based, file by file, in sequence order) is accepted with ticket `34` + n, with a warning
 * anomaly every `warnEvery` forms and refused (with a blocking anomaly) every `refuseEvery` forms.
 */
import { copyFileSync, createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { inszHash } from "../../src/domain/insz-hash";
import { declarationFileName, goFileName } from "../../src/files/batch-file-name";
import { insertRows } from "../../src/state/bulk-insert";
import { BatchFileRow, DeclarationRow } from "../../src/state/entities";
import { openStateDatabase } from "../../src/state/state-database";
import { probedEnvironment, probeOf, runChild } from "./measure";
import { syntheticInsz } from "./synthetic-population";

export interface AnsweredFiles {
  /** Batch files, each of `formsPerFile` WECH006 declarations (sequence numbers 1 … formsPerFile). */
  readonly files: number;
  readonly formsPerFile: number;
  /** Received: the files have their receipt (ACRF), the declarations wait for their notification; else just written. */
  readonly received: boolean;
  /** The first file's sequence number in its name (files follow on). */
  readonly firstSequence?: number;
}

export interface NotificationShape {
  /** A warning (class W) on every n-th form (0: none); such a form is accepted with warnings. */
  readonly warnEvery: number;
  /** A refusal (ResultCode 0, class B) on every n-th form (0: none); it wins over the warning. */
  readonly refuseEvery: number;
}

const SENDER = "900123";
const CREATION_DATE = "20180401";
/** The declarations' form stamp, echoed by the notifications. */
const FORM_DATE = "2018-04-01";
const FORM_HOUR = "10:00:00.000";
const ENVIRONMENT = "T";

/** The FI and GO names of file `index` (0-based) of a set. */
export function answeredFileNames(set: AnsweredFiles, index: number): { fileName: string; goFileName: string } {
  const identity = {
    purpose: "WECH" as const,
    sender: SENDER,
    creationDate: CREATION_DATE,
    sequence: (set.firstSequence ?? 1) + index,
    environment: ENVIRONMENT as "T",
  };
  return { fileName: declarationFileName(identity), goFileName: goFileName(identity) };
}

/** The person of form `n` (1-based over the whole set): staff id and INSZ. */
function personOf(set: AnsweredFiles, n: number): { staffId: number; insz: string } {
  const staffId = ((set.firstSequence ?? 1) - 1) * set.formsPerFile + n;
  return { staffId, insz: syntheticInsz(staffId, n % 2 === 0 ? "F" : "M").insz };
}

/** Writes the set's batch files and declarations into the state database at `url` (migrated first). */
export async function seedAnsweredFiles(url: string, set: AnsweredFiles): Promise<void> {
  const { dataSource, lock } = await openStateDatabase(url);
  try {
    await dataSource.transaction(async (manager) => {
      await insertRows(
        manager,
        BatchFileRow,
        Array.from({ length: set.files }, (_, index) => ({
          runId: 1,
          formType: "WECH006",
          purpose: "WECH",
          ...answeredFileNames(set, index),
          sender: SENDER,
          creationDate: CREATION_DATE,
          sequence: (set.firstSequence ?? 1) + index,
          environment: ENVIRONMENT,
          formCount: set.formsPerFile,
          sha256: "0".repeat(64),
          status: set.received ? "received" : "written",
          createdAt: `${FORM_DATE}T${FORM_HOUR}+02:00`,
        })),
      );
      const files = await manager
        .getRepository(BatchFileRow)
        .find({ where: { sender: SENDER, creationDate: CREATION_DATE, environment: ENVIRONMENT } });
      const idOf = new Map(files.map((file) => [Number(file.sequence), Number(file.id)]));
      for (let index = 0; index < set.files; index++) {
        await insertRows(manager, DeclarationRow, declarationsOf(set, index, idOf.get((set.firstSequence ?? 1) + index)!));
      }
    });
  } finally {
    await lock?.release();
    await dataSource.destroy();
  }
}

function* declarationsOf(set: AnsweredFiles, index: number, fileId: number): Generator<Partial<DeclarationRow>> {
  for (let sequenceNbr = 1; sequenceNbr <= set.formsPerFile; sequenceNbr++) {
    const person = personOf(set, index * set.formsPerFile + sequenceNbr);
    yield {
      runId: 1,
      fileId,
      formType: "WECH006",
      environment: ENVIRONMENT,
      staffId: person.staffId,
      assignmentId: person.staffId,
      referencePeriod: "2018-03",
      sequenceNbr,
      attestationStatus: 0,
      contentHash: "0".repeat(64),
      status: set.received ? "file-received" : "written",
      createdAt: `${FORM_DATE}T${FORM_HOUR}+02:00`,
      inszHash: inszHash(person.insz),
    };
  }
}

/** The outcome the notification gives form `n`. */
export function notifiedOutcome(shape: NotificationShape, n: number): "accepted" | "accepted-with-warnings" | "refused" {
  if (shape.refuseEvery > 0 && n % shape.refuseEvery === 0) return "refused";
  if (shape.warnEvery > 0 && n % shape.warnEvery === 0) return "accepted-with-warnings";
  return "accepted";
}

/** The ticket the notification gives form `n`. */
export function ticketOf(n: number): string {
  return `34${String(n).padStart(11, "0")}`;
}

const line = (depth: number, name: string, value: string | number): string => `${"    ".repeat(depth)}<${name}>${value}</${name}>\n`;
const open = (depth: number, name: string): string => `${"    ".repeat(depth)}<${name}>\n`;
const close = (depth: number, name: string): string => `${"    ".repeat(depth)}</${name}>\n`;

/** The worker's zones, as in WorkerRecordIdentification and (with Trusteeship) an anomaly's Path. */
function workerZones(depth: number, sequenceNbr: number, insz: string, trusteeship: boolean): string {
  return (
    line(depth, "NOSSRegistrationNbr", "156065072") +
    (trusteeship ? line(depth, "Trusteeship", 0) : "") +
    line(depth, "CompanyID", "0400253292") +
    line(depth, "NaturalPersonSequenceNbr", sequenceNbr) +
    line(depth, "INSS", insz) +
    line(depth, "EmployerClass", "010") +
    line(depth, "WorkerCode", "015")
  );
}

function anomalyXml(errorId: string, tag: string, value: string, anomalyClass: "W" | "B", sequenceNbr: number, insz: string): string {
  return (
    open(3, "AnomalyReport") +
    line(4, "ErrorID", errorId) +
    line(4, "TagName", tag) +
    line(4, "Value", value) +
    line(4, "AnomalyClass", anomalyClass) +
    open(4, "AnomalyLocation") +
    line(5, "Location", "1,1,8,4,13,1") +
    close(4, "AnomalyLocation") +
    open(4, "Path") +
    workerZones(5, sequenceNbr, insz, true) +
    close(4, "Path") +
    close(3, "AnomalyReport")
  );
}

/** The notification of form `n` of the set (1-based over the whole set). */
export function notificationFormXml(set: AnsweredFiles, shape: NotificationShape, n: number): string {
  const index = Math.floor((n - 1) / set.formsPerFile);
  const sequenceNbr = n - index * set.formsPerFile;
  const { insz } = personOf(set, n);
  const outcome = notifiedOutcome(shape, n);
  const anomaly =
    outcome === "refused"
      ? anomalyXml("00046-008", "JointCommissionNbr", "999", "B", sequenceNbr, insz)
      : outcome === "accepted-with-warnings"
        ? anomalyXml("00044-278", "OccupationStartingDate", "2017-09-01", "W", sequenceNbr, insz)
        : "";
  return (
    open(1, "Form") +
    line(2, "Identification", "NOTI001") +
    line(2, "FormCreationDate", "2018-04-02") +
    line(2, "FormCreationHour", "08:15:00.000") +
    line(2, "AttestationStatus", 0) +
    line(2, "TypeForm", "FA") +
    open(2, "FileReference") +
    line(3, "FileName", answeredFileNames(set, index).goFileName) +
    line(3, "ReferenceOrigin", 2) +
    close(2, "FileReference") +
    open(2, "HandledOriginalForm") +
    line(3, "Identification", "WECH006") +
    line(3, "FormCreationDate", FORM_DATE) +
    line(3, "FormCreationHour", FORM_HOUR) +
    line(3, "AttestationStatus", 0) +
    line(3, "TypeForm", "SU") +
    close(2, "HandledOriginalForm") +
    open(2, "EmployerId") +
    line(3, "NOSSRegistrationNbr", "70500472") +
    line(3, "CompanyID", "400767772") +
    close(2, "EmployerId") +
    open(2, "HandledReference") +
    line(3, "ReferenceType", 1) +
    line(3, "ReferenceOrigin", 2) +
    (outcome === "refused" ? "" : line(3, "ReferenceNbr", ticketOf(n))) +
    close(2, "HandledReference") +
    open(2, "WorkerRecordIdentification") +
    workerZones(3, sequenceNbr, insz, false) +
    close(2, "WorkerRecordIdentification") +
    open(2, "HandlingResult") +
    line(3, "ResultCode", outcome === "refused" ? 0 : 1) +
    anomaly +
    close(2, "HandlingResult") +
    close(1, "Form")
  );
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<NOTIFICATION xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n';
const TAIL = "</NOTIFICATION>\n";

/** How many forms a notification of about `bytes` bytes holds, of this shape (its first 1000 forms measured). */
export function formsForBytes(set: AnsweredFiles, shape: NotificationShape, bytes: number): number {
  let sample = 0;
  for (let n = 1; n <= 1000; n++) sample += Buffer.byteLength(notificationFormXml(set, shape, n));
  return Math.max(1, Math.round((bytes - HEAD.length - TAIL.length) / (sample / 1000)));
}

/** Writes, as a stream, a NOTIFICATION answering forms `first` … `last` of the set; returns its size in bytes. */
export async function writeNotification(
  path: string,
  set: AnsweredFiles,
  shape: NotificationShape,
  first: number,
  last: number,
): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write(HEAD);
  let batch = "";
  for (let n = first; n <= last; n++) {
    batch += notificationFormXml(set, shape, n);
    if (batch.length > 256 * 1024) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch + TAIL);
  out.end();
  await once(out, "finish");
  return bytes;
}

/** One `easr ingest` of a generated notification, measured from outside. */
export interface AnswerMeasurement {
  readonly megabytes: number;
  readonly forms: number;
  /** Whether the summary printed the forms' outcomes as the shape says. */
  readonly outcomesAsGenerated: boolean;
  readonly generatedSeconds: number | null;
  readonly wallSeconds: number;
  readonly maxRssMb: number | null;
  readonly exitCode: number | null;
  readonly outputTail: string;
}

/** The shape of the bench's notification: a warning every 7th form, a refusal every 11th. */
export const BENCH_SHAPE: NotificationShape = { warnEvery: 7, refuseEvery: 11 };
const BENCH_FORMS_PER_FILE = 10_000;

/**
 * A notification of about `megabytes` MB answering the declarations of a fresh state database, made
 * once and cached under `dataDir` (the answer file and the seeded state), then `bin/easr.js ingest` in a
 * fresh child process on a copy of that state: wall time, peak RSS (rss-probe.js), the summary checked.
 */
export async function measureAnswerIngest(request: {
  readonly megabytes: number;
  readonly dataDir: string;
  readonly workDir: string;
  readonly projectRoot: string;
  readonly probe: string;
}): Promise<AnswerMeasurement> {
  const cache = join(request.dataDir, `answer-${request.megabytes}mb`);
  const seeded = join(cache, "state.sqlite");
  const answers = join(cache, "answers");
  const answerFile = join(answers, "FO.NOTI.999999.20180402.00001.T");
  const forms = formsForBytes({ files: 1, formsPerFile: BENCH_FORMS_PER_FILE, received: true }, BENCH_SHAPE, request.megabytes * 1e6);
  const set: AnsweredFiles = { files: Math.ceil(forms / BENCH_FORMS_PER_FILE), formsPerFile: BENCH_FORMS_PER_FILE, received: true };
  let generatedSeconds: number | null = null;
  if (!existsSync(join(cache, "complete"))) {
    const started = process.hrtime.bigint();
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(answers, { recursive: true });
    await seedAnsweredFiles(`sqlite:${seeded}`, set);
    await writeNotification(answerFile, set, BENCH_SHAPE, 1, forms);
    writeFileSync(join(cache, "complete"), `${forms}\n`);
    generatedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  mkdirSync(request.workDir, { recursive: true });
  const state = join(request.workDir, "state.sqlite");
  copyFileSync(seeded, state);
  const rssFile = join(request.workDir, "rss.json");
  const bin = join(request.projectRoot, "bin", "easr.js");
  const env = probedEnvironment(request.probe, rssFile);
  const child = await runChild(bin, ["ingest", "--dir", answers, "--db", `sqlite:${state}`, "--env", "T"], {
    cwd: request.projectRoot,
    env,
  });
  const outcomes = { accepted: 0, "accepted-with-warnings": 0, refused: 0 };
  for (let n = 1; n <= forms; n++) outcomes[notifiedOutcome(BENCH_SHAPE, n)]++;
  const expected = `forms     ${forms} = accepted ${outcomes.accepted} + with warnings ${outcomes["accepted-with-warnings"]} + refused ${outcomes.refused}`;
  return {
    megabytes: statSync(answerFile).size / 1e6,
    forms,
    outcomesAsGenerated: child.output.includes(expected),
    generatedSeconds,
    wallSeconds: child.wallSeconds,
    maxRssMb: probeOf(rssFile).maxRssMb,
    exitCode: child.code,
    outputTail: child.output.split("\n").slice(-12).join("\n"),
  };
}
