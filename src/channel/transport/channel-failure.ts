/**
 * What went wrong on the channel, in words an operator can act on. The SFTP and FTP libraries report
 * failures each in their own way (ssh2: SFTP status codes 2 no such file, 3 permission denied, 4
 * failure, and the authentication level; basic-ftp: the FTP reply code); `channelFailureOf` sorts them
 * into a few kinds. Only an interrupted or unreachable connection is worth trying again: a refused
 * login, a missing folder or a full disk stays so until someone acts.
 */
export type ChannelFailureKind =
  "login-refused" | "host-key" | "missing-folder" | "permission" | "disk-full" | "unreachable" | "interrupted" | "other";

export class ChannelFailure extends Error {
  override readonly name = "ChannelFailure";
  constructor(
    readonly kind: ChannelFailureKind,
    message: string,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === "unreachable" || this.kind === "interrupted";
  }
}

const ADVICE: Record<ChannelFailureKind, string> = {
  "login-refused": "the channel refused the login: check the user in EASR_CHANNEL_URL and EASR_CHANNEL_PASSWORD or EASR_CHANNEL_KEY",
  "host-key": "the server's host key is not the one in EASR_CHANNEL_HOST_KEY: do not send until the agency's IT has checked the server",
  "missing-folder": "the channel has no such folder: check the folder of EASR_CHANNEL_URL (it holds IN, OUT, INTEST and OUTTEST)",
  permission: "the account may not do this on the channel: ask for the account's rights",
  "disk-full": "no space left: free space (the channel's account, or the local answers folder) and try again",
  unreachable: "the channel could not be reached",
  interrupted: "the connection to the channel broke off",
  other: "the channel refused",
};

interface LibraryError {
  readonly message?: string;
  readonly code?: string | number;
  readonly level?: string;
}

/**
 * A failure of the local side while taking a file from the channel (the answers folder full, not
 * writable): not the channel's, so not worded as if it were.
 */
export function localFailure(error: unknown, doing: string): ChannelFailure {
  if (error instanceof ChannelFailure) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ENOSPC") return new ChannelFailure("disk-full", `${doing}: ${ADVICE["disk-full"]} (${message})`);
  return new ChannelFailure("other", `${doing}: the local folder refused (${message})`);
}

export function missingFolder(folder: string): ChannelFailure {
  return new ChannelFailure("missing-folder", `${folder}: ${ADVICE["missing-folder"]}`);
}

/** The failure an error from a transport library (or the local file system) stands for, `doing` what. */
export function channelFailureOf(error: unknown, doing: string): ChannelFailure {
  if (error instanceof ChannelFailure) return error;
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as LibraryError;
  const message = e.message ?? String(error);
  const kind = kindOf(e, message);
  return new ChannelFailure(kind, `${doing}: ${ADVICE[kind]} (${message})`);
}

function kindOf(e: LibraryError, message: string): ChannelFailureKind {
  const code = e.code;
  if (code === "ERR_HOST_KEY" || /host key/i.test(message)) return "host-key";
  if (
    e.level === "client-authentication" ||
    code === "ERR_BAD_AUTH" ||
    code === 530 ||
    /authentication methods failed|login incorrect/i.test(message)
  )
    return "login-refused";
  if (code === "ENOSPC" || code === 452 || code === 552 || /no space|quota|insufficient storage/i.test(message)) return "disk-full";
  if (code === 2 || code === "ENOENT" || code === 550 || /no such file|not found|failed to change directory/i.test(message))
    return "missing-folder";
  if (code === 3 || code === "EACCES" || code === "EPERM" || /permission denied/i.test(message)) return "permission";
  if (
    code === "ECONNREFUSED" ||
    code === "ENOTFOUND" ||
    code === "EHOSTUNREACH" ||
    code === "ENETUNREACH" ||
    /timed out while waiting for handshake/i.test(message)
  )
    return "unreachable";
  if (
    code === "ECONNRESET" ||
    code === "ETIMEDOUT" ||
    code === "EPIPE" ||
    code === "ERR_NOT_CONNECTED" ||
    code === 421 ||
    code === 425 ||
    code === 426 ||
    /unexpected (end|close)|timeout|socket|closed/i.test(message)
  )
    return "interrupted";
  return "other";
}

export interface RetryPolicy {
  /** Tries after the first one. */
  readonly retries: number;
  /** The wait before the first retry; each next one waits twice as long. */
  readonly firstDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, firstDelayMs: 2000 };

/**
 * Runs `attempt` until it succeeds, a failure is not worth retrying, or the retries are spent; waits
 * 1×, 2×, 4× … the first delay between tries. `onRetry` hears of each failure that is tried again.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  doing: string,
  attempt: () => Promise<T>,
  onRetry: (failure: ChannelFailure, waitMs: number) => void = () => undefined,
): Promise<T> {
  for (let tried = 0; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      const failure = channelFailureOf(error, doing);
      if (!failure.retryable || tried >= policy.retries) throw failure;
      const waitMs = policy.firstDelayMs * 2 ** tried;
      onRetry(failure, waitMs);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
