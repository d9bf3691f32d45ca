/**
 * Data deleted at the source does not leave a declared form standing. When the
 * notification that made a person's WECH forms is deleted, or the adapted work that made a ZIMA002, the
 * next run cancels the accepted forms (AttestationStatus 3, the ticket, no worker record), on every engine.
 */
import { expect } from "chai";
import { CIRCULAR_EXAMPLES, circularExampleRows } from "../../tools/demo/circular-examples";
import { type ContractRows } from "../../src/source/contract-writer";
import { at, batchFilesIn, PERSON } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { ENGINES, requireEngine, type TestEngine } from "../support/database-servers";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { expectFolderValid } from "../support/xsd-check";

const insz = String(CIRCULAR_EXAMPLES[0].rows.staff_member![0].insz);

/** A woman in adapted work under maternity protection from 8 January 2018, at example 1's school. */
const ADAPTED: ContractRows = {
  adapted_work: [
    {
      id: 901,
      staff_id: 1,
      assignment_id: 11,
      sub_risk: 2,
      start_date: "2018-01-08",
      end_date: null,
      days_per_week: "2.5",
      q_hours: "8.00",
      s_hours: "16.00",
    },
  ],
};

function formsOfExample1(
  w: CliWorkspace,
  month: string,
): { formType: string; status: string | undefined; ticket: string | undefined; worker: string | undefined }[] {
  return batchFilesIn(w.monthDir(month)).flatMap((file) =>
    file.forms
      .filter((form) => at(form, `${PERSON}.INSS`) === insz)
      .map((form) => ({
        formType: file.formType,
        status: at(form, "AttestationStatus"),
        ticket: at(form, "Reference.0.ReferenceNbr"),
        worker: at(form, `${PERSON}.WorkerRecordLink`),
      })),
  );
}

function deletedOn(engine: TestEngine): void {
  describe(`data deleted at the source is cancelled, not left standing [${engine}]`, function () {
    this.timeout(120_000);
    let w: CliWorkspace | undefined;
    before(async function () {
      await requireEngine(this, engine);
    });
    afterEach(async () => w?.remove());

    it("a deleted notification: the next run cancels the accepted WECH003 and WECH006", async () => {
      w = await CliWorkspace.withRows("deleted-notification", engine, circularExampleRows(1));
      await w.run("2017-09");
      await w.acceptAllWritten();
      await w.execute("DELETE FROM rl16_notification WHERE staff_id = 1");
      await w.run("2017-10");
      const forms = formsOfExample1(w, "2017-10");
      expect(forms.map((f) => [f.formType, f.status, f.ticket, f.worker])).to.deep.equal([
        ["WECH003", "3", "TCK0000000001", undefined],
        ["WECH006", "3", "TCK0000000001", undefined],
      ]);
      const summary = w.summaryOf("2017-10");
      expectSummaryAddsUp(summary);
      expect([summary.forms.WECH003.cancellations, summary.forms.WECH006.cancellations, summary.persons.declared]).to.deep.equal([1, 1, 1]);
      await expectFolderValid(w.monthDir("2017-10"));
    });

    it("deleted adapted work: the next run cancels the accepted ZIMA002, and leaves the WECH forms alone", async () => {
      w = await CliWorkspace.withRows("deleted-adapted-work", engine, { ...circularExampleRows(1), ...ADAPTED });
      for (const month of ["2017-09", "2017-10", "2017-11", "2017-12", "2018-01"]) {
        await w.run(month);
        await w.acceptAllWritten();
      }
      expect(
        formsOfExample1(w, "2018-01")
          .filter((f) => f.formType === "ZIMA002")
          .map((f) => f.status),
      ).to.deep.equal(["0"]);
      await w.execute("DELETE FROM adapted_work WHERE id = 901");
      await w.run("2018-02");
      const forms = formsOfExample1(w, "2018-02");
      expect(forms.filter((f) => f.formType === "ZIMA002").map((f) => [f.status, f.ticket, f.worker])).to.deep.equal([
        ["3", "TCK0000000001", undefined],
      ]);
      expect(forms.filter((f) => f.formType.startsWith("WECH")).map((f) => f.status)).to.deep.equal(["0"]); // February's WECH006, an original
      expectSummaryAddsUp(w.summaryOf("2018-02"));
      await expectFolderValid(w.monthDir("2018-02"));
    });
  });
}

for (const engine of ENGINES) deletedOn(engine);
