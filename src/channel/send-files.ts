/**
 * `easr channel send`: puts every written declaration file of the environment not yet on the channel
 * into its IN (R) or INTEST (T) folder — the FI file, its FS signature file, then the empty GO file that
 * tells the transfer point the submission is complete.
 *
 * Never half: the state records a file as `sending` before its first byte goes, and as `sent` only once
 * its GO file is on the channel. Before the GO file, the sizes on the channel are held against the local
 * files. A file left `sending` (a kill, a broken connection) is sent again whole by the next send: FI and
 * FS put again over what is there, then GO — unless its GO file is already on the channel (the kill came
 * after it), when it is recorded as sent. The transfer point takes nothing of a file before its GO file,
 * and refuses a name it has had before, so a file is never taken twice.
 *
 * What is sent is what was published: a file whose bytes are no longer the recorded SHA-256, or that lacks
 * its FS file where a signature is required (R), is not sent and is named; the other files go on. A
 * failure of the channel itself (refused login, missing folder, full disk) stops the send; an
 * interrupted connection is tried again with back-off.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { signatureFileNameOf } from "../files/batch-file-name";
import type { FileToSend } from "../state/channel-repository";
import { brusselsTime } from "../util/brussels-clock";
import { fileSha256 } from "./answer-stream";
import { channelPath, sendFolder } from "./transport/channel-address";
import { ChannelFailure } from "./transport/channel-failure";
import type { ChannelTransport } from "./transport/channel-transport";
import { type ChannelWork, onChannel } from "./channel-work";

export interface SendRequest extends ChannelWork {
  /** R: a file without its FS file is not sent. */
  readonly requireSignature: boolean;
  /** Only these FI files (by name); all when absent. */
  readonly only?: readonly string[];
  /** List what would be sent; send nothing. */
  readonly dryRun?: boolean;
  /** Test hook: runs after the FI file is put and before its FS and GO files (a kill there). */
  readonly afterDeclarationPut?: () => Promise<void>;
}

export interface SendSummary {
  readonly channel: string;
  readonly folder: string;
  /** Sent now, in order (a file found already complete on the channel counts here too). */
  readonly sent: string[];
  /** Of those, the ones sent again after an earlier attempt that did not finish. */
  readonly resent: string[];
  /** Would be sent (dry run). */
  readonly planned: string[];
  /** Not sent, with why (the file itself is the problem). */
  readonly skipped: { readonly fileName: string; readonly reason: string }[];
  /** The channel failure that stopped the send, if one did. */
  failure?: string;
  /** Files left unsent because the send stopped. */
  left: number;
}

interface LocalFiles {
  readonly fi: string;
  readonly fs: string | null;
}

/** The local FI and FS files of a file to send, or why it cannot be sent. */
async function localFilesOf(file: FileToSend, requireSignature: boolean): Promise<LocalFiles | string> {
  if (file.directory === null) return "the state records no folder for it";
  const fi = join(file.directory, file.fileName);
  if (!existsSync(fi)) return `${fi} is missing`;
  const sha256 = await fileSha256(fi);
  if (sha256 !== file.sha256) return `${fi} is not the file that was published (its SHA-256 differs): it is not sent`;
  const fs = join(file.directory, signatureFileNameOf(file.fileName));
  if (existsSync(fs)) return { fi, fs };
  if (requireSignature) return `its signature file ${fs} is missing: an R file goes signed (EASR_SIGNING_CERT)`;
  return { fi, fs: null };
}

export async function sendFiles(request: SendRequest): Promise<SendSummary> {
  const { address, environment } = request;
  const folder = channelPath(address, sendFolder(environment));
  const summary: SendSummary = { channel: address.display, folder, sent: [], resent: [], planned: [], skipped: [], left: 0 };
  try {
    await onChannel(request, `looking for ${folder}`, (transport) => transport.checkFolder(folder));
  } catch (error) {
    if (!(error instanceof ChannelFailure)) throw error;
    summary.failure = error.message;
    summary.left = (await request.state.filesToSend(environment)).length;
    return summary;
  }
  let files = await request.state.filesToSend(environment);
  if (request.only) {
    const wanted = new Set(request.only);
    files = files.filter((f) => wanted.has(f.fileName));
  }
  for (const [index, file] of files.entries()) {
    const local = await localFilesOf(file, request.requireSignature);
    if (typeof local === "string") {
      summary.skipped.push({ fileName: file.fileName, reason: local });
      request.say(`  ${file.fileName}: not sent: ${local}`);
      continue;
    }
    if (request.dryRun) {
      summary.planned.push(file.fileName);
      continue;
    }
    try {
      await sendOne(request, folder, file, local);
    } catch (error) {
      if (!(error instanceof ChannelFailure)) throw error;
      summary.failure = error.message;
      summary.left = files.length - index;
      await request.audit({
        event: "channel-send-stopped",
        environment,
        detail: { file: file.fileName, channel: address.display, problem: error.message },
      });
      return summary;
    }
    summary.sent.push(file.fileName);
    if (file.attempts > 0) summary.resent.push(file.fileName);
  }
  return summary;
}

/** One file: FI, FS, sizes checked, GO; the state before and after. */
async function sendOne(request: SendRequest, folder: string, file: FileToSend, local: LocalFiles): Promise<void> {
  const { address, environment } = request;
  const now = () => brusselsTime(request.clock.now()).iso;
  const fsName = local.fs === null ? null : signatureFileNameOf(file.fileName);
  let attempts = file.attempts;
  await onChannel(request, `sending ${file.fileName} to ${address.display}`, async (transport) => {
    if (attempts > 0 && (await transport.list(folder)).some((f) => f.name === file.goFileName)) {
      request.say(`  ${file.fileName}: its GO file is on the channel already (an earlier send ended after it)`);
      return;
    }
    await request.state.startSending(file, environment, address.display, now());
    attempts++;
    await transport.upload(local.fi, `${folder}/${file.fileName}`);
    await request.afterDeclarationPut?.();
    if (local.fs !== null && fsName !== null) await transport.upload(local.fs, `${folder}/${fsName}`);
    await checkSizes(transport, folder, [
      [file.fileName, statSync(local.fi).size],
      ...(local.fs !== null && fsName !== null ? [[fsName, statSync(local.fs).size] as [string, number]] : []),
    ]);
    await transport.uploadEmpty(`${folder}/${file.goFileName}`);
  });
  await request.state.markSent(file.fileId, now());
  await request.audit({
    event: "channel-file-sent",
    environment,
    detail: { file: file.fileName, signature: fsName, go: file.goFileName, channel: address.display, folder, attempt: attempts },
  });
  request.say(`  ${file.fileName}${fsName ? " + FS" : ""} + GO -> ${folder}`);
}

/** The files on the channel have the local sizes: a cut-off put does not get its GO file. */
async function checkSizes(transport: ChannelTransport, folder: string, expected: [string, number][]): Promise<void> {
  const there = new Map((await transport.list(folder)).map((f) => [f.name, f.size]));
  for (const [name, size] of expected) {
    const remote = there.get(name);
    if (remote !== size)
      throw new ChannelFailure(
        "interrupted",
        `${folder}/${name} is ${remote === undefined ? "not there" : `${remote} bytes`} after putting ${size}: put again`,
      );
  }
}
