/**
 * `easr report` on a run whose record (decisions.jsonl) this version cannot read: it says so and
 * leaves the run's reports as they are — the operator workbook, the board workbooks and the payslip
 * extract (the staff's copy) — instead of removing them first.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { EXIT_PUBLISHED_INCOMPLETE } from "../../src/cli/exit-codes";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { CliWorkspace } from "../support/cli-harness";

describe("easr report on a record of another format [sqlite]", function () {
  this.timeout(120_000);

  it("exits 3 naming the record's line and what it is, and removes none of the run's reports", async () => {
    const w = await CliWorkspace.create("report-format");
    try {
      await w.initContract();
      await writeContractRowsToUrl(w.dbUrl, circularExampleRows());
      await w.run("2017-09");
      const dir = w.monthDir("2017-09");
      const before = readdirSync(dir).sort();
      const boards = readdirSync(join(dir, "boards")).sort();
      expect(before).to.include.members(["report-2017-09.xlsx", "payslip-extract-2017-09.csv"]);
      // The record as an earlier version wrote it: person lines without their record format.
      const record = join(dir, "decisions.jsonl");
      const earlier = readFileSync(record, "utf8")
        .split("\n")
        .map((line) => line.replace(/"recordFormat":3,/, ""))
        .join("\n");
      writeFileSync(record, earlier);

      const report = await w.easr("report", "--month", "2017-09", "--db", w.dbUrl);
      expect(report.code).to.equal(EXIT_PUBLISHED_INCOMPLETE);
      expect(report.err.join("\n")).to.include(
        `${record}:1: written by an earlier version of edu-easr (this one reads record formats 2 and 3)`,
      );
      expect(report.err.join("\n")).to.include("its reports are left as they are");
      expect(readdirSync(dir).sort()).to.deep.equal(before);
      expect(readdirSync(join(dir, "boards")).sort()).to.deep.equal(boards);
      expect(existsSync(join(dir, "payslip-extract-2017-09.csv"))).to.equal(true);
    } finally {
      await w.remove();
    }
  });
});
