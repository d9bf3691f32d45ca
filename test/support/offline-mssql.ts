/**
 * A SQL Server DataSource with no server behind it, for checking the T-SQL the program issues.
 *
 * The metadata is built offline (toolchain.md §3: `buildMetadatas()` on a subclass), and the network
 * client is replaced underneath TypeORM: the driver gets a connection pool whose requests record the
 * statement and its bound parameters and answer with canned rows. Everything above the client —
 * repositories, query builders, TypeORM's SqlServerQueryRunner with its parameter binding and
 * transactions — is the real code, so what is recorded is exactly what SQL Server would receive.
 */
import { DataSource, type DataSourceOptions } from "typeorm";

/** One statement as SQL Server would receive it. */
export interface RecordedStatement {
  readonly sql: string;
  /** Bound values in binding order; `names[i]` is the name each was bound under (`@<name>` in the SQL). */
  readonly parameters: readonly unknown[];
  readonly names: readonly string[];
  /** Inside a transaction begun with BEGIN TRANSACTION. */
  readonly inTransaction: boolean;
}

/** Canned rows for a statement, or undefined to leave it to the next responder (default: no rows). */
export type Responder = (statement: RecordedStatement) => Record<string, unknown>[] | undefined;

/** TypeORM keeps `buildMetadatas` protected: the one reason for this subclass. */
class OfflineDataSource extends DataSource {
  static async create(options: DataSourceOptions): Promise<OfflineDataSource> {
    const dataSource = new OfflineDataSource(options);
    await dataSource.buildMetadatas();
    return dataSource;
  }
}

/** The slice of the mssql client that TypeORM's SqlServerQueryRunner uses. */
interface ClientTransaction {
  begin(...args: unknown[]): void;
  commit(callback: (error?: Error) => void): void;
  rollback(callback: (error?: Error) => void): void;
}

/**
 * `INSERT … OUTPUT INSERTED."id" [INTO @OutputTable] VALUES (…), (…)`: SQL Server hands back the
 * generated ids, one row per inserted row; repositories rely on them (`save()` returns the new id).
 */
function generatedIds(statement: RecordedStatement, nextId: () => number): Record<string, unknown>[] | undefined {
  const output = /\bINSERT INTO\b[\s\S]*?\bOUTPUT INSERTED\.("?)(\w+)\1/.exec(statement.sql);
  if (!output) return undefined;
  const values = statement.sql.slice(statement.sql.indexOf(" VALUES ") + " VALUES ".length).split(";")[0];
  const rows = values.split(/\)\s*,\s*\(/).length;
  return Array.from({ length: rows }, () => ({ [output[2]]: nextId() }));
}

export class OfflineMssql {
  /** Every statement so far, in order. */
  readonly statements: RecordedStatement[] = [];
  private readonly responders: Responder[] = [];
  private lastId = 0;

  private constructor(readonly dataSource: DataSource) {}

  /** An offline SQL Server DataSource over these entities (classes or entity schemas). */
  static async open(entities: NonNullable<DataSourceOptions["entities"]>): Promise<OfflineMssql> {
    const dataSource = await OfflineDataSource.create({
      type: "mssql",
      host: "offline.invalid",
      database: "easr",
      entities,
      synchronize: false,
      logging: false,
      options: { trustServerCertificate: true, useUTC: true },
    });
    const offline = new OfflineMssql(dataSource);
    offline.replaceClient();
    return offline;
  }

  /** Answers statements the responder recognises; the latest responder is asked first. */
  respond(responder: Responder): void {
    this.responders.unshift(responder);
  }

  /** The statements recorded since the last call (and forgets them). */
  take(): RecordedStatement[] {
    return this.statements.splice(0, this.statements.length);
  }

  private answer(statement: RecordedStatement): Record<string, unknown>[] {
    for (const responder of this.responders) {
      const rows = responder(statement);
      if (rows) return rows;
    }
    return generatedIds(statement, () => ++this.lastId) ?? [];
  }

  /**
   * Gives the driver a pool (`driver.master`) and a client module whose `Request` records instead of
   * sending. The real mssql module stays in place for everything else (its SQL types are used to bind
   * MssqlParameter values).
   */
  private replaceClient(): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const offline = this;
    const driver = this.dataSource.driver as unknown as { mssql: Record<string, unknown>; master: unknown };
    const transactions = new Set<unknown>();

    class RecordingRequest {
      private readonly bound: { name: string; value: unknown }[] = [];
      constructor(private readonly connection: unknown) {}

      /** `input(name, value)` or `input(name, type, value)`, as the mssql client has it. */
      input(name: string, ...typeAndValue: unknown[]): this {
        this.bound.push({ name, value: typeAndValue[typeAndValue.length - 1] });
        return this;
      }

      async query(sql: string): Promise<{ recordset: Record<string, unknown>[]; rowsAffected: number[] }> {
        const statement: RecordedStatement = {
          sql,
          parameters: this.bound.map((b) => b.value),
          names: this.bound.map((b) => b.name),
          inTransaction: transactions.has(this.connection),
        };
        offline.statements.push(statement);
        const recordset = offline.answer(statement);
        return { recordset, rowsAffected: [recordset.length] };
      }
    }

    const pool = {
      transaction(): ClientTransaction {
        const transaction: ClientTransaction = {
          begin: (...args: unknown[]) => {
            transactions.add(transaction);
            (args[args.length - 1] as (error?: Error) => void)();
          },
          commit: (callback) => {
            transactions.delete(transaction);
            callback();
          },
          rollback: (callback) => {
            transactions.delete(transaction);
            callback();
          },
        };
        return transaction;
      },
    };
    driver.mssql = { ...driver.mssql, Request: RecordingRequest };
    driver.master = pool;
  }
}
