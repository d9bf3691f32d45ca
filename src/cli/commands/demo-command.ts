import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { buildDemoDatabase } from "../../../tools/demo/demo-database";
import { MIN_POPULATION_STAFF } from "../../../tools/demo/population/population";
import { parseDatabaseUrl } from "../../config/database-url";
import { monthsFromTo } from "../../domain/year-month";
import type { RunSummary } from "../../run-record";
import type { Logger } from "../../util/logger";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { loadConfig } from "../../config/load-config";
import { userName } from "../user-name";
import { answerAndPrint, monthFoldersOf } from "./channel-command";
import { ingestAndPrint } from "./ingest-command";
import { runAndPrintMonth } from "./run-command";

export const DEMO_DB_URL = "sqlite:./data/demo.sqlite";
export const DEMO_OUT_DIR = "./out/demo";
/** The school year of the circular's examples, and September 2018 to show its end. */
export const DEMO_MONTHS = monthsFromTo("2017-09", "2018-09");

interface DemoOptions {
  db?: string;
  out?: string;
  staff?: string;
}

export async function demoCommand(options: DemoOptions, io: CliIo, logger: Logger): Promise<RunSummary[]> {
  const url = options.db ?? DEMO_DB_URL;
  const location = parseDatabaseUrl(url);
  if (location.engine !== "sqlite") throw new UsageError("easr demo builds an embedded SQLite database: give --db sqlite:<path>");
  const outDir = options.out ?? DEMO_OUT_DIR;
  const staff = options.staff === undefined ? 400 : Number(options.staff);
  if (!Number.isInteger(staff) || (staff !== 0 && staff < MIN_POPULATION_STAFF) || staff > 100_000) {
    throw new UsageError(
      `--staff must be 0 (the nine examples only) or a whole number from ${MIN_POPULATION_STAFF} to 100000, got "${options.staff}"`,
    );
  }
  if (options.out !== undefined && existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new UsageError(`--out ${outDir} is not empty: the demo writes into an empty folder (or leave --out out to use ${DEMO_OUT_DIR})`);
  }
  // The demo owns its database file and its default output folder: both start afresh.
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${location.file}${suffix}`, { force: true });
  if (options.out === undefined) rmSync(outDir, { recursive: true, force: true });

  const built = await buildDemoDatabase(url, { staff });
  io.out(
    `demo database ${resolve(location.file!)}: ${Object.entries(built.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}`,
  );
  const summaries: RunSummary[] = [];
  const env = { ...process.env, EASR_STATE_DB_URL: url, EASR_ENVIRONMENT: "T" };
  const config = loadConfig(env, { databaseUrl: url, outDir, environment: "T" });
  for (const month of DEMO_MONTHS) {
    io.out("");
    // The demo crosses the summer (few monthly forms in July): it accepts the safety valve's swings, which the log still shows.
    const { summary } = await runAndPrintMonth({ runMonth: month, triggeredBy: userName(), acceptSwing: true }, config, io, logger);
    summaries.push(summary);
    // The loop of a real month: the channel answers (simulated here: a few forms refused, a few with a
    // warning) and the answers are ingested, so that the next month's run reconciles against them.
    if (summary.files.length > 0) {
      await answerAndPrint(monthFoldersOf(resolve(summary.outputDir)), { refuseEvery: 40, warnEvery: 15, clock: config.clock }, io);
      await ingestAndPrint(resolve(join(summary.outputDir, "answers")), config, io);
    }
  }
  const forms = summaries.reduce((n, s) => n + s.files.reduce((m, f) => m + f.forms, 0), 0);
  const files = summaries.reduce((n, s) => n + s.files.length, 0);
  io.out("");
  io.out(
    `demo done: ${DEMO_MONTHS.length} monthly runs, ${forms} forms in ${files} FI files (each with its GO file) under ${resolve(outDir)}`,
  );
  // Absolute paths: the commands work from any folder.
  for (const line of nextCommands(`sqlite:${resolve(location.file!)}`, resolve(outDir), summaries)) io.out(line);
  return summaries;
}

/** The month the demo's follow-up commands show: December, the month of the README's examples. */
const SHOWN_MONTH = "2017-12";

/**
 * What to type next, on the demo's database and output folder (the other commands default to
 * ./data/ministry.sqlite and ./out): the exact commands, for a staff member with a payslip copy that month.
 */
function nextCommands(url: string, outDir: string, summaries: readonly RunSummary[]): string[] {
  const summary = summaries.find((s) => s.runMonth === SHOWN_MONTH);
  const staffId = summary ? firstStaffOfExtract(join(summary.outputDir, `payslip-extract-${SHOWN_MONTH}.csv`)) : null;
  if (staffId === null) return [];
  return [
    "",
    "next, on the demo's database and output folder (or export EASR_DB_URL and EASR_OUT_DIR as below and leave --db/--out out):",
    `  export EASR_DB_URL=${url} EASR_OUT_DIR=${outDir}`,
    `  npx easr payslip --staff ${staffId} --month ${SHOWN_MONTH} --db ${url} --out ${outDir}`,
    `  npx easr explain --staff ${staffId} --month ${SHOWN_MONTH} --db ${url}`,
    `  npx easr audit --month ${SHOWN_MONTH} --db ${url}`,
  ];
}

/** The staff id of the first record of a payslip extract (its second column), or null. */
function firstStaffOfExtract(path: string): string | null {
  if (!existsSync(path)) return null;
  const [, first] = readFileSync(path, "utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  const staffId = first?.split(";")[1];
  return staffId && /^\d+$/.test(staffId) ? staffId : null;
}

export function registerDemoCommand(program: Command, io: CliIo, logger: () => Logger): void {
  program
    .command("demo")
    .description(
      "build the embedded demo database (the circular's nine examples and a demo population) and run 2017-09 … 2018-09 on it, each month answered by the simulated channel and ingested",
    )
    .option("--db <url>", `SQLite database to create (default ${DEMO_DB_URL}; recreated each time)`)
    .option("--out <dir>", `output folder (default ${DEMO_OUT_DIR}, emptied first; another folder must be empty)`)
    .option("--staff <n>", "size of the generated population besides the nine examples", "400")
    .action(async (options: DemoOptions) => {
      await demoCommand(options, io, logger());
    });
}
