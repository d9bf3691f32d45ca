import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { payslipCopy, type PayslipCopy } from "../../../reports/payslip-copy";
import { type PayslipRecord, recordCountText, withTicket } from "../../../reports/payslip-extract";
import { payslipExtractName } from "../../files/output-layout";
import { dutchMonth } from "../../texts/nl";
import { writePayslipPdf } from "../../../reports/payslip-pdf";
import { parseDatabaseUrl } from "../../config/database-url";
import { type AppConfig, loadConfig } from "../../config/load-config";
import { parseYearMonth, type YearMonth } from "../../domain/year-month";
import { parseBatchFileName } from "../../files/batch-file-name";
import { OutputLayout } from "../../files/output-layout";
import { openStateContext, type StateContext } from "../../run/run-context";
import { formKey } from "../../state/anomaly-report-repository";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";

export interface PayslipOptions {
  staff: string;
  month: string;
  out?: string;
  pdf?: string;
  db?: string;
  env?: string;
}

/** The printed copy: a heading, then one block per declaration (first line, then its other lines indented). */
export function copyLines(copy: PayslipCopy, month: YearMonth): string[] {
  const lines = [
    `Afschrift e-ASR – personeelslid ${copy.staffId} – salarisbrief van ${dutchMonth(month)} (${recordCountText(copy.records)})`,
  ];
  for (const record of copy.records) {
    lines.push("");
    record.lines.forEach((line, index) => lines.push(index === 0 ? line : `  ${line}`));
  }
  return lines;
}

/** The state, for the month's extracts and the tickets: null when it is a SQLite file that does not exist (a copy creates no database) or a server that cannot be reached (said on stderr). */
async function openStateIfThere(config: AppConfig, io: CliIo): Promise<StateContext | null> {
  const location = parseDatabaseUrl(config.stateDatabaseUrl);
  if (location.engine === "sqlite" && (location.file === undefined || !existsSync(location.file))) return null;
  try {
    return await openStateContext(config, { existing: true });
  } catch (error) {
    io.err(
      `note: the state database ${location.display} is not reachable (${error instanceof Error ? error.message : String(error)}): the copy is looked for by its usual name, without tickets`,
    );
    return null;
  }
}

/**
 * The payslip extracts of the month, read from the state: every run of the month in
 * the environment that wrote one — the first run's, a re-run's (`-run<id>`), in `<out>/R/…` for R —
 * oldest first. A run whose reports are owed is named (its copy needs `easr report` first). Runs made
 * before the state kept the extract's path, or no reachable state: the extract by its usual name.
 */
async function monthExtracts(state: StateContext | null, config: AppConfig, month: YearMonth, io: CliIo): Promise<string[]> {
  const recorded = state ? await state.runs.recordedRuns(month, config.environment) : [];
  for (const run of recorded.filter((r) => r.reportsAt === null && r.status !== "running")) {
    io.err(
      `note: run ${run.id} of ${month} has no reports yet, so its records are not in this copy: \`easr report --month ${month}${config.environment === "R" ? " --env R" : ""}\` writes them`,
    );
  }
  const fromState = recorded.flatMap((run) => (run.payslipExtract !== null ? [run.payslipExtract] : []));
  if (fromState.length > 0) {
    const gone = fromState.filter((path) => !existsSync(path));
    if (gone.length > 0) throw new UsageError(`the payslip extract ${gone.join(", ")} recorded for ${month} is gone from its folder`);
    return fromState;
  }
  const usual = join(new OutputLayout(config.outDir).monthDir(config.environment, month), payslipExtractName(month));
  if (!existsSync(usual))
    throw new UsageError(
      `no payslip extract for ${month} (${config.environment}): no run of the month wrote one${recorded.length > 0 ? " yet" : ""}, and ${usual} does not exist`,
    );
  return [usual];
}

/** The tickets social security gave the records' forms, by `formKey(fileName, sequenceNbr)`, each file looked up in its own environment (the last part of its name). */
async function knownTickets(state: StateContext | null, records: readonly PayslipRecord[]): Promise<Map<string, string>> {
  if (!state) return new Map();
  const namesByEnvironment = new Map<string, string[]>();
  for (const { fileName } of records) {
    const environment = parseBatchFileName(fileName)?.environment;
    if (environment !== undefined) namesByEnvironment.set(environment, [...(namesByEnvironment.get(environment) ?? []), fileName]);
  }
  const tickets = new Map<string, string>();
  for (const [environment, fileNames] of namesByEnvironment) {
    for (const [key, ticket] of await state.anomalyReports.ticketsOfFiles(environment, fileNames)) tickets.set(key, ticket);
  }
  return tickets;
}

/** The records with the ticket of their form where one is known (its line "Ticketnummer: …" included). */
export function withTickets(records: readonly PayslipRecord[], tickets: ReadonlyMap<string, string>): PayslipRecord[] {
  return records.map((record) => {
    const ticket = tickets.get(formKey(record.fileName, record.sequenceNbr));
    return ticket === undefined ? record : withTicket(record, ticket);
  });
}

/** Finds the month's extracts, prints the person's copy and writes the PDF when asked; returns the copy. */
export async function payslipCommand(options: PayslipOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<PayslipCopy> {
  if (!/^\d{1,15}$/.test(options.staff) || Number(options.staff) === 0)
    throw new UsageError(`--staff must be a staff id (a positive whole number), got "${options.staff}"`);
  const staffId = Number(options.staff);
  const month = parseYearMonth(options.month);
  if (!month) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  const config = loadConfig(env, { outDir: options.out, databaseUrl: options.db, environment: options.env });
  let pdfPath: string | null = null;
  if (options.pdf !== undefined) {
    pdfPath = resolve(options.pdf);
    const folder = dirname(pdfPath);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--pdf: the folder ${folder} does not exist`);
  }
  const state = await openStateIfThere(config, io);
  let copy: PayslipCopy;
  try {
    const records: PayslipRecord[] = [];
    for (const extract of await monthExtracts(state, config, month, io)) records.push(...(await payslipCopy(extract, staffId)).records);
    if (records.length === 0) throw new UsageError(`staff ${staffId} has no declaration in ${month}`);
    copy = { staffId, records: withTickets(records, await knownTickets(state, records)) };
  } finally {
    await state?.close();
  }
  for (const line of copyLines(copy, month)) io.out(line);
  if (pdfPath !== null) {
    await writePayslipPdf(pdfPath, { staffId, month, records: copy.records });
    io.out("");
    io.out(`wrote ${pdfPath}`);
  }
  return copy;
}

export function registerPayslipCommand(program: Command, io: CliIo): void {
  program
    .command("payslip")
    .description(
      "print a staff member's copy of the month's e-ASR declarations (the payslip lines, in Dutch) from the payslip extracts the month's runs wrote (their paths are in the state)",
    )
    .requiredOption("--staff <id>", "the staff id")
    .requiredOption("--month <YYYY-MM>", "the run month (the payslip's month)")
    .option("--out <dir>", "output folder holding the month folders (default EASR_OUT_DIR or ./out)")
    .option("--env <T|R>", "batch environment: T test (default) or R real")
    .option("--pdf <file>", "also write the copy as a one-page A4 PDF to this file")
    .option(
      "--db <url>",
      "database URL, for the tickets of accepted forms (default EASR_DB_URL; the state in EASR_STATE_DB_URL or the same database)",
    )
    .action(async (options: PayslipOptions) => {
      await payslipCommand(options, io);
    });
}
