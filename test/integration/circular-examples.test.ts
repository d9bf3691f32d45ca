/**
 * The circular's nine worked examples (seed 004 §6) on the real CLI path, on every test engine (a
 * SQLite file, a fresh PostgreSQL and a fresh MariaDB database): `easr db init`, the examples' rows
 * inserted with plain SQL, `easr run` month after month, and the XML read back. One database holds
 * all nine, as the agency's would.
 */
import { expect } from "chai";
import { CIRCULAR_EXAMPLES, circularExampleRows } from "../../tools/demo/circular-examples";
import { monthsFromTo } from "../../src/domain/year-month";
import { at, batchFilesIn, formsOf, OCCUPATION, PERSON, type XmlNode } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { expectFolderValid } from "../support/xsd-check";

const MONTHS = monthsFromTo("2017-09", "2018-09");
const insz = (example: number): string => String(CIRCULAR_EXAMPLES[example - 1].rows.staff_member![0].insz);

const MAINTENANCE = `${OCCUPATION}.DeclarationPartTimeWorkWithMaintenanceRights`;
const MONTHLY = `${OCCUPATION}.MonthlyDeclarationPartTimeWork`;

/** The whole suite on one engine. */
function circularExamplesOn(engine: TestEngine): void {
  /** Set by the suite's `before`; unset when the engine is skipped. */
  let workspace!: CliWorkspace;

  function wech003(month: string, example: number): XmlNode[] {
    return formsOf(workspace.monthDir(month), "WECH003", insz(example));
  }
  function wech006(month: string, example: number): XmlNode[] {
    return formsOf(workspace.monthDir(month), "WECH006", insz(example));
  }
  /** Every form of a person over all runs. */
  function allForms(formType: string, example: number): { month: string; form: XmlNode }[] {
    return MONTHS.flatMap((month) => formsOf(workspace.monthDir(month), formType, insz(example)).map((form) => ({ month, form })));
  }
  function refMonth(form: XmlNode): string {
    return at(form, `${MONTHLY}.ReferencePeriod.RefStartingDate`)!.slice(0, 7);
  }

  describe(`the circular's nine examples, run month by month through the CLI (2017-09 … 2018-09) [${engine}]`, function () {
    this.timeout(180_000);

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.withRows("circular", engine, circularExampleRows());
      for (const month of MONTHS) await workspace.run(month);
    });

    after(async () => {
      if (workspace) await workspace.remove();
    });

    it("every FI file of every run validates against its XSD, and every summary adds up", async () => {
      let files = 0;
      for (const month of MONTHS) {
        files += await expectFolderValid(workspace.monthDir(month));
        expectSummaryAddsUp(workspace.summaryOf(month));
      }
      expect(files).to.be.greaterThan(10);
    });

    it("counts per run match the circular, counted independently of the run's own tally", () => {
      // persons considered / WECH003 declared / WECH006 declared, read off the examples by hand:
      // 2017-09: ex 1, 4, 5, 6 (ex 4 not eligible for WECH006) and ex 3, 7 reported late; 2017-10: ex 3 and 7 declared;
      // 2017-11: ex 2 late (reported);
      // 2017-12: ex 2 declared for November and December.
      const expected: Record<string, [number, number, number]> = {
        "2017-09": [6, 4, 3],
        "2017-10": [6, 2, 5],
        "2017-11": [7, 1, 5],
        "2017-12": [7, 2, 8],
      };
      for (const [month, [persons, wech003, wech006]] of Object.entries(expected)) {
        const summary = workspace.summaryOf(month);
        expect([summary.persons.considered, summary.forms.WECH003.declared, summary.forms.WECH006.declared], month).to.deep.equal([
          persons,
          wech003,
          wech006,
        ]);
        const people = new Set(
          workspace
            .decisionsOf(month)
            .filter((d) => d.kind === "person")
            .map((d) => d.staffId),
        );
        expect(people.size, `${month}: person lines`).to.equal(persons);
      }
    });

    it("example 1 (BaO 16/32, EUR 977.38): WECH003 from 2017-09-01 and WECH006 every month September to June", () => {
      const [start] = wech003("2017-09", 1);
      expect(at(start, `${PERSON}.INSS`)).to.equal(insz(1));
      expect(at(start, `${OCCUPATION}.OccupationStartingDate`)).to.equal("2017-09-01");
      expect(at(start, `${OCCUPATION}.OccupationEndingDate`)).to.equal(undefined);
      expect(at(start, `${OCCUPATION}.MeanWorkingHours`)).to.equal("1600");
      expect(at(start, `${OCCUPATION}.RefMeanWorkingHours`)).to.equal("3200");
      // Zone 00095 asks whether the move to part-time work is part of a company plan; it is not (D14),
      // although the notification says maintenance of rights: no LegalBasis either.
      expect(at(start, `${MAINTENANCE}.DBRIndicatorInEntrepriseCadreMap`)).to.equal("0");
      expect(at(start, `${MAINTENANCE}.LegalBasis`)).to.equal(undefined);
      expect(at(start, `${MAINTENANCE}.FullTimeOccupationRequest`)).to.equal("1");
      expect(at(start, `${MAINTENANCE}.TheoreticalSalary.MonthlyTheoreticalSalaryAmount`)).to.equal("97738");
      expect(allForms("WECH003", 1)).to.have.length(1);

      const [september] = wech006("2017-09", 1);
      expect(at(september, `${MONTHLY}.ReferencePeriod.RefStartingDate`)).to.equal("2017-09-01");
      expect(at(september, `${MONTHLY}.ReferencePeriod.RefEndingDate`)).to.equal("2017-09-30");
      expect(at(september, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryCode`)).to.equal("33");
      expect(at(september, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`)).to.equal("97738");
      expect(at(september, `${MONTHLY}.TheoreticalSalary.MonthlyTheoreticalSalaryAmount`)).to.equal("97738");
      expect(at(september, `${OCCUPATION}.MeanWorkingHours`)).to.equal("1600");
      expect(at(september, `${OCCUPATION}.RefMeanWorkingHours`)).to.equal("3200");
      expect(at(september, `${OCCUPATION}.OccupationFeatures.WorkScheduleCode`)).to.equal("98");
      // Example 1's assignment gives no codes and no days a week: the D13 defaults, 500 days x 100 for a teacher.
      expect(
        [
          `${PERSON}.WorkerRecordLink.EmployerClass`,
          `${PERSON}.WorkerRecordLink.WorkerCode`,
          `${OCCUPATION}.JointCommissionNbr`,
          `${OCCUPATION}.WorkingDaysSystem`,
        ].map((path) => at(september, path)),
      ).to.deep.equal(["011", "495", "999", "500"]);
      expect(at(september, `${MONTHLY}.HolidaysSector`)).to.equal(undefined);
      const months = allForms("WECH006", 1).map(({ month, form }) => [month, refMonth(form)]);
      expect(months).to.deep.equal(monthsFromTo("2017-09", "2018-06").map((m) => [m, m]));
    });

    it("example 2 (DKO 7/22 + 2/20 from 2017-11-21, RL16 after November's cut-off): nothing in 2017-11, everything in 2017-12", () => {
      expect(wech003("2017-11", 2)).to.deep.equal([]);
      expect(wech006("2017-11", 2)).to.deep.equal([]);
      // Not lost either: the November run reports the late notification and decides nothing for it.
      const novemberRun = workspace.decisionsOf("2017-11").filter((d) => d.staffId === 2);
      expect(novemberRun.map((d) => [d.kind, d.status, d.reason])).to.deep.equal([["person", "not-eligible", "NOTIFICATION_AFTER_CUTOFF"]]);
      expect(novemberRun[0].notes).to.deep.equal([
        "notification 2 (RL16-2017-000002) received 2017-11-23 09:30:00, after the cut-off 2017-11-15 16:00:00: declared in the next month's run",
      ]);

      const starts = wech003("2017-12", 2).map((f) => [
        at(f, `${OCCUPATION}.OccupationStartingDate`),
        at(f, `${OCCUPATION}.MeanWorkingHours`),
        at(f, `${OCCUPATION}.RefMeanWorkingHours`),
      ]);
      expect(starts).to.have.deep.members([
        ["2017-11-21", "700", "2200"],
        ["2017-11-21", "200", "2000"],
      ]);
      const monthly = wech006("2017-12", 2).map((f) => [
        refMonth(f),
        at(f, `${OCCUPATION}.MeanWorkingHours`),
        at(f, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`),
      ]);
      expect(monthly).to.have.deep.members([
        ["2017-11", "700", "24600"],
        ["2017-11", "200", "8200"],
        ["2017-12", "700", "58816"],
        ["2017-12", "200", "19605"],
      ]);
      // The two assignments' amounts add up to the circular's month totals: EUR 328.00 and EUR 784.21.
      const total = (m: string) => monthly.filter(([month]) => month === m).reduce((sum, [, , amount]) => sum + Number(amount), 0);
      expect(total("2017-11")).to.equal(32800);
      expect(total("2017-12")).to.equal(78421);
      const november = wech006("2017-12", 2).find((f) => refMonth(f) === "2017-11")!;
      expect(at(november, `${OCCUPATION}.OccupationStartingDate`)).to.equal("2017-11-21");
      expect(at(november, `${OCCUPATION}.OccupationEndingDate`)).to.equal("2017-11-30");
      expect(allForms("WECH006", 2)).to.have.length(4);
    });

    it("example 3 (SO 12/29 in October, new employer 15/22 from 2017-11-14): WECH003 and WECH006 in October and again in November", () => {
      const october = wech003("2017-10", 3);
      expect(
        october.map((f) => [
          at(f, `${OCCUPATION}.OccupationStartingDate`),
          at(f, `${OCCUPATION}.MeanWorkingHours`),
          at(f, `${OCCUPATION}.RefMeanWorkingHours`),
        ]),
      ).to.deep.equal([["2017-10-01", "1200", "2900"]]);
      expect(
        wech006("2017-10", 3).map((f) => [refMonth(f), at(f, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`)]),
      ).to.deep.equal([["2017-10", "88525"]]);
      const november = wech003("2017-11", 3);
      expect(
        november.map((f) => [
          at(f, `${OCCUPATION}.OccupationStartingDate`),
          at(f, `${OCCUPATION}.MeanWorkingHours`),
          at(f, `${OCCUPATION}.RefMeanWorkingHours`),
        ]),
      ).to.deep.equal([["2017-11-14", "1500", "2200"]]);
      const [nov] = wech006("2017-11", 3);
      expect(refMonth(nov)).to.equal("2017-11");
      expect(at(nov, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`)).to.equal("89476");
      expect(at(nov, `${OCCUPATION}.OccupationStartingDate`)).to.equal("2017-11-14");
      expect(at(nov, `${OCCUPATION}.OccupationEndingDate`)).to.equal("2017-11-30");
      expect(allForms("WECH003", 3)).to.have.length(2);
      expect(allForms("WECH006", 3)).to.have.length(2);
    });

    it("example 4 (CLB 6/10, EUR 1817.86): WECH003 but never a WECH006, not eligible by the gross-salary rule", () => {
      const [start] = wech003("2017-09", 4);
      expect(at(start, `${OCCUPATION}.OccupationStartingDate`)).to.equal("2017-09-01");
      expect(at(start, `${OCCUPATION}.MeanWorkingHours`)).to.equal("600");
      expect(at(start, `${OCCUPATION}.RefMeanWorkingHours`)).to.equal("1000");
      expect(at(start, `${MAINTENANCE}.DBRIndicatorInEntrepriseCadreMap`)).to.equal("0");
      expect(at(start, `${MAINTENANCE}.LegalBasis`)).to.equal(undefined);
      expect(at(start, `${MAINTENANCE}.TheoreticalSalary.MonthlyTheoreticalSalaryAmount`)).to.equal("181786");
      expect(allForms("WECH006", 4)).to.deep.equal([]);
      const units = workspace.decisionsOf("2017-09").filter((d) => d.staffId === 4 && d.formType === "WECH006");
      expect(units).to.have.length(1);
      expect(units[0]).to.include({
        status: "not-eligible",
        reason: "GROSS_AT_OR_ABOVE_THRESHOLD",
        detail: "gross EUR 1817.86 >= EUR 1600.00",
      });
      expect(units[0].facts).to.deep.include({ monthGross: 181786, threshold: 160000, occupationPerMille: 600 });
    });

    for (const [example, q, s, amount] of [
      [5, "800", "2200", "86243"],
      [6, "1800", "3600", "147278"],
    ] as const) {
      it(`example ${example} (AHOVOKS, ${q}/${s}): WECH003 from 2017-09-01 and WECH006 of ${amount} cents every month to June`, () => {
        const [start] = wech003("2017-09", example);
        expect([
          at(start, `${OCCUPATION}.OccupationStartingDate`),
          at(start, `${OCCUPATION}.MeanWorkingHours`),
          at(start, `${OCCUPATION}.RefMeanWorkingHours`),
        ]).to.deep.equal(["2017-09-01", q, s]);
        const monthly = allForms("WECH006", example);
        expect(monthly.map(({ form }) => refMonth(form))).to.deep.equal(monthsFromTo("2017-09", "2018-06"));
        for (const { form } of monthly) expect(at(form, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`)).to.equal(amount);
      });
    }

    it("example 7 (HO 50/100 from 2017-10-01, open-ended): Q 1900 / S 3800, declared from the October run", () => {
      expect(wech003("2017-09", 7)).to.deep.equal([]);
      const [start] = wech003("2017-10", 7);
      expect([
        at(start, `${OCCUPATION}.OccupationStartingDate`),
        at(start, `${OCCUPATION}.MeanWorkingHours`),
        at(start, `${OCCUPATION}.RefMeanWorkingHours`),
      ]).to.deep.equal(["2017-10-01", "1900", "3800"]);
      const monthly = allForms("WECH006", 7);
      expect(monthly.map(({ form }) => refMonth(form))).to.deep.equal(monthsFromTo("2017-10", "2018-08"));
      for (const { form } of monthly) expect(at(form, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`)).to.equal("132556");
    });

    it("examples 8 and 9 (no RL16): nothing, in no run, and they are not even considered", () => {
      for (const example of [8, 9]) {
        expect(allForms("WECH003", example)).to.deep.equal([]);
        expect(allForms("WECH006", example)).to.deep.equal([]);
        for (const month of MONTHS) expect(workspace.decisionsOf(month).filter((d) => d.staffId === example)).to.deep.equal([]);
      }
    });

    it("school-year edge: a notification valid from 2017-09-01 declares nothing for September 2018", () => {
      const september2018 = batchFilesIn(workspace.monthDir("2018-09")).flatMap((f) => f.forms);
      expect(september2018.filter((form) => at(form, `${MONTHLY}.ReferencePeriod.RefStartingDate`) === "2018-09-01")).to.deep.equal([]);
      const units = workspace.decisionsOf("2018-09").filter((d) => d.kind === "unit" && d.referencePeriod === "2018-09");
      expect(units).to.deep.equal([]);
    });

    it("a second run of the same month writes no file and says so", async () => {
      const before = workspace.filesOf("2017-12");
      const again = await workspace.run("2017-12");
      expect(workspace.filesOf("2017-12")).to.deep.equal(before);
      expect(again.out.join("\n")).to.match(/was already run \(run \d+, finished .*\): nothing new to declare, no file written/);
    });
  });
}

for (const engine of ENGINES) circularExamplesOn(engine);
