/**
 * The channel over SFTP (ssh2-sftp-client on ssh2). The server's host key must be one of
 * EASR_CHANNEL_HOST_KEY's (src/config/channel-config.ts requires them): the files hold every staff
 * member's INSZ, and the login is the account's. A connection that goes silent is found dead by SSH
 * keep-alives within about EASR_CHANNEL_TIMEOUT_SECONDS, so a transfer never hangs under the run lock.
 */
import { createHash } from "node:crypto";
import SftpClient from "ssh2-sftp-client";
import type { ChannelTransport, RemoteFile } from "./channel-transport";
import { ChannelFailure, channelFailureOf, missingFolder } from "./channel-failure";
import type { ChannelSettings } from "./channel-settings";

/** `SHA256:<base64 without padding>` of a host key, as OpenSSH prints it. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

/** Keep-alives missed before the connection counts as dead. */
const KEEPALIVE_COUNT = 3;

export async function openSftpTransport(settings: ChannelSettings): Promise<ChannelTransport> {
  const { address } = settings;
  const client = new SftpClient("easr-channel");
  const expected = settings.hostKeys ?? [];
  let seenHostKey: string | undefined;
  try {
    await client.connect({
      host: address.host,
      port: address.port,
      username: address.user,
      password: settings.password,
      privateKey: settings.privateKey,
      passphrase: settings.keyPassphrase,
      readyTimeout: settings.timeoutSeconds * 1000,
      keepaliveInterval: Math.max(1000, Math.round((settings.timeoutSeconds * 1000) / KEEPALIVE_COUNT)),
      keepaliveCountMax: KEEPALIVE_COUNT,
      retries: 0,
      hostVerifier: (key: Buffer) => {
        seenHostKey = hostKeyFingerprint(key);
        return expected.includes(seenHostKey);
      },
    });
  } catch (error) {
    await client.end().catch(() => undefined);
    if (seenHostKey !== undefined && !expected.includes(seenHostKey))
      throw new ChannelFailure(
        "host-key",
        `logging in to ${address.display}: the server's host key is ${seenHostKey}, not ${expected.join(" or ")} (EASR_CHANNEL_HOST_KEY); nothing was sent`,
      );
    throw channelFailureOf(error, `logging in to ${address.display}`);
  }
  return new SftpTransport(client);
}

class SftpTransport implements ChannelTransport {
  constructor(private readonly client: SftpClient) {}

  async checkFolder(folder: string): Promise<void> {
    const type = await this.client.exists(folder).catch((error: unknown) => {
      throw channelFailureOf(error, `looking for ${folder}`);
    });
    if (type !== "d") throw missingFolder(folder);
  }

  async list(folder: string): Promise<RemoteFile[]> {
    const entries = await this.client.list(folder).catch((error: unknown) => {
      throw channelFailureOf(error, `listing ${folder}`);
    });
    return entries.filter((e) => e.type === "-").map((e) => ({ name: e.name, size: e.size }));
  }

  async upload(localPath: string, remotePath: string): Promise<void> {
    await this.client.put(localPath, remotePath).catch((error: unknown) => {
      throw channelFailureOf(error, `putting ${remotePath}`);
    });
  }

  async uploadEmpty(remotePath: string): Promise<void> {
    await this.client.put(Buffer.alloc(0), remotePath).catch((error: unknown) => {
      throw channelFailureOf(error, `putting ${remotePath}`);
    });
  }

  async download(remotePath: string, localPath: string): Promise<void> {
    await this.client.fastGet(remotePath, localPath).catch((error: unknown) => {
      throw channelFailureOf(error, `getting ${remotePath}`);
    });
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
