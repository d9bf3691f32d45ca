/**
 * One run at a time: a lock held for the whole run on the state database's own engine —
 * PostgreSQL advisory lock, MariaDB/MySQL GET_LOCK, SQL Server sp_getapplock (all session locks on a
 * connection kept for the run, so a killed process loses them with its connection) — and, for SQLite,
 * an exclusive lock file beside the database (created with O_EXCL; a holder that no longer runs on
 * this host is recognised and its file removed).
 */
import { closeSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import type { DataSource, QueryRunner } from "typeorm";
import { openPrivateFile } from "../files/file-modes";

export class LockTakenError extends Error {
  override readonly name: string = "LockTakenError";
}

export interface RunLock {
  release(): Promise<void>;
}

const LOCK_NAME = "edu_easr_run";
/** A fixed 32-bit key for pg_advisory_lock ("easr" in ASCII). */
const PG_LOCK_KEY = 0x65617372;

export interface LockOptions {
  /** How long to wait for another run to finish before giving up (0: do not wait). */
  readonly waitSeconds: number;
  /** Who asks, for the lock file and the message to the one who waits. */
  readonly holder: string;
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function taken(waitSeconds: number, who: string): LockTakenError {
  return new LockTakenError(
    `another run holds the run lock${who ? ` (${who})` : ""}${waitSeconds > 0 ? `; waited ${waitSeconds} s` : ""}: only one run at a time (set EASR_LOCK_WAIT_SECONDS to wait)`,
  );
}

async function sessionLock(
  dataSource: DataSource,
  options: LockOptions,
  tryOnce: (runner: QueryRunner) => Promise<boolean>,
  unlock: (runner: QueryRunner) => Promise<void>,
): Promise<RunLock> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + options.waitSeconds * 1000;
  try {
    for (;;) {
      if (await tryOnce(runner)) break;
      if (Date.now() >= deadline) throw taken(options.waitSeconds, "");
      await sleep(1000);
    }
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
    throw error;
  }
  return {
    async release() {
      try {
        await unlock(runner);
      } finally {
        await runner.release();
      }
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function fileLock(path: string, options: LockOptions): Promise<RunLock> {
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + options.waitSeconds * 1000;
  for (;;) {
    try {
      const fd = openPrivateFile(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), holder: options.holder, since: new Date().toISOString() }));
      closeSync(fd);
      return { release: async () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: { pid?: number; host?: string; holder?: string; since?: string } = {};
    try {
      holder = JSON.parse(readFileSync(path, "utf8")) as typeof holder;
    } catch {
      // Being written this very moment, or unreadable: treat as held and look again.
    }
    if (holder.host === hostname() && typeof holder.pid === "number" && !isAlive(holder.pid)) {
      rmSync(path, { force: true }); // the holder was killed: its lock dies with it
      continue;
    }
    if (Date.now() >= deadline)
      throw taken(
        options.waitSeconds,
        `${holder.holder ?? "?"}, pid ${holder.pid ?? "?"} on ${holder.host ?? "?"} since ${holder.since ?? "?"}`,
      );
    await sleep(500);
  }
}

export async function acquireRunLock(dataSource: DataSource, options: LockOptions): Promise<RunLock> {
  const type = dataSource.options.type;
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- TypeORM's list of engines: those the adapter does not run on fall to the default
  switch (type) {
    case "postgres":
      return sessionLock(
        dataSource,
        options,
        async (runner) => Boolean((await runner.query("SELECT pg_try_advisory_lock($1) AS ok", [PG_LOCK_KEY]))[0].ok),
        async (runner) => void (await runner.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_KEY])),
      );
    case "mysql":
    case "mariadb": {
      // GET_LOCK names are server-wide (advisory and application locks of PostgreSQL and SQL Server are
      // per database): the database's name keeps two adapters on one server apart. At most 64 characters.
      const name = `${LOCK_NAME}:${String((dataSource.options as { database?: string }).database ?? "")}`.slice(0, 64);
      return sessionLock(
        dataSource,
        options,
        async (runner) => Number((await runner.query("SELECT GET_LOCK(?, 0) AS ok", [name]))[0].ok) === 1,
        async (runner) => void (await runner.query("SELECT RELEASE_LOCK(?)", [name])),
      );
    }
    case "mssql":
      // TypeORM's SQL Server query runner takes any pooled connection per query unless a transaction is
      // open, so a session lock could be taken and released on different connections. The lock is held
      // by a transaction the runner keeps open for the whole run instead (it pins one connection); ending
      // the transaction releases it, and so does a killed process's dropped connection.
      return sessionLock(
        dataSource,
        options,
        async (runner) => {
          if (!runner.isTransactionActive) await runner.startTransaction();
          const rows = await runner.query(
            "DECLARE @result int; EXEC @result = sp_getapplock @Resource = @0, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 0; SELECT @result AS result",
            [LOCK_NAME],
          );
          return Number(rows[0].result) >= 0;
        },
        async (runner) => {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
        },
      );
    case "better-sqlite3": {
      const database = String((dataSource.options as { database?: string }).database ?? ":memory:");
      if (database === ":memory:") return { release: async () => undefined };
      return fileLock(`${database}.easr-run.lock`, options);
    }
    default:
      throw new Error(`no run lock for database type ${String(type)}`);
  }
}
