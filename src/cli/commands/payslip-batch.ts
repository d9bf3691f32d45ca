/**
 * `easr payslip --all --month M --dir D`: every staff member's PDF copy of the month, one file each,
 * `<staffId>-<YYYY-MM>.pdf`, for the payroll system to attach to the salary slip. The month's extracts
 * and records are streamed person by person (payslip-copies.ts): one copy is in memory at a time.
 * Each file is written under a temporary name with the private file mode, flushed and renamed, never
 * over an existing file; a folder that already holds copies of the month is refused before anything is
 * written, so that a batch never mixes two runs' copies.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { monthCopies } from "../../../reports/payslip-copies";
import { writeNewPayslipPdf } from "../../../reports/payslip-pdf";
import type { AppConfig } from "../../config/load-config";
import type { YearMonth } from "../../domain/year-month";
import { makeDirectory } from "../../files/file-modes";
import { brusselsTime } from "../../util/brussels-clock";
import { type CliIo, SILENT_IO } from "../cli-io";
import { UsageError } from "../exit-codes";
import { letterheadsOf, monthSources, openStateIfThere, TicketBook } from "./payslip-sources";

export interface PayslipBatchRequest {
  readonly config: AppConfig;
  readonly month: YearMonth;
  /** Absolute. */
  readonly dir: string;
  readonly json: boolean;
}

export interface PayslipBatchResult {
  readonly month: YearMonth;
  readonly dir: string;
  /** How the files are named. */
  readonly fileNames: string;
  /** Copies written, one per staff member. */
  readonly written: number;
}

/** `1234-2017-12.pdf`: a staff member's copy of a month, named so that the payroll system finds it by staff id and month. */
export function copyFileName(staffId: number, month: YearMonth): string {
  return `${staffId}-${month}.pdf`;
}

/** The folder, created when missing (folder mode); refused when it is a file or holds copies of the month already. */
function prepareFolder(dir: string, month: YearMonth): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--dir: ${dir} is not a folder`);
  if (!existsSync(dir)) {
    makeDirectory(dir);
    return;
  }
  const pattern = new RegExp(`^\\d+-${month}\\.pdf$`);
  const existing = readdirSync(dir).filter((name) => pattern.test(name));
  if (existing.length > 0)
    throw new UsageError(
      `--dir: ${dir} holds ${existing.length} copies of ${month} already (${existing.slice(0, 3).join(", ")}${existing.length > 3 ? ", …" : ""}): remove them or give another folder; nothing was written`,
    );
}

/** Writes every staff member's copy of the month into the folder; prints the count (or the JSON). */
export async function payslipBatch(request: PayslipBatchRequest, io: CliIo): Promise<PayslipBatchResult> {
  const { config, month, dir } = request;
  const notes = request.json ? SILENT_IO : io;
  prepareFolder(dir, month);
  const state = await openStateIfThere(config, notes);
  const madeOn = brusselsTime(config.clock.now()).date;
  let written = 0;
  try {
    const sources = await monthSources(state, config, month, notes);
    const tickets = new TicketBook(state);
    for await (const copy of monthCopies(sources)) {
      const { holder } = copy;
      const records = await tickets.withTickets(copy.records);
      await writeNewPayslipPdf(join(dir, copyFileName(holder.staffId, month)), {
        month,
        holder,
        letterheads: letterheadsOf(config, holder.agencies),
        records,
        madeOn,
      });
      written++;
    }
  } catch (error) {
    if (written > 0)
      io.err(
        `note: ${written} copies of ${month} were written into ${dir} before this failure; remove them before writing the batch again`,
      );
    throw error;
  } finally {
    await state?.close();
  }
  const result: PayslipBatchResult = { month, dir, fileNames: copyFileName(0, month).replace(/^0/, "<staffId>"), written };
  if (request.json) io.out(JSON.stringify(result, null, 2));
  else io.out(`wrote ${written} ${written === 1 ? "copy" : "copies"} of ${month} into ${dir} (${result.fileNames})`);
  return result;
}
