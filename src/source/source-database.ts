/**
 * Opening the ministry's database: a DataSource holding only the contract's entity schemas, under the
 * deployment's physical names. `createContractTables` is for demo and test databases; production
 * databases already have them.
 */
import type { DataSource } from "typeorm";
import { assertDatabaseExists, openDataSource } from "../../ormconfig";
import { sourceNaming as configuredNaming, type SourceNaming } from "../../mappings/source-tables";
import { parseDatabaseUrl } from "../config/database-url";
import { CONTRACT_TABLES } from "./contract";
import { contractEntitySchemas, physicalTableName } from "./entity-schemas";
import { assertValidSourceNaming } from "./source-naming";

export interface SourceDatabaseOptions {
  /** Open an existing SQLite file read-only (the run); one that does not exist is a NoSuchDatabaseError. */
  readonly readOnly?: boolean;
  /**
   * The physical table and column names; default mappings/source-tables.ts. The run passes the
   * configuration's `sourceNaming` (EASR_SOURCE_MAPPING or that file). Checked against the contract:
   * a naming that does not fit throws a SourceNamingError before anything is opened.
   */
  readonly naming?: SourceNaming;
}

export async function openSourceDatabase(url: string, options: SourceDatabaseOptions = {}): Promise<DataSource> {
  const location = parseDatabaseUrl(url);
  const naming = assertValidSourceNaming(options.naming ?? configuredNaming);
  if (options.readOnly) assertDatabaseExists(url, "only easr db init and easr demo create a database: is --db or EASR_DB_URL right?");
  return openDataSource(url, { entities: contractEntitySchemas(location.engine, naming), readOnly: options.readOnly });
}

export class ContractTablesExistError extends Error {
  override readonly name: string = "ContractTablesExistError";
}

/** Creates every contract table in an empty database, under `naming`'s names. Refuses when one of them already exists. */
export async function createContractTables(url: string, naming: SourceNaming = configuredNaming): Promise<string[]> {
  const dataSource = await openSourceDatabase(url, { naming });
  try {
    const runner = dataSource.createQueryRunner();
    try {
      const existing: string[] = [];
      for (const table of CONTRACT_TABLES) {
        if (await runner.hasTable(physicalTableName(table, naming))) existing.push(physicalTableName(table, naming));
      }
      if (existing.length > 0) {
        throw new ContractTablesExistError(
          `the database already has contract tables (${existing.join(", ")}); db init works on an empty database only`,
        );
      }
    } finally {
      await runner.release();
    }
    await dataSource.synchronize();
    return CONTRACT_TABLES.map((table) => physicalTableName(table, naming));
  } finally {
    await dataSource.destroy();
  }
}
