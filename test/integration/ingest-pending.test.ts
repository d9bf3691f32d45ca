/**
 * A notification that arrives before its file's receipt: `easr ingest` keeps it
 * pending — checked against its form (worker, echo of the form) but not applied — reports it, and applies
 * it in the ingest that finds the file received; if the file is rejected instead, the notification is
 * kept unmatched with the illegal transition. A notification that matches no form is unmatched at once,
 * never pending. Before, such a notification was kept unmatched ("cannot go from written to accepted")
 * and never applied. On the CLI path, on every engine.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { openDataSource } from "../../ormconfig";
import {
  type AnsweredFiles,
  answeredFileNames,
  type NotificationShape,
  seedAnsweredFiles,
  ticketOf,
  writeNotification,
} from "../../tools/bench/answer-bench";
import { syntheticInsz } from "../../tools/bench/synthetic-population";
import { AnomalyReportRepository } from "../../src/state/anomaly-report-repository";
import { STATE_ENTITIES } from "../../src/state/entities";
import { brusselsTime } from "../../src/util/brussels-clock";
import { acrfXml, answerFileName } from "../support/answer-files";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";

/** Forms 1 … 6: every 3rd refused, every other 2nd with a warning — 1 accepted, 2 warned, 3 refused, 4 warned, 5 accepted, 6 refused. */
const SHAPE: NotificationShape = { warnEvery: 2, refuseEvery: 3 };

type Row = Record<string, unknown>;

function pendingOn(engine: TestEngine): void {
  describe(`easr ingest of notifications before their file's receipt [${engine}]`, function () {
    this.timeout(120_000);
    let workspace: CliWorkspace;
    /** When the first ingest (which kept the notifications pending) was over. */
    let firstIngestDone: Date | undefined;
    /** Two files of three forms: forms 1-3 in the first, 4-6 in the second; both written, no receipt yet. */
    const set: AnsweredFiles = { files: 2, formsPerFile: 3, received: false };
    const [first, second] = [answeredFileNames(set, 0), answeredFileNames(set, 1)];

    const ingest = async (name: string, files: Record<string, string>) => {
      const dir = join(workspace.dir, name);
      mkdirSync(dir);
      for (const [fileName, xml] of Object.entries(files)) writeFileSync(join(dir, fileName), xml);
      const result = await workspace.easr("ingest", "--dir", dir, "--db", workspace.dbUrl, "--env", "T");
      expect(result.code, result.err.join("\n")).to.equal(0);
      return result.out.join("\n");
    };
    const query = async (sql: string): Promise<Row[]> => {
      const dataSource = await openDataSource(workspace.dbUrl);
      try {
        return (await dataSource.query(sql)) as Row[];
      } finally {
        await dataSource.destroy();
      }
    };
    /** Per form of the set (file, sequence): status and ticket. */
    const forms = async () =>
      (
        await query(
          "SELECT f.file_name AS file, d.sequence_nbr AS seq, d.status AS status, d.ticket AS ticket FROM easr_declaration d JOIN easr_file f ON f.id = d.file_id ORDER BY f.sequence, d.sequence_nbr",
        )
      ).map(
        (row) => `${row.file === first.fileName ? 1 : 2}.${Number(row.seq)} ${row.status}${row.ticket === null ? "" : ` ${row.ticket}`}`,
      );
    /** The notifications kept, by status. */
    const answerStatuses = async () =>
      Object.fromEntries(
        (await query("SELECT status AS k, COUNT(*) AS n FROM easr_answer WHERE kind = 'NOTI' GROUP BY status")).map((row) => [
          String(row.k),
          Number(row.n),
        ]),
      );

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.create("ingest-pending", engine);
      await workspace.initContract();
      await seedAnsweredFiles(workspace.dbUrl, set);
    });

    after(async () => {
      await workspace?.remove();
    });

    it("keeps the notifications of files without a receipt pending, and a notification of another person unmatched", async () => {
      const path = join(workspace.dir, "notification.xml");
      await writeNotification(path, set, SHAPE, 1, 6);
      const notification = readFileSync(path, "utf8");
      // Form 1 again, about someone else: the worker check fails, so it is unmatched, not pending.
      const stranger = path.replace(/\.xml$/, "-stranger.xml");
      await writeNotification(stranger, set, SHAPE, 1, 1);
      const otherPerson = readFileSync(stranger, "utf8").replace(/<INSS>\d{11}<\/INSS>/, `<INSS>${syntheticInsz(999, "M").insz}</INSS>`);

      const out = await ingest("answers-1", {
        [answerFileName("NOTI", "20180402", 1)]: notification,
        [answerFileName("NOTI", "20180402", 2)]: otherPerson,
      });
      expect(out).to.include("files     2 answer file(s) = ingested 2 + already ingested 0 + invalid 0");
      expect(out).to.include("forms     0 = accepted 0 + with warnings 0 + refused 0");
      expect(out).to.include(
        "pending   6 answer(s) kept until their file's receipt (ACRF) is in, 0 kept earlier applied now; 6 waiting in all",
      );
      for (const [index, file] of [
        [1, first],
        [4, second],
      ] as const) {
        expect(out).to.match(
          new RegExp(
            `${answerFileName("NOTI", "20180402", 1).replace(/\./g, "\\.")} #${index} \\(NOTI for ${file.goFileName.replace(/\./g, "\\.")}\\): declaration \\d+ \\(WECH006 form 1 of ${file.fileName.replace(/\./g, "\\.")}\\): waiting for the file receipt \\(ACRF\\) of ${file.goFileName.replace(/\./g, "\\.")}`,
          ),
        );
      }
      expect(out).to.include("unmatched 1 answer(s) kept, not applied");
      expect(out).to.match(/FO\.NOTI\.999999\.20180402\.00002\.T #1 .*the notification's INSS \*{8}\d{3} is not the declared person's/);
      expect(await forms()).to.deep.equal(["1.1 written", "1.2 written", "1.3 written", "2.1 written", "2.2 written", "2.3 written"]);
      expect(await answerStatuses()).to.deep.equal({ pending: 6, unmatched: 1 });
      // The anomalies are kept already (forms 2, 3, 4 and 6), not yet on a form.
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_anomaly WHERE declaration_id IS NULL")).to.equal(4);
      firstIngestDone = new Date();
      await new Promise((resolve) => setTimeout(resolve, 1100));
    });

    it("applies those of the file received by the next ingest, and keeps the others waiting", async () => {
      const out = await ingest("answers-2", {
        [answerFileName("ACRF", "20180403", 1)]: acrfXml([
          { answeredFileName: first.goFileName, resultCode: 1, referenceNbr: "340000RECPT01" },
        ]),
      });
      expect(out).to.include("receipts  1 = OK 1 + rejected 0");
      // Forms 1-3 of the first file: accepted, with a warning, refused (no ticket).
      expect(out).to.include("forms     3 = accepted 1 + with warnings 1 + refused 1");
      expect(out).to.include(
        "pending   0 answer(s) kept until their file's receipt (ACRF) is in, 3 kept earlier applied now; 3 waiting in all",
      );
      expect(out).to.include("unmatched 0 answer(s) kept, not applied");
      expect(await forms()).to.deep.equal([
        `1.1 accepted ${ticketOf(1)}`,
        `1.2 accepted-with-warnings ${ticketOf(2)}`,
        "1.3 refused",
        "2.1 written",
        "2.2 written",
        "2.3 written",
      ]);
      expect(await answerStatuses()).to.deep.equal({ matched: 3, pending: 3, unmatched: 1 });
      // The anomalies of forms 2 and 3 are now on their forms, those of 4 and 6 still wait.
      const linked = await query(
        "SELECT d.sequence_nbr AS seq, n.anomaly_class AS class FROM easr_anomaly n JOIN easr_declaration d ON d.id = n.declaration_id JOIN easr_answer a ON a.id = n.answer_id WHERE a.declaration_id = d.id ORDER BY d.sequence_nbr",
      );
      expect(linked.map((row) => `${Number(row.seq)} ${row.class}`)).to.deep.equal(["2 W", "3 B"]);
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_anomaly WHERE declaration_id IS NULL")).to.equal(2);
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_audit WHERE event = 'pending-answers-applied'")).to.equal(1);
      // They are news now, not as of their file's ingestion: a run after the first ingest reports them.
      const dataSource = await openDataSource(workspace.dbUrl, { entities: STATE_ENTITIES });
      try {
        const news = await new AnomalyReportRepository(dataSource).anomaliesIngestedSince("T", brusselsTime(firstIngestDone!).iso);
        expect(news.map((row) => `${row.sequenceNbr} ${row.anomalyClass}`)).to.deep.equal(["2 W", "3 B"]);
      } finally {
        await dataSource.destroy();
      }
    });

    it("keeps those of a file rejected since unmatched, naming the illegal transition, and then nothing waits", async () => {
      const out = await ingest("answers-3", {
        [answerFileName("ACRF", "20180404", 1)]: acrfXml([
          { answeredFileName: second.goFileName, resultCode: 0, referenceNbr: "340000RECPT02", errorIds: ["ACRF-088"] },
        ]),
      });
      expect(out).to.include("receipts  1 = OK 0 + rejected 1");
      expect(out).to.include("forms     0 = accepted 0 + with warnings 0 + refused 0");
      expect(out).to.include(
        "pending   0 answer(s) kept until their file's receipt (ACRF) is in, 3 kept earlier applied now; 0 waiting in all",
      );
      expect(out).to.include("unmatched 3 answer(s) kept, not applied (3 for an illegal transition)");
      expect(out).to.match(
        new RegExp(
          `FO\\.NOTI\\.999999\\.20180402\\.00001\\.T #5 \\(NOTI for ${second.goFileName.replace(/\./g, "\\.")}\\): illegal transition: declaration \\d+ \\(WECH006 form 2 of ${second.fileName.replace(/\./g, "\\.")}\\): cannot go from "file-rejected" to "accepted"`,
        ),
      );
      expect(await forms()).to.deep.equal([
        `1.1 accepted ${ticketOf(1)}`,
        `1.2 accepted-with-warnings ${ticketOf(2)}`,
        "1.3 refused",
        "2.1 file-rejected",
        "2.2 file-rejected",
        "2.3 file-rejected",
      ]);
      expect(await answerStatuses()).to.deep.equal({ matched: 3, unmatched: 4 });

      // Nothing waits any more: another ingest applies nothing.
      const again = await ingest("answers-4", {});
      expect(again).to.include(
        "pending   0 answer(s) kept until their file's receipt (ACRF) is in, 0 kept earlier applied now; 0 waiting in all",
      );
    });
  });
}

for (const engine of ENGINES) pendingOn(engine);
