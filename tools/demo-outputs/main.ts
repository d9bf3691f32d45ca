/**
 * demo-outputs: are the demo's outputs the same as the baseline's?
 *
 * Runs `easr demo` (400 generated staff, the circular's examples, 2017-09 … 2018-09 with the simulated
 * channel's answers ingested) into a temporary folder, normalizes every output (normalize.ts: forms and
 * answers as parsed XML, workbooks cell by cell, the payslip extract by row and column, run-summary.json
 * and decisions.jsonl as parsed JSON, the console output by line; easr.log left out) with the run's
 * stamps replaced (stamps.ts: creation stamps, the date in file names, tickets, run timestamps, file
 * hashes, the temporary folder), and compares or stores the result.
 *
 *   npm run demo:compare              runs the demo on this checkout and compares with the baseline;
 *                                     exit 0 when identical, 1 with the list of differences
 *   npm run demo:baseline             regenerates the baseline from this checkout (when an issue changes
 *                                     the outputs on purpose: review `demo:compare` first, then commit it)
 *   npm run demo:stability            runs the demo twice on this checkout, the second time with the clock
 *                                     moved by 197 days 7 h 13 min; any difference is a stamp the
 *                                     normalization misses (or something that is not deterministic)
 *
 * Options (after `--` with npm run): --project DIR runs another checkout's code (e.g. a worktree of an
 * older commit; its node_modules or this repository's are used to build it), --no-build uses its dist/
 * as it is, --baseline FILE, --max-diffs N, --max-per-file N, --dump FILE writes the normalized output
 * as NDJSON, --keep keeps the temporary folder. Exit 2 when the tool itself cannot do its work.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { BASELINE_FORMAT, readBaseline, writeBaseline, writeDump } from "./baseline-file";
import { compareOutputs, describeDifferences } from "./compare";
import { type NormalizedOutput, normalizeDemoOutput } from "./normalize";
import { runDemo, seconds } from "./run-demo";

const REPOSITORY = resolve(__dirname, "../..");
const DEFAULT_BASELINE = join(REPOSITORY, "test/fixtures/demo-baseline/demo-outputs.ndjson.gz");
/** Another day, another hour, another UTC offset (winter <-> summer time) than the first run. */
const STABILITY_CLOCK_SHIFT_MS = ((197 * 24 + 7) * 60 + 13) * 60_000;

interface Options {
  project: string;
  build: boolean;
  baseline: string;
  maxDiffs: number;
  maxPerFile: number;
  dump?: string;
  keep: boolean;
}

const log = (line: string): void => void process.stderr.write(`demo-outputs: ${line}\n`);

interface DemoOutputOptions {
  /** Said in the log line. */
  readonly label: string;
  readonly build: boolean;
  readonly clockShiftMs?: number;
  /** Where to write the normalized output as NDJSON, if anywhere. */
  readonly dump?: string;
}

/** Runs the demo and normalizes its outputs; the temporary folder goes unless --keep. */
async function demoOutput(options: Options, run: DemoOutputOptions): Promise<NormalizedOutput & { exitCode: number }> {
  const demo = await runDemo({ project: options.project, build: run.build, clockShiftMs: run.clockShiftMs, log });
  try {
    const started = Date.now();
    const output = await normalizeDemoOutput(demo);
    log(
      `normalized ${output.files.length} outputs (${run.label}) in ${seconds(started)}; replaced: ${[...output.replaced].map(([kind, n]) => `${kind} ${n}`).join(", ")}`,
    );
    if (run.dump) writeDump(run.dump, output.files);
    return { ...output, exitCode: demo.exitCode };
  } finally {
    if (options.keep) log(`kept ${demo.tmpDir}`);
    else rmSync(demo.tmpDir, { recursive: true, force: true });
  }
}

function report(differences: ReturnType<typeof compareOutputs>, options: Options, what: string): number {
  if (differences.length === 0) {
    process.stdout.write(`${what}: identical\n`);
    return 0;
  }
  process.stdout.write(
    `${what}: DIFFERENT\n\n${describeDifferences(differences, { total: options.maxDiffs, perFile: options.maxPerFile }).join("\n")}\n`,
  );
  return 1;
}

function sourceOf(project: string): { commit: string | null; uncommittedChanges: boolean | null } {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", project, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const commit = git("rev-parse", "HEAD").trim();
    const status = git("status", "--porcelain", "--untracked-files=no");
    return { commit, uncommittedChanges: status.trim().length > 0 };
  } catch {
    return { commit: null, uncommittedChanges: null };
  }
}

function describeSource(source: { commit: string | null; uncommittedChanges: boolean | null }): string {
  return `${source.commit?.slice(0, 12) ?? "(no git commit)"}${source.uncommittedChanges ? " with uncommitted changes" : ""}`;
}

async function baselineMode(options: Options): Promise<number> {
  const source = sourceOf(options.project);
  const output = await demoOutput(options, { label: "baseline", build: options.build, dump: options.dump });
  if (output.exitCode !== 0) {
    log(`the demo exited with ${output.exitCode}: no baseline written`);
    return 2;
  }
  const bytes = writeBaseline(options.baseline, {
    header: {
      format: BASELINE_FORMAT,
      source,
      command: "easr demo --db sqlite:<tmp>/demo.sqlite --out <tmp>/out",
      files: output.files.length,
      regenerate: "npm run demo:baseline",
    },
    files: output.files,
  });
  process.stdout.write(
    `baseline written: ${options.baseline} (${output.files.length} outputs, ${(bytes / 1024).toFixed(0)} KiB) from ${describeSource(source)}\n`,
  );
  return 0;
}

async function compareMode(options: Options): Promise<number> {
  const baseline = readBaseline(options.baseline);
  const source = sourceOf(options.project);
  const output = await demoOutput(options, { label: "now", build: options.build, dump: options.dump });
  const started = Date.now();
  const differences = compareOutputs(baseline.files, output.files);
  log(`compared ${baseline.files.length} baseline outputs with ${output.files.length} in ${seconds(started)}`);
  return report(
    differences,
    options,
    `demo outputs of ${describeSource(source)} against the baseline of ${describeSource(baseline.header.source)}`,
  );
}

async function stabilityMode(options: Options): Promise<number> {
  const first = await demoOutput(options, { label: "first run", build: options.build, dump: options.dump });
  const second = await demoOutput(options, {
    label: "second run",
    build: false,
    clockShiftMs: STABILITY_CLOCK_SHIFT_MS,
    dump: options.dump && `${options.dump}.second`,
  });
  return report(compareOutputs(first.files, second.files), options, "two runs of the demo, the second with the clock moved");
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a whole number of at least 1");
  return n;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command("demo-outputs")
    .description("runs easr demo, normalizes its outputs and compares them with the baseline (or writes it)")
    .exitOverride()
    .showHelpAfterError();
  const withOptions = (command: Command, action: (options: Options) => Promise<number>): void => {
    command
      .option("--project <dir>", "the checkout whose code runs (bin/easr.js, built first)", REPOSITORY)
      .option("--no-build", "use the project's dist/ as it is")
      .option("--baseline <file>", "the baseline file", DEFAULT_BASELINE)
      .option("--max-diffs <n>", "differences shown at most", wholeNumber, 60)
      .option("--max-per-file <n>", "differences shown at most per file", wholeNumber, 10)
      .option("--dump <file>", "also write the normalized output as NDJSON to this file (stability: the second run to FILE.second)")
      .option("--keep", "keep the temporary folder with the demo's raw outputs", false)
      .action(async (raw: Options) => {
        const started = Date.now();
        exitCode = await action({ ...raw, project: resolve(raw.project), baseline: resolve(raw.baseline) });
        log(`done in ${seconds(started)}`);
      });
  };
  withOptions(
    program.command("compare").description("compare the demo's outputs with the baseline: exit 0 when identical, 1 when not"),
    compareMode,
  );
  withOptions(program.command("baseline").description("write the baseline from the demo's outputs"), baselineMode);
  withOptions(
    program.command("stability").description("run the demo twice, the second time with the clock moved, and compare the two"),
    stabilityMode,
  );
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("commander.")) return (error as { exitCode?: number }).exitCode === 0 ? 0 : 2;
    process.stderr.write(`demo-outputs: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return exitCode;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`demo-outputs: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
