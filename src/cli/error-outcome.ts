/**
 * What `easr` says and returns when a command fails: one mapping of errors to messages and exit codes.
 * The message tells what is on disk — "the run failed and wrote nothing" only for a command that runs
 * months and only when nothing of it is out; files out with the run unfinished are exit 3.
 */
import { CommanderError } from "commander";
import { ReportsFailedError } from "../../reports/report-service";
import { ChannelFailure } from "../channel/transport/channel-failure";
import { ConfigError } from "../config/load-config";
import { ChannelIncompleteError } from "./commands/channel-transfer-command";
import { DriverMissingError } from "../config/database-driver";
import { NoSuchDatabaseError } from "../config/database-url";
import { RunFailedError } from "../run/decision-pass";
import { StateMismatchError } from "../run/preflight";
import { PublishedRunError } from "../run/published-run-error";
import { ContractTablesExistError } from "../source/source-database";
import { LockTakenError } from "../state/run-lock";
import { maskInszInText } from "../util/insz-masking";
import { EXIT_OK, EXIT_PUBLISHED_INCOMPLETE, EXIT_RUN_FAILED, EXIT_USAGE, UsageError } from "./exit-codes";

/** The commands that run a month: a failure of theirs that is not a PublishedRunError left nothing out. */
const RUN_COMMANDS: ReadonlySet<string> = new Set(["run", "demo", "schedule", "release"]);

export interface ErrorOutcome {
  readonly code: number;
  /** The line for stderr (INSZ masked), or null when commander has printed its own. */
  readonly message: string | null;
  /** Whether the stack is worth a debug line: an error nobody foresaw. */
  readonly unforeseen: boolean;
}

function isUsage(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof ContractTablesExistError ||
    error instanceof NoSuchDatabaseError ||
    error instanceof DriverMissingError ||
    error instanceof StateMismatchError
  );
}

/** The outcome of `error`, thrown by the command named `command` ("" before a command was chosen). */
export function errorOutcome(error: unknown, command: string): ErrorOutcome {
  if (error instanceof CommanderError) {
    const help = error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version";
    return { code: help ? EXIT_OK : EXIT_USAGE, message: null, unforeseen: false };
  }
  const text = maskInszInText(error instanceof Error ? error.message : String(error));
  if (error instanceof LockTakenError) return { code: EXIT_RUN_FAILED, message: `easr: ${text}`, unforeseen: false };
  if (isUsage(error)) return { code: EXIT_USAGE, message: `easr: ${text}`, unforeseen: false };
  if (error instanceof PublishedRunError || error instanceof ReportsFailedError)
    return { code: EXIT_PUBLISHED_INCOMPLETE, message: `easr: ${text}`, unforeseen: false };
  const message = RUN_COMMANDS.has(command)
    ? `easr: the run failed and wrote nothing: ${text}`
    : `easr${command ? ` ${command}` : ""}: ${text}`;
  const foreseen = error instanceof RunFailedError || error instanceof ChannelIncompleteError || error instanceof ChannelFailure;
  return { code: EXIT_RUN_FAILED, message, unforeseen: !foreseen };
}
