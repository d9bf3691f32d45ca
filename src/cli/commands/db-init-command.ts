import type { Command } from "commander";
import { loadConfig } from "../../config/load-config";
import { createContractTables } from "../../source/source-database";
import type { CliIo } from "../cli-io";

export function registerDbCommands(program: Command, io: CliIo): void {
  const db = program.command("db").description("the ministry database contract (demo and test databases)");
  db.command("init")
    .description("create the source-contract tables of ministry-db.md in an empty database (production databases already have them)")
    .option("--db <url>", "database URL (default EASR_DB_URL or sqlite:./data/ministry.sqlite)")
    .action(async (options: { db?: string }) => {
      const config = loadConfig(process.env, { databaseUrl: options.db });
      // Under the deployment's names when EASR_SOURCE_MAPPING (or mappings/source-tables.ts) renames them.
      const tables = await createContractTables(config.databaseUrl, config.sourceNaming);
      io.out(`created ${tables.length} contract tables: ${tables.join(", ")}`);
    });
}
