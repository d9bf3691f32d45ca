/**
 * The simulated batch channel on the real CLI path: the circular's examples run month by month
 * (2017-09 … 2017-12) into a SQLite workspace, then `easr channel simulate` answers the written files.
 * Every answer is read back independently of the channel's own report and checked against the
 * declaration it answers and against the official ACRF and NOTIFICATION XSDs.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { XMLParser } from "fast-xml-parser";
import { CIRCULAR_EXAMPLES, circularExampleRows } from "../../src/demo/circular-examples";
import { monthsFromTo } from "../../src/domain/year-month";
import { loadXsd } from "../../src/files/xsd-validator";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { at, batchFilesIn, PERSON, type ParsedBatchFile, type XmlNode } from "../support/batch-files";
import { type CliResult, CliWorkspace } from "../support/cli-harness";

const MONTHS = monthsFromTo("2017-09", "2017-12");
const REFUSE_EVERY = 3;
const WARN_EVERY = 2;
const WORKER_RECORD = `${PERSON}.WorkerRecordLink`;

const answerParser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  isArray: (name, path) => ["Form", "AnomalyReport", "Reference"].includes(name) || (typeof path === "string" && path.endsWith("ReceptionResult.ErrorID")),
});

interface AnswerFile {
  readonly fileName: string;
  readonly forms: XmlNode[];
}

/** Every answer file (FO.<kind>.…) of a folder, parsed. */
function answersIn(dir: string, kind: "ACRF" | "NOTI"): AnswerFile[] {
  const root = kind === "ACRF" ? "ACRF" : "NOTIFICATION";
  return readdirSync(dir)
    .filter((name) => name.startsWith(`FO.${kind}.`))
    .sort()
    .map((fileName) => {
      const document = answerParser.parse(readFileSync(join(dir, fileName), "utf8")) as Record<string, { Form: XmlNode[] }>;
      return { fileName, forms: document[root].Form };
    });
}

function anomaliesOf(form: XmlNode): XmlNode[] {
  return ((form.HandlingResult as XmlNode).AnomalyReport as XmlNode[] | undefined) ?? [];
}

/** Names and contents of every file under the answers folders, to see that nothing changes. */
function snapshot(dirs: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of dirs) for (const name of readdirSync(dir)) files[join(dir, name)] = readFileSync(join(dir, name), "utf8");
  return files;
}

describe("the simulated channel answers the written files (easr channel simulate)", function () {
  this.timeout(180_000);
  let workspace!: CliWorkspace;
  let rejectedGo!: string;
  let first!: CliResult;
  let second!: CliResult;
  let afterFirst!: Record<string, string>;
  const answersDir = (month: string): string => join(workspace.monthDir(month), "answers");
  /** The FI files of a month that were handed over (their GO file exists). */
  const handedOver = (month: string): ParsedBatchFile[] => batchFilesIn(workspace.monthDir(month)).filter((f) => workspace.filesOf(month).includes(`GO${f.fileName.slice(2)}`));
  const simulate = (...extra: string[]) => workspace.easr("channel", "simulate", "--dir", workspace.outDir, "--refuse-every", String(REFUSE_EVERY), "--warn-every", String(WARN_EVERY), "--reject-file", rejectedGo, ...extra);

  before(async () => {
    workspace = await CliWorkspace.create("channel");
    await workspace.initContract();
    await writeContractRowsToUrl(workspace.dbUrl, circularExampleRows());
    for (const month of MONTHS) await workspace.run(month);
    rejectedGo = workspace.filesOf("2017-10").find((name) => name.startsWith("GO."))!;
    first = await simulate();
    afterFirst = snapshot(MONTHS.map(answersDir));
    second = await simulate();
  });

  after(async () => {
    if (workspace) await workspace.remove();
  });

  it("exits 0 and prints file names and counts, never an INSZ", () => {
    expect(first.code, first.err.join("\n")).to.equal(0);
    const everyInsz = CIRCULAR_EXAMPLES.flatMap((e) => e.rows.staff_member!.map((s) => String(s.insz)));
    const printed = [...first.out, ...first.err, ...second.out, ...second.err].join("\n");
    for (const insz of everyInsz) expect(printed).not.to.contain(insz);
    expect(printed).not.to.match(/(?<!\d)\d{11}(?!\d)/);
    expect(first.out.join("\n")).to.contain("FO.ACRF.999999.").and.to.contain("FO.NOTI.999999.").and.to.contain("(1 rejected)");
  });

  it("writes one file receipt per handed-over file, named after the channel and the file's environment, the chosen file rejected", () => {
    for (const month of MONTHS) {
      const receipts = answersIn(answersDir(month), "ACRF");
      const answered = receipts.map((r) => at(r.forms[0], "FileReference.FileName"));
      const goNames = handedOver(month).map((f) => `GO${f.fileName.slice(2)}`);
      expect(answered.sort(), month).to.deep.equal(goNames.sort());
      for (const receipt of receipts) {
        expect(receipt.fileName).to.match(/^FO\.ACRF\.999999\.\d{8}\.\d{5}\.T$/);
        expect(readdirSync(answersDir(month))).to.include(`GO${receipt.fileName.slice(2)}`);
        const form = receipt.forms[0];
        expect(receipt.forms).to.have.length(1);
        expect([at(form, "Identification"), at(form, "TypeForm"), at(form, "FileReference.ReferenceOrigin")]).to.deep.equal(["ACRF001", "PA", "2"]);
        expect(at(form, "FileReference.ReferenceNbr")).to.match(/^[0-9A-Z]{13}$/);
        const rejected = at(form, "FileReference.FileName") === rejectedGo;
        expect(at(form, "ReceptionResult.ResultCode"), receipt.fileName).to.equal(rejected ? "0" : "1");
        expect((form.ReceptionResult as XmlNode).ErrorID ?? []).to.deep.equal(rejected ? ["ACRF-088", "ACRF-172"] : []);
      }
    }
  });

  it("writes one notification form per declaration form of every received file, echoing its identification, creation, sequence number and INSZ", () => {
    let forms = 0;
    for (const month of MONTHS) {
      const receipts = new Map(answersIn(answersDir(month), "ACRF").map((r) => [at(r.forms[0], "FileReference.FileName"), r.forms[0]]));
      const notifications = answersIn(answersDir(month), "NOTI");
      for (const file of handedOver(month)) {
        const goName = `GO${file.fileName.slice(2)}`;
        const mine = notifications.filter((n) => n.forms.every((f) => at(f, "FileReference.FileName") === goName));
        if (goName === rejectedGo) {
          expect(mine, `${goName} was rejected: no notification`).to.have.length(0);
          continue;
        }
        expect(mine, goName).to.have.length(1);
        const answers = mine[0].forms;
        expect(answers).to.have.length(file.forms.length);
        file.forms.forEach((declared, index) => {
          const answer = answers[index];
          expect(at(answer, "Identification")).to.equal("NOTI001");
          expect(at(answer, "FileReference.ReferenceNbr"), "the file's ticket, as in its receipt").to.equal(at(receipts.get(goName)!, "FileReference.ReferenceNbr"));
          expect(at(answer, "HandledOriginalFile.SenderId")).to.equal(file.fileName.split(".")[2]);
          for (const zone of ["Identification", "FormCreationDate", "FormCreationHour", "AttestationStatus", "TypeForm"]) {
            expect(at(answer, `HandledOriginalForm.${zone}`), zone).to.equal(at(declared, zone));
          }
          expect(at(answer, "EmployerId.NOSSRegistrationNbr")).to.equal(at(declared, "EmployerDeclarationLink.NOSSRegistrationNbr"));
          expect(at(answer, "EmployerId.CompanyID")).to.equal(at(declared, "EmployerDeclarationLink.CompanyID"));
          const worker = {
            NOSSRegistrationNbr: at(declared, "EmployerDeclarationLink.NOSSRegistrationNbr"),
            CompanyID: at(declared, "EmployerDeclarationLink.CompanyID"),
            NaturalPersonSequenceNbr: at(declared, `${PERSON}.NaturalPersonSequenceNbr`),
            INSS: at(declared, `${PERSON}.INSS`),
            EmployerClass: at(declared, `${WORKER_RECORD}.EmployerClass`),
            WorkerCode: at(declared, `${WORKER_RECORD}.WorkerCode`),
          };
          expect(answer.WorkerRecordIdentification).to.deep.equal(worker);
          expect([at(answer, "HandledReference.ReferenceType"), at(answer, "HandledReference.ReferenceOrigin")]).to.deep.equal(["1", "2"]);
          forms++;
        });
      }
    }
    expect(forms).to.be.greaterThan(20);
  });

  it("gives every form a 13-character ticket of its own", () => {
    const tickets = MONTHS.flatMap((month) => answersIn(answersDir(month), "NOTI").flatMap((n) => n.forms.map((f) => at(f, "HandledReference.ReferenceNbr")!)));
    expect(tickets.length).to.be.greaterThan(20);
    for (const ticket of tickets) expect(ticket).to.match(/^[0-9A-Z]{13}$/);
    expect(new Set(tickets).size).to.equal(tickets.length);
  });

  it("refuses every third form of a file with a blocking anomaly and warns on the other even ones, the anomaly on the form's own zone and value", () => {
    const seen = { B: new Set<string>(), W: new Set<string>() };
    for (const month of MONTHS) {
      const declared = new Map(handedOver(month).map((f) => [`GO${f.fileName.slice(2)}`, f.forms]));
      for (const notification of answersIn(answersDir(month), "NOTI")) {
        notification.forms.forEach((answer, index) => {
          const position = index + 1;
          const form = declared.get(at(answer, "FileReference.FileName")!)![index];
          const anomalies = anomaliesOf(answer);
          const expected = position % REFUSE_EVERY === 0 ? "B" : position % WARN_EVERY === 0 ? "W" : null;
          expect(at(answer, "HandlingResult.ResultCode"), `${notification.fileName} form ${position}`).to.equal(expected === "B" ? "0" : "1");
          if (expected === null) {
            expect(anomalies).to.deep.equal([]);
            return;
          }
          expect(anomalies).to.have.length(1);
          const anomaly = anomalies[0];
          expect(at(anomaly, "AnomalyClass")).to.equal(expected);
          expect(at(anomaly, "ErrorID")).to.match(/^\d{5}-\d{3}$/);
          seen[expected].add(at(anomaly, "ErrorID")!);
          // The zone named by TagName holds the reported value in the declared form, at the reported location.
          const zoneValues = JSON.stringify(form).match(new RegExp(`"${at(anomaly, "TagName")}":"([^"]*)"`));
          expect(zoneValues?.[1], at(anomaly, "TagName")).to.equal(at(anomaly, "Value"));
          expect(at(anomaly, "AnomalyLocation.Location")!.split(",").slice(0, 2)).to.deep.equal(["1", String(position)]);
          expect(at(anomaly, "Path.INSS")).to.equal(at(form, `${PERSON}.INSS`));
          expect(at(anomaly, "Path.NaturalPersonSequenceNbr")).to.equal(at(form, `${PERSON}.NaturalPersonSequenceNbr`));
          if (at(anomaly, "ErrorID") === "00024-003") expect([at(anomaly, "TagName"), at(anomaly, "Value")]).to.deep.equal(["INSS", at(form, `${PERSON}.INSS`)]);
        });
      }
    }
    expect([...seen.B]).to.include.members(["00024-003", "00124-008"]);
    expect([...seen.W]).to.include.members(["00044-278", "00098-046"]);
  });

  it("writes only answers that validate against the official ACRF and NOTIFICATION XSDs, each with an empty GO file", async () => {
    const acrf = await loadXsd("official/ACRF_20231.xsd");
    const notification = await loadXsd("official/NOTIFICATION_20223.xsd");
    let checked = 0;
    for (const month of MONTHS) {
      const dir = answersDir(month);
      const names = readdirSync(dir);
      for (const name of names) {
        expect(name, `${dir} holds only answers and their GO files`).to.match(/^(FO|GO)\.(ACRF|NOTI)\.999999\.\d{8}\.\d{5}\.T$/);
        if (name.startsWith("GO.")) {
          expect(readFileSync(join(dir, name), "utf8")).to.equal("");
          expect(names).to.include(`FO${name.slice(2)}`);
          continue;
        }
        const result = await (name.startsWith("FO.ACRF.") ? acrf : notification).validateFile(join(dir, name));
        expect(result.errors, name).to.deep.equal([]);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(MONTHS.length * 2);
  });

  it("answers nothing twice: a second simulation writes nothing and says so", () => {
    expect(second.code, second.err.join("\n")).to.equal(0);
    expect(snapshot(MONTHS.map(answersDir))).to.deep.equal(afterFirst);
    const answeredFiles = MONTHS.reduce((n, month) => n + handedOver(month).length, 0);
    expect(second.out.join("\n")).to.contain("channel: 0 files answered").and.to.contain(`${answeredFiles} already answered`);
  });

  it("answers one month folder into another answers folder with the same tickets, and completes a notification lost in a crash", async () => {
    const elsewhere = join(workspace.dir, "answers-elsewhere");
    const month = "2017-12";
    const once = await workspace.easr("channel", "simulate", "--dir", workspace.monthDir(month), "--answers", elsewhere, "--refuse-every", String(REFUSE_EVERY), "--warn-every", String(WARN_EVERY));
    expect(once.code, once.err.join("\n")).to.equal(0);
    const ticketsIn = (dir: string) => answersIn(dir, "NOTI").flatMap((n) => n.forms.map((f) => at(f, "HandledReference.ReferenceNbr")));
    expect(ticketsIn(elsewhere)).to.deep.equal(ticketsIn(answersDir(month)));

    // A crash after the notification's FO file but before its GO file: only the notification is made again.
    const notificationGo = readdirSync(elsewhere).find((name) => name.startsWith("GO.NOTI."))!;
    rmSync(join(elsewhere, notificationGo));
    const receiptsBefore = readdirSync(elsewhere).filter((name) => name.startsWith("FO.ACRF."));
    const again = await workspace.easr("channel", "simulate", "--dir", workspace.monthDir(month), "--answers", elsewhere);
    expect(again.code, again.err.join("\n")).to.equal(0);
    expect(again.out.join("\n")).to.contain("removed 1 incomplete answer file").and.to.contain("its receipt was there already");
    expect(readdirSync(elsewhere).filter((name) => name.startsWith("FO.ACRF."))).to.deep.equal(receiptsBefore);
    expect(readdirSync(elsewhere)).not.to.include(`FO${notificationGo.slice(2)}`);
    expect(ticketsIn(elsewhere).sort()).to.deep.equal(ticketsIn(answersDir(month)).sort());
  });

  it("refuses bad usage with exit code 2", async () => {
    const empty = join(workspace.dir, "empty");
    mkdirSync(empty, { recursive: true });
    expect((await workspace.easr("channel", "simulate", "--dir", join(workspace.dir, "missing"))).code).to.equal(2);
    expect((await workspace.easr("channel", "simulate", "--dir", workspace.outDir, "--refuse-every", "0")).code).to.equal(2);
    expect((await workspace.easr("channel", "simulate", "--dir", workspace.outDir, "--warn-every", "two")).code).to.equal(2);
    expect((await workspace.easr("channel", "simulate")).code).to.equal(2);
    const nothing = await workspace.easr("channel", "simulate", "--dir", empty);
    expect(nothing.code).to.equal(0);
    expect(nothing.out.join("\n")).to.contain("channel: 0 files answered");
  });
});
