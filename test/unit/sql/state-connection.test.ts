/**
 * Repositories composed in one transaction (src/state/state-connection.ts), on a real SQLite state
 * database: handed the transaction's manager, their writes go in together or not at all, and a
 * repository method that opens a transaction of its own joins the one it is in.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { AnswerRepository } from "../../../src/state/answer-repository";
import { AuditRepository } from "../../../src/state/audit-repository";
import { DeclarationRepository } from "../../../src/state/declaration-repository";
import { inOneTransaction, withTransaction } from "../../../src/state/state-connection";
import { openStateDatabase } from "../../../src/state/state-database";

const AT = "2026-11-25T09:00:00.000+01:00";

describe("repositories composed in one transaction", () => {
  let dir: string;
  let dataSource: DataSource;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "easr-state-connection-"));
    ({ dataSource } = await openStateDatabase(`sqlite:${join(dir, "state.sqlite")}`));
  });

  after(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (table: string): Promise<number> =>
    Number(Object.values((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0] as Record<string, unknown>)[0]);

  const audited = (audit: AuditRepository, event: string) => audit.append({ at: AT, event, actor: "operator", host: "batch-01" });

  it("writes with every repository of the transaction and commits them together", async () => {
    const repositories = { answers: new AnswerRepository(dataSource), audit: new AuditRepository(dataSource) };
    const id = await inOneTransaction(repositories, async ({ answers, audit }) => {
      const answerFileId = await answers.recordAnswerFile({
        kind: "ACRF",
        fileName: "FO.ACRF.1",
        sha256: "1".repeat(64),
        ingestedAt: AT,
        environment: "T",
      });
      await audited(audit, "answer-file-ingested");
      return answerFileId;
    });
    expect(id).to.be.a("number");
    expect([await count("easr_answer_file"), await count("easr_audit")]).to.deep.equal([1, 1]);
  });

  it("leaves nothing of any of them when the work fails", async () => {
    const repositories = { answers: new AnswerRepository(dataSource), audit: new AuditRepository(dataSource) };
    const failing = inOneTransaction(repositories, async ({ answers, audit }) => {
      await answers.recordAnswerFile({ kind: "NOTI", fileName: "FO.NOTI.2", sha256: "2".repeat(64), ingestedAt: AT, environment: "T" });
      await audited(audit, "answer-file-ingested");
      throw new Error("the file changed while it was read");
    });
    await failing.then(
      () => expect.fail("the transaction should fail"),
      (error: unknown) => expect((error as Error).message).to.equal("the file changed while it was read"),
    );
    expect([await count("easr_answer_file"), await count("easr_audit")]).to.deep.equal([1, 1]);
  });

  it("joins the transaction it works in: a repository's own transaction there is rolled back with it", async () => {
    const declarations = new DeclarationRepository(dataSource);
    const recorded = await declarations.recordPendingFile(
      {
        runId: 1,
        formType: "WECH006",
        formCount: 0,
        sha256: "f".repeat(64),
        createdAt: AT,
        directory: dir,
        purpose: "WECH",
        sender: "900123",
        creationDate: "20261125",
        environment: "T",
        names: (sequence) => ({ fileName: `FI.${sequence}`, goFileName: `GO.${sequence}` }),
      },
      [],
    );
    const failing = withTransaction(dataSource, async (manager) => {
      await withTransaction(manager, async (inner) => expect(inner, "the same transaction, no nested one").to.equal(manager));
      await declarations.withManager(manager).markWritten(recorded.id);
      expect(await manager.query("SELECT status FROM easr_file")).to.deep.equal([{ status: "written" }]);
      throw new Error("stop");
    });
    // Only the test's own "stop" may end the work: a failed expectation inside it must fail the test.
    const error = await failing.then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error | null)?.message).to.equal("stop");
    expect(await dataSource.query("SELECT status FROM easr_file")).to.deep.equal([{ status: "pending" }]);
  });
});
