/**
 * Drives the real `easr` program in-process (same parsing, wiring and exit codes as the binary) against
 * a SQLite file in a fresh temporary folder, and reads back what it wrote.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { RunSummary } from "../../src/run/monthly-run";

export interface CliResult {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

export class CliWorkspace {
  readonly dir: string;
  readonly dbUrl: string;
  readonly outDir: string;

  constructor(label: string) {
    this.dir = mkdtempSync(join(tmpdir(), `easr-${label}-`));
    this.dbUrl = `sqlite:${join(this.dir, "ministry.sqlite")}`;
    this.outDir = join(this.dir, "out");
  }

  async easr(...args: string[]): Promise<CliResult> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["--quiet", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  /** `easr run --month M` on this workspace's database and output folder; fails the test on a non-zero exit. */
  async run(month: string, ...extra: string[]): Promise<CliResult> {
    const result = await this.easr("run", "--month", month, "--db", this.dbUrl, "--out", this.outDir, ...extra);
    if (result.code !== 0) throw new Error(`easr run ${month} exited ${result.code}: ${result.err.join("\n")}`);
    return result;
  }

  monthDir(month: string): string {
    return join(this.outDir, month);
  }

  filesOf(month: string): string[] {
    try {
      return readdirSync(this.monthDir(month)).sort();
    } catch {
      return [];
    }
  }

  summaryOf(month: string, name = "run-summary.json"): RunSummary {
    return JSON.parse(readFileSync(join(this.monthDir(month), name), "utf8")) as RunSummary;
  }

  decisionsOf(month: string, name = "decisions.jsonl"): Record<string, unknown>[] {
    return readFileSync(join(this.monthDir(month), name), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
