/**
 * The database drivers. better-sqlite3 comes with the adapter (the embedded demo database); pg, mysql2
 * and mssql are optional peer dependencies, installed by whoever uses that database (README,
 * "Requirements"). A driver a database URL needs and that is not installed is a configuration error at
 * start-up (exit 2) naming the package to install, never a MODULE_NOT_FOUND stack from deep in TypeORM.
 */
import type { DatabaseEngine, DatabaseLocation } from "./database-url";

/** The npm package TypeORM loads for each engine. */
export const DRIVER_PACKAGES: Readonly<Record<DatabaseEngine, string>> = {
  sqlite: "better-sqlite3",
  postgres: "pg",
  mysql: "mysql2",
  mariadb: "mysql2",
  mssql: "mssql",
};

const ENGINE_NAMES: Readonly<Record<DatabaseEngine, string>> = {
  sqlite: "SQLite",
  postgres: "PostgreSQL",
  mysql: "MySQL",
  mariadb: "MariaDB",
  mssql: "SQL Server",
};

/** Finds a package as `require` would, returning its path; throws (code MODULE_NOT_FOUND) when it is not there. */
export type ModuleResolver = (request: string) => string;

/** `require.resolve` from here: the node_modules TypeORM loads its drivers from (both walk up from the package). */
export const resolveInstalled: ModuleResolver = (request) => require.resolve(request);

/** A database URL needs a driver that is not installed (exit 2). */
export class DriverMissingError extends Error {
  override readonly name: string = "DriverMissingError";
}

/**
 * What is wrong when the driver `engine` needs is not installed, e.g. "a SQL Server database needs the
 * driver mssql, which is not installed: npm install mssql"; null when it is. Other failures (a package
 * that cannot be read) are thrown as they are.
 */
export function missingDriver(engine: DatabaseEngine, resolve: ModuleResolver = resolveInstalled): string | null {
  const pkg = DRIVER_PACKAGES[engine];
  try {
    resolve(pkg);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code !== "MODULE_NOT_FOUND") throw error;
    return `a ${ENGINE_NAMES[engine]} database needs the driver ${pkg}, which is not installed: npm install ${pkg}`;
  }
}

/** Throws DriverMissingError, naming the database, when the driver of `location` is not installed. */
export function assertDriverInstalled(location: DatabaseLocation, resolve: ModuleResolver = resolveInstalled): void {
  const problem = missingDriver(location.engine, resolve);
  if (problem !== null) throw new DriverMissingError(`${location.display}: ${problem}`);
}
