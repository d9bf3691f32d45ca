/**
 * The T-SQL checks themselves (test/support/tsql-checks.ts): each rule refuses what it is meant to,
 * on statements TypeORM really builds for SQL Server, so that a green offline T-SQL test means something.
 */
import { expect } from "chai";
import { STATE_ENTITIES, DeclarationRow, RunRow } from "../../../src/state/entities";
import { OfflineMssql, type RecordedStatement } from "../../support/offline-mssql";
import { tsqlProblems } from "../../support/tsql-checks";

function statement(sql: string, parameters: unknown[] = []): RecordedStatement {
  return { sql, parameters, names: parameters.map((_, i) => String(i)), inTransaction: false };
}

describe("the T-SQL checks", () => {
  let db: OfflineMssql;
  before(async () => {
    db = await OfflineMssql.open(STATE_ENTITIES);
  });
  beforeEach(() => db.take());

  it("accept what TypeORM builds for SQL Server from an ordered, paged, parameterised query", async () => {
    await db.dataSource
      .getRepository(RunRow)
      .createQueryBuilder("r")
      .where("r.month = :month", { month: "2017-09" })
      .orderBy("r.id")
      .limit(10)
      .getRawMany();
    const [built] = db.take();
    expect(built.sql).to.match(/WHERE "r"\."month" = @0 ORDER BY "r"\."id" ASC OFFSET 0 ROWS FETCH NEXT 10 ROWS ONLY$/);
    expect(tsqlProblems(built)).to.deep.equal([]);
  });

  it("refuse a paged query without an order: TypeORM then pages with ORDER BY (SELECT NULL)", async () => {
    await db.dataSource.getRepository(RunRow).createQueryBuilder("r").limit(10).getRawMany();
    const [built] = db.take();
    expect(built.sql).to.include("ORDER BY (SELECT NULL)");
    expect(tsqlProblems(built)).to.deep.equal(["paged with ORDER BY (SELECT NULL): no real order"]);
    expect(tsqlProblems(statement("SELECT TOP 5 id FROM easr_run"))).to.deep.equal(["paged (OFFSET/FETCH or TOP) without ORDER BY"]);
  });

  it("refuse more than 2100 parameters, as an unchunked IN list of 2500 ids binds", async () => {
    const ids = Array.from({ length: 2500 }, (_, i) => i + 1);
    await db.dataSource.getRepository(DeclarationRow).createQueryBuilder("d").where("d.staffId IN (:...ids)", { ids }).getRawMany();
    const [built] = db.take();
    expect(tsqlProblems(built)).to.deep.equal(["2500 parameters: SQL Server allows at most 2100"]);
  });

  it("refuse other engines' placeholders and parameters that are bound but not used, or used but not bound", () => {
    expect(tsqlProblems(statement("SELECT id FROM easr_run WHERE month = ?", ["2017-09"]))).to.include.members([
      "? placeholder (SQL Server parameters are @0, @1, …)",
      "parameter @0 is bound but not used",
    ]);
    expect(tsqlProblems(statement("SELECT id FROM easr_run WHERE month = $1", ["2017-09"]))).to.include(
      "$n placeholder (SQL Server parameters are @0, @1, …)",
    );
    expect(tsqlProblems(statement("SELECT id FROM easr_run WHERE month = :month"))).to.include("a :name placeholder was left unreplaced");
    expect(tsqlProblems(statement("SELECT id FROM easr_run WHERE id = @1", [1]))).to.include("@1 is used but only 1 parameters are bound");
    expect(tsqlProblems(statement("SELECT id FROM easr_run WHERE id = @id"))).to.deep.equal([
      "@id is neither a bound parameter nor declared in the batch",
    ]);
    // Declared variables and a procedure's named arguments are not parameters.
    const lock =
      "DECLARE @result int; EXEC @result = sp_getapplock @Resource = @0, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT @result AS result";
    expect(tsqlProblems(statement(lock, ["edu_easr_run"]))).to.deep.equal([]);
  });

  it("refuse other engines' syntax, but not the same words inside string literals or quoted names", () => {
    expect(tsqlProblems(statement("SELECT id FROM easr_run ORDER BY id LIMIT 10"))).to.include(
      "LIMIT (SQL Server pages with ORDER BY … OFFSET … FETCH or TOP)",
    );
    expect(tsqlProblems(statement("SELECT `id` FROM `easr_run`"))).to.deep.equal(["backtick-quoted identifier (MySQL/MariaDB)"]);
    expect(tsqlProblems(statement("SELECT id FROM easr_run WHERE host ILIKE @0", ["b%"]))).to.deep.equal(["ILIKE (PostgreSQL)"]);
    expect(tsqlProblems(statement("INSERT INTO easr_run (month) VALUES (@0) RETURNING id", ["2017-09"]))).to.deep.equal([
      "RETURNING (SQL Server has OUTPUT)",
    ]);
    expect(tsqlProblems(statement("SELECT month || environment FROM easr_run"))).to.deep.equal([
      "|| concatenation (SQL Server concatenates with +)",
    ]);
    expect(tsqlProblems(statement(`SELECT "limit", 'ILIKE || now()' FROM "easr_run"`))).to.deep.equal([]);
  });
});
