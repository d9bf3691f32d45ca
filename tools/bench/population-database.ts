/**
 * The benchmark's population as a SQLite file, made once and cached under `data/bench/`: the name
 * carries staff, notified, seed and generator version, and a file is only renamed into place when it
 * is complete, so a cached file is always a whole one. The tables are created by the project's own
 * `createContractTables` (as `easr db init` does), so the column types are the contract's; the rows go
 * in with better-sqlite3 prepared statements in one transaction.
 *
 * The file also gets the indexes any payroll database has on its foreign keys (staff_id, board_id)
 * and fresh statistics (ANALYZE): the contract does not ask for them, a real database of 200,000
 * staff has them.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createContractTables } from "../../src/source/source-database";
import {
  GENERATOR_VERSION,
  generateSyntheticPopulation,
  type PopulationCounts,
  type PopulationScale,
  POPULATION_TABLES,
  type PopulationValue,
} from "./synthetic-population";

/** Indexes on the foreign keys the run filters on. */
export const BENCH_INDEXES: readonly string[] = [
  "CREATE INDEX IF NOT EXISTS ix_bench_institution_board ON institution (board_id)",
  "CREATE INDEX IF NOT EXISTS ix_bench_assignment_staff ON assignment (staff_id)",
  "CREATE INDEX IF NOT EXISTS ix_bench_salary_line_staff ON salary_line (staff_id, period_month)",
  "CREATE INDEX IF NOT EXISTS ix_bench_rl16_staff ON rl16_notification (staff_id)",
];

export function populationFileName(scale: PopulationScale): string {
  return `population-${scale.staff}-${scale.notified}-${scale.seed}-v${GENERATOR_VERSION}.sqlite`;
}

export interface PopulationFile {
  readonly path: string;
  /** Seconds spent generating; null when the cached file was used. */
  readonly generatedSeconds: number | null;
  /** Rows per table (counted in the file). */
  readonly rows: Record<string, number>;
}

/** The cached population file of `scale` under `dir`, generated first when missing. */
export async function ensureSqlitePopulation(scale: PopulationScale, dir: string): Promise<PopulationFile> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, populationFileName(scale));
  let generatedSeconds: number | null = null;
  if (!existsSync(path)) {
    const started = process.hrtime.bigint();
    const partial = `${path}.partial`;
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
    await writeSqlitePopulation(scale, partial);
    renameSync(partial, path);
    generatedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return { path, generatedSeconds, rows: countRows(path) };
}

/** Creates the contract tables in a new SQLite file at `path` and writes the population of `scale`. */
export async function writeSqlitePopulation(scale: PopulationScale, path: string): Promise<PopulationCounts> {
  await createContractTables(`sqlite:${path}`);
  const db = new Database(path);
  try {
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    db.pragma("cache_size = -200000");
    const inserts = new Map<string, Database.Statement>();
    for (const table of POPULATION_TABLES) {
      const names = table.columns.map((column) => `"${column.name}"`).join(", ");
      const marks = table.columns.map(() => "?").join(", ");
      inserts.set(table.name, db.prepare(`INSERT INTO "${table.name}" (${names}) VALUES (${marks})`));
    }
    const counts = db.transaction(() =>
      generateSyntheticPopulation(scale, (table: string, values: PopulationValue[]) => {
        inserts.get(table)!.run(values);
      }),
    )();
    for (const statement of BENCH_INDEXES) db.exec(statement);
    db.exec("ANALYZE");
    db.pragma("journal_mode = DELETE");
    return counts;
  } finally {
    db.close();
  }
}

/** Rows per population table of the file. */
export function countRows(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows: Record<string, number> = {};
    for (const table of POPULATION_TABLES)
      rows[table.name] = Number((db.prepare(`SELECT COUNT(*) AS n FROM "${table.name}"`).get() as { n: number }).n);
    rows.notified_staff = Number((db.prepare(`SELECT COUNT(DISTINCT staff_id) AS n FROM rl16_notification`).get() as { n: number }).n);
    return rows;
  } finally {
    db.close();
  }
}
