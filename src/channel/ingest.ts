/**
 * `easr ingest`: reads the batch channel's answers from a folder and records them.
 *
 * Every file named `FO.…` or `….xml` is a candidate; its root element says what it is (`ACRF` or
 * `NOTIFICATION`). File receipts go first, then the notifications kept pending by an earlier ingest
 * whose file has had its receipt since, then the new notifications, each in name order, so that a
 * form's file is received before its notification is applied. A notification that arrives before its
 * file's receipt is kept pending and applied by the ingest that finds the file received.
 *
 * Each file is read as a stream, validated against its official XSD chunk by chunk and recorded in
 * one transaction (src/channel/answer-stream.ts, src/channel/answer-recording.ts): memory stays flat
 * whatever the file's size. A file that is not well-formed, has a DOCTYPE, breaks its XSD anywhere or
 * cannot be read is reported as invalid by name and skipped, never recorded, and the other files go on.
 * A valid file is recorded once; the same content again (its SHA-256, computed first) changes nothing.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { parseBatchFileName } from "../files/batch-file-name";
import { brusselsTime, type Clock } from "../util/brussels-clock";
import { maskInszInText } from "../util/insz-masking";
import { projectRoot } from "../util/project-root";
import { type AnswerKind, AnswerFormatError, answerKindOfRoot, decodeXml, rootElementOf } from "./answer-parser";
import { type AnswerResult, type AnswerState, applyPendingAnswers, recordAnswerFile } from "./answer-recording";
import { fileSha256, readAnswerChunks } from "./answer-stream";

export interface IngestRequest {
  readonly dir: string;
  readonly environment: "T" | "R";
  /** Where the answers are recorded. */
  readonly state: AnswerState;
  readonly clock: Clock;
  /** Who ingests, on which host (audit trail). */
  readonly actor: string;
  readonly host: string;
  /** Only these files of the folder (those just fetched from the channel); all when absent. */
  readonly only?: readonly string[];
}

export interface InvalidAnswerFile {
  readonly fileName: string;
  /** Why it was skipped: the first XSD errors (INSZ masked), or what the file is not. */
  readonly errors: readonly string[];
}

export interface UnmatchedAnswer {
  readonly fileName: string;
  /** 1-based position of the answer (Form) in its file. */
  readonly index: number;
  readonly kind: AnswerKind;
  readonly answeredFileName: string | null;
  readonly reason: string;
  readonly illegalTransition: boolean;
}

export interface IngestSummary {
  readonly dir: string;
  readonly environment: "T" | "R";
  /** Answer files recorded now, in the order they were ingested. */
  readonly ingested: string[];
  /** Answer files recorded before (same content), with the name and time they were recorded under. */
  readonly alreadyIngested: { readonly fileName: string; readonly earlierFileName: string; readonly ingestedAt: string }[];
  readonly invalid: InvalidAnswerFile[];
  /** Files in the folder that are no answer candidates (GO., FS. and other files). */
  readonly ignored: number;
  readonly receipts: { ok: number; rejected: number };
  /** Rejected batch files and the ACRF error ids. */
  readonly rejectedFiles: { readonly fileName: string; readonly errorIds: readonly string[] }[];
  readonly forms: { accepted: number; acceptedWithWarnings: number; refused: number };
  /** Declarations retired by an accepted modification (superseded) or cancellation (cancelled). */
  readonly retired: { superseded: number; cancelled: number };
  /** Anomalies of the notifications ingested, by error id and class, e.g. `00024-003 B` → 1. */
  readonly anomalies: Record<string, number>;
  /** Answers kept unmatched: the first {@link MAX_LISTED} (all are in easr_answer), and how many in all. */
  readonly unmatched: UnmatchedAnswer[];
  unmatchedCount: number;
  illegalTransitions: number;
  /** Notifications whose file has no receipt yet. */
  readonly pending: {
    /** Kept pending by this ingest. */
    keptNow: number;
    /** Kept pending by an earlier ingest, applied (or found unmatched) now that their file is answered. */
    appliedNow: number;
    /** Pending in this environment after this ingest. */
    waiting: number;
    /** The first {@link MAX_LISTED} kept now, with why. */
    readonly listed: UnmatchedAnswer[];
  };
}

/** Answers listed one by one in the summary, per list: the rest are counted (and kept in easr_answer). */
export const MAX_LISTED = 100;

/** Bytes read to find a file's root element (the prolog of an answer file is short). */
const HEAD_BYTES = 64 * 1024;

interface ZoneLabelEntry {
  readonly xmlLabel: string;
  readonly title: string;
}

const zoneLabels = new Map<"WECH" | "ZIMA", Readonly<Record<string, ZoneLabelEntry>>>();

function labelsOf(purpose: "WECH" | "ZIMA"): Readonly<Record<string, ZoneLabelEntry>> {
  let labels = zoneLabels.get(purpose);
  if (!labels) {
    const file = purpose === "ZIMA" ? "zima-zone-labels.json" : "wech-zone-labels.json";
    labels = (JSON.parse(readFileSync(join(projectRoot(), "schemas", file), "utf8")) as { codes: Record<string, ZoneLabelEntry> }).codes;
    zoneLabels.set(purpose, labels);
  }
  return labels;
}

/**
 * The label of the zone or block an error id names (its first five digits, domain.md rule 55), from
 * the glossary of the answered file's sector — `schemas/wech-zone-labels.json` or
 * `schemas/zima-zone-labels.json` (generated by schemas/tools/build-wech-zone-labels.ts):
 * `00024-003` → `INSS (IDENTIFICATIENUMMER BIJ DE SOCIALE ZEKERHEID - INSZ)`. When the answer does not
 * name its file, the WECH glossaries are asked first, then the ZIMA ones. Null for codes neither describes.
 */
export function zoneLabelOf(errorId: string, answeredFileName: string | null = null): string | null {
  const code = /^(\d{5})-/.exec(errorId.trim())?.[1];
  if (code === undefined) return null;
  const purpose = answeredFileName === null ? null : (parseBatchFileName(answeredFileName)?.purpose ?? null);
  const entry = purpose !== null ? labelsOf(purpose)[code] : (labelsOf("WECH")[code] ?? labelsOf("ZIMA")[code]);
  return entry ? `${entry.xmlLabel} (${entry.title})` : null;
}

/** Is this file name an answer candidate: `FO.…` (an answer of the channel) or any `….xml`? */
export function isAnswerCandidate(fileName: string): boolean {
  return fileName.startsWith("FO.") || fileName.toLowerCase().endsWith(".xml");
}

function readHead(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return decodeXml(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** The answer files of a folder by kind, each list in name order; and what is not one. */
function classify(
  dir: string,
  only: readonly string[] | undefined,
): { files: { fileName: string; kind: AnswerKind }[]; invalid: InvalidAnswerFile[]; ignored: number } {
  const wanted = only === undefined ? null : new Set(only);
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && (wanted === null || wanted.has(entry.name)))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byKind: Record<AnswerKind, string[]> = { ACRF: [], NOTI: [] };
  const invalid: InvalidAnswerFile[] = [];
  let ignored = 0;
  for (const fileName of entries) {
    if (!isAnswerCandidate(fileName)) {
      ignored++;
      continue;
    }
    let root: string | null;
    try {
      root = rootElementOf(readHead(join(dir, fileName)));
    } catch (error) {
      invalid.push({ fileName, errors: [error instanceof Error ? error.message : String(error)] });
      continue;
    }
    const kind = root === null ? null : answerKindOfRoot(root);
    if (kind === null) {
      invalid.push({
        fileName,
        errors: [root === null ? "no XML root element found" : `not an ACRF or NOTIFICATION document (root element ${root})`],
      });
      continue;
    }
    byKind[kind].push(fileName);
  }
  const files = [
    ...byKind.ACRF.map((fileName) => ({ fileName, kind: "ACRF" as const })),
    ...byKind.NOTI.map((fileName) => ({ fileName, kind: "NOTI" as const })),
  ];
  return { files, invalid, ignored };
}

function tally(summary: IngestSummary, fileName: string, result: AnswerResult): void {
  if (result.status !== "matched") {
    const listed: UnmatchedAnswer = {
      fileName,
      index: result.index,
      kind: result.kind,
      answeredFileName: result.answeredFileName,
      reason: result.reason ?? result.status,
      illegalTransition: result.illegalTransition,
    };
    if (result.status === "pending") {
      summary.pending.keptNow++;
      if (summary.pending.listed.length < MAX_LISTED) summary.pending.listed.push(listed);
    } else {
      summary.unmatchedCount++;
      if (result.illegalTransition) summary.illegalTransitions++;
      if (summary.unmatched.length < MAX_LISTED) summary.unmatched.push(listed);
    }
  } else if (result.outcome === "received") summary.receipts.ok++;
  else if (result.outcome === "rejected") {
    summary.receipts.rejected++;
    summary.rejectedFiles.push({ fileName: result.answeredFileName ?? "", errorIds: result.errorIds });
  } else if (result.outcome === "accepted") summary.forms.accepted++;
  else if (result.outcome === "accepted-with-warnings") summary.forms.acceptedWithWarnings++;
  else if (result.outcome === "refused") summary.forms.refused++;
  if (result.replaced) summary.retired[result.replaced.status]++;
  for (const anomaly of result.anomalies) {
    const key = `${anomaly.errorId} ${anomaly.anomalyClass}`;
    summary.anomalies[key] = (summary.anomalies[key] ?? 0) + 1;
  }
}

/** The parts of the summary that the answers of one file add to: restored when the file rolls back. */
type Tallied = Pick<
  IngestSummary,
  "receipts" | "rejectedFiles" | "forms" | "retired" | "anomalies" | "unmatched" | "unmatchedCount" | "illegalTransitions" | "pending"
>;

function talliedOf(summary: IngestSummary): Tallied {
  const { receipts, rejectedFiles, forms, retired, anomalies, unmatched, unmatchedCount, illegalTransitions, pending } = summary;
  return structuredClone({ receipts, rejectedFiles, forms, retired, anomalies, unmatched, unmatchedCount, illegalTransitions, pending });
}

/** Reads, validates and records one answer file; an invalid one is reported by name and leaves nothing. */
async function ingestFile(
  request: IngestRequest,
  summary: IngestSummary,
  fileName: string,
  kind: AnswerKind,
  ingestedAt: string,
): Promise<void> {
  const path = join(request.dir, fileName);
  const before = talliedOf(summary);
  try {
    const sha256 = await fileSha256(path).catch((error: unknown) => {
      throw new AnswerFormatError(`cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    });
    const earlier = await request.state.answers.ingestedAs(sha256);
    const result = earlier
      ? { status: "already-ingested" as const, earlierFileName: earlier.fileName, ingestedAt: earlier.ingestedAt }
      : await recordAnswerFile(request.state, {
          kind,
          fileName,
          sha256,
          environment: request.environment,
          ingestedAt,
          answers: readAnswerChunks(path, kind, { expectedSha256: sha256 }),
          onAnswer: (answer) => tally(summary, fileName, answer),
          zoneLabel: zoneLabelOf,
          actor: request.actor,
          host: request.host,
        });
    if (result.status === "already-ingested")
      summary.alreadyIngested.push({ fileName, earlierFileName: result.earlierFileName, ingestedAt: result.ingestedAt });
    else summary.ingested.push(fileName);
  } catch (error) {
    if (!(error instanceof AnswerFormatError)) throw error;
    Object.assign(summary, before);
    summary.invalid.push({ fileName, errors: [maskInszInText(error.message)] });
  }
}

/** Ingests every answer file of `request.dir`; returns what happened (printed by `easr ingest`). */
export async function ingestAnswers(request: IngestRequest): Promise<IngestSummary> {
  const { files, invalid, ignored } = classify(request.dir, request.only);
  const summary: IngestSummary = {
    dir: request.dir,
    environment: request.environment,
    ingested: [],
    alreadyIngested: [],
    invalid,
    ignored,
    receipts: { ok: 0, rejected: 0 },
    rejectedFiles: [],
    forms: { accepted: 0, acceptedWithWarnings: 0, refused: 0 },
    retired: { superseded: 0, cancelled: 0 },
    anomalies: {},
    unmatched: [],
    unmatchedCount: 0,
    illegalTransitions: 0,
    pending: { keptNow: 0, appliedNow: 0, waiting: 0, listed: [] },
  };
  const ingestedAt = brusselsTime(request.clock.now()).iso;
  const receipts = files.filter((file) => file.kind === "ACRF");
  const notifications = files.filter((file) => file.kind === "NOTI");
  for (const { fileName, kind } of receipts) await ingestFile(request, summary, fileName, kind, ingestedAt);
  // The notifications kept earlier whose file is answered now, before the new ones (they came first).
  const pending = await applyPendingAnswers(request.state, {
    environment: request.environment,
    ingestedAt,
    actor: request.actor,
    host: request.host,
    onAnswer: (fileName, answer) => tally(summary, fileName, answer),
  });
  summary.pending.appliedNow = pending.applied + pending.unmatched;
  for (const { fileName, kind } of notifications) await ingestFile(request, summary, fileName, kind, ingestedAt);
  summary.pending.waiting = await request.state.answers.pendingCount(request.environment);
  return summary;
}
