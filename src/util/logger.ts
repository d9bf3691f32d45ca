/**
 * winston logger: readable lines on the console (stderr), and — when a file is given — one JSON line
 * per event. Every line passes through INSZ masking, messages, metadata and stack traces alike.
 */
import winston from "winston";
import { maskInszDeep, maskInszInText } from "./insz-masking";

export type Logger = winston.Logger;

const maskInsz = winston.format((info) => {
  for (const key of Object.keys(info)) {
    const value = (info as Record<string, unknown>)[key];
    (info as Record<string, unknown>)[key] = typeof value === "string" ? maskInszInText(value) : maskInszDeep(value);
  }
  if (typeof info.message === "string") info.message = maskInszInText(info.message);
  return info;
});

export interface LoggerOptions {
  readonly level?: "error" | "warn" | "info" | "debug";
  readonly file?: string;
  readonly console?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const transports: winston.transport[] = [];
  if (options.console !== false) {
    transports.push(
      new winston.transports.Console({
        stderrLevels: ["error", "warn", "info", "debug"],
        format: winston.format.combine(winston.format.printf((info) => `${info.level}: ${String(info.message)}`)),
      }),
    );
  }
  if (options.file) {
    transports.push(new winston.transports.File({ filename: options.file, format: winston.format.json() }));
  }
  return winston.createLogger({
    level: options.level ?? "info",
    format: winston.format.combine(winston.format.errors({ stack: true }), maskInsz(), winston.format.timestamp()),
    transports,
    silent: transports.length === 0,
  });
}
