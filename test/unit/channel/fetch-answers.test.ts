/**
 * What `easr channel fetch` takes from a listing it cannot trust: only answers with plain names and their
 * GO file, never a name that leads out of the answers folder or would not fit the state; the rest is left
 * on the channel and listed. A transport that serves a crafted listing stands in for a hostile server.
 */
import { expect } from "chai";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchAnswers } from "../../../src/channel/fetch-answers";
import { parseChannelAddress } from "../../../src/channel/transport/channel-address";
import type { ChannelSession } from "../../../src/channel/transport/channel-session";
import type { ChannelTransport } from "../../../src/channel/transport/channel-transport";
import type { ChannelRepository, FetchedAnswer } from "../../../src/state/channel-repository";
import { systemClock } from "../../../src/util/brussels-clock";

const ACRF = '<?xml version="1.0" encoding="UTF-8"?>\n<ACRF/>\n';

describe("the answers a fetch takes from the channel's listing", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "easr-fetch-names-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("takes FO.ok with its GO file; leaves a name with a path, one too long for the state and one without GO, and lists them", async () => {
    const long = `FO.${"A".repeat(160)}`;
    const listing = ["FO.ok", "GO.ok", "FO.x/../../escaped", "GO.x/../../escaped", long, `GO.${long.slice(3)}`, "FO.waiting", "CO.zipped"];
    const gotten: string[] = [];
    const transport: ChannelTransport = {
      checkFolder: async () => undefined,
      list: async () => listing.map((name) => ({ name, size: ACRF.length })),
      upload: async () => undefined,
      uploadEmpty: async () => undefined,
      download: async (remotePath, localPath) => {
        gotten.push(remotePath);
        writeFileSync(localPath, ACRF);
      },
      close: async () => undefined,
    };
    const session = { transport: async () => transport, reset: () => undefined, close: async () => undefined } as unknown as ChannelSession;
    const recorded: FetchedAnswer[] = [];
    const state = {
      fetchedNames: async () => new Set<string>(),
      sameContent: async () => null,
      recordFetch: async (answer: FetchedAnswer) => {
        recorded.push(answer);
      },
    } as unknown as ChannelRepository;
    const answersDir = join(dir, "out", "answers");
    const summary = await fetchAnswers({
      environment: "T",
      address: parseChannelAddress("sftp://agodi@h/chan"),
      session,
      retry: { retries: 0, firstDelayMs: 1 },
      state,
      audit: async () => undefined,
      clock: systemClock,
      say: () => undefined,
      answersDir,
      trusted: null,
    });
    expect(gotten).to.deep.equal(["/chan/OUTTEST/FO.ok"]);
    expect(summary.fetched.map((f) => f.fileName)).to.deep.equal(["FO.ok"]);
    expect(summary.waiting).to.deep.equal(["FO.waiting"]);
    expect(summary.notHandled.sort()).to.deep.equal(
      ["CO.zipped", "FO.x/../../escaped", "GO.x/../../escaped", long, `GO.${long.slice(3)}`].sort(),
    );
    expect(recorded.map((r) => [r.fileName, r.localPath])).to.deep.equal([["FO.ok", join(answersDir, "FO.ok")]]);
    expect(readdirSync(answersDir)).to.deep.equal(["FO.ok"]);
    expect(existsSync(join(dir, "escaped"))).to.equal(false);
  });
});
