/**
 * Large answers: `easr ingest` reads an answer as a stream, validates it chunk by
 * chunk against the official XSD and records it in bulk, in one transaction per file.
 *
 * - On every engine: a notification of 1,200 forms over three batch files (three chunks) is applied
 *   form by form as the formulas of tools/bench/answer-bench.ts say — accepted, with warnings or refused,
 *   tickets, anomalies linked to their answer and form — after a first copy of it whose last form breaks
 *   the XSD was reported invalid (its line named) and left nothing, though two chunks of it had been
 *   applied inside its transaction.
 * - On SQLite, in a child process started like the `easr` command (384 MB old-generation cap): a
 *   generated notification of about 50 MB is ingested holding no more live memory than one of about
 *   5 MB (within 10 MB), its peak RSS growing by less than the file does (before, the file was read
 *   whole, parsed into one tree, and the process ran out of heap).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { openDataSource } from "../../ormconfig";
import {
  type AnsweredFiles,
  answeredFileNames,
  formsForBytes,
  type NotificationShape,
  seedAnsweredFiles,
  writeNotification,
} from "../../tools/bench/answer-bench";
import { runChild } from "../../tools/bench/measure";
import { projectRoot } from "../../src/util/project-root";
import { answerFileName } from "../support/answer-files";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";

const SHAPE: NotificationShape = { warnEvery: 7, refuseEvery: 11 };

/** Outcomes of forms 1 … n under SHAPE, worked out from its two rules: every 11th refused, every other 7th with a warning. */
function expectedOutcomes(n: number): { accepted: number; withWarnings: number; refused: number } {
  const refused = Math.floor(n / 11);
  const withWarnings = Math.floor(n / 7) - Math.floor(n / 77);
  return { accepted: n - refused - withWarnings, withWarnings, refused };
}

type Row = Record<string, unknown>;

async function counted(workspace: CliWorkspace, sql: string): Promise<Record<string, number>> {
  const dataSource = await openDataSource(workspace.dbUrl);
  try {
    const rows = (await dataSource.query(sql)) as Row[];
    return Object.fromEntries(rows.map((row) => [String(row.k), Number(row.n)]));
  } finally {
    await dataSource.destroy();
  }
}

function largeOn(engine: TestEngine): void {
  describe(`easr ingest of a notification in several chunks [${engine}]`, function () {
    this.timeout(180_000);
    let workspace: CliWorkspace;
    const set: AnsweredFiles = { files: 3, formsPerFile: 500, received: true };
    const FORMS = 1200;

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.create("ingest-large", engine);
      await workspace.initContract();
    });

    after(async () => {
      await workspace?.remove();
    });

    it("applies every chunk, after rolling back a copy whose last form breaks the XSD", async () => {
      await seedAnsweredFiles(workspace.dbUrl, set);
      const dir = join(workspace.dir, "answers");
      mkdirSync(dir);
      const broken = join(dir, answerFileName("NOTI", "20180402", 1));
      const valid = join(dir, answerFileName("NOTI", "20180402", 2));
      await writeNotification(valid, set, SHAPE, 1, FORMS);
      // The same forms, the last one without its ResultCode: libxml2 names its HandlingResult.
      const text = readFileSync(valid, "utf8");
      const at = text.lastIndexOf("<ResultCode>");
      const lineStart = text.lastIndexOf("\n", at) + 1;
      writeFileSync(broken, text.slice(0, lineStart) + text.slice(text.indexOf("\n", at) + 1));
      const handlingResultLine = text.slice(0, text.lastIndexOf("<HandlingResult>")).split("\n").length;

      const result = await workspace.easr("ingest", "--dir", dir, "--db", workspace.dbUrl, "--env", "T");
      expect(result.code, result.err.join("\n")).to.equal(0);
      const out = result.out.join("\n");
      const expected = expectedOutcomes(FORMS);
      expect(out).to.include("files     2 answer file(s) = ingested 1 + already ingested 0 + invalid 1");
      expect(out).to.match(
        new RegExp(
          `invalid, skipped ${answerFileName("NOTI", "20180402", 1).replace(/\./g, "\\.")}: line ${handlingResultLine}: .*HandlingResult`,
        ),
      );
      expect(out).to.include(
        `forms     ${FORMS} = accepted ${expected.accepted} + with warnings ${expected.withWarnings} + refused ${expected.refused}`,
      );
      expect(out).to.include(
        `anomalies ${expected.withWarnings + expected.refused} [00044-278 W ${expected.withWarnings}, 00046-008 B ${expected.refused}]`,
      );
      expect(out).to.include("unmatched 0 answer(s) kept, not applied");

      // The forms 1 … 1200 have their outcome, the last 300 of the third file still wait.
      expect(await counted(workspace, "SELECT status AS k, COUNT(*) AS n FROM easr_declaration GROUP BY status")).to.deep.equal({
        accepted: expected.accepted,
        "accepted-with-warnings": expected.withWarnings,
        refused: expected.refused,
        "file-received": set.files * set.formsPerFile - FORMS,
      });
      // Form 1200 is form 200 of the third file: accepted (1200 is no multiple of 7 or 11) with ticket 34 + 00000001200.
      const third = answeredFileNames(set, 2).fileName;
      const ticket = await counted(
        workspace,
        `SELECT d.ticket AS k, COUNT(*) AS n FROM easr_declaration d JOIN easr_file f ON f.id = d.file_id WHERE f.file_name = '${third}' AND d.sequence_nbr = 200 GROUP BY d.ticket`,
      );
      expect(ticket).to.deep.equal({ "3400000001200": 1 });
      // Only the valid file is recorded: one row per answer, in file order, each anomaly on its answer's form.
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_answer_file")).to.equal(1);
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_answer")).to.equal(FORMS);
      expect(
        await workspace.stateCount("SELECT COUNT(DISTINCT position) AS n FROM easr_answer WHERE position BETWEEN 1 AND 1200"),
      ).to.equal(FORMS);
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_anomaly")).to.equal(expected.withWarnings + expected.refused);
      expect(
        await workspace.stateCount(
          "SELECT COUNT(*) AS n FROM easr_anomaly n JOIN easr_answer a ON a.id = n.answer_id WHERE n.declaration_id = a.declaration_id",
        ),
        "every anomaly on its answer's form",
      ).to.equal(expected.withWarnings + expected.refused);

      // The same content again: recognised by its hash, nothing changes.
      const again = await workspace.easr("ingest", "--dir", dir, "--db", workspace.dbUrl, "--env", "T");
      expect(again.out.join("\n")).to.include("files     2 answer file(s) = ingested 0 + already ingested 1 + invalid 1");
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_answer")).to.equal(FORMS);
    });
  });
}

for (const engine of ENGINES) largeOn(engine);

interface ChildIngest {
  readonly code: number | null;
  /** Peak resident set size, and peak live heap + external memory (sampled after a collection), MB. */
  readonly maxRssMb: number;
  readonly maxLiveMb: number;
  readonly output: string;
}

/** `easr ingest` in a child process started with the `easr` command's Node flags and malloc setting (bin/easr.js), its memory sampled by test/support/memory-probe.ts. */
async function ingestInChild(workspace: CliWorkspace, dir: string): Promise<ChildIngest> {
  const root = projectRoot();
  const probeFile = join(workspace.dir, `memory-${Date.now()}.json`);
  const script = `require(${JSON.stringify(join(root, "src", "cli", "main.ts"))}).main(["--quiet", "ingest", "--dir", ${JSON.stringify(dir)}, "--db", ${JSON.stringify(workspace.dbUrl)}, "--env", "T"]).then((code) => { process.exitCode = code; })`;
  const args = [
    "--expose-gc",
    "--max-semi-space-size=8",
    "--max-old-space-size=384",
    "-r",
    "ts-node/register/transpile-only",
    "-r",
    join(root, "test", "support", "memory-probe.ts"),
    "-e",
    script,
  ];
  const env = { ...process.env, MALLOC_ARENA_MAX: "2", EASR_MEMORY_PROBE_FILE: probeFile };
  const child = await runChild(process.execPath, args, { cwd: root, env });
  let memory = { maxRssMb: Number.NaN, maxLiveMb: Number.NaN };
  try {
    memory = JSON.parse(readFileSync(probeFile, "utf8")) as typeof memory;
  } catch {
    // no probe file: the child died before its exit handler
  }
  return { code: child.code, ...memory, output: child.output };
}

/** Ingests a generated notification of about `megabytes` MB in a child process on a fresh workspace; its peaks. */
async function ingestOf(megabytes: number): Promise<ChildIngest> {
  const workspace = await CliWorkspace.create(`ingest-${megabytes}mb`);
  try {
    await workspace.initContract();
    const probe: AnsweredFiles = { files: 1, formsPerFile: 10_000, received: true };
    const forms = formsForBytes(probe, SHAPE, megabytes * 1e6);
    const set: AnsweredFiles = { files: Math.ceil(forms / 10_000), formsPerFile: 10_000, received: true };
    await seedAnsweredFiles(workspace.dbUrl, set);
    const dir = join(workspace.dir, "answers");
    mkdirSync(dir);
    const path = join(dir, answerFileName("NOTI", "20180402", 1));
    await writeNotification(path, set, SHAPE, 1, forms);
    expect(statSync(path).size / 1e6, "the generated file's size in MB").to.be.within(megabytes * 0.9, megabytes * 1.1);

    const child = await ingestInChild(workspace, dir);
    expect(child.code, child.output).to.equal(0);
    const expected = expectedOutcomes(forms);
    expect(child.output).to.include(
      `forms     ${forms} = accepted ${expected.accepted} + with warnings ${expected.withWarnings} + refused ${expected.refused}`,
    );
    expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_answer")).to.equal(forms);
    return child;
  } finally {
    await workspace.remove();
  }
}

/** The peak RSS may grow by less than the answer does (50 MB against 5 MB: 45 MB). */
const RSS_GROWTH_LIMIT_MB = 45;

describe("easr ingest: memory flat in the answer's size [sqlite]", function () {
  this.timeout(300_000);

  it("ingests a generated notification of about 50 MB holding no more than for one of about 5 MB", async () => {
    const small = await ingestOf(5);
    let large = await ingestOf(50);
    // The resident set of a child is noisy (malloc keeps freed arenas for a while; on Node 24 once +85 MB with
    // the live heap flat): a growth past the limit is measured once more, and the lower peak counts. What
    // really grows with the file grows in both measurements.
    if (large.maxRssMb - small.maxRssMb >= RSS_GROWTH_LIMIT_MB) {
      const again = await ingestOf(50);
      if (again.maxRssMb < large.maxRssMb) large = again;
    }
    process.stdout.write(
      `      peak RSS ${small.maxRssMb.toFixed(1)} -> ${large.maxRssMb.toFixed(1)} MB, peak live heap + external ${small.maxLiveMb.toFixed(1)} -> ${large.maxLiveMb.toFixed(1)} MB (5 MB -> 50 MB answer)\n`,
    );
    // What the process holds does not grow with the file: a chunk of Forms at a time, whatever the size.
    expect(large.maxLiveMb - small.maxLiveMb, "growth of the live heap + external memory, MB").to.be.below(10);
    // The resident set grows by less than the 45 MB the file grows by: what grows is bounded caches that
    // fill with a longer transaction (SQLite's page cache, 16 MB in better-sqlite3's build), not the file.
    expect(large.maxRssMb - small.maxRssMb, "growth of the peak RSS, MB").to.be.below(RSS_GROWTH_LIMIT_MB);
  });
});
