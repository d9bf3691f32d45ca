/**
 * The amendments of 2026-12 (domain.md D14-D21, D25-D27) on the real CLI path, on SQLite, PostgreSQL
 * and MariaDB: the cases of tools/demo/decision-cases.ts, run month by month from 2017-09 to 2018-09 on a
 * database of the population's boards and institutions, and held against the outcomes and the zones
 * worked out by hand there and below. Then, on SQLite: an operator's release of a waiting month (D17),
 * `easr explain` on a waiting month, and a state made before the change (D27): the corrections the new
 * rules cause are held, shown by a dry run, and sent with --accept-reissue, while a data change is
 * corrected at once.
 */
import { join } from "node:path";
import { boardRecords, boardWorkbookOf } from "../support/board-workbook-file";
import { expect } from "chai";
import { BENEFITS_CASE_STAFF, generateBenefitsPopulation } from "../../tools/demo/benefits-population";
import { PAYMENT_CALENDAR_ROWS } from "../../tools/demo/circular-examples";
import { DEMO_DECISION_CASES, decisionCaseRows } from "../../tools/demo/decision-cases";
import { generatePopulation, MIN_POPULATION_STAFF } from "../../tools/demo/population/population";
import { NL } from "../../src/texts/nl";
import { monthsFromTo } from "../../src/domain/year-month";
import { CONTRACT_WRITE_ORDER, type ContractRow, type ContractRows, writeContractRowsToUrl } from "../../src/source/contract-writer";
import { at, batchFilesIn, OCCUPATION, PERSON, type XmlNode } from "../support/batch-files";
import { zimaFormCaseRows } from "../../tools/demo/zima-form-cases";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { expectDecisionCase, type RunLine } from "../support/decision-cases-check";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { readWorkbook, records, sheetBlocks } from "../support/workbook-tables";
import { expectFolderValid } from "../support/xsd-check";

const MONTHS = monthsFromTo("2017-09", "2018-09");
const MONTHLY = `${OCCUPATION}.MonthlyDeclarationPartTimeWork`;
const MAINTENANCE = `${OCCUPATION}.DeclarationPartTimeWorkWithMaintenanceRights`;

/** The rows of the benefits persons with these staff ids, with their adapted work's lines. */
function benefitsRowsOf(staffIds: readonly number[]): ContractRows {
  const rows = generateBenefitsPopulation();
  const staff = new Set(staffIds);
  const work = new Set((rows.adapted_work ?? []).filter((r) => staff.has(Number(r.staff_id))).map((r) => Number(r.id)));
  const mine = (table: keyof ContractRows, row: ContractRow) =>
    table === "staff_member"
      ? staff.has(Number(row.id))
      : table === "performance_line" || table === "day_nature"
        ? work.has(Number(row.adapted_work_id))
        : staff.has(Number(row.staff_id));
  return Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [table, list.filter((row) => mine(table as keyof ContractRows, row))]),
  );
}

/** The population's boards and institutions, the payment calendar, and the cases. */
function caseRows(): ContractRows {
  const places = generatePopulation({ staff: MIN_POPULATION_STAFF });
  const parts: ContractRows[] = [
    { school_board: places.school_board, institution: places.institution, payment_calendar: [...PAYMENT_CALENDAR_ROWS] },
    decisionCaseRows(),
    benefitsRowsOf(Object.values(BENEFITS_CASE_STAFF)),
    zimaFormCaseRows(),
  ];
  return Object.fromEntries(CONTRACT_WRITE_ORDER.map((table) => [table, parts.flatMap((p) => p[table] ?? [])]));
}

async function caseWorkspace(label: string, engine: TestEngine = "sqlite"): Promise<CliWorkspace> {
  const w = await CliWorkspace.withRows(label, engine, caseRows());
  return w;
}

/** The forms of one person (by staff id) in a month's files. */
function formsOf(w: CliWorkspace, month: string, staffId: number, formType: string): XmlNode[] {
  const insz = String(decisionCaseRows().staff_member!.find((s) => s.id === staffId)!.insz);
  return batchFilesIn(w.monthDir(month))
    .filter((f) => f.formType === formType)
    .flatMap((f) => f.forms)
    .filter((form) => at(form, `${PERSON}.INSS`) === insz);
}

function casesOn(engine: TestEngine): void {
  describe(`the 2026-12 cases on the CLI path [${engine}]`, function () {
    this.timeout(300_000);
    let w: CliWorkspace | undefined;
    const lines: RunLine[] = [];

    before(async function () {
      await requireEngine(this, engine);
      w = await caseWorkspace("cases-2026-12", engine);
      for (const month of MONTHS) {
        await w.run(month);
        lines.push(...w.decisionsOf(month).map((line) => ({ ...line, runMonth: month })));
      }
    });
    after(async () => w?.remove());

    for (const c of DEMO_DECISION_CASES) {
      it(`${c.decision}: ${c.description}`, () => expectDecisionCase(c, lines));
    }

    it("every run adds up in the one account (D26), and every file validates against its XSD and its glossary (D22)", async () => {
      let files = 0;
      for (const month of MONTHS) {
        expectSummaryAddsUp(w!.summaryOf(month));
        const written = w!.summaryOf(month).files.length;
        expect(await expectFolderValid(w!.monthDir(month)), month).to.equal(written);
        files += written;
      }
      expect(files, "files validated over the thirteen months").to.be.greaterThan(MONTHS.length);
    });

    it("D14: every WECH003 says 00095 = 0 and carries no LegalBasis", () => {
      const starts = MONTHS.flatMap((m) =>
        batchFilesIn(w!.monthDir(m))
          .filter((f) => f.formType === "WECH003")
          .flatMap((f) => f.forms),
      );
      expect(starts.length).to.equal(7); // 6000001-6000006, and the 14/22 of 6000005 from 11 November
      for (const form of starts)
        expect([at(form, `${MAINTENANCE}.DBRIndicatorInEntrepriseCadreMap`), at(form, `${MAINTENANCE}.LegalBasis`)]).to.deep.equal([
          "0",
          undefined,
        ]);
    });

    it("D15: the 22/22 replacement gets no WECH003 in any month", () => {
      const withFullTime = MONTHS.flatMap((m) => formsOf(w!, m, 6_000_004, "WECH003"));
      expect(withFullTime.map((f) => at(f, `${OCCUPATION}.MeanWorkingHours`))).to.deep.equal(["800"]);
    });

    it("D16: December's form of the year-end bonus case declares EUR 1000.00", () => {
      const [december] = formsOf(w!, "2017-12", 6_000_001, "WECH006").filter(
        (f) => at(f, `${MONTHLY}.ReferencePeriod.RefStartingDate`) === "2017-12-01",
      );
      expect(at(december, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`)).to.equal("100000");
    });

    it("D17: January, never paid, is declared by the run of 2018-03 with ExactSalaryAmount 0", () => {
      const january = formsOf(w!, "2018-03", 6_000_003, "WECH006").filter(
        (f) => at(f, `${MONTHLY}.ReferencePeriod.RefStartingDate`) === "2018-01-01",
      );
      expect(january.map((f) => at(f, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`))).to.deep.equal(["0"]);
      expect(
        formsOf(w!, "2018-01", 6_000_003, "WECH006")
          .concat(formsOf(w!, "2018-02", 6_000_003, "WECH006"))
          .map((f) => at(f, `${MONTHLY}.ReferencePeriod.RefStartingDate`)),
      ).to.deep.equal(["2018-02-01"]);
    });

    it("D19: November of the fraction change is one form: 00769 = 3, Q 1266 of S 2200, the whole month, the full-time salary, both rows' pay", () => {
      const november = formsOf(w!, "2017-11", 6_000_005, "WECH006").filter(
        (f) => at(f, `${MONTHLY}.ReferencePeriod.RefStartingDate`) === "2017-11-01",
      );
      expect(november).to.have.length(1);
      const form = november[0];
      expect([
        at(form, `${OCCUPATION}.OccupationFeatures.OccupationInterruption`),
        at(form, `${OCCUPATION}.MeanWorkingHours`),
        at(form, `${OCCUPATION}.RefMeanWorkingHours`),
        at(form, `${OCCUPATION}.OccupationStartingDate`),
        at(form, `${OCCUPATION}.OccupationEndingDate`),
        at(form, `${MONTHLY}.TheoreticalSalary.MonthlyTheoreticalSalaryAmount`),
        at(form, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`),
      ]).to.deep.equal(["3", "1266", "2200", "2017-11-01", "2017-11-30", "198000", "114000"]);
    });

    it("D18: the late notification's ten months are declared by the run of 2018-09, each with its month's pay", () => {
      const months = formsOf(w!, "2018-09", 6_000_006, "WECH006").map((f) => [
        at(f, `${MONTHLY}.ReferencePeriod.RefStartingDate`),
        at(f, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`),
      ]);
      expect(months).to.deep.equal(monthsFromTo("2017-09", "2018-06").map((m) => [`${m}-01`, "95000"]));
    });

    it("D17: the operator workbook of 2018-01 lists the waiting month with its board, the masked INSZ and how long it has waited", async () => {
      const tables = await readWorkbook(join(w!.monthDir("2018-01"), "report-2018-01.xlsx"));
      const waiting = records(tables.get("Wachtend")!).filter((r) => r["Personeelsnr."] === 6_000_003);
      expect(
        waiting.map((r) => [
          r.Refertemaand,
          r["Bestuur-id"],
          r["Code (IT)"],
          r["Maanden gewacht"],
          String(r["INSZ (gemaskeerd)"]).startsWith("********"),
        ]),
      ).to.deep.equal([["2018-01", 1003, "WAITING_FOR_PAY", 0, true]]);
    });

    it("the school board sees it too, in Dutch: waiting in January's workbook, declared without pay in March's", async () => {
      const january = await readWorkbook(boardWorkbookOf(w!.monthDir("2018-01"), 1003));
      const waiting = boardRecords(january, "notDeclared").filter((r) => r.Personeelslid === 6_000_003);
      expect(waiting.map((r) => [r.Aangifte, r["Referte-maand"], r.Uitkomst, r["Code (IT)"]])).to.deep.equal([
        ["WECH006", "2018-01", "wacht", "WAITING_FOR_PAY"],
      ]);
      expect(String(waiting[0].Reden)).to.match(/^het loon van de maand is nog niet voor elke opdracht geboekt/);
      const march = await readWorkbook(boardWorkbookOf(w!.monthDir("2018-03"), 1003));
      const declared = boardRecords(march, "declared").filter((r) => r.Personeelslid === 6_000_003 && r["Referte-maand"] === "2018-01");
      expect(declared.map((r) => String(r.Opmerking))).to.deep.equal([NL.declarationFlags.DECLARED_WITHOUT_PAY]);
    });
  });
}

for (const engine of ENGINES) casesOn(engine);

function releaseOn(engine: TestEngine): void {
  describe(`waiting months, explain and release on the CLI path (D17) [${engine}]`, function () {
    this.timeout(120_000);
    let w: CliWorkspace | undefined;
    before(async function () {
      await requireEngine(this, engine);
      w = await caseWorkspace("release", engine);
      for (const month of monthsFromTo("2017-09", "2018-01")) await w!.run(month);
    });
    after(async () => w?.remove());

    it("easr explain says the month waits for its pay and how long", async () => {
      const result = await w!.easr("explain", "--staff", "6000003", "--month", "2018-01", "--db", w!.dbUrl);
      expect(result.code, result.err.join("\n")).to.equal(0);
      expect(
        result.out.some(
          (l) => l.includes("WECH006 assignment #60000031 2018-01: waiting — WAITING_FOR_PAY") && l.includes("waited 0 of 2 month(s)"),
        ),
      ).to.equal(true);
    });

    it("easr release decides it at once: the latest run month is run again and January is declared without pay, flagged", async () => {
      const result = await w!.easr("release", "--staff", "6000003", "--month", "2018-01", "--db", w!.dbUrl, "--out", w!.outDir);
      expect(result.code, result.err.join("\n")).to.equal(0);
      expect(result.out).to.include("running 2018-01 again to decide it now");
      const rerun = w!.filesOf("2018-01").find((name) => /^decisions-run\d+\.jsonl$/.test(name))!;
      const january = w!
        .decisionsOf("2018-01", rerun)
        .filter((l) => l.kind === "unit" && l.staffId === 6_000_003 && l.referencePeriod === "2018-01");
      expect(january.map((l) => [l.status, l.flags, (l.declared as { exactSalary: number }).exactSalary])).to.deep.equal([
        ["declared", ["DECLARED_WITHOUT_PAY", "RELEASED_BY_OPERATOR"], 0],
      ]);
      expect(await w!.stateCount("SELECT COUNT(*) AS n FROM easr_audit WHERE event = 'month-released'")).to.equal(1);
    });
  });
}

for (const engine of ENGINES) releaseOn(engine);

function reissueOn(engine: TestEngine): void {
  describe(`a rule change is not a data change (D27), on a state made before 2026-12 [${engine}]`, function () {
    this.timeout(120_000);
    let w: CliWorkspace | undefined;
    const HELD = 2; // 6000001's WECH003 and September WECH006, declared under the old rules

    before(async function () {
      await requireEngine(this, engine);
      w = await caseWorkspace("reissue", engine);
      await w!.run("2017-09");
      await w!.acceptAllWritten();
      // What the migration leaves of a declaration written before 2026-12: no facts digest, no rules
      // version; and the old builder's content (00095 = 1, the old pay) hashed differently from today's.
      await w!.execute(
        "UPDATE easr_declaration SET facts_hash = NULL, rules_version = NULL, content_hash = 'written-by-the-rules-before-2026-12' WHERE staff_id = 6000001",
      );
    });
    after(async () => w?.remove());

    it("a dry run shows the held corrections and writes none", async () => {
      await w!.run("2017-10", "--dry-run");
      const summary = w!.summaryOf(join("dry-run", "2017-10"));
      expect(summary.forms.WECH003.waitingByReason.HELD_REISSUE).to.equal(1);
      expect(summary.forms.WECH006.waitingByReason.HELD_REISSUE).to.equal(1);
      expect(summary.forms.WECH006.modifications + summary.forms.WECH003.modifications).to.equal(0);
    });

    it("the run holds them, lists them on the Waiting sheet with what changed, and sends the rest", async () => {
      await w!.run("2017-10");
      const summary = w!.summaryOf("2017-10");
      expectSummaryAddsUp(summary);
      expect(summary.forms.WECH003.waitingByReason.HELD_REISSUE! + summary.forms.WECH006.waitingByReason.HELD_REISSUE!).to.equal(HELD);
      expect(
        formsOf(w!, "2017-10", 6_000_001, "WECH006").map((f) => [
          at(f, "AttestationStatus"),
          at(f, `${MONTHLY}.ReferencePeriod.RefStartingDate`),
        ]),
      ).to.deep.equal([["0", "2017-10-01"]]);
      expect(formsOf(w!, "2017-10", 6_000_001, "WECH003")).to.deep.equal([]);
      const tables = await readWorkbook(join(w!.monthDir("2017-10"), "report-2017-10.xlsx"));
      const held = records(tables.get("Wachtend")!).filter((r) => r["Code (IT)"] === "HELD_REISSUE");
      expect(held.map((r) => [r["Personeelsnr."], r.Aangiftetype, r.Refertemaand ?? null])).to.deep.equal([
        [6_000_001, "WECH003", null],
        [6_000_001, "WECH006", "2017-09"],
      ]);
      // The overview says what to do with them, how many, and which rule changed.
      const toDo = sheetBlocks(tables.get("Overzicht")!.sheet).get("Te doen")!.records;
      expect(toDo.find((r) => r.Wat === `Wachtend: ${NL.waitingReasons.HELD_REISSUE}`)).to.deep.include({
        Aantal: HELD,
        Waar: "easr run --accept-reissue",
      });
      expect(toDo.some((r) => String(r.Wat).startsWith("Gewijzigde regel: D14 WECH003 zone 00095"))).to.equal(true);
    });

    it("a data change of a form declared under the new rules is corrected at once, while the held ones stay held", async () => {
      await w!.acceptAllWritten();
      await writeContractRowsToUrl(w!.dbUrl, {
        salary_line: [
          {
            id: 6_199_001,
            staff_id: 6_000_002,
            assignment_id: 60_000_021,
            period_month: "2017-09",
            gross_amount: "-50.00",
            wage_code: "01",
            paid_on: "2017-11-10",
          },
        ],
      });
      await w!.run("2017-11");
      const summary = w!.summaryOf("2017-11");
      expect(summary.forms.WECH006.modifications).to.equal(1);
      expect(summary.forms.WECH003.waitingByReason.HELD_REISSUE! + summary.forms.WECH006.waitingByReason.HELD_REISSUE!).to.equal(HELD);
    });

    it("--accept-reissue sends the held corrections as modifications with their tickets", async () => {
      await w!.run("2017-11", "--accept-reissue");
      const rerun = w!.filesOf("2017-11").find((name) => /^run-summary-run\d+\.json$/.test(name))!;
      const summary = w!.summaryOf("2017-11", rerun);
      expect([summary.forms.WECH003.modifications, summary.forms.WECH006.modifications]).to.deep.equal([1, 1]);
      expect(summary.forms.WECH006.waitingByReason.HELD_REISSUE ?? 0).to.equal(0);
      const september = batchFilesIn(w!.monthDir("2017-11"))
        .flatMap((f) => f.forms)
        .filter((f) => at(f, "AttestationStatus") === "1" && at(f, `${MONTHLY}.ReferencePeriod.RefStartingDate`) === "2017-09-01");
      expect(september.map((f) => at(f, "Reference.0.ReferenceNbr"))).to.include("TCK0000000001");
    });
  });
}

for (const engine of ENGINES) reissueOn(engine);
