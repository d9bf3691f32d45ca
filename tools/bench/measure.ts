/**
 * One month's complete run of the real program, measured from outside: `bin/easr.js run` in a
 * fresh child process against a fresh, empty state database (so it is always the month's first run),
 * with the workbooks and the payslip extract that `easr run` writes after the files. Wall time from
 * spawn to exit, peak RSS from the child itself (rss-probe.js), the decision units from its
 * run-summary.json, and the bytes of everything it wrote in its output folder.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type RunStage, runStages } from "./run-stages";

export interface RunMeasurement {
  readonly wallSeconds: number;
  /** Peak resident set size of the child, megabytes (1024 x 1024 bytes). */
  readonly maxRssMb: number | null;
  /** Decision units considered, all form types together (run-summary.json forms.*.considered). */
  readonly units: number;
  readonly unitsByForm: Record<string, number>;
  /** Persons considered. */
  readonly persons: number;
  /** Forms declared, all form types together. */
  readonly declared: number;
  readonly outputBytes: number;
  readonly outputFiles: number;
  readonly exitCode: number | null;
  /** The child's last lines of output (its summary, or why it failed). */
  readonly outputTail: string;
  /** CPU time of all the run's threads together (user and system), seconds; null when unknown. */
  readonly cpuSeconds: number | null;
  /** Where the time went, from the run's own log; null when it does not show every stage. */
  readonly stages: RunStage[] | null;
}

export interface RunRequest {
  /** The folder holding bin/easr.js. */
  readonly projectRoot: string;
  /** The ministry database URL (`sqlite:<file>`, `postgres://…`). */
  readonly dbUrl: string;
  readonly month: string;
  /** An empty folder of this measurement: output, state database, log, RSS file. */
  readonly workDir: string;
  /** The compiled rss-probe.js. */
  readonly probe: string;
}

/** Every file under `dir`, recursively: how many and their total size. */
export function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folderBytes(path);
      files += inner.files;
      bytes += inner.bytes;
    } else if (entry.isFile()) {
      files++;
      bytes += statSync(path).size;
    }
  }
  return { files, bytes };
}

interface SummaryCounts {
  readonly persons?: { considered?: number };
  readonly forms?: Record<string, { considered?: number; declared?: number }>;
}

export interface ChildRun {
  readonly code: number | null;
  /** The last 8,000 characters it wrote, stdout and stderr together. */
  readonly output: string;
  readonly wallSeconds: number;
}

/** Runs a program in a child process to its end: exit code, wall time from spawn to exit, the end of its output. */
export async function runChild(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv },
): Promise<ChildRun> {
  const started = process.hrtime.bigint();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-8000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ code: exitCode, output }));
  });
  return { code, output, wallSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * The environment of a measured `bin/easr.js`: this one without its EASR_ settings, and rss-probe.js
 * preloaded by NODE_OPTIONS to write the peak RSS to `rssFile` — the installed command as operators
 * start it, through its shebang (with its Node flags).
 */
export function probedEnvironment(probe: string, rssFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("EASR_")) delete env[key];
  env.EASR_BENCH_RSS_FILE = rssFile;
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require ${probe}`.trim();
  return env;
}

/** What rss-probe.js wrote to `rssFile`: the child's peak RSS (MB) and the CPU seconds of all its threads; nulls when it wrote none. */
export function probeOf(rssFile: string): { maxRssMb: number | null; cpuSeconds: number | null } {
  if (!existsSync(rssFile)) return { maxRssMb: null, cpuSeconds: null };
  const probe = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKb: number; cpuSeconds?: number };
  return { maxRssMb: probe.maxRssKb / 1024, cpuSeconds: probe.cpuSeconds ?? null };
}

export async function measureRun(request: RunRequest): Promise<RunMeasurement> {
  mkdirSync(request.workDir, { recursive: true });
  const outDir = join(request.workDir, "out");
  const rssFile = join(request.workDir, "rss.json");
  const env = probedEnvironment(request.probe, rssFile);
  env.EASR_STATE_DB_URL = `sqlite:${join(request.workDir, "state.sqlite")}`;
  const bin = join(request.projectRoot, "bin", "easr.js");
  const args = ["run", "--month", request.month, "--db", request.dbUrl, "--out", outDir, "--accept-swing"];

  const { code, output, wallSeconds } = await runChild(bin, args, { cwd: request.projectRoot, env });
  const { maxRssMb, cpuSeconds } = probeOf(rssFile);
  const summaryPath = join(outDir, request.month, "run-summary.json");
  const summary: SummaryCounts = existsSync(summaryPath) ? (JSON.parse(readFileSync(summaryPath, "utf8")) as SummaryCounts) : {};
  const unitsByForm: Record<string, number> = {};
  let declared = 0;
  for (const [form, counts] of Object.entries(summary.forms ?? {})) {
    unitsByForm[form] = counts.considered ?? 0;
    declared += counts.declared ?? 0;
  }
  // The month's own folder: a steady month runs on the output folder of the month before it.
  const written = folderBytes(join(outDir, request.month));
  return {
    wallSeconds,
    maxRssMb,
    units: Object.values(unitsByForm).reduce((sum, n) => sum + n, 0),
    unitsByForm,
    persons: summary.persons?.considered ?? 0,
    declared,
    outputBytes: written.bytes,
    outputFiles: written.files,
    exitCode: code,
    outputTail: output.split("\n").slice(-12).join("\n"),
    cpuSeconds,
    stages: runStages(join(outDir, "easr.log"), request.month),
  };
}
