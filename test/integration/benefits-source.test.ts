/**
 * The benefits-sector tables read through MinistryReader on every test engine: who is a
 * person of the run (notified, in adapted work overlapping the months read, or with a holiday balance
 * of the holiday years in scope), which adapted_work, performance_line, day_nature and holiday_balance
 * rows come with each person, their DECIMAL and SMALLINT columns as integers (x 100 for decimals),
 * the count of the union, keyset paging across page boundaries, and, on SQLite (the one engine that
 * stores anything in any column), unreadable values handed out as null with their problem.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import type { DataSource } from "typeorm";
import type { PersonSourceData } from "../../src/domain/ministry-records";
import { type ContractRow, type ContractRows, writeContractRows } from "../../src/source/contract-writer";
import { MinistryReader, type PersonPageQuery } from "../../src/source/ministry-reader";
import { createContractTables, openSourceDatabase } from "../../src/source/source-database";
import { createServerDatabase, ENGINES, requireEngine, type ServerDatabase, type TestEngine } from "../support/database-servers";

/** The run of 2017-09 with a look-back to 2017-07; the holiday year 2016 is in scope. */
const QUERY: PersonPageQuery = {
  salaryFrom: "2017-07",
  salaryTo: "2017-09",
  benefitsFrom: "2017-07",
  holidayYearsFrom: 2016,
  holidayYearsTo: 2016,
};

function staff(id: number): ContractRow {
  return {
    id,
    insz: String(85_073_100_000 + id),
    last_name: `Name${id}`,
    first_name: "First",
    birth_date: "1985-07-31",
    gender: "F",
    country_code: "150",
  };
}

function adaptedWork(
  id: number,
  staffId: number,
  subRisk: number,
  startDate: string,
  endDate: string | null,
  days = "4.5",
  q = "19.00",
  s = "38.00",
): ContractRow {
  return {
    id,
    staff_id: staffId,
    assignment_id: 100 + staffId,
    sub_risk: subRisk,
    start_date: startDate,
    end_date: endDate,
    days_per_week: days,
    q_hours: q,
    s_hours: s,
  };
}

function holiday(
  id: number,
  staffId: number,
  year: number,
  days: string | null,
  hours: string | null,
  code: number | null = 1,
): ContractRow {
  return {
    id,
    staff_id: staffId,
    assignment_id: 100 + staffId,
    holiday_year: year,
    sub_risk: 1,
    holiday_sector: 1,
    holiday_code: code,
    days,
    hours,
    reported_at: "2017-01-16 09:30:00",
  };
}

/**
 * - 1: notified, adapted work in range (11, still running) and out of range (12, 2016), performance
 *   lines in and out of the months, holiday balances of 2016 (in) and 2015 (out);
 * - 2: only adapted work (sub-risk 2, 2017-06-15 … 2017-07-10, overlapping July), day natures in and out;
 * - 3: only a holiday balance of 2016, no notification, no adapted work;
 * - 4: adapted work ended before July and a holiday balance of 2014: not a person;
 * - 5: adapted work starting after September: not a person;
 * - 6: notified only.
 * On SQLite also 7 (a holiday balance with days "x") and 8 (adapted work with start date "01/08/2017").
 */
function contractRows(engine: TestEngine): ContractRows {
  const rows: ContractRows = {
    staff_member: [1, 2, 3, 4, 5, 6].map(staff),
    rl16_notification: [
      {
        id: 1,
        staff_id: 1,
        board_id: 1,
        message_ref: "RL16-1",
        received_at: "2017-08-20 10:00:00",
        valid_from: "2017-09-01",
        maintenance_of_rights: 1,
        fulltime_request: 1,
      },
      {
        id: 6,
        staff_id: 6,
        board_id: 1,
        message_ref: "RL16-6",
        received_at: "2017-07-20 10:00:00",
        valid_from: "2017-07-05",
        maintenance_of_rights: 0,
        fulltime_request: 9,
      },
    ],
    adapted_work: [
      adaptedWork(11, 1, 1, "2017-08-01", null),
      adaptedWork(12, 1, 1, "2016-01-01", "2016-12-31", "3.0", "10.00", "38.00"),
      adaptedWork(21, 2, 2, "2017-06-15", "2017-07-10", "2.5", "15.20", "38.00"),
      adaptedWork(41, 4, 1, "2017-01-01", "2017-06-30"),
      adaptedWork(51, 5, 1, "2017-10-01", null),
    ],
    performance_line: [
      { id: 111, adapted_work_id: 11, period_month: "2017-08", performance_code: "1", days: "9.50", hours: "72.50" },
      { id: 112, adapted_work_id: 11, period_month: "2017-09", performance_code: "1", days: null, hours: "19.00" },
      { id: 113, adapted_work_id: 11, period_month: "2017-05", performance_code: "1", days: "10.00", hours: "76.00" },
      { id: 121, adapted_work_id: 12, period_month: "2016-05", performance_code: "1", days: "4.00", hours: "30.00" },
    ],
    day_nature: [
      { id: 211, adapted_work_id: 21, day: "2017-07-03", code: "5.1", hours: "7.60" },
      { id: 212, adapted_work_id: 21, day: "2017-06-20", code: "3.1", hours: "7.60" },
      { id: 213, adapted_work_id: 21, day: "2017-05-02", code: "6.1", hours: "3.80" },
    ],
    holiday_balance: [
      holiday(101, 1, 2016, "8.5", "31.50"),
      holiday(102, 1, 2015, "20.0", "76.00"),
      holiday(301, 3, 2016, "10.0", null, null),
      holiday(401, 4, 2014, "12.0", null),
    ],
  };
  if (engine === "sqlite") {
    rows.staff_member!.push(staff(7), staff(8));
    rows.holiday_balance!.push(holiday(701, 7, 2016, "x", "7.60"));
    rows.adapted_work!.push(adaptedWork(81, 8, 1, "01/08/2017", null));
  }
  return rows;
}

async function allPages(reader: MinistryReader, pageSize?: number): Promise<PersonSourceData[][]> {
  const pages: PersonSourceData[][] = [];
  for await (const page of reader.persons({ ...QUERY, pageSize })) pages.push(page);
  return pages;
}

function benefitsSourceOn(engine: TestEngine): void {
  describe(`reading the benefits-sector tables through MinistryReader [${engine}]`, function () {
    this.timeout(200_000);
    let dir: string | undefined;
    let server: ServerDatabase | undefined;
    let dataSource: DataSource | undefined;
    let reader!: MinistryReader;
    let byId!: Map<number, PersonSourceData>;
    const malformed = engine === "sqlite" ? [7, 8] : [];
    const expectedIds = [1, 2, 3, 6, ...malformed];

    before(async function () {
      await requireEngine(this, engine);
      let url: string;
      if (engine === "sqlite") {
        dir = mkdtempSync(join(tmpdir(), "easr-benefits-source-"));
        url = `sqlite:${join(dir, "ministry.sqlite")}`;
      } else {
        server = await createServerDatabase(engine);
        url = server.url;
      }
      await createContractTables(url);
      dataSource = await openSourceDatabase(url);
      await writeContractRows(dataSource, contractRows(engine));
      reader = new MinistryReader(dataSource);
      byId = new Map((await allPages(reader)).flat().map((person) => [person.staffId, person]));
    });

    after(async () => {
      await dataSource?.destroy();
      await server?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("the persons are the notified, those in adapted work overlapping the months and those with a holiday balance of the years, each once", () => {
      expect([...byId.keys()]).to.deep.equal(expectedIds);
      expect(byId.get(3)!.notifications).to.deep.equal([]);
      expect(byId.get(3)!.staff?.insz).to.equal("85073100003");
      expect(byId.get(2)!.notifications).to.deep.equal([]);
    });

    it("counts the same persons", async () => {
      expect(await reader.countPersons(QUERY)).to.equal(expectedIds.length);
    });

    it("pages of two cross the boundaries between the sources without losing or repeating anyone", async () => {
      const pages = await allPages(reader, 2);
      expect(pages.map((page) => page.map((person) => person.staffId))).to.deep.equal(
        engine === "sqlite"
          ? [
              [1, 2],
              [3, 6],
              [7, 8],
            ]
          : [
              [1, 2],
              [3, 6],
            ],
      );
      expect(pages.flat()).to.deep.equal(expectedIds.map((id) => byId.get(id)));
    });

    it("adapted work overlapping the months, with days, Q and S x 100", () => {
      expect(byId.get(1)!.adaptedWork).to.deep.equal([
        {
          id: 11,
          staffId: 1,
          assignmentId: 101,
          subRisk: 1,
          startDate: "2017-08-01",
          endDate: null,
          daysPerWeek: 450,
          qHours: 1900,
          sHours: 3800,
          absenceId: null,
          laterColumnProblems: [],
          problems: [],
        },
      ]);
      expect(byId.get(2)!.adaptedWork).to.deep.equal([
        {
          id: 21,
          staffId: 2,
          assignmentId: 102,
          subRisk: 2,
          startDate: "2017-06-15",
          endDate: "2017-07-10",
          daysPerWeek: 250,
          qHours: 1520,
          sHours: 3800,
          absenceId: null,
          laterColumnProblems: [],
          problems: [],
        },
      ]);
      for (const id of [3, 6]) expect(byId.get(id)!.adaptedWork, `staff ${id}`).to.deep.equal([]);
    });

    it("performance lines of the adapted work read, for the months read, days and hours x 100", () => {
      expect(byId.get(1)!.performanceLines).to.deep.equal([
        { id: 111, adaptedWorkId: 11, periodMonth: "2017-08", performanceCode: "1", days: 950, hours: 7250, problems: [] },
        { id: 112, adaptedWorkId: 11, periodMonth: "2017-09", performanceCode: "1", days: null, hours: 1900, problems: [] },
      ]);
      expect(byId.get(2)!.performanceLines).to.deep.equal([]);
    });

    it("day natures of the adapted work read, only for the days of the months read (not the June days of a work that started in June)", () => {
      // 2017-06-20 lies outside the months read: only July's day comes.
      expect(byId.get(2)!.dayNatures).to.deep.equal([
        { id: 211, adaptedWorkId: 21, day: "2017-07-03", code: "5.1", hours: 760, problems: [] },
      ]);
      expect(byId.get(1)!.dayNatures).to.deep.equal([]);
    });

    it("holiday balances of the holiday years in scope, days in half days x 100", () => {
      expect(byId.get(1)!.holidayBalances).to.deep.equal([
        {
          id: 101,
          staffId: 1,
          assignmentId: 101,
          holidayYear: 2016,
          subRisk: 1,
          holidaySector: 1,
          holidayCode: 1,
          days: 850,
          hours: 3150,
          reportedAt: "2017-01-16 09:30:00",
          problems: [],
        },
      ]);
      expect(byId.get(3)!.holidayBalances).to.deep.equal([
        {
          id: 301,
          staffId: 3,
          assignmentId: 103,
          holidayYear: 2016,
          subRisk: 1,
          holidaySector: 1,
          holidayCode: null,
          days: 1000,
          hours: null,
          reportedAt: "2017-01-16 09:30:00",
          problems: [],
        },
      ]);
      for (const id of [2, 6]) expect(byId.get(id)!.holidayBalances, `staff ${id}`).to.deep.equal([]);
    });

    it("the salary-sector reading is unchanged: notifications of the notified persons", () => {
      expect(byId.get(1)!.notifications.map((n) => n.messageRef)).to.deep.equal(["RL16-1"]);
      expect(byId.get(6)!.notifications.map((n) => n.messageRef)).to.deep.equal(["RL16-6"]);
    });

    if (engine === "sqlite") {
      it("an unreadable value comes back as null with its problem, and its row still makes the person considered", () => {
        const [balance] = byId.get(7)!.holidayBalances!;
        expect(balance.days).to.equal(null);
        expect(balance.hours).to.equal(760);
        expect(balance.problems).to.deep.equal([
          { table: "holiday_balance", recordId: "701", field: "days", rule: "FIELD_NOT_A_NUMBER", value: "x" },
        ]);
        const [work] = byId.get(8)!.adaptedWork!;
        expect(work.startDate).to.equal(null);
        expect(work.qHours).to.equal(1900);
        expect(work.problems).to.deep.equal([
          { table: "adapted_work", recordId: "81", field: "start_date", rule: "FIELD_NOT_A_DATE", value: "01/08/2017" },
        ]);
      });
    }
  });
}

for (const engine of ENGINES) benefitsSourceOn(engine);
