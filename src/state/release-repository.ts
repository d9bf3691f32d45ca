/** D17: the waiting person-months operators released (easr release), read per page of persons. */
import { type DataSource, In } from "typeorm";
import { yearMonth, type YearMonth } from "../domain/year-month";
import { ReleaseRow } from "./entities";

const ID_CHUNK = 1000;

export interface Release {
  readonly environment: string;
  readonly staffId: number;
  readonly referenceMonth: YearMonth;
  readonly releasedAt: string;
  readonly releasedBy: string;
}

/** The key of a released person-month. */
export function releaseKey(staffId: number, month: YearMonth): string {
  return `${staffId}:${month}`;
}

export class ReleaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async release(release: Release): Promise<void> {
    await this.dataSource.getRepository(ReleaseRow).insert({ ...release });
  }

  /** The released person-months of these persons, as releaseKey texts. */
  async releasedMonths(environment: string, staffIds: readonly number[]): Promise<Set<string>> {
    const keys = new Set<string>();
    const repository = this.dataSource.getRepository(ReleaseRow);
    for (let i = 0; i < staffIds.length; i += ID_CHUNK) {
      const rows = await repository.find({
        select: { staffId: true, referenceMonth: true },
        where: { environment, staffId: In(staffIds.slice(i, i + ID_CHUNK)) },
      });
      for (const row of rows) keys.add(releaseKey(row.staffId, yearMonth(row.referenceMonth)));
    }
    return keys;
  }
}
