import { terminalSafe } from "../util/terminal-text";

/** Where a command prints: the real process streams, or buffers in tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The same destination, every line with its control characters shown as escapes. */
export function terminalIo(io: CliIo): CliIo {
  return { out: (line) => io.out(terminalSafe(line)), err: (line) => io.err(terminalSafe(line)) };
}
