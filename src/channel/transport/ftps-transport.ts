/**
 * The channel over FTP with explicit TLS (basic-ftp): AUTH TLS before the login, the data connections
 * protected too. The server's certificate is checked against EASR_CHANNEL_CA when given, else against
 * the system's authorities; never accepted unchecked.
 */
import { isIP } from "node:net";
import { Readable } from "node:stream";
import { Client } from "basic-ftp";
import type { ChannelTransport, RemoteFile } from "./channel-transport";
import { channelFailureOf, missingFolder } from "./channel-failure";
import type { ChannelSettings } from "./channel-settings";

export async function openFtpsTransport(settings: ChannelSettings): Promise<ChannelTransport> {
  return new FtpsTransport(await logIn(settings), settings);
}

async function logIn(settings: ChannelSettings): Promise<Client> {
  const { address } = settings;
  const client = new Client(settings.timeoutSeconds * 1000);
  try {
    await client.access({
      host: address.host,
      port: address.port,
      user: address.user,
      password: settings.password,
      secure: true,
      // An IP address is checked against the certificate's IP names; only a host name is sent as SNI.
      secureOptions: { ca: settings.serverCa, ...(isIP(address.host) ? {} : { servername: address.host }), minVersion: "TLSv1.2" },
    });
  } catch (error) {
    client.close();
    throw channelFailureOf(error, `logging in to ${address.display}`);
  }
  return client;
}

class FtpsTransport implements ChannelTransport {
  constructor(
    private client: Client,
    private readonly settings: ChannelSettings,
  ) {}

  async checkFolder(folder: string): Promise<void> {
    let start: string;
    try {
      start = await this.client.pwd();
    } catch (error) {
      throw channelFailureOf(error, `looking for ${folder}`);
    }
    try {
      await this.client.cd(folder);
    } catch (error) {
      // 550: no such folder (or none the account may enter); a broken connection is tried again.
      const failure = channelFailureOf(error, `looking for ${folder}`);
      throw failure.retryable ? failure : missingFolder(folder);
    }
    await this.client.cd(start).catch((error: unknown) => {
      throw channelFailureOf(error, `looking for ${folder}`);
    });
  }

  async list(folder: string): Promise<RemoteFile[]> {
    try {
      const entries = await this.client.list(folder);
      return entries.filter((e) => e.isFile).map((e) => ({ name: e.name, size: e.size }));
    } catch (error) {
      throw channelFailureOf(error, `listing ${folder}`);
    }
  }

  async upload(localPath: string, remotePath: string): Promise<void> {
    try {
      await this.client.uploadFrom(localPath, remotePath);
    } catch (error) {
      throw channelFailureOf(error, `putting ${remotePath}`);
    }
  }

  /**
   * An empty file (GO) over a protected data connection: basic-ftp closes a data connection that carried
   * nothing in a way some servers take badly (vsftpd drops the session, after storing the file; curl's
   * close passes). So when the put fails, a fresh login looks: an empty file there under that name is the
   * put done; anything else is the failure.
   */
  async uploadEmpty(remotePath: string): Promise<void> {
    try {
      await this.client.uploadFrom(Readable.from([]), remotePath);
      return;
    } catch (error) {
      this.client.close();
      this.client = await logIn(this.settings);
      const size = await this.client.size(remotePath).catch(() => null);
      if (size !== 0) throw channelFailureOf(error, `putting ${remotePath}`);
    }
  }

  async download(remotePath: string, localPath: string): Promise<void> {
    try {
      await this.client.downloadTo(localPath, remotePath);
    } catch (error) {
      throw channelFailureOf(error, `getting ${remotePath}`);
    }
  }

  async close(): Promise<void> {
    this.client.close();
  }
}
