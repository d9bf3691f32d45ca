/**
 * Fills the ministry's contract tables with plain SQL INSERTs: FOR DEMO AND TEST DATABASES ONLY.
 *
 * The adapter itself never writes the ministry's tables (ministry-db.md); this writer exists so that
 * tests, the demo data set and acceptance checks can put rows into a database made by
 * `createContractTables`. Rows are keyed by the contract's names (snake_case, as in ministry-db.md);
 * the SQL uses the physical names of `mappings/source-tables.ts`.
 *
 * Values travel as parameters, never inside the SQL text. A value is a string, a finite number or
 * null (undefined counts as null). DECIMAL columns take "977.38" or 977.38; the demo data writes
 * strings so that no float noise can reach the database. Dates are `YYYY-MM-DD`, timestamps
 * `YYYY-MM-DD HH:MM:SS`.
 */
import type { DataSource } from "typeorm";
import { CONTRACT_TABLES, type ContractTable } from "./contract";
import { physicalColumnName, physicalTableName } from "./entity-schemas";
import { openSourceDatabase } from "./source-database";

export type ContractTableName =
  | "school_board"
  | "institution"
  | "staff_member"
  | "assignment"
  | "salary_line"
  | "rl16_notification"
  | "payment_calendar"
  | "adapted_work"
  | "performance_line"
  | "day_nature"
  | "holiday_balance"
  | "absence"
  | "absence_day"
  | "breastfeeding_break"
  | "work_resumption"
  | "assignment_salary";

/** One row, keyed by contract column names. */
export type ContractRow = Record<string, unknown>;

/** Rows per contract table. */
export type ContractRows = Partial<Record<ContractTableName, ContractRow[]>>;

/** The order of the writes: every table after the tables its columns refer to. */
export const CONTRACT_WRITE_ORDER: readonly ContractTableName[] = [
  "school_board",
  "institution",
  "staff_member",
  "assignment",
  "salary_line",
  "rl16_notification",
  "payment_calendar",
  "adapted_work",
  "performance_line",
  "day_nature",
  "holiday_balance",
  "absence",
  "absence_day",
  "breastfeeding_break",
  "work_resumption",
  "assignment_salary",
];

/** Limits of one INSERT statement; SQL Server refuses more than 2100 parameters and 1000 rows. */
export const MAX_ROWS_PER_STATEMENT = 500;
export const MAX_PARAMETERS_PER_STATEMENT = 2000;

export class ContractRowsError extends Error {
  override readonly name: string = "ContractRowsError";
}

type Parameter = string | number | null;

/** One statement ready to run. */
export interface InsertStatement {
  readonly sql: string;
  readonly parameters: Parameter[];
}

/** The n-th (0-based) parameter marker of the engine behind `dataSource`. */
function placeholderFor(dataSource: DataSource): (index: number) => string {
  const type = dataSource.options.type;
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- TypeORM's list of engines: those the adapter does not run on fall to the default
  switch (type) {
    case "better-sqlite3":
    case "mysql":
    case "mariadb":
      return () => "?";
    case "postgres":
      return (index) => `$${index + 1}`;
    case "mssql":
      return (index) => `@${index}`;
    default:
      throw new ContractRowsError(`writing contract rows is not supported on a "${type}" database`);
  }
}

function contractTable(name: string): ContractTable {
  const table = CONTRACT_TABLES.find((candidate) => candidate.name === name);
  if (!table || !(CONTRACT_WRITE_ORDER as readonly string[]).includes(name)) {
    throw new ContractRowsError(`"${name}" is not a contract table`);
  }
  return table;
}

function parameterValue(table: string, column: string, value: unknown): Parameter {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ContractRowsError(`${table}.${column}: a ${typeof value} cannot be written (use a string, a finite number or null)`);
}

/**
 * The contract columns the rows use, in contract order. A column that only some rows give is NULL
 * in the others; a key that is not a column of the table is an error.
 */
function columnsOf(table: ContractTable, rows: readonly ContractRow[]): string[] {
  const known = new Set(table.columns.map((column) => column.name));
  const used = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!known.has(key)) throw new ContractRowsError(`${table.name} has no column "${key}"`);
      used.add(key);
    }
  }
  return table.columns.map((column) => column.name).filter((name) => used.has(name));
}

/**
 * The INSERT statements for the rows of one table: multi-row, at most {@link MAX_ROWS_PER_STATEMENT}
 * rows and {@link MAX_PARAMETERS_PER_STATEMENT} parameters each.
 */
export function insertStatements(dataSource: DataSource, tableName: ContractTableName, rows: readonly ContractRow[]): InsertStatement[] {
  if (rows.length === 0) return [];
  const table = contractTable(tableName);
  const columns = columnsOf(table, rows);
  if (columns.length === 0) throw new ContractRowsError(`${tableName}: the rows name no columns`);
  const placeholder = placeholderFor(dataSource);
  const escape = (name: string) => dataSource.driver.escape(name);
  const head = `INSERT INTO ${escape(physicalTableName(table))} (${columns.map((c) => escape(physicalColumnName(table, c))).join(", ")}) VALUES `;
  const rowsPerStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns.length));

  const statements: InsertStatement[] = [];
  for (let first = 0; first < rows.length; first += rowsPerStatement) {
    const parameters: Parameter[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(first, first + rowsPerStatement)) {
      const markers = columns.map((column) => {
        parameters.push(parameterValue(tableName, column, row[column]));
        return placeholder(parameters.length - 1);
      });
      tuples.push(`(${markers.join(", ")})`);
    }
    statements.push({ sql: head + tuples.join(", "), parameters });
  }
  return statements;
}

/** Writes every table's rows, parents first, in one transaction: all or nothing. */
export async function writeContractRows(dataSource: DataSource, rows: ContractRows): Promise<void> {
  for (const name of Object.keys(rows)) contractTable(name);
  const statements = CONTRACT_WRITE_ORDER.flatMap((name) => insertStatements(dataSource, name, rows[name] ?? []));
  if (statements.length === 0) return;
  await dataSource.transaction(async (manager) => {
    for (const statement of statements) await manager.query(statement.sql, statement.parameters);
  });
}

/** Opens the database at `url`, writes the rows and closes it again. */
export async function writeContractRowsToUrl(url: string, rows: ContractRows): Promise<void> {
  const dataSource = await openSourceDatabase(url);
  try {
    await writeContractRows(dataSource, rows);
  } finally {
    await dataSource.destroy();
  }
}
