/**
 * Plain SQL for test databases, written from the contract description (src/source/contract.ts) and
 * not through the program: CREATE TABLE statements under any physical naming, optionally without the
 * NOT NULL and UNIQUE constraints (a "lax" database, as a real one may be), and INSERT statements for
 * contract rows under that naming. For the source-mapping and bad-input tests.
 */
import type { DataSource } from "typeorm";
import { openDataSource } from "../../ormconfig";
import type { SourceNaming } from "../../mappings/source-tables";
import { CONTRACT_TABLES, type ColumnKind, type ContractTable } from "../../src/source/contract";
import type { ContractRows } from "../../src/source/contract-writer";
import { CONTRACT_WRITE_ORDER } from "../../src/source/contract-writer";

export type SqlEngine = "sqlite" | "postgres" | "mariadb";

export const CONTRACT_NAMES: SourceNaming = { tables: {}, columns: {} };

export interface DdlOptions {
  readonly engine: SqlEngine;
  readonly naming?: SourceNaming;
  /** Leave out NOT NULL and UNIQUE (the primary key stays). */
  readonly relaxed?: boolean;
}

export function quote(engine: SqlEngine, name: string): string {
  return engine === "mariadb" ? `\`${name}\`` : `"${name}"`;
}

function sqlType(type: ColumnKind, engine: SqlEngine): string {
  switch (type.kind) {
    case "integer":
      return engine === "mariadb" ? "INT" : "INTEGER";
    case "smallint":
      return "SMALLINT";
    case "varchar":
      return `VARCHAR(${type.length})`;
    case "char":
      return `CHAR(${type.length})`;
    case "date":
      return "DATE";
    case "timestamp":
      return engine === "postgres" ? "TIMESTAMP" : "DATETIME";
    case "decimal":
      return `DECIMAL(${type.precision},${type.scale})`;
  }
}

export function tableName(table: ContractTable, naming: SourceNaming = CONTRACT_NAMES): string {
  return naming.tables[table.name] ?? table.name;
}

export function columnName(table: ContractTable, column: string, naming: SourceNaming = CONTRACT_NAMES): string {
  return naming.columns[table.name]?.[column] ?? column;
}

export function createTableStatement(table: ContractTable, options: DdlOptions): string {
  const q = (name: string) => quote(options.engine, name);
  const primary = table.columns.filter((column) => column.primary);
  const lines = table.columns.map((column) => {
    let line = `${q(columnName(table, column.name, options.naming))} ${sqlType(column.type, options.engine)}`;
    if (column.primary) line += primary.length === 1 ? " NOT NULL PRIMARY KEY" : " NOT NULL";
    else if (!options.relaxed && !column.nullable) line += " NOT NULL";
    if (!options.relaxed && column.unique) line += " UNIQUE";
    return line;
  });
  // A key of several columns (assignment_salary: assignment and first day) is a table constraint.
  if (primary.length > 1)
    lines.push(`PRIMARY KEY (${primary.map((column) => q(columnName(table, column.name, options.naming))).join(", ")})`);
  return `CREATE TABLE ${q(tableName(table, options.naming))} (${lines.join(", ")})`;
}

export function dropTableStatement(table: ContractTable, options: DdlOptions): string {
  return `DROP TABLE ${quote(options.engine, tableName(table, options.naming))}`;
}

/** Every contract table, in the contract's order. */
export function contractDdl(options: DdlOptions): string[] {
  return CONTRACT_TABLES.map((table) => createTableStatement(table, options));
}

/**
 * Statements that replace the (empty) contract tables made by `easr db init` with relaxed copies: no
 * NOT NULL, no UNIQUE — the database a real deployment may have, where the contract is a promise.
 */
export function relaxContractTables(options: DdlOptions): string[] {
  return CONTRACT_TABLES.flatMap((table) => [
    dropTableStatement(table, options),
    createTableStatement(table, { ...options, relaxed: true }),
  ]);
}

export interface Statement {
  readonly sql: string;
  readonly parameters: unknown[];
}

/** One INSERT per row, parents first, under the naming. */
export function insertStatements(rows: ContractRows, options: DdlOptions): Statement[] {
  const statements: Statement[] = [];
  for (const name of CONTRACT_WRITE_ORDER) {
    const table = CONTRACT_TABLES.find((candidate) => candidate.name === name)!;
    for (const row of rows[name] ?? []) {
      const columns = Object.keys(row);
      const markers = columns.map((_, index) => (options.engine === "postgres" ? `$${index + 1}` : "?"));
      statements.push({
        sql: `INSERT INTO ${quote(options.engine, tableName(table, options.naming))} (${columns
          .map((column) => quote(options.engine, columnName(table, column, options.naming)))
          .join(", ")}) VALUES (${markers.join(", ")})`,
        parameters: columns.map((column) => row[column] ?? null),
      });
    }
  }
  return statements;
}

/** The names of the tables of the database at `url`, sorted. */
export async function tableNames(url: string, engine: SqlEngine): Promise<string[]> {
  const sql = {
    sqlite: "SELECT name FROM sqlite_master WHERE type = 'table'",
    postgres: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
    mariadb: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()",
  }[engine];
  const dataSource: DataSource = await openDataSource(url, {});
  try {
    const rows = (await dataSource.query(sql)) as Record<string, unknown>[];
    return rows.map((row) => String(row.name ?? row.NAME ?? row.TABLE_NAME)).sort();
  } finally {
    await dataSource.destroy();
  }
}

/** Runs statements in order on the database at `url` (no entities, no migrations: plain SQL). */
export async function runStatements(url: string, statements: readonly (string | Statement)[]): Promise<void> {
  const dataSource: DataSource = await openDataSource(url, {});
  try {
    for (const statement of statements) {
      if (typeof statement === "string") await dataSource.query(statement);
      else await dataSource.query(statement.sql, statement.parameters);
    }
  } finally {
    await dataSource.destroy();
  }
}
