import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { type IngestSummary, isAnswerCandidate, type UnmatchedAnswer } from "../../channel/ingest";
import { parseYearMonth } from "../../domain/year-month";
import { type AppConfig, loadConfig } from "../../config/load-config";
import { ingestFolder } from "../../run/ingest-service";
import { maskInszInText } from "../../util/insz-masking";
import { type CliIo, SILENT_IO } from "../cli-io";
import { UsageError } from "../exit-codes";
import { userName } from "../user-name";

export interface IngestOptions {
  dir: string;
  json?: boolean;
  db?: string;
  env?: string;
}

function counted(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? "" : ` [${entries.map(([key, count]) => `${key} ${count}`).join(", ")}]`;
}

/** The printed summary: files, receipts, forms, anomalies, then every answer kept unmatched with why. */
export function ingestSummaryLines(summary: IngestSummary): string[] {
  const files = summary.ingested.length + summary.alreadyIngested.length + summary.invalid.length;
  const lines = [
    `Ingest ${summary.dir} (${summary.environment})`,
    `files     ${files} answer file(s) = ingested ${summary.ingested.length} + already ingested ${summary.alreadyIngested.length} + invalid ${summary.invalid.length}` +
      (summary.ignored > 0 ? `; ${summary.ignored} other file(s) ignored` : ""),
  ];
  for (const file of summary.alreadyIngested) {
    lines.push(
      `  already ingested ${file.fileName}` +
        (file.earlierFileName === file.fileName
          ? ` (on ${file.ingestedAt})`
          : ` (same content as ${file.earlierFileName}, on ${file.ingestedAt})`),
    );
  }
  for (const file of summary.invalid) lines.push(`  invalid, skipped ${file.fileName}: ${file.errors.join("; ")}`);
  lines.push(
    `receipts  ${summary.receipts.ok + summary.receipts.rejected} = OK ${summary.receipts.ok} + rejected ${summary.receipts.rejected}`,
  );
  for (const file of summary.rejectedFiles)
    lines.push(`  rejected ${file.fileName}: ${file.errorIds.length > 0 ? file.errorIds.join(", ") : "no error id given"}`);
  const forms = summary.forms;
  const retired =
    summary.retired.superseded + summary.retired.cancelled > 0
      ? `; superseded ${summary.retired.superseded}, cancelled ${summary.retired.cancelled}`
      : "";
  lines.push(
    `forms     ${forms.accepted + forms.acceptedWithWarnings + forms.refused} = accepted ${forms.accepted} + with warnings ${forms.acceptedWithWarnings} + refused ${forms.refused}${retired}`,
  );
  const anomalyCount = Object.values(summary.anomalies).reduce((sum, n) => sum + n, 0);
  if (anomalyCount > 0) lines.push(`anomalies ${anomalyCount}${counted(summary.anomalies)}`);
  const pending = summary.pending;
  lines.push(
    `pending   ${pending.keptNow} answer(s) kept until their file's receipt (ACRF) is in, ${pending.appliedNow} kept earlier applied now; ${pending.waiting} waiting in all`,
  );
  lines.push(...listed(pending.listed, pending.keptNow));
  const illegal = summary.illegalTransitions;
  lines.push(
    `unmatched ${summary.unmatchedCount} answer(s) kept, not applied` + (illegal > 0 ? ` (${illegal} for an illegal transition)` : ""),
  );
  lines.push(...listed(summary.unmatched, summary.unmatchedCount));
  return lines.map(maskInszInText);
}

/** The answers of a list, one a line, and how many more there are (all are kept in the state database). */
function listed(answers: readonly UnmatchedAnswer[], count: number): string[] {
  const lines = answers.map((answer) => {
    const what = `${answer.fileName} #${answer.index} (${answer.kind}${answer.answeredFileName ? ` for ${answer.answeredFileName}` : ""})`;
    return `  ${what}: ${answer.illegalTransition ? "illegal transition: " : ""}${answer.reason}`;
  });
  if (count > answers.length) lines.push(`  … and ${count - answers.length} more (kept in easr_answer)`);
  return lines;
}

/**
 * The folders to ingest: `dir` itself when it holds answer files; otherwise, as `channel simulate` and
 * `channel fetch` leave them in an output folder, its `answers/` and each month folder's `answers/`
 * (under `R/` for R), in month order.
 */
export function answerFoldersOf(dir: string, environment: "T" | "R"): string[] {
  const holdsAnswers = (folder: string) =>
    existsSync(folder) && statSync(folder).isDirectory() && readdirSync(folder).some((name) => isAnswerCandidate(name));
  if (holdsAnswers(dir)) return [dir];
  const base = environment === "R" ? join(dir, "R") : dir;
  const months = existsSync(base)
    ? readdirSync(base, { withFileTypes: true })
        .filter((e) => e.isDirectory() && parseYearMonth(e.name) !== null)
        .map((e) => join(base, e.name, "answers"))
        .sort()
    : [];
  return [join(dir, "answers"), ...months].filter(holdsAnswers);
}

export async function ingestCommand(options: IngestOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<IngestSummary[]> {
  const dir = resolve(options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--dir: ${dir} is not a folder`);
  const config = loadConfig(env, { databaseUrl: options.db, environment: options.env });
  const folders = answerFoldersOf(dir, config.environment);
  // Nothing to read: said, and the ingest still applies what waited for a receipt that came before.
  if (folders.length === 0) {
    io.err(`warning: --dir: ${dir} holds no answer files (FO.… or .xml), nor does its answers/ or any month folder's answers/`);
    folders.push(dir);
  }
  const summaries: IngestSummary[] = [];
  for (const folder of folders) summaries.push(await ingestAndPrint(folder, config, options.json ? SILENT_IO : io));
  if (options.json) io.out(JSON.stringify(summaries, null, 2));
  return summaries;
}

/** Ingests a folder through the ingest service and prints its summary. */
export async function ingestAndPrint(dir: string, config: AppConfig, io: CliIo): Promise<IngestSummary> {
  const summary = await ingestFolder(dir, config, { clock: config.clock, actor: userName() });
  for (const line of ingestSummaryLines(summary)) io.out(line);
  return summary;
}

export function registerIngestCommand(program: Command, io: CliIo): void {
  program
    .command("ingest")
    .description(
      "record the batch channel's answers from a folder: file receipts (ACRF) and notifications (NOTIFICATION), each validated against its official XSD, " +
        "linked to the file and form they answer; files received or rejected, forms accepted, accepted with warnings or refused, tickets and anomalies",
    )
    .requiredOption(
      "--dir <folder>",
      "the folder holding the answer files (FO.ACRF…, FO.NOTI… or any .xml), or an output folder: its answers/ and every month folder's answers/",
    )
    .option("--db <url>", "database URL (default EASR_DB_URL; the state in EASR_STATE_DB_URL or the same database)")
    .option("--env <T|R>", "the environment whose files the answers are for (default EASR_ENVIRONMENT)")
    .option("--json", "print each folder's ingest summary as JSON instead of the lines")
    .action(async (options: IngestOptions) => {
      await ingestCommand(options, io);
    });
}
