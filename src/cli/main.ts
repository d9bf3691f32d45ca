/**
 * The `easr` program. Parsing and printing only: every command calls into src/run (or src/source for
 * `db init`). Returns the exit code instead of exiting, so tests can drive it in-process.
 */
import { Command, CommanderError } from "commander";
import { NoSuchDatabaseError } from "../config/database-url";
import { ConfigError, describeConfig, fileModesFrom } from "../config/load-config";
import { useFileModes } from "../files/file-modes";
import { RunFailedError } from "../run/monthly-run";
import { ContractTablesExistError } from "../source/source-database";
import { LockTakenError } from "../state/run-lock";
import { maskInszInText } from "../util/insz-masking";
import { closeLogger, createLogger, type Logger } from "../util/logger";
import { type CliIo, processIo, terminalIo } from "./cli-io";
import { registerAuditCommand } from "./commands/audit-command";
import { registerChannelCommand } from "./commands/channel-command";
import { registerDbCommands } from "./commands/db-init-command";
import { registerDemoCommand } from "./commands/demo-command";
import { registerPayslipCommand } from "./commands/payslip-command";
import { registerExplainCommand } from "./commands/explain-command";
import { registerIngestCommand } from "./commands/ingest-command";
import { registerSimulateCommand } from "./commands/simulate-command";
import { registerReleaseCommand } from "./commands/release-command";
import { registerReportCommand } from "./commands/report-command";
import { registerRunCommand } from "./commands/run-command";
import { registerScheduleCommand } from "./commands/schedule-command";
import { EXIT_OK, EXIT_PUBLISHED_INCOMPLETE, EXIT_RUN_FAILED, EXIT_USAGE, UsageError } from "./exit-codes";
import { ReportsFailedError } from "../../reports/report-service";
import { PublishedRunError } from "../run/published-run-error";
import { StateMismatchError } from "../run/preflight";

export function buildProgram(io: CliIo, logger: () => Logger): Command {
  const program = new Command("easr")
    .description("edu-easr: e-ASR social-risk declarations (WECH003/WECH006, ZIMA002/ZIMA005) for AGODI/AHOVOKS staff, in batch")
    .option("-q, --quiet", "only warnings and errors on the console")
    .option("-v, --verbose", "debug lines on the console")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) });
  registerDbCommands(program, io);
  registerRunCommand(program, io, logger);
  registerReleaseCommand(program, io, logger);
  registerScheduleCommand(program, io, logger);
  registerDemoCommand(program, io, logger);
  registerReportCommand(program, io);
  registerPayslipCommand(program, io);
  registerExplainCommand(program, io);
  registerSimulateCommand(program, io);
  registerAuditCommand(program, io);
  registerIngestCommand(program, io);
  registerChannelCommand(program, io);
  program
    .command("config")
    .description("list the configuration variables with their meaning")
    .action(() => {
      for (const line of describeConfig()) io.out(line);
    });
  for (const command of program.commands) command.exitOverride().showHelpAfterError();
  refuseRepeatedValues(program);
  // Before any command writes: what it creates gets EASR_FILE_MODE / EASR_DIR_MODE (a bad value: exit 2).
  program.hook("preAction", (_program, command) => {
    if (command.name() !== "config") useFileModes(fileModesFrom(process.env));
  });
  return program;
}

/**
 * A single-value option given twice (`--month 2018-03 --month 2018-04`) is bad usage (exit 2), never
 * "the last wins": every option that takes one value, of every command, refuses a second one. The
 * values are not echoed (a database URL may hold a password). Options that collect their values
 * (`--reject-file`, with their own parser) are left as they are.
 */
function refuseRepeatedValues(command: Command): void {
  for (const option of command.options) {
    if (option.isBoolean() || option.negate || option.variadic || option.parseArg) continue;
    const key = option.attributeName();
    option.argParser((value: string) => {
      if (command.getOptionValueSource(key) === "cli") {
        command.error(`error: option '${option.flags}' is given twice: give it once`, { code: "easr.optionRepeated" });
      }
      return value;
    });
  }
  for (const sub of command.commands) refuseRepeatedValues(sub);
}

/** The commands that run a month: a failure of theirs that is not a PublishedRunError left nothing out. */
const RUN_COMMANDS = new Set(["run", "demo", "schedule", "release"]);

export async function main(argv: readonly string[], terminal: CliIo = processIo): Promise<number> {
  // Whatever a command prints, no control character of a source value reaches the terminal as it is.
  const io = terminalIo(terminal);
  let logger: Logger | undefined;
  const program = buildProgram(io, () => {
    const options = program.opts<{ quiet?: boolean; verbose?: boolean }>();
    logger ??= createLogger({ level: options.quiet ? "warn" : options.verbose ? "debug" : "info" });
    return logger;
  });
  let command = "";
  program.hook("preAction", (_program, action) => {
    command = action.name();
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version" ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof LockTakenError) {
      io.err(`easr: ${error.message}`);
      return EXIT_RUN_FAILED;
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof ContractTablesExistError || error instanceof NoSuchDatabaseError || error instanceof StateMismatchError) {
      io.err(`easr: ${maskInszInText(error.message)}`);
      return EXIT_USAGE;
    }
    const message = maskInszInText(error instanceof Error ? error.message : String(error));
    // The message tells what is on disk: files out with the run unfinished (3), or nothing written (1).
    if (error instanceof PublishedRunError || error instanceof ReportsFailedError) {
      io.err(`easr: ${message}`);
      return EXIT_PUBLISHED_INCOMPLETE;
    }
    io.err(RUN_COMMANDS.has(command) ? `easr: the run failed and wrote nothing: ${message}` : `easr ${command}: ${message}`);
    if (!(error instanceof RunFailedError) && error instanceof Error && error.stack) logger?.debug(error.stack);
    return EXIT_RUN_FAILED;
  } finally {
    if (logger) await closeLogger(logger);
  }
}
