/**
 * Where `easr payslip` finds a month's copies: the payslip extracts of the month's runs and the runs'
 * records beside them (from the state, else by their usual names), and the tickets social security gave
 * the forms. Shared by the one-person copy and the batch of every person's PDF.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CopySource } from "../../../reports/payslip-copies";
import { type PayslipRecord, withTicket } from "../../../reports/payslip-extract";
import { parseDatabaseUrl } from "../../config/database-url";
import type { AppConfig } from "../../config/load-config";
import type { AgencyLetterhead, Agency } from "../../domain/agency";
import type { YearMonth } from "../../domain/year-month";
import { parseBatchFileName } from "../../files/batch-file-name";
import { OutputLayout, payslipExtractName, runOutputNames } from "../../files/output-layout";
import { openStateContext, type StateContext } from "../../run/run-context";
import { formKey } from "../../state/anomaly-report-repository";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";

/** The state, for the month's extracts and the tickets: null when it is a SQLite file that does not exist (a copy creates no database) or a server that cannot be reached (said on stderr). */
export async function openStateIfThere(config: AppConfig, io: CliIo): Promise<StateContext | null> {
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
 * The payslip extracts of the month with the runs' records, read from the state: every run of the month
 * in the environment that wrote one — the first run's, a re-run's (`-run<id>`), in `<out>/R/…` for R —
 * oldest first. A run whose reports are owed is named (its copy needs `easr report` first). Runs made
 * before the state kept the extract's path, or no reachable state: the extract and decisions.jsonl by
 * their usual names. The record gives the copy its holder (name, masked INSZ, agency): one that is gone
 * is a usage error, like a gone extract.
 */
export async function monthSources(
  state: StateContext | null,
  config: AppConfig,
  month: YearMonth,
  io: CliIo,
  options: { readonly withRecords: boolean } = { withRecords: true },
): Promise<CopySource[]> {
  const recorded = state ? await state.runs.recordedRuns(month, config.environment) : [];
  for (const run of recorded.filter((r) => r.reportsAt === null && r.status !== "running")) {
    io.err(
      `note: run ${run.id} of ${month} has no reports yet, so its records are not in this copy: \`easr report --month ${month}${config.environment === "R" ? " --env R" : ""}\` writes them`,
    );
  }
  let sources = recorded.flatMap((run) => (run.payslipExtract !== null ? [{ extract: run.payslipExtract, record: run.recordFile }] : []));
  if (sources.length === 0) {
    const monthDir = new OutputLayout(config.outDir).monthDir(config.environment, month);
    const usual = join(monthDir, payslipExtractName(month));
    if (!existsSync(usual))
      throw new UsageError(
        `no payslip extract for ${month} (${config.environment}): no run of the month wrote one${recorded.length > 0 ? " yet" : ""}, and ${usual} does not exist`,
      );
    sources = [{ extract: usual, record: runOutputNames(monthDir, month, "").decisions }];
  }
  const gone = sources.filter((source) => !existsSync(source.extract));
  if (gone.length > 0)
    throw new UsageError(`the payslip extract ${gone.map((s) => s.extract).join(", ")} recorded for ${month} is gone from its folder`);
  const noRecord = options.withRecords ? sources.filter((source) => !existsSync(source.record)) : [];
  if (noRecord.length > 0)
    throw new UsageError(
      `the run's record ${noRecord.map((s) => s.record).join(", ")} is gone from its folder: the copy takes the staff member's name, masked INSZ and agency from it`,
    );
  return sources;
}

/**
 * The tickets social security gave the records' forms, by `formKey(fileName, sequenceNbr)`: each file
 * looked up once in its own environment (the last part of its name), its accepted forms' tickets kept
 * for the next person with a record in it.
 */
export class TicketBook {
  private readonly byFile = new Map<string, ReadonlyMap<string, string>>();

  constructor(private readonly state: StateContext | null) {}

  /** The records with the ticket of their form where one is known (its line "Ticketnummer: …" included). */
  async withTickets(records: readonly PayslipRecord[]): Promise<PayslipRecord[]> {
    if (!this.state) return [...records];
    const result: PayslipRecord[] = [];
    for (const record of records) {
      const ticket = (await this.ticketsOf(record.fileName)).get(formKey(record.fileName, record.sequenceNbr));
      result.push(ticket === undefined ? record : withTicket(record, ticket));
    }
    return result;
  }

  private async ticketsOf(fileName: string): Promise<ReadonlyMap<string, string>> {
    let tickets = this.byFile.get(fileName);
    if (tickets === undefined) {
      const environment = parseBatchFileName(fileName)?.environment;
      tickets = environment === undefined ? new Map() : await this.state!.anomalyReports.ticketsOfFiles(environment, [fileName]);
      this.byFile.set(fileName, tickets);
    }
    return tickets;
  }
}

/** The letterheads of a holder's agencies, from the configuration. */
export function letterheadsOf(config: AppConfig, agencies: readonly Agency[]): AgencyLetterhead[] {
  return agencies.map((agency) => config.agencies[agency]);
}
