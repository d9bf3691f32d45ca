/**
 * What the channel libraries report, as an operator reads it, and which failures are tried again: only a
 * broken or unreachable connection, with the wait doubling each time.
 */
import { expect } from "chai";
import { ChannelFailure, channelFailureOf, withRetries } from "../../../src/channel/transport/channel-failure";

function libraryError(message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), extra);
}

describe("failures on the channel", () => {
  for (const [what, error, kind, retryable] of [
    [
      "ssh2-sftp-client's refused login (its wrapper keeps the message, not ssh2's level)",
      libraryError("connect: All configured authentication methods failed", { code: "ERR_GENERIC_CLIENT" }),
      "login-refused",
      false,
    ],
    ["FTP 530", libraryError("530 Login incorrect.", { code: 530 }), "login-refused", false],
    ["SFTP no such file (status 2)", libraryError("_put: No such file", { code: 2 }), "missing-folder", false],
    ["FTP 550", libraryError("550 Failed to change directory.", { code: 550 }), "missing-folder", false],
    ["SFTP permission denied (status 3)", libraryError("Permission denied", { code: 3 }), "permission", false],
    ["FTP 452", libraryError("452 Insufficient storage space", { code: 452 }), "disk-full", false],
    ["a full local disk", libraryError("ENOSPC: no space left on device", { code: "ENOSPC" }), "disk-full", false],
    ["a refused connection", libraryError("connect ECONNREFUSED 127.0.0.1:22", { code: "ECONNREFUSED" }), "unreachable", true],
    ["a handshake that never came", libraryError("Timed out while waiting for handshake"), "unreachable", true],
    ["a reset connection", libraryError("read ECONNRESET", { code: "ECONNRESET" }), "interrupted", true],
    ["FTP 421", libraryError("421 Timeout.", { code: 421 }), "interrupted", true],
  ] as const)
    it(`${what}: ${kind}${retryable ? ", tried again" : ", not tried again"}`, () => {
      const failure = channelFailureOf(error, "putting IN/FI.x");
      expect([failure.kind, failure.retryable]).to.deep.equal([kind, retryable]);
      expect(failure.message).to.match(/^putting IN\/FI\.x: /);
      expect(failure.message).to.include(error.message);
    });

  it("a refused login tells what to check", () => {
    expect(channelFailureOf(libraryError("530 Login incorrect.", { code: 530 }), "logging in").message).to.include(
      "check the user in EASR_CHANNEL_URL and EASR_CHANNEL_PASSWORD or EASR_CHANNEL_KEY",
    );
  });

  it("withRetries: a broken connection is tried again after 1x, 2x, 4x the first wait, then given up", async () => {
    const waits: number[] = [];
    let tries = 0;
    const attempt = () => {
      tries++;
      return Promise.reject(libraryError("read ECONNRESET", { code: "ECONNRESET" }));
    };
    const outcome = await withRetries({ retries: 3, firstDelayMs: 1 }, "sending", attempt, (_, wait) => waits.push(wait)).catch(
      (e: unknown) => e,
    );
    expect(outcome).to.be.instanceOf(ChannelFailure).with.property("kind", "interrupted");
    expect([tries, waits]).to.deep.equal([4, [1, 2, 4]]);
  });

  it("withRetries: a refused login is not tried again; a success after a failure is returned", async () => {
    let tries = 0;
    const refused = await withRetries({ retries: 3, firstDelayMs: 1 }, "logging in", () => {
      tries++;
      return Promise.reject(libraryError("530 Login incorrect.", { code: 530 }));
    }).catch((e: unknown) => e);
    expect([tries, (refused as ChannelFailure).kind]).to.deep.equal([1, "login-refused"]);
    let calls = 0;
    const value = await withRetries({ retries: 2, firstDelayMs: 1 }, "listing", () =>
      ++calls === 1 ? Promise.reject(libraryError("x", { code: "ETIMEDOUT" })) : Promise.resolve("ok"),
    );
    expect([value, calls]).to.deep.equal(["ok", 2]);
  });
});
