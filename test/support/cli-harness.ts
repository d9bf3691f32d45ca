/**
 * Drives the real `easr` program in-process (same parsing, wiring and exit codes as the binary) against
 * a fresh database — a SQLite file in the workspace's temporary folder, or a new database on the local
 * PostgreSQL or MariaDB server (see database-servers.ts) — and reads back what it wrote.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDataSource } from "../../ormconfig";
import { main } from "../../src/cli/main";
import { ContextsOfPerson, type DecisionLine, type RunSummary } from "../../src/run-record";
import { type ContractRows, writeContractRowsToUrl } from "../../src/source/contract-writer";
import { createServerDatabase, type ServerDatabase, type TestEngine } from "./database-servers";
import { withEnv } from "./env";

export interface CliResult {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

export class CliWorkspace {
  readonly dir: string;
  readonly dbUrl: string;
  readonly outDir: string;

  /** A workspace on a SQLite file; `CliWorkspace.create` also makes server workspaces. */
  constructor(
    label: string,
    private readonly server?: ServerDatabase,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), `easr-${label}-`));
    this.dbUrl = server?.url ?? `sqlite:${join(this.dir, "ministry.sqlite")}`;
    this.outDir = join(this.dir, "out");
  }

  /** A workspace on the given engine; on a server, with a database of its own, created empty. */
  static async create(label: string, engine: TestEngine = "sqlite"): Promise<CliWorkspace> {
    return new CliWorkspace(label, engine === "sqlite" ? undefined : await createServerDatabase(engine));
  }

  /** A workspace on the given engine whose source is the contract with these rows (`easr db init`, then the rows). */
  static async withRows(label: string, engine: TestEngine, rows: ContractRows): Promise<CliWorkspace> {
    const workspace = await CliWorkspace.create(label, engine);
    await workspace.initContract();
    await writeContractRowsToUrl(workspace.dbUrl, rows);
    return workspace;
  }

  get engine(): TestEngine {
    return this.server?.engine ?? "sqlite";
  }

  /** `easr db init` on this workspace's database; fails the test on a non-zero exit. */
  async initContract(): Promise<void> {
    const result = await this.easr("db", "init", "--db", this.dbUrl);
    if (result.code !== 0) throw new Error(`easr db init exited ${result.code}: ${result.err.join("\n")}`);
  }

  /**
   * One number from the database (the first column of the first row), e.g.
   * `SELECT COUNT(*) AS n FROM easr_declaration`: for checks on the state tables on every engine.
   * Write the SQL portably: no quoted identifiers, no engine-specific functions.
   */
  async stateCount(sql: string): Promise<number> {
    const dataSource = await openDataSource(this.dbUrl, { readOnly: this.engine === "sqlite" });
    try {
      const rows = (await dataSource.query(sql)) as Record<string, unknown>[];
      if (rows.length === 0) throw new Error(`no row from: ${sql}`);
      return Number(Object.values(rows[0])[0]);
    } finally {
      await dataSource.destroy();
    }
  }

  /** One statement on the database (the source's or the state's tables), e.g. to change the data between runs. */
  async execute(sql: string): Promise<void> {
    const dataSource = await openDataSource(this.dbUrl);
    try {
      await dataSource.query(sql);
    } finally {
      await dataSource.destroy();
    }
  }

  /** What `easr ingest` would record when every form written is accepted: each file received, each form accepted (one ticket for all). */
  async acceptAllWritten(ticket = "TCK0000000001"): Promise<void> {
    await this.execute("UPDATE easr_file SET status = 'received' WHERE status = 'written'");
    await this.execute(`UPDATE easr_declaration SET status = 'accepted', ticket = '${ticket}' WHERE status = 'written'`);
  }

  async easr(...args: string[]): Promise<CliResult> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["--quiet", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  /** `easr run --month M` on this workspace's database and output folder; fails the test on a non-zero exit. */
  async run(month: string, ...extra: string[]): Promise<CliResult> {
    const result = await this.easr("run", "--month", month, "--db", this.dbUrl, "--out", this.outDir, ...extra);
    if (result.code !== 0) throw new Error(`easr run ${month} exited ${result.code}: ${result.err.join("\n")}`);
    return result;
  }

  /** `easr run --month M` with the run's clock at `clock` (EASR_CLOCK, an ISO moment with its offset). */
  async runAt(month: string, clock: string, ...extra: string[]): Promise<CliResult> {
    return withEnv({ EASR_CLOCK: clock }, () => this.run(month, ...extra));
  }

  monthDir(month: string): string {
    return join(this.outDir, month);
  }

  filesOf(month: string): string[] {
    try {
      return readdirSync(this.monthDir(month)).sort();
    } catch {
      return [];
    }
  }

  summaryOf(month: string, name = "run-summary.json"): RunSummary {
    return JSON.parse(readFileSync(join(this.monthDir(month), name), "utf8")) as RunSummary;
  }

  /** The record's lines as the reports read them: each unit line with its assignment context put back (shared-contexts.ts). */
  decisionsOf(month: string, name = "decisions.jsonl"): Record<string, unknown>[] {
    const contexts = new ContextsOfPerson();
    return readFileSync(join(this.monthDir(month), name), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l, index) => contexts.line(JSON.parse(l) as DecisionLine, `${name}:${index + 1}`)) as unknown as Record<string, unknown>[];
  }

  /** Deletes the folder (at once) and drops the server database, if any. */
  async remove(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
    await this.server?.drop();
  }
}
