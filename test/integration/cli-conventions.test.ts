/**
 * The CLI behaves like one (issue 16, part 5): `--version` / `-V` with the commit it was built from (and
 * `-v` still verbose), the version in the run's summary, the audit trail and the log; a reader that stops
 * reading (`| head`) is no failure; errors name the flag the user typed; an id of nobody is an error, not an
 * empty trace; the log's time stamps in Brussels time with their offset; the payslip CSV with a UTF-8 BOM;
 * the operator workbook's language.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import { monthsFromTo } from "../../src/domain/year-month";
import { dirname, join } from "node:path";
import { expect } from "chai";
import { projectRoot } from "../../src/util/project-root";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { CliWorkspace } from "../support/cli-harness";
import { BIN } from "../support/easr-process";
import { withEnv } from "../support/env";
import { readWorkbook } from "../support/workbook-tables";

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { version: string }).version;
/** `easr <package version> (commit <12 hex, maybe -dirty> | unknown)`. */
const VERSION_LINE = new RegExp(`^easr ${PACKAGE_VERSION.replaceAll(".", "\\.")} \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)$`);

/** Runs the built program with its stdout closed by the reader at once, as `| head -0` would. */
function withStdoutClosed(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("the CLI's conventions", function () {
  this.timeout(120_000);
  let w: CliWorkspace;

  before(async () => {
    w = new CliWorkspace("conventions");
    await w.initContract();
    await writeContractRowsToUrl(w.dbUrl, circularExampleRows());
    await w.run("2017-09");
  });
  after(() => w.remove());

  it("--version and -V print the version and the commit; -v stays verbose", async () => {
    for (const flag of ["--version", "-V"]) {
      const result = await w.easr(flag);
      expect(result.code).to.equal(0);
      expect(result.out).to.have.length(1);
      expect(result.out[0]).to.match(VERSION_LINE);
    }
    expect((await w.easr("-v", "config")).code).to.equal(0);
  });

  it("the run's summary, its audit row and the log name the version", async () => {
    const summary = w.summaryOf("2017-09") as unknown as { toolVersion: string };
    expect(summary.toolVersion).to.match(VERSION_LINE);
    const audit = await w.easr("audit", "--db", w.dbUrl, "--json");
    const entries = audit.out.map((line) => JSON.parse(line) as { event: string; detail?: { version?: string } });
    const started = entries.find((e) => e.event === "run-started");
    expect(started?.detail?.version).to.equal(summary.toolVersion);
    const log = readFileSync(join(w.outDir, "easr.log"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { message: string; timestamp: string });
    expect(log.some((l) => l.message.startsWith(`${summary.toolVersion}: run of 2017-09`))).to.equal(true);
    // Brussels time with its offset, as the console and the audit trail have it.
    for (const line of log) expect(line.timestamp).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/);
  });

  it("a reader that stops reading is no failure: exit 0, no stack trace", async () => {
    for (const args of [["config"], ["audit", "--db", w.dbUrl, "--json"]]) {
      const result = await withStdoutClosed(args);
      expect([result.code, result.stderr], args.join(" ")).to.deep.equal([0, ""]);
    }
  });

  it("an error names the flag the user typed, not the variable behind it", async () => {
    const result = await w.easr("run", "--month", "2017-10", "--db", w.dbUrl, "--out", w.outDir, "--env", "X");
    expect(result.code).to.equal(2);
    expect(result.err.join("\n")).to.include("--env: Invalid option").and.not.include("EASR_ENVIRONMENT");
  });

  it("explain of an id that is nobody's is bad usage (exit 2), not an empty trace", async () => {
    const result = await w.easr("explain", "--staff", "999999", "--month", "2017-09", "--db", w.dbUrl);
    expect([result.code, result.err.join("\n"), result.out]).to.deep.equal([
      2,
      "easr: --staff 999999: no staff member with that id in the ministry database",
      [],
    ]);
  });

  it("ingest --dir takes the output folder, as channel simulate does: each month folder's answers; a folder without answers is said (and what waited is still applied)", async () => {
    const empty = join(w.dir, "empty");
    mkdirSync(empty);
    const none = await w.easr("ingest", "--dir", empty, "--db", w.dbUrl);
    expect([none.code, none.err.join("\n")]).to.deep.equal([
      0,
      `warning: --dir: ${empty} holds no answer files (FO.… or .xml), nor does its answers/ or any month folder's answers/`,
    ]);
    expect(none.out[1]).to.match(/^files {5}0 answer file\(s\)/);
    expect((await w.easr("channel", "simulate", "--dir", w.outDir)).code).to.equal(0);
    const ingested = await w.easr("ingest", "--dir", w.outDir, "--db", w.dbUrl);
    expect(ingested.code, ingested.err.join("\n")).to.equal(0);
    expect(ingested.out[0]).to.equal(`Ingest ${join(w.monthDir("2017-09"), "answers")} (T)`);
    // The month's two files, each answered by a receipt and a notification.
    expect(ingested.out[1]).to.match(/^files {5}4 answer file\(s\) = ingested 4 /);
    expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_file WHERE status = 'received'")).to.equal(2);
  });

  it("a dry run's summary names no GO file: it writes none", async () => {
    const dry = new CliWorkspace("conventions-dry");
    try {
      await dry.initContract();
      await writeContractRowsToUrl(dry.dbUrl, circularExampleRows());
      const result = await dry.easr("run", "--month", "2017-09", "--db", dry.dbUrl, "--out", dry.outDir, "--dry-run");
      expect(result.code, result.err.join("\n")).to.equal(0);
      const files = result.out.filter((line) => line.startsWith("file "));
      // The circular's examples give a WECH003 and a WECH006 file in 2017-09.
      expect(files).to.have.length(2);
      for (const line of files) expect(line).to.match(/^file {5}FI\.WECH\.\S+ \(\d+ WECH00[36] forms\) without GO file \(dry run\)$/);
      expect(result.out.join("\n")).not.to.match(/\bGO\.WECH\./);
      // A dry run is in no run of the state: no month-over-month sheet or chart that would leave it out.
      const written = result.out
        .find((line) => line.startsWith("reports  "))!
        .slice("reports  ".length)
        .trim();
      const sheets = [...(await readWorkbook(written)).keys()];
      expect(sheets[0]).to.equal("Overzicht");
      expect(sheets).to.not.include("Maand per maand");
      expect(readdirSync(dirname(written)).filter((name) => name.endsWith(".png"))).to.deep.equal([]);
    } finally {
      await dry.remove();
    }
  });

  it("config --check: effective values with secrets masked, each database reached, the folder written, the channel logged into", async () => {
    const channel = join(w.dir, "channel");
    for (const folder of ["INTEST", "OUTTEST"]) mkdirSync(join(channel, folder), { recursive: true });
    const env = {
      EASR_DB_URL: w.dbUrl,
      EASR_OUT_DIR: w.outDir,
      EASR_CHANNEL_URL: `file://${channel}`,
      EASR_CHANNEL_PASSWORD: "geheim-123",
    };
    const good = await withEnv(env, () => w.easr("config", "--check"));
    expect(good.code, good.err.join("\n")).to.equal(0);
    expect(good.out.join("\n")).not.to.include("geheim-123");
    expect(good.out).to.include("EASR_CHANNEL_PASSWORD=****");
    expect(good.out).to.include("EASR_PAGE_SIZE=500 (default)");
    expect(good.out.filter((l) => /^(ok {3}|FAIL)/.test(l)).map((l) => l.split(":")[0])).to.deep.equal([
      "ok   configuration",
      "ok   ministry database",
      "ok   state database",
      "ok   output folder",
      "ok   batch channel",
    ]);
    const json = await withEnv(env, () => w.easr("config", "--check", "--json"));
    const report = JSON.parse(json.out.join("\n")) as { ok: boolean; checks: { what: string; ok: boolean }[] };
    expect([report.ok, report.checks.length]).to.deep.equal([true, 5]);

    const missing = `sqlite:${join(w.dir, "nowhere.sqlite")}`;
    const bad = await withEnv({ EASR_DB_URL: missing, EASR_OUT_DIR: join(w.dbUrl.slice("sqlite:".length), "out") }, () =>
      w.easr("config", "--check"),
    );
    expect(bad.code).to.equal(2);
    expect(bad.out).to.include(`FAIL ministry database: ${missing}: no such database`);
    expect(bad.out.some((l) => l.startsWith("FAIL output folder: "))).to.equal(true, "a file is no folder to write in");
    expect(bad.err).to.deep.equal(["easr: config --check: ministry database, output folder failed"]);
    const invalid = await withEnv({ EASR_PAGE_SIZE: "0" }, () => w.easr("config", "--check"));
    expect(invalid.code).to.equal(2);
    expect(invalid.out.at(-1)).to.equal("FAIL configuration: EASR_PAGE_SIZE: Too small: expected number to be >=1");
  });

  it("--json on run, explain and ingest: one JSON document on stdout, nothing else; every INSZ masked", async () => {
    const run = await w.easr("run", "--month", "2017-10", "--db", w.dbUrl, "--out", w.outDir, "--json");
    expect(run.code, run.err.join("\n")).to.equal(0);
    const { summary, reports } = JSON.parse(run.out.join("\n")) as {
      summary: { runMonth: string; toolVersion: string };
      reports: { operatorWorkbook: string; payslipExtract: string };
    };
    expect(summary.runMonth).to.equal("2017-10");
    expect(summary).to.deep.equal(w.summaryOf("2017-10"));
    expect([reports.operatorWorkbook, reports.payslipExtract]).to.deep.equal([
      join(w.monthDir("2017-10"), "report-2017-10.xlsx"),
      join(w.monthDir("2017-10"), "payslip-extract-2017-10.csv"),
    ]);

    const explained = await w.easr("explain", "--staff", "1", "--month", "2017-09", "--db", w.dbUrl, "--json");
    expect(explained.code, explained.err.join("\n")).to.equal(0);
    const text = explained.out.join("\n");
    expect(JSON.parse(text)).to.be.an("object");
    const insz = String(circularExampleRows().staff_member!.find((s) => s.id === 1)!.insz);
    expect(text).not.to.include(insz);

    const ingested = await w.easr("ingest", "--dir", join(w.monthDir("2017-09"), "answers"), "--db", w.dbUrl, "--json");
    expect(ingested.code).to.equal(0);
    const summaries = JSON.parse(ingested.out.join("\n")) as { ingested: string[]; alreadyIngested: unknown[] }[];
    // The month's four answers were ingested by the test before: each is found again, none ingested twice.
    expect(summaries.map((s) => [s.ingested.length, s.alreadyIngested.length])).to.deep.equal([[0, 4]]);
  });

  it("--json on simulate and schedule --list", async () => {
    const simulated = await w.easr(
      "simulate",
      "--month",
      "2017-09",
      "--threshold",
      "2070.48",
      "--db",
      w.dbUrl,
      "--out",
      w.outDir,
      "--json",
    );
    expect(simulated.code, simulated.err.join("\n")).to.equal(0);
    const result = JSON.parse(simulated.out.join("\n")) as { persons: number; added: unknown[]; dropped: unknown[]; workbook: string };
    expect(result.workbook).to.match(/simulations\/simulate-2017-09-207048-\d+\.xlsx$/);
    expect(result.persons).to.be.greaterThan(0);
    const listed = await w.easr("schedule", "--list", "--db", w.dbUrl, "--out", w.outDir, "--json");
    expect(listed.code, listed.err.join("\n")).to.equal(0);
    const plan = JSON.parse(listed.out.join("\n")) as { timezone: string; ticks: { at: string; months: string[] }[] };
    expect([plan.timezone, plan.ticks.length]).to.deep.equal(["Europe/Brussels", 5]);
    for (const tick of plan.ticks) expect(tick.at).to.match(/T06:30:00\.000\+0[12]:00$/);
    expect((await w.easr("schedule", "--json")).code).to.equal(2);
  });

  it("the operator workbook is Dutch by default and English with EASR_REPORT_LANGUAGE=en; another language stops at start-up", async () => {
    const workbook = join(w.monthDir("2017-09"), "report-2017-09.xlsx");
    const sheetNames = async () => [...(await readWorkbook(workbook)).keys()];
    expect((await sheetNames()).slice(0, 4)).to.deep.equal(["Overzicht", "Per schoolbestuur", "Maand per maand", "Aangegeven"]);
    const english = await withEnv({ EASR_REPORT_LANGUAGE: "en" }, () => w.easr("report", "--month", "2017-09", "--db", w.dbUrl));
    expect(english.code, english.err.join("\n")).to.equal(0);
    expect((await sheetNames()).slice(0, 4)).to.deep.equal(["Overview", "Per school board", "Month over month", "Declared"]);
    const french = await withEnv({ EASR_REPORT_LANGUAGE: "fr" }, () => w.easr("report", "--month", "2017-09", "--db", w.dbUrl));
    expect(french.code).to.equal(2);
    expect(french.err.join("\n")).to.include("EASR_REPORT_LANGUAGE");
    const dutch = await w.easr("report", "--month", "2017-09", "--db", w.dbUrl);
    expect(dutch.code, dutch.err.join("\n")).to.equal(0);
    expect((await sheetNames())[0]).to.equal("Overzicht");
  });

  it("a run's workbook compares the month with the twelve before it, with the chart as a picture, and the chart beside it as PNG", async () => {
    const monthDir = w.monthDir("2017-09");
    const png = join(monthDir, "maand-per-maand-2017-09.png");
    expect(readFileSync(png).subarray(0, 8).toString("hex")).to.equal("89504e470d0a1a0a");
    expect(statSync(png).mode & 0o007, "not world-readable").to.equal(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(monthDir, "report-2017-09.xlsx"));
    const sheet = book.getWorksheet("Maand per maand")!;
    const images = sheet.getImages();
    expect(images).to.have.length(1);
    expect(Buffer.from(book.getImage(Number(images[0].imageId)).buffer as unknown as Uint8Array).equals(readFileSync(png))).to.equal(true);
    // The first run of the workspace: twelve months without a run, then September with what it declared.
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push([String(row.getCell(1).value), String(row.getCell(2).value)]));
    const months = rows.filter(([month]) => /^\d{4}-\d{2}$/.test(month));
    expect(months.map(([month]) => month)).to.deep.equal(monthsFromTo("2016-09", "2017-09"));
    expect(months.slice(0, 12).every(([, run]) => run === "geen run")).to.equal(true);
    const summary = w.summaryOf("2017-09");
    expect(months[12][1]).to.equal(String(summary.runId));
    const header = sheet.getRow(4).values as unknown[];
    const september = sheet.getRow(4 + 13).values as unknown[];
    expect(september[header.indexOf("WECH006 aangegeven")]).to.equal(summary.forms.WECH006.declared);
    expect(september[header.indexOf("WECH003 aangegeven")]).to.equal(summary.forms.WECH003.declared);
  });

  it("the payslip extract starts with a UTF-8 byte-order mark, so that Excel reads it as UTF-8", () => {
    const bytes = readFileSync(join(w.monthDir("2017-09"), "payslip-extract-2017-09.csv"));
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });

  // Last: it runs September again, after which September's latest run is this one.
  it("nothing new is its own count, unchanged, never a reason for not eligible", async () => {
    const first = w.summaryOf("2017-09");
    expect(first.persons.notEligible, "September's first run has persons not eligible").to.be.greaterThan(0);
    const again = await w.easr("run", "--month", "2017-09", "--db", w.dbUrl, "--out", w.outDir, "--json");
    expect(again.code, again.err.join("\n")).to.equal(0);
    const { summary } = JSON.parse(again.out.join("\n")) as { summary: typeof first };
    // The same data again: the persons declared before are unchanged, not "not eligible"; those not eligible
    // (a notification after the cut-off, with no unit) keep their own reason; every unit is unchanged.
    expect(first.persons.declared).to.be.greaterThan(0);
    expect(summary.persons).to.deep.include({
      considered: first.persons.considered,
      declared: 0,
      unchanged: first.persons.declared,
      notEligible: first.persons.notEligible,
    });
    expect(summary.persons.notEligibleByReason).to.deep.equal(first.persons.notEligibleByReason);
    for (const [formType, counts] of Object.entries(summary.forms)) {
      expect(counts, formType).to.deep.include({ declared: 0, notEligible: 0, waiting: 0, rejected: 0 });
      expect(counts.unchanged, formType).to.equal(counts.considered);
    }
  });
});
