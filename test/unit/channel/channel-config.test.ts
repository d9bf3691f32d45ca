/** The channel's configuration, checked at start-up: a bad value stops the program naming the variable (exit 2). */
import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig } from "../../../src/config/load-config";

const REAL_IDENTITY = { EASR_SENDER_NUMBER: "412345", EASR_NOSS_NUMBER: "100006", EASR_KBO_NUMBER: "0566988259" };

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "";
}

describe("the channel's configuration", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "easr-channel-config-"));
    writeFileSync(join(dir, "id_ed25519"), "not really a key, read as bytes");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("no EASR_CHANNEL_URL: no channel; its credentials alone are refused", () => {
    expect(loadConfig({}).channel).to.equal(null);
    expect(problemsOf({ EASR_CHANNEL_PASSWORD: "x" })).to.include("EASR_CHANNEL_PASSWORD is given without EASR_CHANNEL_URL");
  });

  it("sftp with a key: user, folder, the key's bytes, the host key, retries in milliseconds", () => {
    const channel = loadConfig({
      EASR_CHANNEL_URL: "sftp://agodi@transfer.example.be:2222/easr",
      EASR_CHANNEL_KEY: join(dir, "id_ed25519"),
      EASR_CHANNEL_HOST_KEY: `SHA256:${"a".repeat(43)}`,
      EASR_CHANNEL_RETRY_SECONDS: "1.5",
    }).channel!;
    expect(channel.address).to.deep.include({ protocol: "sftp", port: 2222, user: "agodi", folder: "/easr" });
    expect(channel.privateKey?.toString()).to.equal("not really a key, read as bytes");
    expect(channel.retry).to.deep.equal({ retries: 3, firstDelayMs: 1500 });
    expect(channel.timeoutSeconds).to.equal(30);
  });

  it("EASR_CHANNEL_PASSWORD wins over the URL's; the URL's serves when it is the only one", () => {
    expect(loadConfig({ EASR_CHANNEL_URL: "ftps://a:fromurl@h/", EASR_CHANNEL_PASSWORD: "fromenv" }).channel?.password).to.equal("fromenv");
    expect(loadConfig({ EASR_CHANNEL_URL: "ftps://a:fromurl@h/" }).channel?.password).to.equal("fromurl");
  });

  for (const [env, says] of [
    [{ EASR_CHANNEL_URL: "sftp://agodi@h/" }, "an sftp:// channel needs EASR_CHANNEL_PASSWORD or EASR_CHANNEL_KEY"],
    [{ EASR_CHANNEL_URL: "ftps://agodi@h/" }, "an ftps:// channel needs EASR_CHANNEL_PASSWORD"],
    [{ EASR_CHANNEL_URL: "ftp://agodi@h/" }, "EASR_CHANNEL_URL: ftp:// is not a channel protocol"],
    [{ EASR_CHANNEL_URL: "ftps://a:p@h/", EASR_CHANNEL_KEY: "/k" }, "EASR_CHANNEL_KEY is for an sftp:// channel"],
    [{ EASR_CHANNEL_URL: "sftp://a:p@h/", EASR_CHANNEL_CA: "/ca.pem" }, "EASR_CHANNEL_CA is for an ftps:// channel"],
    [{ EASR_CHANNEL_URL: "sftp://a@h/", EASR_CHANNEL_KEY: "/nowhere/key" }, "EASR_CHANNEL_KEY: /nowhere/key cannot be read"],
    [
      { EASR_CHANNEL_URL: "sftp://a:p@h/", EASR_CHANNEL_HOST_KEY: "ab:cd:ef" },
      "EASR_CHANNEL_HOST_KEY: must be the host key fingerprint(s)",
    ],
    [{ EASR_ANSWER_CERT: "/nowhere/riziv.pem" }, "EASR_ANSWER_CERT: /nowhere/riziv.pem cannot be read"],
    [{ EASR_FETCH_SCHEDULE: "every hour" }, "EASR_FETCH_SCHEDULE: must be a cron expression"],
  ] as const)
    it(`refuses ${JSON.stringify(env)}: ${says}`, () => {
      expect(problemsOf(env)).to.include(says);
    });

  it("sftp needs the server's host key, in T as in R: the files hold every staff member's INSZ, the login is the account's", () => {
    const r = { ...REAL_IDENTITY, EASR_ENVIRONMENT: "R", EASR_CHANNEL_URL: "sftp://a:p@h/" };
    expect(problemsOf(r)).to.include("an sftp:// channel needs EASR_CHANNEL_HOST_KEY");
    expect(problemsOf({ EASR_CHANNEL_URL: "sftp://a:p@h/" })).to.include("an sftp:// channel needs EASR_CHANNEL_HOST_KEY");
  });

  it("several host keys, comma-separated (a server with an ed25519 and an RSA key)", () => {
    const keys = [`SHA256:${"a".repeat(43)}`, `SHA256:${"B".repeat(43)}`];
    expect(loadConfig({ EASR_CHANNEL_URL: "sftp://a:p@h/", EASR_CHANNEL_HOST_KEY: keys.join(",") }).channel?.hostKeys).to.deep.equal(keys);
  });
});
