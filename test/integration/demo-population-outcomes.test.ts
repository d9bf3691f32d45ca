/**
 * The demo run against what the demo population was generated to be: every labelled profile and way
 * of notifying (tools/demo/population/) must come out of `easr demo` as the rules say — an expected-
 * outcome table that does not come from the run's own counting.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { DEMO_BAD_RECORDS } from "../../tools/demo/population/bad-records";
import { generateDemoPopulation } from "../../tools/demo/population/population";
import type { DemoProfile } from "../../tools/demo/population/profiles";
import { DEMO_MONTHS } from "../../src/cli/commands/demo-command";
import { DEMO_BENEFITS_BAD_RECORDS, DEMO_BENEFITS_EXAMPLES } from "../../tools/demo/benefits-population";
import { DEMO_DECISION_CASES } from "../../tools/demo/decision-cases";
import { at, batchFilesIn } from "../support/batch-files";
import { expectDecisionCase, type RunLine } from "../support/decision-cases-check";
import { CliWorkspace } from "../support/cli-harness";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { expectFolderValid } from "../support/xsd-check";

type Line = Record<string, unknown>;

describe("the demo population's profiles come out of `easr demo` as the rules say", function () {
  this.timeout(180_000);
  let workspace: CliWorkspace;
  const lines = new Map<number, Line[]>();
  const population = generateDemoPopulation({ staff: 400 });

  let demoOutput: string[] = [];
  before(async () => {
    workspace = new CliWorkspace("demo-outcomes");
    const result = await workspace.easr("demo", "--db", workspace.dbUrl, "--out", workspace.outDir);
    expect(result.code, result.err.join("\n")).to.equal(0);
    demoOutput = result.out;
    for (const month of DEMO_MONTHS) {
      for (const line of workspace.decisionsOf(month)) {
        const staffId = Number(line.staffId);
        lines.set(staffId, [...(lines.get(staffId) ?? []), { ...line, runMonth: month }]);
      }
    }
  });
  after(() => workspace.remove());

  const of = (staffId: number) => lines.get(staffId) ?? [];
  const units = (staffId: number, formType: string, status?: string) =>
    of(staffId).filter((l) => l.kind === "unit" && l.formType === formType && (status === undefined || l.status === status));
  const withProfile = (...profiles: DemoProfile[]) =>
    population.staff.filter((s) => profiles.includes(s.profile) && !s.notices.includes("withdrawn-at-once"));

  it("ends with the follow-up commands on its own database and folder, and each of them works as printed", async () => {
    const commands = demoOutput.filter((line) => line.startsWith("  npx easr ")).map((line) => line.trim().split(" ").slice(2));
    expect(commands.map((args) => args[0])).to.deep.equal(["payslip", "explain", "audit"]);
    expect(demoOutput).to.include(`  export EASR_DB_URL=${workspace.dbUrl} EASR_OUT_DIR=${workspace.outDir}`);
    for (const args of commands) {
      expect(args).to.include(workspace.dbUrl);
      const result = await workspace.easr(...args);
      expect(result.code, `${args.join(" ")}: ${result.err.join("\n")}`).to.equal(0);
      expect(result.out.length, args.join(" ")).to.be.greaterThan(2);
    }
  });

  it("every run validates and adds up", async () => {
    for (const month of DEMO_MONTHS) {
      expectSummaryAddsUp(workspace.summaryOf(month));
      await expectFolderValid(workspace.monthDir(month));
      expect(readdirSync(workspace.monthDir(month)).filter((n) => n.startsWith("GO.")).length).to.equal(
        workspace.summaryOf(month).files.length,
      );
      // and it leaves the operator workbook, the school-board workbooks and the payslip extract
      const names = readdirSync(workspace.monthDir(month));
      expect(names, month).to.include.members([`report-${month}.xlsx`, `payslip-extract-${month}.csv`, "boards"]);
      expect(readdirSync(join(workspace.monthDir(month), "boards")).filter((n) => n.endsWith(".xlsx")).length, month).to.be.greaterThan(0);
      const extract = readFileSync(join(workspace.monthDir(month), `payslip-extract-${month}.csv`), "utf8")
        .trim()
        .split("\n");
      // One payslip record per declared form (originals and modifications), of every form type (WECH and ZIMA).
      const declared = Object.values(workspace.summaryOf(month).forms).reduce(
        (n, counts) => n + counts.originals + counts.modifications,
        0,
      );
      expect(extract.length - 1, `${month} payslip records`).to.equal(declared);
    }
  });

  it("eligible profiles get a WECH003 and monthly WECH006 forms, never a gross or occupation refusal", () => {
    const eligible = withProfile("eligible", "eligible-two-assignments", "employer-change", "gross-just-below-threshold");
    expect(eligible.length).to.be.greaterThan(50);
    for (const s of eligible) {
      expect(units(s.staffId, "WECH003", "declared").length, `staff ${s.staffId} (${s.profile}) WECH003`).to.be.greaterThan(0);
      expect(units(s.staffId, "WECH006", "declared").length, `staff ${s.staffId} (${s.profile}) WECH006`).to.be.greaterThan(0);
      expect(units(s.staffId, "WECH006", "not-eligible"), `staff ${s.staffId} (${s.profile})`).to.deep.equal([]);
    }
  });

  it("gross at or above EUR 1600 (EUR 1600.00 exactly included): WECH003 yes, WECH006 never, by the gross rule", () => {
    const refused = withProfile("gross-above-threshold", "gross-at-threshold");
    expect(refused.some((s) => s.profile === "gross-at-threshold")).to.equal(true);
    for (const s of refused) {
      expect(units(s.staffId, "WECH003", "declared").length, `staff ${s.staffId} WECH003`).to.be.greaterThan(0);
      expect(units(s.staffId, "WECH006", "declared"), `staff ${s.staffId} (${s.profile})`).to.deep.equal([]);
      expect(units(s.staffId, "WECH006", "not-eligible").map((u) => u.reason)).to.include("GROSS_AT_OR_ABOVE_THRESHOLD");
    }
  });

  it("occupation at or above 80 % (80 % exactly included, also over two assignments): never a WECH006, by the occupation rule", () => {
    const refused = withProfile("occupation-above-limit", "two-assignments-over-limit", "short-fulltime-interim", "interim-at-limit");
    expect(refused.some((s) => s.profile === "interim-at-limit")).to.equal(true);
    for (const s of refused) {
      expect(units(s.staffId, "WECH006", "declared"), `staff ${s.staffId} (${s.profile})`).to.deep.equal([]);
      expect(
        units(s.staffId, "WECH006", "not-eligible").map((u) => u.reason),
        `staff ${s.staffId} (${s.profile})`,
      ).to.include("OCCUPATION_AT_OR_ABOVE_LIMIT");
    }
  });

  it("persons never notified are never considered", () => {
    const never = population.staff.filter((s) => s.profile.startsWith("not-notified"));
    expect(never.length).to.be.greaterThan(100);
    for (const s of never) expect(of(s.staffId), `staff ${s.staffId}`).to.deep.equal([]);
  });

  it("notified for 2018-2019 only: nothing before the 2018-09 run, declared from it", () => {
    for (const s of withProfile("next-year-only")) {
      const declared = of(s.staffId).filter((l) => l.kind === "unit" && l.status === "declared");
      expect(declared.length, `staff ${s.staffId}`).to.be.greaterThan(0);
      expect(declared.every((l) => l.runMonth === "2018-09")).to.equal(true);
    }
  });

  it("a notification withdrawn from its start opens no window; one after September's cut-off is reported late, then declared in October", () => {
    for (const s of population.staff.filter((p) => p.notices.includes("withdrawn-at-once"))) {
      expect(units(s.staffId, "WECH003", "declared").concat(units(s.staffId, "WECH006", "declared"))).to.deep.equal([]);
      expect(of(s.staffId).some((l) => l.reason === "NO_NOTIFICATION_WINDOW")).to.equal(true);
    }
    const late = population.staff.filter((p) => p.notices.includes("after-september-cutoff") && p.profile === "eligible");
    expect(late.length).to.be.greaterThan(0);
    for (const s of late) {
      expect(
        of(s.staffId)
          .filter((l) => l.runMonth === "2017-09")
          .map((l) => l.reason),
      ).to.deep.equal(["NOTIFICATION_AFTER_CUTOFF"]);
      expect(units(s.staffId, "WECH003", "declared").map((u) => u.runMonth)).to.deep.equal(["2017-10"]);
    }
  });

  it("each deliberately bad record is rejected with its rule", () => {
    for (const bad of DEMO_BAD_RECORDS) {
      const rejected = of(bad.staffId).filter(
        (l) => l.kind === "rejected-record" && l.table === bad.table && l.recordId === String(bad.id),
      );
      const rules = new Set([...rejected.map((l) => l.rule), ...units(bad.staffId, "WECH006", "rejected").map((u) => u.rule)]);
      expect([...rules], `${bad.table} ${bad.id}`).to.include(bad.rule);
    }
  });

  it("the benefits examples are declared: ZIMA002 for both sub-risks, ZIMA005 for all four, and the bad benefits records are rejected with their rule", () => {
    const declared = DEMO_BENEFITS_EXAMPLES.flatMap((example) =>
      units(example.staffId, example.formType, "declared").map((u) => {
        return `${example.formType} ${(u.declared as { subRisk: number }).subRisk}`;
      }),
    );
    expect([...new Set(declared)].sort()).to.deep.equal(["ZIMA002 1", "ZIMA002 2", "ZIMA005 1", "ZIMA005 2", "ZIMA005 3", "ZIMA005 4"]);
    for (const bad of DEMO_BENEFITS_BAD_RECORDS) {
      const rejected = of(bad.staffId).filter(
        (l) => l.kind === "rejected-record" && l.table === bad.table && l.recordId === String(bad.id),
      );
      expect(
        rejected.map((l) => l.rule),
        `${bad.table} ${bad.id}`,
      ).to.include(bad.rule);
    }
  });

  describe("the cases of the 2026-12 amendments (tools/demo/decision-cases.ts) come out as worked by hand", () => {
    for (const c of DEMO_DECISION_CASES) {
      it(`${c.decision}: ${c.description}`, () => expectDecisionCase(c, of(c.staffId) as RunLine[]));
    }
  });

  it("every WECH003 says 00095 = 0 without LegalBasis; none with Q >= S starts before 2018-09-01; no WECH006 declares 0 unless flagged DECLARED_WITHOUT_PAY", () => {
    const MAINTENANCE =
      "EmployerDeclarationLink.NaturalPerson.WorkerRecordLink.OccupationLink.DeclarationPartTimeWorkWithMaintenanceRights";
    const LINK = "EmployerDeclarationLink.NaturalPerson.WorkerRecordLink.OccupationLink";
    let starts = 0;
    for (const month of DEMO_MONTHS) {
      for (const file of batchFilesIn(workspace.monthDir(month))) {
        for (const form of file.forms.filter((f) => at(f, "AttestationStatus") !== "3")) {
          if (file.formType === "WECH003") {
            starts++;
            expect(
              [at(form, `${MAINTENANCE}.DBRIndicatorInEntrepriseCadreMap`), at(form, `${MAINTENANCE}.LegalBasis`)],
              file.fileName,
            ).to.deep.equal(["0", undefined]);
            const [q, s, start] = [
              Number(at(form, `${LINK}.MeanWorkingHours`)),
              Number(at(form, `${LINK}.RefMeanWorkingHours`)),
              at(form, `${LINK}.OccupationStartingDate`)!,
            ];
            expect(q < s || start > "2018-08-31", `${file.fileName}: Q ${q}, S ${s}, start ${start}`).to.equal(true);
          }
        }
      }
      for (const line of workspace.decisionsOf(month)) {
        if (line.kind !== "unit" || line.formType !== "WECH006" || line.status !== "declared") continue;
        const declared = line.declared as { exactSalary: number };
        if (declared.exactSalary === 0)
          expect(line.flags, `staff ${line.staffId} ${line.referencePeriod} in ${month}`).to.include("DECLARED_WITHOUT_PAY");
      }
    }
    expect(starts).to.be.greaterThan(100);
  });

  it("simulate with the RVA's EUR 2070.48 on the demo data lists example 4's person among the added", async () => {
    const result = await workspace.easr(
      "simulate",
      "--month",
      "2017-10",
      "--threshold",
      "2070.48",
      "--db",
      workspace.dbUrl,
      "--out",
      workspace.outDir,
    );
    expect(result.code, result.err.join("\n")).to.equal(0);
    const added = result.out.filter((l) => l.startsWith("  staff "));
    expect(added.some((l) => l.startsWith("  staff 4 ") && l.includes("gross EUR 1817.86"))).to.equal(true);
    for (const s of withProfile("gross-at-threshold"))
      expect(
        added.some((l) => l.startsWith(`  staff ${s.staffId} `)),
        `staff ${s.staffId} at EUR 1600.00`,
      ).to.equal(true);
  });
});
