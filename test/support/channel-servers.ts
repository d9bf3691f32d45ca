/**
 * The local test servers of the batch channel, and a fresh channel folder on them per test.
 *
 * `bash test/support/channel-servers.sh` (as root; `.ci/run` calls it) starts, on loopback only:
 * - SFTP: its own sshd on 127.0.0.1:2222 (internal-sftp), password or key login;
 * - FTPS: its own vsftpd on 127.0.0.1:2121, explicit TLS required for login and data, passive ports
 *   2130-2149, a self-signed certificate (CHANNEL_TLS_CERTIFICATE) to trust;
 * both for the local account easrchannel / easr-channel-test, without chroot: paths are absolute.
 *
 * `EASR_TEST_SFTP_URL` / `EASR_TEST_FTPS_URL` (`sftp://user:password@host:port`) point the tests at
 * other servers for the same local account: the channel folders are made in its home on this machine.
 * A server that cannot be reached skips its suites locally, with a message saying how to start it; under
 * `CI=true` it fails them instead. The folders are made as root, so the suites need root too.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appendFileSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import type { Context } from "mocha";

export type ChannelServerProtocol = "sftp" | "ftps";

export interface ChannelServer {
  readonly protocol: ChannelServerProtocol;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/** Where channel-servers.sh keeps its files. */
export const CHANNEL_TEST_STATE = "/var/lib/easr-channel-test";
/** The FTPS server's self-signed certificate (for 127.0.0.1 and localhost): the one authority to trust. */
export const CHANNEL_TLS_CERTIFICATE = `${CHANNEL_TEST_STATE}/tls.crt`;
const HOST_PUBLIC_KEYS = ["ed25519", "rsa"].map((type) => `${CHANNEL_TEST_STATE}/ssh_host_${type}_key.pub`);

const START_COMMAND = "bash test/support/channel-servers.sh (as root)";

const DEFAULT_URLS: Record<ChannelServerProtocol, string> = {
  sftp: "sftp://easrchannel:easr-channel-test@127.0.0.1:2222",
  ftps: "ftps://easrchannel:easr-channel-test@127.0.0.1:2121",
};

function serverOf(protocol: ChannelServerProtocol, text: string): ChannelServer {
  const url = new URL(text);
  if (url.protocol !== `${protocol}:` || url.hostname === "" || url.port === "" || url.username === "")
    throw new Error(
      `EASR_TEST_${protocol.toUpperCase()}_URL: expected ${protocol}://user:password@host:port, got ${url.protocol}//${url.host}`,
    );
  return {
    protocol,
    host: url.hostname,
    port: Number(url.port),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

export const CHANNEL_SERVERS: Record<ChannelServerProtocol, ChannelServer> = {
  sftp: serverOf("sftp", process.env.EASR_TEST_SFTP_URL ?? DEFAULT_URLS.sftp),
  ftps: serverOf("ftps", process.env.EASR_TEST_FTPS_URL ?? DEFAULT_URLS.ftps),
};

/** The local account both servers log in; its home holds the channel folders. */
const CHANNEL_USER = CHANNEL_SERVERS.sftp.user;
const CHANNEL_HOME = `/home/${CHANNEL_USER}`;

/** Null when something accepts a TCP connection at the server's address, else why not. */
export function tcpUnreachableReason(server: ChannelServer, timeoutMs = 3000): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: server.host, port: server.port });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once("connect", () => done(null));
    socket.once("error", (error) => done(error.message || error.name));
  });
}

const reachability = new Map<ChannelServerProtocol, Promise<string | null>>();

/** Null when the suites of this server can run here, else why not (asked once per process). */
function unusableReason(protocol: ChannelServerProtocol): Promise<string | null> {
  let answer = reachability.get(protocol);
  if (!answer) {
    const server = CHANNEL_SERVERS[protocol];
    answer = tcpUnreachableReason(server).then((reason) => {
      if (reason !== null) return `${protocol} server not reachable at ${server.host}:${server.port} (${reason})`;
      if (process.getuid?.() !== 0) return `the channel folders are made as root in ${CHANNEL_HOME}, and this is not root`;
      return null;
    });
    reachability.set(protocol, answer);
  }
  return answer;
}

const warned = new Set<ChannelServerProtocol>();

/**
 * For a `before` hook of a suite on a channel server: returns when the server can be used. An unreachable
 * server skips the suite (`this.skip()`), or fails it under CI=true.
 */
export async function requireChannelServer(context: Context, protocol: ChannelServerProtocol): Promise<void> {
  const reason = await unusableReason(protocol);
  if (reason === null) return;
  if (process.env.CI === "true") {
    throw new Error(`${reason}: under CI=true the ${protocol} channel suites must run (.ci/run starts the servers)`);
  }
  if (!warned.has(protocol)) {
    warned.add(protocol);
    console.warn(`      skipping the ${protocol} channel suites: ${reason}; start the servers with: ${START_COMMAND}`);
  }
  context.skip();
}

let owner: { uid: number; gid: number } | undefined;

/** The channel user's uid and gid (asked of the system once). */
function channelOwner(): { uid: number; gid: number } {
  if (!owner) {
    const id = (flag: string) => Number(execFileSync("id", [flag, CHANNEL_USER], { encoding: "utf8" }).trim());
    owner = { uid: id("-u"), gid: id("-g") };
  }
  return owner;
}

/** Hands a file or folder, with everything in it, to the channel user: as root, e.g. answers put into OUT. */
export function giveToChannelUser(path: string): void {
  const { uid, gid } = channelOwner();
  execFileSync("chown", ["-R", `${uid}:${gid}`, path]);
}

/** A channel folder of one test: IN, OUT, INTEST and OUTTEST in a fresh folder of the user's home. */
export interface ChannelFolder {
  /** Absolute, as the servers see it too (no chroot). */
  readonly path: string;
  cleanup(): void;
}

export const CHANNEL_SUBFOLDERS = ["IN", "OUT", "INTEST", "OUTTEST"] as const;

/** Folders left behind by a killed test process are removed once they are this old. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
const FOLDER_PATTERN = /^t-([0-9a-z]+)-[0-9a-f]+$/;
let staleSwept = false;

function sweepStaleFolders(): void {
  if (staleSwept) return;
  staleSwept = true;
  for (const name of readdirSync(CHANNEL_HOME)) {
    const match = FOLDER_PATTERN.exec(name);
    if (match && Date.now() - parseInt(match[1], 36) > STALE_AFTER_MS) rmSync(join(CHANNEL_HOME, name), { recursive: true, force: true });
  }
}

/** Makes `/home/<user>/t-<time>-<random>/` with the channel's four folders, all the user's (as root). */
export function createChannelFolder(): ChannelFolder {
  sweepStaleFolders();
  const { uid, gid } = channelOwner();
  const path = join(CHANNEL_HOME, `t-${Date.now().toString(36)}-${randomBytes(5).toString("hex")}`);
  for (const folder of [path, ...CHANNEL_SUBFOLDERS.map((name) => join(path, name))]) {
    mkdirSync(folder, { mode: 0o755 });
    chownSync(folder, uid, gid);
  }
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** The channel URL of a folder on a server, password included (percent-encoded), as EASR_CHANNEL_URL. */
export function channelUrl(protocol: ChannelServerProtocol, folder: string): string {
  const server = CHANNEL_SERVERS[protocol];
  if (!folder.startsWith("/")) throw new Error(`a channel folder is absolute: ${folder}`);
  const url = new URL(`${protocol}://${server.host}:${server.port}`);
  url.username = server.user;
  url.password = server.password;
  url.pathname = folder;
  return url.toString();
}

/** `SHA256:…` of an SSH public key (its wire form, as ssh2's hostVerifier gets it), as ssh-keygen -l prints it. */
export function sshKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

/** The fingerprints of the SFTP server's host keys, as EASR_CHANNEL_HOST_KEY takes them. */
export function channelHostKeyFingerprints(): string[] {
  return HOST_PUBLIC_KEYS.filter((file) => existsSync(file)).map((file) =>
    sshKeyFingerprint(Buffer.from(readFileSync(file, "utf8").trim().split(/\s+/)[1], "base64")),
  );
}

const AUTHORIZED_KEYS = `${CHANNEL_TEST_STATE}/authorized_keys/${CHANNEL_USER}`;

/**
 * Lets a public key (an `ssh-ed25519 AAAA… comment` line) log in as the channel user; returns the
 * function that takes it out again. Keys are added and removed one line at a time, so that suites running
 * in parallel keep each other's.
 */
export function installAuthorizedKey(publicKey: string): () => void {
  const line = publicKey.trim();
  if (!/^[a-z0-9-]+ [A-Za-z0-9+/=]+( .*)?$/.test(line) || line.includes("\n")) throw new Error(`not an OpenSSH public key: ${line}`);
  const present = () => (existsSync(AUTHORIZED_KEYS) ? readFileSync(AUTHORIZED_KEYS, "utf8").split("\n") : []);
  if (!present().includes(line)) appendFileSync(AUTHORIZED_KEYS, `${line}\n`, { mode: 0o644 });
  return () => {
    const kept = present().filter((existing) => existing !== "" && existing !== line);
    const next = `${AUTHORIZED_KEYS}.${process.pid}`;
    writeFileSync(next, kept.map((existing) => `${existing}\n`).join(""), { mode: 0o644 });
    renameSync(next, AUTHORIZED_KEYS);
  };
}
