/**
 * Where everything of a run goes, in one place: the run, the reports, `easr payslip`, the channel and
 * the checks on the output tree all ask it.
 *
 *   <out>/<YYYY-MM>/                       test (T) runs of a month: FI/GO files, the run's record and reports
 *   <out>/R/<YYYY-MM>/                     real (R) runs, apart from the test ones
 *   <out>[/R]/dry-run/<YYYY-MM>/           the last dry run of a month (no GO file, nothing recorded)
 *   run-summary.json, decisions.jsonl      the first run of a month folder; a later run (a re-run, another
 *   report-<M>.xlsx, boards/, payslip-…    run with new declarations) puts its suffix `-run<id>` in every
 *   maand-per-maand-<M>.png                name, and its board workbooks under run<id>/boards/
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { YearMonth } from "../domain/year-month";
import type { Environment } from "./batch-file-name";

export class OutputLayout {
  constructor(readonly outDir: string) {}

  /** The folder of an environment's month folders: `<out>` for T, `<out>/R` for R. */
  environmentRoot(environment: Environment): string {
    return environment === "R" ? join(this.outDir, "R") : this.outDir;
  }

  /** Both environments' roots, T first. */
  environmentRoots(): string[] {
    return [this.environmentRoot("T"), this.environmentRoot("R")];
  }

  /** A month's folder: of its real runs, or of its last dry run. */
  monthDir(environment: Environment, month: YearMonth, dryRun = false): string {
    const root = this.environmentRoot(environment);
    return dryRun ? join(root, "dry-run", month) : join(root, month);
  }
}

/** The names a run's record and reports take in its month folder. */
export interface RunOutputNames {
  /** "" for the first run of a month folder, "-run<id>" for a later one. */
  readonly suffix: string;
  readonly summary: string;
  readonly decisions: string;
  readonly operatorWorkbook: string;
  /** The folder that holds `boards/`. */
  readonly boardsParent: string;
  readonly payslipExtract: string;
  /** The month-over-month chart of the operator workbook, as a picture of its own. */
  readonly monthChart: string;
}

/** `payslip-extract-2017-11.csv`: the extract's plain name in the run month's folder. */
export function payslipExtractName(month: YearMonth): string {
  return `payslip-extract-${month}.csv`;
}

/** The names of a run's outputs in `monthDir`, given its suffix. */
export function runOutputNames(monthDir: string, month: YearMonth, suffix: string): RunOutputNames {
  return {
    suffix,
    summary: join(monthDir, `run-summary${suffix}.json`),
    decisions: join(monthDir, `decisions${suffix}.jsonl`),
    operatorWorkbook: join(monthDir, `report-${month}${suffix}.xlsx`),
    boardsParent: suffix === "" ? monthDir : join(monthDir, suffix.slice(1)),
    payslipExtract: join(monthDir, payslipExtractName(month).replace(".csv", `${suffix}.csv`)),
    monthChart: join(monthDir, `maand-per-maand-${month}${suffix}.png`),
  };
}

/** The suffix of a real run: none for the first run of the folder, `-run<id>` when a run-summary.json is there already. */
export function runSuffix(monthDir: string, runId: number | null): string {
  return runId !== null && existsSync(join(monthDir, "run-summary.json")) ? `-run${runId}` : "";
}
