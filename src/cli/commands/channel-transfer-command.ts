/**
 * `easr channel send` and `easr channel fetch`: the real batch channel (EASR_CHANNEL_URL). Each prints
 * what it did, file by file, and a closing line; exit 0 when all went, 1 when the channel stopped it or a
 * file could not be sent or an answer was not applied (the lines say which and why).
 */
import type { Command } from "commander";
import type { FetchSummary } from "../../channel/fetch-answers";
import type { SendSummary } from "../../channel/send-files";
import { type AppConfig, loadConfig } from "../../config/load-config";
import { type FetchOutcome, fetchFromChannel, type SendOptions, sendToChannel } from "../../run/channel-service";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { userName } from "../user-name";
import { ingestSummaryLines } from "./ingest-command";

/** A channel command that did not do all it should: its lines are printed; this is the closing message. */
export class ChannelIncompleteError extends Error {
  override readonly name: string = "ChannelIncompleteError";
}

export interface ChannelTransferOptions {
  db?: string;
  out?: string;
  env?: string;
}

export interface ChannelSendOptions extends ChannelTransferOptions {
  file?: string[];
  dryRun?: boolean;
  resend?: boolean;
  markSent?: boolean;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function sendSummaryLines(summary: SendSummary, dryRun: boolean): string[] {
  const lines: string[] = [];
  if (dryRun) {
    lines.push(`would send ${plural(summary.planned.length, "file")} to ${summary.folder} on ${summary.channel}`);
    for (const name of summary.planned) lines.push(`  ${name}`);
  } else {
    const again = summary.resent.length > 0 ? ` (${summary.resent.length} again, after a send that did not finish)` : "";
    lines.push(`sent ${plural(summary.sent.length, "file")} to ${summary.folder} on ${summary.channel}${again}`);
  }
  if (summary.marked.length > 0) lines.push(`recorded as sent by other means: ${plural(summary.marked.length, "file")}`);
  if (summary.skipped.length > 0) lines.push(`not sent: ${plural(summary.skipped.length, "file")} (named above)`);
  if (summary.failure) lines.push(`stopped: ${summary.failure}; ${plural(summary.left, "file")} left for the next send`);
  return lines;
}

export async function channelSendCommand(
  options: ChannelSendOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SendSummary> {
  const config = loadConfig(env, { databaseUrl: options.db, outDir: options.out, environment: options.env });
  const only = options.file && options.file.length > 0 ? options.file : undefined;
  if (options.resend && only === undefined) throw new UsageError("--resend sends again only the files named with --file");
  if (options.markSent && only === undefined) throw new UsageError("--mark-sent records only the files named with --file");
  if (options.markSent && options.resend) throw new UsageError("--mark-sent sends nothing: not with --resend");
  return sendAndPrint(config, io, userName(), {
    only,
    dryRun: options.dryRun === true,
    resend: options.resend === true,
    markSent: options.markSent === true,
  });
}

/** Sends through the channel service and prints what it did; throws ChannelIncompleteError when not all went. */
export async function sendAndPrint(config: AppConfig, io: CliIo, actor: string, options: SendOptions = {}): Promise<SendSummary> {
  const summary = await sendToChannel(options, { config, clock: config.clock, actor, say: (line) => io.out(line) });
  for (const name of options.only ?? [])
    if (![...summary.sent, ...summary.planned, ...summary.marked].includes(name) && !summary.skipped.some((s) => s.fileName === name))
      io.err(`warning: --file ${name}: no written file of that name waits to be sent in ${config.environment}`);
  for (const line of sendSummaryLines(summary, options.dryRun === true)) io.out(line);
  if (summary.failure || summary.skipped.length > 0)
    throw new ChannelIncompleteError(
      summary.failure
        ? `the send stopped: ${summary.failure}`
        : `${plural(summary.skipped.length, "file")} not sent: ${summary.skipped.map((s) => `${s.fileName}: ${s.reason}`).join("; ")}`,
    );
  return summary;
}

export function fetchSummaryLines(summary: FetchSummary): string[] {
  const lines = [
    `fetched ${plural(summary.fetched.length, "answer file")} from ${summary.folder} on ${summary.channel} into ${summary.answersDir}` +
      `; ${summary.alreadyFetched} fetched before, ${summary.waiting.length} waiting for their GO file`,
  ];
  if (summary.refused.length > 0)
    lines.push(`NOT applied: ${plural(summary.refused.length, "answer file")} (signature), kept in ${summary.answersDir}/refused`);
  if (summary.duplicates.length > 0)
    lines.push(`kept aside: ${plural(summary.duplicates.length, "answer file")} with the content of one fetched before`);
  if (summary.notHandled.length > 0)
    lines.push(
      `left on the channel: ${plural(summary.notHandled.length, "file")} that are no answer this adapter reads (${summary.notHandled.slice(0, 3).join(", ")}${summary.notHandled.length > 3 ? ", …" : ""})`,
    );
  if (summary.failure) lines.push(`stopped: ${summary.failure}`);
  return lines;
}

export async function channelFetchCommand(
  options: ChannelTransferOptions & { ingest?: boolean },
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FetchOutcome> {
  const config = loadConfig(env, { databaseUrl: options.db, outDir: options.out, environment: options.env });
  return fetchAndPrint(config, io, userName(), options.ingest !== false);
}

/** Fetches (and ingests) through the channel service and prints what it did; throws ChannelIncompleteError when not all was applied. */
export async function fetchAndPrint(config: AppConfig, io: CliIo, actor: string, ingest = true): Promise<FetchOutcome> {
  const outcome = await fetchFromChannel({ ingest }, { config, clock: config.clock, actor, say: (line) => io.out(line) });
  for (const line of fetchSummaryLines(outcome.fetch)) io.out(line);
  if (outcome.ingest) for (const line of ingestSummaryLines(outcome.ingest)) io.out(line);
  const { fetch } = outcome;
  if (fetch.failure || fetch.refused.length > 0)
    throw new ChannelIncompleteError(
      fetch.failure
        ? `the fetch stopped: ${fetch.failure}`
        : `${plural(fetch.refused.length, "answer file")} not applied: ${fetch.refused.map((r) => `${r.fileName}: ${r.detail}`).join("; ")}`,
    );
  return outcome;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerChannelTransferCommands(channel: Command, io: CliIo): void {
  const common = (command: Command) =>
    command
      .option("--db <url>", "database URL (default EASR_DB_URL; the state in EASR_STATE_DB_URL or the same database)")
      .option("--out <folder>", "the output folder (default EASR_OUT_DIR)")
      .option("--env <T|R>", "the environment (default EASR_ENVIRONMENT): R uses IN and OUT, T INTEST and OUTTEST");
  common(
    channel
      .command("send")
      .description(
        "put every written declaration file not yet sent on the channel (EASR_CHANNEL_URL): FI, its FS signature, then GO, into IN (R) or INTEST (T); safe to repeat and to interrupt",
      ),
  )
    .option("--file <FI name>", "only this file; repeatable", collect, [])
    .option("--dry-run", "list what would be sent; send nothing")
    .option(
      "--mark-sent",
      "with --file: record these as sent by other means (put on the channel by hand before the adapter sent any); send nothing",
    )
    .option(
      "--resend",
      "with --file: send these again although their GO file may have reached the transfer point before (only when no receipt came)",
    )
    .action(async (options: ChannelSendOptions) => {
      await channelSendCommand(options, io);
    });
  common(
    channel
      .command("fetch")
      .description(
        "take the new answers from the channel's OUT (R) or OUTTEST (T) into <out>/answers, checking their signatures with EASR_ANSWER_CERT, and ingest them",
      ),
  )
    .option("--no-ingest", "fetch only; ingest later with easr ingest --dir <out>/answers")
    .action(async (options: ChannelTransferOptions & { ingest?: boolean }) => {
      await channelFetchCommand(options, io);
    });
}
