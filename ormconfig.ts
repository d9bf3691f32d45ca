/**
 * Every database connection of the adapter is made here, from a database URL: the ministry's source
 * database (read-only) and the adapter's own state. The default export serves the TypeORM CLI
 * (`npx typeorm-ts-node-commonjs -d ./ormconfig.ts migration:show`) on EASR_STATE_DB_URL.
 */
import "reflect-metadata";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from "typeorm";
import { assertDriverInstalled } from "./src/config/database-driver";
import { type DatabaseLocation, NoSuchDatabaseError, parseDatabaseUrl } from "./src/config/database-url";
import { createPrivateFileIfMissing, makeDirectory } from "./src/files/file-modes";
import { STATE_ENTITIES } from "./src/state/entities";
import { STATE_MIGRATIONS } from "./src/state/migrations";

export interface ConnectOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  /** Open an existing SQLite file read-only (the source database). */
  readOnly?: boolean;
}

let pgParsersInstalled = false;

/** pg turns DATE and TIMESTAMP into JS Dates in the process time zone; we want the stored text. */
function keepPostgresDatesAsText(): void {
  if (pgParsersInstalled) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { types } = require("pg") as typeof import("pg");
  types.setTypeParser(1082, (v: string) => v); // date
  types.setTypeParser(1114, (v: string) => v); // timestamp without time zone
  types.setTypeParser(1184, (v: string) => v); // timestamp with time zone: kept as text, refused by the reader (offset)
  pgParsersInstalled = true;
}

/**
 * The DataSource options for `location`. Throws DriverMissingError when its driver is not installed
 * (pg, mysql2 and mssql are optional: the configuration check says so at start-up already).
 */
export function dataSourceOptions(location: DatabaseLocation, options: ConnectOptions = {}): DataSourceOptions {
  assertDriverInstalled(location);
  const common = {
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: "easr_migrations",
    synchronize: false,
    logging: false,
  };
  switch (location.engine) {
    case "sqlite": {
      const file = location.file ?? ":memory:";
      return {
        ...common,
        type: "better-sqlite3",
        database: file,
        readonly: options.readOnly ?? false,
        timeout: 10_000,
        enableWAL: !options.readOnly,
      };
    }
    case "postgres":
      keepPostgresDatesAsText();
      return {
        ...common,
        type: "postgres",
        host: location.host,
        port: location.port,
        username: location.username,
        password: location.password,
        database: location.database,
      };
    case "mysql":
    case "mariadb":
      return {
        ...common,
        type: location.engine,
        host: location.host,
        port: location.port,
        username: location.username,
        password: location.password,
        database: location.database,
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: true,
      };
    case "mssql":
      return {
        ...common,
        type: "mssql",
        host: location.host ?? "localhost",
        port: location.port,
        username: location.username,
        password: location.password,
        database: location.database,
        options: {
          encrypt: location.params.encrypt !== "false",
          trustServerCertificate: location.params.trustServerCertificate === "true",
          useUTC: true,
        },
      };
  }
}

export function makeDataSource(url: string, options: ConnectOptions = {}): DataSource {
  return new DataSource(dataSourceOptions(parseDatabaseUrl(url), options));
}

/**
 * Throws NoSuchDatabaseError, with `hint`, when `url` names a SQLite file that does not exist; nothing
 * is created. (A server database that does not exist is the server's error, when it is opened.)
 */
export function assertDatabaseExists(url: string, hint: string): void {
  const location = parseDatabaseUrl(url);
  if (location.engine === "sqlite" && location.file !== undefined && location.file !== ":memory:" && !existsSync(location.file)) {
    throw new NoSuchDatabaseError(`no such database: ${location.display} (${hint})`);
  }
}

/**
 * Builds and opens a DataSource. A new SQLite file is created (empty, with its folder) before SQLite
 * opens it, with EASR_FILE_MODE / EASR_DIR_MODE: SQLite gives its -wal and -shm files the database
 * file's mode.
 */
export async function openDataSource(url: string, options: ConnectOptions = {}): Promise<DataSource> {
  const location = parseDatabaseUrl(url);
  if (location.engine === "sqlite" && location.file && location.file !== ":memory:" && !options.readOnly) {
    makeDirectory(dirname(location.file));
    createPrivateFileIfMissing(location.file);
  }
  const dataSource = new DataSource(dataSourceOptions(location, options));
  await dataSource.initialize();
  return dataSource;
}

/** Connects, asks `SELECT 1` and disconnects (`easr config --check`): nothing created, nothing migrated. */
export async function pingDatabase(url: string, options: ConnectOptions = {}): Promise<void> {
  const dataSource = await openDataSource(url, options);
  try {
    await dataSource.query("SELECT 1");
  } finally {
    await dataSource.destroy();
  }
}

/** For the TypeORM CLI only; the program itself opens its databases through openDataSource. */
function cliDataSource(): DataSource {
  const url = process.env.EASR_STATE_DB_URL ?? process.env.EASR_DB_URL ?? "sqlite:./data/ministry.sqlite";
  try {
    return makeDataSource(url, { entities: STATE_ENTITIES, migrations: STATE_MIGRATIONS });
  } catch {
    // A bad URL is reported by the program's own configuration check (exit 2), not at import time.
    return makeDataSource("sqlite::memory:", { entities: STATE_ENTITIES, migrations: STATE_MIGRATIONS });
  }
}

export default cliDataSource();
