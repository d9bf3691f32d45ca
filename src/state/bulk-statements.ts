/**
 * Statements over many rows, in few texts: `IN (…)` lists, multi-row `UPDATE … CASE` and multi-row
 * inserts, each cut into slices of a few lengths so that the drivers' prepared-statement caches stay
 * small and SQL Server's 2100 parameters a statement are never reached.
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { insertRows } from "./bulk-insert";

/** Values of one `IN (…)` list, a power of two (SQL Server takes 2100 parameters a statement). */
const IN_LIST = 512;
/** Rows of one UPDATE … CASE statement (a power of two): SQL Server takes 2100 parameters, and the statement stays short. */
const ROWS_PER_UPDATE = 128;
/** Rows of one insert of {@link insertInSlices} (a power of two). */
const ROWS_PER_INSERT = 256;

/**
 * `values` cut into slices of `max` (a power of two), the rest in slices of the powers of two it adds
 * up to (100 → 64, 32, 4): a statement built for a slice then has one of a few texts, and the drivers'
 * prepared-statement caches (100 statements a connection in TypeORM's SQLite driver) stay small —
 * a text a chunk would fill them with large statements whatever the file's size.
 */
export function* slices<T>(values: readonly T[], max: number): Generator<T[]> {
  let at = 0;
  for (; at + max <= values.length; at += max) yield values.slice(at, at + max);
  for (let size = max >> 1; size >= 1; size >>= 1) {
    if (at + size <= values.length) {
      yield values.slice(at, at + size);
      at += size;
    }
  }
}

/** Values for an `IN (…)` list: cut into {@link slices}, so that the lists have few lengths. */
export const inLists = <T>(values: readonly T[]): Generator<T[]> => slices(values, IN_LIST);

/** One row of {@link updateRowsByKey}: its key, and a value for each column. */
export interface KeyedValues {
  readonly key: number;
  readonly values: readonly (string | number | null)[];
}

/**
 * Sets `columns` of many rows of `entity` in few statements, on every engine: `SET col = CASE key WHEN
 * ? THEN ? … ELSE col END WHERE key IN (…)`, the rows in {@link slices} of {@link ROWS_PER_UPDATE}
 * (each row gives every column; the ELSE gives the parameters the column's type).
 */
export async function updateRowsByKey(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  keyColumn: string,
  columns: readonly string[],
  rows: readonly KeyedValues[],
): Promise<void> {
  const driver = manager.connection.driver;
  const table = driver.escape(manager.connection.getMetadata(entity).tableName);
  const key = driver.escape(keyColumn);
  for (const slice of slices(rows, ROWS_PER_UPDATE)) {
    const parameters: unknown[] = [];
    const parameter = (value: unknown): string => {
      parameters.push(value);
      return driver.createParameter(`p${parameters.length}`, parameters.length - 1);
    };
    const sets = columns.map((column, index) => {
      const name = driver.escape(column);
      return `${name} = CASE ${key} ${slice.map((row) => `WHEN ${parameter(row.key)} THEN ${parameter(row.values[index])}`).join(" ")} ELSE ${name} END`;
    });
    const keys = slice.map((row) => parameter(row.key));
    await manager.query(`UPDATE ${table} SET ${sets.join(", ")} WHERE ${key} IN (${keys.join(", ")})`, parameters);
  }
}

/** Inserts rows in statements of few lengths (see {@link slices}). */
export async function insertInSlices(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: readonly ObjectLiteral[],
): Promise<void> {
  for (const slice of slices(rows, ROWS_PER_INSERT)) await insertRows(manager, entity, slice);
}
