/**
 * node-cron's own log lines (a tick blocked by overlap prevention, a missed tick, a failing task)
 * routed through our winston logger instead of the console, so they land in the JSON log file too.
 */
import type { Logger as CronLogger } from "node-cron";
import type { Logger } from "../src/util/logger";

export function cronLogger(logger: Logger): CronLogger {
  const log = (level: "error" | "debug", message: string | Error, error?: Error): void => {
    const cause = error ?? (message instanceof Error ? message : undefined);
    const text = message instanceof Error ? message.message : message;
    logger.log(level, `node-cron: ${text}`, cause ? { error: cause.message, stack: cause.stack } : {});
  };
  return {
    info: (message) => logger.info(`node-cron: ${message}`),
    warn: (message) => logger.warn(`node-cron: ${message}`),
    error: (message, error) => log("error", message, error),
    debug: (message, error) => log("debug", message, error),
  };
}
