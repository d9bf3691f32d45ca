/**
 * `npm run bench`: the population-scale benchmark. For three populations — the agency's
 * (200,000 staff, 60,000 notified), half of it (100,000 / 30,000) and twice the staff with the same
 * notified (400,000 / 60,000) — it makes (once, cached) the SQLite population, times one month's
 * complete run in a fresh process (wall, peak RSS, decision units per second), measures the floor on
 * the same data (plain read of the same rows + writing the same bytes) and prints a table with the
 * ratio run / floor, the growth against the full scale, and whether the targets hold. On the full
 * population it then runs the next month on the same state (the steady month, as the scheduler runs it a
 * month later: the catch-up month declares September to March at once, the next one only what is new),
 * with its own floor. When a
 * PostgreSQL server answers, the full scale is run there too.
 *
 * Then it ingests a generated NOTIFICATION of 1 GB (`easr ingest` in a fresh process, on a state holding
 * the declarations it answers; both made once and cached) and reports its wall time and peak RSS: an
 * answer is read as a stream, so the peak does not follow the file's size.
 *
 * Options (argv, or the environment variable in brackets):
 *   --scale <f>      multiply every population by f, e.g. 0.05 for a quick look (EASR_BENCH_SCALE, default 1)
 *   --only <list>    which measurements: full,half,double (populations), answer (EASR_BENCH_ONLY, default all four)
 *   --answer-mb <n>  the size of the generated answer in MB (EASR_BENCH_ANSWER_MB, default 1024)
 *   --month <m>      the run month (EASR_BENCH_MONTH, default 2018-03)
 *   --seed <n>       the generator's seed (EASR_BENCH_SEED)
 *   --data <dir>     where the populations are cached (EASR_BENCH_DATA, default data/bench)
 *   --no-postgres    skip PostgreSQL (EASR_BENCH_POSTGRES=0); EASR_BENCH_POSTGRES_URL names the admin database
 *   --keep           keep the output folders of the runs (printed)
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { addMonths, parseYearMonth, type YearMonth } from "../../src/domain/year-month";
import { projectRoot } from "../../src/util/project-root";
import { floorRead, measureFloor, type FloorMeasurement } from "./floor";
import { type AnswerMeasurement, measureAnswerIngest } from "./answer-bench";
import { measureRun, type RunMeasurement } from "./measure";
import type { RunStage } from "./run-stages";
import { ensureSqlitePopulation } from "./population-database";
import { DEFAULT_POSTGRES_ADMIN_URL, ensurePostgresPopulation, serverAnswers } from "./postgres-population";
import { DEFAULT_BENCH_SEED, type PopulationScale } from "./synthetic-population";

export type ScaleName = "full" | "half" | "double";

/** The three populations at factor 1: the agency's, half of it, twice the staff with the same notified. */
export const SCALES: Readonly<Record<ScaleName, { staff: number; notified: number }>> = {
  full: { staff: 200_000, notified: 60_000 },
  half: { staff: 100_000, notified: 30_000 },
  double: { staff: 400_000, notified: 60_000 },
};

/** The row of the steady month: the month after the full population's catch-up month, on the same state. */
export const STEADY = "steady";

export const TARGETS = { steadyShareOfCatchUp: 0.25, runOverFloor: 4.0, rssMb: 300, doubleStaffGrowth: 0.1, halfShareMax: 0.6 } as const;

export interface BenchOptions {
  readonly factor: number;
  readonly only: readonly ScaleName[];
  /** The size of the generated answer to ingest, MB; 0 when the answer is not measured. */
  readonly answerMb: number;
  readonly month: YearMonth;
  readonly seed: number;
  readonly dataDir: string;
  readonly postgres: boolean;
  readonly postgresAdminUrl: string;
  readonly keep: boolean;
}

export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--no-postgres" || arg === "--keep") flags.add(arg);
    else if (arg.startsWith("--") && arg.includes("=")) values.set(arg.slice(2, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1));
    else if (arg.startsWith("--") && i + 1 < argv.length) values.set(arg.slice(2), argv[++i]);
    else throw new Error(`unknown argument "${arg}" (see tools/bench/bench-main.ts)`);
  }
  for (const key of values.keys())
    if (!["scale", "only", "month", "seed", "data", "answer-mb"].includes(key)) throw new Error(`unknown option --${key}`);
  const factor = Number(values.get("scale") ?? env.EASR_BENCH_SCALE ?? "1");
  if (!(factor > 0) || factor > 4)
    throw new Error(`--scale must be a number above 0 and at most 4, got "${values.get("scale") ?? env.EASR_BENCH_SCALE}"`);
  const only = (values.get("only") ?? env.EASR_BENCH_ONLY ?? "full,half,double,answer").split(",").map((name) => name.trim());
  for (const name of only)
    if (!(name in SCALES) && name !== "answer") throw new Error(`--only takes full, half, double and answer, got "${name}"`);
  const answerMb = Number(values.get("answer-mb") ?? env.EASR_BENCH_ANSWER_MB ?? "1024");
  if (!Number.isInteger(answerMb) || answerMb < 1) throw new Error("--answer-mb must be a whole number of MB, at least 1");
  const month = parseYearMonth(values.get("month") ?? env.EASR_BENCH_MONTH ?? "2018-03");
  if (!month) throw new Error("--month must be YYYY-MM");
  const seed = Number(values.get("seed") ?? env.EASR_BENCH_SEED ?? DEFAULT_BENCH_SEED);
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  return {
    factor,
    only: (["full", "half", "double"] as const).filter((name) => only.includes(name)),
    answerMb: only.includes("answer") ? answerMb : 0,
    month,
    seed,
    dataDir: values.get("data") ?? env.EASR_BENCH_DATA ?? join(projectRoot(), "data", "bench"),
    postgres: !flags.has("--no-postgres") && env.EASR_BENCH_POSTGRES !== "0",
    postgresAdminUrl: env.EASR_BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_ADMIN_URL,
    keep: flags.has("--keep"),
  };
}

export function scaleOf(name: ScaleName, options: Pick<BenchOptions, "factor" | "seed">): PopulationScale {
  const base = SCALES[name];
  return {
    staff: Math.max(1, Math.round(base.staff * options.factor)),
    notified: Math.round(base.notified * options.factor),
    seed: options.seed,
  };
}

interface Row {
  readonly name: string;
  readonly scale: PopulationScale;
  readonly engine: "sqlite" | "postgres";
  readonly run: RunMeasurement;
  readonly floor: FloorMeasurement | null;
}

const fmt = (value: number, digits = 1) => value.toFixed(digits);
const pad = (text: string, width: number) => text.padStart(width);

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function workDir(label: string): string {
  const base = join(tmpdir(), "easr-bench");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${label}-`));
}

function describeRun(row: Row): void {
  const { run } = row;
  const units = Object.entries(run.unitsByForm)
    .map(([form, n]) => `${form} ${n}`)
    .join(", ");
  log(
    `  run    ${fmt(run.wallSeconds, 2)} s, peak RSS ${run.maxRssMb === null ? "?" : fmt(run.maxRssMb)} MB, ${run.units} units (${units}), ${run.persons} persons, ${run.declared} declared, ${run.outputFiles} files / ${fmt(run.outputBytes / 1e6, 2)} MB written, ${fmt(run.units / run.wallSeconds, 0)} units/s`,
  );
  if (run.exitCode !== 0) log(`  the run exited with ${run.exitCode}:\n${run.outputTail.replace(/^/gm, "    | ")}`);
  if (run.stages) log(`  stages ${run.stages.map((stage) => `${stage.name} ${fmt(stage.seconds)} s`).join(", ")}`);
  if (row.floor) {
    const f = row.floor;
    const v = f.validation;
    log(`  floor  ${fmt(f.totalSeconds, 2)} s = read + validate + write → run / floor ${fmt(run.wallSeconds / f.totalSeconds, 2)}`);
    log(
      `         read     ${fmt(f.readSeconds, 2)} s: ${f.rows.staff_member} staff, ${f.rows.rl16_notification} notifications, ${f.rows.assignment} assignments, ${f.rows.salary_line} salary lines`,
    );
    log(
      `         validate ${fmt(f.validateSeconds, 2)} s: ${v.files} FI files, ${fmt(v.bytes / 1e6, 1)} MB in ${v.chunks} chunks on ${v.workers} threads (libxml2-wasm)${v.xmllintSeconds === null ? "" : `; for reference xmllint --stream, one core: ${fmt(v.xmllintSeconds, 2)} s`}`,
    );
    log(`         write    ${fmt(f.writeSeconds, 2)} s: ${fmt(f.bytesWritten / 1e6, 1)} MB, synced`);
    if (run.stages) log(`  ${stagesOverFloor(run.stages, f.totalSeconds)}`);
    if (run.cpuSeconds !== null) log(`  ${cpuOverFloor(run.cpuSeconds, f.totalSeconds)}`);
  }
}

/**
 * The run in two parts against the same floor: the declarations (up to the published files and the state)
 * and the reports written after them — so that a missed ratio says which part misses it.
 */
function stagesOverFloor(stages: readonly RunStage[], floorSeconds: number): string {
  const reports = stages.filter((stage) => stage.name === "reports").reduce((sum, stage) => sum + stage.seconds, 0);
  const declarations = stages.reduce((sum, stage) => sum + stage.seconds, 0) - reports;
  const over = (seconds: number) => `${fmt(seconds)} s = ${fmt(seconds / floorSeconds, 2)} x floor`;
  return `by part  declarations (start + decide + publish) ${over(declarations)}; reports ${over(reports)}`;
}

/**
 * The run's CPU time against the floor: on this machine's cores, even perfectly parallel, the run cannot
 * take less than its CPU time shared out over them — the ratio that no parallelism can go below.
 */
function cpuOverFloor(cpuSeconds: number, floorSeconds: number): string {
  const cores = availableParallelism();
  const least = cpuSeconds / cores;
  return `cpu      ${fmt(cpuSeconds)} s of all threads: on ${cores} cores at least ${fmt(least)} s = ${fmt(least / floorSeconds, 2)} x floor`;
}

/** The FI files a run wrote into its month folder. */
function fiFilesOf(monthDir: string): string[] {
  return readdirSync(monthDir)
    .filter((name) => name.startsWith("FI."))
    .sort()
    .map((name) => join(monthDir, name));
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseBenchOptions(argv);
  const root = projectRoot();
  const probe = join(__dirname, "rss-probe.js");
  log(`easr bench: month ${options.month}, scale x${options.factor}, seed ${options.seed}, populations in ${options.dataDir}`);
  const rows: Row[] = [];
  let failed = false;

  for (const name of options.only) {
    const scale = scaleOf(name, options);
    log(`\n[${name}] ${scale.staff} staff, ${scale.notified} notified`);
    const population = await ensureSqlitePopulation(scale, options.dataDir);
    const counts = population.rows;
    log(
      `  data   ${population.generatedSeconds === null ? "cached" : `generated in ${fmt(population.generatedSeconds)} s`}: ${population.path}`,
    );
    log(
      `         ${counts.staff_member} staff, ${counts.assignment} assignments, ${counts.salary_line} salary lines, ${counts.rl16_notification} notifications of ${counts.notified_staff} persons, ${counts.institution} institutions of ${counts.school_board} boards`,
    );
    // Warm the page cache for both: the run and the floor then read the same file from memory.
    floorRead(population.path, options.month);
    const dir = workDir(`sqlite-${name}`);
    const measureMonth = async (month: YearMonth, rowName: string): Promise<Row> => {
      const run = await measureRun({ projectRoot: root, dbUrl: `sqlite:${population.path}`, month, workDir: dir, probe });
      const floor = await measureFloor(population.path, month, run.outputBytes, fiFilesOf(join(dir, "out", month)));
      const row: Row = { name: rowName, scale, engine: "sqlite", run, floor };
      rows.push(row);
      describeRun(row);
      if (run.exitCode !== 0) failed = true;
      return row;
    };
    const catchUp = await measureMonth(options.month, name);
    // The steady month: the next month's run on the same state, as the scheduler runs it a month later.
    if (name === "full" && catchUp.run.exitCode === 0) {
      log(`  [${STEADY}] ${addMonths(options.month, 1)} on the state of ${options.month}`);
      await measureMonth(addMonths(options.month, 1), STEADY);
    }
    if (options.keep) log(`  kept   ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  if (options.postgres && options.only.includes("full")) {
    const scale = scaleOf("full", options);
    log(`\n[full on PostgreSQL] ${scale.staff} staff, ${scale.notified} notified`);
    if (!(await serverAnswers(options.postgresAdminUrl))) {
      log(`  skipped: no PostgreSQL server answers at ${new URL(options.postgresAdminUrl).host}`);
    } else {
      try {
        const sqlite = await ensureSqlitePopulation(scale, options.dataDir);
        const pg = await ensurePostgresPopulation(scale, sqlite.path, options.postgresAdminUrl);
        log(
          `  data   ${pg.copiedSeconds === null ? "cached" : `copied in ${fmt(pg.copiedSeconds)} s`}: ${new URL(pg.url).pathname.slice(1)}`,
        );
        const dir = workDir("postgres-full");
        const run = await measureRun({ projectRoot: root, dbUrl: pg.url, month: options.month, workDir: dir, probe });
        const row: Row = { name: "full", scale, engine: "postgres", run, floor: null };
        rows.push(row);
        describeRun(row);
        if (run.exitCode !== 0) failed = true;
        if (options.keep) log(`  kept   ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      } catch (error) {
        log(`  skipped: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  let answer: AnswerMeasurement | null = null;
  if (options.answerMb > 0) {
    log(`\n[answer] a NOTIFICATION of ${options.answerMb} MB, ingested`);
    const dir = workDir("answer");
    answer = await measureAnswerIngest({ megabytes: options.answerMb, dataDir: options.dataDir, workDir: dir, projectRoot: root, probe });
    log(
      `  data   ${answer.generatedSeconds === null ? "cached" : `generated in ${fmt(answer.generatedSeconds)} s`}: ${fmt(answer.megabytes, 0)} MB, ${answer.forms} forms`,
    );
    log(
      `  ingest ${fmt(answer.wallSeconds, 2)} s, peak RSS ${answer.maxRssMb === null ? "?" : fmt(answer.maxRssMb)} MB, ${fmt(answer.megabytes / answer.wallSeconds, 1)} MB/s, ${fmt(answer.forms / answer.wallSeconds, 0)} forms/s`,
    );
    if (answer.exitCode !== 0 || !answer.outcomesAsGenerated) {
      failed = true;
      log(
        `  the ingest ${answer.exitCode !== 0 ? `exited with ${answer.exitCode}` : "did not report the outcomes the answer gives"}:\n${answer.outputTail.replace(/^/gm, "    | ")}`,
      );
    }
    if (options.keep) log(`  kept   ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  printTable(rows);
  printTargets(rows, answer);
  const resultFile = join(options.dataDir, "last-results.json");
  writeFileSync(
    resultFile,
    `${JSON.stringify({ month: options.month, factor: options.factor, seed: options.seed, at: new Date().toISOString(), node: process.version, rows, answer }, null, 2)}\n`,
  );
  log(`\nresults: ${resultFile}`);
  return failed ? 1 : 0;
}

function printTable(rows: readonly Row[]): void {
  if (rows.length === 0) return;
  const full = rows.find((row) => row.name === "full" && row.engine === "sqlite");
  log("\npopulation  engine     staff  notified    units  persons    wall s  units/s  RSS MB  floor s  run/floor  wall vs full");
  for (const row of rows) {
    const growth = full && row !== full && row.engine === "sqlite" ? `x${fmt(row.run.wallSeconds / full.run.wallSeconds, 2)}` : "";
    log(
      [
        row.name.padEnd(10),
        row.engine.padEnd(8),
        pad(String(row.scale.staff), 8),
        pad(String(row.scale.notified), 9),
        pad(String(row.run.units), 8),
        pad(String(row.run.persons), 8),
        pad(fmt(row.run.wallSeconds, 2), 9),
        pad(fmt(row.run.units / row.run.wallSeconds, 0), 8),
        pad(row.run.maxRssMb === null ? "?" : fmt(row.run.maxRssMb), 7),
        pad(row.floor ? fmt(row.floor.totalSeconds, 2) : "", 8),
        pad(row.floor ? fmt(row.run.wallSeconds / row.floor.totalSeconds, 2) : "", 10),
        pad(growth, 13),
      ].join(" "),
    );
  }
}

function printTargets(rows: readonly Row[], answer: AnswerMeasurement | null): void {
  const sqlite = rows.filter((row) => row.engine === "sqlite");
  const byName = (name: ScaleName) => sqlite.find((row) => row.name === name);
  const full = byName("full");
  const verdict = (ok: boolean) => (ok ? "holds " : "MISSED");
  log("\ntargets");
  for (const row of sqlite) {
    if (!row.floor) continue;
    const ratio = row.run.wallSeconds / row.floor.totalSeconds;
    log(`  ${verdict(ratio <= TARGETS.runOverFloor)} run / floor <= ${TARGETS.runOverFloor} (${row.name}): ${fmt(ratio, 2)}`);
  }
  const rss = rows.map((row) => row.run.maxRssMb ?? Infinity);
  if (rss.length > 0)
    log(`  ${verdict(Math.max(...rss) <= TARGETS.rssMb)} peak RSS <= ${TARGETS.rssMb} MB: highest ${fmt(Math.max(...rss))} MB`);
  if (answer) {
    const peak = answer.maxRssMb ?? Infinity;
    log(
      `  ${verdict(peak <= TARGETS.rssMb)} peak RSS of ingesting a ${fmt(answer.megabytes, 0)} MB answer <= ${TARGETS.rssMb} MB: ${fmt(peak)} MB`,
    );
  }
  const double = byName("double");
  if (full && double) {
    const growth = double.run.wallSeconds / full.run.wallSeconds - 1;
    log(
      `  ${verdict(growth <= TARGETS.doubleStaffGrowth)} twice the staff, same notified, adds <= ${TARGETS.doubleStaffGrowth * 100} %: ${growth >= 0 ? "+" : ""}${fmt(growth * 100)} %`,
    );
  }
  const half = byName("half");
  if (full && half) {
    const share = half.run.wallSeconds / full.run.wallSeconds;
    log(
      `  ${verdict(share <= TARGETS.halfShareMax)} half the population roughly halves the run (<= ${TARGETS.halfShareMax} of full): ${fmt(share, 2)}`,
    );
  }
  const steady = sqlite.find((row) => row.name === STEADY);
  if (full && steady) {
    const share = steady.run.wallSeconds / full.run.wallSeconds;
    log(
      `  ${verdict(share < TARGETS.steadyShareOfCatchUp)} the steady month takes under ${TARGETS.steadyShareOfCatchUp} of the catch-up month: ${fmt(share, 2)}`,
    );
  }
  if (!full && sqlite.length > 0)
    log("  (the growth targets need the full population: run without --only, or with --only full,half,double)");
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
