import type { Logger } from "../util/logger";

/** A progress bar only on an interactive terminal, and not when the console is quiet. */
export function terminalProgress(logger: Logger): boolean {
  const consoleLevel = logger.transports.find((t) => t.constructor.name === "Console")?.level ?? "info";
  return Boolean(process.stderr.isTTY) && consoleLevel !== "warn" && consoleLevel !== "error" && !process.env.CI;
}
