/** A clock and a logger for the scheduler's tests: ticks driven by hand at a time the test sets, log lines the test reads. */
import { Writable } from "node:stream";
import winston from "winston";
import type { Clock } from "../../src/util/brussels-clock";

/** A clock that says what the test sets. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return this.current;
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** A winston logger whose lines the test reads. */
export function capturingLogger(): { logger: winston.Logger; lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const stream = new Writable({
    objectMode: true,
    write(info: { level: string; message: string }, _encoding, done) {
      lines.push({ level: info.level, message: String(info.message) });
      done();
    },
  });
  return { logger: winston.createLogger({ level: "debug", transports: [new winston.transports.Stream({ stream })] }), lines };
}
