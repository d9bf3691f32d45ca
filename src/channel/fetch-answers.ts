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
import { chmodSync, closeSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type * as pkijs from "pkijs";
import { temporaryPathFor, writeFileAtomically } from "../files/atomic-file";
import { currentFileModes, makeDirectory, openPrivateFile } from "../files/file-modes";
import type { FetchSignature } from "../state/channel-repository";
import { brusselsTime } from "../util/brussels-clock";
import { type AnswerSignatureStatus, looksLikeXml, openAnswer } from "./answer-signature";
import { fileSha256 } from "./answer-stream";
import { answerFolder, channelPath } from "./transport/channel-address";
import { ChannelFailure } from "./transport/channel-failure";
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
      if (!name.startsWith("FO.")) {
        if (!/^(GO|FS)\./.test(name)) summary.notHandled.push(name);
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

/** Gets a remote file into a private temporary file beside `finalPath`; returns the temporary path. */
async function download(request: FetchRequest, remotePath: string, finalPath: string): Promise<string> {
  const temp = temporaryPathFor(finalPath);
  closeSync(openPrivateFile(temp));
  await onChannel(request, `getting ${remotePath}`, (transport) => transport.download(remotePath, temp));
  chmodSync(temp, currentFileModes().file);
  return temp;
}

async function fetchOne(request: FetchRequest, folder: string, name: string, hasDetached: boolean, summary: FetchSummary): Promise<void> {
  const { answersDir, environment } = request;
  const finalPath = join(answersDir, name);
  const temp = await download(request, `${folder}/${name}`, finalPath);
  let signatureTemp: string | null = null;
  try {
    const sha256 = await fileSha256(temp);
    const size = statSync(temp).size;
    const sameAs = await request.state.sameContent(environment, sha256, name);
    if (hasDetached) signatureTemp = await download(request, `${folder}/${companions(name).fs}`, join(answersDir, companions(name).fs));
    const opened = await openFetched(request, temp, signatureTemp);
    const refused = opened.status === "bad" || opened.status === "unsigned";
    let localPath: string;
    if (refused) {
      makeDirectory(join(answersDir, REFUSED_FOLDER));
      localPath = join(answersDir, REFUSED_FOLDER, name);
      renameSync(temp, localPath);
      if (signatureTemp) renameSync(signatureTemp, join(answersDir, REFUSED_FOLDER, companions(name).fs));
      summary.refused.push({ fileName: name, signature: opened.status, detail: opened.detail });
      request.say(`  ${name}: NOT applied: ${opened.detail}; kept in ${localPath}`);
    } else if (sameAs !== null) {
      makeDirectory(join(answersDir, REFUSED_FOLDER));
      localPath = join(answersDir, REFUSED_FOLDER, name);
      renameSync(temp, localPath);
      summary.duplicates.push({ fileName: name, sameAs });
      request.say(`  ${name}: the same content as ${sameAs}, fetched before: not ingested again`);
    } else {
      localPath = finalPath;
      if (opened.content === null) renameSync(temp, finalPath);
      else {
        makeDirectory(join(answersDir, SIGNED_FOLDER));
        renameSync(temp, join(answersDir, SIGNED_FOLDER, name));
        writeFileAtomically(finalPath, opened.content);
      }
      summary.fetched.push({ fileName: name, signature: opened.status });
      request.say(`  ${name} -> ${finalPath} (signature ${opened.status})`);
    }
    const signature: FetchSignature = opened.status;
    await request.state.recordFetch({
      fileName: name,
      environment,
      sha256,
      size,
      signature,
      localPath,
      fetchedAt: brusselsTime(request.clock.now()).iso,
    });
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
