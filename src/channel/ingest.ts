/**
 * `easr ingest`: reads the batch channel's answers from a folder and records them (issue 5, item 1).
 *
 * Every file named `FO.…` or `….xml` is a candidate; its root element says what it is (`ACRF` or
 * `NOTIFICATION`). File receipts go first, then notifications, each in name order, so that a form's file
 * is received before its notification is applied. Each file is validated against its official XSD: an
 * invalid one is reported and skipped, never recorded. A valid one is recorded once, with every answer
 * in it (src/state/answer-repository.ts); the same file again changes nothing.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { loadXsd } from "../files/xsd-validator";
import type { AnswerRepository, AnswerResult } from "../state/answer-repository";
import { brusselsTime, type Clock } from "../util/brussels-clock";
import { maskInszInText } from "../util/insz-masking";
import { projectRoot } from "../util/project-root";
import { ANSWER_XSD, type AnswerKind, AnswerFormatError, answerKindOfRoot, decodeXml, parseAnswerDocument, rootElementOf } from "./answer-parser";

export interface IngestRequest {
  readonly dir: string;
  readonly environment: "T" | "R";
  readonly answers: AnswerRepository;
  readonly clock: Clock;
  /** Who ingests, on which host (audit trail). */
  readonly actor: string;
  readonly host: string;
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
  readonly unmatched: UnmatchedAnswer[];
}

/** Bytes read to find a file's root element (the prolog of an answer file is short). */
const HEAD_BYTES = 64 * 1024;

/** At most this many XSD errors are kept per invalid file. */
const MAX_REPORTED_ERRORS = 5;

interface ZoneLabelEntry {
  readonly xmlLabel: string;
  readonly title: string;
}

let zoneLabels: Readonly<Record<string, ZoneLabelEntry>> | undefined;

/**
 * The label of the zone or block an error id names (its first five digits, domain.md rule 55), from
 * `schemas/wech-zone-labels.json` (generated from the WECH glossaries by schemas/tools/build-wech-zone-labels.ts):
 * `00024-003` → `INSS (IDENTIFICATIENUMMER BIJ DE SOCIALE ZEKERHEID - INSZ)`. Null for codes the WECH
 * glossaries do not describe.
 */
export function zoneLabelOf(errorId: string): string | null {
  const code = /^(\d{5})-/.exec(errorId.trim())?.[1];
  if (code === undefined) return null;
  zoneLabels ??= (JSON.parse(readFileSync(join(projectRoot(), "schemas", "wech-zone-labels.json"), "utf8")) as { codes: Record<string, ZoneLabelEntry> }).codes;
  const entry = zoneLabels[code];
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
function classify(dir: string): { files: { fileName: string; kind: AnswerKind }[]; invalid: InvalidAnswerFile[]; ignored: number } {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
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
      invalid.push({ fileName, errors: [root === null ? "no XML root element found" : `not an ACRF or NOTIFICATION document (root element ${root})`] });
      continue;
    }
    byKind[kind].push(fileName);
  }
  const files = [...byKind.ACRF.map((fileName) => ({ fileName, kind: "ACRF" as const })), ...byKind.NOTI.map((fileName) => ({ fileName, kind: "NOTI" as const }))];
  return { files, invalid, ignored };
}

function tally(summary: IngestSummary, fileName: string, result: AnswerResult): void {
  if (result.status === "unmatched") {
    summary.unmatched.push({
      fileName,
      index: result.index,
      kind: result.kind,
      answeredFileName: result.answeredFileName,
      reason: result.reason ?? "unmatched",
      illegalTransition: result.illegalTransition,
    });
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

/** Ingests every answer file of `request.dir`; returns what happened (printed by `easr ingest`). */
export async function ingestAnswers(request: IngestRequest): Promise<IngestSummary> {
  const { files, invalid, ignored } = classify(request.dir);
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
  };
  for (const { fileName, kind } of files) {
    const path = join(request.dir, fileName);
    const schema = await loadXsd(ANSWER_XSD[kind]);
    const validation = await schema.validateFile(path);
    if (!validation.valid) {
      const errors = validation.errors.slice(0, MAX_REPORTED_ERRORS).map((e) => maskInszInText(`line ${e.line}: ${e.message}`));
      summary.invalid.push({ fileName, errors: errors.length > 0 ? errors : [`not valid against ${schema.name}`] });
      continue;
    }
    const bytes = readFileSync(path);
    let document;
    try {
      document = parseAnswerDocument(decodeXml(bytes));
    } catch (error) {
      if (!(error instanceof AnswerFormatError)) throw error;
      summary.invalid.push({ fileName, errors: [maskInszInText(error.message)] });
      continue;
    }
    const result = await request.answers.ingestFile({
      kind: document.kind,
      fileName,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      environment: request.environment,
      ingestedAt: brusselsTime(request.clock.now()).iso,
      answers: document.answers,
      zoneLabel: zoneLabelOf,
      actor: request.actor,
      host: request.host,
    });
    if (result.status === "already-ingested") {
      summary.alreadyIngested.push({ fileName, earlierFileName: result.earlierFileName, ingestedAt: result.ingestedAt });
      continue;
    }
    summary.ingested.push(fileName);
    for (const answer of result.answers) tally(summary, fileName, answer);
  }
  return summary;
}
