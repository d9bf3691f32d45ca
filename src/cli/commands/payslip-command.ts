import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { payslipCopy, type PayslipCopy } from "../../../reports/payslip-copy";
import { dutchMonth, payslipExtractName, type PayslipRecord, withTicket } from "../../../reports/payslip-extract";
import { writePayslipPdf } from "../../../reports/payslip-pdf";
import { parseDatabaseUrl } from "../../config/database-url";
import { type AppConfig, loadConfig } from "../../config/load-config";
import { parseYearMonth, type YearMonth } from "../../domain/year-month";
import { parseBatchFileName } from "../../files/batch-file-name";
import { openStateContext } from "../../run/run-context";
import { formKey } from "../../state/anomaly-report-repository";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";

export interface PayslipOptions {
  staff: string;
  month: string;
  out?: string;
  pdf?: string;
  db?: string;
}

/** The printed copy: a heading, then one block per declaration (first line, then its other lines indented). */
export function copyLines(copy: PayslipCopy, month: YearMonth): string[] {
  const count = copy.records.length;
  const lines = [`Afschrift e-ASR – personeelslid ${copy.staffId} – salarisbrief van ${dutchMonth(month)} (${count} ${count === 1 ? "aangifte" : "aangiften"})`];
  for (const record of copy.records) {
    lines.push("");
    record.lines.forEach((line, index) => lines.push(index === 0 ? line : `  ${line}`));
  }
  return lines;
}

/**
 * The tickets social security gave the records' forms, by `formKey(fileName, sequenceNbr)`, read from
 * the state database when it is reachable: nothing when it is a SQLite file that does not exist (no
 * database is created for a copy), a note on stderr when a server cannot be reached. Each file is
 * looked up in its own environment (the last part of its name).
 */
async function knownTickets(config: AppConfig, records: readonly PayslipRecord[], io: CliIo): Promise<Map<string, string>> {
  const location = parseDatabaseUrl(config.stateDatabaseUrl);
  if (location.engine === "sqlite" && (location.file === undefined || !existsSync(location.file))) return new Map();
  const namesByEnvironment = new Map<string, string[]>();
  for (const { fileName } of records) {
    const environment = parseBatchFileName(fileName)?.environment;
    if (environment !== undefined) namesByEnvironment.set(environment, [...(namesByEnvironment.get(environment) ?? []), fileName]);
  }
  let context;
  try {
    context = await openStateContext(config, { existing: true });
  } catch (error) {
    io.err(`note: the state database ${location.display} is not reachable, the copy shows no tickets (${error instanceof Error ? error.message : String(error)})`);
    return new Map();
  }
  try {
    const tickets = new Map<string, string>();
    for (const [environment, fileNames] of namesByEnvironment) {
      for (const [key, ticket] of await context.anomalyReports.ticketsOfFiles(environment, fileNames)) tickets.set(key, ticket);
    }
    return tickets;
  } finally {
    await context.close();
  }
}

/** The records with the ticket of their form where one is known (its line "Ticketnummer: …" included). */
export function withTickets(records: readonly PayslipRecord[], tickets: ReadonlyMap<string, string>): PayslipRecord[] {
  return records.map((record) => {
    const ticket = tickets.get(formKey(record.fileName, record.sequenceNbr));
    return ticket === undefined ? record : withTicket(record, ticket);
  });
}

/** Finds the month's extract, prints the person's copy and writes the PDF when asked; returns the copy. */
export async function payslipCommand(options: PayslipOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<PayslipCopy> {
  if (!/^\d{1,15}$/.test(options.staff) || Number(options.staff) === 0) throw new UsageError(`--staff must be a staff id (a positive whole number), got "${options.staff}"`);
  const staffId = Number(options.staff);
  const month = parseYearMonth(options.month);
  if (!month) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  const config = loadConfig(env, { outDir: options.out, databaseUrl: options.db });
  const extractPath = join(config.outDir, month, payslipExtractName(month));
  if (!existsSync(extractPath)) throw new UsageError(`no payslip extract for ${month}: ${extractPath} does not exist (run the month first)`);
  let pdfPath: string | null = null;
  if (options.pdf !== undefined) {
    pdfPath = resolve(options.pdf);
    const folder = dirname(pdfPath);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--pdf: the folder ${folder} does not exist`);
  }

  const extracted = await payslipCopy(extractPath, staffId);
  if (extracted.records.length === 0) throw new UsageError(`staff ${staffId} has no declaration in ${month}`);
  const copy: PayslipCopy = { staffId, records: withTickets(extracted.records, await knownTickets(config, extracted.records, io)) };
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
    .description("print a staff member's copy of the month's e-ASR declarations (the payslip lines, in Dutch) from <out>/<YYYY-MM>/payslip-extract-<YYYY-MM>.csv")
    .requiredOption("--staff <id>", "the staff id")
    .requiredOption("--month <YYYY-MM>", "the run month (the payslip's month)")
    .option("--out <dir>", "output folder holding the month folders (default EASR_OUT_DIR or ./out)")
    .option("--pdf <file>", "also write the copy as a one-page A4 PDF to this file")
    .option("--db <url>", "database URL, for the tickets of accepted forms (default EASR_DB_URL; the state in EASR_STATE_DB_URL or the same database)")
    .action(async (options: PayslipOptions) => {
      await payslipCommand(options, io);
    });
}
