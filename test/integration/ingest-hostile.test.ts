/**
 * Hostile answer files: an answer with a document type declaration — an external
 * entity reading a local file (XXE), entities expanding without end (billion laughs), an internal subset
 * declaring nothing harmful, an external DTD — is reported as invalid, by name, and skipped; the valid
 * answers after it are ingested all the same, and what the entities point at is read by no one. Before,
 * libxml2 failed on the unexpanded entity with "Invalid input or internal error" and the whole ingest
 * stopped. On the CLI path, on every engine.
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
import { acrfXml, answerFileName } from "../support/answer-files";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";

/** Form 1 accepted, form 2 accepted with a warning (its anomaly has a TagName to put an entity in). */
const SHAPE: NotificationShape = { warnEvery: 2, refuseEvery: 0 };
const SECRET = "CANARY-4f1c9e-never-to-be-read";

/** The same document with a DOCTYPE after its XML declaration, and `reference` instead of form 2's TagName. */
function withDoctype(xml: string, doctype: string, reference: string | null): string {
  const declarationEnd = xml.indexOf("?>") + 2;
  const body =
    reference === null
      ? xml.slice(declarationEnd)
      : xml.slice(declarationEnd).replace("<TagName>OccupationStartingDate</TagName>", `<TagName>${reference}</TagName>`);
  return `${xml.slice(0, declarationEnd)}\n${doctype}${body}`;
}

function hostileOn(engine: TestEngine): void {
  describe(`easr ingest of hostile answers [${engine}]`, function () {
    this.timeout(120_000);
    let workspace: CliWorkspace;

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.create("ingest-hostile", engine);
      await workspace.initContract();
    });

    after(async () => {
      await workspace?.remove();
    });

    it("reports each file with a DOCTYPE as invalid by name, reads none of its entities, and ingests the valid answers after it", async () => {
      const set: AnsweredFiles = { files: 1, formsPerFile: 2, received: false };
      await seedAnsweredFiles(workspace.dbUrl, set);
      const canary = join(workspace.dir, "canary.txt");
      writeFileSync(canary, `${SECRET}\n`);
      const dir = join(workspace.dir, "answers");
      mkdirSync(dir);
      const put = (name: string, xml: string) => writeFileSync(join(dir, name), xml);
      const { goFileName } = answeredFileNames(set, 0);
      const valid = join(dir, answerFileName("NOTI", "20180402", 6));
      await writeNotification(valid, set, SHAPE, 1, 2);
      const notification = readFileSync(valid, "utf8");
      const receipt = acrfXml([{ answeredFileName: goFileName, resultCode: 1, referenceNbr: "340000RECPT01" }]);

      const xxe = `<!DOCTYPE NOTIFICATION [<!ENTITY xxe SYSTEM "file://${canary}">]>\n`;
      const laughs =
        "<!DOCTYPE NOTIFICATION [\n" +
        '<!ENTITY lol0 "lol">\n' +
        Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">\n`).join("") +
        "]>\n";
      const hostile: [string, string][] = [
        [
          answerFileName("ACRF", "20180402", 1),
          withDoctype(receipt, `<!DOCTYPE ACRF [<!ENTITY xxe SYSTEM "file://${canary}">]>\n`, null).replace("340000RECPT01", "&xxe;"),
        ],
        [answerFileName("NOTI", "20180402", 2), withDoctype(notification, xxe, "&xxe;")],
        [answerFileName("NOTI", "20180402", 3), withDoctype(notification, laughs, "&lol9;")],
        [answerFileName("NOTI", "20180402", 4), withDoctype(notification, "<!DOCTYPE NOTIFICATION [<!ELEMENT NOTIFICATION ANY>]>\n", null)],
        [answerFileName("NOTI", "20180402", 5), withDoctype(notification, `<!DOCTYPE NOTIFICATION SYSTEM "file://${canary}">\n`, null)],
      ];
      for (const [name, xml] of hostile) put(name, xml);
      put(answerFileName("ACRF", "20180402", 2), receipt);

      const result = await workspace.easr("ingest", "--dir", dir, "--db", workspace.dbUrl, "--env", "T");
      expect(result.code, result.err.join("\n")).to.equal(0);
      const out = result.out.join("\n");
      expect(out).to.include("files     7 answer file(s) = ingested 2 + already ingested 0 + invalid 5");
      for (const [name] of hostile)
        expect(out).to.match(
          new RegExp(`invalid, skipped ${name.replace(/\./g, "\\.")}: line 2: a document type declaration \\(DOCTYPE\\) is refused`),
        );
      // The valid receipt and notification after them: the file received, form 1 accepted, form 2 with its warning.
      expect(out).to.include("receipts  1 = OK 1 + rejected 0");
      expect(out).to.include("forms     2 = accepted 1 + with warnings 1 + refused 0");
      expect(out).to.include("unmatched 0 answer(s) kept, not applied");

      const dataSource = await openDataSource(workspace.dbUrl);
      try {
        const declarations = (await dataSource.query(
          "SELECT sequence_nbr AS n, status AS status, ticket AS ticket FROM easr_declaration ORDER BY sequence_nbr",
        )) as Record<string, unknown>[];
        expect(declarations.map((d) => [Number(d.n), d.status, d.ticket])).to.deep.equal([
          [1, "accepted", ticketOf(1)],
          [2, "accepted-with-warnings", ticketOf(2)],
        ]);
        const files = (await dataSource.query("SELECT file_name AS name FROM easr_answer_file ORDER BY id")) as Record<string, unknown>[];
        expect(files.map((f) => f.name)).to.deep.equal([answerFileName("ACRF", "20180402", 2), answerFileName("NOTI", "20180402", 6)]);
        // What the entities point at was read by no one: not on the console, not in the state.
        const kept = JSON.stringify([
          await dataSource.query("SELECT detail AS detail FROM easr_answer"),
          await dataSource.query("SELECT tag_name AS tag, value AS value, path AS path FROM easr_anomaly"),
          await dataSource.query("SELECT detail AS detail FROM easr_audit"),
        ]);
        expect(kept).not.to.include(SECRET);
        expect(kept).not.to.include("lollol");
      } finally {
        await dataSource.destroy();
      }
      expect(`${out}\n${result.err.join("\n")}`).not.to.include(SECRET);
    });
  });
}

for (const engine of ENGINES) hostileOn(engine);
