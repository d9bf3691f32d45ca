/**
 * Database URLs as the operator writes them: `sqlite:<path>`, `postgres://…`, `mysql://…`,
 * `mariadb://…`, `mssql://…`. Parsing only; the DataSource is built in ormconfig.ts.
 */
export type DatabaseEngine = "sqlite" | "postgres" | "mysql" | "mariadb" | "mssql";

export interface DatabaseLocation {
  readonly engine: DatabaseEngine;
  /** sqlite: the file path (or ":memory:"). */
  readonly file?: string;
  readonly host?: string;
  readonly port?: number;
  readonly username?: string;
  readonly password?: string;
  readonly database?: string;
  /** Query parameters, e.g. `encrypt=false&trustServerCertificate=true` for mssql. */
  readonly params: Readonly<Record<string, string>>;
  /** The URL with the password hidden, for messages and logs. */
  readonly display: string;
}

export class DatabaseUrlError extends Error {
  override readonly name: string = "DatabaseUrlError";
}

/** A SQLite database that should be there is not: a command that only reads or fills it never creates it (exit 2). */
export class NoSuchDatabaseError extends Error {
  override readonly name: string = "NoSuchDatabaseError";
}

const SERVER_ENGINES: Record<string, DatabaseEngine> = {
  "postgres:": "postgres",
  "postgresql:": "postgres",
  "mysql:": "mysql",
  "mariadb:": "mariadb",
  "mssql:": "mssql",
  "sqlserver:": "mssql",
};

const DEFAULT_PORTS: Record<DatabaseEngine, number> = { sqlite: 0, postgres: 5432, mysql: 3306, mariadb: 3306, mssql: 1433 };

export function parseDatabaseUrl(url: string): DatabaseLocation {
  const text = url.trim();
  if (text.startsWith("sqlite:")) {
    const file = text.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (file === "") throw new DatabaseUrlError(`database URL "${text}" names no SQLite file (write sqlite:./data/ministry.sqlite)`);
    return { engine: "sqlite", file, params: {}, display: text };
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    // Not echoed: an unparseable URL may still hold a password.
    throw new DatabaseUrlError("the database URL is not a URL (expected sqlite:<path>, postgres://, mysql://, mariadb:// or mssql://)");
  }
  const engine = SERVER_ENGINES[parsed.protocol];
  if (!engine) {
    throw new DatabaseUrlError(
      `database URL scheme "${parsed.protocol}" is not supported (use sqlite:, postgres://, mysql://, mariadb:// or mssql://)`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!parsed.hostname) throw new DatabaseUrlError(`database URL "${redact(parsed)}" names no host`);
  if (!database) throw new DatabaseUrlError(`database URL "${redact(parsed)}" names no database (…/<database>)`);
  return {
    engine,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : DEFAULT_PORTS[engine],
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database,
    params: Object.fromEntries(parsed.searchParams.entries()),
    display: redact(parsed),
  };
}

function redact(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = "****";
  return copy.toString();
}
