/**
 * Opens the adapter's own state database and brings its tables up to date with the migrations.
 * Migrations run under the run lock: two processes starting on a fresh database must not create the
 * same tables at once. A run passes its lock options and keeps the lock for its whole duration; any
 * other use takes the lock only when a migration is actually pending.
 */
import type { DataSource } from "typeorm";
import { assertDatabaseExists, openDataSource } from "../../ormconfig";
import { STATE_ENTITIES } from "./entities";
import { STATE_MIGRATIONS } from "./migrations";
import { acquireRunLock, type LockOptions, type RunLock } from "./run-lock";

const MIGRATIONS_TABLE = "easr_migrations";

/** True when every migration is recorded as applied — checked without creating anything. */
async function migrationsComplete(dataSource: DataSource): Promise<boolean> {
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable(MIGRATIONS_TABLE))) return false;
    const rows = (await runner.query(`SELECT COUNT(*) AS n FROM ${MIGRATIONS_TABLE}`)) as Record<string, unknown>[];
    return Number(Object.values(rows[0])[0]) >= STATE_MIGRATIONS.length;
  } finally {
    await runner.release();
  }
}

export interface OpenedState {
  readonly dataSource: DataSource;
  /** The run lock, when asked for: held until released by the caller. */
  readonly lock: RunLock | null;
}

export interface StateDatabaseOptions {
  /** Taken before anything else (migrations included) and held until the caller releases it. */
  readonly runLock?: LockOptions;
  /** For commands that only read the state: a SQLite state database that does not exist is a NoSuchDatabaseError, never created. */
  readonly existing?: boolean;
}

export async function openStateDatabase(url: string, options: StateDatabaseOptions = {}): Promise<OpenedState> {
  if (options.existing) assertDatabaseExists(url, "a run creates the state database: is --db, EASR_STATE_DB_URL or EASR_DB_URL right?");
  const dataSource = await openDataSource(url, { entities: STATE_ENTITIES, migrations: STATE_MIGRATIONS });
  let lock: RunLock | null = null;
  try {
    if (options.runLock) lock = await acquireRunLock(dataSource, options.runLock);
    if (!(await migrationsComplete(dataSource))) {
      const migrationLock = lock ? null : await acquireRunLock(dataSource, { waitSeconds: 120, holder: "state migration" });
      try {
        await dataSource.runMigrations({ transaction: "each" });
      } finally {
        await migrationLock?.release();
      }
    }
  } catch (error) {
    await lock?.release().catch(() => undefined);
    await dataSource.destroy();
    throw error;
  }
  return { dataSource, lock };
}
