/** The audit trail: rows are only ever added; reading filters by month and environment. */
import { AuditRow } from "./entities";
import { StateRepository } from "./state-connection";

export interface AuditEvent {
  readonly at: string;
  readonly event: string;
  readonly runId?: number | null;
  readonly month?: string | null;
  readonly environment?: string | null;
  readonly actor: string;
  readonly host: string;
  readonly detail?: Record<string, unknown>;
}

export interface AuditEntry extends AuditEvent {
  readonly id: number;
}

export class AuditRepository extends StateRepository {
  async append(event: AuditEvent): Promise<void> {
    await this.connection
      .createQueryBuilder()
      .insert()
      .into(AuditRow)
      .values({
        at: event.at,
        event: event.event,
        runId: event.runId ?? null,
        month: event.month ?? null,
        environment: event.environment ?? null,
        actor: event.actor.slice(0, 100),
        host: event.host.slice(0, 200),
        detail: event.detail ? JSON.stringify(event.detail) : null,
      })
      .execute();
  }

  async list(filter: { month?: string; environment?: string } = {}): Promise<AuditEntry[]> {
    const where: Record<string, string> = {};
    if (filter.month) where.month = filter.month;
    if (filter.environment) where.environment = filter.environment;
    const rows = await this.connection.getRepository(AuditRow).find({ where, order: { id: "ASC" } });
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      event: row.event,
      runId: row.runId,
      month: row.month,
      environment: row.environment,
      actor: row.actor,
      host: row.host,
      detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : undefined,
    }));
  }
}
