/**
 * The submission lifecycle on the real CLI path: after answers (set here directly in the state, as
 * `easr ingest` would), data changes become modifications or cancellations referencing the accepted
 * ticket, refused or rejected forms are sent again as originals, and re-running changes nothing.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect } from "chai";
import { CIRCULAR_EXAMPLES, circularExampleRows } from "../../tools/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { at, batchFilesIn, OCCUPATION, PERSON, type XmlNode } from "../support/batch-files";
import { CliWorkspace } from "../support/cli-harness";
import { expectSummaryAddsUp } from "../support/summary-checks";
import { expectFolderValid } from "../support/xsd-check";

const insz = (example: number): string => String(CIRCULAR_EXAMPLES[example - 1].rows.staff_member![0].insz);
const MONTHLY = `${OCCUPATION}.MonthlyDeclarationPartTimeWork`;

function state(w: CliWorkspace): Database.Database {
  return new Database(w.dbUrl.slice("sqlite:".length));
}

/** What `easr ingest` would record: every written file received, every form accepted with a ticket … */
function answerAll(
  w: CliWorkspace,
  outcome: (row: { id: number; staff_id: number; reference_month: string | null }) => "accepted" | "refused" = () => "accepted",
): void {
  const db = state(w);
  try {
    db.prepare("UPDATE easr_file SET status = 'received' WHERE status = 'written'").run();
    const rows = db.prepare("SELECT id, staff_id, reference_month FROM easr_declaration WHERE status = 'written'").all() as {
      id: number;
      staff_id: number;
      reference_month: string | null;
    }[];
    for (const row of rows) {
      const result = outcome(row);
      db.prepare("UPDATE easr_declaration SET status = ?, ticket = ? WHERE id = ?").run(
        result,
        result === "accepted" ? `TCK${String(row.id).padStart(10, "0")}` : null,
        row.id,
      );
    }
  } finally {
    db.close();
  }
}

function formsOfPerson(dir: string, example: number): { formType: string; form: XmlNode }[] {
  return batchFilesIn(dir)
    .flatMap((f) => f.forms.map((form) => ({ formType: f.formType, form })))
    .filter((f) => at(f.form, `${PERSON}.INSS`) === insz(example));
}

describe("reconciliation after answers: modifications, cancellations, re-sent originals", function () {
  this.timeout(120_000);
  const made: CliWorkspace[] = [];
  after(async () => {
    for (const w of made) await w.remove();
  });
  async function workspace(label: string, ...examples: number[]): Promise<CliWorkspace> {
    const w = new CliWorkspace(label);
    made.push(w);
    expect((await w.easr("db", "init", "--db", w.dbUrl)).code).to.equal(0);
    await writeContractRowsToUrl(w.dbUrl, circularExampleRows(...examples));
    return w;
  }

  it("a salary correction paid later turns an accepted WECH006 into exactly one modification referencing its ticket", async () => {
    const w = await workspace("modification", 1);
    await w.run("2017-09");
    answerAll(w);
    const db = state(w);
    const ticket = (
      db.prepare("SELECT ticket FROM easr_declaration WHERE form_type = 'WECH006' AND reference_month = '2017-09'").get() as {
        ticket: string;
      }
    ).ticket;
    db.close();
    await writeContractRowsToUrl(w.dbUrl, {
      salary_line: [
        {
          id: 1999,
          staff_id: 1,
          assignment_id: 11,
          period_month: "2017-09",
          gross_amount: "-77.38",
          wage_code: "01",
          paid_on: "2017-10-20",
        },
      ],
    });
    await w.run("2017-10");
    const forms = formsOfPerson(w.monthDir("2017-10"), 1);
    const september = forms.filter((f) => at(f.form, `${MONTHLY}.ReferencePeriod.RefStartingDate`) === "2017-09-01");
    expect(september).to.have.length(1);
    expect([
      at(september[0].form, "AttestationStatus"),
      at(september[0].form, "Reference.0.ReferenceType"),
      at(september[0].form, "Reference.0.ReferenceOrigin"),
      at(september[0].form, "Reference.0.ReferenceNbr"),
    ]).to.deep.equal(["1", "3", "2", ticket]);
    expect(at(september[0].form, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`)).to.equal("90000");
    // nothing else for September; October is an ordinary original
    expect(forms.map((f) => [f.formType, at(f.form, "AttestationStatus")]).sort()).to.deep.equal([
      ["WECH006", "0"],
      ["WECH006", "1"],
    ]);
    const summary = w.summaryOf("2017-10");
    expectSummaryAddsUp(summary);
    expect([summary.forms.WECH006.declared, summary.forms.WECH006.modifications]).to.deep.equal([2, 1]);
    await expectFolderValid(w.monthDir("2017-10"));
    // a modification waiting for its answer is not corrected again; once accepted, re-running changes nothing
    answerAll(w);
    await w.run("2017-10");
    expect(formsOfPerson(w.monthDir("2017-10"), 1)).to.have.length(2);
  });

  it("a notification withdrawn back to its start cancels the accepted forms; re-running changes nothing", async () => {
    const w = await workspace("cancellation", 1);
    await w.run("2017-09");
    await w.run("2017-10");
    answerAll(w);
    const db = state(w);
    db.prepare("UPDATE rl16_notification SET withdrawn_from = valid_from WHERE staff_id = 1").run();
    db.close();
    await w.run("2017-11");
    const forms = formsOfPerson(w.monthDir("2017-11"), 1);
    expect(forms.map((f) => [f.formType, at(f.form, "AttestationStatus"), at(f.form, `${PERSON}.WorkerRecordLink`)]).sort()).to.deep.equal([
      ["WECH003", "3", undefined],
      ["WECH006", "3", undefined],
      ["WECH006", "3", undefined],
    ]);
    for (const f of forms) expect(at(f.form, "Reference.0.ReferenceNbr")).to.match(/^TCK\d{10}$/);
    const summary = w.summaryOf("2017-11");
    expectSummaryAddsUp(summary);
    expect([summary.forms.WECH003.cancellations, summary.forms.WECH006.cancellations]).to.deep.equal([1, 2]);
    await expectFolderValid(w.monthDir("2017-11"));
    answerAll(w);
    const again = await w.run("2017-11");
    expect(again.out.join("\n")).not.to.match(/cancellations/);
    expect(batchFilesIn(w.monthDir("2017-11"))).to.have.length(2);
  });

  it("a refused form is sent again as an original once the data is fixed, and a rejected file's forms go in a new file", async () => {
    const w = await workspace("resend", 1, 5);
    await w.run("2017-09");
    // example 5's WECH006 refused, example 1's file rejected by the file receipt
    const db = state(w);
    db.prepare("UPDATE easr_declaration SET status = 'refused' WHERE staff_id = 5 AND form_type = 'WECH006'").run();
    db.prepare("UPDATE easr_declaration SET status = 'file-rejected' WHERE staff_id = 1 AND form_type = 'WECH003'").run();
    db.close();
    await writeContractRowsToUrl(w.dbUrl, {
      salary_line: [
        {
          id: 5999,
          staff_id: 5,
          assignment_id: 51,
          period_month: "2017-09",
          gross_amount: "-0.43",
          wage_code: "01",
          paid_on: "2017-10-05",
        },
      ],
    });
    await w.run("2017-10");
    const resent = formsOfPerson(w.monthDir("2017-10"), 5).filter(
      (f) => at(f.form, `${MONTHLY}.ReferencePeriod.RefStartingDate`) === "2017-09-01",
    );
    expect(
      resent.map((f) => [at(f.form, "AttestationStatus"), at(f.form, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`)]),
    ).to.deep.equal([["0", "86200"]]);
    const startAgain = formsOfPerson(w.monthDir("2017-10"), 1).filter((f) => f.formType === "WECH003");
    expect(startAgain.map((f) => at(f.form, "AttestationStatus"))).to.deep.equal(["0"]);
    const september = w.summaryOf("2017-09").files.map((f) => f.fileName);
    const october = w.summaryOf("2017-10").files.map((f) => f.fileName);
    expect(october.filter((name) => september.includes(name))).to.deep.equal([]);
  });

  it("end to end through the channel: simulated answers ingested, then a correction references the ticket the channel gave", async () => {
    const w = await workspace("loop", 1, 5);
    await w.run("2017-09");
    const simulate = await w.easr("channel", "simulate", "--dir", w.monthDir("2017-09"));
    expect(simulate.code, simulate.err.join("\n")).to.equal(0);
    const ingest = await w.easr("ingest", "--dir", join(w.monthDir("2017-09"), "answers"), "--db", w.dbUrl);
    expect(ingest.code, ingest.err.join("\n")).to.equal(0);
    const db = state(w);
    const accepted = db.prepare("SELECT COUNT(*) AS n FROM easr_declaration WHERE status = 'accepted' AND ticket IS NOT NULL").get() as {
      n: number;
    };
    const ticket = (
      db.prepare("SELECT ticket FROM easr_declaration WHERE staff_id = 1 AND form_type = 'WECH006'").get() as { ticket: string }
    ).ticket;
    db.close();
    expect(accepted.n).to.equal(4);
    expect(ticket).to.have.length(13);
    await writeContractRowsToUrl(w.dbUrl, {
      salary_line: [
        {
          id: 1998,
          staff_id: 1,
          assignment_id: 11,
          period_month: "2017-09",
          gross_amount: "22.62",
          wage_code: "01",
          paid_on: "2017-10-20",
        },
      ],
    });
    await w.run("2017-10");
    const modification = formsOfPerson(w.monthDir("2017-10"), 1).find((f) => at(f.form, "AttestationStatus") === "1")!;
    expect([
      at(modification.form, "Reference.0.ReferenceNbr"),
      at(modification.form, `${MONTHLY}.ReferencePeriod.ExactSalary.ExactSalaryAmount`),
    ]).to.deep.equal([ticket, "100000"]);
    // the modification's own answer supersedes the original
    await w.easr("channel", "simulate", "--dir", w.monthDir("2017-10"));
    await w.easr("ingest", "--dir", join(w.monthDir("2017-10"), "answers"), "--db", w.dbUrl);
    const after = state(w);
    const statuses = after
      .prepare(
        "SELECT attestation_status, status FROM easr_declaration WHERE staff_id = 1 AND form_type = 'WECH006' AND reference_month = '2017-09' ORDER BY id",
      )
      .all();
    after.close();
    expect(statuses).to.deep.equal([
      { attestation_status: 0, status: "superseded" },
      { attestation_status: 1, status: "accepted" },
    ]);
  });
});
