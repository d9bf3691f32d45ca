/**
 * The operator workbook and the school-board workbooks, built from the output of real runs (the CLI
 * on a SQLite file with the circular's examples and a few extra staff) and read back with exceljs:
 * sheets, headers, counts and amounts against the run's own decisions, Dutch and English reasons
 * with their values, formula injection neutralised, and no board seeing another board's rows.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "chai";
import ExcelJS from "exceljs";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import type { CalendarDate } from "../../src/domain/calendar-date";
import { makeInsz } from "../../src/domain/check-digits";
import type { PersonLine, UnitLine } from "../../src/run-record";
import type { RunSummary } from "../../src/run-record";
import { type ContractRows, writeContractRowsToUrl } from "../../src/source/contract-writer";
import { BOARD_SHEETS, boardWorkbookName, writeBoardWorkbooks } from "../../reports/board-workbooks";
import { columnLetter, excelDate, excelDateTime, fractionText, safeText } from "../../reports/excel-cells";
import { notEligibleTexts } from "../../reports/not-eligible-detail";
import { OPERATOR_SHEETS, writeOperatorWorkbook } from "../../reports/operator-workbook";
import { writePayslipExtract } from "../../reports/payslip-extract";
import { writeRunReports } from "../../reports/run-reports";
import { BENEFITS_MONTH, writeBenefitsRun, ZIMA002_FILE, ZIMA005_FILE } from "../support/benefits-decisions";
import { boardRecords } from "../support/board-workbook-file";
import { CliWorkspace } from "../support/cli-harness";
import { type CellValue, column, readWorkbook, records, type SheetTable, sheetBlocks } from "../support/workbook-tables";

const FORMULA_NAME = '=HYPERLINK("x")';

/** Extra staff on three extra boards (ids 20-22, clear of the examples' 1-9 and the population's 1000+). */
const BOARD_NORTH = { id: 20, name: "VZW Testscholen Noord", agency: "AGODI" };
const BOARD_SOUTH = { id: 21, name: "Stadsbestuur Zuidrand", agency: "AGODI" };
const BOARD_WITHOUT_STAFF = { id: 22, name: "VZW Zonder Personeel", agency: "AHOVOKS" };
/** A board workbook's file name in this test's data: the board's name, its id, the month. */
function boardFileOf(boardId: number, month: string): string {
  const board = [BOARD_NORTH, BOARD_SOUTH, BOARD_WITHOUT_STAFF].find((b) => b.id === boardId)!;
  return boardWorkbookName(board.id, board.name, month);
}
const SCHOOL_NORTH = { id: 20, board_id: 20, name: "Basisschool Noorderlicht", level: "BaO" };
const ACADEMY_SOUTH = { id: 21, board_id: 21, name: "Stedelijke Academie Zuidrand", level: "DKO" };
const EMPTY_SCHOOL = { id: 22, board_id: 22, name: "School Zonder Opdrachten", level: "VWO" };

function staff(id: number, lastName: string, firstName: string, birthDate: CalendarDate): Record<string, unknown> {
  return {
    id,
    insz: makeInsz(birthDate, id),
    last_name: lastName,
    first_name: firstName,
    birth_date: birthDate,
    gender: "F",
    country_code: "BE",
  };
}

function assignment(
  id: number,
  staffId: number,
  institutionId: number,
  numerator: string,
  denominator: string,
  salary: string,
): Record<string, unknown> {
  return {
    id,
    staff_id: staffId,
    institution_id: institutionId,
    start_date: "2017-09-01",
    end_date: "2018-06-30",
    hours_numerator: numerator,
    hours_denominator: denominator,
    job_title: "leraar",
    status: "T",
    monthly_salary: salary,
  };
}

function pay(id: number, staffId: number, assignmentId: number, amount: string): Record<string, unknown> {
  return {
    id,
    staff_id: staffId,
    assignment_id: assignmentId,
    period_month: "2017-09",
    gross_amount: amount,
    wage_code: "01",
    paid_on: "2017-09-25",
  };
}

function notified(id: number, staffId: number, boardId: number): Record<string, unknown> {
  return {
    id,
    staff_id: staffId,
    board_id: boardId,
    message_ref: `RL16-TEST-${id}`,
    received_at: "2017-09-04 10:00:00",
    valid_from: "2017-09-01",
    withdrawn_from: null,
    maintenance_of_rights: 1,
    fulltime_request: 1,
  };
}

/**
 * Staff 20 has a formula for a name; staff 21 works for two boards (a school of the north board,
 * which notified, and an academy of the south board); staff 22 works 20/24 (83.3 %); the third board
 * has an institution but nobody working there.
 */
const EXTRA_ROWS: ContractRows = {
  school_board: [BOARD_NORTH, BOARD_SOUTH, BOARD_WITHOUT_STAFF],
  institution: [SCHOOL_NORTH, ACADEMY_SOUTH, EMPTY_SCHOOL],
  staff_member: [
    staff(20, FORMULA_NAME, "Formule", "1990-01-01"),
    staff(21, "Tweebesturen", "Gedeeld", "1985-06-15"),
    staff(22, "Voltijds", "Bijna", "1980-03-03"),
  ],
  assignment: [
    assignment(201, 20, 20, "12", "24", "1000.00"),
    assignment(211, 21, 20, "6", "24", "600.00"),
    assignment(212, 21, 21, "5", "22", "550.00"),
    assignment(221, 22, 20, "20", "24", "1400.00"),
  ],
  salary_line: [pay(2001, 20, 201, "1000.00"), pay(2002, 21, 211, "600.00"), pay(2003, 21, 212, "550.00"), pay(2004, 22, 221, "1400.00")],
  rl16_notification: [notified(20, 20, 20), notified(21, 21, 20), notified(22, 22, 20)],
};

function allTexts(tables: Map<string, SheetTable>): string[] {
  return [...tables.values()].flatMap((table) =>
    [...table.headers, ...table.rows.flat()].filter((v): v is string => typeof v === "string"),
  );
}

function decisionsOf(workspace: CliWorkspace, month: string): { persons: PersonLine[]; units: UnitLine[] } {
  const lines = workspace.decisionsOf(month);
  return {
    persons: lines.filter((l) => l.kind === "person") as unknown as PersonLine[],
    units: lines.filter((l) => l.kind === "unit") as unknown as UnitLine[],
  };
}

const cents = (euros: CellValue): number => Math.round(Number(euros) * 100);

describe("report cells", () => {
  it("safeText puts an apostrophe before = + - @ tab and CR, and nothing else", () => {
    for (const text of ["=1+1", "+32", "-5", "@SUM(A1)", "\tx", "\rx", FORMULA_NAME]) expect(safeText(text)).to.equal(`'${text}`);
    for (const text of ["Verhaegen", "", " =x", "'quoted", "1=1", "EUR -5.00"]) expect(safeText(text)).to.equal(text);
  });

  it("dates are UTC midnight of the ISO day; timestamps keep their wall-clock time; fractions read 16/32", () => {
    expect(excelDate("2017-09-01").toISOString()).to.equal("2017-09-01T00:00:00.000Z");
    expect(excelDateTime("2017-12-15 16:00:00").toISOString()).to.equal("2017-12-15T16:00:00.000Z");
    expect(excelDateTime("2026-11-24T23:28:20.785+01:00").toISOString()).to.equal("2026-11-24T23:28:20.785Z");
    expect(() => excelDate("2017-9-1")).to.throw(RangeError);
    expect(fractionText(1600, 3200)).to.equal("16/32");
    expect(fractionText(1250, 2400)).to.equal("12.5/24");
    expect(fractionText(null, 3200)).to.equal("");
    expect([1, 26, 27, 52].map(columnLetter)).to.deep.equal(["A", "Z", "AA", "AZ"]);
  });

  it("an assignment outside the notification window is explained with the window's end (Dutch and English)", () => {
    const person = {
      kind: "person",
      staffId: 1,
      windows: [{ start: "2017-09-01", end: "2018-08-31", notificationId: 1 }],
      notifications: [],
      notes: [],
    } as unknown as PersonLine;
    const unit = { context: { startDate: "2018-09-01", endDate: "2019-06-30" }, facts: null } as unknown as UnitLine;
    const texts = notEligibleTexts("OUTSIDE_NOTIFICATION_WINDOW", person, unit, { runMonth: "2018-09", cutoffAt: "2018-09-15 16:00:00" });
    expect(texts.nl).to.equal("opdracht begint op 2018-09-01; de meldingsperiode eindigde op 2018-08-31");
    expect(texts.en).to.equal("assignment starts 2018-09-01; the notification window ended 2018-08-31");
  });
});

describe("the operator and school-board workbooks of a run", function () {
  this.timeout(180_000);
  const MONTHS = ["2017-09", "2017-10", "2017-11"];
  let workspace: CliWorkspace;
  const summaries = new Map<string, RunSummary>();
  const operator = new Map<string, Map<string, SheetTable>>();
  /** The workbook each run wrote itself: in Dutch, the default. */
  const dutch = new Map<string, Map<string, SheetTable>>();
  const sheetCounts = new Map<string, Record<string, number>>();
  const boardFiles = new Map<string, string[]>();

  before(async () => {
    workspace = new CliWorkspace("reports");
    const init = await workspace.easr("db", "init", "--db", workspace.dbUrl);
    expect(init.code, init.err.join("\n")).to.equal(0);
    await writeContractRowsToUrl(workspace.dbUrl, circularExampleRows());
    await writeContractRowsToUrl(workspace.dbUrl, EXTRA_ROWS);
    for (const month of MONTHS) {
      await workspace.run(month);
      const summary = workspace.summaryOf(month);
      summaries.set(month, summary);
      const decisionsPath = join(workspace.monthDir(month), "decisions.jsonl");
      const outputPath = join(workspace.monthDir(month), `report-${month}.xlsx`);
      // The run writes its reports; they are written again here from the run's own output to get the writers' counts.
      expect(existsSync(outputPath), `the run of ${month} wrote its workbook`).to.equal(true);
      dutch.set(month, await readWorkbook(outputPath));
      rmSync(outputPath);
      rmSync(join(workspace.monthDir(month), "boards"), { recursive: true, force: true });
      const written = await writeOperatorWorkbook({ summary, decisionsPath, outputPath, language: "en" });
      sheetCounts.set(month, written.sheets);
      operator.set(month, await readWorkbook(outputPath));
      boardFiles.set(month, (await writeBoardWorkbooks({ summary, decisionsPath, outputDir: workspace.monthDir(month) })).files);
    }
  });

  after(() => workspace?.remove());

  describe("operator workbook", () => {
    it("has the overview, the boards, and each detail sheet with rows; every table with a frozen header and an autofilter", () => {
      const tables = operator.get("2017-09")!;
      const summary = summaries.get("2017-09")!;
      const forms = Object.values(summary.forms);
      // September declares WECH forms only, nothing waits and nothing is rejected: those sheets are left out.
      expect(forms.reduce((n, c) => n + c.waiting + c.rejected, 0) + summary.rejectedRecords.count).to.equal(0);
      expect(summary.forms.ZIMA002.declared + summary.forms.ZIMA005.declared).to.equal(0);
      expect([...tables.keys()]).to.deep.equal(["Overview", "Per school board", "Declared", "Not eligible"]);
      const declaredHeaders = tables.get(OPERATOR_SHEETS.en.declared)!.headers;
      expect(declaredHeaders).to.include.members([
        "Form type",
        "Reference month",
        "Board",
        "Staff id",
        "Last name",
        "INSZ (masked)",
        "Fraction",
        "Q (h/week)",
        "S (h/week)",
        "Gross ExactSalary (EUR)",
        "Occupation start",
        "File",
        "Sequence nr",
      ]);
      // No ZIMA form is declared: its columns, empty on every row, are left out.
      expect(declaredHeaders).to.not.include.members(["Sub-risk", "Reference periods", "Gross ZIMA002 (EUR)", "Holiday year"]);
      expect(tables.get(OPERATOR_SHEETS.en.notEligible)!.headers).to.include.members([
        "Code (IT)",
        "Reason",
        "Occupation",
        "Month gross (EUR)",
        "Threshold (EUR)",
      ]);
      for (const [name, table] of tables) {
        if (name === OPERATOR_SHEETS.en.overview) continue;
        expect(table.sheet.views[0], name).to.include({ state: "frozen", ySplit: 1 });
        expect(table.sheet.autoFilter, name).to.equal(`A1:${columnLetter(table.headers.length)}${table.rows.length + 1}`);
        table.headers.forEach((header, index) =>
          expect(
            table.rows.some((row) => row[index] !== null && row[index] !== undefined),
            `${name}: column "${header}" has a value`,
          ).to.equal(true),
        );
      }
      const written = { ...sheetCounts.get("2017-09")! };
      expect(written).to.deep.include({ [OPERATOR_SHEETS.en.overview]: 0 });
      delete written[OPERATOR_SHEETS.en.overview];
      expect(written).to.deep.equal(
        Object.fromEntries(
          [...tables].filter(([name]) => name !== OPERATOR_SHEETS.en.overview).map(([name, table]) => [name, table.rows.length]),
        ),
      );
    });

    it("keeps a detail sheet to its row limit with a note, and writes the complete list to a CSV beside the workbook", async () => {
      const month = "2017-09";
      const summary = summaries.get(month)!;
      const outputPath = join(workspace.monthDir(month), "limited", `report-${month}.xlsx`);
      mkdirSync(dirname(outputPath), { recursive: true });
      const full = operator.get(month)!.get(OPERATOR_SHEETS.en.declared)!;
      expect(full.rows.length).to.be.greaterThan(3);
      const written = await writeOperatorWorkbook({
        summary,
        decisionsPath: join(workspace.monthDir(month), "decisions.jsonl"),
        outputPath,
        sheetRowLimit: 3,
        language: "en",
      });
      expect(written.sheets[OPERATOR_SHEETS.en.declared]).to.equal(3);
      const limited = (await readWorkbook(outputPath)).get(OPERATOR_SHEETS.en.declared)!;
      expect(limited.rows.slice(0, 3)).to.deep.equal(full.rows.slice(0, 3));
      expect(String(limited.rows[3][0])).to.equal(
        `… ${full.rows.length - 3} more rows not shown here (${full.rows.length} in all): the complete list is in report-${month}-declared.csv`,
      );
      expect(limited.sheet.autoFilter).to.equal(`A1:${columnLetter(limited.headers.length)}4`);
      const csvText = readFileSync(join(dirname(outputPath), `report-${month}-declared.csv`), "utf8");
      expect(csvText.startsWith("\uFEFF"), "a UTF-8 byte-order mark first").to.equal(true);
      const csv = csvText.slice(1).trimEnd().split("\r\n");
      expect(csv[0].split(";")).to.deep.equal(full.headers);
      expect(csv.length - 1).to.equal(full.rows.length);
      // The CSV's staff ids and masked INSZ are those of the sheet, row for row.
      const staffIndex = full.headers.indexOf("Staff id");
      expect(csv.slice(1).map((line) => Number(line.split(";")[staffIndex]))).to.deep.equal(column(full, "Staff id"));
    });

    it("lists one Declared row per declared form, and its WECH006 gross adds up to the declared ExactSalary", () => {
      for (const month of MONTHS) {
        const summary = summaries.get(month)!;
        const declared = operator.get(month)!.get(OPERATOR_SHEETS.en.declared)!;
        expect(declared.rows, month).to.have.length(summary.forms.WECH003.declared + summary.forms.WECH006.declared);
        const { units } = decisionsOf(workspace, month);
        const expected = units
          .filter((u) => u.status === "declared" && u.formType === "WECH006")
          .reduce((n, u) => n + u.declared!.exactSalary!, 0);
        const rows = records(declared).filter((r) => r["Form type"] === "WECH006");
        expect(
          rows.reduce((n, r) => n + cents(r["Gross ExactSalary (EUR)"]), 0),
          month,
        ).to.equal(expected);
        const totals = sheetBlocks(operator.get(month)!.get(OPERATOR_SHEETS.en.overview)!.sheet)
          .get("Per form type")!
          .records.find((r) => r["Form type"] === "WECH006");
        expect(cents(totals?.["Gross WECH006 (EUR)"] ?? 0), month).to.equal(expected);
        expect(totals?.Declared ?? 0, month).to.equal(summary.forms.WECH006.declared);
      }
    });

    it("shows example 1 as declared: 977.38 EUR, 16/32, Q 16 h and S 32 h, dates as real dates, in the WECH006 file", () => {
      const summary = summaries.get("2017-09")!;
      const declared = operator.get("2017-09")!.get(OPERATOR_SHEETS.en.declared)!;
      const index = records(declared).findIndex((r) => r["Staff id"] === 1 && r["Form type"] === "WECH006");
      expect(index, "example 1's WECH006 row").to.be.at.least(0);
      const row = records(declared)[index];
      expect(row["Reference month"]).to.equal("2017-09");
      expect(row["Gross ExactSalary (EUR)"]).to.equal(977.38);
      expect(row["Theoretical salary (EUR)"]).to.equal(977.38);
      expect(row.Fraction).to.equal("16/32");
      // Q 1600 and S 3200 in hundredths of an hour: 16 and 32 hours a week.
      expect(row["Q (h/week)"]).to.equal(16);
      expect(row["S (h/week)"]).to.equal(32);
      expect(row["Last name"]).to.equal("Verhaegen");
      expect(row["INSZ (masked)"]).to.equal("********481");
      expect((row["Occupation start"] as Date).toISOString()).to.equal("2017-09-01T00:00:00.000Z");
      expect(row.File).to.equal(summary.files.find((f) => f.formType === "WECH006")!.fileName);
      const excelRow = declared.sheet.getRow(index + 2);
      expect(excelRow.getCell(declared.headers.indexOf("Gross ExactSalary (EUR)") + 1).numFmt).to.equal('#,##0.00 "EUR"');
      expect(excelRow.getCell(declared.headers.indexOf("Occupation start") + 1).numFmt).to.equal("yyyy-mm-dd");
    });

    it("explains example 4 in Dutch (the run's own workbook) and in English with the gross and the threshold", () => {
      const row = records(operator.get("2017-09")!.get(OPERATOR_SHEETS.en.notEligible)!).find((r) => r["Staff id"] === 4);
      expect(row, "example 4's Not eligible row").to.not.equal(undefined);
      expect(row!["Code (IT)"]).to.equal("GROSS_AT_OR_ABOVE_THRESHOLD");
      expect(row!.Reason).to.equal("gross monthly salary EUR 1817.86 (all assignments together) ≥ threshold EUR 1600.00");
      expect(row!["Month gross (EUR)"]).to.equal(1817.86);
      expect(row!["Threshold (EUR)"]).to.equal(1600);
      const nl = records(dutch.get("2017-09")!.get(OPERATOR_SHEETS.nl.notEligible)!).find((r) => r["Personeelsnr."] === 4);
      expect(nl!.Reden).to.equal("bruto maandsalaris EUR 1817,86 (alle opdrachten samen) ≥ grensbedrag EUR 1600,00");
      expect(nl!["Code (IT)"]).to.equal("GROSS_AT_OR_ABOVE_THRESHOLD");
      expect(nl!["Brutoloon van de maand (EUR)"]).to.equal(1817.86);
    });

    it("explains occupation at or above 80 % and a notification received after the cut-off with their values", () => {
      const occupation = records(operator.get("2017-09")!.get(OPERATOR_SHEETS.en.notEligible)!).find((r) => r["Staff id"] === 22);
      expect(occupation!.Reason).to.equal("occupation 83.3 % (all assignments together) ≥ 80 %");
      expect(occupation!.Occupation).to.equal(0.833);
      const dutchOccupation = records(dutch.get("2017-09")!.get(OPERATOR_SHEETS.nl.notEligible)!).find((r) => r["Personeelsnr."] === 22);
      expect(dutchOccupation!.Reden).to.equal("tewerkstelling 83,3 % (alle opdrachten samen) ≥ 80 %");
      // Example 2's RL16 arrived on 23 November, after November's cut-off: declared in December's run.
      const late = records(operator.get("2017-11")!.get(OPERATOR_SHEETS.en.notEligible)!).find((r) => r["Staff id"] === 2);
      expect(late!["Code (IT)"]).to.equal("NOTIFICATION_AFTER_CUTOFF");
      expect(late!.Reason).to.include("after the cut-off 2017-11-15 16:00:00");
      const dutchLate = records(dutch.get("2017-11")!.get(OPERATOR_SHEETS.nl.notEligible)!).find((r) => r["Personeelsnr."] === 2);
      expect(dutchLate!.Reden).to.equal(
        "melding RL16-2017-000002 ontvangen op 2017-11-23 09:30:00, na de uiterste betaaldatum 2017-11-15 16:00:00 — aangifte volgende maand",
      );
    });

    it("writes a name that is a formula as text with a leading apostrophe, never as a formula", () => {
      const declared = operator.get("2017-09")!.get(OPERATOR_SHEETS.en.declared)!;
      const index = declared.rows.findIndex((row) => row[declared.headers.indexOf("Staff id")] === 20);
      expect(index).to.be.at.least(0);
      const cell = declared.sheet.getRow(index + 2).getCell(declared.headers.indexOf("Last name") + 1);
      expect(cell.type).to.equal(ExcelJS.ValueType.String);
      expect(cell.value).to.equal(`'${FORMULA_NAME}`);
      expect(cell.formula).to.equal(undefined);
      for (const table of operator.get("2017-09")!.values()) {
        table.sheet.eachRow((row) =>
          row.eachCell((c) => expect(c.type, `${table.sheet.name}!${c.address}`).to.not.equal(ExcelJS.ValueType.Formula)),
        );
      }
    });

    it("counts the run on the overview: identity, files, and totals per form type, agency and level; the boards on their sheet", () => {
      const summary = summaries.get("2017-09")!;
      const blocks = sheetBlocks(operator.get("2017-09")!.get(OPERATOR_SHEETS.en.overview)!.sheet);
      const value = (what: string): CellValue => blocks.get("Run")!.records.find((r) => r.What === what)?.Value;
      expect(value("Month")).to.equal("2017-09");
      expect(value("Run")).to.equal(String(summary.runId));
      expect((value("Cut-off (uiterste betaaldatum)") as Date).toISOString()).to.equal("2017-09-15T16:00:00.000Z");
      expect(value("KBO enterprise number")).to.equal(summary.employer.kboNumber);
      for (const file of summary.files) {
        const row = blocks.get("Files")!.records.find((r) => r["Declaration file (FI)"] === file.fileName);
        expect(row).to.deep.include({ "End-of-transfer file (GO)": file.goFileName, Forms: file.forms, "Form type": file.formType });
      }
      const perFormType = blocks.get("Per form type")!.records;
      for (const formType of ["WECH003", "WECH006"] as const) {
        const row = perFormType.find((r) => r["Form type"] === formType)!;
        expect(row.Declared).to.equal(summary.forms[formType].declared);
        expect(row["Not eligible"]).to.equal(summary.forms[formType].notEligible);
        expect(row.Rejected).to.equal(summary.forms[formType].rejected);
        expect(row.Considered).to.equal(summary.forms[formType].considered);
      }
      const total = summary.forms.WECH003.declared + summary.forms.WECH006.declared;
      expect(perFormType.find((r) => r["Form type"] === "Total")!.Declared).to.equal(total);
      const declaredIn = (rows: Record<string, CellValue>[]): number => rows.reduce((n, r) => n + Number(r.Declared ?? 0), 0);
      expect(declaredIn(blocks.get("Per agency")!.records), "per agency").to.equal(total);
      expect(declaredIn(blocks.get("Per level of education")!.records), "per level").to.equal(total);
      const boards = records(operator.get("2017-09")!.get(OPERATOR_SHEETS.en.boards)!);
      expect(declaredIn(boards), "per board").to.equal(total);
      const north = boards.find((r) => r["Board id"] === "20")!;
      expect(north["School board"]).to.equal(BOARD_NORTH.name);
      expect(north.Persons).to.equal(3);
    });
  });

  describe("school-board workbooks", () => {
    it("are written for exactly the boards with staff in the run, and not for a board without staff", () => {
      for (const month of MONTHS) {
        const { units } = decisionsOf(workspace, month);
        const boards = [...new Set(units.map((u) => u.context.boardId).filter((id): id is number => id !== null))].sort((a, b) => a - b);
        const boardsDir = join(workspace.monthDir(month), "boards");
        const names = new Map(units.map((u) => [u.context.boardId, u.context.boardName ?? ""]));
        const fileOf = (id: number) => boardWorkbookName(id, names.get(id) ?? "", month);
        expect(boardFiles.get(month), month).to.deep.equal(boards.map((id) => join(boardsDir, fileOf(id))));
        expect(readdirSync(boardsDir).sort(), `${month}: only workbooks, no temporary files left`).to.deep.equal(
          boards.map((id) => fileOf(id)).sort(),
        );
        expect(readdirSync(boardsDir).some((name) => name.includes(`-${BOARD_WITHOUT_STAFF.id}-`))).to.equal(false);
      }
      // Named by the board's name, id and month (issue 16): "VZW Testscholen Noord" -> vzw-testscholen-noord.
      expect(boardFiles.get("2017-09")!.map((f) => f.split("/").pop())).to.include.members([
        "vzw-testscholen-noord-20-2017-09.xlsx",
        "stadsbestuur-zuidrand-21-2017-09.xlsx",
      ]);
    });

    it("have Dutch sheets per form type, each with the columns its rows fill", async () => {
      const tables = await readWorkbook(join(workspace.monthDir("2017-09"), "boards", boardFileOf(20, "2017-09")));
      // Staff 20, 21 and 22 of the north board each get a WECH003; 20 and 21 a WECH006, 22 (83,3 %) none.
      expect([...tables.keys()]).to.deep.equal([
        BOARD_SHEETS.notifications,
        BOARD_SHEETS.declared("WECH003"),
        BOARD_SHEETS.declared("WECH006"),
        BOARD_SHEETS.notDeclared("WECH006"),
      ]);
      // No notification was withdrawn or is a duplicate: those columns are left out.
      expect(tables.get("Meldingen")!.headers).to.deep.equal([
        "Personeelslid",
        "Naam",
        "Voornaam",
        "INSZ (gemaskeerd)",
        "Melding",
        "Verstuurd door",
        "Ontvangen op",
        "Geldig vanaf",
        "RL16-periode van",
        "RL16-periode tot",
      ]);
      expect(tables.get("WECH006 aangegeven")!.headers).to.deep.equal([
        "Referte-maand",
        "Personeelslid",
        "Naam",
        "Voornaam",
        "INSZ (gemaskeerd)",
        "Instelling",
        "Niveau",
        "Opdracht",
        "Opdracht-breuk",
        "Ambt",
        "Soort",
        "Q: uren per week",
        "S: uren per week voltijds",
        "Begin tewerkstelling",
        "Einde tewerkstelling",
        "Brutoloon van de maand (EUR)",
        "Theoretisch maandloon (EUR)",
        "Volgnummer in het bestand",
      ]);
      // WECH003 has no reference month, no end, no gross.
      expect(tables.get("WECH003 aangegeven")!.headers).to.not.include.members(["Referte-maand", "Einde tewerkstelling"]);
      expect(tables.get("WECH006 niet aangegeven")!.headers).to.deep.equal([
        "Referte-maand",
        "Personeelslid",
        "Naam",
        "Voornaam",
        "INSZ (gemaskeerd)",
        "Instelling",
        "Niveau",
        "Opdracht",
        "Opdracht-breuk",
        "Uitkomst",
        "Reden",
        "Code (IT)",
      ]);
    });

    it("give a person who works for two boards to each board with only that board's assignment", async () => {
      const north = await readWorkbook(join(workspace.monthDir("2017-09"), "boards", boardFileOf(20, "2017-09")));
      const south = await readWorkbook(join(workspace.monthDir("2017-09"), "boards", boardFileOf(21, "2017-09")));

      const northDeclared = boardRecords(north, "declared").filter((r) => r.Personeelslid === 21);
      expect(northDeclared.map((r) => r.Opdracht)).to.have.members([211, 211]);
      expect(northDeclared.every((r) => r.Instelling === SCHOOL_NORTH.name)).to.equal(true);
      const southDeclared = boardRecords(south, "declared");
      expect(southDeclared.map((r) => `${r.Aangifte} ${r.Opdracht}`)).to.have.members(["WECH003 212", "WECH006 212"]);
      expect(southDeclared.every((r) => r.Personeelslid === 21 && r.Instelling === ACADEMY_SOUTH.name)).to.equal(true);
      expect(boardRecords(south, "notDeclared")).to.have.length(0);

      // The notification came from the north board: the south board sees it, without the sender's name.
      const southNotification = records(south.get("Meldingen")!);
      expect(southNotification).to.have.length(1);
      expect(southNotification[0]).to.include({ Personeelslid: 21, Melding: "RL16-TEST-21", "Verstuurd door": "ander schoolbestuur" });
      expect((southNotification[0]["RL16-periode tot"] as Date).toISOString()).to.equal("2018-08-31T00:00:00.000Z");
      expect(records(north.get("Meldingen")!).find((r) => r.Personeelslid === 21)?.["Verstuurd door"]).to.equal(BOARD_NORTH.name);

      const southTexts = allTexts(south);
      for (const foreign of [SCHOOL_NORTH.name, BOARD_NORTH.name, FORMULA_NAME, `'${FORMULA_NAME}`, "Voltijds"])
        expect(southTexts, foreign).to.not.include(foreign);
      const northTexts = allTexts(north);
      expect(northTexts).to.not.include(ACADEMY_SOUTH.name);
      expect(northTexts).to.not.include(BOARD_SOUTH.name);
      expect(northTexts).to.include(`'${FORMULA_NAME}`);
      expect(boardRecords(north, "notDeclared").find((r) => r.Personeelslid === 22)?.Reden).to.equal(
        "tewerkstelling 83,3 % (alle opdrachten samen) ≥ 80 %",
      );
    });

    it("hold no row of another board's assignment, in any month", async () => {
      for (const month of MONTHS) {
        const { units } = decisionsOf(workspace, month);
        const boardOf = new Map(units.map((u) => [u.assignmentId, u.context.boardId]));
        for (const file of boardFiles.get(month)!) {
          const boardId = Number(/-(\d+)-\d{4}-\d{2}\.xlsx$/.exec(file)![1]);
          const tables = await readWorkbook(file);
          const staffOfBoard = new Set(units.filter((u) => u.context.boardId === boardId).map((u) => u.staffId));
          for (const kind of ["declared", "notDeclared"] as const) {
            for (const row of boardRecords(tables, kind))
              expect(boardOf.get(Number(row.Opdracht)), `${month} board ${boardId} ${kind}`).to.equal(boardId);
          }
          for (const staffId of column(tables.get(BOARD_SHEETS.notifications)!, "Personeelslid"))
            expect(staffOfBoard.has(Number(staffId)), `${month} board ${boardId}`).to.equal(true);
          const declared = units.filter((u) => u.context.boardId === boardId && u.status === "declared").length;
          expect(boardRecords(tables, "declared"), `${month} board ${boardId}`).to.have.length(declared);
        }
      }
    });
  });
});

describe("the workbooks of a run with ZIMA002 and ZIMA005 declarations", () => {
  let dir: string;
  let summary: RunSummary;
  let tables: Map<string, SheetTable>;
  let written: Record<string, number>;
  let boards: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "easr-benefits-reports-"));
    summary = await writeBenefitsRun(dir);
    const outputPath = join(dir, `report-${BENEFITS_MONTH}.xlsx`);
    written = (await writeOperatorWorkbook({ summary, decisionsPath: summary.decisionsFile!, outputPath, language: "en" })).sheets;
    tables = await readWorkbook(outputPath);
    boards = (await writeBoardWorkbooks({ summary, decisionsPath: summary.decisionsFile!, outputDir: dir })).files;
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("counts ZIMA002 and ZIMA005 per form type with the ZIMA002 gross and the ZIMA005 holiday days", () => {
    expect([...tables.keys()]).to.deep.equal([
      "Overview",
      "Per school board",
      "Declared",
      "ZIMA002 periods",
      "ZIMA005 holidays",
      // Staff 81-83 (test/support/benefits-decisions.ts): declared forms and one rejected unit, none not eligible or waiting.
      "Rejected",
    ]);
    const { [OPERATOR_SHEETS.en.overview]: overviewRows, ...detailCounts } = written;
    expect(overviewRows).to.equal(0);
    expect(detailCounts).to.deep.equal(
      Object.fromEntries(
        [...tables].filter(([name]) => name !== OPERATOR_SHEETS.en.overview).map(([name, table]) => [name, table.rows.length]),
      ),
    );
    const blocks = sheetBlocks(tables.get(OPERATOR_SHEETS.en.overview)!.sheet);
    const formType = (key: string) => blocks.get("Per form type")!.records.find((r) => r["Form type"] === key)!;
    expect(formType("ZIMA002")).to.deep.include({
      Description: "monthly adapted work (benefits, scenario 2)",
      Declared: 2,
      Rejected: 1,
      "Gross ZIMA002 (EUR)": 1334.56,
    });
    expect(formType("ZIMA005")).to.deep.include({
      Description: "yearly holiday declaration (benefits, scenario 5)",
      Declared: 2,
      "Holiday days ZIMA005": 24.5,
    });
    expect(formType("Total")).to.deep.include({ Declared: 4, "Gross ZIMA002 (EUR)": 1334.56, "Holiday days ZIMA005": 24.5 });
    expect(blocks.get("Files")!.records.find((r) => r["Form type"] === "ZIMA002")).to.deep.include({
      "Declaration file (FI)": ZIMA002_FILE,
      Forms: 2,
    });
    expect(
      blocks.get("Reasons, rules and flags per form type (units)")!.records.find((r) => r["Code (IT)"] === "FIELD_NOT_A_NUMBER"),
    ).to.deep.include({
      Outcome: "Rejected",
      ZIMA002: 1,
    });
  });

  it("lists each ZIMA form on the Declared sheet with its sub-risk, periods or holiday year, gross and days", () => {
    const declared = records(tables.get(OPERATOR_SHEETS.en.declared)!);
    expect(declared).to.have.length(4);
    const row = (staffId: number, formType: string) => declared.find((r) => r["Staff id"] === staffId && r["Form type"] === formType)!;
    expect(row(81, "ZIMA002")).to.deep.include({
      "Reference month": "2017-09",
      "Sub-risk": 2,
      "Reference periods": "2017-09-01 – 2017-09-15; 2017-09-16 – 2017-09-30",
      "Gross ZIMA002 (EUR)": 1334.56,
      File: ZIMA002_FILE,
      "Sequence nr": 1,
      "Q (h/week)": 16,
    });
    // No WECH006 form in this run: the WECH006 gross column, empty on every row, is left out.
    expect(tables.get(OPERATOR_SHEETS.en.declared)!.headers).to.not.include("Gross ExactSalary (EUR)");
    expect(row(82, "ZIMA002")).to.deep.include({ "Sub-risk": 1, "Gross ZIMA002 (EUR)": null, "Sequence nr": 2 });
    expect(row(82, "ZIMA005")).to.deep.include({
      "Reference month": "2016",
      "Holiday year": 2016,
      "Holiday days": 24.5,
      File: ZIMA005_FILE,
      "Sequence nr": 1,
    });
    expect(row(83, "ZIMA005")).to.deep.include({ "Holiday year": 2016, "Sub-risk": 2, "Holiday days": 0 });
  });

  it("has a row per ZIMA002 reference period and per ZIMA005 form with their own columns", () => {
    const periods = records(tables.get(OPERATOR_SHEETS.en.zima002Periods)!);
    expect(
      periods.map((r) => [
        r["Staff id"],
        r.Period,
        (r["Period start"] as Date).toISOString().slice(0, 10),
        (r["Period end"] as Date).toISOString().slice(0, 10),
        r["Adapted Q (h/week)"],
        r["Adapted days/week"],
      ]),
    ).to.deep.equal([
      [81, 1, "2017-09-01", "2017-09-15", 10, 3],
      [81, 2, "2017-09-16", "2017-09-30", 19.5, 4],
      [82, 1, "2017-09-01", "2017-09-30", 19, 5],
    ]);
    expect(periods[0]).to.deep.include({
      "Day natures": 1,
      "Exact wages (code amount)": null,
      "Services (code: days, hours)": null,
      "Gross of the period (EUR)": null,
      Severance: null,
      "Sub-risk (description)": "adapted work under maternity protection",
    });
    expect(periods[1]).to.deep.include({
      "Day natures": 2,
      "Exact wages (code amount)": "01 EUR 1234.56; 05 EUR 100.00",
      "Gross of the period (EUR)": 1334.56,
      Severance: "2017-09-20 – 2017-09-30: EUR 500.00",
    });
    expect(periods[2]).to.deep.include({
      "Services (code: days, hours)": "1: 10.00 d 76.00 h",
      "Day natures": 0,
      "Sub-risk (description)": "adapted work during incapacity",
    });

    const holidays = records(tables.get(OPERATOR_SHEETS.en.zima005Holidays)!);
    expect(
      holidays.map((r) => [
        r["Staff id"],
        r["Holiday year"],
        r["Sub-risk"],
        r["Holiday sector"],
        r["Holiday details (code: days, hours)"],
        r["Holiday days"],
      ]),
    ).to.deep.equal([
      [82, 2016, 1, 1, "code 1: 20.00 days; code 2: 4.50 days, 32.00 h", 24.5],
      [83, 2016, 2, 2, null, 0],
    ]);
    expect(holidays[1]).to.deep.include({
      "Holiday sector (description)": "public sector",
      "Sub-risk (description)": "white-collar worker (holiday pay by the employer)",
    });
    const rejected = records(tables.get(OPERATOR_SHEETS.en.rejected)!);
    expect(rejected.map((r) => [r["Form type"], r["Staff id"], r.Table, r.Column, r["Code (IT)"]])).to.deep.equal([
      ["ZIMA002", 83, "adapted_work", "adapted_q", "FIELD_NOT_A_NUMBER"],
    ]);
  });

  it("shows each school board its own staff's ZIMA forms, in Dutch", async () => {
    expect(boards.map((f) => f.split("/").pop())).to.deep.equal([
      `bestuur-dertig-30-${BENEFITS_MONTH}.xlsx`,
      `bestuur-eenendertig-31-${BENEFITS_MONTH}.xlsx`,
    ]);
    const thirty = boardRecords(await readWorkbook(boards[0]), "declared");
    expect(thirty.map((r) => [r.Personeelslid, r.Aangifte, r["Referte-maand"] ?? r["Vakantie-jaar"]])).to.have.deep.members([
      [81, "ZIMA002", "2017-09"],
      [83, "ZIMA005", "2016"],
    ]);
    const maternity = thirty.find((r) => r.Personeelslid === 81)!;
    expect(maternity).to.deep.include({
      Subrisico: "2 – aangepast werk tijdens moederschapsbescherming",
      "Referteperiodes (aangepast werk)":
        "2017-09-01 – 2017-09-15 (Q 10,00 u, 3,00 d/week); 2017-09-16 – 2017-09-30 (Q 19,50 u, 4,00 d/week)",
      "Prestaties / lonen": "01 EUR 1234,56; 05 EUR 100,00; opzeggingsvergoeding 2017-09-20 – 2017-09-30: EUR 500,00",
      "Brutoloon van de maand (EUR)": 1334.56,
      "Volgnummer in het bestand": 1,
    });
    expect(thirty.find((r) => r.Personeelslid === 83)).to.deep.include({
      "Vakantie-jaar": "2016",
      "Vakantie (code: dagen, uren)": "geen details (openbare sector)",
      "Vakantie-dagen": 0,
    });
    const thirtyNot = boardRecords(await readWorkbook(boards[0]), "notDeclared");
    expect(thirtyNot.map((r) => [r.Personeelslid, r.Aangifte, r["Code (IT)"], r.Gegeven])).to.deep.equal([
      [83, "ZIMA002", "FIELD_NOT_A_NUMBER", "aangepast werk 9, kolom adapted_q"],
    ]);
    const thirtyOne = boardRecords(await readWorkbook(boards[1]), "declared");
    expect(thirtyOne.map((r) => r.Personeelslid)).to.deep.equal([82, 82]);
    expect(thirtyOne.find((r) => r.Aangifte === "ZIMA002")).to.deep.include({
      Subrisico: "1 – aangepast werk tijdens arbeidsongeschiktheid",
      "Prestaties / lonen": "1: 10,00 d 76,00 u",
    });
    expect(thirtyOne.find((r) => r.Aangifte === "ZIMA005")).to.deep.include({
      "Vakantie-jaar": "2016",
      "Vakantie (code: dagen, uren)": "code 1: 20,00 dagen; code 2: 4,50 dagen, 32,00 uur",
      "Vakantie-dagen": 24.5,
    });
  });

  it("says the same in Dutch (the default) and in English: the same sheets, rows, numbers and dates; only the words differ", async () => {
    const dutchPath = join(dir, "dutch", `report-${BENEFITS_MONTH}.xlsx`);
    mkdirSync(dirname(dutchPath));
    await writeOperatorWorkbook({ summary, decisionsPath: summary.decisionsFile!, outputPath: dutchPath });
    const dutch = await readWorkbook(dutchPath);
    expect([...dutch.keys()]).to.deep.equal([
      "Overzicht",
      "Per schoolbestuur",
      "Aangegeven",
      "ZIMA002 perioden",
      "ZIMA005 vakantie",
      "Geweigerd",
    ]);
    const words = (table: SheetTable) => table.rows.map((row) => row.map((cell) => (typeof cell === "string" ? "text" : cell)));
    const [nlTables, enTables] = [[...dutch.values()], [...tables.values()]];
    expect(nlTables.length, "the same sheets in both languages").to.equal(enTables.length);
    nlTables.forEach((nl, index) => {
      expect(nl.headers.length, nl.sheet.name).to.equal(enTables[index].headers.length);
      expect(words(nl), nl.sheet.name).to.deep.equal(words(enTables[index]));
    });
    const declared = records(dutch.get(OPERATOR_SHEETS.nl.declared)!).find(
      (r) => r.Aangiftetype === "ZIMA002" && r["Personeelsnr."] === 81,
    )!;
    expect(declared).to.deep.include({ Refertemaand: "2017-09", "Brutoloon ZIMA002 (EUR)": 1334.56, "Q (u/week)": 16, Subrisico: 2 });
    const overview = sheetBlocks(dutch.get(OPERATOR_SHEETS.nl.overview)!.sheet);
    expect(overview.get("Per aangiftetype")!.records.find((r) => r.Aangiftetype === "ZIMA002")).to.deep.include({
      Omschrijving: "maandaangifte aangepast werk",
      Aangegeven: 2,
      Geweigerd: 1,
    });
    // What to act on: the one form blocked by a record breaking the contract, with the sheet to look at; no other broken record.
    expect(summary.rejectedRecords.count).to.equal(0);
    expect(overview.get("Te doen")!.records).to.deep.equal([
      { Wat: "Aangiften geblokkeerd door een fout record: het record verbeteren", Aantal: 1, Waar: "Geweigerd" },
    ]);
  });

  describe("all reports in one pass over decisions.jsonl (writeRunReports)", () => {
    /** A copy of the run's month folder without its reports: decisions.jsonl and a summary pointing there. */
    function freshRun(): RunSummary {
      const copy = mkdtempSync(join(dir, "run-"));
      copyFileSync(summary.decisionsFile!, join(copy, "decisions.jsonl"));
      return { ...summary, outputDir: copy, decisionsFile: join(copy, "decisions.jsonl") };
    }

    it("writes the same workbooks and extract as the writers one by one, and leaves no temporary file or folder", async () => {
      const run = freshRun();
      const reports = (await writeRunReports(run))!;
      const alonePath = join(dir, "alone", `report-${BENEFITS_MONTH}.xlsx`);
      mkdirSync(dirname(alonePath));
      await writeOperatorWorkbook({ summary, decisionsPath: summary.decisionsFile!, outputPath: alonePath });
      const alone = await readWorkbook(alonePath);
      const together = await readWorkbook(reports.operatorWorkbook);
      expect([...together.keys()]).to.deep.equal([...alone.keys()]);
      for (const [name, table] of alone) expect(together.get(name)!.rows, name).to.deep.equal(table.rows);
      expect(reports.boardWorkbooks.map((f) => f.split("/").pop())).to.deep.equal([
        `bestuur-dertig-30-${BENEFITS_MONTH}.xlsx`,
        `bestuur-eenendertig-31-${BENEFITS_MONTH}.xlsx`,
      ]);
      for (const [index, board] of boards.entries()) {
        const [a, b] = [await readWorkbook(board), await readWorkbook(reports.boardWorkbooks[index])];
        for (const [name, table] of a) expect(b.get(name)!.rows, `${board} ${name}`).to.deep.equal(table.rows);
      }
      const extractAlone = join(dir, "extract-alone.csv");
      const { records } = await writePayslipExtract({ summary, decisionsPath: summary.decisionsFile!, outputPath: extractAlone });
      expect(reports.payslipRecords).to.equal(records).and.to.be.greaterThan(0);
      expect(readFileSync(reports.payslipExtract, "utf8")).to.equal(readFileSync(extractAlone, "utf8"));
      expect(readdirSync(run.outputDir).sort()).to.deep.equal([
        "boards",
        "decisions.jsonl",
        `payslip-extract-${BENEFITS_MONTH}.csv`,
        `report-${BENEFITS_MONTH}.xlsx`,
      ]);
      expect(readdirSync(join(run.outputDir, "boards")).sort()).to.deep.equal([
        `bestuur-dertig-30-${BENEFITS_MONTH}.xlsx`,
        `bestuur-eenendertig-31-${BENEFITS_MONTH}.xlsx`,
      ]);
    });

    it("publishes no board workbook when one exists already, and removes every temporary file and folder", async () => {
      const run = freshRun();
      mkdirSync(join(run.outputDir, "boards"));
      writeFileSync(join(run.outputDir, "boards", `bestuur-eenendertig-31-${BENEFITS_MONTH}.xlsx`), "an earlier workbook");
      let failure: unknown = null;
      await writeRunReports(run).catch((error: unknown) => (failure = error));
      expect(String(failure)).to.match(/board workbook\(s\) exist already.*bestuur-eenendertig-31-2017-10\.xlsx/);
      expect(readdirSync(join(run.outputDir, "boards"))).to.deep.equal([`bestuur-eenendertig-31-${BENEFITS_MONTH}.xlsx`]);
      expect(readFileSync(join(run.outputDir, "boards", `bestuur-eenendertig-31-${BENEFITS_MONTH}.xlsx`), "utf8")).to.equal(
        "an earlier workbook",
      );
      // The operator workbook was finished before the boards; the extract, after them, was not written.
      expect(readdirSync(run.outputDir).sort()).to.deep.equal(["boards", "decisions.jsonl", `report-${BENEFITS_MONTH}.xlsx`]);
    });
  });
});
