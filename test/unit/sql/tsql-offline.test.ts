/**
 * SQL Server is the production engine and there is no server here: every query of the source layer
 * (MinistryReader) and the state layer (the repositories of src/state/, the run lock) is run on an offline `mssql`
 * DataSource whose client records the statements instead of sending them (test/support/offline-mssql.ts),
 * and each statement is held against what SQL Server accepts (test/support/tsql-checks.ts): at most
 * 2100 parameters, `@0…` parameters, every paged query ordered, no syntax of another engine.
 *
 * The id lists are proven to be chunked with 5000 staff ids, through the reader's person pages,
 * `latestDeclarations` and `latestFingerprints`; multi-row inserts with 1200 rows. Answers are recorded
 * through src/channel/answer-recording.ts, which composes the answer, declaration and audit repositories
 * in one transaction. A last test fails when a method of the reader or of a state-layer class is not
 * exercised here, so a new query cannot slip past the check.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { type AnswerResult, type AnswerState, applyPendingAnswers, recordAnswerFile } from "../../../src/channel/answer-recording";
import { contractEntitySchemas } from "../../../src/source/entity-schemas";
import { MAX_IDS_PER_QUERY, MinistryReader, type PersonPageQuery } from "../../../src/source/ministry-reader";
import type { SourceHoldings } from "../../../src/source/source-holdings";
import { DecisionRepository, type DecisionRecord } from "../../../src/state/decision-repository";
import { ReleaseRepository } from "../../../src/state/release-repository";
import { type DeclarationRecord, DeclarationRepository, type FileRecord } from "../../../src/state/declaration-repository";
import { BatchFileRow, DeclarationRow, STATE_ENTITIES } from "../../../src/state/entities";
import { AnomalyReportRepository } from "../../../src/state/anomaly-report-repository";
import { AnswerRepository } from "../../../src/state/answer-repository";
import { AuditRepository } from "../../../src/state/audit-repository";
import { ChannelRepository } from "../../../src/state/channel-repository";
import { DeclarationHistory } from "../../../src/state/declaration-history";
import { RecoveryRepository } from "../../../src/state/recovery-repository";
import { acquireRunLock } from "../../../src/state/run-lock";
import { RunRepository } from "../../../src/state/run-repository";
import { projectRoot } from "../../../src/util/project-root";
import { OfflineMssql, type RecordedStatement } from "../../support/offline-mssql";
import { isPaged, SQL_SERVER_MAX_PARAMETERS, tsqlProblems } from "../../support/tsql-checks";

const STAFF_COUNT = 5000;
const STAFF_IDS = Array.from({ length: STAFF_COUNT }, (_, i) => 100_001 + i);
const QUERY: PersonPageQuery = {
  salaryFrom: "2017-01",
  salaryTo: "2017-09",
  benefitsFrom: "2017-01",
  holidayYearsFrom: 2015,
  holidayYearsTo: 2016,
  pageSize: 5000,
};

/** Method calls on the objects under test, per class, for the coverage check at the end. */
const exercised = new Map<string, Set<string>>();

/**
 * Wraps an instance so that every method called on it (by the test or by itself) is noted, for the
 * class that defines it (a repository's own class, or StateRepository); the same repository inside a
 * transaction (`withManager`) is wrapped too.
 */
function tracked<T extends object>(instance: T): T {
  return new Proxy(instance, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string" || property === "constructor") return value;
      noteCall(target, property);
      if (property !== "withManager") return value;
      return (...args: unknown[]) => tracked((value as (...a: unknown[]) => object).apply(receiver, args));
    },
  });
}

function noteCall(instance: object, method: string): void {
  let owner: object | null = Object.getPrototypeOf(instance) as object | null;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, method)) owner = Object.getPrototypeOf(owner) as object | null;
  const className = (owner ?? instance).constructor.name;
  const calls = exercised.get(className) ?? new Set<string>();
  exercised.set(className, calls);
  calls.add(method);
}

/** The repositories answers are recorded with, each tracked. */
function answerState(dataSource: OfflineMssql["dataSource"]): AnswerState {
  return {
    answers: tracked(new AnswerRepository(dataSource)),
    declarations: tracked(new DeclarationRepository(dataSource)),
    audit: tracked(new AuditRepository(dataSource)),
  };
}

/** Fails with every statement that SQL Server would refuse, each with its problems. */
function expectValidTsql(statements: readonly RecordedStatement[]): void {
  expect(statements, "statements recorded").not.to.be.empty;
  const refused = statements
    .map((statement) => ({ sql: statement.sql.slice(0, 300), parameters: statement.parameters.length, problems: tsqlProblems(statement) }))
    .filter((entry) => entry.problems.length > 0);
  expect(refused, "statements SQL Server would refuse").to.deep.equal([]);
}

/** The numbers bound to a statement: the ids of an IN list, besides an occasional numeric filter. */
function boundNumbers(statement: RecordedStatement): number[] {
  return statement.parameters.filter((value): value is number => typeof value === "number");
}

/** Rows per INSERT … VALUES (…), (…) statement. */
function insertedRows(statement: RecordedStatement): number {
  const values = statement.sql.slice(statement.sql.indexOf(" VALUES ") + " VALUES ".length).split(";")[0];
  return values.split(/\)\s*,\s*\(/).length;
}

function statementsOn(statements: readonly RecordedStatement[], table: string): RecordedStatement[] {
  return statements.filter((statement) => statement.sql.includes(`FROM "${table}"`) || statement.sql.includes(`INTO "${table}"`));
}

describe("T-SQL of the source and state layers, built on an offline SQL Server DataSource", () => {
  let db: OfflineMssql;

  before(async () => {
    db = await OfflineMssql.open([...STATE_ENTITIES, ...contractEntitySchemas("mssql")]);
  });

  beforeEach(() => db.take());

  describe("the source layer (MinistryReader)", () => {
    it("pages 5000 notified persons in keyset pages of at most 1000, each page's IN lists within the parameter limit, every person read once", async () => {
      db.respond(({ sql, parameters }) => {
        if (!/^SELECT DISTINCT "n"\."staff_id"/.test(sql)) return undefined;
        // The keyset: staff ids above the last one of the previous page, as many as the page asks for.
        const after = /"n"\."staff_id" > @(\d+)/.exec(sql);
        const last = after ? Number(parameters[Number(after[1])]) : -Infinity;
        const size = Number(/FETCH NEXT (\d+) ROWS ONLY/.exec(sql)?.[1]);
        return STAFF_IDS.filter((id) => id > last)
          .slice(0, size)
          .map((id) => ({ staff_id: id }));
      });
      const reader = tracked(new MinistryReader(db.dataSource));
      const pages: number[][] = [];
      for await (const page of reader.persons(QUERY)) pages.push(page.map((person) => person.staffId));

      expect(pages.map((page) => page.length)).to.deep.equal([1000, 1000, 1000, 1000, 1000]);
      expect(pages.flat()).to.deep.equal(STAFF_IDS);
      const statements = db.take();
      expectValidTsql(statements);
      const idPages = statements.filter((s) => s.sql.startsWith('SELECT DISTINCT "n"'));
      expect(idPages).to.have.length(6); // five full pages and the empty one that ends the walk
      // The benefits sources have no one here: each is asked once, and no more once it gave fewer than asked.
      expect(statements.filter((s) => /^SELECT DISTINCT "[whb]"/.test(s.sql))).to.have.length(3);
      for (const page of idPages) expect(page.sql).to.match(/ORDER BY "n"\."staff_id" ASC OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY$/);
      for (const table of ["staff_member", "rl16_notification", "assignment", "salary_line"]) {
        const inLists = statementsOn(statements, table).filter((s) => s.sql.includes(" IN ("));
        expect(inLists, table).to.have.length(5);
        // the ids, and the month condition's bounds, shapes and twelve month parts
        for (const statement of inLists) expect(statement.parameters.length, table).to.be.at.most(MAX_IDS_PER_QUERY + 20);
        expect(inLists.flatMap(boundNumbers), `${table}: every id asked once`).to.deep.equal(STAFF_IDS);
      }
    });

    it("pages the union of notified persons, adapted work and holiday balances: each id once, in pages of at most 1000; performance and day-nature lines in IN lists of at most 1000 adapted-work ids", async () => {
      // Four overlapping sources whose union is every staff id; some persons come only with breastfeeding breaks (ZIMA003).
      const sources: Record<string, number[]> = {
        n: STAFF_IDS.filter((_, i) => i % 3 === 0),
        w: STAFF_IDS.filter((_, i) => i % 3 === 1 || i % 5 === 0),
        h: STAFF_IDS.filter((_, i) => (i % 3 === 2 && i % 4 !== 0) || i % 7 === 0),
        b: STAFF_IDS.filter((_, i) => i % 3 === 2 && i % 4 === 0),
        // Absences (ZIMA001) of persons the other sources also give.
        ab: STAFF_IDS.filter((_, i) => i % 11 === 0),
        // Resumptions (ZIMA006), through their absence: none here.
        ro: [],
      };
      const inAdaptedWork = new Set(sources.w);
      // Three adapted-work rows per person in adapted work: ~470 such persons a page, more ids than an IN list takes.
      const workIdsOf = (staffId: number) => [staffId * 10 + 1, staffId * 10 + 2, staffId * 10 + 3];
      db.respond(({ sql, parameters }) => {
        const source = /^SELECT DISTINCT "(\w+)"\."staff_id"/.exec(sql)?.[1];
        if (source) {
          const after = new RegExp(`"${source}"\\."staff_id" > @(\\d+)`).exec(sql);
          const last = after ? Number(parameters[Number(after[1])]) : -Infinity;
          const size = Number(/FETCH NEXT (\d+) ROWS ONLY/.exec(sql)?.[1]);
          return sources[source]
            .filter((id) => id > last)
            .slice(0, size)
            .map((id) => ({ staff_id: id }));
        }
        if (/FROM "adapted_work" "w" WHERE "w"\."staff_id" IN \(/.test(sql)) {
          return boundNumbers({ sql, parameters, names: [], inTransaction: false })
            .filter((id) => inAdaptedWork.has(id))
            .flatMap((staffId) =>
              workIdsOf(staffId).map((id) => ({
                id,
                staff_id: staffId,
                assignment_id: 1,
                sub_risk: 1,
                start_date: "2017-01-01",
                end_date: null,
                days_per_week: "4.5",
                q_hours: "19.00",
                s_hours: "38.00",
              })),
            );
        }
        if (/FROM "performance_line" "p" WHERE "p"\."adapted_work_id" IN \(/.test(sql)) {
          return boundNumbers({ sql, parameters, names: [], inTransaction: false }).map((workId) => ({
            id: workId,
            adapted_work_id: workId,
            period_month: "2017-09",
            performance_code: "1",
            days: null,
            hours: "72.50",
          }));
        }
        return undefined;
      });
      const reader = tracked(new MinistryReader(db.dataSource));
      const pages: number[][] = [];
      const performanceHours = new Set<number | null>();
      for await (const page of reader.persons(QUERY)) {
        pages.push(page.map((person) => person.staffId));
        for (const person of page) {
          const expected = inAdaptedWork.has(person.staffId) ? workIdsOf(person.staffId) : [];
          expect(
            person.adaptedWork!.map((w) => w.id),
            `adapted work of ${person.staffId}`,
          ).to.deep.equal(expected);
          expect(
            person.performanceLines!.map((l) => l.adaptedWorkId),
            `performance lines of ${person.staffId}`,
          ).to.deep.equal(expected);
          for (const line of person.performanceLines!) performanceHours.add(line.hours);
          expect(person.dayNatures).to.deep.equal([]);
          expect(person.holidayBalances).to.deep.equal([]);
        }
      }

      expect(pages.map((page) => page.length)).to.deep.equal([1000, 1000, 1000, 1000, 1000]);
      expect(pages.flat()).to.deep.equal(STAFF_IDS);
      expect([...performanceHours]).to.deep.equal([7250]);
      const statements = db.take();
      expectValidTsql(statements);
      // Each source is asked for at most a page of ids at a time, in keyset order, and never again once it ran dry.
      for (const source of ["n", "w", "h", "b"]) {
        const idQueries = statements.filter((s) => s.sql.startsWith(`SELECT DISTINCT "${source}"`));
        expect(idQueries.length, source).to.be.within(source === "b" ? 1 : 2, 6);
        for (const query of idQueries)
          expect(query.sql, source).to.match(new RegExp(`ORDER BY "${source}"\\."staff_id" ASC OFFSET 0 ROWS FETCH NEXT \\d+ ROWS ONLY$`));
      }
      for (const table of ["adapted_work", "holiday_balance"]) {
        const inLists = statementsOn(statements, table).filter((s) => s.sql.includes(" IN ("));
        expect(inLists, table).to.have.length(5);
        expect(
          inLists.flatMap((s) => boundNumbers(s).filter((n) => n > 100_000)),
          `${table}: every staff id asked once`,
        ).to.deep.equal(STAFF_IDS);
      }
      const allWorkIds = sources.w.flatMap(workIdsOf);
      for (const table of ["performance_line", "day_nature"]) {
        const inLists = statementsOn(statements, table).filter((s) => s.sql.includes(" IN ("));
        expect(inLists.length, `${table}: chunked`).to.be.greaterThan(5);
        for (const statement of inLists) expect(boundNumbers(statement).length, table).to.be.at.most(MAX_IDS_PER_QUERY);
        expect(inLists.flatMap(boundNumbers), `${table}: every adapted-work id asked once`).to.deep.equal(allWorkIds);
      }
    });

    it("counts the persons as notified + adapted work not notified + holiday balance in neither + breaks in none + resumptions (through their absence) in none, with portable NOT EXISTS sub-queries", async () => {
      const counts: Record<string, number> = { n: 10, w: 20, h: 30, b: 40, ab: 60, ro: 50 };
      db.respond(({ sql }) => {
        const source = /^SELECT COUNT\(DISTINCT "(\w+)"\."staff_id"\)/.exec(sql)?.[1];
        return source ? [{ count: counts[source] }] : undefined;
      });
      const reader = tracked(new MinistryReader(db.dataSource));
      expect(await reader.countPersons(QUERY)).to.equal(210);
      const statements = db.take();
      expectValidTsql(statements);
      expect(statements.map((s) => (s.sql.match(/NOT EXISTS \(SELECT 1 FROM "(\w+)"/g) ?? []).join(", "))).to.deep.equal([
        "",
        'NOT EXISTS (SELECT 1 FROM "rl16_notification"',
        'NOT EXISTS (SELECT 1 FROM "rl16_notification", NOT EXISTS (SELECT 1 FROM "adapted_work"',
        'NOT EXISTS (SELECT 1 FROM "rl16_notification", NOT EXISTS (SELECT 1 FROM "adapted_work", NOT EXISTS (SELECT 1 FROM "holiday_balance"',
        'NOT EXISTS (SELECT 1 FROM "rl16_notification", NOT EXISTS (SELECT 1 FROM "adapted_work", NOT EXISTS (SELECT 1 FROM "holiday_balance", NOT EXISTS (SELECT 1 FROM "breastfeeding_break"',
        'NOT EXISTS (SELECT 1 FROM "rl16_notification", NOT EXISTS (SELECT 1 FROM "adapted_work", NOT EXISTS (SELECT 1 FROM "holiday_balance", NOT EXISTS (SELECT 1 FROM "breastfeeding_break", NOT EXISTS (SELECT 1 FROM "absence"',
      ]);
      // An absence counts when its staff member exists (an orphan is an unowned record).
      expect(statements[4].sql).to.include('INNER JOIN "staff_member" "abs" ON "abs"."id" = "ab"."staff_id"');
      // A resumption has no staff id of its own: it is counted through its absence, correlated on that staff id.
      expect(statements[5].sql).to.include('INNER JOIN "absence" "ro" ON "ro"."id" = "r"."absence_id"');
      // An absence of no staff member is an unowned record (reported once), never a person.
      expect(statements[5].sql).to.include('INNER JOIN "staff_member" "rs" ON "rs"."id" = "ro"."staff_id"');
      expect(statements[5].sql).to.include('"bx"."staff_id" = "ro"."staff_id"');
      // The sub-queries are correlated on the outer row's staff id and use the same scope as the pages.
      expect(statements[2].sql).to.include('"wx"."staff_id" = "h"."staff_id"');
      expect(statements[2].parameters).to.deep.equal([2015, 2016, "2017-09-30", "2017-01-01", "____-__-__%"]);
    });

    it("reads the tables added for ZIMA001/003/006 for a page of persons: absences in IN lists of staff ids, their days and resumptions in IN lists of at most 1000 absence ids, salaries by assignment", async () => {
      // Three absences a person: 3000 absence ids for a page of 1000 persons, more than an IN list takes.
      const absenceIdsOf = (staffId: number) => [staffId * 10 + 1, staffId * 10 + 2, staffId * 10 + 3];
      const page = STAFF_IDS.slice(0, 1000);
      db.respond(({ sql, parameters }) => {
        const ids = () => boundNumbers({ sql, parameters, names: [], inTransaction: false });
        if (/FROM "absence" "x" WHERE "x"\."staff_id" IN \(/.test(sql)) {
          return ids()
            .filter((id) => id > 100_000)
            .flatMap((staffId) =>
              absenceIdsOf(staffId).map((id) => ({
                id,
                staff_id: staffId,
                kind: "INCAPACITY",
                first_day: "2017-09-04",
                reported_at: "2017-09-05 10:00:00",
              })),
            );
        }
        if (/FROM "assignment" "a" WHERE "a"\."staff_id" IN \(/.test(sql))
          return ids().map((staffId) => ({ id: staffId, staff_id: staffId, status: "C" }));
        if (/FROM "work_resumption" "r" WHERE "r"\."absence_id" IN \(/.test(sql)) {
          return ids().map((absenceId) => ({
            id: absenceId,
            absence_id: absenceId,
            resumption_date: "2017-10-02",
            reported_at: "2017-10-02 09:00:00",
          }));
        }
        return undefined;
      });
      const reader = tracked(new MinistryReader(db.dataSource));
      const persons = await reader.personsOf(page, QUERY);
      expect(persons.map((p) => p.absences!.length)).to.deep.equal(page.map(() => 3));
      expect(persons[0].workResumptions!.map((r) => r.absenceId)).to.deep.equal(absenceIdsOf(page[0]));
      expect(persons[0].absences![0]).to.include({ kind: "INCAPACITY", firstDay: "2017-09-04", prenatalRestStop: false });

      const statements = db.take();
      expectValidTsql(statements);
      const allAbsenceIds = page.flatMap(absenceIdsOf);
      // The absences read are those in scope and those a resumption of the months ends (EXISTS on work_resumption).
      const absences = statements.filter((s) => s.sql.includes('FROM "absence" "x"'));
      expect(absences).to.have.length(1);
      expect(absences[0].sql).to.include('EXISTS (SELECT 1 FROM "work_resumption" "xr" WHERE "xr"."absence_id" = "x"."id"');
      // Every block of a birth the months can see, by its birth date.
      expect(absences[0].sql).to.match(/\("x"\."kind" = @\d+ AND "x"\."event_date" >= @\d+\)/);
      for (const table of ["absence_day", "work_resumption"]) {
        const inLists = statementsOn(statements, table).filter((s) => s.sql.includes(" IN (") && !absences.includes(s));
        expect(inLists, `${table}: chunked`).to.have.length(3);
        for (const statement of inLists) expect(boundNumbers(statement).length, table).to.be.at.most(MAX_IDS_PER_QUERY);
        expect(inLists.flatMap(boundNumbers), `${table}: every absence id asked once`).to.deep.equal(allAbsenceIds);
      }
      expect(statementsOn(statements, "assignment_salary").flatMap(boundNumbers), "salaries: every assignment once").to.deep.equal(page);
      // The breaks of the benefits months, with the month condition of the salary lines.
      const breaks = statementsOn(statements, "breastfeeding_break");
      expect(breaks).to.have.length(1);
      expect(breaks[0].sql).to.include('"b"."period_month" >= @');
      for (const statement of statements.filter((s) => isPaged(s.sql))) expect(statement.sql).to.match(/ ORDER BY "\w+"\."\w+" ASC/);
    });

    it("asks a source without the added tables nothing of them, selects no added column it lacks, and says once what it cannot produce", async () => {
      const holdings: SourceHoldings = {
        missingTables: new Set(["absence", "absence_day", "breastfeeding_break", "work_resumption", "assignment_salary"]),
        missingColumns: new Map([["institution", new Set(["establishment_unit"])]]),
      };
      const reader = tracked(new MinistryReader(db.dataSource, holdings));
      const [person] = await reader.personsOf([STAFF_IDS[0]], QUERY);
      await reader.referenceData();
      const statements = db.take();
      for (const table of holdings.missingTables) expect(statementsOn(statements, table), table).to.deep.equal([]);
      expect(statementsOn(statements, "institution")[0].sql).to.not.include("establishment_unit");
      expect(statementsOn(statements, "school_board")[0].sql).to.include('"b"."prevention_service_kbo"');
      expect(person).to.deep.include({ absences: [], breastfeedingBreaks: [], assignmentSalaries: [] });
      expect(reader.gaps()).to.deep.equal([
        "the source has no column institution.establishment_unit (ministry-db.md, added 2026-12): read as NULL, needed for ZIMA001",
        "the source has no table absence (ministry-db.md, added 2026-12): read as empty, so no ZIMA001 or ZIMA006 from it",
        "the source has no table absence_day (ministry-db.md, added 2026-12): read as empty, so no ZIMA001 from it",
        "the source has no table breastfeeding_break (ministry-db.md, added 2026-12): read as empty, so no ZIMA003 from it",
        "the source has no table work_resumption (ministry-db.md, added 2026-12): read as empty, so no ZIMA001 or ZIMA006 from it",
        "the source has no table assignment_salary (ministry-db.md, added 2026-12): read as empty, assignment.monthly_salary is the salary of every month",
      ]);
      expect(tracked(new MinistryReader(db.dataSource)).gaps(), "the whole contract: nothing to say").to.deep.equal([]);
    });

    it("reads the payment calendar, the reference data in keyset pages, one person, an INSZ, the count and the duplicate references", async () => {
      // A first page of boards as long as the page size makes the reader ask for a second one.
      db.respond(({ sql }) =>
        /FROM "school_board" "b" ORDER BY/.test(sql)
          ? Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, name: "b", agency: "AGODI" }))
          : undefined,
      );
      const reader = tracked(new MinistryReader(db.dataSource));
      await reader.paymentCalendar();
      await reader.referenceData();
      await reader.person(STAFF_IDS[0], QUERY);
      await reader.staffIdByInsz("85073100174");
      await reader.countPersons(QUERY);
      await reader.duplicateMessageRefs();
      await reader.duplicateInszs();
      await reader.unownedRecords();
      await reader.personsOf(STAFF_IDS.slice(0, 1000), QUERY);

      const statements = db.take();
      expectValidTsql(statements);
      expect(statementsOn(statements, "school_board").map((s) => s.sql.replace(/^.* FROM /, "FROM "))).to.deep.equal([
        'FROM "school_board" "b" ORDER BY "b"."id" ASC OFFSET 0 ROWS FETCH NEXT 5000 ROWS ONLY',
        'FROM "school_board" "b" WHERE "b"."id" > @0 ORDER BY "b"."id" ASC OFFSET 0 ROWS FETCH NEXT 5000 ROWS ONLY',
      ]);
      for (const statement of statements.filter((s) => isPaged(s.sql))) expect(statement.sql).to.match(/ ORDER BY "\w+"\."\w+" ASC OFFSET/);
    });
  });

  describe("the state layer (src/state/)", () => {
    const file: FileRecord = {
      runId: 7,
      formType: "WECH006",
      purpose: "WECH",
      sender: "900123",
      creationDate: "20261124",
      environment: "T",
      formCount: 1200,
      sha256: "0".repeat(64),
      createdAt: "2026-11-24T10:00:00.000+01:00",
      directory: "/out/2017-09",
      names: (sequence) => ({
        fileName: `FI.WECH.900123.20261124.${String(sequence).padStart(5, "0")}.T`,
        goFileName: `GO.WECH.900123.20261124.${sequence}.T`,
      }),
    };
    const declarations: DeclarationRecord[] = Array.from({ length: 1200 }, (_, i) => ({
      formType: "WECH006",
      staffId: STAFF_IDS[i],
      assignmentId: 9000 + i,
      referencePeriod: i % 2 === 0 ? "2017-09" : null,
      sequenceNbr: i + 1,
      attestationStatus: 0,
      contentHash: "f".repeat(64),
    }));

    it("latestDeclarations and latestFingerprints ask for 5000 staff ids in chunks within the parameter limit, each id once", async () => {
      const declarationRepository = tracked(new DeclarationRepository(db.dataSource));
      const decisionRepository = tracked(new DecisionRepository(db.dataSource));
      const releaseRepository = tracked(new ReleaseRepository(db.dataSource));
      const lookups: [string, () => Promise<unknown>][] = [
        ["latestDeclarations", () => declarationRepository.latestDeclarations("T", STAFF_IDS)],
        ["latestFingerprints", () => decisionRepository.latestFingerprints("T", STAFF_IDS)],
        ["releasedMonths", () => releaseRepository.releasedMonths("T", STAFF_IDS)],
      ];
      for (const [name, lookup] of lookups) {
        await lookup();
        const chunks = db.take();
        expectValidTsql(chunks);
        expect(chunks.length, name).to.be.greaterThan(2);
        for (const chunk of chunks) expect(chunk.parameters.length, name).to.be.at.most(SQL_SERVER_MAX_PARAMETERS);
        expect(chunks.flatMap(boundNumbers), `${name}: every id asked once`).to.deep.equal(STAFF_IDS);
      }
      // The persons with forms standing: one query, no id list.
      db.respond(({ sql }) => (sql.startsWith("SELECT DISTINCT") ? [] : undefined));
      await declarationRepository.staffWithStandingDeclarations("T");
      const standing = db.take();
      expectValidTsql(standing);
      expect(standing.map((s) => s.parameters.length)).to.deep.equal([6]);
    });

    it("records an operator's release of a waiting person-month (D17) with one parameterised INSERT", async () => {
      await tracked(new ReleaseRepository(db.dataSource)).release({
        environment: "T",
        staffId: 7,
        referenceMonth: "2017-10",
        releasedAt: "2017-11-20T10:00:00+01:00",
        releasedBy: "operator",
      });
      const statements = db.take();
      expectValidTsql(statements);
      expect(statementsOn(statements, "easr_release")).to.have.length(1);
      expect(statements.flatMap((s) => s.parameters)).to.include.members(["T", 7, "2017-10", "operator"]);
    });

    it("records a file of 1200 declarations in one transaction, in inserts within the parameter limit; marks it written and abandoned", async () => {
      const repository = tracked(new DeclarationRepository(db.dataSource));
      const recorded = await repository.recordPendingFile(file, declarations);
      const recording = db.take();
      expectValidTsql(recording);
      expect(
        recording.every((s) => s.inTransaction),
        "inside the transaction",
      ).to.equal(true);
      expect(recording[0].sql).to.match(/^SELECT MAX\("f"\."sequence"\) AS "max" FROM "easr_file" "f" WHERE /);
      const inserts = statementsOn(recording, "easr_declaration");
      expect(inserts.reduce((rows, s) => rows + insertedRows(s), 0)).to.equal(declarations.length);
      expect(recorded).to.include({ sequence: 1, fileName: "FI.WECH.900123.20261124.00001.T" });

      await repository.markWritten(recorded.id);
      await repository.markAbandoned(recorded.id);
      const marking = db.take();
      expectValidTsql(marking);
      expect(marking.map((s) => s.sql)).to.deep.equal([
        'UPDATE "easr_file" SET "status" = @0 WHERE "id" = @1',
        'UPDATE "easr_declaration" SET "status" = @0 WHERE "file_id" = @1',
        'UPDATE "easr_file" SET "status" = @0 WHERE "id" = @1',
        'UPDATE "easr_declaration" SET "status" = @0 WHERE "file_id" = @1',
      ]);
    });

    it("reads the next sequence and a person's declarations with their files and runs", async () => {
      const repository = tracked(new DeclarationRepository(db.dataSource));
      await repository.peekNextSequence(file);
      await repository.declarationsOfStaff("T", STAFF_IDS[0]);
      expectValidTsql(db.take());
    });

    it("remembers 1200 not-eligible decisions in one transaction, in inserts within the parameter limit", async () => {
      const decisions: DecisionRecord[] = declarations.map((d) => ({
        ...d,
        reason: "GROSS_AT_OR_ABOVE_THRESHOLD",
        fingerprint: "gross=181786;threshold=160000",
      }));
      await tracked(new DecisionRepository(db.dataSource)).remember(7, "T", file.createdAt, decisions);
      const statements = db.take();
      expectValidTsql(statements);
      expect(
        statements.every((s) => s.inTransaction),
        "inside the transaction",
      ).to.equal(true);
      expect(statements.reduce((rows, s) => rows + insertedRows(s), 0)).to.equal(decisions.length);
    });

    it("starts, completes, fails and looks up runs, their records and reports; the latest completed run is a paged query with its order", async () => {
      const runs = tracked(new RunRepository(db.dataSource));
      const id = await runs.start({
        month: "2017-09",
        environment: "T",
        startedAt: file.createdAt,
        triggeredBy: "operator",
        host: "batch-01",
        outputDir: "/out/2017-09",
      });
      await runs.complete(id, file.createdAt, "{}", "done");
      await runs.fail(id, file.createdAt, "failed");
      await runs.lastCompleted("2017-09", "T");
      await runs.completedMonths("T");
      await runs.recordPublished(id, "/out/2017-09/decisions.jsonl", "/out/2017-09/run-summary.json");
      await runs.recordWithdrawn(id);
      await runs.reportsWritten(id, file.createdAt, "/out/2017-09/payslip-extract-2017-09.csv");
      await runs.reportsFailed(id, "ENOSPC");
      await runs.owingReports("T");
      await runs.owingReports();
      await runs.recordedRuns("2017-09", "T");
      await runs.anyRun();
      const statements = db.take();
      expectValidTsql(statements);
      const latest = statements.find((s) => isPaged(s.sql))!;
      expect(latest.sql).to.match(/ORDER BY "RunRow"\."id" DESC OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY$/);
      // The month-over-month summaries of 13 months: one query, ordered by month and run.
      await runs.completedRunSummaries("T", "2016-12", "2017-12");
      const summaries = db.take();
      expectValidTsql(summaries);
      expect(summaries).to.have.length(1);
      expect(summaries[0].sql).to.match(/BETWEEN @\d+ AND @\d+/);
      expect(summaries[0].sql).to.match(/ORDER BY "RunRow_month" ASC, "RunRow_id" ASC$/);
    });

    it("finds and closes what an interrupted run left: running runs, pending files; and the files out awaiting their answer", async () => {
      const recovery = tracked(new RecoveryRepository(db.dataSource));
      await recovery.runningRuns();
      await recovery.pendingFiles();
      await recovery.markInterrupted(7, file.createdAt);
      await recovery.hasFilesOut(7);
      await recovery.filesAwaitingReceipt("T");
      expectValidTsql(db.take());
    });

    it("keeps each file's way onto the batch channel and each answer fetched: files to send, sending, sent; names, content, not yet ingested", async () => {
      const channel = tracked(new ChannelRepository(db.dataSource));
      db.respond(({ sql }) =>
        sql.includes('FROM "easr_file"')
          ? [
              {
                id: 11,
                fileName: "FI.WECH.900123.20261124.00001.T",
                goFileName: "GO.WECH.900123.20261124.00001.T",
                directory: "/out",
                sha256: "0".repeat(64),
              },
            ]
          : undefined,
      );
      const files = await channel.filesToSend("T");
      await channel.startSending(
        files[0] ?? { fileId: 11, fileName: "FI.x", goFileName: "GO.x", directory: null, sha256: "", attempts: 0 },
        "T",
        "sftp://a@h/",
        file.createdAt,
      );
      await channel.markSent(11, file.createdAt);
      await channel.fetchedNames("T");
      await channel.recordedNames("T");
      await channel.markGoPutting(11);
      await channel.sameContent("T", "a".repeat(64), "FO.ACRF.999999.20261124.00001.T");
      await channel.fetchedNotIngested("T", "/out/answers");
      await channel.recordFetch({
        fileName: "FO.ACRF.999999.20261124.00001.T",
        environment: "T",
        sha256: "a".repeat(64),
        contentSha256: "a".repeat(64),
        size: 668,
        signature: "verified",
        localPath: "/out/answers/FO.ACRF.999999.20261124.00001.T",
        fetchedAt: file.createdAt,
      });
      const statements = db.take();
      expectValidTsql(statements);
      expect(
        statements.some((s) => /NOT EXISTS \(SELECT 1 FROM easr_answer_file a WHERE a\.sha256 = "f"\."content_sha256"\)/.test(s.sql)),
        statements.map((s) => s.sql).join("\n"),
      ).to.equal(true);
    });

    it("counts what earlier runs of a month declared, per form type (the safety valve)", async () => {
      db.respond(({ sql }) => (/^SELECT COUNT\(1\) AS "cnt" FROM "easr_run"/.test(sql) ? [{ cnt: 1 }] : undefined));
      await tracked(new DeclarationHistory(db.dataSource)).declaredByRunMonth("T", "2017-09");
      const statements = db.take();
      expectValidTsql(statements);
      expect(statements).to.have.length(2);
    });

    it("takes the run lock with sp_getapplock inside a transaction held for the run (one pinned connection), released by ending it", async () => {
      db.respond(({ sql }) => (sql.includes("sp_getapplock") ? [{ result: 0 }] : undefined));
      const lock = await acquireRunLock(db.dataSource, { waitSeconds: 0, holder: "operator" });
      await lock.release();
      const statements = db.take();
      expectValidTsql(statements);
      const applock = statements.filter((s) => s.sql.includes("sp_getapplock"));
      expect(applock).to.have.length(1);
      expect(applock[0].sql).to.include("@LockOwner = 'Transaction'");
      expect(applock[0].inTransaction, "inside the run's transaction").to.equal(true);
      expect(statements.some((s) => s.sql.includes("sp_releaseapplock"))).to.equal(false);
    });

    it("appends to the audit trail and lists it, whole or by month and environment; appends inside a transaction it is handed", async () => {
      const audit = tracked(new AuditRepository(db.dataSource));
      await audit.append({
        at: file.createdAt,
        event: "file-written",
        runId: 7,
        month: "2017-09",
        environment: "T",
        actor: "operator",
        host: "batch-01",
        detail: { sha256: file.sha256 },
      });
      await audit.list();
      await audit.list({ month: "2017-09", environment: "T" });
      const statements = db.take();
      expectValidTsql(statements);
      expect(statements.map((s) => s.inTransaction)).to.deep.equal([false, false, false]);
      await audit.transaction((manager) =>
        audit.withManager(manager).append({ at: file.createdAt, event: "file-written", actor: "operator", host: "batch-01" }),
      );
      const inTransaction = db.take();
      expectValidTsql(inTransaction);
      expect(inTransaction.map((s) => s.inTransaction)).to.deep.equal([true]);
    });

    it("ingests answer files in one transaction each: a receipt, then a notification whose 300 anomalies go in inserts within the parameter limit", async () => {
      const fileName = "FI.WECH.900123.20261124.00001.T";
      let declarationStatus = "written";
      // Rows as TypeORM reads them back: "<alias>_<column>".
      const raw = (entity: typeof BatchFileRow | typeof DeclarationRow, values: Record<string, unknown>) =>
        Object.fromEntries(
          db.dataSource.getMetadata(entity).columns.map((c) => [`${entity.name}_${c.databaseName}`, values[c.propertyName] ?? null]),
        );
      db.respond(({ sql }) => {
        if (sql.includes(' FROM "easr_file" ')) {
          const row = {
            id: 7,
            runId: 7,
            formType: "WECH006",
            purpose: "WECH",
            fileName,
            goFileName: fileName.replace(/^FI/, "GO"),
            sender: "900123",
            creationDate: "20261124",
          };
          return [
            raw(BatchFileRow, {
              ...row,
              sequence: 1,
              environment: "T",
              formCount: 1,
              sha256: file.sha256,
              status: "written",
              createdAt: file.createdAt,
            }),
          ];
        }
        if (sql.includes(' FROM "easr_declaration" ')) {
          const row = {
            id: 11,
            runId: 7,
            fileId: 7,
            formType: "WECH006",
            environment: "T",
            staffId: STAFF_IDS[0],
            assignmentId: 9000,
            referencePeriod: "2017-09",
            sequenceNbr: 1,
          };
          return [
            raw(DeclarationRow, {
              ...row,
              attestationStatus: 0,
              contentHash: "f".repeat(64),
              status: declarationStatus,
              createdAt: file.createdAt,
            }),
          ];
        }
        if (sql.includes(' FROM "easr_answer" "a"')) return [{ id: 5, position: 1 }];
        return undefined;
      });
      const state = answerState(db.dataSource);
      const outcomes: (string | null)[] = [];
      const common = {
        environment: "T" as const,
        ingestedAt: file.createdAt,
        zoneLabel: () => "OccupationStartingDate (DATUM WAAROP DE TEWERKSTELLING BEGINT)",
        actor: "operator",
        host: "batch-01",
        onAnswer: (result: AnswerResult) => outcomes.push(result.outcome),
      };
      async function* chunks<T>(...answerChunks: T[][]): AsyncGenerator<T[]> {
        yield* answerChunks;
      }
      const header = {
        identification: "ACRF001",
        creationDate: "2026-11-25",
        creationHour: "08:00:00.000",
        attestationStatus: 0,
        typeForm: "PA",
      };
      const receipt = await recordAnswerFile(state, {
        ...common,
        kind: "ACRF",
        fileName: "FO.ACRF.999999.20261125.00001.T",
        sha256: "1".repeat(64),
        answers: chunks([{ kind: "ACRF", header, answeredFileName: fileName, referenceNbr: "340000RECPT01", resultCode: 1, errorIds: [] }]),
      });
      declarationStatus = "file-received";
      const notification = await recordAnswerFile(state, {
        ...common,
        kind: "NOTI",
        fileName: "FO.NOTI.999999.20261125.00002.T",
        sha256: "2".repeat(64),
        answers: chunks([
          {
            kind: "NOTI",
            header: { ...header, identification: "NOTI001", typeForm: "FA" },
            answeredFileName: fileName,
            handledForm: { identification: "WECH006", creationDate: null, creationHour: null, attestationStatus: 0, typeForm: "SU" },
            handledReference: { referenceType: 1, referenceOrigin: 2, referenceNbr: "340000TICKT01" },
            ticket: "340000TICKT01",
            worker: { sequenceNbr: 1, inss: "85073100174", employerClass: "011", workerCode: "495" },
            resultCode: 1,
            anomalies: Array.from({ length: 300 }, () => ({
              errorId: "00044-278",
              tagName: "OccupationStartingDate",
              value: "2017-09-01",
              anomalyClass: "W",
              location: null,
              path: null,
            })),
          },
        ]),
      });
      const statements = db.take();
      expectValidTsql(statements);
      expect(
        statements.every((s) => s.inTransaction),
        "inside the transactions",
      ).to.equal(true);
      expect([receipt.status, notification.status]).to.deep.equal(["ingested", "ingested"]);
      expect(outcomes).to.deep.equal(["received", "accepted-with-warnings"]);
      // In slices of 256, 32, 8 and 4 rows (few statement texts), each cut at SQL Server's parameter limit (250 rows of 8).
      expect(statementsOn(statements, "easr_anomaly").map(insertedRows)).to.deep.equal([250, 6, 32, 8, 4]);
      expect(statements.filter((s) => s.sql.startsWith("UPDATE")).map((s) => s.sql)).to.deep.equal([
        'UPDATE "easr_file" SET "status" = @0, "receipt_reference" = @1 WHERE "id" = @2',
        'UPDATE "easr_declaration" SET "status" = @0 WHERE "file_id" = @1',
        'UPDATE "easr_declaration" SET "status" = CASE "id" WHEN @0 THEN @1 ELSE "status" END, "answered_at" = CASE "id" WHEN @2 THEN @3 ELSE "answered_at" END, "ticket" = CASE "id" WHEN @4 THEN @5 ELSE "ticket" END WHERE "id" IN (@6)',
      ]);
    });

    it("looks an answer file up by its hash, counts the pending notifications, and applies those whose file was answered since in CASE updates", async () => {
      const fileName = "GO.WECH.900123.20261124.00001.T";
      const raw = (entity: typeof BatchFileRow | typeof DeclarationRow, values: Record<string, unknown>) =>
        Object.fromEntries(
          db.dataSource.getMetadata(entity).columns.map((c) => [`${entity.name}_${c.databaseName}`, values[c.propertyName] ?? null]),
        );
      let pages = 0;
      db.respond(({ sql }) => {
        if (sql.includes('"easr_file" "b"')) {
          // One page with one pending notification, then none.
          if (pages++ > 0) return [];
          const detail = {
            answeredFileName: fileName,
            handledForm: { identification: "WECH006", creationDate: null, creationHour: null, attestationStatus: 0, typeForm: "SU" },
            worker: { sequenceNbr: 1, inss: "********174" },
          };
          return [
            {
              id: 6,
              fileName: "FO.NOTI.999999.20261125.00002.T",
              position: 1,
              resultCode: 1,
              ticket: "340000TICKT01",
              inszHash: "a".repeat(64),
              detail: JSON.stringify(detail),
            },
          ];
        }
        if (sql.includes(' FROM "easr_anomaly" "n"')) return [{ answerId: 6, count: 2 }];
        if (sql.includes(' FROM "easr_file" ')) {
          const row = {
            id: 7,
            runId: 7,
            formType: "WECH006",
            purpose: "WECH",
            fileName: fileName.replace(/^GO/, "FI"),
            goFileName: fileName,
            sender: "900123",
            creationDate: "20261124",
          };
          return [
            raw(BatchFileRow, {
              ...row,
              sequence: 1,
              environment: "T",
              formCount: 1,
              sha256: file.sha256,
              status: "received",
              createdAt: file.createdAt,
            }),
          ];
        }
        if (sql.includes(' FROM "easr_declaration" ')) {
          const row = {
            id: 11,
            runId: 7,
            fileId: 7,
            formType: "WECH006",
            environment: "T",
            staffId: STAFF_IDS[0],
            assignmentId: 9000,
            referencePeriod: "2017-09",
            sequenceNbr: 1,
          };
          return [
            raw(DeclarationRow, {
              ...row,
              attestationStatus: 0,
              contentHash: "f".repeat(64),
              status: "file-received",
              createdAt: file.createdAt,
            }),
          ];
        }
        return undefined;
      });
      const state = answerState(db.dataSource);
      await state.answers.ingestedAs("2".repeat(64));
      await state.answers.pendingCount("T");
      const applied: string[] = [];
      const counts = await applyPendingAnswers(state, {
        environment: "T",
        ingestedAt: file.createdAt,
        actor: "operator",
        host: "batch-01",
        onAnswer: (_, result) => applied.push(`${result.status} ${result.outcome}`),
      });
      const statements = db.take();
      expectValidTsql(statements);
      expect(counts).to.deep.equal({ applied: 1, unmatched: 0, stillPending: 0 });
      expect(applied).to.deep.equal(["matched accepted-with-warnings"]);
      expect(statements.filter((s) => s.sql.startsWith("UPDATE")).map((s) => s.sql.replace(/ = CASE .*? END/g, " = CASE …"))).to.deep.equal(
        [
          'UPDATE "easr_declaration" SET "status" = CASE …, "answered_at" = CASE …, "ticket" = CASE … WHERE "id" IN (@6)',
          'UPDATE "easr_answer" SET "status" = CASE …, "declaration_id" = CASE …, "detail" = CASE …, "applied_at" = CASE … WHERE "id" IN (@8)',
          'UPDATE "easr_anomaly" SET "declaration_id" = CASE … WHERE "answer_id" IN (@2)',
        ],
      );
    });

    it("reads when the previous completed run finished, the anomalies ingested since a time stamp (or all), and the tickets of 2500 files' accepted forms in IN lists of at most 1000 names", async () => {
      const reports = tracked(new AnomalyReportRepository(db.dataSource));
      await reports.previousRunFinishedAt("T", 7);
      await reports.previousRunFinishedAt("T", null);
      const previous = db.take();
      expectValidTsql(previous);
      expect(previous.map((s) => isPaged(s.sql))).to.deep.equal([true, true]);

      await reports.anomaliesIngestedSince("T", file.createdAt);
      await reports.anomaliesIngestedSince("T", null);
      const anomalies = db.take();
      expectValidTsql(anomalies);
      expect(anomalies).to.have.length(2);
      expect(anomalies[0].sql).to.include('"af"."ingested_at" > @1');

      const fileNames = Array.from({ length: 2500 }, (_, i) => file.names(i + 1).fileName);
      await reports.ticketsOfFiles("T", fileNames);
      const chunks = db.take();
      expectValidTsql(chunks);
      expect(chunks).to.have.length(3);
      const names = chunks.flatMap((chunk) => chunk.parameters.filter((value) => typeof value === "string" && value.startsWith("FI.")));
      expect(names, "every name asked once").to.deep.equal(fileNames);
    });
  });

  // Last, after every suite above has run (mocha runs a suite's own tests before its child suites).
  describe("coverage", () => {
    it("every method of the reader and of every class of the state layer (src/state/*.ts) was exercised above", () => {
      const stateDir = join(projectRoot(), "src", "state");
      const classes: { name: string; file: string; methods: string[] }[] = [
        { name: MinistryReader.name, file: "src/source/ministry-reader.ts", methods: methodsOf(MinistryReader) },
      ];
      for (const name of readdirSync(stateDir).filter((n) => n.endsWith(".ts"))) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exports = require(join(stateDir, name)) as Record<string, unknown>;
        for (const value of Object.values(exports)) {
          if (typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value))) {
            classes.push({ name: value.name, file: `src/state/${name}`, methods: methodsOf(value) });
          }
        }
      }
      const missing = classes.flatMap(({ name, file, methods }) =>
        methods.filter((m) => !exercised.get(name)?.has(m)).map((m) => `${name}.${m} (${file})`),
      );
      expect(missing, "methods whose SQL this test does not check yet: add them above").to.deep.equal([]);
    });
  });
});

/** The methods a class's instances have (its own prototype's, private ones included). */
function methodsOf(type: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(type.prototype).filter(
    (name) => name !== "constructor" && typeof Object.getOwnPropertyDescriptor(type.prototype, name)?.value === "function",
  );
}
