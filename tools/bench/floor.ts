/**
 * The floor: what the machine needs at the least for a month's run on the same data (issue 17), three terms:
 * - read: the plainest, fastest read of the same rows with better-sqlite3 (`raw().iterate()`, one
 *   statement per table, the run's filters: notifications valid from the look-back date, their persons,
 *   those persons' assignments and their salary lines of the look-back months up to the run month, the
 *   reference tables and the payment calendar);
 * - validate: the run's own FI files checked against their schemas with the product's validator, over
 *   every core (floor-validation.ts): a form must be valid before its file gets a name;
 * - write: as many bytes as the run wrote, to one file, synced.
 *
 * The filters follow `monthSetting` (src/run/decision-pass.ts): the look-back starts 12 months before
 * the run month's school year.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { schoolYearOf } from "../../src/domain/school-year";
import { addMonths, firstDayOf, monthOf, type YearMonth } from "../../src/domain/year-month";
import { floorValidate, type ValidationFloor } from "./floor-validation";

export interface FloorMeasurement {
  readonly readSeconds: number;
  readonly validateSeconds: number;
  /** The validation term's details: files, bytes, chunks, threads, and xmllint's time for reference. */
  readonly validation: ValidationFloor;
  readonly writeSeconds: number;
  readonly totalSeconds: number;
  /** Rows read per statement. */
  readonly rows: Record<string, number>;
  readonly bytesWritten: number;
}

/** The run's read window for `runMonth` (as monthSetting computes it). */
export function readWindow(runMonth: YearMonth): { notificationsValidFrom: string; salaryFrom: YearMonth; salaryTo: YearMonth } {
  const lookbackStart = addMonths(monthOf(schoolYearOf(firstDayOf(runMonth)).start), -12);
  return { notificationsValidFrom: firstDayOf(lookbackStart), salaryFrom: lookbackStart, salaryTo: runMonth };
}

const NOTIFIED = "SELECT DISTINCT staff_id FROM rl16_notification WHERE valid_from >= @from OR valid_from IS NULL";

/** The statements of the floor read, by name. */
function floorStatements(db: Database.Database): [string, string][] {
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const statements: [string, string][] = [
    ["payment_calendar", "SELECT * FROM payment_calendar"],
    ["school_board", "SELECT * FROM school_board"],
    ["institution", "SELECT * FROM institution"],
    ["duplicate_message_refs", "SELECT message_ref FROM rl16_notification GROUP BY message_ref HAVING COUNT(*) > 1"],
    ["rl16_notification", "SELECT * FROM rl16_notification WHERE valid_from >= @from OR valid_from IS NULL"],
    ["staff_member", `SELECT s.* FROM staff_member s WHERE s.id IN (${NOTIFIED})`],
    ["assignment", `SELECT a.* FROM assignment a WHERE a.staff_id IN (${NOTIFIED})`],
    [
      "salary_line",
      `SELECT l.* FROM (${NOTIFIED}) p JOIN salary_line l ON l.staff_id = p.staff_id WHERE l.period_month BETWEEN @salaryFrom AND @salaryTo`,
    ],
  ];
  // Benefits-sector tables, when the database has them (the bench population leaves them empty).
  if (has("adapted_work")) statements.push(["adapted_work", "SELECT * FROM adapted_work WHERE end_date IS NULL OR end_date >= @fromDay"]);
  if (has("holiday_balance")) statements.push(["holiday_balance", "SELECT * FROM holiday_balance"]);
  return statements;
}

/** Reads the rows of the month's run from the SQLite file at `path`; returns the seconds and rows per statement (and `cells`, the values seen). */
export function floorRead(path: string, runMonth: YearMonth): { seconds: number; rows: Record<string, number> } {
  const window = readWindow(runMonth);
  const parameters = {
    from: window.notificationsValidFrom,
    salaryFrom: window.salaryFrom,
    salaryTo: window.salaryTo,
    fromDay: window.notificationsValidFrom,
  };
  const started = process.hrtime.bigint();
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const rows: Record<string, number> = {};
  let cells = 0;
  try {
    for (const [name, sql] of floorStatements(db)) {
      const statement = db.prepare(sql).raw(true);
      const used = Object.fromEntries(Object.entries(parameters).filter(([key]) => sql.includes(`@${key}`)));
      let count = 0;
      for (const row of statement.iterate(used) as IterableIterator<unknown[]>) {
        count++;
        cells += row.length;
      }
      rows[name] = count;
    }
  } finally {
    db.close();
  }
  rows.cells = cells;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows };
}

/** Writes `bytes` bytes to a new temporary file in 1 MiB chunks and syncs it; returns the seconds. */
export function floorWrite(bytes: number, dir: string = tmpdir()): number {
  const folder = mkdtempSync(join(dir, "easr-floor-"));
  const chunk = Buffer.alloc(1 << 20, 0x3c);
  const started = process.hrtime.bigint();
  try {
    const fd = openSync(join(folder, "floor.bin"), "w");
    try {
      for (let left = bytes; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(left, chunk.length));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The floor of one month on the SQLite file at `path`, validating the run's FI files `files` and writing
 * `bytes`: the faster of `tries` attempts.
 */
export async function measureFloor(
  path: string,
  runMonth: YearMonth,
  bytes: number,
  files: readonly string[],
  tries = 2,
): Promise<FloorMeasurement> {
  let best: FloorMeasurement | null = null;
  for (let attempt = 0; attempt < tries; attempt++) {
    const read = floorRead(path, runMonth);
    const validation = await floorValidate(files);
    const writeSeconds = floorWrite(bytes);
    const measurement = {
      readSeconds: read.seconds,
      validateSeconds: validation.seconds,
      validation,
      writeSeconds,
      totalSeconds: read.seconds + validation.seconds + writeSeconds,
      rows: read.rows,
      bytesWritten: bytes,
    };
    if (best === null || measurement.totalSeconds < best.totalSeconds) best = measurement;
  }
  return best!;
}
