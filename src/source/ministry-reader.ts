/**
 * Read-only access to the ministry database, in bounded chunks: persons are paged by staff id
 * (keyset: `staff_id > last ORDER BY staff_id`), and everything about one page of persons is read
 * with a handful of `IN (...)` queries, so memory does not grow with the population and there is no
 * query per person.
 *
 * A person is considered when notified (RL16), or in the benefits sector when in adapted work during
 * the months read, with a holiday balance of the holiday years in scope, with breastfeeding breaks of
 * those months, or with a resumption of work on one of their days. Each source is asked for its own
 * next staff ids in order; a page is the lowest ids of their union.
 */
import type { DataSource, SelectQueryBuilder } from "typeorm";
import type { SourceNaming } from "../../mappings/source-tables";
import { holdsColumn, holdsTable, type SourceHoldings, sourceGaps, sourceHoldings, WHOLE_CONTRACT } from "./source-holdings";
import { dateKeyOf } from "./row-reader";
import type {
  InstitutionRecord,
  PaymentCalendarRecord,
  PersonSourceData,
  ReferenceData,
  SchoolBoardRecord,
} from "../domain/ministry-records";
import type { RecordProblem, RejectionRule } from "../domain/outcome-codes";
import { addMonths, firstDayOf, lastDayOf, type YearMonth } from "../domain/year-month";
import {
  ABSENCE,
  ABSENCE_DAY,
  ASSIGNMENT_SALARY,
  BREASTFEEDING_BREAK,
  WORK_RESUMPTION,
  ADAPTED_WORK,
  ASSIGNMENT,
  type ContractTable,
  DAY_NATURE,
  HOLIDAY_BALANCE,
  INSTITUTION,
  PAYMENT_CALENDAR,
  PERFORMANCE_LINE,
  RL16_NOTIFICATION,
  SALARY_LINE,
  SCHOOL_BOARD,
  STAFF_MEMBER,
} from "./contract";
import {
  toAbsence,
  toAbsenceDay,
  toAssignmentSalary,
  toBreastfeedingBreak,
  toWorkResumption,
  toAdaptedWork,
  toAssignment,
  toDayNature,
  toHolidayBalance,
  toInstitution,
  toNotification,
  toPaymentCalendar,
  toPerformanceLine,
  toSalaryLine,
  toSchoolBoard,
  toStaff,
} from "./record-mappers";

/** SQL Server allows 2100 parameters per statement: id lists stay well below. */
export const MAX_IDS_PER_QUERY = 1000;

export interface PersonPageQuery {
  /** Salary lines for months from … to … (inclusive). Every notification is read, whatever its dates (D18). */
  readonly salaryFrom: YearMonth;
  readonly salaryTo: YearMonth;
  /** Benefits sector: adapted work overlapping the months benefitsFrom … salaryTo makes a person considered (with its lines of those months). */
  readonly benefitsFrom: YearMonth;
  /** Benefits sector: holiday balances of these holiday years (inclusive) make a person considered. */
  readonly holidayYearsFrom: number;
  readonly holidayYearsTo: number;
  readonly pageSize?: number;
}

type Raw = Record<string, unknown>;

/**
 * The ways a staff member becomes a person of the run, each a contract table with a staff id, or (a
 * resumption of work) with the id of a row that has one (its absence).
 */
type PersonSource = "notification" | "adaptedWork" | "holidayBalance" | "breastfeedingBreak" | "absence" | "workResumption";
const PERSON_SOURCES: readonly PersonSource[] = [
  "notification",
  "adaptedWork",
  "holidayBalance",
  "breastfeedingBreak",
  "absence",
  "workResumption",
];
const SOURCE_TABLES: Record<PersonSource, ContractTable> = {
  notification: RL16_NOTIFICATION,
  adaptedWork: ADAPTED_WORK,
  holidayBalance: HOLIDAY_BALANCE,
  breastfeedingBreak: BREASTFEEDING_BREAK,
  absence: ABSENCE,
  workResumption: WORK_RESUMPTION,
};
const SOURCE_ALIASES: Record<PersonSource, string> = {
  notification: "n",
  adaptedWork: "w",
  holidayBalance: "h",
  breastfeedingBreak: "b",
  absence: "ab",
  workResumption: "r",
};

/** The table a source's rows reach their staff id through (a resumption: its absence), with its alias. */
const STAFF_THROUGH: Partial<Record<PersonSource, { readonly table: ContractTable; readonly reference: string }>> = {
  workResumption: { table: ABSENCE, reference: "absenceId" },
};

/** The expression of a source's staff id under `alias` (joined to its owner as `<alias>o` when it has none itself). */
function staffIdOf(source: PersonSource, alias: string): string {
  return STAFF_THROUGH[source] ? `${alias}o.staffId` : `${alias}.staffId`;
}

/** The sources whose rows of no staff member are reported as unowned records (ORPHAN_CHECKS), so never make a person. */
const STAFF_MUST_EXIST: ReadonlySet<PersonSource> = new Set(["absence", "workResumption"]);

/**
 * A query over a source's rows, joined to the row that carries their staff id when they have none, and
 * for the sources whose orphans are reported apart, to that staff member: an unowned record, never a person.
 */
function withStaff(query: SelectQueryBuilder<object>, source: PersonSource, alias: string): SelectQueryBuilder<object> {
  const through = STAFF_THROUGH[source];
  if (through) query.innerJoin(through.table.entity, `${alias}o`, `${alias}o.id = ${alias}.${through.reference}`);
  if (STAFF_MUST_EXIST.has(source)) query.innerJoin(STAFF_MEMBER.entity, `${alias}s`, `${alias}s.id = ${staffIdOf(source, alias)}`);
  return query;
}

/**
 * The shape of a readable DATE as text (a midnight time part may follow). Only SQLite can hold
 * something else in a DATE column; CAST(… AS CHAR(10)) reads the same on every engine.
 */
const DATE_SHAPE = "____-__-__%";

/** The values the scope conditions below are written with (TypeORM binds only those a statement uses). */
function scopeParameters(query: PersonPageQuery): Record<string, unknown> {
  return {
    workFrom: firstDayOf(query.benefitsFrom),
    // Birth leave is taken within four months of the birth: every block of a birth the months can see.
    birthsFrom: firstDayOf(addMonths(query.benefitsFrom, -4)),
    birthLeave: "BIRTH_LEAVE",
    workTo: lastDayOf(query.salaryTo),
    yearFrom: query.holidayYearsFrom,
    yearTo: query.holidayYearsTo,
    dateShape: DATE_SHAPE,
    ...monthRange(query.benefitsFrom, query.salaryTo),
  };
}

/**
 * The rows of a source that make a staff member considered, on the table under `alias`:
 * - every notification: the rules say which windows are too old (D18), the reader never filters them by date;
 * - adapted work overlapping the benefits months (starting by the last day of salaryTo and not ended
 *   before the first day of benefitsFrom), or with a date that cannot be read, so that it is reported;
 * - holiday balances of the holiday years in scope, or with no year;
 * - breastfeeding breaks of the benefits months, or of no readable month;
 * - absences starting in the benefits months (a ZIMA001 risk), or on no readable day;
 * - resumptions of work on a day of the benefits months, or on no readable day.
 */
function scopeCondition(source: PersonSource, alias: string): string {
  switch (source) {
    case "notification":
      return "1 = 1";
    case "adaptedWork":
      return `((${alias}.startDate <= :workTo AND (${alias}.endDate IS NULL OR ${alias}.endDate >= :workFrom)) OR ${alias}.startDate IS NULL OR CAST(${alias}.startDate AS CHAR(10)) NOT LIKE :dateShape OR CAST(${alias}.endDate AS CHAR(10)) NOT LIKE :dateShape)`;
    case "holidayBalance":
      return `((${alias}.holidayYear >= :yearFrom AND ${alias}.holidayYear <= :yearTo) OR ${alias}.holidayYear IS NULL)`;
    case "breastfeedingBreak":
      return monthInRange(`${alias}.periodMonth`);
    case "absence":
      return `((${alias}.firstDay >= :workFrom AND ${alias}.firstDay <= :workTo) OR ${alias}.firstDay IS NULL OR CAST(${alias}.firstDay AS CHAR(10)) NOT LIKE :dateShape)`;
    case "workResumption":
      return `((${alias}.resumptionDate >= :workFrom AND ${alias}.resumptionDate <= :workTo) OR ${alias}.resumptionDate IS NULL OR CAST(${alias}.resumptionDate AS CHAR(10)) NOT LIKE :dateShape)`;
  }
}

/**
 * Absences not ended before the benefits months — those starting after the run month too: a birth's
 * later leave blocks decide when its sheet is due (ZIMA001 R9) — or with a date that cannot be read, so
 * that it is reported.
 */
function absenceInScope(alias: string): string {
  return `((${alias}.lastDay IS NULL OR ${alias}.lastDay >= :workFrom) OR ${alias}.firstDay IS NULL OR CAST(${alias}.firstDay AS CHAR(10)) NOT LIKE :dateShape OR CAST(${alias}.lastDay AS CHAR(10)) NOT LIKE :dateShape)`;
}

/** A table whose rows refer to another's id: the rows that refer to none are reported with `rule`. */
interface OrphanCheck {
  readonly table: ContractTable;
  /** The row's identity, [property, column] in order (the id, or the key of a table without one). */
  readonly identity: readonly (readonly [string, string])[];
  /** The property and column that refer to the owner. */
  readonly reference: string;
  readonly field: string;
  readonly owner: ContractTable;
  readonly rule: RejectionRule;
}

const BY_ID = [["id", "id"]] as const;

const ORPHAN_CHECKS: readonly OrphanCheck[] = [
  { table: ASSIGNMENT, identity: BY_ID, reference: "staffId", field: "staff_id", owner: STAFF_MEMBER, rule: "UNKNOWN_STAFF" },
  { table: SALARY_LINE, identity: BY_ID, reference: "staffId", field: "staff_id", owner: STAFF_MEMBER, rule: "UNKNOWN_STAFF" },
  { table: ABSENCE, identity: BY_ID, reference: "staffId", field: "staff_id", owner: STAFF_MEMBER, rule: "UNKNOWN_STAFF" },
  { table: ABSENCE_DAY, identity: BY_ID, reference: "absenceId", field: "absence_id", owner: ABSENCE, rule: "UNKNOWN_ABSENCE" },
  { table: WORK_RESUMPTION, identity: BY_ID, reference: "absenceId", field: "absence_id", owner: ABSENCE, rule: "UNKNOWN_ABSENCE" },
  {
    table: ASSIGNMENT_SALARY,
    identity: [
      ["assignmentId", "assignment_id"],
      ["validFrom", "valid_from"],
    ],
    reference: "assignmentId",
    field: "assignment_id",
    owner: ASSIGNMENT,
    rule: "UNKNOWN_ASSIGNMENT",
  },
];

/** One source's walk through its staff ids: fetched but not yet paged out, and where the next fetch starts. */
interface SourceCursor {
  readonly source: PersonSource;
  ids: number[];
  after: number | null;
  exhausted: boolean;
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let first = 0; first < values.length; first += size) result.push(values.slice(first, first + size));
  return result;
}

/** The month parts of a real month, "01" … "12". */
const MONTH_PARTS: readonly string[] = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));

/**
 * A month column in from … to, or anything that is no month, so that it is read and reported (D10:
 * a value that breaks the contract is rejected, never dropped by a query condition): NULL, another
 * shape ("2017-9", "09/2017"; a CHAR(7) pads "2017-9" to "2017-9 " on PostgreSQL and SQL Server, which the
 * blank gives away), a month part that is none ("2017-13", "2017-1a": they sort after the range), or a year
 * before 1900. A real month outside the range is the only row left out.
 */
function monthInRange(column: string): string {
  const noMonth = `SUBSTRING(${column}, 6, 2) NOT IN (:...monthParts)`;
  return `((${column} >= :from AND (${column} <= :to OR ${noMonth})) OR ${column} < :earliest OR ${column} IS NULL OR ${column} NOT LIKE :monthShape OR ${column} LIKE :blank)`;
}

function monthRange(from: YearMonth, to: YearMonth): Record<string, unknown> {
  return { from, to, earliest: "1900-01", monthParts: MONTH_PARTS, monthShape: "____-__", blank: "% %" };
}

/** The rows of a page read by staff id. */
interface StaffRows {
  readonly staff: Raw[];
  readonly notifications: Raw[];
  readonly assignments: Raw[];
  readonly salaryLines: Raw[];
  readonly adaptedWork: Raw[];
  readonly holidayBalances: Raw[];
  readonly absences: Raw[];
  readonly breaks: Raw[];
}

/** The rows of a page that hang on its adapted work, absences and assignments. */
interface HangingRows {
  readonly performanceLines: Raw[];
  readonly dayNatures: Raw[];
  readonly absenceDays: Raw[];
  readonly resumptions: Raw[];
  readonly salaries: Raw[];
}

function idsOf(rows: readonly Raw[]): number[] {
  return rows.map((row) => Number(row.id));
}

/** One read per IN list of at most MAX_IDS_PER_QUERY ids, their rows in order. */
async function inLists(ids: readonly number[], read: (chunk: number[]) => Promise<Raw[]>): Promise<Raw[]> {
  const rows: Raw[] = [];
  for (const chunk of chunks(ids, MAX_IDS_PER_QUERY)) rows.push(...(await read(chunk)));
  return rows;
}

/** Rows mapped to records, grouped by the staff id `ownerOf` finds for each (rows of no page person are left out: they are read by staff id). */
function byStaff<T>(rows: readonly Raw[], ownerOf: (row: Raw) => number | undefined, toRecord: (row: Raw) => T): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const staffId = ownerOf(row);
    if (staffId === undefined) continue;
    const own = grouped.get(staffId);
    if (own) own.push(toRecord(row));
    else grouped.set(staffId, [toRecord(row)]);
  }
  return grouped;
}

/** The staff id of each row of a table, for the rows hanging on it. */
function staffOfRows(rows: readonly Raw[]): Map<number, number> {
  return new Map(rows.map((row) => [Number(row.id), Number(row.staff_id)]));
}

/** Each person of the page with their records, in the page's order. */
function assemblePersons(ids: readonly number[], rows: StaffRows, hanging: HangingRows): PersonSourceData[] {
  const ownStaffId = (row: Raw) => Number(row.staff_id);
  const through = (owners: Map<number, number>, column: string) => (row: Raw) => owners.get(Number(row[column]));
  const ofAdaptedWork = through(staffOfRows(rows.adaptedWork), "adapted_work_id");
  const ofAbsence = through(staffOfRows(rows.absences), "absence_id");
  const staff = new Map(rows.staff.map((row) => [Number(row.id), toStaff(row)]));
  const notifications = byStaff(rows.notifications, ownStaffId, toNotification);
  const assignments = byStaff(rows.assignments, ownStaffId, toAssignment);
  const salaryLines = byStaff(rows.salaryLines, ownStaffId, toSalaryLine);
  const adaptedWork = byStaff(rows.adaptedWork, ownStaffId, toAdaptedWork);
  const performanceLines = byStaff(hanging.performanceLines, ofAdaptedWork, toPerformanceLine);
  const dayNatures = byStaff(hanging.dayNatures, ofAdaptedWork, toDayNature);
  const holidayBalances = byStaff(rows.holidayBalances, ownStaffId, toHolidayBalance);
  const absences = byStaff(rows.absences, ownStaffId, toAbsence);
  const absenceDays = byStaff(hanging.absenceDays, ofAbsence, toAbsenceDay);
  const workResumptions = byStaff(hanging.resumptions, ofAbsence, toWorkResumption);
  const breastfeedingBreaks = byStaff(rows.breaks, ownStaffId, toBreastfeedingBreak);
  const assignmentSalaries = byStaff(hanging.salaries, through(staffOfRows(rows.assignments), "assignment_id"), toAssignmentSalary);
  return ids.map((staffId) => ({
    staffId,
    staff: staff.get(staffId) ?? null,
    notifications: notifications.get(staffId) ?? [],
    assignments: assignments.get(staffId) ?? [],
    salaryLines: salaryLines.get(staffId) ?? [],
    adaptedWork: adaptedWork.get(staffId) ?? [],
    performanceLines: performanceLines.get(staffId) ?? [],
    dayNatures: dayNatures.get(staffId) ?? [],
    holidayBalances: holidayBalances.get(staffId) ?? [],
    absences: absences.get(staffId) ?? [],
    absenceDays: absenceDays.get(staffId) ?? [],
    workResumptions: workResumptions.get(staffId) ?? [],
    breastfeedingBreaks: breastfeedingBreaks.get(staffId) ?? [],
    assignmentSalaries: assignmentSalaries.get(staffId) ?? [],
  }));
}

export class MinistryReader {
  /** `holdings`: what the source has of the parts of the contract added later (the whole contract unless told). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly holdings: SourceHoldings = WHOLE_CONTRACT,
  ) {}

  /** A reader of an opened source, having asked it which added tables and columns it has. */
  static async open(dataSource: DataSource, naming?: SourceNaming): Promise<MinistryReader> {
    return new MinistryReader(dataSource, await sourceHoldings(dataSource, naming));
  }

  /** What the run says once about the added parts of the contract the source lacks (none: nothing). */
  gaps(): string[] {
    return sourceGaps(this.holdings);
  }

  /** A query on one contract table selecting every contract column the source has under its contract name (a missing one reads as NULL). */
  private select(table: ContractTable, alias: string): SelectQueryBuilder<object> {
    const qb = this.dataSource.getRepository(table.entity).createQueryBuilder(alias);
    qb.select([]);
    for (const column of table.columns) {
      if (holdsColumn(this.holdings, table, column.name)) qb.addSelect(`${alias}.${column.property}`, column.name);
    }
    return qb;
  }

  /** The rows of an added table, or none when the source does not have it. */
  private async rowsOf(
    table: ContractTable,
    query: (select: SelectQueryBuilder<object>) => SelectQueryBuilder<object>,
    alias: string,
  ): Promise<Raw[]> {
    if (!holdsTable(this.holdings, table)) return [];
    return query(this.select(table, alias)).getRawMany<Raw>();
  }

  async paymentCalendar(): Promise<{ entries: PaymentCalendarRecord[]; errors: { periodMonth: string; error: string }[] }> {
    const rows = await this.select(PAYMENT_CALENDAR, "c").orderBy("c.periodMonth").getRawMany<Raw>();
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
  private async *pages(table: ContractTable, alias: string, pageSize = 5000): AsyncGenerator<Raw> {
    // No lower bound on the first page: a sentinel below every id would not fit an INTEGER parameter on PostgreSQL.
    let last: number | null = null;
    for (;;) {
      const page = this.select(table, alias);
      if (last !== null) page.where(`${alias}.id > :last`, { last });
      const rows = await page.orderBy(`${alias}.id`).limit(pageSize).getRawMany<Raw>();
      yield* rows;
      if (rows.length < pageSize) return;
      last = Number(rows[rows.length - 1].id);
    }
  }

  /**
   * Pages of the persons of the run (notified, in adapted work during the months read, or with a
   * holiday balance of the years in scope), in staff id order, with everything the rules need about them.
   */
  async *persons(query: PersonPageQuery): AsyncGenerator<PersonSourceData[]> {
    for await (const ids of this.personIdPages(query)) yield await this.personsByIds(ids, query);
  }

  /**
   * The persons' staff ids in ascending pages of at most `pageSize`. Each source keeps the ids it
   * handed out beyond the last page; it is asked again (for `staff_id > the last it gave`) only when it
   * holds fewer than a page, and no more once it gave fewer than asked. A page is the lowest ids of the
   * union: an id a source has not handed out yet lies above a whole page of that source's ids.
   */
  private async *personIdPages(query: PersonPageQuery): AsyncGenerator<number[]> {
    const pageSize = Math.min(query.pageSize ?? 500, MAX_IDS_PER_QUERY);
    const cursors: SourceCursor[] = PERSON_SOURCES.map((source) => ({ source, ids: [], after: null, exhausted: false }));
    for (;;) {
      for (const cursor of cursors) {
        if (cursor.exhausted || cursor.ids.length >= pageSize) continue;
        const limit = pageSize - cursor.ids.length;
        const ids = await this.nextStaffIds(cursor.source, cursor.after, limit, query);
        cursor.ids.push(...ids);
        if (ids.length > 0) cursor.after = ids[ids.length - 1];
        if (ids.length < limit) cursor.exhausted = true;
      }
      const page = [...new Set(cursors.flatMap((cursor) => cursor.ids))].sort((a, b) => a - b).slice(0, pageSize);
      if (page.length === 0) return;
      const last = page[page.length - 1];
      for (const cursor of cursors) cursor.ids = cursor.ids.filter((id) => id > last);
      yield page;
    }
  }

  /** The next `limit` distinct staff ids of one source above `after`, ascending. */
  private async nextStaffIds(source: PersonSource, after: number | null, limit: number, query: PersonPageQuery): Promise<number[]> {
    if (!this.holdsSource(source)) return [];
    const alias = SOURCE_ALIASES[source];
    const staffId = staffIdOf(source, alias);
    const page = withStaff(this.dataSource.getRepository(SOURCE_TABLES[source].entity).createQueryBuilder(alias), source, alias)
      .select(staffId, "staff_id")
      .distinct(true)
      .where(scopeCondition(source, alias), scopeParameters(query));
    if (after !== null) page.andWhere(`${staffId} > :last`, { last: after });
    const rows = await page.orderBy(staffId).limit(limit).getRawMany<{ staff_id: unknown }>();
    return rows.map((row) => Number(row.staff_id));
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

  /** The data of these persons (at most MAX_IDS_PER_QUERY), as a page of the run reads it. */
  async personsOf(ids: number[], query: PersonPageQuery): Promise<PersonSourceData[]> {
    return this.personsByIds(ids, query);
  }

  /** The data of a page of persons: the rows keyed by staff id, then the rows hanging on them, put together per person. */
  private async personsByIds(ids: number[], query: PersonPageQuery): Promise<PersonSourceData[]> {
    const rows = await this.staffRows(ids, query);
    const hanging = await this.hangingRows(rows, query);
    return assemblePersons(ids, rows, hanging);
  }

  /** Every table read by the page's staff ids (IN lists of the page, at most MAX_IDS_PER_QUERY). */
  private async staffRows(ids: number[], query: PersonPageQuery): Promise<StaffRows> {
    const scope = scopeParameters(query);
    const [staff, notifications, assignments, salaryLines, adaptedWork, holidayBalances, absences, breaks] = await Promise.all([
      this.select(STAFF_MEMBER, "s").where("s.id IN (:...ids)", { ids }).getRawMany<Raw>(),
      this.select(RL16_NOTIFICATION, "n")
        .where("n.staffId IN (:...ids)", { ids })
        .andWhere(scopeCondition("notification", "n"), scope)
        .orderBy("n.id")
        .getRawMany<Raw>(),
      this.select(ASSIGNMENT, "a").where("a.staffId IN (:...ids)", { ids }).orderBy("a.id").getRawMany<Raw>(),
      // Months compare as text: a malformed period_month ("2017-9", "09/2017") could sort outside the
      // range and never be read. Lines without the YYYY-MM shape are read too, so that they are reported;
      // a CHAR(7) pads "2017-9" to "2017-9 " on PostgreSQL and SQL Server, which the blank gives away.
      this.select(SALARY_LINE, "l")
        .where("l.staffId IN (:...ids)", { ids })
        .andWhere(monthInRange("l.periodMonth"), monthRange(query.salaryFrom, query.salaryTo))
        .orderBy("l.id")
        .getRawMany<Raw>(),
      this.select(ADAPTED_WORK, "w")
        .where("w.staffId IN (:...ids)", { ids })
        .andWhere(scopeCondition("adaptedWork", "w"), scope)
        .orderBy("w.id")
        .getRawMany<Raw>(),
      this.select(HOLIDAY_BALANCE, "h")
        .where("h.staffId IN (:...ids)", { ids })
        .andWhere(scopeCondition("holidayBalance", "h"), scope)
        .orderBy("h.id")
        .getRawMany<Raw>(),
      this.rowsOf(
        ABSENCE,
        (q) => q.where("x.staffId IN (:...ids)", { ids }).andWhere(this.absenceRead(q, "x"), scope).orderBy("x.id"),
        "x",
      ),
      this.rowsOf(
        BREASTFEEDING_BREAK,
        (q) => q.where("b.staffId IN (:...ids)", { ids }).andWhere(scopeCondition("breastfeedingBreak", "b"), scope).orderBy("b.id"),
        "b",
      ),
    ]);
    return { staff, notifications, assignments, salaryLines, adaptedWork, holidayBalances, absences, breaks };
  }

  /**
   * The absences a page reads: those in scope, every block of a birth the months can see (a birth's sheet
   * is one unit whatever block is in the months), and those a resumption in scope ends (it needs its
   * absence, however long ago).
   */
  private absenceRead(query: SelectQueryBuilder<object>, alias: string): string {
    const births = `(${alias}.kind = :birthLeave AND ${alias}.eventDate >= :birthsFrom)`;
    if (!this.holdsSource("workResumption")) return `(${absenceInScope(alias)} OR ${births})`;
    const ended = query
      .subQuery()
      .select("1")
      .from(WORK_RESUMPTION.entity, `${alias}r`)
      .where(`${alias}r.absenceId = ${alias}.id`)
      .andWhere(scopeCondition("workResumption", `${alias}r`))
      .getQuery();
    return `(${absenceInScope(alias)} OR ${births} OR EXISTS ${ended})`;
  }

  /**
   * The rows that hang on the page's adapted work, absences and assignments, in IN lists of at most
   * MAX_IDS_PER_QUERY of their ids: a page of persons may have more of them than an IN list takes.
   */
  private async hangingRows(rows: StaffRows, query: PersonPageQuery): Promise<HangingRows> {
    const scope = scopeParameters(query);
    const performanceLines = await inLists(idsOf(rows.adaptedWork), (workIds) =>
      // Months as for the salary lines, over the benefits months.
      this.select(PERFORMANCE_LINE, "p")
        .where("p.adaptedWorkId IN (:...workIds)", { workIds })
        .andWhere(monthInRange("p.periodMonth"), monthRange(query.benefitsFrom, query.salaryTo))
        .orderBy("p.id")
        .getRawMany<Raw>(),
    );
    const dayNatures = await inLists(idsOf(rows.adaptedWork), (workIds) =>
      this.select(DAY_NATURE, "d")
        .where("d.adaptedWorkId IN (:...workIds)", { workIds })
        .andWhere("((d.day >= :workFrom AND d.day <= :workTo) OR d.day IS NULL OR CAST(d.day AS CHAR(10)) NOT LIKE :dateShape)", scope)
        .orderBy("d.id")
        .getRawMany<Raw>(),
    );
    const absenceDays = await inLists(idsOf(rows.absences), (absenceIds) =>
      this.rowsOf(ABSENCE_DAY, (q) => q.where("d.absenceId IN (:...absenceIds)", { absenceIds }).orderBy("d.id"), "d"),
    );
    const resumptions = await inLists(idsOf(rows.absences), (absenceIds) =>
      this.rowsOf(WORK_RESUMPTION, (q) => q.where("r.absenceId IN (:...absenceIds)", { absenceIds }).orderBy("r.id"), "r"),
    );
    const salaries = await inLists(idsOf(rows.assignments), (assignmentIds) =>
      this.rowsOf(
        ASSIGNMENT_SALARY,
        (q) => q.where("y.assignmentId IN (:...assignmentIds)", { assignmentIds }).orderBy("y.assignmentId").addOrderBy("y.validFrom"),
        "y",
      ),
    );
    return { performanceLines, dayNatures, absenceDays, resumptions, salaries };
  }

  /**
   * How many persons `persons` will hand out (for progress): the distinct staff ids of the union of the
   * sources the source holds, counted portably as each source's staff ids in none of the sources before it.
   */
  async countPersons(query: PersonPageQuery): Promise<number> {
    const scope = scopeParameters(query);
    const held = PERSON_SOURCES.filter((source) => this.holdsSource(source));
    let count = 0;
    for (const [index, source] of held.entries()) {
      const alias = SOURCE_ALIASES[source];
      const qb = withStaff(this.dataSource.getRepository(SOURCE_TABLES[source].entity).createQueryBuilder(alias), source, alias).select(
        `COUNT(DISTINCT ${staffIdOf(source, alias)})`,
        "count",
      );
      qb.where(scopeCondition(source, alias), scope);
      for (const earlier of held.slice(0, index)) qb.andWhere(`NOT EXISTS ${this.inScopeFor(qb, staffIdOf(source, alias), earlier)}`);
      count += Number((await qb.getRawOne<{ count: unknown }>())?.count ?? 0);
    }
    return count;
  }

  /** A correlated sub-query `(SELECT 1 FROM <source> WHERE staff_id = <outer staff id> AND <in scope>)`, its parameters those of `outer`. */
  private inScopeFor(outer: SelectQueryBuilder<object>, outerStaffId: string, source: PersonSource): string {
    const alias = `${SOURCE_ALIASES[source]}x`;
    return withStaff(outer.subQuery().select("1").from(SOURCE_TABLES[source].entity, alias), source, alias)
      .where(`${staffIdOf(source, alias)} = ${outerStaffId}`)
      .andWhere(scopeCondition(source, alias))
      .getQuery();
  }

  /** Whether the source has a person source's table, and the table it reaches its staff id through. */
  private holdsSource(source: PersonSource): boolean {
    const through = STAFF_THROUGH[source];
    return holdsTable(this.holdings, SOURCE_TABLES[source]) && (through === undefined || holdsTable(this.holdings, through.table));
  }

  /**
   * Rows that belong to no row they refer to — assignments, salary lines and absences of no staff member ('x', a deleted person), absence days and resumptions of no absence,
   * salary history of no assignment: no page of persons ever reads them, so they are found here and
   * reported (D10: nothing silently lost). Tables the source does not have are not asked.
   */
  async unownedRecords(): Promise<RecordProblem[]> {
    const problems: RecordProblem[] = [];
    for (const orphan of ORPHAN_CHECKS) {
      if (!holdsTable(this.holdings, orphan.table)) continue;
      const alias = "x";
      const query = this.dataSource.getRepository(orphan.table.entity).createQueryBuilder(alias).select([]);
      for (const [property, name] of orphan.identity) query.addSelect(`${alias}.${property}`, name);
      query.addSelect(`${alias}.${orphan.reference}`, "reference");
      const owner = query.subQuery().select("1").from(orphan.owner.entity, "o").where(`o.id = ${alias}.${orphan.reference}`).getQuery();
      const ordered = query.where(`NOT EXISTS ${owner}`).orderBy(`${alias}.${orphan.identity[0][0]}`);
      for (const [property] of orphan.identity.slice(1)) ordered.addOrderBy(`${alias}.${property}`);
      for (const row of await ordered.getRawMany<Raw>()) {
        problems.push({
          table: orphan.table.name,
          recordId: orphan.identity.map(([, name]) => (name === "valid_from" ? dateKeyOf(row[name]) : String(row[name]))).join(" "),
          field: orphan.field,
          rule: orphan.rule,
          value: row.reference === null || row.reference === undefined ? "NULL" : String(row.reference),
        });
      }
    }
    return problems;
  }

  /**
   * The staff ids of every INSZ that more than one staff member has (the contract says UNIQUE; not every
   * database enforces it): a person is their INSZ, so such staff ids are rejected, all of them.
   * Held in memory for the run only.
   */
  async duplicateInszs(): Promise<Map<string, number[]>> {
    const shared = this.dataSource
      .getRepository(STAFF_MEMBER.entity)
      .createQueryBuilder("d")
      .select("d.insz")
      .groupBy("d.insz")
      .having("COUNT(*) > 1");
    const rows = await this.dataSource
      .getRepository(STAFF_MEMBER.entity)
      .createQueryBuilder("s")
      .select("s.id", "id")
      .addSelect("s.insz", "insz")
      .where(`s.insz IN (${shared.getQuery()})`)
      .orderBy("s.id")
      .getRawMany<{ id: unknown; insz: unknown }>();
    const byInsz = new Map<string, number[]>();
    for (const row of rows) {
      const insz = String(row.insz).trim();
      byInsz.set(insz, [...(byInsz.get(insz) ?? []), Number(row.id)]);
    }
    return byInsz;
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
