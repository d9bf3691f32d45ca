/** How a table sheet prints and where its header sits: A4 landscape, fit to width, header repeated, title block above. */
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ColumnDefinition, headerHeight, TableSheet, writeWorkbookFile } from "../../../reports/excel-cells";
import { readWorkbook, records } from "../../support/workbook-tables";

interface Row {
  readonly name: string;
  readonly hours: number;
}

const COLUMNS: readonly ColumnDefinition<Row>[] = [
  { header: "Naam", width: 20, kind: "text", value: (r) => r.name },
  // 33 characters in a column 10 wide (about 11 a line): three lines.
  { header: "Uren per week volgens de opdracht", width: 10, kind: "hundredths", value: (r) => r.hours },
];

describe("TableSheet print setup and title block", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "easr-table-sheet-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function written(title?: string[]): Promise<string> {
    const path = join(dir, "t.xlsx");
    await writeWorkbookFile(path, async (workbook) => {
      const sheet = new TableSheet(workbook, "Blad", COLUMNS, { title });
      await sheet.add({ name: "Peeters", hours: 1950 });
      await sheet.add({ name: "Janssens", hours: 500 });
      sheet.close();
    });
    return path;
  }

  it("prints A4 landscape, one page wide, the header row on every page", async () => {
    const { sheet } = (await readWorkbook(await written())).get("Blad")!;
    expect(sheet.pageSetup.paperSize).to.equal(9);
    expect(sheet.pageSetup.orientation).to.equal("landscape");
    expect(sheet.pageSetup.fitToPage).to.equal(true);
    expect(sheet.pageSetup.fitToWidth).to.equal(1);
    expect(sheet.pageSetup.fitToHeight).to.equal(0);
    expect(sheet.pageSetup.printTitlesRow).to.equal("1:1");
  });

  it("makes the header row tall enough for its longest wrapped header", async () => {
    // "Uren per week volgens de opdracht" is 33 characters; about 11 fit a line of a 10-wide column: 3 lines of 15 points.
    expect(headerHeight(COLUMNS)).to.equal(45);
    const { sheet } = (await readWorkbook(await written())).get("Blad")!;
    expect(sheet.getRow(1).height).to.equal(45);
  });

  it("puts a title block above the table, frozen with the header; the header row under it prints on every page", async () => {
    const table = (await readWorkbook(await written(["Schoolbestuur Noord", "Maand december 2017"]))).get("Blad")!;
    expect(table.title).to.deep.equal(["Schoolbestuur Noord", "Maand december 2017"]);
    expect(table.headers).to.deep.equal(["Naam", "Uren per week volgens de opdracht"]);
    expect(records(table)).to.deep.equal([
      { Naam: "Peeters", "Uren per week volgens de opdracht": 19.5 },
      { Naam: "Janssens", "Uren per week volgens de opdracht": 5 },
    ]);
    // Two title lines, a blank row, then the header on row 4.
    expect(table.sheet.pageSetup.printTitlesRow).to.equal("4:4");
    expect(table.sheet.views[0]).to.deep.include({ state: "frozen", ySplit: 4 });
    expect(table.sheet.getCell("A1").font?.bold).to.equal(true);
    expect(table.sheet.autoFilter).to.equal("A4:B6");
  });
});
