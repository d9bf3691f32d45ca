/**
 * Making a run's reports again removes that run's reports only: the overflow CSVs of the first run of a
 * month (report-<M>-<sheet>.csv) and never those of a later run (report-<M>-run<id>-<sheet>.csv), which
 * start with the same characters.
 */
import { expect } from "chai";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeRunReports } from "../../../reports/run-reports";
import type { RunSummary } from "../../../src/run-record";

describe("removeRunReports", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "easr-removal-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const summary = (reportSuffix: string) => ({ outputDir: dir, runMonth: "2017-12", reportSuffix }) as unknown as RunSummary;
  const files = [
    "report-2017-12.xlsx",
    "report-2017-12-aangegeven.csv",
    "report-2017-12-niet-aangegeven.csv",
    "report-2017-12-declared.csv",
    "report-2017-12-run7.xlsx",
    "report-2017-12-run7-aangegeven.csv",
    "maand-per-maand-2017-12.png",
    "maand-per-maand-2017-12-run7.png",
    "decisions.jsonl",
  ];

  it("of the first run: its workbook, its overflow CSVs (either language) and its chart; the later run's stay", () => {
    for (const name of files) writeFileSync(join(dir, name), "x");
    removeRunReports(summary(""));
    expect(readdirSync(dir).sort()).to.deep.equal([
      "decisions.jsonl",
      "maand-per-maand-2017-12-run7.png",
      "report-2017-12-run7-aangegeven.csv",
      "report-2017-12-run7.xlsx",
    ]);
  });

  it("of a later run: its own files only", () => {
    for (const name of files) writeFileSync(join(dir, name), "x");
    removeRunReports(summary("-run7"));
    expect(readdirSync(dir).sort()).to.deep.equal([
      "decisions.jsonl",
      "maand-per-maand-2017-12.png",
      "report-2017-12-aangegeven.csv",
      "report-2017-12-declared.csv",
      "report-2017-12-niet-aangegeven.csv",
      "report-2017-12.xlsx",
    ]);
  });
});
