/**
 * Opening the ministry's database: a DataSource holding only the contract's entity schemas.
 * `createContractTables` is for demo and test databases; production databases already have them.
 */
import type { DataSource } from "typeorm";
import { openDataSource } from "../../ormconfig";
import { parseDatabaseUrl } from "../config/database-url";
import { CONTRACT_TABLES } from "./contract";
import { contractEntitySchemas, physicalTableName } from "./entity-schemas";

export async function openSourceDatabase(url: string, options: { readOnly?: boolean } = {}): Promise<DataSource> {
  const location = parseDatabaseUrl(url);
  return openDataSource(url, { entities: contractEntitySchemas(location.engine), readOnly: options.readOnly });
}

export class ContractTablesExistError extends Error {}

/** Creates every contract table in an empty database. Refuses when one of them already exists. */
export async function createContractTables(url: string): Promise<string[]> {
  const dataSource = await openSourceDatabase(url);
  try {
    const runner = dataSource.createQueryRunner();
    try {
      const existing: string[] = [];
      for (const table of CONTRACT_TABLES) {
        if (await runner.hasTable(physicalTableName(table))) existing.push(physicalTableName(table));
      }
      if (existing.length > 0) {
        throw new ContractTablesExistError(`the database already has contract tables (${existing.join(", ")}); db init works on an empty database only`);
      }
    } finally {
      await runner.release();
    }
    await dataSource.synchronize();
    return CONTRACT_TABLES.map((table) => physicalTableName(table));
  } finally {
    await dataSource.destroy();
  }
}
