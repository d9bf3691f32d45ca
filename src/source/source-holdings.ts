/**
 * What a ministry database holds of the parts of the contract added later (ministry-db.md, "added
 * 2026-12"): a source without them still runs. The reader reads a missing column as NULL and a missing
 * table as empty; the run says once which forms it therefore cannot produce (`sourceGaps`).
 */
import type { DataSource } from "typeorm";
import { sourceNaming as configuredNaming, type SourceNaming } from "../../mappings/source-tables";
import { CONTRACT_TABLES, type ContractTable } from "./contract";
import { physicalColumnName, physicalTableName } from "./entity-schemas";

export interface SourceHoldings {
  /** Contract names of the added tables the source lacks. */
  readonly missingTables: ReadonlySet<string>;
  /** Per contract table, the contract names of the added columns it lacks. */
  readonly missingColumns: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A source that holds the whole contract (one made by `easr db init`, or one that cannot be asked). */
export const WHOLE_CONTRACT: SourceHoldings = { missingTables: new Set(), missingColumns: new Map() };

export function holdsTable(holdings: SourceHoldings, table: ContractTable): boolean {
  return !holdings.missingTables.has(table.name);
}

export function holdsColumn(holdings: SourceHoldings, table: ContractTable, column: string): boolean {
  return holdsTable(holdings, table) && !(holdings.missingColumns.get(table.name)?.has(column) ?? false);
}

/** Asks the database which added tables and columns it has, under the deployment's physical names. */
export async function sourceHoldings(dataSource: DataSource, naming: SourceNaming = configuredNaming): Promise<SourceHoldings> {
  const runner = dataSource.createQueryRunner();
  try {
    const missingTables = new Set<string>();
    const missingColumns = new Map<string, Set<string>>();
    for (const table of CONTRACT_TABLES) {
      const physical = physicalTableName(table, naming);
      if (table.added && !(await runner.hasTable(physical))) {
        missingTables.add(table.name);
        continue;
      }
      for (const column of table.columns.filter((c) => c.added)) {
        if (await runner.hasColumn(physical, physicalColumnName(table, column.name, naming))) continue;
        missingColumns.set(table.name, (missingColumns.get(table.name) ?? new Set()).add(column.name));
      }
    }
    return { missingTables, missingColumns };
  } finally {
    await runner.release();
  }
}

function formList(forms: readonly string[]): string {
  return forms.length === 1 ? forms[0] : `${forms.slice(0, -1).join(", ")} or ${forms[forms.length - 1]}`;
}

/** What the run says once about a source without some added parts: per part, the forms it cannot produce. */
export function sourceGaps(holdings: SourceHoldings): string[] {
  const gaps: string[] = [];
  for (const table of CONTRACT_TABLES) {
    if (table.added && holdings.missingTables.has(table.name)) {
      const consequence = table.added.fallback ?? `so no ${formList(table.added.neededFor)} from it`;
      gaps.push(`the source has no table ${table.name} (ministry-db.md, added 2026-12): read as empty, ${consequence}`);
    }
    for (const column of table.columns) {
      if (!column.added || !holdings.missingColumns.get(table.name)?.has(column.name)) continue;
      gaps.push(
        `the source has no column ${table.name}.${column.name} (ministry-db.md, added 2026-12): read as NULL, needed for ${formList(column.added.neededFor)}`,
      );
    }
  }
  return gaps;
}
