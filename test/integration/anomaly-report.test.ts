/**
 * The answers in the reports, on the real CLI path: the circular's examples are run
 * for 2017-09 on SQLite, answered by the simulated channel (every 2nd form refused, every 3rd warned)
 * and ingested. Then the anomalies come back from the state with their zone labels, fill the operator
 * workbook's Anomalies sheet one row per anomaly, and `easr payslip --db` prints the tickets of the
 * person's accepted forms.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import ExcelJS from "exceljs";
import type { DataSource } from "typeorm";
import { openDataSource } from "../../ormconfig";
import { OPERATOR_SHEETS, writeOperatorWorkbook } from "../../reports/operator-workbook";
import { zoneLabelOf } from "../../src/channel/ingest";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { type AnomalyReportRow, AnomalyReportRepository } from "../../src/state/anomaly-report-repository";
import { STATE_ENTITIES } from "../../src/state/entities";
import { CliWorkspace } from "../support/cli-harness";

const MONTH = "2017-09";

/** The rows of a sheet below its header, as objects keyed by header. */
async function sheetRecords(path: string, name: string): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(name);
  expect(sheet, `sheet ${name}`).to.not.equal(undefined);
  const headers = (sheet!.getRow(1).values as unknown[]).slice(1).map(String);
  const records: Record<string, unknown>[] = [];
  sheet!.eachRow((row, number) => {
    if (number > 1) records.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value])));
  });
  return records;
}

describe("anomalies and tickets in the reports (operator workbook, payslip copy)", function () {
  this.timeout(180_000);
  let workspace!: CliWorkspace;
  let state!: DataSource;
  let reports!: AnomalyReportRepository;

  before(async () => {
    workspace = new CliWorkspace("anomaly-report");
    await workspace.initContract();
    await writeContractRowsToUrl(workspace.dbUrl, circularExampleRows());
    await workspace.run(MONTH);
    const simulated = await workspace.easr(
      "channel",
      "simulate",
      "--dir",
      workspace.monthDir(MONTH),
      "--refuse-every",
      "2",
      "--warn-every",
      "3",
    );
    expect(simulated.code, simulated.err.join("\n")).to.equal(0);
    const ingested = await workspace.easr("ingest", "--dir", join(workspace.monthDir(MONTH), "answers"), "--db", workspace.dbUrl);
    expect(ingested.code, ingested.err.join("\n")).to.equal(0);
    state = await openDataSource(workspace.dbUrl, { entities: STATE_ENTITIES });
    reports = new AnomalyReportRepository(state);
  });

  after(async () => {
    await state?.destroy();
    await workspace?.remove();
  });

  it("returns every anomaly of the ingested answers with its form, zone label and the form's state", async () => {
    const anomalies = await reports.anomaliesIngestedSince("T", null);
    expect(anomalies.length).to.equal(
      await workspace.stateCount("SELECT COUNT(*) AS n FROM easr_anomaly WHERE declaration_id IS NOT NULL"),
    );
    expect(anomalies.map((a) => a.anomalyClass)).to.include.members(["B", "W"]);
    for (const anomaly of anomalies) {
      expect(anomaly.declarationStatus, anomaly.errorId).to.equal(anomaly.anomalyClass === "B" ? "refused" : "accepted-with-warnings");
      expect(anomaly.zoneLabel, anomaly.errorId).to.equal(zoneLabelOf(anomaly.errorId));
      expect(anomaly.fileName).to.match(/^FI\.WECH\.\d{6}\.\d{8}\.\d{5}\.T$/);
      expect(anomaly.sequenceNbr).to.be.greaterThan(0);
    }
    expect(
      anomalies.some((a) => a.zoneLabel !== null),
      "some zone labelled",
    ).to.equal(true);

    // Since: the run finished before the ingest, so its end leaves every anomaly; the ingest's own time none.
    const runFinished = await reports.previousRunFinishedAt("T", null);
    expect(runFinished).to.be.a("string");
    expect(await reports.anomaliesIngestedSince("T", runFinished)).to.deep.equal(anomalies);
    expect(await reports.anomaliesIngestedSince("T", anomalies[anomalies.length - 1].ingestedAt)).to.deep.equal([]);
    expect(await reports.anomaliesIngestedSince("R", null)).to.deep.equal([]);
    const runId = await workspace.stateCount("SELECT MAX(id) AS n FROM easr_run");
    expect(await reports.previousRunFinishedAt("T", runId), "no run before the first").to.equal(null);
  });

  it("lists one row per anomaly on the operator workbook's Anomalies sheet, the last one, values with an INSZ masked", async () => {
    const summary = workspace.summaryOf(MONTH);
    const anomalies = await reports.anomaliesIngestedSince("T", null);
    const withInsz: AnomalyReportRow = { ...anomalies[0], errorId: "00024-003", anomalyClass: "B", value: "INSS 85073100174" };
    const path = join(workspace.dir, "operator-with-anomalies.xlsx");
    const written = await writeOperatorWorkbook({
      summary,
      decisionsPath: summary.decisionsFile!,
      outputPath: path,
      anomalies: [...anomalies, withInsz],
    });
    expect(written.sheets[OPERATOR_SHEETS.nl.anomalies]).to.equal(anomalies.length + 1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name).at(-1)).to.equal(OPERATOR_SHEETS.nl.anomalies);
    const rows = await sheetRecords(path, OPERATOR_SHEETS.nl.anomalies);
    expect(
      rows.map(
        (row) =>
          `${row["Personeelsnr."]} ${row["Bestand"]}#${row["Volgnummer"]} ${row["Fout-id"]} ${row["Klasse"]} ${row["Status aangifte"]}`,
      ),
    ).to.deep.equal(
      [...anomalies, withInsz].map(
        (a) => `${a.staffId} ${a.fileName}#${a.sequenceNbr} ${a.errorId} ${a.anomalyClass} ${a.declarationStatus}`,
      ),
    );
    expect(rows.map((row) => row["Zone"] ?? null)).to.deep.equal([...anomalies, withInsz].map((a) => a.zoneLabel));
    expect(rows[rows.length - 1]["Waarde"]).to.equal("INSS ********174");

    const empty = join(workspace.dir, "operator-without-anomalies.xlsx");
    const none = await writeOperatorWorkbook({ summary, decisionsPath: summary.decisionsFile!, outputPath: empty });
    // A sheet without rows is left out of the workbook (the overview lists it with 0 rows).
    expect(none.sheets).not.to.have.property(OPERATOR_SHEETS.nl.anomalies);
    const emptyBook = new ExcelJS.Workbook();
    await emptyBook.xlsx.readFile(empty);
    expect(emptyBook.worksheets.map((sheet) => sheet.name)).not.to.include(OPERATOR_SHEETS.nl.anomalies);
  });

  it("easr payslip --db prints the ticket of each accepted form of the person, and none for a refused one", async () => {
    const forms = (await state.query(
      "SELECT d.staff_id AS staff, d.status AS status, d.ticket AS ticket FROM easr_declaration d WHERE d.staff_id = 1 ORDER BY d.id",
    )) as { staff: number; status: string; ticket: string | null }[];
    const accepted = forms.filter((form) => form.status === "accepted" || form.status === "accepted-with-warnings");
    expect(accepted.length, `staff 1's forms: ${JSON.stringify(forms)}`).to.be.greaterThan(0);

    const result = await workspace.easr(
      "payslip",
      "--staff",
      "1",
      "--month",
      MONTH,
      "--db",
      workspace.dbUrl,
      "--out",
      workspace.outDir,
      "--pdf",
      join(workspace.dir, "staff-1.pdf"),
    );
    expect(result.code, result.err.join("\n")).to.equal(0);
    const ticketLines = result.out.map((line) => line.trim()).filter((line) => line.startsWith("Ticketnummer: "));
    expect(ticketLines).to.deep.equal(accepted.map((form) => `Ticketnummer: ${form.ticket}`));

    const refused = (await state.query("SELECT staff_id AS staff FROM easr_declaration WHERE status = 'refused' ORDER BY id")) as {
      staff: number;
    }[];
    expect(refused.length).to.be.greaterThan(0);
    const refusedCopy = await workspace.easr(
      "payslip",
      "--staff",
      String(refused[0].staff),
      "--month",
      MONTH,
      "--db",
      workspace.dbUrl,
      "--out",
      workspace.outDir,
    );
    expect(refusedCopy.code, refusedCopy.err.join("\n")).to.equal(0);
    const refusedForms = (await state.query(
      `SELECT COUNT(*) AS n FROM easr_declaration WHERE staff_id = ${Number(refused[0].staff)} AND status <> 'refused'`,
    )) as { n: number }[];
    expect(refusedCopy.out.filter((line) => line.includes("Ticketnummer")).length, "tickets only for the forms not refused").to.equal(
      Number(refusedForms[0].n),
    );

    // A state database that is not there: the copy as it was, no database created.
    const without = await workspace.easr(
      "payslip",
      "--staff",
      "1",
      "--month",
      MONTH,
      "--db",
      `sqlite:${join(workspace.dir, "missing.sqlite")}`,
      "--out",
      workspace.outDir,
    );
    expect(without.code, without.err.join("\n")).to.equal(0);
    expect(without.out.some((line) => line.includes("Ticketnummer"))).to.equal(false);
    expect(existsSync(join(workspace.dir, "missing.sqlite"))).to.equal(false);
  });
});
