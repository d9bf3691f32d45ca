/**
 * Faults at month end on the real CLI path, on every engine: the state lost after
 * the GO files, a read-only or full disk, reports that fail, a state that is empty beside an output
 * folder with batch files, a GO file removed by hand. Each time the exit code and the message tell the
 * truth about what is on disk, nothing is lost, and the next command settles it.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { openDataSource } from "../../ormconfig";
import { EXIT_PUBLISHED_INCOMPLETE, EXIT_RUN_FAILED, EXIT_USAGE } from "../../src/cli/exit-codes";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { parseBatchFileName } from "../../src/files/batch-file-name";
import { onFaultPoint } from "../../src/run/crash-points";
import { type CliResult, CliWorkspace } from "../support/cli-harness";
import { createServerDatabase, ENGINES, requireEngine, type ServerDatabase, type TestEngine } from "../support/database-servers";
import { withEnv } from "../support/env";
import { mountSmallDisk, type SmallDisk } from "../support/small-disk";

/** The state tables a run writes to after its GO files. */
const STATE_TABLES = ["easr_run", "easr_file", "easr_declaration", "easr_audit"];

/** Renames the state tables (`from` → `to` suffix) on another connection: to the run, the state is gone. */
async function renameStateTables(w: CliWorkspace, from: string, to: string): Promise<void> {
  const dataSource = await openDataSource(w.dbUrl);
  try {
    for (const table of STATE_TABLES) await dataSource.query(`ALTER TABLE ${table}${from} RENAME TO ${table}${to}`);
  } finally {
    await dataSource.destroy();
  }
}

function runArgs(w: CliWorkspace, month: string, ...extra: string[]): string[] {
  return ["run", "--month", month, "--db", w.dbUrl, "--out", w.outDir, ...extra];
}

function batchFiles(w: CliWorkspace, month: string): string[] {
  return w.filesOf(month).filter((name) => parseBatchFileName(name) !== null);
}

function temporaryFiles(w: CliWorkspace, month: string): string[] {
  return w.filesOf(month).filter((name) => name.endsWith(".partial"));
}

/** Every FI file with its GO file beside it. */
function expectEveryFiHasItsGo(names: readonly string[]): void {
  const fi = names.filter((n) => n.startsWith("FI."));
  expect(fi.length).to.be.greaterThan(0);
  for (const name of fi) expect(names, `GO of ${name}`).to.include(name.replace(/^FI\./, "GO."));
}

function text(result: CliResult): string {
  return [...result.out, ...result.err].join("\n");
}

async function auditLines(w: CliWorkspace): Promise<string[]> {
  const result = await w.easr("audit", "--db", w.dbUrl);
  expect(result.code, result.err.join("\n")).to.equal(0);
  return result.out;
}

function faultsOn(engine: TestEngine): void {
  describe(`faults at month end [${engine}]`, function () {
    this.timeout(240_000);
    let w: CliWorkspace;
    let disk: SmallDisk | undefined;
    let release: (() => void) | undefined;
    before(async function () {
      await requireEngine(this, engine);
    });
    beforeEach(async () => {
      w = await CliWorkspace.withRows(`faults-${engine}`, engine, circularExampleRows());
    });
    afterEach(async () => {
      release?.();
      release = undefined;
      disk?.unmount();
      disk = undefined;
      await w.remove();
    });

    /** A small disk on the workspace's output folder, or the test skipped with the reason. */
    function smallDisk(context: Mocha.Context): SmallDisk {
      const mounted = mountSmallDisk(w.outDir, 2048);
      if (typeof mounted === "string") context.skip();
      disk = mounted as SmallDisk;
      return disk;
    }

    it("the state lost after the GO files is exit 3 naming the files out; the next run settles them, `easr report` writes the reports", async () => {
      release = onFaultPoint("after-go-files", () => renameStateTables(w, "", "_lost"));
      const lost = await w.easr(...runArgs(w, "2017-09"));
      await renameStateTables(w, "_lost", "");
      expect(lost.code, text(lost)).to.equal(EXIT_PUBLISHED_INCOMPLETE);
      const out = batchFiles(w, "2017-09");
      expectEveryFiHasItsGo(out);
      const message = lost.err.join("\n");
      expect(message).not.to.include("wrote nothing");
      for (const fi of out.filter((n) => n.startsWith("FI."))) expect(message).to.include(fi);
      expect(message).to.include("ready for transfer: keep them");
      expect(message).to.include("easr report --month 2017-09");
      expect(temporaryFiles(w, "2017-09")).to.deep.equal([]);
      // The run's record is out with its files: the reports can be made from it.
      expect(existsSync(join(w.monthDir("2017-09"), "decisions.jsonl"))).to.equal(true);
      expect(existsSync(join(w.monthDir("2017-09"), "report-2017-09.xlsx"))).to.equal(false);

      const next = await w.easr(...runArgs(w, "2017-09"));
      expect(next.code, text(next)).to.equal(0);
      expect(next.out.join("\n")).to.include("warning  run 1 (2017-09, T) has no reports");
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_file WHERE status = 'pending'")).to.equal(0);
      expect(await w.stateCount(`SELECT COUNT(*) AS n FROM easr_file WHERE status = 'written'`)).to.equal(out.length / 2);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_run WHERE id = 1 AND status = 'interrupted'")).to.equal(1);
      // What was out counts as handed over: nothing is declared twice.
      expect(w.summaryOf("2017-09", "run-summary-run2.json").files).to.deep.equal([]);

      const report = await w.easr("report", "--month", "2017-09", "--db", w.dbUrl);
      expect(report.code, text(report)).to.equal(0);
      for (const name of ["report-2017-09.xlsx", "payslip-extract-2017-09.csv", "boards"])
        expect(existsSync(join(w.monthDir("2017-09"), name)), name).to.equal(true);
      expect((await auditLines(w)).filter((l) => l.startsWith("REPORTS OWED"))).to.deep.equal([]);
    });

    it("a read-only output folder is exit 1, 'wrote nothing', and nothing is recorded", async function () {
      smallDisk(this).readOnly();
      const result = await w.easr(...runArgs(w, "2017-09"));
      expect(result.code, text(result)).to.equal(EXIT_RUN_FAILED);
      expect(result.err.join("\n")).to.match(/wrote nothing.*read-only file system/);
      disk!.writable();
      expect(readdirSync(w.outDir)).to.deep.equal([]);
    });

    it("the disk full while the FI files are written is exit 1, the run failed, no temporary file left; after room is made, the month runs", async function () {
      const full = smallDisk(this);
      release = onFaultPoint("after-first-page", async () => full.fill());
      const result = await w.easr(...runArgs(w, "2017-09"));
      expect(result.code, text(result)).to.equal(EXIT_RUN_FAILED);
      expect(result.err.join("\n")).to.match(/wrote nothing.*ENOSPC/);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_run WHERE status = 'failed'")).to.equal(1);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_run WHERE status = 'running'")).to.equal(0);
      expect(batchFiles(w, "2017-09")).to.deep.equal([]);
      expect(temporaryFiles(w, "2017-09")).to.deep.equal([]);
      full.free();
      const again = await w.easr(...runArgs(w, "2017-09"));
      expect(again.code, text(again)).to.equal(0);
      expectEveryFiHasItsGo(batchFiles(w, "2017-09"));
    });

    it("the disk full while the reports are written is exit 3; the audit and the next run name the run until `easr report` has written them", async function () {
      const full = smallDisk(this);
      release = onFaultPoint("after-go-files", async () => full.fill());
      const result = await w.easr(...runArgs(w, "2017-09"));
      expect(result.code, text(result)).to.equal(EXIT_PUBLISHED_INCOMPLETE);
      expect(result.err.join("\n")).to.match(/the run completed .* but writing its reports failed: .*ENOSPC.*easr report --month 2017-09/);
      expectEveryFiHasItsGo(batchFiles(w, "2017-09"));
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_file WHERE status = 'written'")).to.equal(
        batchFiles(w, "2017-09").length / 2,
      );
      expect((await auditLines(w)).filter((l) => l.startsWith("REPORTS OWED"))).to.have.length(1);
      full.free();

      const next = await w.easr(...runArgs(w, "2017-10"));
      expect(next.code, text(next)).to.equal(0);
      expect(next.out.join("\n")).to.match(/warning {2}run 1 \(2017-09, T\) has no reports \(they failed: .*ENOSPC/);
      expect(w.summaryOf("2017-10").warnings.some((warning) => warning.startsWith("run 1 (2017-09, T) has no reports"))).to.equal(true);

      const report = await w.easr("report", "--month", "2017-09", "--db", w.dbUrl);
      expect(report.code, text(report)).to.equal(0);
      expect(report.out[0]).to.equal(`run 1 of 2017-09 (T): reports written from ${join(w.monthDir("2017-09"), "decisions.jsonl")}`);
      for (const name of ["report-2017-09.xlsx", "payslip-extract-2017-09.csv", "boards"])
        expect(existsSync(join(w.monthDir("2017-09"), name)), name).to.equal(true);
      expect((await auditLines(w)).filter((l) => l.startsWith("REPORTS OWED"))).to.deep.equal([]);
      const after = await w.easr(...runArgs(w, "2017-10"));
      expect(after.out.join("\n")).not.to.include("has no reports");
    });

    it("an empty state beside an output folder with batch files is exit 2 unless --new-state; then no sequence number on disk is taken again", async () => {
      await w.run("2017-09");
      const before = batchFiles(w, "2017-09");
      let server: ServerDatabase | undefined;
      let stateUrl: string;
      if (engine === "sqlite") {
        const empty = join(w.dir, "state.sqlite");
        writeFileSync(empty, "");
        stateUrl = `sqlite:${empty}`;
      } else {
        server = await createServerDatabase(engine);
        stateUrl = server.url;
      }
      try {
        await withEnv({ EASR_STATE_DB_URL: stateUrl }, async () => {
          const stopped = await w.easr(...runArgs(w, "2017-10"));
          expect(stopped.code, text(stopped)).to.equal(EXIT_USAGE);
          expect(stopped.err.join("\n")).to.include(
            `the state database holds no run, but ${w.outDir} holds ${before.length} batch file(s) of this adapter`,
          );
          expect(stopped.err.join("\n")).to.include("--new-state");
          expect(batchFiles(w, "2017-10")).to.deep.equal([]);

          const meant = await w.easr(...runArgs(w, "2017-10", "--new-state"));
          expect(meant.code, text(meant)).to.equal(0);
        });
      } finally {
        await server?.drop();
      }
      // Same creation day: each purpose's numbers go on after those on disk.
      const highest = new Map<string, number>();
      for (const name of before) {
        const id = parseBatchFileName(name)!;
        highest.set(id.purpose, Math.max(highest.get(id.purpose) ?? 0, id.sequence));
      }
      const fresh = batchFiles(w, "2017-10").filter((n) => n.startsWith("FI."));
      expect(fresh.length).to.be.greaterThan(0);
      for (const name of fresh) {
        const id = parseBatchFileName(name)!;
        expect(id.sequence, name).to.be.greaterThan(highest.get(id.purpose) ?? 0);
        expect(before).not.to.include(name);
      }
    });

    it("a GO file removed after the run is named by the next run (warning) and in the audit trail", async () => {
      await w.run("2017-09");
      const go = batchFiles(w, "2017-09").find((n) => n.startsWith("GO."))!;
      rmSync(join(w.monthDir("2017-09"), go));
      const next = await w.run("2017-10");
      const warning = `${go} of run 1 is no longer in ${w.monthDir("2017-09")}, and no answer has come for ${go.replace(/^GO\./, "FI.")}`;
      expect(next.out.join("\n")).to.include(`warning  ${warning}`);
      expect(w.summaryOf("2017-10").warnings.some((text) => text.startsWith(warning))).to.equal(true);
      const audit = await w.easr("audit", "--db", w.dbUrl, "--json");
      const missing = audit.out
        .map((l) => JSON.parse(l) as { event?: string; detail?: { file?: string; missing?: string[] } })
        .filter((e) => e.event === "file-missing");
      expect(missing.map((e) => [e.detail?.file, e.detail?.missing])).to.deep.equal([[go.replace(/^GO\./, "FI."), [go]]]);
    });
  });
}

for (const engine of ENGINES) faultsOn(engine);
