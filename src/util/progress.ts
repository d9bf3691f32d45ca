/**
 * Progress of a long step: a bar with counts and rate on a terminal; plain periodic log lines when
 * the output is not a terminal (CI, cron), so that a log shows the run is alive without flooding it.
 */
import { SingleBar } from "cli-progress";
import type { Logger } from "./logger";

export interface Progress {
  /** `count` more items done. */
  advance(count: number): void;
  stop(): void;
}

/** `logger` (e.g. a run's child logger) is used for the plain lines instead of the reporter's own. */
export type ProgressFactory = (label: string, total: number | null, logger?: Logger) => Progress;

export const noProgress: ProgressFactory = () => ({ advance: () => undefined, stop: () => undefined });

export interface ProgressOptions {
  readonly logger: Logger;
  /** Draw a bar (stderr is a terminal and the console is not quiet). */
  readonly terminal: boolean;
  /** Seconds between plain lines when not drawing a bar. */
  readonly intervalSeconds?: number;
  readonly now?: () => number;
}

export function progressReporter(options: ProgressOptions): ProgressFactory {
  const now = options.now ?? (() => Date.now());
  return (label, total, lineLogger) => {
    const started = now();
    let done = 0;
    if (options.terminal) {
      const bar = new SingleBar({
        format: `${label.padEnd(10)} [{bar}] {value}/{total} persons | {rate}/s | {duration}s`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      });
      bar.start(total ?? 0, 0, { rate: 0 });
      return {
        advance(count) {
          done += count;
          const seconds = Math.max((now() - started) / 1000, 0.001);
          if (total === null) bar.setTotal(done);
          bar.update(done, { rate: Math.round(done / seconds) });
        },
        stop: () => bar.stop(),
      };
    }
    const interval = (options.intervalSeconds ?? 10) * 1000;
    let lastLine = started;
    const line = (final: boolean) => {
      const seconds = Math.max((now() - started) / 1000, 0.001);
      (lineLogger ?? options.logger).info(
        `${label}: ${done}${total === null ? "" : `/${total}`} persons, ${Math.round(done / seconds)}/s${final ? ", done" : ""}`,
      );
    };
    return {
      advance(count) {
        done += count;
        if (now() - lastLine >= interval) {
          lastLine = now();
          line(false);
        }
      },
      stop: () => line(true),
    };
  };
}
