/**
 * Read-only access to the ministry database, in bounded chunks: persons are paged by staff id
 * (keyset: `staff_id > last ORDER BY staff_id`), and everything about one page of persons is read
 * with a handful of `IN (...)` queries, so memory does not grow with the population and there is no
 * query per person.
 */
import type { DataSource, SelectQueryBuilder } from "typeorm";
import type { CalendarDate } from "../domain/calendar-date";
import type {
  InstitutionRecord,
  PaymentCalendarRecord,
  PersonSourceData,
  ReferenceData,
  SchoolBoardRecord,
} from "../domain/ministry-records";
import type { YearMonth } from "../domain/year-month";
import {
  ASSIGNMENT,
  type ContractTable,
  INSTITUTION,
  PAYMENT_CALENDAR,
  RL16_NOTIFICATION,
  SALARY_LINE,
  SCHOOL_BOARD,
  STAFF_MEMBER,
} from "./contract";
import {
  toAssignment,
  toInstitution,
  toNotification,
  toPaymentCalendar,
  toSalaryLine,
  toSchoolBoard,
  toStaff,
} from "./record-mappers";

/** SQL Server allows 2100 parameters per statement: id lists stay well below. */
export const MAX_IDS_PER_QUERY = 1000;

export interface PersonPageQuery {
  /** Notifications valid from this date on (or with no readable date) make a person considered. */
  readonly notificationsValidFrom: CalendarDate;
  /** Salary lines for months from … to … (inclusive). */
  readonly salaryFrom: YearMonth;
  readonly salaryTo: YearMonth;
  readonly pageSize?: number;
}

export class MinistryReader {
  constructor(private readonly dataSource: DataSource) {}

  /** A query on one contract table selecting every contract column under its contract name. */
  private select(table: ContractTable, alias: string): SelectQueryBuilder<object> {
    const qb = this.dataSource.getRepository(table.entity).createQueryBuilder(alias);
    qb.select([]);
    for (const column of table.columns) qb.addSelect(`${alias}.${column.property}`, column.name);
    return qb;
  }

  async paymentCalendar(): Promise<{ entries: PaymentCalendarRecord[]; errors: { periodMonth: string; error: string }[] }> {
    const rows = await this.select(PAYMENT_CALENDAR, "c").orderBy("c.periodMonth").getRawMany<Record<string, unknown>>();
    const entries: PaymentCalendarRecord[] = [];
    const errors: { periodMonth: string; error: string }[] = [];
    for (const row of rows) {
      const entry = toPaymentCalendar(row);
      if ("error" in entry) errors.push(entry);
      else entries.push(entry);
    }
    return { entries, errors };
  }

  async referenceData(): Promise<ReferenceData> {
    const boards = new Map<number, SchoolBoardRecord>();
    for await (const row of this.pages(SCHOOL_BOARD, "b")) boards.set(Number(row.id), toSchoolBoard(row));
    const institutions = new Map<number, InstitutionRecord>();
    for await (const row of this.pages(INSTITUTION, "i")) institutions.set(Number(row.id), toInstitution(row));
    return { boards, institutions };
  }

  /** Keyset pages over a whole table by id. */
  private async *pages(table: ContractTable, alias: string, pageSize = 5000): AsyncGenerator<Record<string, unknown>> {
    // No lower bound on the first page: a sentinel below every id would not fit an INTEGER parameter on PostgreSQL.
    let last: number | null = null;
    for (;;) {
      const page = this.select(table, alias);
      if (last !== null) page.where(`${alias}.id > :last`, { last });
      const rows = await page.orderBy(`${alias}.id`).limit(pageSize).getRawMany<Record<string, unknown>>();
      yield* rows;
      if (rows.length < pageSize) return;
      last = Number(rows[rows.length - 1].id);
    }
  }

  /** Pages of notified persons, in staff id order, with everything the rules need about them. */
  async *notifiedPersons(query: PersonPageQuery): AsyncGenerator<PersonSourceData[]> {
    const pageSize = Math.min(query.pageSize ?? 500, MAX_IDS_PER_QUERY);
    let last: number | null = null;
    for (;;) {
      const page = this.dataSource
        .getRepository(RL16_NOTIFICATION.entity)
        .createQueryBuilder("n")
        .select("n.staffId", "staff_id")
        .distinct(true)
        .where("(n.validFrom >= :from OR n.validFrom IS NULL)", { from: query.notificationsValidFrom });
      if (last !== null) page.andWhere("n.staffId > :last", { last });
      const idRows = await page.orderBy("n.staffId").limit(pageSize).getRawMany<{ staff_id: unknown }>();
      if (idRows.length === 0) return;
      const ids = idRows.map((row) => Number(row.staff_id));
      yield await this.personsByIds(ids, query);
      if (idRows.length < pageSize) return;
      last = ids[ids.length - 1];
    }
  }

  /** One staff member's data as a run of the month would read it (for `easr explain`). */
  async person(staffId: number, query: PersonPageQuery): Promise<PersonSourceData> {
    const [person] = await this.personsByIds([staffId], query);
    return person;
  }

  /** The staff id of an INSZ, or null. */
  async staffIdByInsz(insz: string): Promise<number | null> {
    const row = await this.dataSource
      .getRepository(STAFF_MEMBER.entity)
      .createQueryBuilder("s")
      .select("s.id", "id")
      .where("s.insz = :insz", { insz })
      .getRawOne<{ id: unknown }>();
    return row ? Number(row.id) : null;
  }

  private async personsByIds(ids: number[], query: PersonPageQuery): Promise<PersonSourceData[]> {
    const [staffRows, notificationRows, assignmentRows, salaryRows] = await Promise.all([
      this.select(STAFF_MEMBER, "s").where("s.id IN (:...ids)", { ids }).getRawMany<Record<string, unknown>>(),
      this.select(RL16_NOTIFICATION, "n")
        .where("n.staffId IN (:...ids)", { ids })
        .andWhere("(n.validFrom >= :from OR n.validFrom IS NULL)", { from: query.notificationsValidFrom })
        .orderBy("n.id")
        .getRawMany<Record<string, unknown>>(),
      this.select(ASSIGNMENT, "a").where("a.staffId IN (:...ids)", { ids }).orderBy("a.id").getRawMany<Record<string, unknown>>(),
      // Months compare as text: a malformed period_month ("2017-9", "09/2017") could sort outside the
      // range and never be read. Lines without the YYYY-MM shape are read too, so that they are reported;
      // a CHAR(7) pads "2017-9" to "2017-9 " on PostgreSQL and SQL Server, which the blank gives away.
      this.select(SALARY_LINE, "l")
        .where("l.staffId IN (:...ids)", { ids })
        .andWhere("((l.periodMonth >= :from AND l.periodMonth <= :to) OR l.periodMonth IS NULL OR l.periodMonth NOT LIKE :monthShape OR l.periodMonth LIKE :blank)", {
          from: query.salaryFrom,
          to: query.salaryTo,
          monthShape: "____-__",
          blank: "% %",
        })
        .orderBy("l.id")
        .getRawMany<Record<string, unknown>>(),
    ]);
    const persons = new Map<number, { staff: PersonSourceData["staff"]; notifications: unknown[]; assignments: unknown[]; salaryLines: unknown[] }>();
    for (const id of ids) persons.set(id, { staff: null, notifications: [], assignments: [], salaryLines: [] });
    for (const row of staffRows) {
      const person = persons.get(Number(row.id));
      if (person) person.staff = toStaff(row);
    }
    for (const row of notificationRows) persons.get(Number(row.staff_id))?.notifications.push(toNotification(row));
    for (const row of assignmentRows) persons.get(Number(row.staff_id))?.assignments.push(toAssignment(row));
    for (const row of salaryRows) persons.get(Number(row.staff_id))?.salaryLines.push(toSalaryLine(row));
    return ids.map((staffId) => {
      const person = persons.get(staffId)!;
      return {
        staffId,
        staff: person.staff,
        notifications: person.notifications as PersonSourceData["notifications"],
        assignments: person.assignments as PersonSourceData["assignments"],
        salaryLines: person.salaryLines as PersonSourceData["salaryLines"],
      };
    });
  }

  /** How many persons `notifiedPersons` will hand out (for progress). */
  async countNotifiedPersons(query: PersonPageQuery): Promise<number> {
    const row = await this.dataSource
      .getRepository(RL16_NOTIFICATION.entity)
      .createQueryBuilder("n")
      .select("COUNT(DISTINCT n.staffId)", "count")
      .where("(n.validFrom >= :from OR n.validFrom IS NULL)", { from: query.notificationsValidFrom })
      .getRawOne<{ count: unknown }>();
    return Number(row?.count ?? 0);
  }

  /** Message references used by more than one notification (the contract says UNIQUE; not every database enforces it). */
  async duplicateMessageRefs(): Promise<Set<string>> {
    const rows = await this.dataSource
      .getRepository(RL16_NOTIFICATION.entity)
      .createQueryBuilder("n")
      .select("n.messageRef", "message_ref")
      .groupBy("n.messageRef")
      .having("COUNT(*) > 1")
      .getRawMany<{ message_ref: unknown }>();
    return new Set(rows.map((row) => String(row.message_ref)));
  }
}
