/**
 * The one way the batch channel is used — by `easr channel send` / `fetch` and the scheduler: under the
 * run lock (a run publishing or taking files back, or an ingest, must not meet a send half-way), one
 * login on the channel for the whole command.
 */
import { existsSync, readdirSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { fetchAnswers, type FetchSummary } from "../channel/fetch-answers";
import { type IngestSummary, ingestAnswers } from "../channel/ingest";
import { sendFiles, type SendSummary } from "../channel/send-files";
import type { ChannelWork } from "../channel/channel-work";
import { ChannelSession } from "../channel/transport/channel-session";
import type { ChannelSettings } from "../channel/transport/channel-settings";
import { type AppConfig, ConfigError } from "../config/load-config";
import { brusselsTime, type Clock } from "../util/brussels-clock";
import { crashPoint } from "./crash-points";
import { openStateContext, type StateContext } from "./run-context";

export interface ChannelDependencies {
  readonly config: AppConfig;
  readonly clock: Clock;
  /** Who acts (audit trail): a user name, or `scheduler`. */
  readonly actor: string;
  /** Told each line as it happens. */
  readonly say: (line: string) => void;
}

/** The folder the fetched answers go to, and are ingested from. */
export function answersFolderOf(config: AppConfig): string {
  return join(config.outDir, "answers");
}

function channelOf(config: AppConfig): ChannelSettings {
  if (config.channel === null) throw new ConfigError("no batch channel is configured: set EASR_CHANNEL_URL (see `easr config`)");
  return config.channel;
}

/** Opens the state under the run lock and one channel session, hands the work its ChannelWork, closes both. */
async function withChannel<T>(
  deps: ChannelDependencies,
  doing: string,
  work: (channel: ChannelWork, context: StateContext) => Promise<T>,
): Promise<T> {
  const settings = channelOf(deps.config);
  const context = await openStateContext(deps.config, {
    runLock: { waitSeconds: deps.config.lockWaitSeconds, holder: `${deps.actor} ${doing}` },
    existing: true,
  });
  const session = new ChannelSession(settings);
  const host = hostname();
  const channel: ChannelWork = {
    environment: deps.config.environment,
    address: settings.address,
    session,
    retry: settings.retry,
    state: context.channel,
    audit: (event) => context.audit.append({ ...event, at: brusselsTime(deps.clock.now()).iso, actor: deps.actor, host }),
    clock: deps.clock,
    say: deps.say,
  };
  try {
    return await work(channel, context);
  } finally {
    try {
      await session.close();
    } finally {
      await context.close();
    }
  }
}

export interface SendOptions {
  readonly only?: readonly string[];
  /** With `only`: send these again although their GO file may have gone before. */
  readonly resend?: boolean;
  /** With `only`: record these as sent by other means; send nothing. */
  readonly markSent?: boolean;
  readonly dryRun?: boolean;
}

/** Sends every written file of the environment that is not on the channel yet (send-files.ts). */
export function sendToChannel(options: SendOptions, deps: ChannelDependencies): Promise<SendSummary> {
  const { config } = deps;
  return withChannel(deps, "channel send", (channel) =>
    sendFiles({
      ...channel,
      requireSignature: config.environment === "R",
      only: options.only,
      dryRun: options.dryRun,
      resend: options.resend,
      markSent: options.markSent,
      at: (point) => crashPoint(`after-channel-${point}`),
    }),
  );
}

export interface FetchOutcome {
  readonly fetch: FetchSummary;
  /** The ingest of what was fetched now; null when nothing new came (or `ingest` was false). */
  readonly ingest: IngestSummary | null;
}

/**
 * What the ingest after a fetch reads: the answers fetched and never ingested (this fetch's, and those of a
 * fetch that ended before its ingest), and answers placed in the folder but never recorded (a fetch that
 * ended between the two). The rest of the folder was ingested before and is not read again.
 */
async function answersToIngest(context: StateContext, environment: string, answersDir: string): Promise<string[]> {
  const fetched = await context.channel.fetchedNotIngested(environment, answersDir);
  const recorded = await context.channel.recordedNames(environment);
  const unrecorded = existsSync(answersDir)
    ? readdirSync(answersDir, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.startsWith("FO.") && !recorded.has(e.name))
        .map((e) => e.name)
    : [];
  return [...fetched, ...unrecorded];
}

/** Fetches the environment's new answers into `<out>/answers/` and ingests them (fetch-answers.ts). */
export function fetchFromChannel(options: { readonly ingest?: boolean }, deps: ChannelDependencies): Promise<FetchOutcome> {
  const { config } = deps;
  const answersDir = answersFolderOf(config);
  return withChannel(deps, "channel fetch", async (channel, context) => {
    const fetch = await fetchAnswers({ ...channel, answersDir, trusted: config.answerCertificates });
    const toIngest = await answersToIngest(context, config.environment, answersDir);
    if (options.ingest === false || toIngest.length === 0) return { fetch, ingest: null };
    const ingest = await ingestAnswers({
      dir: answersDir,
      environment: config.environment,
      state: context,
      clock: deps.clock,
      actor: deps.actor,
      host: hostname(),
      only: toIngest,
    });
    return { fetch, ingest };
  });
}
