/** Not-eligible decisions remembered with their fingerprint (see DecisionRow). */
import { type DataSource, In } from "typeorm";
import { type FormType, unitKey } from "../rules/decision-types";
import { DecisionRow } from "./entities";

export interface DecisionRecord {
  readonly formType: string;
  readonly staffId: number;
  readonly assignmentId: number;
  readonly referenceMonth: string | null;
  readonly reason: string;
  readonly fingerprint: string;
}

const ID_CHUNK = 1000;

/** SQL Server takes at most 2100 parameters per statement: a multi-row INSERT binds at most 2000. */
const MAX_INSERT_PARAMETERS = 2000;

/** Rows per INSERT statement: as many as fit in MAX_INSERT_PARAMETERS (one parameter per inserted column). */
function rowsPerInsert(dataSource: DataSource): number {
  const columns = dataSource.getMetadata(DecisionRow).columns.filter((column) => !column.isGenerated).length;
  return Math.max(1, Math.floor(MAX_INSERT_PARAMETERS / columns));
}

export class DecisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Unit key (`FORM:staff:assignment:month`) → fingerprint of its latest remembered decision. */
  async latestFingerprints(environment: string, staffIds: readonly number[]): Promise<Map<string, string>> {
    const latest = new Map<string, { id: number; fingerprint: string }>();
    const repository = this.dataSource.getRepository(DecisionRow);
    for (let i = 0; i < staffIds.length; i += ID_CHUNK) {
      const rows = await repository.find({
        select: { id: true, formType: true, staffId: true, assignmentId: true, referenceMonth: true, fingerprint: true },
        where: { environment, staffId: In(staffIds.slice(i, i + ID_CHUNK)) },
      });
      for (const row of rows) {
        const key = unitKey(row.formType as FormType, row.staffId, row.assignmentId, row.referenceMonth);
        const known = latest.get(key);
        if (!known || known.id < row.id) latest.set(key, { id: row.id, fingerprint: row.fingerprint });
      }
    }
    return new Map([...latest].map(([key, value]) => [key, value.fingerprint]));
  }

  async remember(runId: number, environment: string, createdAt: string, decisions: readonly DecisionRecord[]): Promise<void> {
    if (decisions.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const chunk = rowsPerInsert(this.dataSource);
      for (let i = 0; i < decisions.length; i += chunk) {
        const rows = decisions.slice(i, i + chunk).map((d) => ({ ...d, runId, environment, createdAt }));
        await manager.createQueryBuilder().insert().into(DecisionRow).values(rows).execute();
      }
    });
  }
}
