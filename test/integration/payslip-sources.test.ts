/**
 * The staff member's copy on the salary slip, from every run that wrote one:
 * `easr payslip` reads the extracts' paths from the state — a real (R) run's under <out>/R/, a re-run's
 * with its -run<id> suffix — and a cancellation the run sent is on the copy as a cancellation, on every engine.
 */
import { makeTestCertificate } from "../support/test-certificate";
import { join } from "node:path";
import { expect } from "chai";
import { readPayslipExtract } from "../../reports/payslip-copy";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { withEnv } from "../support/env";

async function extractRecords(path: string): Promise<{ staffId: number; fileName: string; nature: string; lines: readonly string[] }[]> {
  const records = [];
  for await (const record of readPayslipExtract(path)) records.push(record);
  return records;
}

/** The real environment needs an identity of its own (not the demo's). */
const REAL_IDENTITY = { EASR_SENDER_NUMBER: "412345", EASR_NOSS_NUMBER: "100006", EASR_KBO_NUMBER: "0566988259" };

function payslipSourcesOn(engine: TestEngine): void {
  describe(`the payslip copy from every run of the month [${engine}]`, function () {
    this.timeout(180_000);
    let w: CliWorkspace;
    before(async function () {
      await requireEngine(this, engine);
    });
    beforeEach(async () => {
      w = await CliWorkspace.create(`payslip-sources-${engine}`, engine);
      await w.initContract();
    });
    afterEach(() => w.remove());

    it("a re-run's copy (-run<id>) is found beside the first run's, and an R run's under <out>/R/", async () => {
      // Staff 1's notification arrives after the month's first run: the re-run declares it.
      const rows = circularExampleRows();
      const late = rows.rl16_notification!.filter((row) => row.staff_id === 1);
      expect(late).to.have.length(1);
      await writeContractRowsToUrl(w.dbUrl, { ...rows, rl16_notification: rows.rl16_notification!.filter((row) => row.staff_id !== 1) });
      await w.run("2017-09");
      const first = await extractRecords(join(w.monthDir("2017-09"), "payslip-extract-2017-09.csv"));
      expect(first.map((r) => r.staffId)).not.to.include(1);
      await writeContractRowsToUrl(w.dbUrl, { rl16_notification: late });
      await w.run("2017-09");
      const rerun = w.summaryOf("2017-09", "run-summary-run2.json");
      expect(rerun.files.map((f) => f.formType)).to.deep.equal(["WECH003", "WECH006"]);

      const copy = await w.easr("payslip", "--staff", "1", "--month", "2017-09", "--db", w.dbUrl, "--out", w.outDir);
      expect(copy.code, copy.err.join("\n")).to.equal(0);
      expect(copy.out[0]).to.equal("Afschrift e-ASR – personeelslid 1 – salarisbrief van september 2017 (2 aangiften)");
      for (const file of rerun.files) expect(copy.out.join("\n")).to.include(`Bestand ${file.fileName}, volgnummer 1`);
      // Whoever the first run declared still has their copy.
      const other = await w.easr("payslip", "--staff", String(first[0].staffId), "--month", "2017-09", "--db", w.dbUrl, "--out", w.outDir);
      expect(other.code, other.err.join("\n")).to.equal(0);
      expect(other.out.join("\n")).to.include(`Bestand ${first[0].fileName}`);

      // An R run signs its files (issue 15): the agency's certificate, made for the test.
      const made = makeTestCertificate(w.dir, "agency");
      const signing = { EASR_SIGNING_CERT: made.certificate, EASR_SIGNING_KEY: made.key };
      const real = await withEnv({ ...REAL_IDENTITY, ...signing }, async () => {
        const run = await w.easr("run", "--month", "2017-09", "--db", w.dbUrl, "--out", w.outDir, "--env", "R");
        expect(run.code, run.err.join("\n")).to.equal(0);
        return w.easr("payslip", "--staff", "1", "--month", "2017-09", "--db", w.dbUrl, "--out", w.outDir, "--env", "R");
      });
      expect(real.code, real.err.join("\n")).to.equal(0);
      const files = real.out.filter((line) => line.includes("Bestand FI."));
      expect(files).to.have.length(2);
      expect(files.every((line) => /Bestand FI\.WECH\.412345\.\d{8}\.\d{5}\.R, volgnummer \d+$/.test(line))).to.equal(true);
    });

    it("a cancellation is on the staff member's copy as a cancellation: the form, the ticket withdrawn and why", async () => {
      await writeContractRowsToUrl(w.dbUrl, circularExampleRows(1));
      await w.run("2017-09");
      await w.acceptAllWritten("TCK0000000001");
      await w.execute("DELETE FROM rl16_notification WHERE staff_id = 1");
      await w.run("2017-10");
      const october = w.summaryOf("2017-10");
      const fileOf = (formType: string) => october.files.find((f) => f.formType === formType)!.fileName;

      const copy = await w.easr("payslip", "--staff", "1", "--month", "2017-10", "--db", w.dbUrl, "--out", w.outDir);
      expect(copy.code, copy.err.join("\n")).to.equal(0);
      expect(copy.out).to.deep.equal([
        "Afschrift e-ASR – personeelslid 1 – salarisbrief van oktober 2017 (0 aangiften, 2 annuleringen)",
        "",
        "Annulering aangifte sociaal risico WECH503 – aanvang deeltijdse arbeid",
        "  De aanvaarde aangifte met ticketnummer TCK0000000001 wordt ingetrokken.",
        "  Reden: er is geen RL16-melding meer voor dit personeelslid",
        `  Bestand ${fileOf("WECH003")}, volgnummer 1`,
        "",
        "Annulering aangifte sociaal risico WECH506 – deeltijdse arbeid september 2017",
        "  De aanvaarde aangifte met ticketnummer TCK0000000001 wordt ingetrokken.",
        "  Reden: er is geen RL16-melding meer voor dit personeelslid",
        `  Bestand ${fileOf("WECH006")}, volgnummer 1`,
      ]);
      const records = await extractRecords(join(w.monthDir("2017-10"), "payslip-extract-2017-10.csv"));
      expect(records.map((r) => [r.staffId, r.nature])).to.deep.equal([
        [1, "annulering"],
        [1, "annulering"],
      ]);
    });
  });
}

for (const engine of ENGINES) payslipSourcesOn(engine);
