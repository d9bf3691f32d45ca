/** Not-eligible decisions remembered with their fingerprint (see DecisionRow). */
import { type ReferencePeriod, storedReferencePeriod } from "../domain/reference-period";
import { type DataSource, In } from "typeorm";
import { insertRows, mapRecords } from "./bulk-insert";
import { type FormType, unitKeyOf } from "../rules/decision-types";
import { DecisionRow } from "./entities";

export interface DecisionRecord {
  readonly formType: string;
  readonly staffId: number;
  readonly assignmentId: number;
  readonly referencePeriod: ReferencePeriod | null;
  /** The unit's subject when it is not its assignment; null otherwise. */
  readonly subject?: string | null;
  readonly reason: string;
  readonly fingerprint: string;
}

const ID_CHUNK = 1000;

export class DecisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Unit key (`FORM:staff:subject:period`, see unitKeyOf) → fingerprint of its latest remembered decision. */
  async latestFingerprints(environment: string, staffIds: readonly number[]): Promise<Map<string, string>> {
    const latest = new Map<string, { id: number; fingerprint: string }>();
    const repository = this.dataSource.getRepository(DecisionRow);
    for (let i = 0; i < staffIds.length; i += ID_CHUNK) {
      const rows = await repository.find({
        select: { id: true, formType: true, staffId: true, assignmentId: true, referencePeriod: true, subject: true, fingerprint: true },
        where: { environment, staffId: In(staffIds.slice(i, i + ID_CHUNK)) },
      });
      for (const row of rows) {
        const key = unitKeyOf({
          formType: row.formType as FormType,
          staffId: row.staffId,
          assignmentId: row.assignmentId,
          referencePeriod: storedReferencePeriod(row.referencePeriod),
          subject: row.subject,
        });
        const known = latest.get(key);
        if (!known || known.id < row.id) latest.set(key, { id: row.id, fingerprint: row.fingerprint });
      }
    }
    return new Map([...latest].map(([key, value]) => [key, value.fingerprint]));
  }

  /** Records a run's not-eligible decisions in one transaction; they may come as a stream. */
  async remember(
    runId: number,
    environment: string,
    createdAt: string,
    decisions: Iterable<DecisionRecord> | AsyncIterable<DecisionRecord>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await insertRows(
        manager,
        DecisionRow,
        mapRecords(decisions, (d) => ({ ...d, subject: d.subject ?? null, runId, environment, createdAt })),
      );
    });
  }
}
