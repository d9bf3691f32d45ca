/**
 * Month end in production: never two runs at once, a run killed at any moment leaves nothing half
 * done and the next one produces exactly what an uninterrupted run would have, the safety valve, and
 * the audit trail. Runs are real `easr` processes (bin/easr.js), killed with SIGKILL.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect } from "chai";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { batchFilesIn, type XmlNode } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { easrProcess } from "../support/easr-process";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { expectFolderValid } from "../support/xsd-check";
import { makeTestCertificate, opensslVerifies } from "../support/test-certificate";

async function exampleWorkspace(label: string, engine: TestEngine = "sqlite"): Promise<CliWorkspace> {
  const workspace = await CliWorkspace.create(label, engine);
  expect((await workspace.easr("db", "init", "--db", workspace.dbUrl)).code).to.equal(0);
  await writeContractRowsToUrl(workspace.dbUrl, circularExampleRows());
  return workspace;
}

/** The forms of the submitted files (FI with their GO) of a folder, without creation time and sequence numbers. */
function submittedForms(dir: string): string[] {
  const names = readdirSync(dir);
  const forms: string[] = [];
  for (const file of batchFilesIn(dir)) {
    if (!names.includes(file.fileName.replace(/^FI\./, "GO."))) continue;
    for (const form of file.forms) {
      const copy = JSON.parse(JSON.stringify(form)) as XmlNode & Record<string, unknown>;
      delete copy.FormCreationDate;
      delete copy.FormCreationHour;
      delete (copy.EmployerDeclarationLink as Record<string, Record<string, unknown>>).NaturalPerson.NaturalPersonSequenceNbr;
      forms.push(JSON.stringify(copy));
    }
  }
  return forms.sort();
}

function query(workspace: CliWorkspace, sql: string): Record<string, unknown>[] {
  const db = new Database(workspace.dbUrl.slice("sqlite:".length), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe("operation at month end", function () {
  this.timeout(240_000);
  const made: CliWorkspace[] = [];
  after(async () => {
    for (const w of made) await w.remove();
  });
  async function workspace(label: string, engine: TestEngine = "sqlite"): Promise<CliWorkspace> {
    const w = await exampleWorkspace(label, engine);
    made.push(w);
    return w;
  }
  const run = (w: CliWorkspace, month: string, env: NodeJS.ProcessEnv = {}, ...extra: string[]) =>
    easrProcess(["run", "--month", month, "--db", w.dbUrl, "--out", w.outDir, ...extra], env);

  for (const engine of ENGINES) {
    it(`two runs of the same month started together make exactly one submission (${engine})`, async function () {
      await requireEngine(this, engine);
      const w = await workspace(`concurrent-${engine}`, engine);
      const [first, second] = await Promise.all([run(w, "2017-09"), run(w, "2017-09")]);
      const codes = [first.code, second.code].sort();
      // Either the second found the lock taken (exit 1, said plainly) or it ran after the first and found nothing new.
      expect(codes[0], first.stderr + second.stderr).to.equal(0);
      if (codes[1] !== 0) expect(first.stderr + second.stderr).to.include("another run holds the run lock");
      expect(w.filesOf("2017-09").filter((n) => n.startsWith("FI."))).to.have.length(2);
      expect(w.filesOf("2017-09").filter((n) => n.startsWith("GO."))).to.have.length(2);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration")).to.equal(7);
      expect(
        await w.stateCount(
          "SELECT COUNT(*) AS n FROM (SELECT form_type, staff_id, assignment_id, reference_month FROM easr_declaration GROUP BY form_type, staff_id, assignment_id, reference_month HAVING COUNT(*) > 1) AS d",
        ),
      ).to.equal(0);
    });
  }

  it("a run waits for the lock when told to (EASR_LOCK_WAIT_SECONDS) and stops at once otherwise", async () => {
    const w = await workspace("lock-wait");
    const lockFile = `${w.dbUrl.slice("sqlite:".length)}.easr-run.lock`;
    const { writeFileSync, rmSync } = await import("node:fs");
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), holder: "test", since: "now" }));
    const refused = await run(w, "2017-09");
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include("another run holds the run lock (test, pid");
    const waiting = run(w, "2017-09", { EASR_LOCK_WAIT_SECONDS: "30" });
    setTimeout(() => rmSync(lockFile, { force: true }), 1500);
    expect((await waiting).code).to.equal(0);
    expect(w.filesOf("2017-09").filter((n) => n.startsWith("GO."))).to.have.length(2);
  });

  describe("a run killed with SIGKILL", () => {
    let reference: string[];
    before(async () => {
      const w = await workspace("uninterrupted");
      for (const month of ["2017-09", "2017-10", "2017-11", "2017-12"]) await w.run(month);
      reference = submittedForms(w.monthDir("2017-12"));
      expect(reference.length).to.equal(10);
    });

    for (const point of ["after-first-page", "after-recording-files", "after-first-rename", "after-go-files"]) {
      it(`${point}: the next run cleans up and the month's submission equals an uninterrupted run's`, async () => {
        const w = await workspace(`crash-${point}`);
        for (const month of ["2017-09", "2017-10", "2017-11"]) await w.run(month);
        const killed = await run(w, "2017-12", { EASR_CRASH_AT: point });
        expect(killed.signal, killed.stderr).to.equal("SIGKILL");
        const next = await run(w, "2017-12");
        expect(next.code, next.stderr).to.equal(0);
        const names = w.filesOf("2017-12");
        expect(
          names.filter((n) => n.endsWith(".partial") || n.startsWith(".")),
          "temporary files",
        ).to.deep.equal([]);
        for (const fi of names.filter((n) => n.startsWith("FI."))) expect(names, `GO of ${fi}`).to.include(fi.replace(/^FI\./, "GO."));
        expect(submittedForms(w.monthDir("2017-12"))).to.deep.equal(reference);
        await expectFolderValid(w.monthDir("2017-12"));
        expect(query(w, "SELECT COUNT(*) AS n FROM easr_run WHERE status = 'running'")[0].n).to.equal(0);
        expect(query(w, "SELECT COUNT(*) AS n FROM easr_file WHERE status = 'pending'")[0].n).to.equal(0);
        const interrupted = query(w, "SELECT event FROM easr_audit WHERE event = 'run-interrupted'");
        expect(interrupted).to.have.length(1);
        // a third run has nothing to add
        const again = await run(w, "2017-12");
        expect(again.stdout).to.include("nothing new to declare");
      });
    }
  });

  it("a signed run killed after its first FS file: the next run takes both back and signs the month's files anew, every FS verified", async () => {
    const w = await workspace("crash-after-first-signature");
    const made = makeTestCertificate(w.dir, "agency");
    const signing = { EASR_SIGNING_CERT: made.certificate, EASR_SIGNING_KEY: made.key };
    const killed = await run(w, "2017-09", { ...signing, EASR_CRASH_AT: "after-first-signature" });
    expect(killed.signal, killed.stderr).to.equal("SIGKILL");
    const next = await run(w, "2017-09", signing);
    expect(next.code, next.stderr).to.equal(0);
    // The test certificate ends within two days: every run says so.
    expect(w.summaryOf("2017-09").warnings.some((m) => m.startsWith("the signing certificate (CN=easr test agency) expires on"))).to.equal(
      true,
    );
    const names = w.filesOf("2017-09").filter((n) => /^(FI|FS|GO)\./.test(n));
    const fis = names.filter((n) => n.startsWith("FI."));
    expect(fis).to.have.length(2);
    // Every FS and GO belongs to an FI file of the finished run; the killed run's numbers stay used.
    expect(names.filter((n) => !n.startsWith("FI.")).sort()).to.deep.equal(
      fis.flatMap((fi) => [fi.replace(/^FI\./, "FS."), fi.replace(/^FI\./, "GO.")]).sort(),
    );
    for (const fi of fis)
      expect(
        opensslVerifies(
          w.dir,
          join(w.monthDir("2017-09"), fi),
          readFileSync(join(w.monthDir("2017-09"), fi.replace(/^FI\./, "FS.")), "utf8"),
          made.certificate,
        ),
        fi,
      ).to.equal(true);
  });

  it("the safety valve stops a swing before writing, and --accept-swing lets it through", async () => {
    const w = await workspace("swing");
    await w.run("2017-09");
    const env = { EASR_SWING_MIN_FORMS: "1", EASR_SWING_LIMIT: "0.30" };
    const stopped = await run(w, "2017-10", env);
    expect(stopped.code).to.equal(1);
    expect(stopped.stderr).to.include("safety valve: WECH006: 5 forms in 2017-10 against 3 in 2017-09 (67 %)");
    expect(stopped.stderr).to.include("--accept-swing");
    expect(w.filesOf("2017-10").filter((n) => n.startsWith("FI.") || n.startsWith("GO."))).to.deep.equal([]);
    expect(
      query(w, "SELECT COUNT(*) AS n FROM easr_declaration d JOIN easr_run r ON r.id = d.run_id WHERE r.month = '2017-10'")[0].n,
    ).to.equal(0);
    const accepted = await run(w, "2017-10", env, "--accept-swing");
    expect(accepted.code, accepted.stderr).to.equal(0);
    expect(w.filesOf("2017-10").filter((n) => n.startsWith("GO."))).to.have.length(2);
    const events = query(w, "SELECT event FROM easr_audit WHERE month = '2017-10' ORDER BY id").map((r) => r.event);
    expect(events).to.include.members(["swing-stopped", "swing-accepted", "run-failed", "run-completed"]);
  });

  it("the audit trail records who ran what, every file with its SHA-256 and form count, and failures", async () => {
    const w = await workspace("audit");
    await w.run("2017-09");
    const result = await w.easr("audit", "--month", "2017-09", "--db", w.dbUrl, "--json");
    expect(result.code).to.equal(0);
    const entries = result.out.map(
      (l) => JSON.parse(l) as { event: string; actor: string; host: string; detail?: Record<string, unknown> },
    );
    expect(entries.map((e) => e.event)).to.deep.equal(["run-started", "file-written", "file-written", "run-completed", "reports-written"]);
    const summary = w.summaryOf("2017-09");
    const written = entries.filter((e) => e.event === "file-written").map((e) => [e.detail!.file, e.detail!.sha256, e.detail!.forms]);
    expect(written).to.deep.equal(summary.files.map((f) => [f.fileName, f.sha256, f.forms]));
    expect(entries.every((e) => e.actor.length > 0 && e.host.length > 0)).to.equal(true);
    const none = await w.easr("audit", "--month", "2019-01", "--db", w.dbUrl);
    expect(none.out).to.deep.equal(["no audit entries"]);
  });

  it("test (T) and real (R) submissions are kept apart: folders, sequence numbers, declarations", async () => {
    const w = await workspace("environments");
    const made = makeTestCertificate(w.dir, "agency");
    const real = {
      EASR_SENDER_NUMBER: "412345",
      EASR_NOSS_NUMBER: "100006",
      EASR_KBO_NUMBER: "0566988259",
      EASR_SIGNING_CERT: made.certificate,
      EASR_SIGNING_KEY: made.key,
    };
    expect((await run(w, "2017-09")).code).to.equal(0);
    const r = await run(w, "2017-09", real, "--env", "R");
    expect(r.code, r.stderr).to.equal(0);
    const test = w.filesOf("2017-09").filter((n) => n.startsWith("FI."));
    const production = readdirSync(join(w.outDir, "R", "2017-09")).filter((n) => n.startsWith("FI."));
    // An R submission is signed: each FI file has its FS file, which openssl verifies against it (issue 15).
    for (const fi of production) {
      const fs = readFileSync(join(w.outDir, "R", "2017-09", fi.replace(/^FI\./, "FS.")), "utf8");
      expect(opensslVerifies(w.dir, join(w.outDir, "R", "2017-09", fi), fs, made.certificate), fi).to.equal(true);
    }
    expect(
      test.some((n) => existsSync(join(w.monthDir("2017-09"), n.replace(/^FI\./, "FS.")))),
      "T unsigned without a certificate",
    ).to.equal(false);
    expect(test.every((n) => n.endsWith(".T") && n.includes(".900123."))).to.equal(true);
    expect(production.every((n) => n.endsWith(".R") && n.includes(".412345."))).to.equal(true);
    // each environment numbers its own files from 1, and declares everything once
    expect(test.map((n) => n.split(".")[4])).to.deep.equal(["00001", "00002"]);
    expect(production.map((n) => n.split(".")[4])).to.deep.equal(["00001", "00002"]);
    expect(query(w, "SELECT environment, COUNT(*) AS n FROM easr_declaration GROUP BY environment ORDER BY environment")).to.deep.equal([
      { environment: "R", n: 7 },
      { environment: "T", n: 7 },
    ]);
    // R is never the default, refuses the demo identity, and an unsigned submission
    expect((await run(w, "2017-10", {}, "--env", "R")).stderr).to.include("EASR_ENVIRONMENT=R needs the agency's own");
    const unsigned = await run(w, "2017-10", { ...real, EASR_SIGNING_CERT: "", EASR_SIGNING_KEY: "" }, "--env", "R");
    expect([unsigned.code, unsigned.stderr.includes("EASR_ENVIRONMENT=R needs the agency's signing certificate")]).to.deep.equal([2, true]);
  });
});
