/**
 * Bulk writes of the adapter's own rows (declarations of a file, remembered decisions, anomalies):
 * multi-row INSERT statements with as many rows as fit in the engine's limit on bound parameters —
 * SQL Server takes at most 2100 per statement; SQLite (3.32+), PostgreSQL and MariaDB 32766 or more.
 * The statement is built from the entity's metadata with the driver's own quoting and placeholders
 * (`?`, `$1`, `@0`), and sent as one raw query: TypeORM's query builder costs more than the database
 * does for a batch of thousands of rows.
 */
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

const MAX_PARAMETERS_SQL_SERVER = 2000;
const MAX_PARAMETERS_OTHERS = 30000;

function insertableColumns(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>) {
  return dataSource.getMetadata(entity).columns.filter((column) => !column.isGenerated);
}

/** Rows per INSERT statement on this engine (one parameter per inserted column). */
function rowsPerInsert(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): number {
  const limit = dataSource.options.type === "mssql" ? MAX_PARAMETERS_SQL_SERVER : MAX_PARAMETERS_OTHERS;
  return Math.max(1, Math.floor(limit / insertableColumns(dataSource, entity).length));
}

/**
 * Inserts `rows` (objects keyed by the entity's property names; a missing property is NULL) in as few
 * statements as the engine allows, within the caller's transaction (`manager`). Returns the row count.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: Iterable<T> | AsyncIterable<T>,
): Promise<number> {
  const dataSource = manager.connection;
  const driver = dataSource.driver;
  const metadata = dataSource.getMetadata(entity);
  const columns = insertableColumns(dataSource, entity);
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES `;
  const perStatement = rowsPerInsert(dataSource, entity);
  let batch: T[] = [];
  let count = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const row of batch) {
      const placeholders: string[] = [];
      for (const column of columns) {
        placeholders.push(driver.createParameter(column.propertyName, values.length));
        values.push(row[column.propertyName] ?? null);
      }
      tuples.push(`(${placeholders.join(", ")})`);
    }
    await manager.query(head + tuples.join(", "), values);
    count += batch.length;
    batch = [];
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= perStatement) await flush();
  }
  await flush();
  return count;
}

/** The records of a stream or a list, each turned into a row. */
export async function* mapRecords<S, T>(records: Iterable<S> | AsyncIterable<S>, toRow: (record: S) => T): AsyncGenerator<T> {
  for await (const record of records) yield toRow(record);
}
