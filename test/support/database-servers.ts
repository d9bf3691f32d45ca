/**
 * The database engines the integration suites run on, and the local database servers behind them.
 *
 * SQLite needs nothing. PostgreSQL and MariaDB are the servers of the machine (node-svc: trust / empty
 * root password on 127.0.0.1); every test workspace gets its own freshly created database on them,
 * named `easr_t_<time>_<random>`, and drops it again when it is removed.
 *
 * Selection:
 * - `EASR_TEST_ENGINES=sqlite,postgres` narrows the matrix (default: all three);
 * - `EASR_TEST_POSTGRES_URL` / `EASR_TEST_MARIADB_URL` point at another server; the URL names the
 *   administrative database the test databases are created from (default `…/test`).
 * A server that cannot be reached skips its engine's suites locally, with a message saying why; under
 * `CI=true` (set by `.ci/run`, which starts the servers) it fails them instead.
 */
import { randomBytes } from "node:crypto";
import type { Context } from "mocha";
import { type DatabaseLocation, parseDatabaseUrl } from "../../src/config/database-url";

export type TestEngine = "sqlite" | "postgres" | "mariadb";
export type ServerEngine = Exclude<TestEngine, "sqlite">;

const ALL_ENGINES: readonly TestEngine[] = ["sqlite", "postgres", "mariadb"];

/** The administrative database of each server: test databases are created and dropped through it. */
const ADMIN_URLS: Record<ServerEngine, string> = {
  postgres: process.env.EASR_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  mariadb: process.env.EASR_TEST_MARIADB_URL ?? "mariadb://root@127.0.0.1:3306/test",
};

/** How each server is started on the machine (node-svc.md); `.ci/run` does the same. */
const START_COMMANDS: Record<ServerEngine, string> = {
  postgres: "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
  mariadb: "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
};

/** Test databases left behind by a killed test process are dropped once they are this old. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
const DATABASE_PREFIX = "easr_t_";

function selectedEngines(list: string | undefined): readonly TestEngine[] {
  if (list === undefined || list.trim() === "") return ALL_ENGINES;
  const names = list.split(",").map((name) => name.trim().toLowerCase());
  for (const name of names) {
    if (!(ALL_ENGINES as readonly string[]).includes(name))
      throw new Error(`EASR_TEST_ENGINES: unknown engine "${name}" (use ${ALL_ENGINES.join(", ")})`);
  }
  return ALL_ENGINES.filter((engine) => names.includes(engine));
}

/** The engines the engine-parameterised suites run on, in a fixed order. */
export const ENGINES: readonly TestEngine[] = selectedEngines(process.env.EASR_TEST_ENGINES);

/** A statement runner on one connection to a server, closed by `close`. */
interface AdminConnection {
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function connect(engine: ServerEngine, location: DatabaseLocation): Promise<AdminConnection> {
  if (engine === "postgres") {
    const { Client } = await import("pg");
    const client = new Client({
      host: location.host,
      port: location.port,
      user: location.username,
      password: location.password,
      database: location.database,
      connectionTimeoutMillis: 3000,
    });
    await client.connect();
    return { query: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[], close: () => client.end() };
  }
  const mysql = await import("mysql2/promise");
  const connection = await mysql.createConnection({
    host: location.host,
    port: location.port,
    user: location.username,
    password: location.password,
    database: location.database,
    connectTimeout: 3000,
  });
  return { query: async (sql) => (await connection.query(sql))[0] as Record<string, unknown>[], close: () => connection.end() };
}

async function withAdmin<T>(engine: ServerEngine, work: (admin: AdminConnection) => Promise<T>): Promise<T> {
  const admin = await connect(engine, parseDatabaseUrl(ADMIN_URLS[engine]));
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

const reachability = new Map<ServerEngine, Promise<string | null>>();

/** Null when the server answers, else why not (asked once per process). */
function unreachableReason(engine: ServerEngine): Promise<string | null> {
  let answer = reachability.get(engine);
  if (!answer) {
    answer = withAdmin(engine, async (admin) => {
      await admin.query("SELECT 1");
      return null;
    }).catch((error: unknown) => (error instanceof Error ? error.message || error.name : String(error)));
    reachability.set(engine, answer);
  }
  return answer;
}

const warned = new Set<ServerEngine>();

/**
 * For a `before` hook of an engine's suite: returns when the engine can be used. An unreachable
 * server skips the suite (`this.skip()`), or fails it under CI=true.
 */
export async function requireEngine(context: Context, engine: TestEngine): Promise<void> {
  if (engine === "sqlite") return;
  const reason = await unreachableReason(engine);
  if (reason === null) return;
  const where = parseDatabaseUrl(ADMIN_URLS[engine]).display;
  const message = `${engine} server not reachable at ${where} (${reason})`;
  if (process.env.CI === "true") {
    throw new Error(`${message}: under CI=true the ${engine} suites must run (.ci/run starts the server)`);
  }
  if (!warned.has(engine)) {
    warned.add(engine);
    console.warn(`      skipping the ${engine} suites: ${message}; start it with: ${START_COMMANDS[engine]}`);
  }
  context.skip();
}

/** A database created for one test workspace. */
export interface ServerDatabase {
  readonly engine: ServerEngine;
  readonly name: string;
  /** The URL the program is given (`--db`). */
  readonly url: string;
  drop(): Promise<void>;
}

function urlOf(engine: ServerEngine, database: string): string {
  const url = new URL(ADMIN_URLS[engine]);
  url.pathname = `/${database}`;
  return url.toString();
}

function quoted(engine: ServerEngine, name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a test database name: ${name}`);
  return engine === "postgres" ? `"${name}"` : `\`${name}\``;
}

function dropStatement(engine: ServerEngine, name: string): string {
  // WITH (FORCE) ends sessions a failed test left open (PostgreSQL 13+).
  return engine === "postgres"
    ? `DROP DATABASE IF EXISTS ${quoted(engine, name)} WITH (FORCE)`
    : `DROP DATABASE IF EXISTS ${quoted(engine, name)}`;
}

/** The creation time encoded in a test database's name, or null for any other name. */
function createdAtOf(name: string): number | null {
  const match = new RegExp(`^${DATABASE_PREFIX}([0-9a-z]+)_[0-9a-f]+$`).exec(name);
  return match ? parseInt(match[1], 36) : null;
}

const staleSwept = new Set<ServerEngine>();

/** Drops the test databases of killed test processes (older than STALE_AFTER_MS); once per process. */
async function sweepStaleDatabases(engine: ServerEngine, admin: AdminConnection): Promise<void> {
  if (staleSwept.has(engine)) return;
  staleSwept.add(engine);
  const rows =
    engine === "postgres"
      ? await admin.query(`SELECT datname AS name FROM pg_database WHERE datname LIKE '${DATABASE_PREFIX}%'`)
      : await admin.query(`SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE '${DATABASE_PREFIX}%'`);
  for (const row of rows) {
    const name = String(row.name);
    const createdAt = createdAtOf(name);
    if (createdAt !== null && Date.now() - createdAt > STALE_AFTER_MS) await admin.query(dropStatement(engine, name));
  }
}

/** Creates a new, empty, uniquely named database on the engine's server. */
export async function createServerDatabase(engine: ServerEngine): Promise<ServerDatabase> {
  const name = `${DATABASE_PREFIX}${Date.now().toString(36)}_${randomBytes(5).toString("hex")}`;
  await withAdmin(engine, async (admin) => {
    await sweepStaleDatabases(engine, admin);
    // utf8mb4 on MariaDB whatever the server's default: names in the ministry data are Unicode.
    await admin.query(`CREATE DATABASE ${quoted(engine, name)}${engine === "mariadb" ? " CHARACTER SET utf8mb4" : ""}`);
  });
  return {
    engine,
    name,
    url: urlOf(engine, name),
    drop: () => withAdmin(engine, async (admin) => void (await admin.query(dropStatement(engine, name)))),
  };
}
