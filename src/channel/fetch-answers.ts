/**
 * `easr channel fetch`: takes the new answers of the environment from the channel's OUT (R) or OUTTEST
 * (T) folder into `<out>/answers/`, to be ingested.
 *
 * An answer (`FO.…`) is taken once its GO file is beside it (the channel writes it last), and once only:
 * the state keeps every name fetched, and a file whose content (SHA-256) came before under another name
 * is kept aside, not ingested twice. Each file arrives under a temporary name with the private file mode
 * and becomes the answer only when complete.
 *
 * Signatures (answer-signature.ts): with EASR_ANSWER_CERT, an answer whose signature does not verify, or
 * that has none, goes to `answers/refused/`, is reported and audited, and is not applied. An enveloping
 * answer's XML is what is ingested; the signed original is kept in `answers/signed/`.
 */
import { createHash } from "node:crypto";
import { chmodSync, closeSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type * as pkijs from "pkijs";
import { temporaryPathFor, writeFileAtomically } from "../files/atomic-file";
import { currentFileModes, makeDirectory, openPrivateFile } from "../files/file-modes";
import { brusselsTime } from "../util/brussels-clock";
import { type AnswerSignatureStatus, looksLikeXml, openAnswer } from "./answer-signature";
import { fileSha256 } from "./answer-stream";
import { answerFolder, channelPath } from "./transport/channel-address";
import { ChannelFailure, localFailure } from "./transport/channel-failure";
import { type ChannelWork, onChannel } from "./channel-work";

export const REFUSED_FOLDER = "refused";
export const SIGNED_FOLDER = "signed";

export interface FetchRequest extends ChannelWork {
  /** `<out>/answers`. */
  readonly answersDir: string;
  /** EASR_ANSWER_CERT's certificates; null: signatures are not checked. */
  readonly trusted: pkijs.Certificate[] | null;
}

export interface FetchSummary {
  readonly channel: string;
  readonly folder: string;
  readonly answersDir: string;
  /** Placed in the answers folder now, to be ingested. */
  readonly fetched: { readonly fileName: string; readonly signature: AnswerSignatureStatus }[];
  /** Not applied: bad or missing signature. */
  readonly refused: { readonly fileName: string; readonly signature: AnswerSignatureStatus; readonly detail: string }[];
  /** The same content as an answer fetched before under another name: kept aside, not ingested again. */
  readonly duplicates: { readonly fileName: string; readonly sameAs: string }[];
  /** Answers whose GO file is not there yet. */
  readonly waiting: string[];
  /** Files of the folder that are no answer this adapter reads (compressed CO. files and others). */
  readonly notHandled: string[];
  alreadyFetched: number;
  failure?: string;
}

/**
 * The names taken from the channel: an answer `FO.` and its `GO.` and `FS.` files, of plain characters
 * only — a name from the server never leads out of the answers folder (no `/`, no `..` alone) and fits
 * the state's column. Anything else is left on the channel and listed.
 */
const ANSWER_NAME = /^FO\.[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}$/;
const COMPANION_NAME = /^(GO|FS)\.[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}$/;

/** The GO and FS names of an answer `FO.<rest>`. */
function companions(fileName: string): { go: string; fs: string } {
  const rest = fileName.slice(3);
  return { go: `GO.${rest}`, fs: `FS.${rest}` };
}

export async function fetchAnswers(request: FetchRequest): Promise<FetchSummary> {
  const { address, environment, answersDir } = request;
  const folder = channelPath(address, answerFolder(environment));
  const summary: FetchSummary = {
    channel: address.display,
    folder,
    answersDir,
    fetched: [],
    refused: [],
    duplicates: [],
    waiting: [],
    notHandled: [],
    alreadyFetched: 0,
  };
  try {
    await onChannel(request, `looking for ${folder}`, (transport) => transport.checkFolder(folder));
    const listed = await onChannel(request, `listing ${folder}`, (transport) => transport.list(folder));
    const names = new Set(listed.map((f) => f.name));
    const fetchedBefore = await request.state.fetchedNames(environment);
    makeDirectory(answersDir);
    for (const name of [...names].sort()) {
      if (!ANSWER_NAME.test(name)) {
        if (!COMPANION_NAME.test(name)) summary.notHandled.push(name);
        continue;
      }
      if (fetchedBefore.has(name)) summary.alreadyFetched++;
      else if (!names.has(companions(name).go)) summary.waiting.push(name);
      else await fetchOne(request, folder, name, names.has(companions(name).fs), summary);
    }
  } catch (error) {
    if (!(error instanceof ChannelFailure)) throw error;
    summary.failure = error.message;
    await request.audit({ event: "channel-fetch-stopped", environment, detail: { channel: address.display, problem: error.message } });
  }
  return summary;
}

/**
 * Gets a remote file into a private temporary file beside `finalPath`; returns the temporary path. A
 * failure (the local disk full, the connection gone) leaves no temporary file behind.
 */
async function download(request: FetchRequest, remotePath: string, finalPath: string): Promise<string> {
  const temp = temporaryPathFor(finalPath);
  try {
    closeSync(openPrivateFile(temp));
    await onChannel(request, `getting ${remotePath}`, (transport) => transport.download(remotePath, temp));
    chmodSync(temp, currentFileModes().file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw localFailure(error, `getting ${remotePath} into ${temp}`);
  }
  return temp;
}

async function fetchOne(request: FetchRequest, folder: string, name: string, hasDetached: boolean, summary: FetchSummary): Promise<void> {
  const { answersDir, environment } = request;
  const temp = await download(request, `${folder}/${name}`, join(answersDir, name));
  let signatureTemp: string | null = null;
  try {
    const sha256 = await fileSha256(temp);
    const size = statSync(temp).size;
    if (hasDetached) signatureTemp = await download(request, `${folder}/${companions(name).fs}`, join(answersDir, companions(name).fs));
    const opened = await openFetched(request, temp, signatureTemp);
    const refused = opened.status === "bad" || opened.status === "unsigned";
    const sameAs = refused ? null : await request.state.sameContent(environment, sha256, name);
    const placed = refused
      ? keepRefused(request, name, temp, signatureTemp, opened, summary)
      : sameAs !== null
        ? keepDuplicate(request, name, temp, sameAs, summary)
        : await place(request, name, temp, opened, sha256, summary);
    const fetchedAt = brusselsTime(request.clock.now()).iso;
    await request.state.recordFetch({ fileName: name, environment, sha256, size, signature: opened.status, ...placed, fetchedAt });
    await request.audit({
      event: refused ? "channel-answer-refused" : "channel-answer-fetched",
      environment,
      detail: {
        file: name,
        sha256,
        signature: opened.status,
        ...(refused ? { problem: opened.detail } : {}),
        ...(sameAs ? { sameAs } : {}),
      },
    });
  } finally {
    rmSync(temp, { force: true });
    if (signatureTemp) rmSync(signatureTemp, { force: true });
  }
}

interface Placed {
  readonly localPath: string;
  readonly contentSha256: string | null;
}

type Opened = Awaited<ReturnType<typeof openFetched>>;

/** A bad or missing signature: the answer (and its FS file) kept in refused/, not applied. */
function keepRefused(
  request: FetchRequest,
  name: string,
  temp: string,
  signatureTemp: string | null,
  opened: Opened,
  summary: FetchSummary,
): Placed {
  const folder = join(request.answersDir, REFUSED_FOLDER);
  makeDirectory(folder);
  renameSync(temp, join(folder, name));
  if (signatureTemp) renameSync(signatureTemp, join(folder, companions(name).fs));
  summary.refused.push({ fileName: name, signature: opened.status, detail: opened.detail });
  request.say(`  ${name}: NOT applied: ${opened.detail}; kept in ${join(folder, name)}`);
  return { localPath: join(folder, name), contentSha256: null };
}

/** The content of an answer fetched before under another name: kept aside, not ingested twice. */
function keepDuplicate(request: FetchRequest, name: string, temp: string, sameAs: string, summary: FetchSummary): Placed {
  const folder = join(request.answersDir, REFUSED_FOLDER);
  makeDirectory(folder);
  renameSync(temp, join(folder, name));
  summary.duplicates.push({ fileName: name, sameAs });
  request.say(`  ${name}: the same content as ${sameAs}, fetched before: not ingested again`);
  return { localPath: join(folder, name), contentSha256: null };
}

/** The answer placed in the answers folder to be ingested: the file itself, or an enveloping answer's XML (the signed original kept in signed/). */
async function place(
  request: FetchRequest,
  name: string,
  temp: string,
  opened: Opened,
  sha256: string,
  summary: FetchSummary,
): Promise<Placed> {
  const finalPath = join(request.answersDir, name);
  let contentSha256 = sha256;
  if (opened.content === null) renameSync(temp, finalPath);
  else {
    makeDirectory(join(request.answersDir, SIGNED_FOLDER));
    renameSync(temp, join(request.answersDir, SIGNED_FOLDER, name));
    writeFileAtomically(finalPath, opened.content);
    contentSha256 = createHash("sha256").update(opened.content).digest("hex");
  }
  summary.fetched.push({ fileName: name, signature: opened.status });
  request.say(`  ${name} -> ${finalPath} (signature ${opened.status})`);
  return { localPath: finalPath, contentSha256 };
}

/**
 * The answer's signature status, and its XML when that is not the file as fetched (enveloping). A plain
 * answer with nothing to check is not read into memory.
 */
async function openFetched(
  request: FetchRequest,
  path: string,
  signaturePath: string | null,
): Promise<{ status: AnswerSignatureStatus; detail: string; content: Buffer | null }> {
  const head = readHead(path);
  if (looksLikeXml(head) && (request.trusted === null || signaturePath === null)) {
    const opened = await openAnswer(head, null, request.trusted);
    return { status: opened.status, detail: opened.detail, content: null };
  }
  const bytes = readFileSync(path);
  const opened = await openAnswer(bytes, signaturePath === null ? null : readFileSync(signaturePath), request.trusted);
  return { status: opened.status, detail: opened.detail, content: looksLikeXml(bytes) ? null : opened.content };
}

/** The first bytes of a file: enough to tell XML from a signature. */
function readHead(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(64);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}
