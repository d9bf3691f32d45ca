/**
 * The `easr` program. Parsing and printing only: every command calls into src/run (or src/source for
 * `db init`). Returns the exit code instead of exiting, so tests can drive it in-process.
 */
import { Command } from "commander";
import { fileModesFrom } from "../config/load-config";
import { useFileModes } from "../files/file-modes";
import { versionLine } from "../util/build-info";
import { closeLogger, createLogger, type Logger } from "../util/logger";
import { type CliIo, processIo, terminalIo, watchStdout } from "./cli-io";
import { errorOutcome } from "./error-outcome";
import { registerAuditCommand } from "./commands/audit-command";
import { registerChannelCommand } from "./commands/channel-command";
import { registerConfigCommand } from "./commands/config-command";
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
import { EXIT_OK } from "./exit-codes";

export function buildProgram(io: CliIo, logger: () => Logger): Command {
  const program = new Command("easr")
    .description(
      "edu-easr: e-ASR social-risk declarations (WECH003, WECH006, ZIMA001, ZIMA002, ZIMA003, ZIMA005, ZIMA006) for AGODI/AHOVOKS staff, in batch",
    )
    .version(versionLine(), "-V, --version", "the version and the commit it was built from")
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
  registerConfigCommand(program, io);
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

export async function main(argv: readonly string[], terminal: CliIo = processIo): Promise<number> {
  if (terminal === processIo) watchStdout();
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
    const outcome = errorOutcome(error, command);
    if (outcome.message !== null) io.err(outcome.message);
    if (outcome.unforeseen && error instanceof Error && error.stack) logger?.debug(error.stack);
    return outcome.code;
  } finally {
    if (logger) await closeLogger(logger);
  }
}
