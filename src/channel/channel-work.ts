/**
 * What a send or a fetch works with: the environment, the channel and one login on it, the retry
 * policy, the state's channel tables, the audit trail, the clock, and where to say what happens.
 * The channel service (src/run/channel-service.ts) makes one per command.
 */
import type { Environment } from "../files/batch-file-name";
import type { AuditEvent } from "../state/audit-repository";
import type { ChannelRepository } from "../state/channel-repository";
import type { Clock } from "../util/brussels-clock";
import type { ChannelAddress } from "./transport/channel-address";
import { type RetryPolicy, withRetries } from "./transport/channel-failure";
import type { ChannelSession } from "./transport/channel-session";
import type { ChannelTransport } from "./transport/channel-transport";

/** An audit row's event, detail and environment: when, who and where are added by the service. */
export type ChannelAudit = (event: Omit<AuditEvent, "at" | "actor" | "host">) => Promise<void>;

export interface ChannelWork {
  readonly environment: Environment;
  readonly address: ChannelAddress;
  readonly session: ChannelSession;
  readonly retry: RetryPolicy;
  readonly state: ChannelRepository;
  readonly audit: ChannelAudit;
  readonly clock: Clock;
  /** Said as it goes: one line per file, retries. */
  readonly say: (line: string) => void;
}

/** One step on the channel, tried again on a fresh login while the connection breaks (withRetries), each retry said. */
export function onChannel<T>(work: ChannelWork, doing: string, step: (transport: ChannelTransport) => Promise<T>): Promise<T> {
  return withRetries(
    work.retry,
    doing,
    async () => step(await work.session.transport()),
    (failure, waitMs) => {
      work.session.reset();
      work.say(`  ${failure.message}; trying again in ${Math.round(waitMs / 1000)} s`);
    },
  );
}
