/** Counts of what earlier runs declared, for the safety valve. */
import type { DataSource } from "typeorm";
import { DeclarationRow, RunRow } from "./entities";

export class DeclarationHistory {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Forms declared (not abandoned) per form type by the completed runs of `month` in `environment`,
   * or null when that month has no completed run.
   */
  async declaredByRunMonth(environment: string, month: string): Promise<Record<string, number> | null> {
    const runs = await this.dataSource.getRepository(RunRow).count({ where: { environment, month, status: "completed" } });
    if (runs === 0) return null;
    const rows = await this.dataSource
      .getRepository(DeclarationRow)
      .createQueryBuilder("d")
      .innerJoin(RunRow, "r", "r.id = d.runId")
      .select("d.formType", "formType")
      .addSelect("COUNT(*)", "count")
      .where("r.month = :month AND r.environment = :environment AND r.status = :status AND d.status <> :abandoned", {
        month,
        environment,
        status: "completed",
        abandoned: "abandoned",
      })
      .groupBy("d.formType")
      .getRawMany<{ formType: unknown; count: unknown }>();
    return Object.fromEntries(rows.map((row) => [String(row.formType), Number(row.count)]));
  }
}
