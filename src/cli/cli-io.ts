import { terminalSafe } from "../util/terminal-text";

/** Where a command prints: the real process streams, or buffers in tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Whether stdout's reader has gone (`easr audit --json | head -3`): what is left to print is dropped, the
 * command runs to its end and exits with its own code — a reader that has read enough is no failure.
 */
let stdoutGone = false;
let watching = false;

/** Listens once for stdout's EPIPE (any other stream error stays an error). */
export function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") stdoutGone = true;
    else throw error;
  });
}

export const processIo: CliIo = {
  out: (line) => {
    if (!stdoutGone) process.stdout.write(`${line}\n`);
  },
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Prints nothing: for `--json`, whose only output is the JSON at the end (the log goes to stderr). */
export const SILENT_IO: CliIo = { out: () => undefined, err: () => undefined };

/** The same destination, every line with its control characters shown as escapes. */
export function terminalIo(io: CliIo): CliIo {
  return { out: (line) => io.out(terminalSafe(line)), err: (line) => io.err(terminalSafe(line)) };
}
