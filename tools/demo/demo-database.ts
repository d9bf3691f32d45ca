/**
 * The demo database: the contract tables filled with the circular's nine worked examples, the
 * payment calendar, a generated population and the benefits-sector examples that go with it
 * (benefits-population.ts), and the cases of the 2026-12 amendments (decision-cases.ts, breastfeeding-cases.ts). For demo and test databases only.
 *
 * The database must be empty: `createContractTables` refuses one that already has contract tables,
 * so deleting an existing SQLite file (and its -wal/-shm companions) first is the caller's job.
 */
import { CONTRACT_WRITE_ORDER, type ContractRows, writeContractRowsToUrl } from "../../src/source/contract-writer";
import { createContractTables } from "../../src/source/source-database";
import { generateBenefitsPopulation } from "./benefits-population";
import { zimaFormCaseRows } from "./zima-form-cases";
import { circularExampleRows } from "./circular-examples";
import { decisionCaseRows } from "./decision-cases";
import { DEFAULT_POPULATION_STAFF, generatePopulation } from "./population/population";

export interface DemoDatabaseOptions {
  /** Size of the generated population besides the nine examples (default 400; 0 = examples only). */
  readonly staff?: number;
  readonly seed?: number;
}

/** Creates the contract tables at `url` and writes the demo rows; returns the rows written per table. */
export async function buildDemoDatabase(url: string, options: DemoDatabaseOptions = {}): Promise<{ counts: Record<string, number> }> {
  const staff = options.staff ?? DEFAULT_POPULATION_STAFF;
  // The benefits-sector persons (ZIMA002/ZIMA005) work at the population's institutions: they come with it.
  const population =
    staff === 0
      ? {}
      : [generateBenefitsPopulation(), decisionCaseRows(), zimaFormCaseRows()].reduce(
          concatRows,
          generatePopulation({ staff, seed: options.seed }),
        );
  const rows = concatRows(circularExampleRows(), population);
  await createContractTables(url);
  await writeContractRowsToUrl(url, rows);
  return { counts: Object.fromEntries(CONTRACT_WRITE_ORDER.map((table) => [table, rows[table]?.length ?? 0])) };
}

/** Both sets of rows, table by table (their ids never overlap: the population starts at 1000, the benefits rows above 5000000, the 2026-12 cases above 6000000). */
function concatRows(first: ContractRows, second: ContractRows): ContractRows {
  return Object.fromEntries(CONTRACT_WRITE_ORDER.map((table) => [table, [...(first[table] ?? []), ...(second[table] ?? [])]]));
}
