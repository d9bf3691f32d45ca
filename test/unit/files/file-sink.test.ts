import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileSink } from "../../../src/files/file-sink";

describe("FileSink: small texts joined into larger writes", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "easr-sink-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every text, in order, across the pieces it hands over, and the rest at the end", async () => {
    const sink = new FileSink(join(dir, "lines.jsonl"));
    // 20,000 lines of 20 to 24 characters: about 440,000 characters, several 64 KiB pieces and a rest.
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"n":${i},"é":"ü"}\n`);
    for (const line of lines) await sink.write(line);
    await sink.end();
    expect(readFileSync(join(dir, "lines.jsonl"), "utf8")).to.equal(lines.join(""));
    // Not world-readable, as every file of the run (file-modes.ts).
    expect(statSync(join(dir, "lines.jsonl")).mode & 0o007).to.equal(0);
  });

  it("writes nothing more once discarded", async () => {
    const path = join(dir, "gone.txt");
    const sink = new FileSink(path);
    await sink.write("a line that stays queued\n");
    await sink.discard();
    expect(readFileSync(path, "utf8")).to.equal("");
  });

  it("throws the stream's failure, naming the file, at the end", async () => {
    const path = join(dir, "no-such-folder", "file.txt");
    const sink = new FileSink(path);
    await sink.write("text\n");
    let failure: Error | null = null;
    await sink.end().catch((error: Error) => (failure = error));
    expect(failure, "end() must fail").to.be.instanceOf(Error);
    expect(failure!.message).to.contain(`writing ${path} failed`);
  });
});
