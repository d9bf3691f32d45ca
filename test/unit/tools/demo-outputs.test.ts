import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import ExcelJS from "exceljs";
import { compareOutputs, describeDifferences } from "../../../tools/demo-outputs/compare";
import { type NormalizedFile, normalizeDemoOutput } from "../../../tools/demo-outputs/normalize";
import { channelTicket } from "../../../tools/demo-outputs/stamps";

/** A miniature demo output of one month written on `day` at `hour` (Brussels), in its own temporary folder. */
async function fakeRun(options: { day: string; hour: string; offset: string; amount?: string; label?: string; seededDate?: string }) {
  const tmpDir = mkdtempSync(join(tmpdir(), "demo-outputs-test-"));
  const outDir = join(tmpDir, "out");
  const month = join(outDir, "2017-12");
  mkdirSync(join(month, "answers"), { recursive: true });
  const compact = options.day.replaceAll("-", "");
  const fi = `FI.WECH.900123.${compact}.00007.T`;
  const go = `GO.WECH.900123.${compact}.00007.T`;
  const form = (n: number) =>
    `<Form><Identification>WECH006</Identification><FormCreationDate>${options.day}</FormCreationDate><FormCreationHour>${options.hour}.123</FormCreationHour>` +
    `<NaturalPerson><NaturalPersonSequenceNbr>${n}</NaturalPersonSequenceNbr><ExactSalaryAmount>${options.amount ?? "97738"}</ExactSalaryAmount><Start>${options.seededDate ?? "2017-12-01"}</Start></NaturalPerson></Form>`;
  const fiXml = `<?xml version="1.0" encoding="UTF-8"?>\n<WECH006>\n  ${form(1)}\n  ${form(2)}\n</WECH006>\n`;
  writeFileSync(join(month, fi), fiXml);
  writeFileSync(join(month, go), "");
  writeFileSync(
    join(month, "answers", `FO.NOTI.999999.${compact}.00002.T`),
    `<NOTIFICATION><Form><FileReference><FileName>${go}</FileName><ReferenceNbr>${channelTicket(go)}</ReferenceNbr></FileReference>` +
      `<HandledReference><ReferenceNbr>${channelTicket(go, 2)}</ReferenceNbr></HandledReference></Form></NOTIFICATION>`,
  );
  const started = `${options.day}T${options.hour}.000${options.offset}`;
  const summary = {
    startedAt: started,
    cutoffAt: "2017-12-15 16:00:00",
    outputDir: month,
    files: [{ fileName: fi, goFileName: go, sha256: createHash("sha256").update(fiXml).digest("hex"), forms: 2 }],
  };
  writeFileSync(join(month, "run-summary.json"), JSON.stringify(summary, null, 2));
  writeFileSync(join(month, "payslip-extract-2017-12.csv"), `maand;bestand;ticket\n2017-12;${fi};${channelTicket(go, 1)}\n`);
  writeFileSync(join(outDir, "easr.log"), `{"at":"${started}"}\n`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Summary");
  sheet.addRow(["Label", "Value"]);
  sheet.addRow([options.label ?? "Started (Brussels time)", new Date(`${options.day}T${options.hour}.000Z`)]);
  sheet.addRow(["Cut-off", new Date("2017-12-15T16:00:00.000Z")]);
  sheet.getCell("B2").numFmt = "yyyy-mm-dd hh:mm:ss";
  await workbook.xlsx.writeFile(join(month, "report-2017-12.xlsx"));
  const instant = new Date(started);
  return {
    tmpDir,
    outDir,
    stdout: `wrote ${join(month, fi)}\n`,
    exitCode: 0,
    startedAt: instant,
    finishedAt: new Date(instant.getTime() + 2000),
  };
}

async function normalized(options: Parameters<typeof fakeRun>[0]): Promise<NormalizedFile[]> {
  const run = await fakeRun(options);
  try {
    return (await normalizeDemoOutput(run)).files;
  } finally {
    rmSync(run.tmpDir, { recursive: true, force: true });
  }
}

const winter = { day: "2026-12-06", hour: "18:46:39", offset: "+01:00" };
const summer = { day: "2027-06-22", hour: "03:06:42", offset: "+02:00" };

describe("demo outputs: normalization and comparison (tools/demo-outputs)", () => {
  it("gives the same normalized output for two runs on different days, hours, offsets and folders", async () => {
    const first = await normalized(winter);
    const second = await normalized(summer);
    expect(compareOutputs(first, second)).to.deep.equal([]);
    const files = first.map((file) => file.file);
    expect(files).to.include("2017-12/FI.WECH.900123.<run-date>.00007.T");
    expect(files).to.include("2017-12/answers/FO.NOTI.999999.<run-date>.00002.T");
    expect(
      files.some((file) => file.endsWith(".log")),
      "logs are left out",
    ).to.equal(false);
    const leaves = new Map(first.flatMap((file) => file.entries.map(([path, value]) => [`${file.file} ${path}`, value])));
    expect(leaves.get("2017-12/FI.WECH.900123.<run-date>.00007.T /WECH006/Form[1]/FormCreationHour")).to.equal("<run-time>");
    expect(leaves.get("2017-12/FI.WECH.900123.<run-date>.00007.T /WECH006/Form[2]/NaturalPerson/Start")).to.equal("2017-12-01");
    expect(leaves.get("2017-12/answers/FO.NOTI.999999.<run-date>.00002.T /NOTIFICATION/Form/HandledReference/ReferenceNbr")).to.equal(
      "<ticket GO.WECH.900123.<run-date>.00007.T#2>",
    );
    expect(leaves.get("2017-12/run-summary.json startedAt")).to.equal("<run-timestamp>");
    expect(leaves.get("2017-12/run-summary.json cutoffAt")).to.equal("2017-12-15 16:00:00");
    expect(leaves.get("2017-12/run-summary.json outputDir")).to.equal("<tmp>/out/2017-12");
    expect(leaves.get("2017-12/run-summary.json files[0].sha256")).to.equal("<sha256 of 2017-12/FI.WECH.900123.<run-date>.00007.T>");
    expect(leaves.get("2017-12/payslip-extract-2017-12.csv row 1/ticket")).to.equal("<ticket GO.WECH.900123.<run-date>.00007.T#1>");
    expect(leaves.get("2017-12/report-2017-12.xlsx Summary!B2")).to.equal("date:<run-timestamp>");
    expect(leaves.get("2017-12/report-2017-12.xlsx Summary!B2 numFmt")).to.equal("yyyy-mm-dd hh:mm:ss");
    expect(leaves.get("2017-12/report-2017-12.xlsx Summary!B3")).to.equal("date:2017-12-15T16:00:00.000Z");
    expect(leaves.get("(console) line 1")).to.equal("wrote <tmp>/out/2017-12/FI.WECH.900123.<run-date>.00007.T");
  });

  it("reports a zone value, a workbook label and a seeded date that changed, with file, path and both values", async () => {
    const before = await normalized(winter);
    const after = await normalized({ ...summer, amount: "97739", label: "Started", seededDate: "2017-12-02" });
    const differences = compareOutputs(before, after);
    expect(differences).to.deep.include({
      kind: "changed",
      file: "2017-12/FI.WECH.900123.<run-date>.00007.T",
      path: "/WECH006/Form[1]/NaturalPerson/ExactSalaryAmount",
      before: "97738",
      after: "97739",
    });
    expect(differences).to.deep.include({
      kind: "changed",
      file: "2017-12/report-2017-12.xlsx",
      path: "Summary!A2",
      before: "Started (Brussels time)",
      after: "Started",
    });
    expect(differences.filter((d) => d.kind === "changed" && d.path.endsWith("/Start"))).to.have.length(2);
    // The form's text changed, so its hash did: the summary's sha256 still names the file, not a raw hash.
    expect(differences.filter((d) => d.file.endsWith("run-summary.json"))).to.deep.equal([]);
    const text = describeDifferences(differences, { total: 3, perFile: 2 }).join("\n");
    expect(text).to.include('ExactSalaryAmount: baseline "97738", now "97739"');
    expect(text).to.include("… and 2 more in this file");
    expect(text).to.include("5 differences in 2 files (3 shown");
    expect(text).to.match(/<month>\/FI\.WECH\.900123\.<run-date>\.<seq>\.T +1 file, 4 differences/);
  });

  it("tells missing and extra files, missing and extra leaves, and a change of order", () => {
    const file = (name: string, entries: [string, string][]): NormalizedFile => ({ file: name, kind: "text", entries });
    const differences = compareOutputs(
      [
        file("a", [
          ["x", "1"],
          ["y", "2"],
        ]),
        file("b", [
          ["p", "1"],
          ["q", "2"],
        ]),
        file("gone", []),
      ],
      [
        file("a", [
          ["x", "1"],
          ["z", "3"],
        ]),
        file("b", [
          ["q", "2"],
          ["p", "1"],
        ]),
        file("new", []),
      ],
    );
    expect(differences.map((d) => `${d.kind} ${d.file}`)).to.deep.equal([
      "missing a",
      "extra a",
      "order b",
      "missing-file gone",
      "extra-file new",
    ]);
  });
});
