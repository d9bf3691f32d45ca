/**
 * Builds a project's code and runs its `easr demo` into a fresh temporary folder, as a separate process
 * (`node <project>/bin/easr.js demo --db sqlite:<tmp>/demo.sqlite --out <tmp>/out`), so that the code
 * compared is whatever that checkout holds: this repository's, or another worktree's (the baseline's).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DemoRunOutput } from "./normalize";

export interface DemoRunOptions {
  /** The checkout whose bin/easr.js runs (its dist/ is built first unless `build` is false). */
  readonly project: string;
  readonly build: boolean;
  /** Moves the demo's clock (stability check): milliseconds added to Date.now(). */
  readonly clockShiftMs?: number;
  /** Says what it does, with timings. */
  readonly log: (line: string) => void;
}

/** The time zone the demo runs in, whatever the machine's: the baseline was made under it. */
const DEMO_TZ = "UTC";

export async function buildProject(project: string, log: (line: string) => void): Promise<void> {
  const tsc = [join(project, "node_modules/typescript/bin/tsc"), join(__dirname, "../../node_modules/typescript/bin/tsc")].find(existsSync);
  if (tsc === undefined) throw new Error(`no TypeScript compiler in ${project}/node_modules or this repository's: run npm install`);
  const started = Date.now();
  const result = await runProcess(process.execPath, [tsc, "-p", join(project, "tsconfig.json")], { cwd: project, env: process.env });
  if (result.code !== 0) throw new Error(`building ${project} failed (tsc exit ${result.code}):\n${result.stdout}${result.stderr}`);
  log(`built ${project} in ${seconds(started)}`);
}

export async function runDemo(options: DemoRunOptions): Promise<DemoRunOutput> {
  const project = resolve(options.project);
  const easr = join(project, "bin/easr.js");
  if (!existsSync(easr)) throw new Error(`${easr} does not exist: --project must be a checkout of edu-easr`);
  if (options.build) await buildProject(project, options.log);

  const tmpDir = realpathSync(mkdtempSync(join(tmpdir(), "easr-demo-outputs-")));
  const outDir = join(tmpDir, "out");
  const env: NodeJS.ProcessEnv = { ...withoutEasrSettings(process.env), TZ: DEMO_TZ };
  const nodeArgs: string[] = [];
  const shift = options.clockShiftMs ?? 0;
  if (shift !== 0) {
    nodeArgs.push("--require", join(__dirname, "shift-clock.js"));
    env.DEMO_OUTPUTS_CLOCK_SHIFT_MS = String(shift);
  }
  const startedAt = new Date(Date.now() + shift);
  const result = await runProcess(
    process.execPath,
    [...nodeArgs, easr, "demo", "--db", `sqlite:${join(tmpDir, "demo.sqlite")}`, "--out", outDir],
    { cwd: tmpDir, env },
  );
  const finishedAt = new Date(Date.now() + shift);
  writeFileSync(join(tmpDir, "demo.stderr"), result.stderr);
  options.log(
    `ran easr demo of ${project} in ${seconds(startedAt.getTime() - shift)} (exit ${result.code}${shift !== 0 ? `, clock moved by ${shift} ms` : ""}) into ${tmpDir}`,
  );
  if (result.code !== 0) options.log(`the demo failed; the end of its error output:\n${result.stderr.split("\n").slice(-30).join("\n")}`);
  return { tmpDir, outDir, stdout: result.stdout, exitCode: result.code, startedAt, finishedAt };
}

/** The caller's EASR_* settings (database URLs, modes, crash points) must not steer the demo. */
function withoutEasrSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("EASR_")));
}

interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runProcess(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolvePromise({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
  });
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
