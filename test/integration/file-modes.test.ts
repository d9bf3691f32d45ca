/**
 * Nothing the adapter writes is world-readable, on the real CLI path: every file and
 * folder that the commands of a month create — the source and state SQLite databases, the month folder
 * with its FI/GO files, run-summary.json, decisions.jsonl, the workbooks, the payslip extract and PDF,
 * the simulated channel's answers, the simulation workbook, the log, and the demo's database and tree —
 * has exactly EASR_FILE_MODE (files, default 0640) or EASR_DIR_MODE (folders, default 0750), whatever
 * the process umask. The tests run as root, who reads everything anyway: the modes are checked with stat.
 */
import { lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { expect } from "chai";
import { EXIT_USAGE } from "../../src/cli/exit-codes";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { CliWorkspace } from "../support/cli-harness";
import { withEnv } from "../support/env";

/** Every file and folder below `root` (not `root` itself) with its permission bits. */
function modesBelow(root: string): { path: string; kind: "file" | "folder"; mode: number }[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    const mode = lstatSync(path).mode & 0o777;
    return entry.isDirectory() ? [{ path, kind: "folder" as const, mode }, ...modesBelow(path)] : [{ path, kind: "file" as const, mode }];
  });
}

/** The entries whose mode is not the expected one, as `path 0644 (want 0640)`. */
function wrongModes(root: string, want: { file: number; folder: number }): string[] {
  const octal = (mode: number) => `0${mode.toString(8)}`;
  return modesBelow(root)
    .filter((e) => e.mode !== want[e.kind])
    .map((e) => `${relative(root, e.path)} ${octal(e.mode)} (want ${octal(want[e.kind])})`);
}

/** Runs `body` under this umask and restores the one before. */
async function withUmask<T>(umask: number, body: () => Promise<T>): Promise<T> {
  const saved = process.umask(umask);
  try {
    return await body();
  } finally {
    process.umask(saved);
  }
}

async function ok(w: CliWorkspace, ...args: string[]): Promise<void> {
  const result = await w.easr(...args);
  expect(result.code, `easr ${args.join(" ")}: ${result.err.join("\n")}`).to.equal(0);
}

/**
 * The commands of a month on a new workspace: db init of a source database in a folder of its own, a
 * state database in another, a run, a dry run, the channel's answers and their ingest, the next run,
 * a simulation and a payslip PDF. Returns the names that must be among what they wrote.
 */
async function monthOfCommands(w: CliWorkspace): Promise<string[]> {
  return withEnv({ EASR_STATE_DB_URL: `sqlite:${join(w.dir, "state", "easr.sqlite")}` }, () => commandsOfAMonth(w));
}

async function commandsOfAMonth(w: CliWorkspace): Promise<string[]> {
  const source = `sqlite:${join(w.dir, "source", "ministry.sqlite")}`;
  await ok(w, "db", "init", "--db", source);
  await writeContractRowsToUrl(source, circularExampleRows());
  const out = w.outDir;
  await ok(w, "run", "--month", "2017-09", "--db", source, "--out", out);
  await ok(w, "run", "--month", "2017-10", "--db", source, "--out", out, "--dry-run");
  await ok(w, "channel", "simulate", "--dir", out);
  await ok(w, "ingest", "--dir", join(out, "2017-09", "answers"), "--db", source);
  await ok(w, "run", "--month", "2017-10", "--db", source, "--out", out);
  await ok(w, "simulate", "--month", "2017-10", "--threshold", "2070.48", "--db", source, "--out", out);
  await ok(w, "payslip", "--staff", "1", "--month", "2017-09", "--out", out, "--pdf", join(out, "copy-1.pdf"));
  return [
    "source",
    "source/ministry.sqlite",
    "state",
    "state/easr.sqlite",
    "out/easr.log",
    "out/2017-09/run-summary.json",
    "out/2017-09/decisions.jsonl",
    "out/2017-09/payslip-extract-2017-09.csv",
    "out/2017-09/report-2017-09.xlsx",
    "out/2017-09/boards",
    "out/2017-09/answers",
    "out/dry-run/2017-10",
    "out/simulations",
    "out/copy-1.pdf",
  ];
}

describe("file and folder modes", function () {
  this.timeout(240_000);
  const made: CliWorkspace[] = [];
  after(async () => {
    for (const w of made) await w.remove();
  });

  it("by default every file is 0640 and every folder 0750, even under umask 000", async () => {
    const w = new CliWorkspace("modes-default");
    made.push(w);
    await withUmask(0o000, async () => {
      const expected = await monthOfCommands(w);
      // The demo builds its own database and tree.
      await ok(
        w,
        "demo",
        "--staff",
        "0",
        "--db",
        `sqlite:${join(w.dir, "demo", "data", "demo.sqlite")}`,
        "--out",
        join(w.dir, "demo", "out"),
      );
      const written = modesBelow(w.dir).map((e) => relative(w.dir, e.path));
      for (const name of [...expected, "demo/data/demo.sqlite", "demo/out/2017-09/run-summary.json", "demo/out/easr.log"])
        expect(written, name).to.include(name);
      expect(
        written.some((name) => /^out\/2017-09\/FI\.WECH\./.test(name)),
        "an FI file",
      ).to.equal(true);
      expect(
        written.some((name) => /^out\/2017-09\/GO\.WECH\./.test(name)),
        "a GO file",
      ).to.equal(true);
      expect(
        written.some((name) => /^out\/2017-09\/boards\/[a-z0-9-]+-\d+-2017-09\.xlsx$/.test(name)),
        "a board workbook",
      ).to.equal(true);
      expect(
        written.some((name) => /^out\/2017-09\/answers\/FO\./.test(name)),
        "an answer file",
      ).to.equal(true);
      expect(
        written.some((name) => /^out\/simulations\/simulate-.*\.xlsx$/.test(name)),
        "the simulation workbook",
      ).to.equal(true);
      expect(wrongModes(w.dir, { file: 0o640, folder: 0o750 })).to.deep.equal([]);
    });
  });

  it("EASR_FILE_MODE and EASR_DIR_MODE set them exactly, even under umask 077", async () => {
    const want = { file: parseInt("660", 8), folder: parseInt("770", 8) };
    const w = new CliWorkspace("modes-set");
    made.push(w);
    await withUmask(0o077, async () => {
      const expected = await withEnv({ EASR_FILE_MODE: "0660", EASR_DIR_MODE: "0770" }, () => monthOfCommands(w));
      const written = modesBelow(w.dir).map((e) => relative(w.dir, e.path));
      for (const name of expected) expect(written, name).to.include(name);
      expect(wrongModes(w.dir, want)).to.deep.equal([]);
    });
  });

  it("folders that exist already are left as they are", async () => {
    const w = new CliWorkspace("modes-existing");
    made.push(w);
    await withUmask(0o022, async () => {
      mkdirSync(w.outDir, { mode: 0o755 });
      await w.initContract();
      await writeContractRowsToUrl(w.dbUrl, circularExampleRows());
      await w.run("2017-09");
      expect(lstatSync(w.outDir).mode & 0o777).to.equal(0o755);
      expect(lstatSync(w.monthDir("2017-09")).mode & 0o777).to.equal(0o750);
    });
  });

  it("a bad EASR_FILE_MODE or EASR_DIR_MODE stops every command at start-up with exit 2, naming it, before anything is written", async () => {
    const w = new CliWorkspace("modes-bad");
    made.push(w);
    const cases: [Record<string, string>, string][] = [
      [{ EASR_FILE_MODE: "0644" }, "EASR_FILE_MODE: must give others no access"],
      [{ EASR_FILE_MODE: "rw-r-----" }, "EASR_FILE_MODE: must be octal permission bits"],
      [{ EASR_FILE_MODE: "0440" }, "EASR_FILE_MODE: must let the owner read and write"],
      [{ EASR_DIR_MODE: "0755" }, "EASR_DIR_MODE: must give others no access"],
      [{ EASR_DIR_MODE: "0640" }, "EASR_DIR_MODE: must let the owner read, write and enter"],
      [{ EASR_DIR_MODE: "99" }, "EASR_DIR_MODE: must be octal permission bits"],
    ];
    for (const [vars, message] of cases) {
      await withEnv(vars, async () => {
        for (const args of [
          ["db", "init", "--db", w.dbUrl],
          ["channel", "simulate", "--dir", w.dir],
          ["run", "--month", "2017-09", "--db", w.dbUrl, "--out", w.outDir],
        ]) {
          const result = await w.easr(...args);
          expect(result.code, `${JSON.stringify(vars)} easr ${args[0]}`).to.equal(EXIT_USAGE);
          expect(result.err.join("\n")).to.include(message);
        }
      });
      expect(readdirSync(w.dir), JSON.stringify(vars)).to.deep.equal([]);
    }
    // easr config still lists the variables, bad value or not.
    await withEnv({ EASR_FILE_MODE: "0644" }, async () => {
      const result = await w.easr("config");
      expect(result.code).to.equal(0);
      expect(result.out.join("\n")).to.match(/^EASR_FILE_MODE: .*0640/m);
      expect(result.out.join("\n")).to.match(/^EASR_DIR_MODE: .*0750/m);
    });
  });
});
