/**
 * The optional database drivers on the real program (bin/easr.js as a process): a package is made
 * missing by a preload that refuses to resolve it, as Node does for a package that is not installed
 * (MODULE_NOT_FOUND, for `require` and `require.resolve` alike). The driver a database URL needs, missing,
 * is exit 2 with a line naming the package to install; the drivers of the other databases may be missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { EXIT_USAGE } from "../../src/cli/exit-codes";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { projectRoot } from "../../src/util/project-root";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { easrProcess, type ProcessResult } from "../support/easr-process";

/** By name (\`mssql\`, \`mssql/…\`) or by path into a node_modules folder (TypeORM tries <cwd>/node_modules/<name> too). */
const HIDE_MODULES = `"use strict";
const Module = require("node:module");
const hidden = (process.env.EASR_TEST_HIDDEN_MODULES || "").split(",").filter(Boolean);
const resolveFilename = Module._resolveFilename;
const isHidden = (request) =>
  hidden.some((name) => [name, "/node_modules/" + name].some((p) => request === p || request.startsWith(p + "/") || request.endsWith(p)));
Module._resolveFilename = function (request, ...rest) {
  if (isHidden(request)) {
    const error = new Error("Cannot find module '" + request + "' (hidden by the test)");
    error.code = "MODULE_NOT_FOUND";
    throw error;
  }
  return resolveFilename.call(this, request, ...rest);
};
`;

/** No stack, no Node resolver text: what an operator sees is the program's own line. */
function expectNoRawModuleError(result: ProcessResult): void {
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.to.match(/MODULE_NOT_FOUND|Require stack|Cannot find module|\n\s+at /);
}

describe("database drivers installed one by one", function () {
  this.timeout(120_000);
  let dir: string;
  let hook: string;
  /** Variables that run a process with `modules` not installed. */
  const hiding = (...modules: string[]) => ({ NODE_OPTIONS: `--require ${hook}`, EASR_TEST_HIDDEN_MODULES: modules.join(",") });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "easr-drivers-"));
    hook = join(dir, "hide-modules.js");
    writeFileSync(hook, HIDE_MODULES);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("the preload makes a package missing as Node does, and only the packages it is told", () => {
    const probe = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ["-e", 'require.resolve("pg"); require("mssql")'], { env: { ...process.env, ...env }, encoding: "utf8" });
    const hidden = probe(hiding("mssql"));
    expect(hidden.status).to.equal(1);
    expect(hidden.stderr).to.include("Cannot find module 'mssql'").and.include("MODULE_NOT_FOUND");
    const byPath = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(join(projectRoot(), "node_modules", "mssql"))})`], {
      env: { ...process.env, ...hiding("mssql") },
      encoding: "utf8",
    });
    expect(byPath.status).to.equal(1);
    expect(byPath.stderr).to.include("MODULE_NOT_FOUND");
    const other = probe(hiding("mysql2"));
    expect(other.status, other.stderr).to.equal(0);
  });

  it("a run on SQL Server without mssql: exit 2, `npm install mssql`, nothing written", async () => {
    const out = join(dir, "out-mssql");
    const result = await easrProcess(["run", "--month", "2024-01", "--db", "mssql://easr:secret@127.0.0.1:1/hr", "--out", out], {
      ...hiding("mssql"),
      EASR_LOG_FILE: join(dir, "easr.log"),
    });
    expect(result.code, result.stderr).to.equal(EXIT_USAGE);
    expect(result.stderr).to.include("--db: a SQL Server database needs the driver mssql, which is not installed: npm install mssql");
    expect(result.stderr).not.to.include("secret");
    expectNoRawModuleError(result);
    expect(existsSync(out), "the output folder").to.equal(false);
  });

  it("config --check on PostgreSQL without pg: the configuration check fails naming `npm install pg` (exit 2)", async () => {
    const result = await easrProcess(["config", "--check"], {
      ...hiding("pg"),
      EASR_DB_URL: "postgres://postgres@127.0.0.1:1/test",
      EASR_OUT_DIR: join(dir, "out-pg"),
    });
    expect(result.code, result.stderr).to.equal(EXIT_USAGE);
    expect(result.stdout).to.match(
      /FAIL configuration: .*EASR_DB_URL: a PostgreSQL database needs the driver pg, which is not installed: npm install pg/,
    );
    expectNoRawModuleError(result);
  });

  it("SQLite needs none of pg, mysql2 and mssql: db init and a month's run with all three missing", async () => {
    const db = `sqlite:${join(dir, "ministry.sqlite")}`;
    const none = { ...hiding("pg", "mysql2", "mssql"), EASR_LOG_FILE: join(dir, "easr-sqlite.log") };
    const init = await easrProcess(["db", "init", "--db", db], none);
    expect(init.code, init.stderr).to.equal(0);
    await writeContractRowsToUrl(db, circularExampleRows());
    const out = join(dir, "out-sqlite");
    const run = await easrProcess(["run", "--month", "2017-09", "--db", db, "--out", out], none);
    expect(run.code, run.stderr).to.equal(0);
    expectNoRawModuleError(run);
    expect(readdirSync(join(out, "2017-09")).filter((name) => name.startsWith("FI.WECH."))).to.have.length.greaterThan(0);
  });
});
