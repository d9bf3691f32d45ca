import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { payslipCopy, type PayslipCopy } from "../../../reports/payslip-copy";
import { dutchMonth, payslipExtractName } from "../../../reports/payslip-extract";
import { writePayslipPdf } from "../../../reports/payslip-pdf";
import { loadConfig } from "../../config/load-config";
import { parseYearMonth, type YearMonth } from "../../domain/year-month";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";

export interface PayslipOptions {
  staff: string;
  month: string;
  out?: string;
  pdf?: string;
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

/** Finds the month's extract, prints the person's copy and writes the PDF when asked; returns the copy. */
export async function payslipCommand(options: PayslipOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<PayslipCopy> {
  if (!/^\d{1,15}$/.test(options.staff) || Number(options.staff) === 0) throw new UsageError(`--staff must be a staff id (a positive whole number), got "${options.staff}"`);
  const staffId = Number(options.staff);
  const month = parseYearMonth(options.month);
  if (!month) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  const config = loadConfig(env, { outDir: options.out });
  const extractPath = join(config.outDir, month, payslipExtractName(month));
  if (!existsSync(extractPath)) throw new UsageError(`no payslip extract for ${month}: ${extractPath} does not exist (run the month first)`);
  let pdfPath: string | null = null;
  if (options.pdf !== undefined) {
    pdfPath = resolve(options.pdf);
    const folder = dirname(pdfPath);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--pdf: the folder ${folder} does not exist`);
  }

  const copy = await payslipCopy(extractPath, staffId);
  if (copy.records.length === 0) throw new UsageError(`staff ${staffId} has no declaration in ${month}`);
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
    .action(async (options: PayslipOptions) => {
      await payslipCommand(options, io);
    });
}
