/**
 * The batch channel for real (issue 15): a signed run's files sent to the channel — a folder, the local
 * OpenSSH SFTP server and the local vsftpd FTPS server (test/support/channel-servers.sh) — the simulated
 * channel answering into the server's OUT folder, the answers fetched back and ingested; a send killed
 * half-way, a refused login, a missing folder, a wrong host key.
 *
 * Expected values come from the files the run wrote: the circular's examples give 2 FI files for 2017-09;
 * the simulated channel refuses the forms at positions 3, 6, … of each file (--refuse-every 3), so a file
 * of n forms has floor(n / 3) refused and the rest accepted.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { batchFilesIn } from "../support/batch-files";
import {
  CHANNEL_SERVERS,
  CHANNEL_SUBFOLDERS,
  CHANNEL_TLS_CERTIFICATE,
  channelHostKeyFingerprints,
  channelUrl,
  createChannelFolder,
  giveToChannelUser,
  requireChannelServer,
} from "../support/channel-servers";
import { CliWorkspace } from "../support/cli-harness";
import { easrProcess } from "../support/easr-process";
import { mountSmallDisk } from "../support/small-disk";
import { withEnv } from "../support/env";
import { makeTestCertificate, opensslVerifies } from "../support/test-certificate";

const MONTH = "2017-09";

type Kind = "file" | "sftp" | "ftps";

interface Channel {
  readonly folder: string;
  /** The channel's address as the adapter shows it: no password. */
  readonly display: string;
  readonly env: Record<string, string>;
  cleanup(): void;
}

function channelFor(kind: Kind): Channel {
  if (kind === "file") {
    const folder = mkdtempSync(join(tmpdir(), "easr-channel-"));
    for (const name of CHANNEL_SUBFOLDERS) mkdirSync(join(folder, name));
    return {
      folder,
      display: `file://${folder}`,
      env: { EASR_CHANNEL_URL: `file://${folder}` },
      cleanup: () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const made = createChannelFolder();
  const env: Record<string, string> = { EASR_CHANNEL_URL: channelUrl(kind, made.path), EASR_CHANNEL_RETRY_SECONDS: "0.1" };
  if (kind === "sftp") env.EASR_CHANNEL_HOST_KEY = channelHostKeyFingerprints().join(",");
  if (kind === "ftps") env.EASR_CHANNEL_CA = CHANNEL_TLS_CERTIFICATE;
  const { user, host, port } = CHANNEL_SERVERS[kind];
  return { folder: made.path, display: `${kind}://${user}@${host}:${port}${made.path}`, env, cleanup: made.cleanup };
}

/** A workspace on the circular's examples with 2017-09 run, signed (at the real time: the test certificate is valid now). */
async function runWorkspace(label: string, env: Record<string, string>): Promise<CliWorkspace> {
  const w = await CliWorkspace.create(label);
  await w.initContract();
  await writeContractRowsToUrl(w.dbUrl, circularExampleRows());
  await withEnv(env, () => w.run(MONTH));
  return w;
}

function signingOf(w: CliWorkspace): Record<string, string> {
  const made = makeTestCertificate(w.dir, "agency");
  return { EASR_SIGNING_CERT: made.certificate, EASR_SIGNING_KEY: made.key };
}

function names(folder: string): string[] {
  return readdirSync(folder).sort();
}

for (const kind of ["file", "sftp", "ftps"] as const) {
  describe(`the batch channel over ${kind}://`, function () {
    this.timeout(180_000);
    const cleanups: (() => void | Promise<void>)[] = [];
    before(async function () {
      if (kind !== "file") await requireChannelServer(this, kind);
    });
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    async function setUp(label: string): Promise<{ w: CliWorkspace; channel: Channel; env: Record<string, string> }> {
      const channel = channelFor(kind);
      cleanups.push(() => channel.cleanup());
      const bare = await CliWorkspace.create(`${label}-cert`);
      cleanups.push(() => bare.remove());
      const signing = signingOf(bare);
      const w = await runWorkspace(label, signing);
      cleanups.push(() => w.remove());
      const env = { ...signing, ...channel.env, EASR_DB_URL: w.dbUrl, EASR_OUT_DIR: w.outDir };
      return { w, channel, env };
    }

    it("run -> sign -> send -> answer -> fetch -> ingest: FI, FS and GO on the channel, every FS verifies, the answers applied", async () => {
      const { w, channel, env } = await setUp(`loop-${kind}`);
      const local = w.filesOf(MONTH).filter((n) => n.startsWith("FI."));
      expect(local).to.have.length(2);

      const sent = await withEnv(env, () => w.easr("channel", "send"));
      expect(sent.code, sent.err.join("\n")).to.equal(0);
      // Every file went at the first try (over FTPS, the empty GO file's put included).
      expect(sent.out.join("\n")).not.to.include("trying again");
      const inbox = join(channel.folder, "INTEST");
      expect(names(inbox)).to.deep.equal(local.flatMap((fi) => [fi, fi.replace(/^FI/, "FS"), fi.replace(/^FI/, "GO")]).sort());
      for (const fi of local) {
        expect(readFileSync(join(inbox, fi)).equals(readFileSync(join(w.monthDir(MONTH), fi))), fi).to.equal(true);
        expect(readFileSync(join(inbox, fi.replace(/^FI/, "GO"))).length).to.equal(0);
        const fs = readFileSync(join(inbox, fi.replace(/^FI/, "FS")), "utf8");
        expect(opensslVerifies(w.dir, join(inbox, fi), fs, env.EASR_SIGNING_CERT), `${fi} verifies on the channel`).to.equal(true);
      }
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_channel_transfer WHERE status = 'sent' AND attempts = 1")).to.equal(2);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_audit WHERE event = 'channel-file-sent'")).to.equal(2);

      const again = await withEnv(env, () => w.easr("channel", "send"));
      expect([again.code, again.out.at(-1)]).to.deep.equal([0, `sent 0 files to ${inbox} on ${channel.display}`]);

      // The simulated channel answers into the server's OUT folder for test files.
      const outbox = join(channel.folder, "OUTTEST");
      const simulated = await w.easr("channel", "simulate", "--dir", inbox, "--answers", outbox, "--refuse-every", "3");
      expect(simulated.code, simulated.err.join("\n")).to.equal(0);
      if (kind !== "file") giveToChannelUser(outbox);
      const formCounts = batchFilesIn(w.monthDir(MONTH)).map((f) => f.forms.length);
      const refused = formCounts.reduce((sum, n) => sum + Math.floor(n / 3), 0);
      const total = formCounts.reduce((sum, n) => sum + n, 0);

      const fetched = await withEnv(env, () => w.easr("channel", "fetch"));
      expect(fetched.code, fetched.err.join("\n")).to.equal(0);
      const answers = names(join(w.outDir, "answers"));
      // one file receipt and one notification per file sent
      expect(answers.filter((n) => n.startsWith("FO.ACRF."))).to.have.length(2);
      expect(answers.filter((n) => n.startsWith("FO.NOTI."))).to.have.length(2);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_file WHERE status = 'received'")).to.equal(2);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'refused'")).to.equal(refused);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'accepted'")).to.equal(total - refused);
      expect(refused).to.be.greaterThan(0);

      const twice = await withEnv(env, () => w.easr("channel", "fetch"));
      expect(twice.code).to.equal(0);
      expect(twice.out.join("\n")).to.include("fetched 0 answer files").and.include("4 fetched before");
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_answer_file")).to.equal(4);
    });

    it("a send killed after its first FI file: nothing half-sent, the next send puts that file again whole and the other once", async () => {
      const { w, channel, env } = await setUp(`kill-${kind}`);
      const inbox = join(channel.folder, "INTEST");
      const killed = await easrProcess(["channel", "send"], { ...env, EASR_CRASH_AT: "after-channel-declaration-put" });
      expect(killed.signal, killed.stderr).to.equal("SIGKILL");
      const first = w.filesOf(MONTH).filter((n) => n.startsWith("FI."))[0];
      // The FI file is there, without its GO file: the transfer point takes nothing of it.
      expect(names(inbox)).to.deep.equal([first]);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_channel_transfer WHERE status = 'sending'")).to.equal(1);

      const next = await easrProcess(["channel", "send"], env);
      expect(next.code, next.stderr).to.equal(0);
      expect(next.stdout).to.include("sent 2 files").and.include("(1 again, after a send that did not finish)");
      const local = w.filesOf(MONTH).filter((n) => n.startsWith("FI."));
      expect(names(inbox)).to.deep.equal(local.flatMap((fi) => [fi, fi.replace(/^FI/, "FS"), fi.replace(/^FI/, "GO")]).sort());
      for (const fi of local) expect(readFileSync(join(inbox, fi)).equals(readFileSync(join(w.monthDir(MONTH), fi))), fi).to.equal(true);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_channel_transfer WHERE status = 'sent'")).to.equal(2);
      expect(await w.stateCount("SELECT MAX(attempts) AS n FROM easr_channel_transfer")).to.equal(2);
    });

    it("killed while putting the GO file: not sent again by itself (it may have gone), named; --file --resend sends it whole", async () => {
      const { w, channel, env } = await setUp(`go-marked-${kind}`);
      const inbox = join(channel.folder, "INTEST");
      const killed = await easrProcess(["channel", "send"], { ...env, EASR_CRASH_AT: "after-channel-go-marked" });
      expect(killed.signal, killed.stderr).to.equal("SIGKILL");
      const [first, second] = w.filesOf(MONTH).filter((n) => n.startsWith("FI."));
      const next = await easrProcess(["channel", "send"], env);
      expect(next.code).to.equal(1);
      expect(next.stdout).to.include(`${first}: not sent: its GO file was being put when an earlier send stopped`);
      expect(next.stdout).to.include(`easr channel send --file ${first} --resend`);
      // The other file went; the first has no GO file on the channel.
      expect(names(inbox)).to.deep.equal(
        [first, first.replace(/^FI/, "FS"), second, second.replace(/^FI/, "FS"), second.replace(/^FI/, "GO")].sort(),
      );
      const resent = await easrProcess(["channel", "send", "--file", first, "--resend"], env);
      expect(resent.code, resent.stderr).to.equal(0);
      expect(names(inbox)).to.include(first.replace(/^FI/, "GO"));
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_channel_transfer WHERE status = 'sent'")).to.equal(2);
    });

    it("killed just after putting the GO file: the next send finds it there and records the file as sent, putting nothing again", async () => {
      const { w, channel, env } = await setUp(`go-put-${kind}`);
      const killed = await easrProcess(["channel", "send"], { ...env, EASR_CRASH_AT: "after-channel-go-put" });
      expect(killed.signal, killed.stderr + killed.stdout).to.equal("SIGKILL");
      const next = await easrProcess(["channel", "send"], env);
      expect(next.code, next.stderr).to.equal(0);
      expect(next.stdout).to.include("its GO file is on the channel already");
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_channel_transfer WHERE status = 'sent'")).to.equal(2);
      // Each file put once: one attempt each.
      expect(await w.stateCount("SELECT MAX(attempts) AS n FROM easr_channel_transfer")).to.equal(1);
      expect(names(join(channel.folder, "INTEST"))).to.have.length(6);
    });

    it("a full local disk while fetching: said plainly, exit 1, nothing half-written or recorded; the next fetch takes it all", async function () {
      const { w, channel, env } = await setUp(`disk-${kind}`);
      expect((await withEnv(env, () => w.easr("channel", "send"))).code).to.equal(0);
      const outbox = join(channel.folder, "OUTTEST");
      expect((await w.easr("channel", "simulate", "--dir", join(channel.folder, "INTEST"), "--answers", outbox)).code).to.equal(0);
      if (kind !== "file") giveToChannelUser(outbox);
      const disk = mountSmallDisk(join(w.outDir, "answers"), 256);
      if (typeof disk === "string") this.skip();
      try {
        disk.fill();
        const full = await withEnv({ ...env, EASR_CHANNEL_RETRIES: "0" }, () => w.easr("channel", "fetch"));
        expect(full.code).to.equal(1);
        expect(full.out.join("\n")).to.include("no space left: free space");
        expect(names(disk.path).filter((n) => n !== ".filler")).to.deep.equal([]);
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_channel_fetch")).to.equal(0);
        disk.free();
        const next = await withEnv(env, () => w.easr("channel", "fetch"));
        expect(next.code, next.out.join("\n")).to.equal(0);
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_file WHERE status = 'received'")).to.equal(2);
      } finally {
        disk.unmount();
      }
    });

    if (kind === "file")
      it("go-live: a file put on the channel by hand before is recorded as sent (--mark-sent) and never put again", async () => {
        const { w, channel, env } = await setUp("mark-sent");
        const [first, second] = w.filesOf(MONTH).filter((n) => n.startsWith("FI."));
        const marked = await withEnv(env, () => w.easr("channel", "send", "--file", first, "--mark-sent"));
        expect(marked.code, marked.err.join("\n")).to.equal(0);
        expect(marked.out.join("\n")).to.include("recorded as sent by other means: 1 file");
        expect(names(join(channel.folder, "INTEST"))).to.deep.equal([]);
        const sent = await withEnv(env, () => w.easr("channel", "send"));
        expect(sent.code).to.equal(0);
        expect(names(join(channel.folder, "INTEST"))).to.deep.equal(
          [second, second.replace(/^FI/, "FS"), second.replace(/^FI/, "GO")].sort(),
        );
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_audit WHERE event = 'channel-file-marked-sent'")).to.equal(1);
        const alone = await withEnv(env, () => w.easr("channel", "send", "--mark-sent"));
        expect([alone.code, alone.err.join("\n")]).to.deep.equal([2, "easr: --mark-sent records only the files named with --file"]);
      });

    if (kind === "file")
      it("answers signed by the institution are applied; one signed by another is kept in answers/refused and not applied (exit 1)", async () => {
        const { w, channel, env } = await setUp("signed-answers");
        expect((await withEnv(env, () => w.easr("channel", "send"))).code).to.equal(0);
        const inbox = join(channel.folder, "INTEST");
        const outbox = join(channel.folder, "OUTTEST");
        expect((await w.easr("channel", "simulate", "--dir", inbox, "--answers", outbox, "--refuse-every", "3")).code).to.equal(0);
        const institution = makeTestCertificate(w.dir, "riziv");
        const impostor = makeTestCertificate(w.dir, "impostor");
        const [first, second] = batchFilesIn(w.monthDir(MONTH));
        const answers = names(outbox).filter((n) => n.startsWith("FO."));
        const forSecond = answers.find(
          (n) => n.startsWith("FO.NOTI.") && readFileSync(join(outbox, n), "utf8").includes(second.fileName.slice(3)),
        )!;
        for (const name of answers) {
          const by = name === forSecond ? impostor : institution;
          const path = join(outbox, name);
          execFileSync("openssl", [
            "cms",
            "-sign",
            "-binary",
            "-nodetach",
            "-in",
            path,
            "-signer",
            by.certificate,
            "-inkey",
            by.key,
            "-outform",
            "DER",
            "-out",
            `${path}.p7`,
          ]);
          renameSync(`${path}.p7`, path);
        }
        const fetched = await withEnv({ ...env, EASR_ANSWER_CERT: institution.certificate }, () => w.easr("channel", "fetch"));
        expect(fetched.code).to.equal(1);
        expect(fetched.out.join("\n")).to.include("NOT applied: 1 answer file (signature)");
        expect(names(join(w.outDir, "answers", "refused"))).to.deep.equal([forSecond]);
        expect(names(join(w.outDir, "answers", "signed"))).to.have.length(3);
        // Both files received (their receipts verified); only the first file's forms answered.
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_file WHERE status = 'received'")).to.equal(2);
        const refused = Math.floor(first.forms.length / 3);
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'refused'")).to.equal(refused);
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'accepted'")).to.equal(
          first.forms.length - refused,
        );
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'file-received'")).to.equal(
          second.forms.length,
        );
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_audit WHERE event = 'channel-answer-refused'")).to.equal(1);

        // Nothing new: the enveloping answers placed before are not read again.
        const quiet = await withEnv({ ...env, EASR_ANSWER_CERT: institution.certificate }, () => w.easr("channel", "fetch"));
        expect(quiet.out.some((line) => line.startsWith("Ingest "))).to.equal(false);
        // The certificate put right (the impostor's trusted too): the refused answer is fetched again, verified, applied.
        const both = join(w.dir, "both.pem");
        writeFileSync(both, readFileSync(institution.certificate, "utf8") + readFileSync(impostor.certificate, "utf8"));
        const again = await withEnv({ ...env, EASR_ANSWER_CERT: both }, () => w.easr("channel", "fetch"));
        expect(again.code, again.out.join("\n")).to.equal(0);
        const refusedOfSecond = Math.floor(second.forms.length / 3);
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'refused'")).to.equal(
          refused + refusedOfSecond,
        );
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'file-received'")).to.equal(0);
      });

    if (kind !== "file")
      it("a refused login and a missing folder: said plainly, exit 1, nothing recorded as sent", async () => {
        const { w, channel, env } = await setUp(`refused-${kind}`);
        const wrong = await withEnv({ ...env, EASR_CHANNEL_RETRIES: "0", EASR_CHANNEL_PASSWORD: "not-the-password" }, () =>
          w.easr("channel", "send"),
        );
        expect(wrong.code).to.equal(1);
        expect(wrong.out.join("\n")).to.include("the channel refused the login");
        const missing = await withEnv(
          { ...env, EASR_CHANNEL_RETRIES: "0", EASR_CHANNEL_URL: channelUrl(kind, `${channel.folder}/nowhere`) },
          () => w.easr("channel", "send"),
        );
        expect(missing.code).to.equal(1);
        expect(missing.out.join("\n") + missing.err.join("\n"), missing.out.join("\n")).to.include("the channel has no such folder");
        expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_channel_transfer WHERE status = 'sent'")).to.equal(0);
        expect(names(join(channel.folder, "INTEST"))).to.deep.equal([]);
      });

    if (kind === "sftp")
      it("a server with another host key gets nothing", async () => {
        const { w, channel, env } = await setUp("host-key");
        const other = `SHA256:${"A".repeat(43)}`;
        const result = await withEnv({ ...env, EASR_CHANNEL_RETRIES: "0", EASR_CHANNEL_HOST_KEY: other }, () => w.easr("channel", "send"));
        expect(result.code).to.equal(1);
        expect(result.out.join("\n")).to.include(`not ${other} (EASR_CHANNEL_HOST_KEY); nothing was sent`);
        expect(names(join(channel.folder, "INTEST"))).to.deep.equal([]);
      });
  });
}
