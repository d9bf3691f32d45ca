/**
 * Answer ingestion: the official sample answers
 * parse and validate; then, on the real CLI path and on every test engine, the circular's examples
 * are run for 2017-09 and 2017-10, answers for the written files are built here (valid against the
 * official XSDs), and `easr ingest` records them: files received or rejected, forms accepted, accepted
 * with warnings or refused, tickets, anomalies with their zone labels, corrections retiring what they
 * replace, answers that match nothing kept, impossible transitions reported naming both states, and
 * the same files again changing nothing.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { openDataSource } from "../../ormconfig";
import { buildWechZoneLabels, buildZimaZoneLabels, zoneLabelsJson } from "../../schemas/tools/build-wech-zone-labels";
import { ANSWER_XSD, type FileReceipt, type FormNotification, parseAnswerDocument, decodeXml } from "../../src/channel/answer-parser";
import { zoneLabelOf } from "../../src/channel/ingest";
import { CIRCULAR_EXAMPLES, circularExampleRows } from "../../tools/demo/circular-examples";
import { loadXsd } from "../../src/files/xsd-validator";
import { projectRoot } from "../../src/util/project-root";
import { acrfXml, answerFileName, type NotificationSpec, notificationFor, notificationXml, workerPath } from "../support/answer-files";
import { parseBatchFile, type XmlNode } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { GLOSSARY_DIR } from "../support/glossary";

const SAMPLES = join(projectRoot(), "test", "fixtures", "asr-reference", "responses");
const SAMPLE_FILES = ["ACRF_20231_1.xml", "ACRF_20231_2.xml", "NOTIFICATION_20224_1.xml", "NOTIFICATION_20224_2.xml"];
/** The INSS in the official NOTIFICATION samples. */
const SAMPLE_INSS = "80111405125";
const ALL_INSZ = [...CIRCULAR_EXAMPLES.flatMap((e) => (e.rows.staff_member ?? []).map((s) => String(s.insz))), SAMPLE_INSS];

describe("answer files", () => {
  it("parses the official ACRF and NOTIFICATION samples, which validate against the official XSDs", async () => {
    for (const name of SAMPLE_FILES) {
      const kind = name.startsWith("ACRF") ? "ACRF" : "NOTI";
      const result = await (await loadXsd(ANSWER_XSD[kind])).validateFile(join(SAMPLES, name));
      expect(result.errors, name).to.deep.equal([]);
      expect(parseAnswerDocument(decodeXml(readFileSync(join(SAMPLES, name)))).kind, name).to.equal(kind);
    }
    const ok = parseAnswerDocument(decodeXml(readFileSync(join(SAMPLES, "ACRF_20231_1.xml")))).answers[0] as FileReceipt;
    expect(ok).to.deep.include({
      kind: "ACRF",
      answeredFileName: "GO.DMPI.012996.20090718.50002.R.1",
      referenceNbr: "3400001Y1P01G",
      resultCode: 1,
      errorIds: [],
    });
    expect(ok.header).to.deep.equal({
      identification: "ACRF001",
      creationDate: "2025-11-16",
      creationHour: "15:29:46.123",
      attestationStatus: 0,
      typeForm: "PA",
    });
    const nok = parseAnswerDocument(decodeXml(readFileSync(join(SAMPLES, "ACRF_20231_2.xml")))).answers[0] as FileReceipt;
    expect(nok).to.deep.include({ resultCode: 0, errorIds: ["ACRF-088", "ACRF-172"] });

    const accepted = parseAnswerDocument(decodeXml(readFileSync(join(SAMPLES, "NOTIFICATION_20224_1.xml")))).answers[0] as FormNotification;
    expect(accepted).to.deep.include({
      kind: "NOTI",
      answeredFileName: "GO.AOAT.000001.20090728.00901.R",
      ticket: "340000JEDT00A",
      resultCode: 1,
      anomalies: [],
    });
    expect(accepted.handledForm).to.deep.equal({
      identification: "AOAT001",
      creationDate: "2009-01-22",
      creationHour: "09:43:00.002",
      attestationStatus: 0,
      typeForm: "SU",
    });
    expect(accepted.handledReference).to.deep.equal({ referenceType: 1, referenceOrigin: 2, referenceNbr: "340000JEDT00A" });
    expect(accepted.worker).to.deep.equal({ sequenceNbr: 1, inss: SAMPLE_INSS, employerClass: "010", workerCode: "015" });

    const refused = parseAnswerDocument(decodeXml(readFileSync(join(SAMPLES, "NOTIFICATION_20224_2.xml")))).answers[0] as FormNotification;
    expect(refused.resultCode).to.equal(0);
    expect(refused.ticket).to.equal("340000JEDW006");
    expect(refused.anomalies.map((a) => `${a.errorId} ${a.anomalyClass} ${a.tagName}=${a.value}`)).to.deep.equal([
      "90024-091 B Accident=AccidentNotificationDate",
      "90004-091 B Work=ContractDurationCode",
      "00237-008 B AccidentDate=2007-03-13",
      "00267-207 B DimonaNbr=501986975557",
    ]);
    expect(refused.anomalies[0].location).to.deep.equal({ line: 86, column: 20, location: "1,1,8,4,13,3,12,1" });
    expect(refused.anomalies[0].path).to.include({ INSS: SAMPLE_INSS, NaturalPersonSequenceNbr: "1", JointCommissionNbr: "100" });
    expect(refused.anomalies[2].path).to.equal(null);
  });

  it("ships the zone labels generated from the WECH glossaries, and names the zone or block of an error id", () => {
    const committed = readFileSync(join(projectRoot(), "schemas", "wech-zone-labels.json"), "utf8");
    expect(committed).to.equal(zoneLabelsJson(buildWechZoneLabels(GLOSSARY_DIR)));
    expect(zoneLabelOf("00024-003")).to.equal("INSS (IDENTIFICATIENUMMER BIJ DE SOCIALE ZEKERHEID - INSZ)");
    expect(zoneLabelOf("00046-008")).to.equal("JointCommissionNbr (NUMMER VAN PARITAIR COMITÉ)");
    expect(zoneLabelOf("90017-152")).to.equal("NaturalPerson (Natuurlijke persoon)");
    expect(zoneLabelOf("90024-091")).to.equal(null);
    expect(zoneLabelOf("ACRF-088")).to.equal(null);
  });

  it("ships the zone labels of the ZIMA glossaries too, and names a ZIMA anomaly's zone from the answered file's sector", () => {
    const committed = readFileSync(join(projectRoot(), "schemas", "zima-zone-labels.json"), "utf8");
    expect(committed).to.equal(zoneLabelsJson(buildZimaZoneLabels(GLOSSARY_DIR)));
    const zimaFile = "GO.ZIMA.900123.20180115.00002.T";
    expect(zoneLabelOf("00197-008", zimaFile)).to.equal("HolidayDaysNumber (AANTAL VAKANTIEDAGEN)");
    expect(zoneLabelOf("00554-008", "FI.ZIMA.900123.20180115.00001.T")).to.match(/^ExceptSituationMeanWorkingHours \(/);
    // A WECH file's anomaly is named from the WECH glossaries only; without a file name, WECH first, then ZIMA.
    expect(zoneLabelOf("00197-008", "GO.WECH.900123.20180115.00001.T")).to.equal(null);
    expect(zoneLabelOf("00197-008")).to.equal("HolidayDaysNumber (AANTAL VAKANTIEDAGEN)");
    expect(zoneLabelOf("00024-003", zimaFile)).to.match(/^INSS \(/);
  });
});

describe("easr ingest: usage", () => {
  it("exits 2 without --dir, with a --dir that is no folder, or with an unknown --env", async () => {
    const workspace = new CliWorkspace("ingest-usage");
    try {
      expect((await workspace.easr("ingest")).code).to.equal(2);
      const missing = await workspace.easr("ingest", "--dir", join(workspace.dir, "nowhere"), "--db", workspace.dbUrl);
      expect(missing.code).to.equal(2);
      expect(missing.err.join("\n")).to.include("is not a folder");
      const env = await workspace.easr("ingest", "--dir", workspace.dir, "--db", workspace.dbUrl, "--env", "X");
      expect(env.code).to.equal(2);
      // Named as the user typed it (issue 16), not as the variable behind it.
      expect(env.err.join("\n")).to.include("--env: Invalid option").and.not.include("EASR_ENVIRONMENT");
    } finally {
      await workspace.remove();
    }
  });
});

type Row = Record<string, unknown>;

async function query(workspace: CliWorkspace, sql: string): Promise<Row[]> {
  const dataSource = await openDataSource(workspace.dbUrl);
  try {
    return (await dataSource.query(sql)) as Row[];
  } finally {
    await dataSource.destroy();
  }
}

interface BatchFile {
  readonly id: number;
  readonly runId: number;
  readonly formType: string;
  readonly fileName: string;
  readonly goFileName: string;
  readonly directory: string;
}

interface Declaration {
  readonly id: number;
  readonly fileId: number;
  readonly sequenceNbr: number;
  readonly status: string;
  readonly ticket: string | null;
  readonly answeredAt: string | null;
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

async function batchFiles(workspace: CliWorkspace): Promise<BatchFile[]> {
  const rows = await query(
    workspace,
    "SELECT id AS id, run_id AS run_id, form_type AS form_type, file_name AS file_name, go_file_name AS go_file_name, directory AS directory FROM easr_file ORDER BY id",
  );
  return rows.map((r) => ({
    id: Number(r.id),
    runId: Number(r.run_id),
    formType: String(r.form_type),
    fileName: String(r.file_name),
    goFileName: String(r.go_file_name),
    directory: String(r.directory),
  }));
}

async function declarations(workspace: CliWorkspace): Promise<Declaration[]> {
  const rows = await query(
    workspace,
    "SELECT id AS id, file_id AS file_id, sequence_nbr AS sequence_nbr, status AS status, ticket AS ticket, answered_at AS answered_at FROM easr_declaration ORDER BY id",
  );
  return rows.map((r) => ({
    id: Number(r.id),
    fileId: Number(r.file_id),
    sequenceNbr: Number(r.sequence_nbr),
    status: String(r.status),
    ticket: text(r.ticket),
    answeredAt: text(r.answered_at),
  }));
}

/** Everything ingestion may change, as one comparable value. */
async function stateSnapshot(workspace: CliWorkspace): Promise<unknown> {
  return {
    files: await query(workspace, "SELECT id AS id, status AS status, receipt_reference AS receipt_reference FROM easr_file ORDER BY id"),
    declarations: await declarations(workspace),
    answerFiles: await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_answer_file"),
    answers: await query(
      workspace,
      "SELECT id AS id, status AS status, declaration_id AS declaration_id, ticket AS ticket FROM easr_answer ORDER BY id",
    ),
    anomalies: await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_anomaly"),
    audit: await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_audit"),
  };
}

function ingestOn(engine: TestEngine): void {
  describe(`easr ingest [${engine}]`, function () {
    this.timeout(180_000);
    let workspace: CliWorkspace;
    /** 2017-09: A (WECH003, 4 forms) and B (WECH006, 3 forms); 2017-10: C (its first file, rejected) and the rest. */
    let A: BatchFile, B: BatchFile, C: BatchFile, D: BatchFile;
    let formsOf: (file: BatchFile) => XmlNode[];
    let declarationOf: (file: BatchFile, sequenceNbr: number) => Promise<Declaration>;
    let answersDir: string;
    /** The INSS of form A3, which the refusal's INSS anomaly names. */
    let a3Inss: string;
    let first: { code: number; out: string[]; err: string[] };

    before(async function () {
      await requireEngine(this, engine);
      workspace = await CliWorkspace.withRows("ingest", engine, circularExampleRows());
      await workspace.run("2017-09");
      await workspace.run("2017-10");
      const files = await batchFiles(workspace);
      const [september, october] = [files.filter((f) => f.runId === files[0].runId), files.filter((f) => f.runId !== files[0].runId)];
      A = september.find((f) => f.formType === "WECH003")!;
      B = september.find((f) => f.formType === "WECH006")!;
      [C, D] = october;
      expect([A, B, C, D].every(Boolean), "the two runs wrote the four files the test answers").to.equal(true);
      formsOf = (file) => parseBatchFile(join(file.directory, file.fileName), file.fileName).forms;
      declarationOf = async (file, sequenceNbr) =>
        (await declarations(workspace)).find((d) => d.fileId === file.id && d.sequenceNbr === sequenceNbr)!;
      expect(formsOf(A)).to.have.length(4);
      expect(formsOf(B)).to.have.length(3);

      // Corrections come from the reconciliation; until a run makes them, three forms
      // are made into one here: A4 cancels A1, B2 modifies B1, B3 modifies A3 (which will be refused).
      const [a1, a3, b1] = [await declarationOf(A, 1), await declarationOf(A, 3), await declarationOf(B, 1)];
      const writable = await openDataSource(workspace.dbUrl);
      try {
        const correct = (declaration: Declaration, attestationStatus: number, replaces: Declaration) =>
          writable.query(
            `UPDATE easr_declaration SET attestation_status = ${attestationStatus}, replaces_id = ${replaces.id} WHERE id = ${declaration.id}`,
          );
        await correct(await declarationOf(A, 4), 3, a1);
        await correct(await declarationOf(B, 2), 1, b1);
        await correct(await declarationOf(B, 3), 1, a3);
      } finally {
        await writable.destroy();
      }

      const [a, b] = [formsOf(A), formsOf(B)];
      const refusedA3 = notificationFor(a[2], A.goFileName, { ticket: null, resultCode: 0 });
      const warnedA2 = notificationFor(a[1], A.goFileName, { ticket: "340000TICKA02" });
      a3Inss = refusedA3.worker.inss;
      answersDir = join(workspace.dir, "answers");
      mkdirSync(answersDir);
      const put = (name: string, xml: string) => writeFileSync(join(answersDir, name), xml);
      put(
        answerFileName("ACRF", "20171002", 1),
        acrfXml([{ answeredFileName: A.goFileName, resultCode: 1, referenceNbr: "340000RECPT0A" }]),
      );
      put(
        answerFileName("ACRF", "20171002", 2),
        acrfXml([{ answeredFileName: `${B.fileName}.1`, resultCode: 1, referenceNbr: "340000RECPT0B" }]),
      );
      put(
        answerFileName("ACRF", "20171002", 3),
        acrfXml([{ answeredFileName: C.goFileName, resultCode: 0, referenceNbr: "340000RECPT0C", errorIds: ["ACRF-088", "ACRF-172"] }]),
      );
      put(
        answerFileName("NOTI", "20171002", 4),
        notificationXml([
          notificationFor(a[0], A.goFileName, { ticket: "340000TICKA01" }),
          {
            ...warnedA2,
            anomalies: [
              {
                errorId: "00044-278",
                tagName: "OccupationStartingDate",
                value: "2017-09-01",
                anomalyClass: "W",
                location: "1,1,8,4,13,1",
                path: workerPath(warnedA2),
              },
            ],
          },
          {
            ...refusedA3,
            anomalies: [
              {
                errorId: "00046-008",
                tagName: "JointCommissionNbr",
                value: "999",
                anomalyClass: "B",
                location: "1,1,8,4,13,2",
                path: workerPath(refusedA3),
              },
              { errorId: "00024-003", tagName: "INSS", value: refusedA3.worker.inss, anomalyClass: "B", path: workerPath(refusedA3) },
            ],
          },
          notificationFor(a[3], A.goFileName, { ticket: "340000TICKA04", attestationStatus: 3 }),
        ]),
      );
      put(
        answerFileName("NOTI", "20171002", 5),
        notificationXml([
          notificationFor(b[0], B.goFileName, { ticket: "340000TICKB01" }),
          notificationFor(b[1], B.goFileName, { ticket: "340000TICKB02", attestationStatus: 1 }),
          notificationFor(b[2], B.goFileName, { ticket: "340000TICKB03", attestationStatus: 1 }),
        ]),
      );
      put(
        answerFileName("NOTI", "20171002", 6),
        notificationXml([notificationFor(formsOf(C)[0], C.goFileName, { ticket: "340000TICKC01" })]),
      );
      const strangerInss = notificationFor(a[0], A.goFileName, { ticket: null }).worker.inss;
      const unknownFile: NotificationSpec = {
        ...notificationFor(a[0], A.goFileName, { ticket: "340000TICKX01" }),
        answeredFileName: "GO.WECH.900123.20170101.00042.T",
      };
      put(
        answerFileName("NOTI", "20171002", 7),
        notificationXml([notificationFor(a[1], A.goFileName, { ticket: "340000TICKA02", inss: strangerInss }), unknownFile]),
      );
      for (const sample of SAMPLE_FILES) copyFileSync(join(SAMPLES, sample), join(answersDir, sample));
      put(
        "broken.xml",
        notificationXml([notificationFor(a[0], A.goFileName, { ticket: null })]).replace(/<HandlingResult>.*?<\/HandlingResult>/, ""),
      );
      put("GO.ACRF.999999.20171002.00001.T", "");
      put("notes.txt", "not an answer");

      first = await workspace.easr("ingest", "--dir", answersDir, "--db", workspace.dbUrl);
    });

    after(async () => {
      await workspace?.remove();
    });

    it("writes answers valid against the official XSDs (the broken one is not)", async () => {
      for (const [name, kind] of [
        ...[1, 2, 3].map((n) => [answerFileName("ACRF", "20171002", n), "ACRF"] as const),
        ...[4, 5, 6, 7].map((n) => [answerFileName("NOTI", "20171002", n), "NOTI"] as const),
      ]) {
        const result = await (await loadXsd(ANSWER_XSD[kind])).validateFile(join(answersDir, name));
        expect(result.errors, name).to.deep.equal([]);
      }
      expect((await (await loadXsd(ANSWER_XSD.NOTI)).validateFile(join(answersDir, "broken.xml"))).valid).to.equal(false);
    });

    it("records receipts, outcomes, tickets and anomalies, and keeps what matches nothing", async () => {
      expect(first.code, first.err.join("\n")).to.equal(0);
      const out = first.out.join("\n");
      expect(out).to.include("files     12 answer file(s) = ingested 11 + already ingested 0 + invalid 1; 2 other file(s) ignored");
      expect(out).to.match(/invalid, skipped broken\.xml: line \d+: .*HandlingResult/);
      expect(out).to.include("receipts  3 = OK 2 + rejected 1");
      expect(out).to.include(`rejected ${C.goFileName}: ACRF-088, ACRF-172`);
      expect(out).to.include("forms     6 = accepted 4 + with warnings 1 + refused 1; superseded 1, cancelled 1");
      expect(out).to.include(
        "anomalies 7 [00024-003 B 1, 00044-278 W 1, 00046-008 B 1, 00237-008 B 1, 00267-207 B 1, 90004-091 B 1, 90024-091 B 1]",
      );
      expect(out).to.include("unmatched 8 answer(s) kept, not applied (2 for an illegal transition)");

      // Files: A and B received with their receipt's reference; C rejected, its forms with it.
      const files = await query(
        workspace,
        "SELECT id AS id, status AS status, receipt_reference AS receipt_reference FROM easr_file ORDER BY id",
      );
      const fileState = (file: BatchFile) => files.find((f) => Number(f.id) === file.id)!;
      expect(fileState(A)).to.deep.include({ status: "received", receipt_reference: "340000RECPT0A" });
      expect(fileState(B)).to.deep.include({ status: "received", receipt_reference: "340000RECPT0B" });
      expect(fileState(C)).to.deep.include({ status: "rejected", receipt_reference: null });
      expect(fileState(D)).to.deep.include({ status: "written" });
      const all = await declarations(workspace);
      for (const d of all.filter((x) => x.fileId === C.id))
        expect(d).to.deep.include({ status: "file-rejected", ticket: null }).and.to.have.property("answeredAt").that.is.a("string");
      for (const d of all.filter((x) => x.fileId === D.id)) expect(d.status).to.equal("written");
      const receipt = await query(workspace, `SELECT detail AS detail FROM easr_answer WHERE kind = 'ACRF' AND file_id = ${C.id}`);
      expect(receipt).to.have.length(1);
      expect(JSON.parse(String(receipt[0].detail))).to.deep.include({ errorIds: ["ACRF-088", "ACRF-172"], outcome: "rejected" });

      // Forms: tickets of the accepted ones; A1 cancelled by A4, B1 superseded by B2; B3 waits (its replaced form was refused).
      const state = async (file: BatchFile, sequenceNbr: number) => {
        const d = await declarationOf(file, sequenceNbr);
        return { status: d.status, ticket: d.ticket, answered: d.answeredAt !== null };
      };
      expect(await state(A, 1)).to.deep.equal({ status: "cancelled", ticket: "340000TICKA01", answered: true });
      expect(await state(A, 2)).to.deep.equal({ status: "accepted-with-warnings", ticket: "340000TICKA02", answered: true });
      expect(await state(A, 3)).to.deep.equal({ status: "refused", ticket: null, answered: true });
      expect(await state(A, 4)).to.deep.equal({ status: "accepted", ticket: "340000TICKA04", answered: true });
      expect(await state(B, 1)).to.deep.equal({ status: "superseded", ticket: "340000TICKB01", answered: true });
      expect(await state(B, 2)).to.deep.equal({ status: "accepted", ticket: "340000TICKB02", answered: true });
      expect(await state(B, 3)).to.deep.equal({ status: "file-received", ticket: null, answered: false });

      // Anomalies: error id, zone label, class, value; the INSZ masked in value and path.
      const anomalies = await query(
        workspace,
        "SELECT a.declaration_id AS declaration_id, a.error_id AS error_id, a.zone_label AS zone_label, a.anomaly_class AS anomaly_class, a.tag_name AS tag_name, a.value AS value, a.path AS path FROM easr_anomaly a ORDER BY a.id",
      );
      const [a2, a3] = [await declarationOf(A, 2), await declarationOf(A, 3)];
      const pick = (row: Row) => ({
        declaration: row.declaration_id === null ? null : Number(row.declaration_id),
        errorId: row.error_id,
        label: row.zone_label,
        class: row.anomaly_class,
        tag: row.tag_name,
        value: row.value,
      });
      expect(anomalies.filter((row) => row.declaration_id !== null).map(pick)).to.deep.equal([
        {
          declaration: a2.id,
          errorId: "00044-278",
          label: "OccupationStartingDate (DATUM WAAROP DE TEWERKSTELLING BEGINT)",
          class: "W",
          tag: "OccupationStartingDate",
          value: "2017-09-01",
        },
        {
          declaration: a3.id,
          errorId: "00046-008",
          label: "JointCommissionNbr (NUMMER VAN PARITAIR COMITÉ)",
          class: "B",
          tag: "JointCommissionNbr",
          value: "999",
        },
        {
          declaration: a3.id,
          errorId: "00024-003",
          label: "INSS (IDENTIFICATIENUMMER BIJ DE SOCIALE ZEKERHEID - INSZ)",
          class: "B",
          tag: "INSS",
          value: `********${a3Inss.slice(-3)}`,
        },
      ]);
      const path = JSON.parse(String(anomalies.find((row) => row.error_id === "00046-008")!.path)) as Record<string, string>;
      expect(path).to.include({ NaturalPersonSequenceNbr: "3", EmployerClass: "011", CompanyID: "0123456749" });
      expect(path.INSS).to.match(/^\*{8}\d{3}$/);
      // The sample's anomalies are kept too, unlinked; zones outside the WECH glossaries have no label.
      expect(anomalies.filter((row) => row.declaration_id === null).map((row) => [row.error_id, row.zone_label])).to.deep.equal([
        ["90024-091", null],
        ["90004-091", null],
        ["00237-008", null],
        ["00267-207", null],
      ]);

      // Unmatched answers: kept with why, never dropped.
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_answer_file")).to.equal(11);
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_answer")).to.equal(3 + 4 + 3 + 1 + 2 + 4);
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_answer WHERE status = 'unmatched'")).to.equal(8);
      expect(await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_audit WHERE event = 'answer-file-ingested'")).to.equal(11);
      expect(out).to.include(
        'ACRF_20231_1.xml #1 (ACRF for GO.DMPI.012996.20090718.50002.R.1): answers "GO.DMPI.012996.20090718.50002.R.1", which is not a batch file name of this adapter',
      );
      expect(out).to.include("NOTIFICATION_20224_2.xml #1 (NOTI for GO.AOAT.000001.20090728.30000.R)");
      expect(out).to.include(
        `${answerFileName("NOTI", "20171002", 7)} #2 (NOTI for GO.WECH.900123.20170101.00042.T): answers GO.WECH.900123.20170101.00042.T: no such batch file in environment T`,
      );
      expect(out).to.match(
        new RegExp(
          `${answerFileName("NOTI", "20171002", 7).replace(/\./g, "\\.")} #1 .*declaration ${a2.id} \\(WECH003 form 2 of ${A.fileName.replace(/\./g, "\\.")}\\): the notification's INSS \\*{8}\\d{3} is not the declared person's`,
        ),
      );

      // No INSZ in clear: not on the console, not in what is kept of the answers.
      const kept = JSON.stringify([await query(workspace, "SELECT detail AS detail FROM easr_answer"), anomalies]);
      for (const insz of ALL_INSZ) {
        expect(out, "console output").not.to.include(insz);
        expect(kept, "easr_answer / easr_anomaly").not.to.include(insz);
      }
    });

    it("reports an impossible transition naming both states, keeps the answer and goes on with the next", async () => {
      const out = first.out.join("\n");
      const [b3, a3, c1] = [await declarationOf(B, 3), await declarationOf(A, 3), await declarationOf(C, 1)];
      expect(out).to.include(
        `illegal transition: declaration ${a3.id} (WECH003, replaced by declaration ${b3.id}): cannot go from "refused" to "superseded"`,
      );
      expect(out).to.include(
        `illegal transition: declaration ${c1.id} (${C.formType} form 1 of ${C.fileName}): cannot go from "file-rejected" to "accepted"`,
      );
      expect(c1.status).to.equal("file-rejected");

      // Later answers: a receipt rejecting A (already received), then one receiving D: the first is kept
      // unmatched, A stays as it was, and D is received all the same.
      const late = join(workspace.dir, "answers-late");
      mkdirSync(late);
      writeFileSync(
        join(late, answerFileName("ACRF", "20171003", 1)),
        acrfXml([{ answeredFileName: A.fileName, resultCode: 0, errorIds: ["ACRF-125"] }]),
      );
      writeFileSync(
        join(late, answerFileName("ACRF", "20171003", 2)),
        acrfXml([{ answeredFileName: D.goFileName, resultCode: 1, referenceNbr: "340000RECPT0D" }]),
      );
      const before = await declarations(workspace);
      const result = await workspace.easr("ingest", "--dir", late, "--db", workspace.dbUrl, "--env", "T");
      expect(result.code, result.err.join("\n")).to.equal(0);
      const lateOut = result.out.join("\n");
      expect(lateOut).to.include(`illegal transition: batch file ${A.fileName}: cannot go from "received" to "rejected"`);
      expect(lateOut).to.include("receipts  1 = OK 1 + rejected 0");
      expect(lateOut).to.include("unmatched 1 answer(s) kept, not applied (1 for an illegal transition)");
      const after = await declarations(workspace);
      expect(after.filter((d) => d.fileId === A.id)).to.deep.equal(before.filter((d) => d.fileId === A.id));
      for (const d of after.filter((x) => x.fileId === D.id)) expect(d.status).to.equal("file-received");
      const files = await query(workspace, `SELECT status AS status FROM easr_file WHERE id IN (${A.id}, ${D.id}) ORDER BY id`);
      expect(files.map((f) => f.status)).to.deep.equal(["received", "received"]);
    });

    it("changes nothing when the same files come again, under their names or another", async () => {
      copyFileSync(join(answersDir, answerFileName("NOTI", "20171002", 4)), join(answersDir, "copy-of-noti.xml"));
      const before = await stateSnapshot(workspace);
      const again = await workspace.easr("ingest", "--dir", answersDir, "--db", workspace.dbUrl);
      expect(again.code, again.err.join("\n")).to.equal(0);
      const out = again.out.join("\n");
      expect(out).to.include("files     13 answer file(s) = ingested 0 + already ingested 12 + invalid 1; 2 other file(s) ignored");
      expect(out).to.include(`already ingested copy-of-noti.xml (same content as ${answerFileName("NOTI", "20171002", 4)}, on `);
      expect(out).to.include("receipts  0 = OK 0 + rejected 0");
      expect(out).to.include("forms     0 = accepted 0 + with warnings 0 + refused 0");
      expect(out).to.include("unmatched 0 answer(s) kept, not applied");
      expect(await stateSnapshot(workspace)).to.deep.equal(before);
    });
  });
}

for (const engine of ENGINES) ingestOn(engine);
