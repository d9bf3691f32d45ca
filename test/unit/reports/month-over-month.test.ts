/**
 * The month-over-month data (reports/month-over-month.ts): the 13 months of a run month, each with its
 * completed runs added up (the declared summed, the rest the latest run's); gaps where there is none; what a stored summary does not say is unknown, not 0.
 * The repository's query on a real SQLite state: one environment, completed runs only, the window only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import type { DataSource } from "typeorm";
import {
  comparedMonths,
  declaredInMonth,
  declaredTotal,
  grossTotal,
  loadMonthOverMonth,
  type MonthOverMonth,
  monthOverMonth,
  storedFormCounts,
} from "../../../reports/month-over-month";
import type { YearMonth } from "../../../src/domain/year-month";
import type { CompletedRunSummary } from "../../../src/state/run-repository";
import { RunRepository } from "../../../src/state/run-repository";
import { openStateDatabase } from "../../../src/state/state-database";

/** A stored summary (the run table's `summary` column) with the given counts per form type. */
function stored(forms: Record<string, Record<string, number>>): string {
  const full = Object.fromEntries(
    Object.entries(forms).map(([formType, counts]) => [
      formType,
      { considered: 0, declared: 0, notEligible: 0, waiting: 0, rejected: 0, unchanged: 0, modifications: 0, cancellations: 0, ...counts },
    ]),
  );
  return JSON.stringify({ persons: { considered: 1 }, forms: full, files: [] });
}

const ALL_ZERO = { WECH003: {}, ZIMA001: {}, ZIMA003: {}, ZIMA005: {}, ZIMA006: {} };

function run(id: number, month: YearMonth, summary: string | null): CompletedRunSummary {
  return { id, month, summary };
}

describe("month over month: the data", () => {
  it("compares a run month with the twelve before it, oldest first, across a year's end", () => {
    const months = comparedMonths("2018-09");
    expect(months).to.have.length(13);
    expect([months[0], months[3], months[4], months[12]]).to.deep.equal(["2017-09", "2017-12", "2018-01", "2018-09"]);
  });

  describe("shaped from the stored summaries", () => {
    const runs = [
      // Before the window: left out.
      run(1, "2017-08", stored({ ...ALL_ZERO, WECH006: { declared: 99, originalsGross: 999 }, ZIMA002: {} })),
      // Two runs of September, in any order: the declared forms and gross add up; the latest (id 5) names the month.
      run(
        5,
        "2017-09",
        stored({
          ...ALL_ZERO,
          WECH003: { declared: 2 },
          WECH006: { declared: 3, originalsGross: 250_000 },
          ZIMA002: { originalsGross: 0 },
        }),
      ),
      run(3, "2017-09", stored({ ...ALL_ZERO, WECH006: { declared: 40, originalsGross: 1 }, ZIMA002: {} })),
      // October: no run (a gap). November: a summary from before the amounts (no originalsGross).
      run(6, "2017-11", stored({ ...ALL_ZERO, WECH006: { declared: 4, modifications: 1, cancellations: 1, notEligible: 7 }, ZIMA002: {} })),
      // December: a summary of a version without ZIMA types at all.
      run(7, "2017-12", stored({ WECH003: { declared: 1 }, WECH006: { declared: 5, originalsGross: 120_050, waiting: 2, rejected: 1 } })),
      // January: a damaged summary; February: none stored.
      run(8, "2018-01", "{not json"),
      run(9, "2018-02", null),
      run(
        10,
        "2018-09",
        stored({ ...ALL_ZERO, WECH006: { declared: 6, originalsGross: 300_001 }, ZIMA002: { declared: 2, originalsGross: 80_000 } }),
      ),
    ];
    const data: MonthOverMonth = monthOverMonth("T", "2018-09", runs);
    const entry = (month: string) => data.months.find((m) => m.month === month)!;

    it("gives the 13 months, each with its latest run's id or none", () => {
      expect(data.months.map((m) => [m.month, m.run?.runId ?? null])).to.deep.equal([
        ["2017-09", 5],
        ["2017-10", null],
        ["2017-11", 6],
        ["2017-12", 7],
        ["2018-01", 8],
        ["2018-02", 9],
        ["2018-03", null],
        ["2018-04", null],
        ["2018-05", null],
        ["2018-06", null],
        ["2018-07", null],
        ["2018-08", null],
        ["2018-09", 10],
      ]);
      expect(data.runMonth).to.equal("2018-09");
      expect(data.environment).to.equal("T");
    });

    it("reads a month's counts and its gross in cents per form type", () => {
      // September: run 3 declared 40 WECH006 forms (gross 0.01 EUR), run 5 three more (2,500.00 EUR).
      expect(entry("2017-09").run!.forms.WECH006).to.deep.equal({
        declared: 43,
        modifications: 0,
        cancellations: 0,
        notEligible: 0,
        waiting: 0,
        rejected: 0,
        originalsGross: 250_001,
      });
      expect(entry("2017-09").run!.forms.WECH003!.declared).to.equal(2);
      // Run 3's ZIMA002 has no amount (a summary from before them): the month's ZIMA002 gross is unknown, not run 5's 0.
      expect(entry("2017-09").run!.forms.ZIMA002!.originalsGross).to.equal(null);
      expect(entry("2017-11").run!.forms.WECH006).to.include({ declared: 4, modifications: 1, cancellations: 1, notEligible: 7 });
      expect(entry("2017-12").run!.forms.WECH006).to.include({ declared: 5, waiting: 2, rejected: 1, originalsGross: 120_050 });
      // A form type without an amount has none, whatever the summary says.
      expect(entry("2017-09").run!.forms.WECH003!.originalsGross).to.equal(null);
    });

    it("leaves what a summary does not say unknown (null), never 0", () => {
      // November's summary predates the amounts.
      expect(entry("2017-11").run!.forms.WECH006!.originalsGross).to.equal(null);
      // December's knows no ZIMA form type.
      expect(entry("2017-12").run!.forms.ZIMA002).to.equal(null);
      // A damaged summary and a missing one: a run, but nothing known of it.
      for (const month of ["2018-01", "2018-02"]) expect(Object.values(entry(month).run!.forms)).to.deep.equal(Array(7).fill(null));
      expect(declaredInMonth(entry("2017-12").run!)).to.equal(null);
      expect(declaredInMonth(entry("2018-09").run!)).to.equal(8);
    });

    it("adds up the known values over the months and names the months (with a run) whose value is unknown", () => {
      // WECH006: (40 + 3) + 4 + 5 + 6 = 58; unknown in January and February.
      expect(declaredTotal(data, "WECH006")).to.deep.equal({ known: 58, unknownMonths: ["2018-01", "2018-02"] });
      // WECH006 gross: (0.01 + 2500.00) + 1200.50 + 3000.01 = 6700.52 EUR; November's is unknown too.
      expect(grossTotal(data, "WECH006")).to.deep.equal({ known: 670_052, unknownMonths: ["2017-11", "2018-01", "2018-02"] });
      // ZIMA002 gross: September's first run does not say it, so September's is unknown (not run 5's 0).
      expect(grossTotal(data, "ZIMA002")).to.deep.equal({
        known: 80_000,
        unknownMonths: ["2017-09", "2017-11", "2017-12", "2018-01", "2018-02"],
      });
    });
  });

  it("reads counts that are not whole non-negative numbers as unknown", () => {
    const forms = storedFormCounts(stored({ WECH006: { declared: -1 }, ZIMA002: { declared: 1.5 }, WECH003: { declared: 2 } }));
    expect(forms.WECH006).to.equal(null);
    expect(forms.ZIMA002).to.equal(null);
    expect(forms.WECH003!.declared).to.equal(2);
  });

  describe("from a SQLite state, in one query", () => {
    let dir: string;
    let dataSource: DataSource;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), "easr-month-over-month-"));
      ({ dataSource } = await openStateDatabase(`sqlite:${join(dir, "state.sqlite")}`));
    });

    after(async () => {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    it("takes the environment's completed runs of the window only, a month's runs added up", async () => {
      const runs = new RunRepository(dataSource);
      const start = (month: string, environment = "T") =>
        runs.start({ month, environment, startedAt: `${month}-20T09:00:00`, triggeredBy: "operator", host: "batch-01", outputDir: "/out" });
      const completed = async (month: string, declared: number, environment = "T") => {
        const id = await start(month, environment);
        await runs.complete(
          id,
          `${month}-20T10:00:00`,
          stored({ ...ALL_ZERO, WECH006: { declared, originalsGross: declared * 100 }, ZIMA002: {} }),
          "done",
        );
        return id;
      };
      await completed("2016-11", 1); // before the window
      const december = await completed("2016-12", 2);
      await completed("2017-03", 3, "R"); // the other environment
      const marchFirst = await completed("2017-03", 4);
      const marchLatest = await completed("2017-03", 5);
      await runs.fail(await start("2017-03"), "2017-03-21T10:00:00", "disk full"); // failed after the latest: not it
      await start("2017-04"); // still running
      const april = await completed("2017-04", 6);
      await runs.fail(await start("2017-05"), "2017-05-21T10:00:00", "failed"); // a failed month is a gap
      await completed("2018-01", 7); // after the run month
      const ordered = await runs.completedRunSummaries("T", "2016-12", "2017-12");
      expect(ordered.map((r) => [r.id, r.month])).to.deep.equal([
        [december, "2016-12"],
        [marchFirst, "2017-03"],
        [marchLatest, "2017-03"],
        [april, "2017-04"],
      ]);

      const data = await loadMonthOverMonth(runs, "T", "2017-12", april);
      const withRuns = data.months.filter((m) => m.run !== null);
      expect(
        withRuns.map((m) => [m.month, m.run!.runId, m.run!.forms.WECH006!.declared, m.run!.forms.WECH006!.originalsGross]),
      ).to.deep.equal([
        ["2016-12", december, 2, 200],
        // March: 4 and then 5 forms (the failed run and the other environment's do not count).
        ["2017-03", marchLatest, 9, 900],
        ["2017-04", april, 6, 600],
      ]);
      expect(data.months.map((m) => m.month)).to.deep.equal(comparedMonths("2017-12"));
      // The reports of March's first run, made again now: only the runs up to it (March: its own 4 forms, no April).
      const asMarchFirstSaw = await loadMonthOverMonth(runs, "T", "2017-12", marchFirst);
      expect(
        asMarchFirstSaw.months.filter((m) => m.run !== null).map((m) => [m.month, m.run!.runId, m.run!.forms.WECH006!.declared]),
      ).to.deep.equal([
        ["2016-12", december, 2],
        ["2017-03", marchFirst, 4],
      ]);
    });
  });
});
