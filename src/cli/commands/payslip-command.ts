/**
 * `easr payslip`: a staff member's copy of the month's e-ASR declarations, printed (the extract's Dutch
 * lines, as the payslip printing system got them) and optionally as a one-page PDF for them (their
 * name, masked INSZ and agency, dates in words); or, with `--all --dir D`, every staff member's PDF of
 * the month into D (payslip-batch.ts).
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { payslipCopy } from "../../../reports/payslip-copy";
import { monthCopies, type PersonCopy } from "../../../reports/payslip-copies";
import { type PayslipRecord, recordCountText } from "../../../reports/payslip-extract";
import { writePayslipPdf } from "../../../reports/payslip-pdf";
import { type AppConfig, loadConfig } from "../../config/load-config";
import { parseYearMonth, type YearMonth } from "../../domain/year-month";
import { dutchMonth } from "../../texts/nl";
import { brusselsTime } from "../../util/brussels-clock";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import type { StateContext } from "../../run/run-context";
import { payslipBatch } from "./payslip-batch";
import { letterheadsOf, monthSources, openStateIfThere, TicketBook } from "./payslip-sources";

export interface PayslipOptions {
  staff?: string;
  all?: boolean;
  dir?: string;
  month: string;
  out?: string;
  pdf?: string;
  db?: string;
  env?: string;
  json?: boolean;
}

/** The printed copy: a heading, then one block per declaration (first line, then its other lines indented). */
export function copyLines(staffId: number, records: readonly PayslipRecord[], month: YearMonth): string[] {
  const lines = [`Afschrift e-ASR – personeelslid ${staffId} – salarisbrief van ${dutchMonth(month)} (${recordCountText(records)})`];
  for (const record of records) {
    lines.push("");
    record.lines.forEach((line, index) => lines.push(index === 0 ? line : `  ${line}`));
  }
  return lines;
}

/** The month from the command line, and which of the two uses it is: one staff member, or all of them into a folder. */
function parseMode(options: PayslipOptions): { month: YearMonth; staffId: number | null } {
  const month = parseYearMonth(options.month);
  if (!month) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  if ((options.staff === undefined) === (options.all !== true))
    throw new UsageError("give either --staff <id> (one staff member's copy) or --all --dir <folder> (every staff member's PDF)");
  if (options.all) {
    if (options.dir === undefined) throw new UsageError("--all needs --dir <folder>: one PDF per staff member goes there");
    if (options.pdf !== undefined) throw new UsageError("--pdf is for one staff member's copy (--staff); --all writes its PDFs into --dir");
    return { month, staffId: null };
  }
  if (options.dir !== undefined) throw new UsageError("--dir goes with --all; one staff member's PDF is written with --pdf <file>");
  if (!/^\d{1,15}$/.test(options.staff!) || Number(options.staff) === 0)
    throw new UsageError(`--staff must be a staff id (a positive whole number), got "${options.staff}"`);
  return { month, staffId: Number(options.staff) };
}

/** `--pdf FILE` made absolute; its folder must exist. */
function pdfPathOf(pdf: string | undefined): string | null {
  if (pdf === undefined) return null;
  const path = resolve(pdf);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--pdf: the folder ${folder} does not exist`);
  return path;
}

/** Runs `use` with the state (or null, see openStateIfThere), closed afterwards. */
async function withState<T>(config: AppConfig, io: CliIo, use: (state: StateContext | null) => Promise<T>): Promise<T> {
  const state = await openStateIfThere(config, io);
  try {
    return await use(state);
  } finally {
    await state?.close();
  }
}

/** One staff member's records of the month from the extracts alone, as the printing system reads them, tickets included. */
function extractRecords(config: AppConfig, month: YearMonth, staffId: number, io: CliIo): Promise<PayslipRecord[]> {
  return withState(config, io, async (state) => {
    const records: PayslipRecord[] = [];
    for (const { extract } of await monthSources(state, config, month, io, { withRecords: false }))
      records.push(...(await payslipCopy(extract, staffId)).records);
    if (records.length === 0) throw new UsageError(`staff ${staffId} has no declaration in ${month}`);
    return new TicketBook(state).withTickets(records);
  });
}

/** One staff member's copy with whose it is (name, masked INSZ, agency) from the runs' records, for the PDF. */
function holderCopy(config: AppConfig, month: YearMonth, staffId: number, io: CliIo): Promise<PersonCopy> {
  return withState(config, io, async (state) => {
    for await (const copy of monthCopies(await monthSources(state, config, month, io), staffId))
      return { ...copy, records: await new TicketBook(state).withTickets(copy.records) };
    throw new UsageError(`staff ${staffId} has no declaration in ${month}`);
  });
}

/** Prints one person's copy (or its JSON) and writes the PDF when asked; with --all, the batch. */
export async function payslipCommand(options: PayslipOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { month, staffId } = parseMode(options);
  const pdfPath = pdfPathOf(options.pdf);
  const config = loadConfig(env, { outDir: options.out, databaseUrl: options.db, environment: options.env });
  if (staffId === null) {
    await payslipBatch({ config, month, dir: resolve(options.dir!), json: options.json ?? false }, io);
    return;
  }
  let records: readonly PayslipRecord[];
  if (pdfPath === null) {
    records = await extractRecords(config, month, staffId, io);
  } else {
    const copy = await holderCopy(config, month, staffId, io);
    records = copy.records;
    const madeOn = brusselsTime(config.clock.now()).date;
    await writePayslipPdf(pdfPath, {
      month,
      holder: copy.holder,
      letterheads: letterheadsOf(config, copy.holder.agencies),
      records,
      madeOn,
    });
  }
  if (options.json) {
    const json = {
      staffId,
      month,
      records: records.map(({ formLabel, formType, nature, ticket, lines }) => ({ formLabel, formType, nature, ticket, lines })),
      pdf: pdfPath,
    };
    io.out(JSON.stringify(json, null, 2));
    return;
  }
  for (const line of copyLines(staffId, records, month)) io.out(line);
  if (pdfPath !== null) {
    io.out("");
    io.out(`wrote ${pdfPath}`);
  }
}

export function registerPayslipCommand(program: Command, io: CliIo): void {
  program
    .command("payslip")
    .description(
      "print a staff member's copy of the month's e-ASR declarations (the payslip lines, in Dutch) from the payslip extracts the month's runs wrote (their paths are in the state), optionally as a PDF; or write every staff member's PDF of the month into a folder (--all --dir)",
    )
    .option("--staff <id>", "the staff id (one staff member's copy)")
    .option("--all", "every staff member with a record in the month's extracts: one PDF each into --dir")
    .option(
      "--dir <folder>",
      "with --all: the folder receiving <staffId>-<YYYY-MM>.pdf per staff member (created when missing; refused when it holds PDFs of that month already)",
    )
    .requiredOption("--month <YYYY-MM>", "the run month (the payslip's month)")
    .option("--out <dir>", "output folder holding the month folders (default EASR_OUT_DIR or ./out)")
    .option("--env <T|R>", "batch environment: T test (default) or R real")
    .option("--pdf <file>", "with --staff: also write the copy as a one-page A4 PDF to this file (name, masked INSZ, agency)")
    .option(
      "--db <url>",
      "database URL, for the tickets of accepted forms (default EASR_DB_URL; the state in EASR_STATE_DB_URL or the same database)",
    )
    .option("--json", "print the copy (with --all: the count and folder) as JSON instead of the lines")
    .action(async (options: PayslipOptions) => {
      await payslipCommand(options, io);
    });
}
