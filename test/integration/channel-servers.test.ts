/**
 * The local channel test servers (test/support/channel-servers.sh) do what the channel transports rely on,
 * with the clients the adapter uses: SFTP (ssh2-sftp-client) by password and by key, with one of the
 * server's own host keys; FTPS (basic-ftp) over explicit TLS trusting only the server's certificate, and
 * no login without TLS. Each suite works in its own channel folder; files the user writes are the user's
 * (over FTPS mode 0600: the server gives others nothing), and a file root puts into OUT and hands over can be fetched.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Client, FTPError } from "basic-ftp";
import { expect } from "chai";
import SftpClient from "ssh2-sftp-client";
import {
  CHANNEL_SERVERS,
  CHANNEL_SUBFOLDERS,
  CHANNEL_TLS_CERTIFICATE,
  type ChannelFolder,
  channelHostKeyFingerprints,
  channelUrl,
  createChannelFolder,
  giveToChannelUser,
  installAuthorizedKey,
  requireChannelServer,
  sshKeyFingerprint,
} from "../support/channel-servers";

/** Binary, with CR, LF and NUL bytes, and longer than one SFTP or TLS packet. */
const CONTENT = Buffer.concat([Buffer.from("FI.ZIMA line\r\nnext\n\0"), randomBytes(100_000)]);

function ownerOf(path: string): number {
  return statSync(path).uid;
}

describe("channel test servers", function () {
  let scratch: string;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), "easr-channel-servers-"));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  describe("SFTP", function () {
    const server = CHANNEL_SERVERS.sftp;
    let folder: ChannelFolder | undefined;

    before(async function () {
      await requireChannelServer(this, "sftp");
      folder = createChannelFolder();
    });
    after(() => folder?.cleanup());

    async function connected(auth: { password: string } | { privateKey: Buffer }): Promise<{ client: SftpClient; hostKey: string }> {
      // The library's default listeners print every end and close, a refused login's included.
      const quiet = () => undefined;
      const client = new SftpClient("channel-servers-test", { error: quiet, end: quiet, close: quiet });
      let hostKey = "";
      await client.connect({
        host: server.host,
        port: server.port,
        username: server.user,
        ...auth,
        retries: 0,
        readyTimeout: 10_000,
        hostVerifier: (key: Buffer) => {
          hostKey = sshKeyFingerprint(key);
          return true;
        },
      });
      return { client, hostKey };
    }

    it("logs in by password: a file put into IN is listed, comes back byte-equal and can be renamed", async () => {
      const base = folder!.path;
      expect(channelUrl("sftp", base)).to.match(new RegExp(`^sftp://[^:]+:[^@]+@${server.host}:${server.port}${base}$`));
      const { client, hostKey } = await connected({ password: server.password });
      try {
        expect(channelHostKeyFingerprints()).to.include(hostKey);
        expect((await client.list(base)).map((entry) => entry.name).sort()).to.deep.equal([...CHANNEL_SUBFOLDERS].sort());
        await client.put(CONTENT, `${base}/IN/FI.TEST.1`);
        expect((await client.list(`${base}/IN`)).map((entry) => [entry.name, entry.size])).to.deep.equal([["FI.TEST.1", CONTENT.length]]);
        expect(Buffer.compare((await client.get(`${base}/IN/FI.TEST.1`)) as Buffer, CONTENT)).to.equal(0);
        await client.rename(`${base}/IN/FI.TEST.1`, `${base}/IN/FI.TEST.2`);
        expect((await client.list(`${base}/IN`)).map((entry) => entry.name)).to.deep.equal(["FI.TEST.2"]);
      } finally {
        await client.end();
      }
      // The mode is the client's: ssh2 sets 0666 on every file it writes, whatever the server's umask.
      expect(ownerOf(`${base}/IN/FI.TEST.2`)).to.equal(ownerOf(base));
      expect(Buffer.compare(readFileSync(`${base}/IN/FI.TEST.2`), CONTENT)).to.equal(0);
    });

    it("logs in by key, and fetches what root put into OUT and handed over", async () => {
      const base = folder!.path;
      const keyFile = join(scratch, "id_ed25519");
      execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "channel-servers-test", "-f", keyFile]);
      const removeKey = installAuthorizedKey(readFileSync(`${keyFile}.pub`, "utf8"));
      try {
        writeFileSync(`${base}/OUT/FO.ACRF.1`, CONTENT);
        giveToChannelUser(`${base}/OUT`);
        expect(ownerOf(`${base}/OUT/FO.ACRF.1`)).to.equal(ownerOf(base));
        const { client } = await connected({ privateKey: readFileSync(keyFile) });
        try {
          expect(Buffer.compare((await client.get(`${base}/OUT/FO.ACRF.1`)) as Buffer, CONTENT)).to.equal(0);
          await client.delete(`${base}/OUT/FO.ACRF.1`);
        } finally {
          await client.end();
        }
      } finally {
        removeKey();
      }
    });

    it("refuses a wrong password", async () => {
      let refusal: unknown;
      await connected({ password: `${server.password}-wrong` }).then(
        ({ client }) => client.end(),
        (error: unknown) => (refusal = error),
      );
      expect(refusal).to.be.instanceOf(Error);
      expect(String(refusal)).to.match(/authentication/i);
    });
  });

  describe("FTPS", function () {
    const server = CHANNEL_SERVERS.ftps;
    let folder: ChannelFolder | undefined;

    before(async function () {
      await requireChannelServer(this, "ftps");
      folder = createChannelFolder();
    });
    after(() => folder?.cleanup());

    it("logs in over explicit TLS trusting only its certificate: a file uploaded into IN is listed and comes back byte-equal", async () => {
      const base = folder!.path;
      expect(channelUrl("ftps", base)).to.match(new RegExp(`^ftps://[^:]+:[^@]+@${server.host}:${server.port}${base}$`));
      const client = new Client(10_000);
      try {
        await client.access({
          host: server.host,
          port: server.port,
          user: server.user,
          password: server.password,
          secure: true,
          secureOptions: { ca: readFileSync(CHANNEL_TLS_CERTIFICATE), minVersion: "TLSv1.2" },
        });
        await client.uploadFrom(Readable.from([CONTENT]), `${base}/IN/FI.TEST.1`);
        expect((await client.list(`${base}/IN`)).map((entry) => [entry.name, entry.size])).to.deep.equal([["FI.TEST.1", CONTENT.length]]);
        const copy = join(scratch, "ftps-copy");
        await client.downloadTo(copy, `${base}/IN/FI.TEST.1`);
        expect(Buffer.compare(readFileSync(copy), CONTENT)).to.equal(0);
        await client.rename(`${base}/IN/FI.TEST.1`, `${base}/IN/FI.TEST.2`);
        expect((await client.list(`${base}/IN`)).map((entry) => entry.name)).to.deep.equal(["FI.TEST.2"]);
      } finally {
        client.close();
      }
      expect(ownerOf(`${base}/IN/FI.TEST.2`)).to.equal(ownerOf(base));
      expect(statSync(`${base}/IN/FI.TEST.2`).mode & 0o777).to.equal(0o600);
    });

    it("refuses a login without TLS", async () => {
      const client = new Client(10_000);
      let refusal: unknown;
      try {
        await client.access({ host: server.host, port: server.port, user: server.user, password: server.password, secure: false });
      } catch (error) {
        refusal = error;
      } finally {
        client.close();
      }
      expect(refusal).to.be.instanceOf(FTPError);
      expect((refusal as FTPError).code).to.equal(530);
    });
  });
});
