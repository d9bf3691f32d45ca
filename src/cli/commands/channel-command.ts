import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Command } from "commander";
import { type ChannelReport, type SimulatedChannelOptions, simulateChannel } from "../../../tools/channel/simulated-channel";
import { parseYearMonth } from "../../domain/year-month";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { registerChannelTransferCommands } from "./channel-transfer-command";

export interface ChannelSimulateOptions {
  dir: string;
  answers?: string;
  refuseEvery?: string;
  warnEvery?: string;
  rejectFile?: string[];
  seed?: string;
}

/**
 * The folders to answer: `dir` itself when it is a month folder (named YYYY-MM, or holding FI files),
 * otherwise its subfolders named YYYY-MM, in month order (so `dry-run/` and the like are left alone).
 */
export function monthFoldersOf(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--dir: ${dir} is not a folder`);
  const entries = readdirSync(dir, { withFileTypes: true });
  if (parseYearMonth(basename(dir)) !== null || entries.some((e) => e.isFile() && e.name.startsWith("FI."))) return [dir];
  return entries
    .filter((e) => e.isDirectory() && parseYearMonth(e.name) !== null)
    .map((e) => join(dir, e.name))
    .sort();
}

function positiveWhole(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) throw new UsageError(`${flag} must be a whole number of at least 1, got "${text}"`);
  return Number(text);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** One line per answered file: the answers' names and, for a notification, its counts (never an INSZ). */
function answerLines(report: ChannelReport): string[] {
  const lines: string[] = [];
  for (const file of report.answered) {
    const parts: string[] = [];
    if (file.receipt)
      parts.push(`${file.receipt.fileName} ${file.receipt.received ? "received" : `rejected (${file.receipt.errorIds.join(", ")})`}`);
    if (file.notification) {
      const forms = file.notification.forms;
      const count = (outcome: string) => forms.filter((f) => f.outcome === outcome).length;
      parts.push(
        `${file.notification.fileName} ${plural(forms.length, "form")}: ${count("accepted")} accepted, ${count("accepted-with-warnings")} with warnings, ${count("refused")} refused${file.receipt ? "" : " (its receipt was there already)"}`,
      );
    }
    lines.push(`  ${file.fileName} -> ${parts.join("; ")}`);
  }
  return lines;
}

/** `easr channel simulate`: answers what is unanswered in every month folder and prints what it wrote. */
export async function channelSimulateCommand(options: ChannelSimulateOptions, io: CliIo): Promise<ChannelReport[]> {
  const refuseEvery = positiveWhole("--refuse-every", options.refuseEvery);
  const warnEvery = positiveWhole("--warn-every", options.warnEvery);
  const answersDir = options.answers === undefined ? undefined : resolve(options.answers);
  if (answersDir !== undefined && existsSync(answersDir) && !statSync(answersDir).isDirectory())
    throw new UsageError(`--answers: ${answersDir} is not a folder`);
  return answerAndPrint(
    monthFoldersOf(resolve(options.dir)),
    { answersDir, refuseEvery, warnEvery, rejectFiles: options.rejectFile ?? [], seed: options.seed },
    io,
  );
}

/** Answers the month folders with the simulated channel and prints what it wrote. */
export async function answerAndPrint(folders: readonly string[], options: SimulatedChannelOptions, io: CliIo): Promise<ChannelReport[]> {
  const { answersDir, refuseEvery, warnEvery, seed, clock } = options;
  const rejectFiles = options.rejectFiles ?? [];
  const reports: ChannelReport[] = [];
  for (const folder of folders) {
    const report = await simulateChannel(folder, { answersDir, refuseEvery, warnEvery, rejectFiles, seed, clock });
    reports.push(report);
    if (report.removedLeftovers.length > 0)
      io.out(`${folder}: removed ${plural(report.removedLeftovers.length, "incomplete answer file")} from ${report.answersDir}`);
    if (report.answered.length === 0) continue;
    io.out(`${folder}: answers in ${report.answersDir}`);
    for (const line of answerLines(report)) io.out(line);
  }

  const answered = reports.flatMap((r) => r.answered);
  const forms = answered.flatMap((f) => f.notification?.forms ?? []);
  const count = (outcome: string) => forms.filter((f) => f.outcome === outcome).length;
  const rejected = answered.filter((f) => f.receipt && !f.receipt.received).length;
  const already = reports.reduce((n, r) => n + r.alreadyAnswered.length, 0);
  const waiting = reports.reduce((n, r) => n + r.waiting.length, 0);
  io.out(
    `channel: ${plural(answered.length, "file")} answered (${rejected} rejected) in ${plural(folders.length, "folder")}; ` +
      `${plural(forms.length, "form")}: ${count("accepted")} accepted, ${count("accepted-with-warnings")} with warnings, ${count("refused")} refused; ` +
      `${already} already answered, ${waiting} waiting for their GO file`,
  );
  const used = new Set(answered.filter((f) => f.receipt && !f.receipt.received).flatMap((f) => [f.fileName, f.goFileName]));
  for (const name of rejectFiles) {
    if (!used.has(name)) io.err(`warning: --reject-file ${name}: no file of that name was answered now, nothing rejected for it`);
  }
  return reports;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerChannelCommand(program: Command, io: CliIo): void {
  const channel = program
    .command("channel")
    .description(
      "the batch channel: send the written files and fetch the answers (EASR_CHANNEL_URL), or a simulated channel that answers them",
    );
  registerChannelTransferCommands(channel, io);
  channel
    .command("simulate")
    .description(
      "answer every FI file that has its GO file and no answer yet with a file receipt (FO.ACRF…) and a notification per form (FO.NOTI…), valid against the official XSDs",
    )
    .requiredOption("--dir <folder>", "the output folder (its YYYY-MM month folders are answered) or one month folder")
    .option("--answers <folder>", "where the answers go (default <month folder>/answers)")
    .option("--refuse-every <n>", "refuse the forms at positions n, 2n, … of each file (blocking anomaly, ResultCode 0)")
    .option("--warn-every <n>", "accept with a warning the forms at positions n, 2n, … of each file that are not refused")
    .option("--reject-file <name>", "reject this FI or GO file (negative file receipt, no notification); repeatable", collect, [])
    .option("--seed <text>", "mixed into the tickets, so that another seed gives other tickets (default easr)")
    .action(async (options: ChannelSimulateOptions) => {
      await channelSimulateCommand(options, io);
    });
}
