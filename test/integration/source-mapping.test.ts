/**
 * Source mapping: a deployment whose ministry tables and columns are named otherwise
 * maps them (EASR_SOURCE_MAPPING naming a JSON file of the shape of mappings/source-tables.ts). On every
 * test engine, a database whose every contract table is a renamed copy — PERSONEEL(PERSNR,
 * RIJKSREGISTERNR, …) — is created with plain SQL from the contract description, the circular's
 * examples go in with plain SQL under the renamed names, and the school year runs month by month
 * through the real CLI path: the forms are the same as on the contract-named database.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { monthsFromTo } from "../../src/domain/year-month";
import { loadSourceNaming } from "../../src/source/source-naming";
import { CliWorkspace } from "../support/cli-harness";
import { contractDdl, insertStatements, runStatements, tableNames } from "../support/contract-ddl";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { formContents } from "../support/form-content";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { expectFolderValid } from "../support/xsd-check";

const MAPPING_FILE = join(__dirname, "..", "fixtures", "source-mapping", "dutch-naming.json");
const MONTHS = monthsFromTo("2017-09", "2018-09");
const RENAMED_TABLES = ["PERSONEEL", "OPDRACHT", "WEDDELIJN", "RL16_MELDING", "JAARKALENDER", "SCHOOLBESTUUR", "INSTELLING"];
const CONTRACT_TABLE_NAMES = [
  "staff_member",
  "assignment",
  "salary_line",
  "rl16_notification",
  "payment_calendar",
  "school_board",
  "institution",
];

/** Runs `work` with EASR_SOURCE_MAPPING set as given (unset for undefined), restoring it afterwards. */
async function withMapping<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  const before = process.env.EASR_SOURCE_MAPPING;
  if (file === undefined) delete process.env.EASR_SOURCE_MAPPING;
  else process.env.EASR_SOURCE_MAPPING = file;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.EASR_SOURCE_MAPPING;
    else process.env.EASR_SOURCE_MAPPING = before;
  }
}

function sourceMappingOn(engine: TestEngine): void {
  describe(`source mapping: a ministry database with its own table and column names [${engine}]`, function () {
    this.timeout(300_000);
    const naming = loadSourceNaming(MAPPING_FILE);
    let contractNamed: CliWorkspace | undefined;
    let renamed!: CliWorkspace;

    before(async function () {
      await requireEngine(this, engine);
      contractNamed = await CliWorkspace.withRows("mapping-contract", engine, circularExampleRows());

      renamed = await CliWorkspace.create("mapping-renamed", engine);
      const options = { engine, naming };
      await runStatements(renamed.dbUrl, [...contractDdl(options), ...insertStatements(circularExampleRows(), options)]);

      for (const month of MONTHS) await contractNamed.run(month);
      await withMapping(MAPPING_FILE, async () => {
        for (const month of MONTHS) await renamed.run(month);
      });
    });

    after(async () => {
      await contractNamed?.remove();
      await renamed?.remove();
    });

    it("the renamed database has none of the contract's table names", async () => {
      const tables = await tableNames(renamed.dbUrl, engine);
      expect(tables).to.include.members(RENAMED_TABLES);
      for (const name of CONTRACT_TABLE_NAMES) expect(tables, name).not.to.include(name);
    });

    it("declares exactly the forms of the contract-named database, month by month", async () => {
      let forms = 0;
      for (const month of MONTHS) {
        const expected = formContents(contractNamed!.monthDir(month));
        expect(formContents(renamed.monthDir(month)), month).to.deep.equal(expected);
        forms += expected.length;
        await expectFolderValid(renamed.monthDir(month));
      }
      expect(forms).to.be.greaterThan(40);
    });

    it("decides and counts the same: persons, form types, reasons and rejected records per month", () => {
      for (const month of MONTHS) {
        const mine = renamed.summaryOf(month);
        const theirs = contractNamed!.summaryOf(month);
        expectSummaryAddsUp(mine);
        expect(mine.persons, month).to.deep.equal(theirs.persons);
        expect(mine.forms, month).to.deep.equal(theirs.forms);
        expect(mine.rejectedRecords, month).to.deep.equal(theirs.rejectedRecords);
      }
    });

    it("explain reads the renamed tables too", async () => {
      const result = await withMapping(MAPPING_FILE, () =>
        renamed.easr("explain", "--staff", "1", "--month", "2017-10", "--db", renamed.dbUrl),
      );
      expect(result.code, result.err.join("\n")).to.equal(0);
      expect(result.out.join("\n")).to.include("977.38");
    });

    it("without the mapping the renamed database cannot be read: the run fails (exit 1) and names the missing table", async () => {
      const result = await withMapping(undefined, () =>
        renamed.easr("run", "--month", "2018-10", "--db", renamed.dbUrl, "--out", renamed.outDir),
      );
      expect(result.code).to.equal(1);
      expect(result.err.join("\n")).to.match(/payment_calendar|school_board|rl16_notification/);
      expect(renamed.filesOf("2018-10")).to.deep.equal([]);
    });

    it("easr db init with the mapping creates the renamed tables", async () => {
      const fresh = await CliWorkspace.create("mapping-init", engine);
      try {
        const result = await withMapping(MAPPING_FILE, () => fresh.easr("db", "init", "--db", fresh.dbUrl));
        expect(result.code, result.err.join("\n")).to.equal(0);
        const tables = await tableNames(fresh.dbUrl, engine);
        expect(tables).to.include.members(RENAMED_TABLES);
        expect(tables).not.to.include("staff_member");
      } finally {
        await fresh.remove();
      }
    });
  });
}

for (const engine of ENGINES) sourceMappingOn(engine);

describe("source mapping: a mapping file that does not fit the contract", () => {
  let workspace: CliWorkspace;
  before(() => {
    workspace = new CliWorkspace("mapping-bad");
  });
  after(async () => {
    await workspace.remove();
  });

  it("stops the program at start-up with exit 2, naming the variable and what is wrong", async () => {
    const cases: [string, string, RegExp][] = [
      ["unknown-table.json", JSON.stringify({ tables: { staff: "PERSONEEL" } }), /tables\.staff: the contract has no table "staff"/],
      [
        "unknown-column.json",
        JSON.stringify({ columns: { staff_member: { inss: "RRN" } } }),
        /columns\.staff_member\.inss: the contract table staff_member has no column "inss"/,
      ],
      [
        "bad-identifier.json",
        JSON.stringify({ tables: { staff_member: "PERSONEEL; DROP TABLE x" } }),
        /tables\.staff_member: "PERSONEEL; DROP TABLE x" is not a plain identifier/,
      ],
      [
        "twice.json",
        JSON.stringify({ columns: { staff_member: { insz: "last_name" } } }),
        /columns\.staff_member: insz and last_name are both named "last_name"/,
      ],
      [
        "same-table.json",
        JSON.stringify({ tables: { staff_member: "ASSIGNMENT" } }),
        /tables: staff_member and assignment are both named "assignment"/,
      ],
      ["extra-key.json", JSON.stringify({ tabels: {} }), /Unrecognized key: "tabels"/],
      ["not-json.json", "{ tables: ", /not JSON/],
      ["absent.json", "", /absent\.json: cannot be read/],
    ];
    for (const [name, text, message] of cases) {
      const file = join(workspace.dir, name);
      if (text !== "") writeFileSync(file, text);
      const result = await withMapping(file, () =>
        workspace.easr("run", "--month", "2017-09", "--db", workspace.dbUrl, "--out", workspace.outDir),
      );
      expect(result.code, name).to.equal(2);
      expect(result.err.join("\n"), name).to.include("EASR_SOURCE_MAPPING").and.match(message);
    }
  });
});
