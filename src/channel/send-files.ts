/**
 * `easr channel send`: puts every written declaration file of the environment not yet on the channel
 * into its IN (R) or INTEST (T) folder — the FI file, its FS signature file, then the empty GO file that
 * tells the transfer point the submission is complete.
 *
 * Never half, never twice. The state (easr_channel_transfer) says `sending` before the first byte goes,
 * `go-putting` just before the GO file is put, and `sent` once it is there; before the GO file, the sizes
 * on the channel are held against the local files.
 * - A file left `sending` (a kill, a broken connection before its GO file) is sent again whole: FI and FS
 *   put again over what is there, then GO. The transfer point takes nothing of a file without its GO file.
 * - A file left `go-putting` whose GO file is on the channel is recorded as sent. One whose GO file is not
 *   there may still have reached the transfer point (which takes the files away): it is not sent again by
 *   itself — a second copy of a name would be refused, and that refusal could be taken for the answer to
 *   the first. It is named, and the operator sends it again (`--file NAME --resend`) once it is clear that
 *   no receipt comes.
 *
 * What is sent is what was published: a file whose bytes are no longer the recorded SHA-256, or that lacks
 * its FS file where a signature is required (R), is not sent and is named; the other files go on. A
 * failure of the channel itself (refused login, missing folder, full disk) stops the send; an interrupted
 * connection is tried again with back-off.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { signatureFileNameOf } from "../files/batch-file-name";
import type { FileToSend } from "../state/channel-repository";
import { brusselsTime } from "../util/brussels-clock";
import { fileSha256 } from "./answer-stream";
import { type ChannelWork, onChannel } from "./channel-work";
import { channelPath, sendFolder } from "./transport/channel-address";
import { ChannelFailure } from "./transport/channel-failure";
import type { ChannelTransport } from "./transport/channel-transport";

/** Where a send may be stopped by the crash tests: after the FI file is put, after `go-putting` is recorded, after the GO file is put. */
export type SendPoint = "declaration-put" | "go-marked" | "go-put";

export interface SendRequest extends ChannelWork {
  /** R: a file without its FS file is not sent. */
  readonly requireSignature: boolean;
  /** Only these FI files (by name); all when absent. */
  readonly only?: readonly string[];
  /** With `only`: send these again although their GO file may have gone before. */
  readonly resend?: boolean;
  /** List what would be sent; send nothing. */
  readonly dryRun?: boolean;
  /** With `only`: record these as sent by other means (put on the channel by hand before); send nothing. */
  readonly markSent?: boolean;
  /** Test hook: runs at each point of a file's send (a kill there). */
  readonly at?: (point: SendPoint) => Promise<void>;
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
  /** Recorded as sent by other means (`markSent`). */
  readonly marked: string[];
  /** Not sent, with why. */
  readonly skipped: { readonly fileName: string; readonly reason: string }[];
  /** The channel failure that stopped the send, if one did. */
  failure?: string;
  /** Files left unsent because the send stopped. */
  left: number;
}

/** A file whose GO file may have reached the transfer point: not sent again by itself. */
class UncertainGo extends ChannelFailure {
  constructor(fileName: string) {
    super(
      "other",
      `its GO file was being put when an earlier send stopped and is not on the channel now: the transfer point may have taken the file. ` +
        `Not sent again by itself; once it is clear no receipt comes for it, send it again: easr channel send --file ${fileName} --resend`,
    );
  }
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
  const summary: SendSummary = { channel: address.display, folder, sent: [], resent: [], planned: [], marked: [], skipped: [], left: 0 };
  const wanted = request.only ? new Set(request.only) : null;
  const files = (await request.state.filesToSend(environment)).filter((f) => wanted === null || wanted.has(f.fileName));
  if (request.markSent && wanted !== null) return markSentByHand(request, files, summary);
  try {
    await onChannel(request, `looking for ${folder}`, (transport) => transport.checkFolder(folder));
  } catch (error) {
    if (!(error instanceof ChannelFailure)) throw error;
    summary.failure = error.message;
    summary.left = files.length;
    return summary;
  }
  for (const [index, file] of files.entries()) {
    try {
      await sendListed(request, folder, file, summary);
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
  }
  return summary;
}

/**
 * Files put on the channel by other means before the adapter sent any (the go-live): recorded as sent,
 * audited with who said so, so that no send puts them again.
 */
async function markSentByHand(request: SendRequest, files: readonly FileToSend[], summary: SendSummary): Promise<SendSummary> {
  const at = brusselsTime(request.clock.now()).iso;
  for (const file of files) {
    await request.state.startSending(file, request.environment, "sent by other means", at);
    await request.state.markSent(file.fileId, at);
    await request.audit({ event: "channel-file-marked-sent", environment: request.environment, detail: { file: file.fileName } });
    summary.marked.push(file.fileName);
    request.say(`  ${file.fileName}: recorded as sent by other means`);
  }
  return summary;
}

function skip(request: SendRequest, summary: SendSummary, fileName: string, reason: string): void {
  summary.skipped.push({ fileName, reason });
  request.say(`  ${fileName}: not sent: ${reason}`);
}

/** One file of the list: checked, then planned (dry run), skipped with why, or sent. */
async function sendListed(request: SendRequest, folder: string, file: FileToSend, summary: SendSummary): Promise<void> {
  const local = await localFilesOf(file, request.requireSignature);
  if (typeof local === "string") return skip(request, summary, file.fileName, local);
  if (request.dryRun) {
    summary.planned.push(file.fileName);
    return;
  }
  const resend = request.resend === true && request.only?.includes(file.fileName) === true;
  try {
    await sendOne(request, folder, file, local, resend);
  } catch (error) {
    if (error instanceof UncertainGo) return skip(request, summary, file.fileName, error.message);
    throw error;
  }
  summary.sent.push(file.fileName);
  if (file.attempts > 0) summary.resent.push(file.fileName);
}

/** One file: FI, FS, sizes checked, GO; the state before, between and after. */
async function sendOne(request: SendRequest, folder: string, file: FileToSend, local: LocalFiles, resend: boolean): Promise<void> {
  const { address, environment } = request;
  const now = () => brusselsTime(request.clock.now()).iso;
  const fsName = local.fs === null ? null : signatureFileNameOf(file.fileName);
  let attempts = file.attempts;
  let goMayHaveGone = file.transferStatus === "go-putting" && !resend;
  await onChannel(request, `sending ${file.fileName} to ${address.display}`, async (transport) => {
    if (attempts > 0 && (await transport.list(folder)).some((f) => f.name === file.goFileName)) {
      request.say(`  ${file.fileName}: its GO file is on the channel already (an earlier send ended after it)`);
      return;
    }
    if (goMayHaveGone) throw new UncertainGo(file.fileName);
    await request.state.startSending(file, environment, address.display, now());
    attempts++;
    await transport.upload(local.fi, `${folder}/${file.fileName}`);
    await request.at?.("declaration-put");
    if (local.fs !== null && fsName !== null) await transport.upload(local.fs, `${folder}/${fsName}`);
    await checkSizes(transport, folder, [
      [file.fileName, statSync(local.fi).size],
      ...(local.fs !== null && fsName !== null ? [[fsName, statSync(local.fs).size] as [string, number]] : []),
    ]);
    await request.state.markGoPutting(file.fileId);
    goMayHaveGone = true;
    await request.at?.("go-marked");
    await transport.uploadEmpty(`${folder}/${file.goFileName}`);
    await request.at?.("go-put");
  });
  await request.state.markSent(file.fileId, now());
  await request.audit({
    event: "channel-file-sent",
    environment,
    detail: { file: file.fileName, signature: fsName, go: file.goFileName, channel: address.display, folder, attempt: attempts, resend },
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
