/**
 * The month-over-month chart and sheet: the PNG is deterministic and of the stated size; the sheet, written
 * through the streaming writer, reads back with its table, totals and the chart as a picture anchored where
 * it was put (exceljs's in-memory reader), and LibreOffice prints the picture on the page.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import ExcelJS from "exceljs";
import { writeWorkbookFile } from "../../../reports/excel-cells";
import { CHART_SIZE, chartedFormTypes, chartPoints, renderMonthChart, writeMonthChartPng } from "../../../reports/month-chart";
import { type MonthOverMonth, monthOverMonth } from "../../../reports/month-over-month";
import { MONTH_OVER_MONTH_SHEET, writeMonthOverMonthSheet } from "../../../reports/month-over-month-sheet";
import type { YearMonth } from "../../../src/domain/year-month";
import { DEFAULT_FILE_MODES } from "../../../src/files/file-modes";

const ZERO = { declared: 0, notEligible: 0, waiting: 0, rejected: 0 };

/** A stored summary: WECH003 w3, WECH006 w6 (gross g6 cents, or none), ZIMA002 z2 (gross gz), the other types 0. */
function stored(w3: number, w6: number, g6: number | undefined, z2: number, gz: number | undefined): string {
  return JSON.stringify({
    forms: {
      WECH003: { ...ZERO, declared: w3 },
      WECH006: { ...ZERO, declared: w6, originalsGross: g6 },
      ZIMA001: ZERO,
      ZIMA002: { ...ZERO, declared: z2, originalsGross: gz },
      ZIMA003: ZERO,
      ZIMA005: ZERO,
      ZIMA006: ZERO,
    },
  });
}

/**
 * 2016-12 … 2017-12: runs in 2017-01 (no amounts yet), 2017-03 and 2017-12; the other months are gaps.
 * WECH006: 10 + 12 + 20 = 42 forms; gross unknown in 2017-01, 1000.00 + 2345.67 = 3345.67 EUR.
 * ZIMA002: 0 + 1 + 3 = 4 forms; gross unknown in 2017-01, 0 + 250.50 + 300.00 = 550.50 EUR.
 * WECH003: 2 + 0 + 1 = 3. All forms: 12 + 13 + 24 = 49.
 */
const DATA: MonthOverMonth = monthOverMonth("T", "2017-12", [
  { id: 4, month: "2017-01", summary: stored(2, 10, undefined, 0, undefined) },
  { id: 6, month: "2017-03", summary: stored(0, 12, 100_000, 1, 25_050) },
  { id: 9, month: "2017-12", summary: stored(1, 20, 234_567, 3, 30_000) },
]);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString("hex")).to.equal("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("ascii")).to.equal("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("month over month: the chart and the sheet", function () {
  this.timeout(120_000);
  let dir: string;
  let png: Buffer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "easr-month-sheet-"));
    png = await renderMonthChart(DATA);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe("the chart", () => {
    it("draws the form types that declared something, a gap where a month has no run", () => {
      expect(chartedFormTypes(DATA)).to.deep.equal(["WECH003", "WECH006", "ZIMA002"]);
      const points = chartPoints(DATA);
      expect(points).to.have.length(13 * 3);
      const of = (month: YearMonth) => points.filter((p) => p.month === month).map((p) => p.declared);
      expect(of("2016-12")).to.deep.equal([null, null, null]);
      expect(of("2017-03")).to.deep.equal([0, 12, 1]);
      expect(of("2017-12")).to.deep.equal([1, 20, 3]);
    });

    it("is a PNG 1400 pixels wide and about 600 high (a panel per form type), byte for byte the same for the same data", async () => {
      const { width, height } = pngSize(png);
      expect(width).to.equal(CHART_SIZE.width);
      expect(height).to.be.within(CHART_SIZE.height * 0.7, CHART_SIZE.height * 1.1);
      expect((await renderMonthChart(DATA)).equals(png)).to.equal(true);
      const other = monthOverMonth("T", "2017-12", [{ id: 9, month: "2017-12", summary: stored(1, 21, 0, 3, 0) }]);
      expect((await renderMonthChart(other)).equals(png)).to.equal(false);
    });

    it("is written into the run's folder, not world-readable, never over an existing one", () => {
      const runDir = join(dir, "2017-12");
      mkdirSync(runDir);
      const path = writeMonthChartPng(runDir, "2017-12", png);
      expect(path).to.equal(join(runDir, "maand-per-maand-2017-12.png"));
      expect(readFileSync(path).equals(png)).to.equal(true);
      expect(statSync(path).mode & 0o777).to.equal(DEFAULT_FILE_MODES.file);
      expect(() => writeMonthChartPng(runDir, "2017-12", png)).to.throw(/exists already/);
      expect(writeMonthChartPng(runDir, "2017-12", png, "-run12")).to.equal(join(runDir, "maand-per-maand-2017-12-run12.png"));
    });
  });

  describe("the sheet in a streamed workbook", () => {
    let path: string;
    let layout: ReturnType<typeof writeMonthOverMonthSheet>;
    let sheet: ExcelJS.Worksheet;
    let book: ExcelJS.Workbook;

    before(async () => {
      path = join(dir, "report.xlsx");
      layout = await writeWorkbookFile(path, async (workbook) => {
        // A sheet before it, as in the operator workbook.
        const first = workbook.addWorksheet("Samenvatting");
        first.getRow(1).getCell(1).value = "Samenvatting";
        first.getRow(1).commit();
        first.commit();
        return writeMonthOverMonthSheet(workbook, DATA, png);
      });
      book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      sheet = book.getWorksheet(MONTH_OVER_MONTH_SHEET)!;
    });

    const row = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);

    it("has the header, a row per month (a gap says so), and the totals", () => {
      expect(layout).to.include({ headerRow: 4, firstMonthRow: 5, totalRow: 18 });
      expect(row(4)).to.deep.equal([
        "Maand",
        "Run",
        "WECH003 aangegeven",
        "WECH006 aangegeven",
        "WECH006 bruto eerste aangiften (EUR)",
        "ZIMA001 aangegeven",
        "ZIMA002 aangegeven",
        "ZIMA002 bruto eerste aangiften (EUR)",
        "ZIMA003 aangegeven",
        "ZIMA005 aangegeven",
        "ZIMA006 aangegeven",
        "Alle formulieren",
      ]);
      expect(row(5)).to.deep.equal(["2016-12", "geen run"]);
      expect(row(6)).to.deep.equal(["2017-01", 4, 2, 10, "onbekend", 0, 0, "onbekend", 0, 0, 0, 12]);
      expect(row(8)).to.deep.equal(["2017-03", 6, 0, 12, 1000, 0, 1, 250.5, 0, 0, 0, 13]);
      expect(row(17)).to.deep.equal(["2017-12", 9, 1, 20, 2345.67, 0, 3, 300, 0, 0, 0, 24]);
      expect(row(18)).to.deep.equal(["Totaal", undefined, 3, 42, 3345.67, 0, 4, 550.5, 0, 0, 0, 49]);
      expect(sheet.getCell("E17").numFmt).to.equal('#,##0.00 "EUR"');
      expect(row(19)).to.deep.equal(["WECH006 bruto: onbekend in 2017-01 (niet in de samenvatting van die run), niet in het totaal."]);
      expect(row(20)).to.deep.equal(["ZIMA002 bruto: onbekend in 2017-01 (niet in de samenvatting van die run), niet in het totaal."]);
    });

    it("prints like the other sheets: A4 landscape, one page wide, the header row repeated", () => {
      expect(sheet.pageSetup).to.include({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow).to.equal("4:4");
    });

    it("holds the chart as a picture below the table, anchored where it was put, with the chart's bytes", () => {
      // Below the two notes and a blank row: 0-based row 21 is row 22.
      // The PNG at three quarters: 1400 -> 1050 wide, its height likewise.
      const shown = { width: 1050, height: Math.round(pngSize(png).height * 0.75) };
      expect(layout.chart).to.deep.equal({ col: 0, row: 21, ...shown });
      const images = sheet.getImages();
      expect(images).to.have.length(1);
      const range = images[0].range as unknown as {
        tl: { nativeCol: number; nativeRow: number; nativeColOff: number; nativeRowOff: number };
        ext: { width: number; height: number };
      };
      expect([range.tl.nativeCol, range.tl.nativeRow, range.tl.nativeColOff, range.tl.nativeRowOff]).to.deep.equal([0, 21, 0, 0]);
      expect(range.ext).to.deep.equal(shown);
      const image = book.getImage(Number(images[0].imageId));
      expect(image.extension).to.equal("png");
      expect(Buffer.from(image.buffer as unknown as Uint8Array).equals(png)).to.equal(true);
      // The sheet before it has none.
      expect(book.getWorksheet("Samenvatting")!.getImages()).to.deep.equal([]);
    });

    it("prints the chart on the page in LibreOffice (skipped without soffice and pdfimages)", function () {
      const tools = ["soffice", "pdfimages"].every((tool) => spawnSync("which", [tool]).status === 0);
      if (!tools) this.skip();
      const out = join(dir, "pdf");
      // A profile of its own, so that a LibreOffice already running elsewhere does not take the conversion.
      const profile = `-env:UserInstallation=file://${join(dir, "lo-profile")}`;
      const converted = spawnSync("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", out, path], { timeout: 100_000 });
      expect(converted.status, String(converted.stderr)).to.equal(0);
      const pdf = join(out, "report.pdf");
      expect(existsSync(pdf)).to.equal(true);
      // pdfimages -list: page, num, type, width, height …: the chart's pixels on the sheet's page (2).
      const list = spawnSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean);
      const images = list.map((line) => line.trim().split(/\s+/)).map(([page, , type, width, height]) => [page, type, width, height]);
      expect(images).to.deep.include(["2", "image", "1400", String(pngSize(png).height)]);
    });
  });
});
