/**
 * The simulated batch channel on the real CLI path: the circular's examples run month by month
 * (2017-09 … 2017-12) into a SQLite workspace, then `easr channel simulate` answers the written files.
 * Every answer is read back independently of the channel's own report and checked against the
 * declaration it answers and against the official ACRF and NOTIFICATION XSDs. Then FI.ZIMA files
 * (ZIMA002 with two reference periods, a sub-risk-1 form and a cancellation; ZIMA005 with and without
 * holiday details), written with the form builders and recorded in the state tables as a run records
 * them (rows written here, so that the test does not depend on the run's ZIMA decisions), are answered
 * and ingested: each answer lands on its ZIMA declaration.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { XMLParser } from "fast-xml-parser";
import { formDefaults } from "../../mappings/form-defaults";
import { openDataSource } from "../../ormconfig";
import { CIRCULAR_EXAMPLES, circularExampleRows } from "../../tools/demo/circular-examples";
import { cents } from "../../src/domain/money";
import { monthsFromTo } from "../../src/domain/year-month";
import { formXml } from "../../src/files/form-file-writer";
import { loadXsd } from "../../src/files/xsd-validator";
import { buildForm, cancellationForm } from "../../src/form-types/forms";
import type { FormNode, FormStamp } from "../../src/forms/form-envelope";
import type { AdaptedWorkPeriod, OccupationFacts, Zima002Declaration, Zima005Declaration } from "../../src/rules/decision-types";
import { inszHash } from "../../src/domain/insz-hash";
import { openStateDatabase } from "../../src/state/state-database";
import { at, batchFilesIn, PERSON, type ParsedBatchFile, type XmlNode } from "../support/batch-files";
import { type CliResult, CliWorkspace } from "../support/cli-harness";

const MONTHS = monthsFromTo("2017-09", "2017-12");
const REFUSE_EVERY = 3;
const WARN_EVERY = 2;
const WORKER_RECORD = `${PERSON}.WorkerRecordLink`;

const answerParser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  isArray: (name, path) =>
    ["Form", "AnomalyReport", "Reference"].includes(name) || (typeof path === "string" && path.endsWith("ReceptionResult.ErrorID")),
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
  const handedOver = (month: string): ParsedBatchFile[] =>
    batchFilesIn(workspace.monthDir(month)).filter((f) => workspace.filesOf(month).includes(`GO${f.fileName.slice(2)}`));
  const simulate = (...extra: string[]) =>
    workspace.easr(
      "channel",
      "simulate",
      "--dir",
      workspace.outDir,
      "--refuse-every",
      String(REFUSE_EVERY),
      "--warn-every",
      String(WARN_EVERY),
      "--reject-file",
      rejectedGo,
      ...extra,
    );

  before(async () => {
    workspace = await CliWorkspace.withRows("channel", "sqlite", circularExampleRows());
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
        expect([at(form, "Identification"), at(form, "TypeForm"), at(form, "FileReference.ReferenceOrigin")]).to.deep.equal([
          "ACRF001",
          "PA",
          "2",
        ]);
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
          expect(at(answer, "FileReference.ReferenceNbr"), "the file's ticket, as in its receipt").to.equal(
            at(receipts.get(goName)!, "FileReference.ReferenceNbr"),
          );
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
    const tickets = MONTHS.flatMap((month) =>
      answersIn(answersDir(month), "NOTI").flatMap((n) => n.forms.map((f) => at(f, "HandledReference.ReferenceNbr")!)),
    );
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
          expect(at(answer, "HandlingResult.ResultCode"), `${notification.fileName} form ${position}`).to.equal(
            expected === "B" ? "0" : "1",
          );
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
          if (at(anomaly, "ErrorID") === "00024-003")
            expect([at(anomaly, "TagName"), at(anomaly, "Value")]).to.deep.equal(["INSS", at(form, `${PERSON}.INSS`)]);
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
    const once = await workspace.easr(
      "channel",
      "simulate",
      "--dir",
      workspace.monthDir(month),
      "--answers",
      elsewhere,
      "--refuse-every",
      String(REFUSE_EVERY),
      "--warn-every",
      String(WARN_EVERY),
    );
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

// ---------------------------------------------------------------------------------------------------
// The benefits sector: FI.ZIMA files answered and their answers ingested

const ZIMA_INSZ = ["85073003328", "90020199711"];
const ZIMA_STAMP: FormStamp = { creationDate: "2017-10-02", creationHour: "10:00:00.000" };
const ZIMA_OCCUPATION: OccupationFacts = {
  assignmentId: 11,
  institutionId: 1,
  institutionName: "School",
  level: "SO",
  boardId: 1,
  boardName: "Board",
  agency: "AGODI",
  startDate: "2015-09-01",
  endDate: null,
  numerator: 1600,
  denominator: 3200,
  q: 1600,
  s: 3200,
  daysPerWeek: null,
  monthlySalary: cents(250000),
  employerClass: "011",
  workerCode: "495",
  jointCommittee: "999",
};

function zimaPeriod(overrides: Partial<AdaptedWorkPeriod>): AdaptedWorkPeriod {
  return {
    adaptedWorkId: 1,
    start: "2017-09-01",
    end: "2017-09-30",
    adaptedQ: 1000,
    adaptedDaysPerWeek: 300,
    services: [],
    dayNatures: [],
    exactWages: [],
    severance: null,
    ...overrides,
  };
}

/** One FI.ZIMA file (with its GO file) written in `dir` from the form builders, as the monthly run writes it. */
function writeZimaFile(dir: string, root: "ZIMA002" | "ZIMA005", sequence: number, forms: FormNode[]): string {
  const fileName = `FI.ZIMA.900123.20171002.${String(sequence).padStart(5, "0")}.T`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, fileName), `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n${forms.map(formXml).join("\n")}\n</${root}>\n`);
  writeFileSync(join(dir, `GO${fileName.slice(2)}`), "");
  return fileName;
}

describe("the simulated channel and easr ingest on ZIMA002 / ZIMA005 files", function () {
  this.timeout(180_000);
  let workspace!: CliWorkspace;
  let zimaDir!: string;
  let zima002File!: string;
  let zima005File!: string;
  let simulated!: CliResult;
  let ingested!: CliResult;
  const person = (index: number) => ({ staffId: 70 + index, insz: ZIMA_INSZ[index], lastName: "Peeters", firstName: "An" });
  const context = (sequenceNbr: number) => ({
    stamp: ZIMA_STAMP,
    employer: { nossNumber: "123456749", kboNumber: "0123456749", senderNumber: "900123" },
    defaults: formDefaults,
    sequenceNbr,
  });

  before(async () => {
    workspace = await CliWorkspace.create("channel-zima");
    await workspace.initContract();
    zimaDir = join(workspace.dir, "zima", "2017-10");
    const sickness: Zima002Declaration = {
      formType: "ZIMA002",
      person: person(0),
      occupation: ZIMA_OCCUPATION,
      referencePeriod: "2017-09",
      subRisk: 2,
      periods: [
        zimaPeriod({ end: "2017-09-15", dayNatures: [{ day: "2017-09-04", code: "3.1", hours: 760 }] }),
        zimaPeriod({ adaptedWorkId: 2, start: "2017-09-16", adaptedQ: 1900, exactWages: [{ code: "01", amount: cents(123456) }] }),
      ],
    };
    const services: Zima002Declaration = {
      formType: "ZIMA002",
      person: person(1),
      occupation: ZIMA_OCCUPATION,
      referencePeriod: "2017-09",
      subRisk: 1,
      periods: [zimaPeriod({ services: [{ code: "1", days: 1000, hours: 7600 }] })],
    };
    zima002File = writeZimaFile(zimaDir, "ZIMA002", 90001, [
      buildForm(sickness, context(1)),
      buildForm(services, context(2)),
      cancellationForm("ZIMA002", ZIMA_INSZ[0], "340000TICKZ01", context(3), null, "002"),
    ]);
    const holiday = (index: number, sector: 1 | 2): Zima005Declaration => ({
      formType: "ZIMA005",
      person: person(index),
      occupation: ZIMA_OCCUPATION,
      holidayYear: 2016,
      subRisk: 2,
      holidaySector: sector,
      adaptedWork: null,
      details: sector === 1 ? [{ code: 8, days: 2000, hours: null }] : [],
    });
    zima005File = writeZimaFile(zimaDir, "ZIMA005", 90002, [buildForm(holiday(0, 1), context(1)), buildForm(holiday(1, 2), context(2))]);
    for (const [root, name] of [
      ["ZIMA002", zima002File],
      ["ZIMA005", zima005File],
    ] as const) {
      const result = await (await loadXsd(`official/${root}_20231.xsd`)).validateFile(join(zimaDir, name));
      expect(result.errors, name).to.deep.equal([]);
    }

    // The state of a run that wrote these two files: a batch file row and one declaration row per form.
    const { dataSource } = await openStateDatabase(workspace.dbUrl);
    try {
      await dataSource.query(
        "INSERT INTO easr_run (month, environment, status, started_at, finished_at, triggered_by, host, summary, message, output_dir) " +
          `VALUES ('2017-10', 'T', 'completed', '2017-10-02T10:00:00.000+02:00', '2017-10-02T10:01:00.000+02:00', 'test', 'test', NULL, NULL, '${zimaDir}')`,
      );
      const runId = Number(((await dataSource.query("SELECT MAX(id) AS id FROM easr_run")) as { id: number }[])[0].id);
      const createdAt = `${ZIMA_STAMP.creationDate}T${ZIMA_STAMP.creationHour}+02:00`;
      const files = [
        {
          name: zima002File,
          formType: "ZIMA002",
          sequence: 90001,
          forms: [
            [70, "2017-09", 0, 0],
            [71, "2017-09", 1, 0],
            [70, "2017-08", 0, 3],
          ],
        },
        {
          name: zima005File,
          formType: "ZIMA005",
          sequence: 90002,
          forms: [
            [70, "2016", 0, 0],
            [71, "2016", 1, 0],
          ],
        },
      ] as const;
      for (const file of files) {
        await dataSource.query(
          "INSERT INTO easr_file (run_id, form_type, purpose, file_name, go_file_name, sender, creation_date, sequence, environment, form_count, sha256, status, created_at, directory, receipt_reference) " +
            `VALUES (${runId}, '${file.formType}', 'ZIMA', '${file.name}', 'GO${file.name.slice(2)}', '900123', '20171002', ${file.sequence}, 'T', ${file.forms.length}, '${"0".repeat(64)}', 'written', '${createdAt}', '${zimaDir}', NULL)`,
        );
        const fileId = Number(
          ((await dataSource.query(`SELECT id AS id FROM easr_file WHERE file_name = '${file.name}'`)) as { id: number }[])[0].id,
        );
        for (const [index, [staffId, referencePeriod, who, attestation]] of file.forms.entries()) {
          await dataSource.query(
            "INSERT INTO easr_declaration (run_id, file_id, form_type, environment, staff_id, assignment_id, reference_month, sequence_nbr, attestation_status, content_hash, status, created_at, insz_hash) " +
              `VALUES (${runId}, ${fileId}, '${file.formType}', 'T', ${staffId}, 11, '${referencePeriod}', ${index + 1}, ${attestation}, '${"0".repeat(64)}', 'written', '${createdAt}', '${inszHash(ZIMA_INSZ[who])}')`,
          );
        }
      }
    } finally {
      await dataSource.destroy();
    }

    simulated = await workspace.easr("channel", "simulate", "--dir", zimaDir, "--refuse-every", "3", "--warn-every", "2");
    ingested = await workspace.easr("ingest", "--dir", join(zimaDir, "answers"), "--db", workspace.dbUrl);
  });

  after(async () => {
    if (workspace) await workspace.remove();
  });

  it("answers both FI.ZIMA files: a positive receipt each and one notification form per declaration form", () => {
    expect(simulated.code, simulated.err.join("\n")).to.equal(0);
    expect(simulated.out.join("\n")).to.contain(
      "channel: 2 files answered (0 rejected) in 1 folder; 5 forms: 2 accepted, 2 with warnings, 1 refused",
    );
    const receipts = answersIn(join(zimaDir, "answers"), "ACRF").map((r) => [
      at(r.forms[0], "FileReference.FileName"),
      at(r.forms[0], "ReceptionResult.ResultCode"),
    ]);
    expect(receipts).to.have.deep.members([
      [`GO${zima002File.slice(2)}`, "1"],
      [`GO${zima005File.slice(2)}`, "1"],
    ]);
  });

  it("echoes each ZIMA form's header and worker record; a cancellation has no worker record, several occupation links do not matter", () => {
    const notifications = answersIn(join(zimaDir, "answers"), "NOTI");
    const of = (fileName: string) =>
      notifications.find((n) => n.forms.every((f) => at(f, "FileReference.FileName") === `GO${fileName.slice(2)}`))!.forms;
    const zima002 = of(zima002File);
    expect(
      zima002.map((f) => [
        at(f, "HandledOriginalForm.Identification"),
        at(f, "HandledOriginalForm.AttestationStatus"),
        at(f, "HandledOriginalForm.FormCreationDate"),
        at(f, "HandledOriginalForm.TypeForm"),
      ]),
    ).to.deep.equal([
      ["ZIMA002", "0", "2017-10-02", formDefaults.typeForm],
      ["ZIMA002", "0", "2017-10-02", formDefaults.typeForm],
      ["ZIMA002", "3", "2017-10-02", formDefaults.typeForm],
    ]);
    const worker = (sequenceNbr: number, insz: string, record: boolean) => ({
      NOSSRegistrationNbr: "123456749",
      CompanyID: "0123456749",
      NaturalPersonSequenceNbr: String(sequenceNbr),
      INSS: insz,
      ...(record ? { EmployerClass: "011", WorkerCode: "495" } : {}),
    });
    expect(zima002.map((f) => f.WorkerRecordIdentification)).to.deep.equal([
      worker(1, ZIMA_INSZ[0], true),
      worker(2, ZIMA_INSZ[1], true),
      worker(3, ZIMA_INSZ[0], false),
    ]);
    // The cancellation's reference to the ticket it cancels is echoed.
    expect((zima002[2].Reference as XmlNode[]).map((r) => [at(r, "ReferenceType"), at(r, "ReferenceNbr")])).to.deep.equal([
      ["3", "340000TICKZ01"],
    ]);
    // Form 2 (services, sub-risk 1) is warned on its service hours, form 3 refused on its INSS: anomalies of the ZIMA002 glossary.
    expect(
      zima002.map((f) => anomaliesOf(f).map((a) => `${at(a, "ErrorID")} ${at(a, "AnomalyClass")} ${at(a, "TagName")}=${at(a, "Value")}`)),
    ).to.deep.equal([[], ["00064-032 W ServiceNbrHours=7600"], [`00024-003 B INSS=${ZIMA_INSZ[0]}`]]);
    expect(at(anomaliesOf(zima002[1])[0], "Path.JointCommissionNbr")).to.equal("999");

    const zima005 = of(zima005File);
    expect(zima005.map((f) => at(f, "HandledOriginalForm.Identification"))).to.deep.equal(["ZIMA005", "ZIMA005"]);
    expect(zima005.map((f) => f.WorkerRecordIdentification)).to.deep.equal([worker(1, ZIMA_INSZ[0], true), worker(2, ZIMA_INSZ[1], true)]);
    // 00044-278 is blocking in the ZIMA glossaries: the warning is the enterprise number's.
    expect(anomaliesOf(zima005[1]).map((a) => `${at(a, "ErrorID")} ${at(a, "AnomalyClass")} ${at(a, "TagName")}`)).to.deep.equal([
      "00014-235 W CompanyID",
    ]);
  });

  it("easr ingest matches every answer to its ZIMA declaration by file name and sequence number", async () => {
    expect(ingested.code, ingested.err.join("\n")).to.equal(0);
    const out = ingested.out.join("\n");
    expect(out).to.include("receipts  2 = OK 2 + rejected 0");
    expect(out).to.include("forms     5 = accepted 2 + with warnings 2 + refused 1");
    expect(out).to.include("unmatched 0 answer(s) kept, not applied");
    const tickets = new Map(
      answersIn(join(zimaDir, "answers"), "NOTI").flatMap((n) =>
        n.forms.map((f) => [
          `${at(f, "FileReference.FileName")!.slice(2)}#${at(f, "WorkerRecordIdentification.NaturalPersonSequenceNbr")}`,
          at(f, "HandledReference.ReferenceNbr")!,
        ]),
      ),
    );
    const dataSource = await openDataSource(workspace.dbUrl);
    try {
      const rows = (await dataSource.query(
        "SELECT f.file_name AS file_name, f.status AS file_status, d.form_type AS form_type, d.sequence_nbr AS sequence_nbr, d.status AS status, d.ticket AS ticket FROM easr_declaration d JOIN easr_file f ON f.id = d.file_id WHERE f.purpose = 'ZIMA' ORDER BY d.id",
      )) as Record<string, unknown>[];
      const ticketOf = (fileName: string, sequenceNbr: number) => tickets.get(`${fileName.slice(2)}#${sequenceNbr}`);
      expect(rows.map((r) => [r.form_type, Number(r.sequence_nbr), r.file_status, r.status, r.ticket])).to.deep.equal([
        ["ZIMA002", 1, "received", "accepted", ticketOf(zima002File, 1)],
        ["ZIMA002", 2, "received", "accepted-with-warnings", ticketOf(zima002File, 2)],
        ["ZIMA002", 3, "received", "refused", null],
        ["ZIMA005", 1, "received", "accepted", ticketOf(zima005File, 1)],
        ["ZIMA005", 2, "received", "accepted-with-warnings", ticketOf(zima005File, 2)],
      ]);
      const anomalies = (await dataSource.query(
        "SELECT error_id AS error_id, anomaly_class AS anomaly_class, value AS value FROM easr_anomaly ORDER BY id",
      )) as Record<string, unknown>[];
      expect(anomalies.map((a) => `${a.error_id} ${a.anomaly_class}`)).to.have.members(["00064-032 W", "00024-003 B", "00014-235 W"]);
      // The INSZ is kept masked.
      expect(anomalies.find((a) => a.error_id === "00024-003")!.value).to.equal(`********${ZIMA_INSZ[0].slice(-3)}`);
    } finally {
      await dataSource.destroy();
    }
    for (const insz of ZIMA_INSZ) expect(out).not.to.include(insz);
  });
});
