/**
 * Where the batch channel is: EASR_CHANNEL_URL, read once at start-up.
 *
 * - `sftp://user@host[:port]/folder`: the agency's file transfer account on the social-security
 *   extranet over SSH (password or key);
 * - `ftps://user@host[:port]/folder`: the same account over FTP with explicit TLS (AUTH TLS, protected
 *   data channel);
 * - `file:///folder`: a folder standing for the channel, for rehearsals and the demo.
 *
 * The folder holds the channel's IN, OUT, INTEST and OUTTEST folders; `/` or nothing is the folder the
 * account logs into. A password may stand in the URL (percent-encoded), but belongs in
 * EASR_CHANNEL_PASSWORD; it is never shown: `display` is the address without it.
 */
import { posix } from "node:path";
import type { Environment } from "../../files/batch-file-name";
import { withoutPassword } from "../../util/url-password";

export type ChannelProtocol = "sftp" | "ftps" | "file";

export interface ChannelAddress {
  readonly protocol: ChannelProtocol;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** From the URL, if it held one (EASR_CHANNEL_PASSWORD takes precedence). */
  readonly passwordInUrl?: string;
  /** The channel's base folder: absolute, or "." for the folder the account logs into. */
  readonly folder: string;
  /** The address without the password, for messages, the log and the audit trail. */
  readonly display: string;
}

export class ChannelAddressError extends Error {}

const DEFAULT_PORTS: Record<Exclude<ChannelProtocol, "file">, number> = { sftp: 22, ftps: 21 };

export function parseChannelAddress(text: string): ChannelAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ChannelAddressError(
      `"${withoutPassword(text)}" is not a URL (sftp://user@host/folder, ftps://user@host/folder or file:///folder)`,
    );
  }
  const protocol = url.protocol.replace(/:$/, "");
  if (protocol !== "sftp" && protocol !== "ftps" && protocol !== "file")
    throw new ChannelAddressError(`${url.protocol}// is not a channel protocol: use sftp://, ftps:// or file://`);
  const path = decodeURIComponent(url.pathname);
  if (protocol === "file") {
    if (url.host !== "") throw new ChannelAddressError("a file:// channel is a local folder: file:///absolute/folder");
    return { protocol, host: "", port: 0, user: "", folder: path, display: `file://${path}` };
  }
  if (url.hostname === "") throw new ChannelAddressError(`${protocol}:// needs a host`);
  if (url.username === "") throw new ChannelAddressError(`${protocol}:// needs the account's user name: ${protocol}://user@${url.host}/`);
  if (url.search !== "" || url.hash !== "") throw new ChannelAddressError("the channel URL takes no query (?…) or fragment (#…)");
  const folder = path === "" || path === "/" ? "." : posix.normalize(path).replace(/\/$/, "");
  const user = decodeURIComponent(url.username);
  const port = url.port === "" ? DEFAULT_PORTS[protocol] : Number(url.port);
  return {
    protocol,
    host: url.hostname,
    port,
    user,
    ...(url.password === "" ? {} : { passwordInUrl: decodeURIComponent(url.password) }),
    folder,
    display: `${protocol}://${encodeURIComponent(user)}@${url.host}${folder === "." ? "/" : folder}`,
  };
}

/** The channel's folder for declarations of an environment: IN (R) or INTEST (T). */
export function sendFolder(environment: Environment): string {
  return environment === "R" ? "IN" : "INTEST";
}

/** The channel's folder for answers of an environment: OUT (R) or OUTTEST (T). */
export function answerFolder(environment: Environment): string {
  return environment === "R" ? "OUT" : "OUTTEST";
}

/** A path on the channel: the base folder, then the parts. */
export function channelPath(address: ChannelAddress, ...parts: string[]): string {
  return posix.join(address.folder, ...parts);
}
