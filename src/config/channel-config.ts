/**
 * The batch channel's configuration (EASR_CHANNEL_*, EASR_ANSWER_CERT), checked at start-up: the URL
 * parses, the key and certificate files read, and a channel over SFTP names the server's host key(s) —
 * the declarations hold every staff member's INSZ and must go to no other server.
 */
import { readFileSync } from "node:fs";
import type * as pkijs from "pkijs";
import { AnswerCertificateError, loadAnswerCertificates } from "../channel/answer-signature";
import { ChannelAddressError, parseChannelAddress } from "../channel/transport/channel-address";
import type { ChannelSettings } from "../channel/transport/channel-settings";

export interface ChannelConfigInput {
  readonly EASR_ENVIRONMENT: "T" | "R";
  readonly EASR_CHANNEL_URL?: string;
  readonly EASR_CHANNEL_PASSWORD?: string;
  readonly EASR_CHANNEL_KEY?: string;
  readonly EASR_CHANNEL_KEY_PASSPHRASE?: string;
  readonly EASR_CHANNEL_HOST_KEY?: string;
  readonly EASR_CHANNEL_CA?: string;
  readonly EASR_CHANNEL_RETRIES: number;
  readonly EASR_CHANNEL_RETRY_SECONDS: number;
  readonly EASR_CHANNEL_TIMEOUT_SECONDS: number;
  readonly EASR_ANSWER_CERT?: string;
}

function readFile(name: string, path: string, problems: string[]): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    problems.push(`${name}: ${path} cannot be read (${(error as Error).message})`);
    return undefined;
  }
}

/** The channel's settings, or null when EASR_CHANNEL_URL is not set; problems are added to `problems`. */
export function channelSettingsOf(raw: ChannelConfigInput, problems: string[]): ChannelSettings | null {
  if (raw.EASR_CHANNEL_URL === undefined) {
    for (const name of ["EASR_CHANNEL_PASSWORD", "EASR_CHANNEL_KEY", "EASR_CHANNEL_HOST_KEY", "EASR_CHANNEL_CA"] as const)
      if (raw[name] !== undefined) problems.push(`${name} is given without EASR_CHANNEL_URL`);
    return null;
  }
  let address;
  try {
    address = parseChannelAddress(raw.EASR_CHANNEL_URL);
  } catch (error) {
    if (error instanceof ChannelAddressError) problems.push(`EASR_CHANNEL_URL: ${error.message}`);
    else throw error;
    return null;
  }
  const password = raw.EASR_CHANNEL_PASSWORD ?? address.passwordInUrl;
  const before = problems.length;
  if (address.protocol !== "sftp")
    for (const name of ["EASR_CHANNEL_KEY", "EASR_CHANNEL_HOST_KEY"] as const)
      if (raw[name] !== undefined) problems.push(`${name} is for an sftp:// channel, not ${address.protocol}://`);
  if (address.protocol !== "ftps" && raw.EASR_CHANNEL_CA !== undefined)
    problems.push(`EASR_CHANNEL_CA is for an ftps:// channel, not ${address.protocol}://`);
  if (address.protocol === "sftp" && password === undefined && raw.EASR_CHANNEL_KEY === undefined)
    problems.push("EASR_CHANNEL_URL: an sftp:// channel needs EASR_CHANNEL_PASSWORD or EASR_CHANNEL_KEY");
  if (address.protocol === "ftps" && password === undefined)
    problems.push("EASR_CHANNEL_URL: an ftps:// channel needs EASR_CHANNEL_PASSWORD");
  if (address.protocol === "sftp" && raw.EASR_CHANNEL_HOST_KEY === undefined)
    problems.push(
      "an sftp:// channel needs EASR_CHANNEL_HOST_KEY, the server's host key fingerprint (ssh-keygen -lf): the files hold every staff member's INSZ, and the login is the account's, T and R alike",
    );
  const privateKey = raw.EASR_CHANNEL_KEY === undefined ? undefined : readFile("EASR_CHANNEL_KEY", raw.EASR_CHANNEL_KEY, problems);
  const serverCa = raw.EASR_CHANNEL_CA === undefined ? undefined : readFile("EASR_CHANNEL_CA", raw.EASR_CHANNEL_CA, problems);
  if (problems.length > before) return null;
  return {
    address,
    ...(password === undefined ? {} : { password }),
    ...(privateKey === undefined ? {} : { privateKey }),
    ...(raw.EASR_CHANNEL_KEY_PASSPHRASE === undefined ? {} : { keyPassphrase: raw.EASR_CHANNEL_KEY_PASSPHRASE }),
    ...(raw.EASR_CHANNEL_HOST_KEY === undefined ? {} : { hostKeys: raw.EASR_CHANNEL_HOST_KEY.split(",") }),
    ...(serverCa === undefined ? {} : { serverCa }),
    retry: { retries: raw.EASR_CHANNEL_RETRIES, firstDelayMs: raw.EASR_CHANNEL_RETRY_SECONDS * 1000 },
    timeoutSeconds: raw.EASR_CHANNEL_TIMEOUT_SECONDS,
  };
}

/** EASR_ANSWER_CERT's certificates, or null when it is not set. */
export function answerCertificatesOf(raw: ChannelConfigInput, problems: string[]): pkijs.Certificate[] | null {
  if (raw.EASR_ANSWER_CERT === undefined) return null;
  try {
    return loadAnswerCertificates(raw.EASR_ANSWER_CERT);
  } catch (error) {
    if (error instanceof AnswerCertificateError) problems.push(`EASR_ANSWER_CERT: ${error.message}`);
    else throw error;
    return null;
  }
}
