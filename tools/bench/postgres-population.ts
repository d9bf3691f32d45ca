/**
 * The benchmark's population on PostgreSQL, when a server answers (default
 * `postgres://postgres@127.0.0.1:5432/postgres`, or EASR_BENCH_POSTGRES_URL naming the administrative
 * database): a database `easr_bench_<staff>_<notified>_<seed>_v<version>` holding the same rows as the
 * cached SQLite file, copied in batches of multi-row INSERTs (`unnest` of one array per column). The
 * tables come from `createContractTables`, the foreign-key indexes from BENCH_INDEXES. The copy is
 * filled under a `_partial` name and renamed when complete, so an existing database is a whole one.
 */
import { connect } from "node:net";
import Database from "better-sqlite3";
import { Client } from "pg";
import { createContractTables } from "../../src/source/source-database";
import { BENCH_INDEXES } from "./population-database";
import { GENERATOR_VERSION, type PopulationScale, POPULATION_TABLES } from "./synthetic-population";
import type { ColumnKind } from "../../src/source/contract";

export const DEFAULT_POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** Whether something listens at the URL's host and port (within `timeoutMs`). */
export function serverAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const parsed = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: parsed.hostname, port: Number(parsed.port || 5432) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function arrayType(type: ColumnKind): string {
  switch (type.kind) {
    case "integer":
      return "int4[]";
    case "smallint":
      return "int2[]";
    case "date":
      return "date[]";
    case "timestamp":
      return "timestamp[]";
    case "decimal":
      return "numeric[]";
    case "char":
    case "varchar":
      return "text[]";
  }
}

/** The population database of `scale` on the server, copied from the SQLite file first when missing; returns its URL and the seconds the copy took (null when reused). */
export async function ensurePostgresPopulation(
  scale: PopulationScale,
  sqlitePath: string,
  adminUrl = DEFAULT_POSTGRES_ADMIN_URL,
): Promise<{ url: string; copiedSeconds: number | null }> {
  const name = `easr_bench_${scale.staff}_${scale.notified}_${scale.seed}_v${GENERATOR_VERSION}`;
  const partial = `${name}_partial`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = async (database: string) =>
      (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount! > 0;
    if (await exists(name)) return { url: databaseUrl(adminUrl, name), copiedSeconds: null };
    const started = process.hrtime.bigint();
    if (await exists(partial)) await admin.query(`DROP DATABASE "${partial}"`);
    await admin.query(`CREATE DATABASE "${partial}"`);
    const partialUrl = databaseUrl(adminUrl, partial);
    await createContractTables(partialUrl);
    await copyRows(sqlitePath, partialUrl);
    await admin.query(`ALTER DATABASE "${partial}" RENAME TO "${name}"`);
    return { url: databaseUrl(adminUrl, name), copiedSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    await admin.end();
  }
}

async function copyRows(sqlitePath: string, url: string, batch = 10_000): Promise<void> {
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const target = new Client({ connectionString: url });
  await target.connect();
  try {
    for (const table of POPULATION_TABLES) {
      const names = table.columns.map((column) => `"${column.name}"`).join(", ");
      const unnest = table.columns.map((column, index) => `$${index + 1}::${arrayType(column.type)}`).join(", ");
      const insert = `INSERT INTO "${table.name}" (${names}) SELECT * FROM unnest(${unnest})`;
      const columns: unknown[][] = table.columns.map(() => []);
      const flush = async () => {
        if (columns[0].length === 0) return;
        await target.query(insert, columns);
        for (const column of columns) column.length = 0;
      };
      await target.query("BEGIN");
      for (const row of source.prepare(`SELECT ${names} FROM "${table.name}"`).raw(true).iterate() as IterableIterator<unknown[]>) {
        row.forEach((value, index) => columns[index].push(value === null ? null : typeof value === "number" ? String(value) : value));
        if (columns[0].length >= batch) await flush();
      }
      await flush();
      await target.query("COMMIT");
    }
    for (const statement of BENCH_INDEXES) await target.query(statement);
    await target.query("ANALYZE");
  } finally {
    source.close();
    await target.end();
  }
}
