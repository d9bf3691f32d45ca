/**
 * What operators use to answer questions and trust a run: `easr explain`, `easr simulate`, and the
 * log file of a demo run (which must never hold an INSZ in clear).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { expect } from "chai";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { CliWorkspace } from "../support/cli-harness";

describe("explain, simulate and the log of a demo run", function () {
  this.timeout(180_000);
  let workspace: CliWorkspace;

  before(async () => {
    workspace = new CliWorkspace("explain");
    expect((await workspace.easr("db", "init", "--db", workspace.dbUrl)).code).to.equal(0);
    await writeContractRowsToUrl(workspace.dbUrl, circularExampleRows());
    for (const month of ["2017-09", "2017-10"]) await workspace.run(month);
  });
  after(() => workspace.remove());

  it("explain on example 4 names the gross-salary rule, the amounts, the occupation and what was sent", async () => {
    const result = await workspace.easr("explain", "--staff", "4", "--month", "2017-10", "--db", workspace.dbUrl);
    expect(result.code, result.err.join("\n")).to.equal(0);
    const text = result.out.join("\n");
    expect(text).to.include("WECH006 assignment #41 2017-10: not eligible — GROSS_AT_OR_ABOVE_THRESHOLD: gross EUR 1817.86 >= EUR 1600.00");
    expect(text).to.include("occupation 60.0 % over 31 occupied days");
    expect(text).to.include("salary line #402 EUR 1817.86 paid 2017-10-25 for assignment #41: counted");
    expect(text).to.include("window 2017-09-01 … 2018-08-31");
    expect(text).to.match(/WECH003 assignment #41: run \d+ \(2017-09\), FI\.WECH\.900123\.\d{8}\.\d{5}\.T, form \d+/);
    expect(text).not.to.match(/\d{11}/);
  });

  it("explain finds a person by INSZ without printing it, and explains a late notification", async () => {
    const insz = String(circularExampleRows(2).staff_member![0].insz);
    const result = await workspace.easr("explain", "--insz", insz, "--month", "2017-11", "--db", workspace.dbUrl);
    expect(result.code, result.err.join("\n")).to.equal(0);
    const text = result.out.join("\n");
    expect(text).to.include("received after the cut-off 2017-11-15 16:00:00");
    expect(text).to.include("not-eligible (NOTIFICATION_AFTER_CUTOFF");
    expect(text).not.to.include(insz);
    expect((await workspace.easr("explain", "--staff", "4", "--insz", insz, "--month", "2017-11")).code).to.equal(2);
  });

  it("simulate with the RVA's EUR 2070.48 lists example 4's person as added and records nothing", async () => {
    const db = () => new Database(workspace.dbUrl.slice("sqlite:".length), { readonly: true });
    const count = (sql: string) => {
      const handle = db();
      try {
        return Number((handle.prepare(sql).get() as { n: number }).n);
      } finally {
        handle.close();
      }
    };
    const runsBefore = count("SELECT COUNT(*) AS n FROM easr_run");
    const result = await workspace.easr(
      "simulate",
      "--month",
      "2017-10",
      "--threshold",
      "2070.48",
      "--db",
      workspace.dbUrl,
      "--out",
      workspace.outDir,
    );
    expect(result.code, result.err.join("\n")).to.equal(0);
    const text = result.out.join("\n");
    expect(text).to.include("eligible for WECH006 of 2017-10: real rules 5, simulated 6");
    expect(text).to.match(/added 1:\n {2}staff 4 .*gross EUR 1817\.86, occupation 60\.0 % — real rules: GROSS_AT_OR_ABOVE_THRESHOLD/);
    expect(text).to.include("dropped 0:");
    expect(count("SELECT COUNT(*) AS n FROM easr_run")).to.equal(runsBefore);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(workspace.outDir, "simulations", "simulate-2017-10-207048-80.xlsx"));
    const added = workbook.getWorksheet("Added")!;
    expect(added.rowCount).to.equal(2);
    expect([added.getRow(2).getCell(1).value, added.getRow(2).getCell(5).value, added.getRow(2).getCell(7).value]).to.deep.equal([
      4,
      1817.86,
      "GROSS_AT_OR_ABOVE_THRESHOLD",
    ]);
    expect(workbook.getWorksheet("Dropped")!.rowCount).to.equal(1);
    const stricter = await workspace.easr(
      "simulate",
      "--month",
      "2017-10",
      "--threshold",
      "1600",
      "--occupation-limit",
      "0.50",
      "--db",
      workspace.dbUrl,
      "--out",
      workspace.outDir,
    );
    expect(stricter.out.join("\n")).to.match(/dropped [1-9]/);
    expect((await workspace.easr("simulate", "--month", "2017-10", "--threshold", "abc")).code).to.equal(2);
  });

  it("the log file of a demo run has a run id on the run's lines and no INSZ of the data set in clear", async () => {
    const demo = new CliWorkspace("demo-log");
    try {
      const result = await demo.easr("demo", "--db", demo.dbUrl, "--out", demo.outDir);
      expect(result.code, result.err.join("\n")).to.equal(0);
      const log = readFileSync(join(demo.outDir, "easr.log"), "utf8");
      const lines = log
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.length).to.be.greaterThan(13);
      expect(
        lines
          .filter((l) => typeof l.message === "string" && (l.message as string).startsWith("wrote FI."))
          .every((l) => /^run-\d+$/.test(String(l.runId))),
      ).to.equal(true);
      const handle = new Database(demo.dbUrl.slice("sqlite:".length), { readonly: true });
      const inszs = (handle.prepare("SELECT insz FROM staff_member").all() as { insz: string }[]).map((r) => r.insz);
      handle.close();
      expect(inszs.length).to.be.greaterThan(400);
      for (const insz of inszs) expect(log.includes(insz), `INSZ ending ${insz.slice(-3)} in the log`).to.equal(false);
      expect(log).to.include("INSZ_INVALID");
    } finally {
      demo.remove();
    }
  });
});
