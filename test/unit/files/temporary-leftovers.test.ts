/** What an interrupted run leaves in a month folder is swept before the next run: temporary files and report spools, nothing else. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { removeTemporaryLeftovers } from "../../../src/files/atomic-file";

describe("removeTemporaryLeftovers", () => {
  it("removes .partial files and report spool folders in the month folder and its subfolders, and keeps every published file", () => {
    const dir = mkdtempSync(join(tmpdir(), "easr-leftovers-"));
    try {
      const write = (path: string) => writeFileSync(join(dir, path), "x");
      mkdirSync(join(dir, "boards", ".rows-ab12cd"), { recursive: true });
      mkdirSync(join(dir, ".report-rows-ef34gh"));
      write("boards/.rows-ab12cd/7.Aangegeven.jsonl");
      write(".report-rows-ef34gh/declared.jsonl");
      write(".WECH006.run-3.partial");
      write("boards/.31.xlsx.partial");
      write("FI.WECH.900123.20180315.00001.T");
      write("boards/30.xlsx");
      write("report-2018-03.xlsx");
      const removed = removeTemporaryLeftovers(dir)
        .map((p) => p.slice(dir.length + 1))
        .sort();
      expect(removed).to.deep.equal([".WECH006.run-3.partial", ".report-rows-ef34gh", "boards/.31.xlsx.partial", "boards/.rows-ab12cd"]);
      expect(readdirSync(dir).sort()).to.deep.equal(["FI.WECH.900123.20180315.00001.T", "boards", "report-2018-03.xlsx"]);
      expect(readdirSync(join(dir, "boards"))).to.deep.equal(["30.xlsx"]);
      expect(existsSync(join(dir, ".report-rows-ef34gh"))).to.equal(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
