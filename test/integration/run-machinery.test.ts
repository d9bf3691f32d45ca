/**
 * The monthly run as a whole, on the real CLI path, on every test engine (SQLite files, fresh
 * PostgreSQL and MariaDB databases): exit codes, configuration errors, a month without cut-off, dry
 * runs, facts that change between runs, bad input, sequence numbers and what file names may contain.
 * The binary's usage checks touch no database and run once.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { CIRCULAR_EXAMPLES, circularExampleRows } from "../../tools/demo/circular-examples";
import { makeInsz } from "../../src/domain/check-digits";
import { parseBatchFileName } from "../../src/files/batch-file-name";
import { projectRoot } from "../../src/util/project-root";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { at, batchFilesIn, formsOf, OCCUPATION } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { expectFolderValid } from "../support/xsd-check";

const MONTHLY = `${OCCUPATION}.MonthlyDeclarationPartTimeWork`;
const insz = (example: number): string => String(CIRCULAR_EXAMPLES[example - 1].rows.staff_member![0].insz);

async function workspaceWith(label: string, engine: TestEngine, ...examples: number[]): Promise<CliWorkspace> {
  const workspace = await CliWorkspace.withRows(label, engine, circularExampleRows(...examples));
  return workspace;
}

describe("the monthly run", function () {
  this.timeout(120_000);

  describe("the easr binary", () => {
    const bin = join(projectRoot(), "bin", "easr.js");

    it("has --help on every command and exits 0", () => {
      for (const args of [["--help"], ["run", "--help"], ["db", "init", "--help"], ["demo", "--help"]]) {
        const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
        expect(result.status, args.join(" ")).to.equal(0);
        expect(result.stdout).to.match(/Usage: easr/);
      }
      expect(execFileSync(process.execPath, [bin, "run", "--help"], { encoding: "utf8" })).to.include("--dry-run");
    });

    it("exits 2 on bad usage: an unknown command, a missing or malformed --month", () => {
      expect(spawnSync(process.execPath, [bin, "frobnicate"], { encoding: "utf8" }).status).to.equal(2);
      expect(spawnSync(process.execPath, [bin, "run"], { encoding: "utf8" }).status).to.equal(2);
      const malformed = spawnSync(process.execPath, [bin, "run", "--month", "2017-13"], { encoding: "utf8" });
      expect(malformed.status).to.equal(2);
      expect(malformed.stderr).to.include('--month must be a month YYYY-MM, got "2017-13"');
    });
  });
});

/** Everything that reads or writes a database, on one engine. */
function monthlyRunOn(engine: TestEngine): void {
  describe(`the monthly run [${engine}]`, function () {
    this.timeout(120_000);
    const workspaces: CliWorkspace[] = [];
    before(async function () {
      await requireEngine(this, engine);
    });
    after(async () => {
      for (const w of workspaces) await w.remove();
    });
    async function workspace(label: string, ...examples: number[]): Promise<CliWorkspace> {
      const created = await workspaceWith(label, engine, ...examples);
      workspaces.push(created);
      return created;
    }

    describe("configuration", () => {
      it("stops at start-up with exit 2 and names the variable when a number fails its check digits", async () => {
        const w = await workspace("config", 1);
        const bin = join(projectRoot(), "bin", "easr.js");
        const env = { ...process.env, EASR_KBO_NUMBER: "0123456748", EASR_NOSS_NUMBER: "123456749" };
        const result = spawnSync(process.execPath, [bin, "run", "--month", "2017-09", "--db", w.dbUrl, "--out", w.outDir], {
          encoding: "utf8",
          env,
        });
        expect(result.status).to.equal(2);
        expect(result.stderr).to.include('EASR_KBO_NUMBER: "0123456748" is not a valid KBO enterprise number');
        expect(existsSync(w.outDir)).to.equal(false);
      });

      it("refuses the real environment R with the demo identity", async () => {
        const w = await workspace("config-r", 1);
        const result = await w.easr("run", "--month", "2017-09", "--db", w.dbUrl, "--out", w.outDir, "--env", "R");
        expect(result.code).to.equal(2);
        expect(result.err.join("\n")).to.include("EASR_ENVIRONMENT=R needs the agency's own");
      });
    });

    it("a month without cut-off in payment_calendar fails with exit 1 and writes nothing", async () => {
      const w = await workspace("no-cutoff", 1);
      const result = await w.easr("run", "--month", "2016-05", "--db", w.dbUrl, "--out", w.outDir);
      expect(result.code).to.equal(1);
      expect(result.err.join("\n")).to.include('payment_calendar has no cut-off ("uiterste betaaldatum") for 2016-05');
      expect(w.filesOf("2016-05")).to.deep.equal([]);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration")).to.equal(0);
    });

    it("--dry-run writes to <out>/dry-run/<month>/ and records nothing; the real run after it declares the same", async () => {
      const w = await workspace("dry-run", 1, 4);
      await w.run("2017-09", "--dry-run");
      const dryDir = join(w.outDir, "dry-run", "2017-09");
      // FI files to look at, but no GO file: nothing in a dry run may ever be picked up for transfer.
      expect(readdirSync(dryDir).filter((n) => n.startsWith("FI."))).to.have.length(2);
      expect(readdirSync(dryDir).filter((n) => n.startsWith("GO."))).to.deep.equal([]);
      await expectFolderValid(dryDir);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration")).to.equal(0);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_run")).to.equal(0);
      expect(w.filesOf("2017-09")).to.deep.equal([]);

      await w.run("2017-09");
      const real = batchFilesIn(w.monthDir("2017-09"));
      const dry = batchFilesIn(dryDir);
      expect(real.map((f) => [f.formType, f.forms.length])).to.deep.equal(dry.map((f) => [f.formType, f.forms.length]));
      expect(real.map((f) => parseBatchFileName(f.fileName)!.sequence)).to.deep.equal([1, 2]);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_declaration")).to.equal(3);
    });

    it("a not-eligible month is decided again when its facts change: a recovery paid later makes example 4's September eligible", async () => {
      const w = await workspace("facts", 4);
      await w.run("2017-09");
      expect(formsOf(w.monthDir("2017-09"), "WECH006", insz(4))).to.deep.equal([]);
      // Unchanged facts: the October run does not decide September again.
      await w.run("2017-10");
      const october = w.decisionsOf("2017-10").filter((d) => d.kind === "unit" && d.formType === "WECH006");
      expect(october.map((d) => [d.referencePeriod, d.status, d.reason])).to.deep.equal([
        ["2017-10", "not-eligible", "GROSS_AT_OR_ABOVE_THRESHOLD"],
      ]);
      expect(w.summaryOf("2017-10").forms.WECH006.unchanged).to.equal(1);

      // A recovery of EUR 300.00 for September, paid in November, brings September under EUR 1600.
      await writeContractRowsToUrl(w.dbUrl, {
        salary_line: [
          {
            id: 4999,
            staff_id: 4,
            assignment_id: 41,
            period_month: "2017-09",
            gross_amount: "-300.00",
            wage_code: "01",
            paid_on: "2017-11-10",
          },
        ],
      });
      await w.run("2017-11");
      const september = formsOf(w.monthDir("2017-11"), "WECH006", insz(4));
      expect(
        september.map((f) => [
          at(f, `${MONTHLY}.ReferencePeriod.RefStartingDate`),
          at(f, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`),
        ]),
      ).to.deep.equal([["2017-09-01", "151786"]]);
      expectSummaryAddsUp(w.summaryOf("2017-11"));
    });

    it("bad input: each broken record is rejected with its rule and value, everyone else is declared as before", async () => {
      const w = await workspace("bad-input", 1, 5);
      const badInsz = makeInsz("1980-05-17", 123).slice(0, 9) + "00";
      const goodInsz = makeInsz("1979-02-11", 44);
      await writeContractRowsToUrl(w.dbUrl, {
        staff_member: [
          { id: 60, insz: badInsz, last_name: "Peeters", first_name: "An", birth_date: "1980-05-17", gender: "F", country_code: "BE" },
          {
            id: 61,
            insz: goodInsz,
            last_name: '=HYPERLINK("x")',
            first_name: "Jan",
            birth_date: "1979-02-11",
            gender: "M",
            country_code: "BE",
          },
        ],
        assignment: [
          {
            id: 600,
            staff_id: 60,
            institution_id: 1,
            start_date: "2017-09-01",
            end_date: "2018-06-30",
            hours_numerator: "12",
            hours_denominator: "24",
            status: "T",
            monthly_salary: "1100.00",
          },
          {
            id: 610,
            staff_id: 61,
            institution_id: 1,
            start_date: "2017-09-01",
            end_date: "2018-06-30",
            hours_numerator: "12",
            hours_denominator: "0",
            status: "T",
            monthly_salary: "1100.00",
          },
          {
            id: 611,
            staff_id: 61,
            institution_id: 77,
            start_date: "2017-09-01",
            end_date: "2018-06-30",
            hours_numerator: "6",
            hours_denominator: "24",
            status: "T",
            monthly_salary: "500.00",
          },
        ],
        salary_line: [
          {
            id: 6000,
            staff_id: 60,
            assignment_id: 600,
            period_month: "2017-09",
            gross_amount: "1100.00",
            wage_code: "01",
            paid_on: "2017-09-25",
          },
          {
            id: 6100,
            staff_id: 61,
            assignment_id: 610,
            period_month: "2017-09",
            gross_amount: "1100.00",
            wage_code: "01",
            paid_on: "2017-09-25",
          },
        ],
        rl16_notification: [
          {
            id: 60,
            staff_id: 60,
            board_id: 1,
            message_ref: "RL16-BAD-60",
            received_at: "2017-09-04 09:00:00",
            valid_from: "2017-09-01",
            maintenance_of_rights: 1,
            fulltime_request: 1,
          },
          {
            id: 61,
            staff_id: 61,
            board_id: 1,
            message_ref: "RL16-BAD-61",
            received_at: "2017-09-04 09:00:00",
            valid_from: "2017-09-01",
            maintenance_of_rights: 1,
            fulltime_request: 1,
          },
          {
            id: 62,
            staff_id: 62,
            board_id: 1,
            message_ref: "RL16-BAD-62",
            received_at: "2017-09-04 09:00:00",
            valid_from: "2017-09-01",
            maintenance_of_rights: 1,
            fulltime_request: 1,
          },
        ],
      });
      const result = await w.run("2017-09");
      const summary = w.summaryOf("2017-09");
      expectSummaryAddsUp(summary);
      await expectFolderValid(w.monthDir("2017-09"));
      expect(summary.persons).to.include({ considered: 5, declared: 2, rejected: 3 });
      const items = summary.rejectedRecords.items.map((i) => [i.table, i.recordId, i.field, i.rule]);
      expect(items).to.have.deep.members([
        ["staff_member", "60", "insz", "INSZ_INVALID"],
        ["assignment", "610", "hours_denominator", "DENOMINATOR_NOT_POSITIVE"],
        ["assignment", "611", "institution_id", "UNKNOWN_INSTITUTION"],
        ["rl16_notification", "62", "staff_id", "UNKNOWN_STAFF"],
      ]);
      const insz60 = summary.rejectedRecords.items.find((i) => i.rule === "INSZ_INVALID")!;
      expect(insz60.value).to.equal(`********${badInsz.slice(-3)}`);
      // Examples 1 and 5 are declared exactly as without the broken records.
      expect(formsOf(w.monthDir("2017-09"), "WECH003", insz(1))).to.have.length(1);
      expect(formsOf(w.monthDir("2017-09"), "WECH006", insz(5))).to.have.length(1);
      expect(summary.forms.WECH003.declared).to.equal(2);
      expect(summary.forms.WECH006.declared).to.equal(2);
      // The person with a broken assignment has no form at all: the month's occupation cannot be known.
      expect(formsOf(w.monthDir("2017-09"), "WECH003", goodInsz)).to.deep.equal([]);
      // Both of staff 61's assignments are blocked in September: one of them has no usable fraction.
      expect(summary.forms.WECH006.rejectedByRule).to.deep.equal({ INSZ_INVALID: 1, DENOMINATOR_NOT_POSITIVE: 2 });
      expect(summary.forms.WECH003.rejectedByRule).to.deep.equal({ INSZ_INVALID: 1, DENOMINATOR_NOT_POSITIVE: 1, UNKNOWN_INSTITUTION: 1 });
      // The console names the record, the rule and the value; the INSZ never appears in clear.
      const printed = result.out.join("\n");
      expect(printed).to.include("rejected assignment 610 (staff 61): hours_denominator = 0.00: hours denominator must be greater than 0");
      const texts = readdirSync(w.monthDir("2017-09"), { withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.endsWith(".xlsx"))
        .map((entry) => entry.name + readFileSync(join(w.monthDir("2017-09"), entry.name), "utf8"));
      const everything = [printed, ...texts].join("\n");
      expect(everything).not.to.include(badInsz);
    });

    it("sequence numbers go on across runs of the same day, each name following the batch pattern", async () => {
      const w = await workspace("sequence", 1, 2, 3);
      for (const month of ["2017-09", "2017-10", "2017-11", "2017-12"]) await w.run(month);
      const names = ["2017-09", "2017-10", "2017-11", "2017-12"].flatMap((m) => w.filesOf(m).filter((n) => n.startsWith("FI.")));
      const sequences = names.map((n) => parseBatchFileName(n)!.sequence);
      expect(sequences).to.deep.equal([...sequences].sort((a, b) => a - b));
      expect(new Set(sequences).size).to.equal(sequences.length);
      expect(sequences[0]).to.equal(1);
      for (const name of names) expect(name).to.match(/^FI\.WECH\.900123\.\d{8}\.\d{5}\.T$/);
      expect(await w.stateCount("SELECT COUNT(DISTINCT sequence) AS n FROM easr_file")).to.equal(names.length);
      expect(await w.stateCount("SELECT COUNT(*) AS n FROM easr_file WHERE status <> 'written'")).to.equal(0);
    });
  });
}

for (const engine of ENGINES) monthlyRunOn(engine);
