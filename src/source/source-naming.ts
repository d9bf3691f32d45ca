/**
 * The physical naming of the source database (mappings/source-tables.ts), checked against the
 * contract, and read from a JSON file (EASR_SOURCE_MAPPING) for deployments that keep it outside the
 * code. The JSON file has the shape of `SourceNaming`, plus an optional "description":
 *
 *   { "description": "…",
 *     "tables":  { "staff_member": "PERSONEEL" },
 *     "columns": { "staff_member": { "id": "PERSNR", "insz": "RIJKSREGISTERNR" } } }
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { SourceNaming } from "../../mappings/source-tables";
import { CONTRACT_TABLES } from "./contract";

export class SourceNamingError extends Error {
  override readonly name: string = "SourceNamingError";
}

/** A plain SQL identifier every engine accepts quoted (PostgreSQL's limit is 63 characters). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const physicalName = z.string().regex(IDENTIFIER, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a plain identifier (a letter or _, then letters, digits or _, at most 63 characters)`,
});

const namingFileSchema = z.strictObject({
  description: z.string().optional(),
  tables: z.record(z.string(), physicalName).default({}),
  columns: z.record(z.string(), z.record(z.string(), physicalName)).default({}),
});

/** Everything wrong with a naming, as one line each: unknown contract names and physical names used twice. */
export function sourceNamingProblems(naming: SourceNaming): string[] {
  const problems: string[] = [];
  const contract = new Map(CONTRACT_TABLES.map((table) => [table.name, table]));
  for (const [name, physical] of Object.entries(naming.tables)) {
    if (!contract.has(name)) problems.push(`tables.${name}: the contract has no table "${name}"`);
    else if (!IDENTIFIER.test(physical)) problems.push(`tables.${name}: ${JSON.stringify(physical)} is not a plain identifier`);
  }
  for (const [name, columns] of Object.entries(naming.columns)) {
    const table = contract.get(name);
    if (!table) {
      problems.push(`columns.${name}: the contract has no table "${name}"`);
      continue;
    }
    const known = new Set(table.columns.map((column) => column.name));
    for (const [column, physical] of Object.entries(columns)) {
      if (!known.has(column)) problems.push(`columns.${name}.${column}: the contract table ${name} has no column "${column}"`);
      else if (!IDENTIFIER.test(physical))
        problems.push(`columns.${name}.${column}: ${JSON.stringify(physical)} is not a plain identifier`);
    }
  }
  // Names compare case-insensitively: SQL Server, MariaDB and SQLite do.
  const tableOwners = new Map<string, string>();
  for (const table of CONTRACT_TABLES) {
    const physical = (naming.tables[table.name] ?? table.name).toLowerCase();
    const other = tableOwners.get(physical);
    if (other) problems.push(`tables: ${other} and ${table.name} are both named "${naming.tables[table.name] ?? table.name}"`);
    else tableOwners.set(physical, table.name);
    const columnOwners = new Map<string, string>();
    for (const column of table.columns) {
      const physicalColumn = naming.columns[table.name]?.[column.name] ?? column.name;
      const owner = columnOwners.get(physicalColumn.toLowerCase());
      if (owner) problems.push(`columns.${table.name}: ${owner} and ${column.name} are both named "${physicalColumn}"`);
      else columnOwners.set(physicalColumn.toLowerCase(), column.name);
    }
  }
  return problems;
}

/** Throws a SourceNamingError listing every problem of the naming. */
export function assertValidSourceNaming(naming: SourceNaming, origin = "mappings/source-tables.ts"): SourceNaming {
  const problems = sourceNamingProblems(naming);
  if (problems.length > 0) throw new SourceNamingError(`${origin}: ${problems.join("; ")}`);
  return naming;
}

/** A naming from parsed JSON (or any value), checked for shape and against the contract. */
export function parseSourceNaming(value: unknown, origin: string): SourceNaming {
  const parsed = namingFileSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
    throw new SourceNamingError(`${origin}: ${lines.join("; ")}`);
  }
  return assertValidSourceNaming({ tables: parsed.data.tables, columns: parsed.data.columns }, origin);
}

/** Reads and checks the JSON naming file at `path`. */
export function loadSourceNaming(path: string): SourceNaming {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new SourceNamingError(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SourceNamingError(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseSourceNaming(value, path);
}
