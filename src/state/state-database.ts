/** Opens the adapter's own state database and brings its tables up to date with the migrations. */
import type { DataSource } from "typeorm";
import { openDataSource } from "../../ormconfig";
import { STATE_ENTITIES } from "./entities";
import { STATE_MIGRATIONS } from "./migrations";

export async function openStateDatabase(url: string): Promise<DataSource> {
  const dataSource = await openDataSource(url, { entities: STATE_ENTITIES, migrations: STATE_MIGRATIONS });
  try {
    await dataSource.runMigrations({ transaction: "each" });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
