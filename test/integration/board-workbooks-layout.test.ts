/**
 * The layout of a school board's workbook (issue 16), against outcomes worked out by hand:
 * - a run of September 2017 on a small board (the CLI, its clock set so that the run's finish is known):
 *   staff 40 works 5/22 (Q 500, S 2200, EUR 550,00 a month) and gets a WECH003 and a WECH006; staff 41
 *   works 20/24 (83,3 %) and gets a WECH003 but no WECH006 (occupation at or above 80 %);
 * - the benefits run of test/support/benefits-decisions.ts (run 7 of October 2017, finished
 *   2017-10-16 18:01): board 30 a ZIMA002 (staff 81), a rejected ZIMA002 and a ZIMA005 (staff 83);
 *   board 31 a ZIMA002 (Q 1600) and a ZIMA005 (24,5 days) of staff 82; no notifications.
 * Every sheet opens with the title block; a form type's sheets exist only when it has rows; no sheet
 * has a column that is empty all the way down; nothing is English, and the codes are only in the last
 * column, "Code (IT)".
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { BOARD_SHEETS, writeBoardWorkbooks } from "../../reports/board-workbooks";
import { makeInsz } from "../../src/domain/check-digits";
import { PAYMENT_CALENDAR_ROWS } from "../../tools/demo/circular-examples";
import type { RunSummary } from "../../src/run-record";
import type { ContractRows } from "../../src/source/contract-writer";
import { EN } from "../../src/texts/en";
import { writeBenefitsRun } from "../support/benefits-decisions";
import { CliWorkspace } from "../support/cli-harness";
import { type CellValue, readWorkbook, records, type SheetTable } from "../support/workbook-tables";

const MONTH = "2017-09";
/** The run's clock: its finish is this moment, which the title block says in Dutch. */
const CLOCK = "2017-09-20T10:15:00+02:00";
const BOARD = { id: 40, name: "VZW Testschool Lay-out", agency: "AGODI" };
/** Hours as a board reads them: "5,00 u" (issue 16). */
const HOURS = '0.00" u"';

const ROWS: ContractRows = {
  payment_calendar: [...PAYMENT_CALENDAR_ROWS],
  school_board: [BOARD],
  institution: [{ id: 40, board_id: 40, name: "Academie Lay-out", level: "DKO" }],
  staff_member: [40, 41].map((id) => ({
    id,
    insz: makeInsz("1984-04-04", id),
    last_name: id === 40 ? "Vijfuren" : "Bijnavoltijds",
    first_name: "Test",
    birth_date: "1984-04-04",
    gender: "F",
    country_code: "BE",
  })),
  assignment: [
    { id: 401, staff_id: 40, numerator: "5", denominator: "22", salary: "550.00" },
    { id: 411, staff_id: 41, numerator: "20", denominator: "24", salary: "1400.00" },
  ].map((a) => ({
    id: a.id,
    staff_id: a.staff_id,
    institution_id: 40,
    start_date: "2017-09-01",
    end_date: "2018-06-30",
    hours_numerator: a.numerator,
    hours_denominator: a.denominator,
    job_title: "leraar",
    status: "T",
    monthly_salary: a.salary,
  })),
  salary_line: [
    { id: 4001, staff_id: 40, assignment_id: 401, gross_amount: "550.00" },
    { id: 4002, staff_id: 41, assignment_id: 411, gross_amount: "1400.00" },
  ].map((line) => ({ ...line, period_month: MONTH, wage_code: "01", paid_on: "2017-09-25" })),
  rl16_notification: [40, 41].map((id) => ({
    id,
    staff_id: id,
    board_id: 40,
    message_ref: `RL16-LAYOUT-${id}`,
    received_at: "2017-09-04 10:00:00",
    valid_from: "2017-09-01",
    withdrawn_from: null,
    maintenance_of_rights: 1,
    fulltime_request: 1,
  })),
};

/** A reason, rule or flag code (OCCUPATION_AT_OR_ABOVE_LIMIT): only the last column may hold one. */
const CODE = /^[A-Z]+(?:_[A-Z]+)+$/;

/** English words that a Dutch header would not have. */
const ENGLISH_HEADER_WORDS =
  /\b(staff|name|first|last|form|type|month|period|hours?|gross|salary|file|sequence|reason|rule|record|value|status|outcome|declared|holiday|days|sub-risk|start|end|remark|notification|received|valid|window|level|institution|assignment)\b/i;

/** Every English text the reports have for a code: none of them may be in a board's workbook. */
const ENGLISH_TEXTS: readonly string[] = [
  ...Object.values(EN.notEligibleReasons),
  ...Object.values(EN.rejectionRules),
  ...Object.values(EN.waitingReasons),
  ...Object.values(EN.declarationFlags),
  ...Object.values(EN.zima002SubRisks),
  ...Object.values(EN.zima005SubRisks),
  ...Object.values(EN.holidaySectors),
  ...Object.values(EN.absenceKinds),
  "declared",
  "not-eligible",
  "not eligible",
  "waiting",
  "rejected",
];

function cellOf(table: SheetTable, row: number, header: string) {
  const index = table.headers.indexOf(header);
  expect(index, `column "${header}" in [${table.headers.join(", ")}]`).to.be.at.least(0);
  const headerRow = (table.sheet.views[0] as { ySplit: number }).ySplit;
  return table.sheet.getRow(headerRow + 1 + row).getCell(index + 1);
}

/** What every board workbook must hold to, whatever its data. */
function expectLaidOutForABoard(tables: Map<string, SheetTable>, where: string): void {
  for (const [name, table] of tables) {
    const at = `${where} "${name}"`;
    expect(name.length, at).to.be.at.most(31);
    expect(table.title.length, `${at}: a title block`).to.be.at.least(5);
    for (const header of table.headers) expect(header, `${at}: an English header`).not.to.match(ENGLISH_HEADER_WORDS);
    const codeColumn = table.headers.indexOf("Code (IT)");
    expect(codeColumn === -1 || codeColumn === table.headers.length - 1, `${at}: the code column is the last`).to.equal(true);
    table.headers.forEach((header, index) => {
      if (table.rows.length === 0) return;
      const filled = table.rows.some((row) => row[index] !== null && row[index] !== undefined && row[index] !== "");
      expect(filled, `${at}: column "${header}" is empty all the way down`).to.equal(true);
    });
    const texts: [string, CellValue][] = [
      ...table.title.map((line): [string, CellValue] => ["title", line]),
      ...table.rows.flatMap((row) => row.map((cell, index): [string, CellValue] => [table.headers[index], cell])),
    ];
    for (const [header, cell] of texts) {
      if (typeof cell !== "string") continue;
      if (header !== "Code (IT)") expect(cell, `${at} ${header}: a code outside the code column`).not.to.match(CODE);
      for (const english of ENGLISH_TEXTS) expect(cell, `${at} ${header}: English`).not.to.include(english);
    }
  }
}

describe("the layout of a school board's workbook (issue 16) [sqlite]", function () {
  this.timeout(120_000);
  let workspace: CliWorkspace;
  let summary: RunSummary;
  let tables: Map<string, SheetTable>;

  before(async () => {
    workspace = await CliWorkspace.withRows("board-layout", "sqlite", ROWS);
    await workspace.runAt(MONTH, CLOCK);
    summary = workspace.summaryOf(MONTH);
    // The board's name as a slug, its id, the month (boardWorkbookName).
    tables = await readWorkbook(join(workspace.monthDir(MONTH), "boards", `vzw-testschool-lay-out-40-${MONTH}.xlsx`));
  });

  after(() => workspace?.remove());

  it("has the notifications and, per form type, only the sheets with rows", () => {
    expect([...tables.keys()]).to.deep.equal(["Meldingen", "WECH003 aangegeven", "WECH006 aangegeven", "WECH006 niet aangegeven"]);
    expect(tables.has(BOARD_SHEETS.notDeclared("WECH003")), "every WECH003 was declared").to.equal(false);
    expect(records(tables.get("WECH003 aangegeven")!).map((r) => r.Personeelslid)).to.deep.equal([40, 41]);
    expect(records(tables.get("WECH006 aangegeven")!).map((r) => r.Personeelslid)).to.deep.equal([40]);
  });

  it("opens every sheet with the board, its agency, the month and run, and the run's finish, then what the sheet holds", () => {
    const block = [
      "VZW Testschool Lay-out (schoolbestuur 40)",
      "Agentschap voor Onderwijsdiensten (AGODI)",
      "Aangiften sociale risico's van september 2017 – verwerking nr. 1, omgeving T (test)",
      "Gemaakt op 20 september 2017 om 10:15",
    ];
    expect(summary.finishedAt.slice(0, 16)).to.equal("2017-09-20T10:15");
    for (const [name, table] of tables) expect(table.title.slice(0, 4), name).to.deep.equal(block);
    expect(tables.get("Meldingen")!.title.slice(4)).to.deep.equal([
      "RL16-meldingen van het personeel van dit schoolbestuur",
      "In dit werkboek ook: WECH003 aangegeven (2), WECH006 aangegeven (1), WECH006 niet aangegeven (1)",
    ]);
    expect(tables.get("WECH006 aangegeven")!.title[4]).to.equal(
      `WECH006 – maandaangifte deeltijdse arbeid: wat deze verwerking aangaf, in bestand ${summary.files.find((f) => f.formType === "WECH006")!.fileName}`,
    );
    expect(tables.get("WECH006 niet aangegeven")!.title[4]).to.equal(
      "WECH006 – maandaangifte deeltijdse arbeid: wat niet aangegeven werd, en waarom",
    );
  });

  it("shows Q and S as hours: 5/22 is Q 5 and S 22, formatted as hours", () => {
    const declared = tables.get("WECH006 aangegeven")!;
    const q = cellOf(declared, 0, "Q: uren per week");
    const s = cellOf(declared, 0, "S: uren per week voltijds");
    expect([q.value, s.value]).to.deep.equal([5, 22]);
    expect([q.numFmt, s.numFmt]).to.deep.equal([HOURS, HOURS]);
    expect(records(declared)[0]).to.deep.include({
      "Referte-maand": "2017-09",
      "Opdracht-breuk": "5/22",
      Soort: "eerste aangifte",
      "Brutoloon van de maand (EUR)": 550,
      "Volgnummer in het bestand": 1,
    });
    // Nothing flagged: no remark and no code column on the sheet.
    for (const header of ["Opmerking", "Code (IT)"]) expect(declared.headers).to.not.include(header);
  });

  it("says in Dutch why staff 41 got no WECH006, with the code in the last column", () => {
    const notDeclared = tables.get("WECH006 niet aangegeven")!;
    expect(notDeclared.headers.at(-1)).to.equal("Code (IT)");
    expect(records(notDeclared)).to.deep.equal([
      {
        "Referte-maand": "2017-09",
        Personeelslid: 41,
        Naam: "Bijnavoltijds",
        Voornaam: "Test",
        "INSZ (gemaskeerd)": records(notDeclared)[0]["INSZ (gemaskeerd)"],
        Instelling: "Academie Lay-out",
        Niveau: "DKO",
        Opdracht: 411,
        "Opdracht-breuk": "20/24",
        Uitkomst: "niet in aanmerking",
        Reden: "tewerkstelling 83,3 % (alle opdrachten samen) ≥ 80 %",
        "Code (IT)": "OCCUPATION_AT_OR_ABOVE_LIMIT",
      },
    ]);
    expect(String(records(notDeclared)[0]["INSZ (gemaskeerd)"])).to.match(/^\*{8}\d{3}$/);
  });

  it("holds to the layout on every sheet: title, Dutch only, no empty column, codes last", () => {
    expectLaidOutForABoard(tables, `board ${BOARD.id}`);
  });
});

describe("the layout of the school boards' workbooks of a benefits run (issue 16)", () => {
  let dir: string;
  let boards: Map<string, SheetTable>[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "easr-board-layout-"));
    const summary = await writeBenefitsRun(dir);
    const files = (await writeBoardWorkbooks({ summary, decisionsPath: summary.decisionsFile!, outputDir: dir })).files;
    boards = await Promise.all(files.map((file) => readWorkbook(file)));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("gives each board the sheets of the form types it has rows for, and the notifications sheet even without any", () => {
    expect(boards.map((tables) => [...tables.keys()])).to.deep.equal([
      ["Meldingen", "ZIMA002 aangegeven", "ZIMA002 niet aangegeven", "ZIMA005 aangegeven"],
      ["Meldingen", "ZIMA002 aangegeven", "ZIMA005 aangegeven"],
    ]);
    const notifications = boards[1].get("Meldingen")!;
    expect(notifications.rows).to.have.length(0);
    expect(notifications.headers[0]).to.equal("Personeelslid");
    expect(notifications.title).to.deep.equal([
      "Bestuur Eenendertig (schoolbestuur 31)",
      "Agentschap voor Onderwijsdiensten (AGODI)",
      "Aangiften sociale risico's van oktober 2017 – verwerking nr. 7, omgeving T (test)",
      "Gemaakt op 16 oktober 2017 om 18:01",
      "RL16-meldingen van het personeel van dit schoolbestuur: geen in deze verwerking",
      "In dit werkboek ook: ZIMA002 aangegeven (1), ZIMA005 aangegeven (1)",
    ]);
  });

  it("shows each ZIMA form type with its own columns: hours as hours, the holiday year as the period", () => {
    const adapted = boards[1].get("ZIMA002 aangegeven")!;
    expect(adapted.headers).to.include.members(["Referte-maand", "Subrisico", "Prestaties / lonen", "Q: uren per week"]);
    for (const header of ["Begin tewerkstelling", "Vakantie-dagen", "Brutoloon van de maand (EUR)"])
      expect(adapted.headers).to.not.include(header);
    expect([cellOf(adapted, 0, "Q: uren per week").value, cellOf(adapted, 0, "Q: uren per week").numFmt]).to.deep.equal([16, HOURS]);
    const holidays = boards[1].get("ZIMA005 aangegeven")!;
    expect(holidays.headers[0]).to.equal("Vakantie-jaar");
    expect(records(holidays)[0]).to.deep.include({ "Vakantie-jaar": "2016", Subrisico: "1 – arbeider", "Vakantie-dagen": 24.5 });
    const rejected = records(boards[0].get("ZIMA002 niet aangegeven")!);
    expect(rejected.map((r) => [r.Personeelslid, r.Uitkomst, r.Gegeven, r["Code (IT)"]])).to.deep.equal([
      [83, "geweigerd", "aangepast werk 9, kolom adapted_q", "FIELD_NOT_A_NUMBER"],
    ]);
  });

  it("holds to the layout on every sheet of both boards", () => {
    boards.forEach((tables, index) => expectLaidOutForABoard(tables, `board ${30 + index}`));
  });
});
