/**
 * winston logger: readable lines on the console (stderr) and, once a file is attached, one JSON line
 * per event in it. Lines of a run carry its id (`runId` in JSON, `[run-5]` on the console). Every line
 * passes through INSZ masking: messages, metadata and stack traces alike.
 */
import { dirname } from "node:path";
import winston from "winston";
import { createPrivateFileIfMissing, makeDirectory } from "../files/file-modes";
import { maskInszDeep, maskInszInText } from "./insz-masking";
import { brusselsTime } from "./brussels-clock";
import { terminalSafe } from "./terminal-text";

export type Logger = winston.Logger;

const maskInsz = winston.format((info) => {
  const record = info as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    record[key] = typeof value === "string" ? maskInszInText(value) : maskInszDeep(value);
  }
  return info;
});

const consoleLine = winston.format.printf((info) => {
  const run = typeof info.runId === "string" ? `[${info.runId}] ` : "";
  const stack = typeof info.stack === "string" && info.level.includes("debug") ? `\n${info.stack}` : "";
  // A message may quote a source value: its control characters are shown, not obeyed.
  return terminalSafe(`${info.level}: ${run}${String(info.message)}${stack}`);
});

export interface LoggerOptions {
  readonly level?: "error" | "warn" | "info" | "debug";
  readonly console?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const transports: winston.transport[] = [];
  if (options.console !== false) {
    transports.push(
      new winston.transports.Console({
        level: options.level ?? "info",
        stderrLevels: ["error", "warn", "info", "debug"],
        format: consoleLine,
      }),
    );
  }
  return winston.createLogger({
    level: "debug",
    // Time stamps in Brussels time with their offset, like the console, the audit trail and the reports.
    format: winston.format.combine(
      winston.format.errors({ stack: true }),
      maskInsz(),
      winston.format.timestamp({ format: () => brusselsTime(new Date()).iso }),
    ),
    transports,
  });
}

/** Adds the JSON-lines log file (everything from debug up), creating it and its folder with their modes. Idempotent per path. */
export function attachLogFile(logger: Logger, path: string): void {
  const already = logger.transports.some(
    (t) => t instanceof winston.transports.File && (t as winston.transports.FileTransportInstance).filename === path.split("/").pop(),
  );
  if (already) return;
  makeDirectory(dirname(path));
  createPrivateFileIfMissing(path);
  logger.add(new winston.transports.File({ filename: path, level: "debug", format: winston.format.json() }));
}

/** Waits until every transport has written what it was given (before the process exits). */
export async function closeLogger(logger: Logger): Promise<void> {
  const finished = new Promise<void>((resolve) => logger.on("finish", () => resolve()));
  logger.end();
  // At most 2 s; the timer is not unref'd: the process must not end while main still waits here.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([finished, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)))]);
  clearTimeout(timer);
}
