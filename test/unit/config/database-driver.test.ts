/**
 * pg, mysql2 and mssql are optional: a database URL whose driver is not installed stops the program at
 * start-up with a configuration error naming the package to install (exit 2), never a MODULE_NOT_FOUND.
 */
import { expect } from "chai";
import { assertDriverInstalled, DriverMissingError, missingDriver, type ModuleResolver } from "../../../src/config/database-driver";
import { parseDatabaseUrl } from "../../../src/config/database-url";
import { ConfigError, loadConfig } from "../../../src/config/load-config";
import { errorOutcome } from "../../../src/cli/error-outcome";
import { EXIT_USAGE } from "../../../src/cli/exit-codes";

/** Resolves as Node does, except that `absent` are not there: Node's own MODULE_NOT_FOUND, for a name no one publishes. */
function without(...absent: string[]): ModuleResolver {
  return (request) => require.resolve(absent.includes(request) ? `${request}-not-installed-${process.pid}` : request);
}

function problemsOf(env: Record<string, string>, resolve: ModuleResolver, overrides = {}): string {
  try {
    loadConfig(env, overrides, resolve);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "";
}

describe("database drivers: only the one in use needs to be installed", () => {
  it("the resolver stands in for a missing package: Node's own error, code MODULE_NOT_FOUND", () => {
    expect(() => without("mssql")("mssql")).to.throw(/Cannot find module 'mssql-not-installed-/);
    expect(without("mssql")("pg")).to.equal(require.resolve("pg"));
  });

  it("names the package to install for each engine whose driver is missing, nothing when it is there", () => {
    const none = without("better-sqlite3", "pg", "mysql2", "mssql");
    expect(missingDriver("mssql", none)).to.equal(
      "a SQL Server database needs the driver mssql, which is not installed: npm install mssql",
    );
    expect(missingDriver("postgres", none)).to.equal("a PostgreSQL database needs the driver pg, which is not installed: npm install pg");
    expect(missingDriver("mariadb", none)).to.equal(
      "a MariaDB database needs the driver mysql2, which is not installed: npm install mysql2",
    );
    expect(missingDriver("mysql", none)).to.equal("a MySQL database needs the driver mysql2, which is not installed: npm install mysql2");
    expect(missingDriver("sqlite", none)).to.include("npm install better-sqlite3");
    // Installed here (devDependencies), found by the real resolver.
    for (const engine of ["sqlite", "postgres", "mysql", "mariadb", "mssql"] as const) expect(missingDriver(engine), engine).to.equal(null);
  });

  it("a driver that is there but cannot be resolved for another reason is not called missing", () => {
    const broken: ModuleResolver = () => {
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    };
    expect(() => missingDriver("mssql", broken)).to.throw("EACCES");
  });

  it("at start-up: a configuration error naming the variable (or --db) and `npm install <package>`", () => {
    const mssqlMissing = without("mssql");
    const message = problemsOf({ EASR_DB_URL: "mssql://easr:secret@db.example/hr?encrypt=false" }, mssqlMissing);
    expect(message).to.equal(
      "invalid configuration:\n  EASR_DB_URL: a SQL Server database needs the driver mssql, which is not installed: npm install mssql",
    );
    expect(message).not.to.include("secret");
    expect(problemsOf({}, mssqlMissing, { databaseUrl: "mssql://db.example/hr" })).to.include(
      "--db: a SQL Server database needs the driver mssql, which is not installed: npm install mssql",
    );
    // The state database on another server: its driver is named under its own variable.
    const stateOnPostgres = { EASR_DB_URL: "mssql://db.example/hr", EASR_STATE_DB_URL: "postgres://easr@state.example/easr" };
    expect(problemsOf(stateOnPostgres, without("pg"))).to.equal(
      "invalid configuration:\n  EASR_STATE_DB_URL: a PostgreSQL database needs the driver pg, which is not installed: npm install pg",
    );
    const both = problemsOf(stateOnPostgres, without("pg", "mssql"));
    expect(both).to.include("EASR_DB_URL: a SQL Server").and.include("EASR_STATE_DB_URL: a PostgreSQL");
    // One package, said once: MariaDB source, MySQL state.
    const mysqlTwice = problemsOf({ EASR_DB_URL: "mariadb://h/src", EASR_STATE_DB_URL: "mysql://h/state" }, without("mysql2"));
    expect(mysqlTwice.match(/npm install mysql2/g)).to.have.length(1);
  });

  it("the drivers not in use may be missing: SQLite needs only better-sqlite3", () => {
    const config = loadConfig({ EASR_DB_URL: "sqlite:./data/ministry.sqlite" }, {}, without("pg", "mysql2", "mssql"));
    expect(config.databaseUrl).to.equal("sqlite:./data/ministry.sqlite");
    expect(problemsOf({ EASR_DB_URL: "postgres://h/db" }, without("mysql2", "mssql"))).to.equal("");
  });

  it("assertDriverInstalled (what dataSourceOptions calls first): DriverMissingError with the URL masked, exit 2 with its message", () => {
    const location = parseDatabaseUrl("mysql://easr:secret@db.example/hr");
    expect(() => assertDriverInstalled(location, without("mysql2")))
      .to.throw(DriverMissingError, "mysql://easr:****@db.example/hr: a MySQL database needs the driver mysql2")
      .with.property("message")
      .that.does.not.include("secret");
    expect(() => assertDriverInstalled(location)).not.to.throw();
    const error = new DriverMissingError(
      "mssql://db.example/hr: a SQL Server database needs the driver mssql, which is not installed: npm install mssql",
    );
    expect(errorOutcome(error, "run")).to.deep.equal({ code: EXIT_USAGE, message: `easr: ${error.message}`, unforeseen: false });
  });
});
