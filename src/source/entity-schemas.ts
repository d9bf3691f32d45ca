/**
 * TypeORM entity schemas of the ministry contract, built from `contract.ts` for one database engine
 * and one naming (mappings/source-tables.ts, or a naming loaded from EASR_SOURCE_MAPPING). Entity
 * and property names stay the contract's, so the readers never see the physical names. Read-only
 * use; `easr db init` also creates them.
 */
import { EntitySchema, type EntitySchemaColumnOptions } from "typeorm";
import type { DatabaseEngine } from "../config/database-url";
import { sourceNaming, type SourceNaming } from "../../mappings/source-tables";
import { CONTRACT_TABLES, type ColumnKind, type ContractTable } from "./contract";

type ColumnType = EntitySchemaColumnOptions["type"];

function columnType(type: ColumnKind, engine: DatabaseEngine): ColumnType {
  switch (type.kind) {
    case "integer":
      return "integer";
    case "smallint":
      return "smallint";
    case "varchar":
      return engine === "mssql" ? "nvarchar" : "varchar";
    case "char":
      return engine === "sqlite" ? "character" : engine === "mssql" ? "nchar" : "char";
    case "date":
      return "date";
    case "timestamp":
      return engine === "postgres" ? "timestamp" : engine === "mssql" ? "datetime2" : "datetime";
    case "decimal":
      return "decimal";
  }
}

export function physicalTableName(table: ContractTable, naming: SourceNaming = sourceNaming): string {
  return naming.tables[table.name] ?? table.name;
}

export function physicalColumnName(table: ContractTable, column: string, naming: SourceNaming = sourceNaming): string {
  return naming.columns[table.name]?.[column] ?? column;
}

export function entitySchemaFor(table: ContractTable, engine: DatabaseEngine, naming: SourceNaming = sourceNaming): EntitySchema {
  const columns: Record<string, EntitySchemaColumnOptions> = {};
  for (const column of table.columns) {
    const options: EntitySchemaColumnOptions = {
      name: physicalColumnName(table, column.name, naming),
      type: columnType(column.type, engine),
      nullable: column.nullable,
      primary: column.primary ?? false,
      unique: column.unique ?? false,
    };
    if (column.type.kind === "varchar" || column.type.kind === "char") options.length = column.type.length;
    if (column.type.kind === "decimal") {
      options.precision = column.type.precision;
      options.scale = column.type.scale;
    }
    columns[column.property] = options;
  }
  return new EntitySchema({ name: table.entity, tableName: physicalTableName(table, naming), columns });
}

export function contractEntitySchemas(engine: DatabaseEngine, naming: SourceNaming = sourceNaming): EntitySchema[] {
  return CONTRACT_TABLES.map((table) => entitySchemaFor(table, engine, naming));
}
