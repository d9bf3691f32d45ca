/**
 * The payslip copy (circular §7, D12) on the real CLI path: the circular's examples plus one staff
 * member with five assignments (institution names that try formula injection, CSV quoting and
 * characters outside WinAnsi) are run month by month; the extract is written from each run's output
 * and held against the run's own declarations; `easr payslip` prints and renders the copies.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { PDFDocument } from "pdf-lib";
import { payslipCopy, readPayslipExtract } from "../../reports/payslip-copy";
import { PAYSLIP_LINE_COUNT, type PayslipRecord, withTicket, writePayslipExtract } from "../../reports/payslip-extract";
import { payslipExtractName } from "../../src/files/output-layout";
import { layoutBlocks, renderPayslipPdf } from "../../reports/payslip-pdf";
import { cachingFontkit, copyFontFiles } from "../../reports/payslip-fonts";
import { readPdf } from "../support/pdf-text";
import { CIRCULAR_EXAMPLES, circularExampleRows, rl16MessageRef } from "../../tools/demo/circular-examples";
import { makeInsz } from "../../src/domain/check-digits";
import type { YearMonth } from "../../src/domain/year-month";
import { main } from "../../src/cli/main";
import type { DeclaredUnitLine, UnitLine } from "../../src/run-record";
import type { RunSummary } from "../../src/run-record";
import { type ContractRow, type ContractRows, writeContractRowsToUrl } from "../../src/source/contract-writer";
import { BENEFITS_MONTH, writeBenefitsRun, ZIMA002_FILE, ZIMA005_FILE } from "../support/benefits-decisions";
import { CliWorkspace } from "../support/cli-harness";
import { easrProcess } from "../support/easr-process";
import { withEnv } from "../support/env";

const MONTHS: YearMonth[] = ["2017-09", "2017-10", "2017-11", "2017-12"];

/** Staff 60: five assignments of 2/24 in five schools of board 1 from 2017-09-01, EUR 150 a month each. */
const MANY = { staffId: 60, insz: makeInsz("1985-03-12", 60), lastName: "Vandenbussche", firstName: "Łucja Ősz" } as const;
const TRICKY_NAMES = ['=HYPERLINK("http://x")', 'Basisschool "De Regenboog"; Gent', "Athénée Łódź ✓", "@SUM(1+1)", "Sint-Lodewijkscollege"];

function manyDeclarationsRows(): ContractRows {
  const institutions: ContractRow[] = TRICKY_NAMES.map((name, index) => ({ id: 61 + index, board_id: 1, name, level: "BaO" }));
  const assignments: ContractRow[] = institutions.map((institution, index) => ({
    id: 601 + index,
    staff_id: MANY.staffId,
    institution_id: institution.id,
    start_date: "2017-09-01",
    end_date: "2018-06-30",
    hours_numerator: "2",
    hours_denominator: "24",
    days_per_week: "0.5",
    job_title: "leraar",
    status: "T",
    joint_committee: null,
    employer_category: null,
    worker_code: null,
    monthly_salary: "200.00",
  }));
  return {
    institution: institutions,
    staff_member: [
      {
        id: MANY.staffId,
        insz: MANY.insz,
        last_name: MANY.lastName,
        first_name: MANY.firstName,
        birth_date: "1985-03-12",
        gender: "F",
        street: "Stationsstraat",
        house_number: "3",
        box: null,
        postal_code: "9800",
        municipality: "Deinze",
        country_code: "BE",
        nationality: "BE",
      },
    ],
    assignment: assignments,
    salary_line: assignments.flatMap((a, index) =>
      MONTHS.map((month, m) => ({
        id: 6000 + index * 10 + m,
        staff_id: MANY.staffId,
        assignment_id: a.id,
        period_month: month,
        gross_amount: "150.00",
        wage_code: "01",
        paid_on: `${month}-25`,
      })),
    ),
    rl16_notification: [
      {
        id: 60,
        staff_id: MANY.staffId,
        board_id: 1,
        message_ref: rl16MessageRef(60, "2017-09-01"),
        received_at: "2017-09-04 09:00:00",
        valid_from: "2017-09-01",
        withdrawn_from: null,
        maintenance_of_rights: 1,
        fulltime_request: 1,
      },
    ],
  };
}

/** The rows of both, the examples first (board 1 comes from example 1). */
function mergedRows(): ContractRows {
  const merged: ContractRows = { ...circularExampleRows() };
  for (const [table, rows] of Object.entries(manyDeclarationsRows()) as [keyof ContractRows, ContractRow[]][])
    merged[table] = [...(merged[table] ?? []), ...rows];
  return merged;
}

const keyOf = (formType: string, staffId: number, assignmentId: number, referencePeriod: string | null): string =>
  `${formType}|${staffId}|${assignmentId}|${referencePeriod ?? "-"}`;

let workspace: CliWorkspace;
const written = new Map<string, number>();

function extractPath(month: YearMonth): string {
  return join(workspace.monthDir(month), payslipExtractName(month));
}

async function recordsOf(month: YearMonth): Promise<PayslipRecord[]> {
  const records: PayslipRecord[] = [];
  for await (const record of readPayslipExtract(extractPath(month))) records.push(record);
  return records;
}

function declaredUnits(month: string): DeclaredUnitLine[] {
  return (workspace.decisionsOf(month) as unknown as UnitLine[]).flatMap((line) =>
    line.kind === "unit" && line.status === "declared" ? [line] : [],
  );
}

describe("the payslip copy: extract, easr payslip and the one-page PDF", function () {
  this.timeout(180_000);

  before(async () => {
    workspace = new CliWorkspace("payslip");
    const init = await workspace.easr("db", "init", "--db", workspace.dbUrl);
    expect(init.code, init.err.join("\n")).to.equal(0);
    await writeContractRowsToUrl(workspace.dbUrl, mergedRows());
    for (const month of MONTHS) {
      await workspace.run(month);
      // The run writes the extract; the test writes it again from the run's own output to get the writer's count.
      const summary = workspace.summaryOf(month);
      expect(existsSync(extractPath(month)), `the run of ${month} wrote its extract`).to.equal(true);
      rmSync(extractPath(month));
      const result = await writePayslipExtract({
        summary,
        decisionsPath: join(workspace.monthDir(month), "decisions.jsonl"),
        outputPath: extractPath(month),
      });
      written.set(month, result.records);
    }
  });

  after(() => workspace.remove());

  it("writes exactly one record per declaration: the summary's count, and the declared units' keys one to one", async () => {
    for (const month of MONTHS) {
      const summary = workspace.summaryOf(month);
      const records = await recordsOf(month);
      const declared = summary.forms.WECH003.declared + summary.forms.WECH006.declared;
      expect(declared, month).to.be.greaterThan(0);
      expect(records, month).to.have.length(declared);
      expect(written.get(month), month).to.equal(declared);
      const recordKeys = records.map((r) => keyOf(r.formType, r.staffId, r.assignmentId, r.referencePeriod)).sort();
      const unitKeys = declaredUnits(month)
        .map((u) => keyOf(u.formType, u.staffId, u.assignmentId, u.referencePeriod))
        .sort();
      expect(new Set(recordKeys).size, month).to.equal(recordKeys.length);
      expect(recordKeys, month).to.deep.equal(unitKeys);
    }
  });

  it("writes nothing when decisions.jsonl and the run summary do not belong together", async () => {
    const output = join(workspace.dir, "mismatch.csv");
    const decisionsPath = join(workspace.monthDir("2017-10"), "decisions.jsonl");
    let failure: unknown = null;
    await writePayslipExtract({ summary: workspace.summaryOf("2017-12"), decisionsPath, outputPath: output }).catch(
      (error: unknown) => (failure = error),
    );
    expect(String(failure)).to.match(/do not belong together/);
    expect(existsSync(output)).to.equal(false);
    expect(existsSync(join(workspace.dir, ".mismatch.csv.partial"))).to.equal(false);
  });

  it("gives every record the staff id, institution, amounts, file and sequence of the declaration it copies", async () => {
    for (const month of MONTHS) {
      const summary = workspace.summaryOf(month);
      const units = new Map(declaredUnits(month).map((u) => [keyOf(u.formType, u.staffId, u.assignmentId, u.referencePeriod), u]));
      for (const record of await recordsOf(month)) {
        const unit = units.get(keyOf(record.formType, record.staffId, record.assignmentId, record.referencePeriod))!;
        const euro = (cents: number): string => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
        expect(record.month).to.equal(month);
        expect(record.staffId).to.equal(unit.staffId);
        expect(record.institutionName).to.equal(unit.context.institutionName);
        expect(record.boardName).to.equal(unit.context.boardName);
        expect(record.theoreticalSalary).to.equal(euro(unit.declared.theoreticalSalary));
        expect(record.grossSalary).to.equal(unit.formType === "WECH006" ? euro(unit.declared.exactSalary) : "");
        expect(record.sequenceNbr).to.equal(unit.declared.sequenceNbr);
        expect(record.fileName).to.equal(summary.files.find((f) => f.formType === unit.formType)!.fileName);
        expect(record.formLabel).to.equal(unit.formType === "WECH003" ? "WECH503" : "WECH506");
        expect(record.lines.join("\n")).to.include(`Instelling: ${unit.context.institutionName}`);
      }
    }
  });

  it("puts example 2's two WECH506 of November (EUR 246,00 and 82,00, declared in December) on staff 2's records only", async () => {
    const records = await recordsOf("2017-12");
    const november = records.filter((r) => r.formLabel === "WECH506" && r.referencePeriod === "2017-11");
    expect(november.map((r) => [r.staffId, r.assignmentId, r.grossSalary, r.theoreticalSalary])).to.deep.equal([
      [2, 21, "246,00", "738,00"],
      [2, 22, "82,00", "246,00"],
    ]);
    expect(november[0].lines).to.include("Aangifte sociaal risico WECH506 – deeltijdse arbeid november 2017");
    expect(november[0].lines).to.include("Opdracht 7/22 – Q 7,00 / S 22,00");
    expect(november[0].lines).to.include("Bruto loon: EUR 246,00 – Theoretisch loon: EUR 738,00");
    for (const record of records.filter((r) => r.staffId !== 2)) {
      expect(record.institutionName).to.not.equal("Stedelijke Academie voor Muziek, Woord en Dans Lier");
      expect([record.grossSalary, record.theoreticalSalary]).to.not.include.members(["246,00", "82,00"]);
    }
    const copy = await payslipCopy(extractPath("2017-12"), 2);
    expect(copy.records.every((r) => r.staffId === 2)).to.equal(true);
    expect(copy.records.map((r) => r.grossSalary).filter((g) => g === "246,00" || g === "82,00")).to.have.members(["246,00", "82,00"]);
  });

  it("prints example 1's WECH503 in Dutch: start 2017-09-01, 16/32, Q 16,00 / S 32,00, EUR 977,38", async () => {
    const summary = workspace.summaryOf("2017-09");
    const [record] = (await payslipCopy(extractPath("2017-09"), 1)).records.filter((r) => r.formLabel === "WECH503");
    expect(record).to.include({
      formType: "WECH003",
      startDate: "2017-09-01",
      fraction: "16/32",
      q: "16,00",
      s: "32,00",
      theoreticalSalary: "977,38",
      grossSalary: "",
      ticket: "",
    });
    const file = summary.files.find((f) => f.formType === "WECH003")!.fileName;
    expect(record.lines).to.deep.equal([
      "Aangifte sociaal risico WECH503 – aanvang deeltijdse arbeid op 2017-09-01",
      "Instelling: Vrije Basisschool De Linde Deinze",
      "Opdracht 16/32 – Q 16,00 / S 32,00",
      "Theoretisch loon: EUR 977,38",
      `Bestand ${file}, volgnummer ${record.sequenceNbr}`,
    ]);
  });

  it("is a plain ;-separated UTF-8 CSV with RFC 4180 quoting, no INSZ, no names, and no formula a spreadsheet would run", async () => {
    const file = readFileSync(extractPath("2017-09"), "utf8");
    // A UTF-8 byte-order mark first, for Excel on Windows (issue 16).
    expect(file.startsWith("\uFEFF")).to.equal(true);
    const text = file.slice(1);
    const [header] = text.split("\r\n");
    expect(header.startsWith("maand;personeelslid;formulier;aangifte;opdracht_id;refertemaand;")).to.equal(true);
    expect(
      header.endsWith(
        ";ticket;regel_1;regel_2;regel_3;regel_4;regel_5;regel_6;regel_7;regel_8;subrisico;referteperiodes;vakantiejaar;vakantiesector;vakantiedagen;aard",
      ),
    ).to.equal(true);
    expect(text.endsWith("\r\n")).to.equal(true);
    expect(text).to.include(`;"'=HYPERLINK(""http://x"")";`);
    expect(text).to.include(`;"Basisschool ""De Regenboog""; Gent";`);
    expect(text).to.include(";'@SUM(1+1);");
    expect(text).to.not.match(/(^|;)"?[=+@]/m);
    const people = [...CIRCULAR_EXAMPLES.map((e) => e.rows.staff_member![0]), { insz: MANY.insz, last_name: MANY.lastName }];
    for (const person of people) {
      expect(text).to.not.include(String(person.insz));
      expect(text).to.not.include(String(person.last_name));
    }
    // Read back, the names are what the institutions are called.
    const names = (await payslipCopy(extractPath("2017-09"), MANY.staffId)).records.map((r) => r.institutionName);
    expect(new Set(names)).to.deep.equal(new Set(TRICKY_NAMES));
  });

  it("easr payslip prints one person's copy and writes a one-page PDF that pdf-lib reads back", async () => {
    const result = await workspace.easr(
      "payslip",
      "--staff",
      "1",
      "--month",
      "2017-09",
      "--out",
      workspace.outDir,
      "--pdf",
      join(workspace.dir, "staff-1.pdf"),
    );
    expect(result.code, result.err.join("\n")).to.equal(0);
    const printed = result.out.map((line) => line.trim());
    for (const line of [
      "Aangifte sociaal risico WECH503 – aanvang deeltijdse arbeid op 2017-09-01",
      "Instelling: Vrije Basisschool De Linde Deinze",
      "Opdracht 16/32 – Q 16,00 / S 32,00",
      "Theoretisch loon: EUR 977,38",
    ]) {
      expect(printed).to.include(line);
    }
    expect(printed.join("\n")).to.not.include("Verhaegen");
    expect(printed.some((line) => line.includes("Stedelijke Academie"))).to.equal(false);
    const bytes = readFileSync(join(workspace.dir, "staff-1.pdf"));
    expect(bytes.subarray(0, 5).toString("latin1")).to.equal("%PDF-");
    expect((await PDFDocument.load(bytes)).getPageCount()).to.equal(1);
  });

  it("renders a person with ten declarations in a month (and names outside WinAnsi) on one page", async () => {
    const copy = await payslipCopy(extractPath("2017-09"), MANY.staffId);
    expect(copy.records).to.have.length(10);
    const pdf = join(workspace.dir, "staff-60.pdf");
    const result = await workspace.easr(
      "payslip",
      "--staff",
      String(MANY.staffId),
      "--month",
      "2017-09",
      "--out",
      workspace.outDir,
      "--pdf",
      pdf,
    );
    expect(result.code, result.err.join("\n")).to.equal(0);
    expect(result.out.filter((line) => line.startsWith("Aangifte sociaal risico"))).to.have.length(10);
    expect((await PDFDocument.load(readFileSync(pdf))).getPageCount()).to.equal(1);
  });

  it("shrinks, then cuts with '… en N andere aangiften' when a copy would not fit on one page", async () => {
    const { records } = await payslipCopy(extractPath("2017-09"), MANY.staffId);
    const many = Array.from({ length: 60 }, (_, index) => records[index % records.length]);
    const document = await PDFDocument.create();
    document.registerFontkit(cachingFontkit);
    const regular = await document.embedFont(copyFontFiles().regular, { subset: true });
    const bold = await document.embedFont(copyFontFiles().bold, { subset: true });
    const blocks = many.map((r) => r.lines);
    const widthOf = (text: string, size: number, isBold: boolean): number => (isBold ? bold : regular).widthOfTextAtSize(text, size);

    const roomy = layoutBlocks(blocks.slice(0, 3), 600, 480, widthOf);
    expect(roomy).to.include({ fontSize: 10, omitted: 0, overflowLine: null });
    const crowded = layoutBlocks(blocks, 600, 480, widthOf);
    expect(crowded.omitted).to.be.greaterThan(0);
    expect(crowded.blocks.length + crowded.omitted).to.equal(60);
    expect(crowded.overflowLine).to.equal(`… en ${crowded.omitted} andere aangiften`);

    const holder = { staffId: MANY.staffId, firstName: "Ann", lastName: MANY.lastName, inszMasked: "********001", agencies: [] };
    const pdf = await readPdf(await renderPayslipPdf({ month: "2017-09", holder, letterheads: [], records: many, madeOn: "2017-10-02" }));
    expect(pdf.pageCount).to.equal(1);
    // Names outside WinAnsi come out as they are (the font is embedded), not as "?".
    expect(pdf.lines).to.include("Instelling: Athénée Łódź ✓");
  });

  it("exits 2 for a staff member without declaration that month, a missing extract or a bad --staff; --help exits 0", async () => {
    const unknown = await workspace.easr("payslip", "--staff", "123", "--month", "2017-11", "--out", workspace.outDir);
    expect(unknown.code).to.equal(2);
    expect(unknown.err.join("\n")).to.include("staff 123 has no declaration in 2017-11");
    expect(unknown.out).to.deep.equal([]);

    const missing = await workspace.easr("payslip", "--staff", "1", "--month", "2018-03", "--out", workspace.outDir);
    expect(missing.code).to.equal(2);
    expect(missing.err.join("\n")).to.include(join(workspace.outDir, "2018-03", "payslip-extract-2018-03.csv"));

    const bad = await workspace.easr("payslip", "--staff", "x1", "--month", "2017-09", "--out", workspace.outDir);
    expect(bad.code).to.equal(2);
    expect(bad.err.join("\n")).to.include("--staff must be a staff id");

    const noPdfFolder = await workspace.easr(
      "payslip",
      "--staff",
      "1",
      "--month",
      "2017-09",
      "--out",
      workspace.outDir,
      "--pdf",
      join(workspace.dir, "nowhere", "x.pdf"),
    );
    expect(noPdfFolder.code).to.equal(2);
    expect(existsSync(join(workspace.dir, "nowhere"))).to.equal(false);

    const help = await workspace.easr("payslip", "--help");
    expect(help.code).to.equal(0);
    expect(help.out.join("\n")).to.include("--pdf <file>");
  });
});

describe("the staff member's PDF copy and every staff member's PDF of a month (--all --dir)", function () {
  this.timeout(180_000);
  let w: CliWorkspace;
  const pdfOf = async (path: string) => readPdf(readFileSync(path));

  before(async () => {
    w = new CliWorkspace("payslip-pdf");
    const init = await w.easr("db", "init", "--db", w.dbUrl);
    expect(init.code, init.err.join("\n")).to.equal(0);
    await writeContractRowsToUrl(w.dbUrl, mergedRows());
    for (const month of ["2017-09", "2017-10"] as const) await w.run(month);
  });

  after(() => w.remove());

  it("names the staff member (outside WinAnsi too), the masked INSZ, the agency and its address, in Dutch dates; the INSZ never in clear", async () => {
    const path = join(w.dir, "staff-60.pdf");
    const result = await withEnv({ EASR_CLOCK: "2017-12-01T10:00:00+01:00" }, () =>
      w.easr("payslip", "--staff", "60", "--month", "2017-09", "--out", w.outDir, "--db", w.dbUrl, "--pdf", path),
    );
    expect(result.code, result.err.join("\n")).to.equal(0);
    const pdf = await pdfOf(path);
    expect(pdf.pageCount).to.equal(1);
    // Worked out by hand: Łucja Ősz Vandenbussche, INSZ ending in the last three digits of 85.03.12-060.xx,
    // board 1 of AGODI, the WECH503 of each assignment starting on 1 September 2017, made on 1 December 2017.
    expect(pdf.lines.slice(0, 3)).to.deep.equal(["Agentschap voor Onderwijsdiensten (AGODI)", "Koning Albert II-laan 15", "1210 Brussel"]);
    const details = pdf.lines.slice(pdf.lines.indexOf("Naam"), pdf.lines.indexOf("Naam") + 12);
    expect(details).to.deep.equal([
      "Naam",
      "Łucja Ősz Vandenbussche",
      "INSZ",
      `********${MANY.insz.slice(-3)}`,
      "Personeelslid",
      "60",
      "Salarisbrief van",
      "september 2017",
      "Opgemaakt op",
      "1 december 2017",
      "Inhoud",
      "10 aangiften in deze maand",
    ]);
    expect(
      pdf.lines.filter((line) => line === "Aangifte sociaal risico WECH503 – aanvang deeltijdse arbeid op 1 september 2017"),
    ).to.have.length(5);
    expect(pdf.lines).to.include("Periode: 1 september 2017 tot en met 30 september 2017");
    expect(pdf.lines).to.include("Instelling: Athénée Łódź ✓");
    expect(pdf.lines.filter((line) => /\d{4}-\d{2}-\d{2}/.test(line))).to.deep.equal([]);
    // The INSZ is nowhere in the file: not in its bytes, not in any inflated stream, not in the text.
    expect(readFileSync(path).toString("latin1")).to.not.include(MANY.insz);
    for (const stream of pdf.streams) expect(stream).to.not.include(MANY.insz);
    expect(pdf.lines.join("\n")).to.not.include(MANY.insz);
    // DejaVu Sans embedded (FontFile2), no standard font.
    expect(pdf.fontDictionaries.some((dict) => dict.includes("/FontFile2"))).to.equal(true);
    expect(pdf.fontDictionaries.filter((dict) => dict.includes("/BaseFont")).every((dict) => dict.includes("DejaVuSans"))).to.equal(true);
    expect(pdf.fontDictionaries.join("\n")).to.not.match(/Helvetica|Type1/);
    expect(statSync(path).mode & 0o777).to.equal(0o640);
  });

  it("prints the configured name and address of the agency; a bad address stops at start-up (exit 2) and writes nothing", async () => {
    const path = join(w.dir, "staff-1-configured.pdf");
    const configured = {
      EASR_AGODI_NAME: "Agentschap Onderwijsdiensten – Dienst Personeel",
      EASR_AGODI_ADDRESS: "Hendrik Consciencegebouw, Koning Albert II-laan 15, 1210 Sint-Joost-ten-Node",
    };
    const result = await withEnv(configured, () =>
      w.easr("payslip", "--staff", "1", "--month", "2017-09", "--out", w.outDir, "--db", w.dbUrl, "--pdf", path),
    );
    expect(result.code, result.err.join("\n")).to.equal(0);
    expect((await pdfOf(path)).lines.slice(0, 4)).to.deep.equal([
      "Agentschap Onderwijsdiensten – Dienst Personeel",
      "Hendrik Consciencegebouw",
      "Koning Albert II-laan 15",
      "1210 Sint-Joost-ten-Node",
    ]);

    const badPath = join(w.dir, "bad.pdf");
    const bad = await withEnv({ EASR_AHOVOKS_ADDRESS: "Koning Albert II-laan 15 Brussel", EASR_AGODI_NAME: "\u0007x" }, () =>
      w.easr("payslip", "--staff", "1", "--month", "2017-09", "--out", w.outDir, "--db", w.dbUrl, "--pdf", badPath),
    );
    expect(bad.code).to.equal(2);
    const message = bad.err.join("\n");
    expect(message).to.include('EASR_AHOVOKS_ADDRESS: must be "<street and number>, <postal code> <municipality>"');
    expect(message).to.include("EASR_AGODI_NAME: must be one line of text");
    expect(existsSync(badPath)).to.equal(false);
    const listed = await w.easr("config");
    for (const name of ["EASR_AGODI_NAME", "EASR_AGODI_ADDRESS", "EASR_AHOVOKS_NAME", "EASR_AHOVOKS_ADDRESS"])
      expect(listed.out.join("\n")).to.include(name);
  });

  it("--all --dir writes exactly one private PDF per staff member of the month's extract, named <staffId>-<YYYY-MM>.pdf (bin/easr.js)", async () => {
    const dir = join(w.dir, "copies");
    const args = ["payslip", "--all", "--month", "2017-10", "--dir", dir, "--out", w.outDir, "--db", w.dbUrl];
    const result = await easrProcess(args);
    expect(result.code, result.stderr).to.equal(0);
    const staffIds = new Set((await recordsOfExtract(join(w.monthDir("2017-10"), payslipExtractName("2017-10")))).map((r) => r.staffId));
    expect(staffIds.size).to.be.greaterThan(3);
    expect(result.stdout.trim()).to.equal(`wrote ${staffIds.size} copies of 2017-10 into ${dir} (<staffId>-2017-10.pdf)`);
    expect(readdirSync(dir).sort()).to.deep.equal([...staffIds].map((id) => `${id}-2017-10.pdf`).sort());
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777, name).to.equal(0o640);
    expect(statSync(dir).mode & 0o777).to.equal(0o750);
    // Each copy is its own person's: staff 60's names them, and a person of an AHOVOKS board gets AHOVOKS's letterhead.
    expect((await pdfOf(join(dir, "60-2017-10.pdf"))).lines).to.include("Łucja Ősz Vandenbussche");
    const ahovoks = declaredUnitsOf(w, "2017-10").find((unit) => unit.context.agency === "AHOVOKS");
    expect(ahovoks, "a declared unit of an AHOVOKS board").to.not.equal(undefined);
    const ahovoksCopy = await pdfOf(join(dir, `${ahovoks!.staffId}-2017-10.pdf`));
    expect(ahovoksCopy.lines.join(" ")).to.include(
      "Agentschap voor Hoger Onderwijs, Volwassenenonderwijs, Kwalificaties en Studietoelagen (AHOVOKS)",
    );

    // Again into the same folder: refused before anything is written.
    const again = await easrProcess(args);
    expect(again.code).to.equal(2);
    expect(again.stderr).to.include(`holds ${staffIds.size} copies of 2017-10 already`);
    expect(readdirSync(dir)).to.have.length(staffIds.size);
  });

  it("--all --json prints the count and the folder; usage errors exit 2", async () => {
    const dir = join(w.dir, "copies-json");
    const json = await w.easr("payslip", "--all", "--month", "2017-09", "--dir", dir, "--out", w.outDir, "--db", w.dbUrl, "--json");
    expect(json.code, json.err.join("\n")).to.equal(0);
    const parsed = JSON.parse(json.out.join("\n")) as { written: number; dir: string; fileNames: string };
    expect(parsed).to.deep.include({ dir, fileNames: "<staffId>-2017-09.pdf" });
    expect(parsed.written).to.equal(readdirSync(dir).length);
    for (const args of [
      ["--all", "--month", "2017-09"],
      ["--all", "--staff", "1", "--month", "2017-09", "--dir", dir],
      ["--staff", "1", "--month", "2017-09", "--dir", dir],
      ["--all", "--month", "2017-09", "--dir", dir, "--pdf", join(w.dir, "x.pdf")],
    ]) {
      const result = await w.easr("payslip", ...args, "--out", w.outDir, "--db", w.dbUrl);
      expect(result.code, args.join(" ")).to.equal(2);
    }
    const help = await w.easr("payslip", "--help");
    expect(help.out.join("\n")).to.include("<staffId>-<YYYY-MM>.pdf");
  });
});

async function recordsOfExtract(path: string): Promise<PayslipRecord[]> {
  const records: PayslipRecord[] = [];
  for await (const record of readPayslipExtract(path)) records.push(record);
  return records;
}

function declaredUnitsOf(w: CliWorkspace, month: string): DeclaredUnitLine[] {
  return (w.decisionsOf(month) as unknown as UnitLine[]).flatMap((line) =>
    line.kind === "unit" && line.status === "declared" ? [line] : [],
  );
}

describe("the payslip copy of ZIMA002 and ZIMA005 declarations", () => {
  let dir: string;
  let monthDir: string;
  let count: number;
  let records: PayslipRecord[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "easr-benefits-payslip-"));
    monthDir = join(dir, BENEFITS_MONTH);
    mkdirSync(monthDir);
    const summary = await writeBenefitsRun(monthDir);
    count = (
      await writePayslipExtract({
        summary,
        decisionsPath: summary.decisionsFile!,
        outputPath: join(monthDir, payslipExtractName(BENEFITS_MONTH)),
      })
    ).records;
    records = [];
    for await (const record of readPayslipExtract(join(monthDir, payslipExtractName(BENEFITS_MONTH)))) records.push(record);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one record per ZIMA declaration with the sub-risk, periods, gross, holiday year and days as columns", () => {
    expect(count).to.equal(4);
    expect(
      records.map((r) => [
        r.staffId,
        r.formLabel,
        r.referencePeriod,
        r.startDate,
        r.endDate,
        r.grossSalary,
        r.subRisk,
        r.periods,
        r.holidayYear,
        r.holidaySector,
        r.holidayDays,
        r.fileName,
        r.sequenceNbr,
      ]),
    ).to.deep.equal([
      [
        81,
        "ZIMA002",
        "2017-09",
        "2017-09-01",
        "2017-09-30",
        "1334,56",
        "2",
        "2017-09-01/2017-09-15,2017-09-16/2017-09-30",
        "",
        "",
        "",
        ZIMA002_FILE,
        1,
      ],
      [82, "ZIMA002", "2017-09", "2017-09-01", "2017-09-30", "", "1", "2017-09-01/2017-09-30", "", "", "", ZIMA002_FILE, 2],
      [82, "ZIMA005", "2016", null, null, "", "1", "", "2016", "1", "24,50", ZIMA005_FILE, 1],
      [83, "ZIMA005", "2016", null, null, "", "2", "", "2016", "2", "", ZIMA005_FILE, 2],
    ]);
  });

  it("prints the ZIMA forms in Dutch: the label, the reference month or holiday year, the periods, the gross and the holiday days", () => {
    expect(records[0].lines).to.deep.equal([
      "Aangifte sociaal risico ZIMA 002 – aangepast werk september 2017",
      "Subrisico 2: aangepast werk tijdens moederschapsbescherming",
      "Instelling: Atheneum Aangepast",
      "Opdracht 16/32 – Q 16,00 / S 32,00",
      "Periodes: 2017-09-01 tot en met 2017-09-15 (Q 10,00 u/week, 3,00 dagen/week); 2017-09-16 tot en met 2017-09-30 (Q 19,50 u/week, 4,00 dagen/week)",
      "Bruto loon: EUR 1334,56 (looncodes 01 EUR 1234,56, 05 EUR 100,00); opzeggingsvergoeding 2017-09-20 – 2017-09-30: EUR 500,00",
      `Bestand ${ZIMA002_FILE}, volgnummer 1`,
    ]);
    expect(records[1].lines).to.include("Periode: 2017-09-01 tot en met 2017-09-30 (Q 19,00 u/week, 5,00 dagen/week)");
    expect(records[1].lines).to.include("Prestaties: 1: 10,00 d 76,00 u");
    expect(records[2].lines).to.deep.equal([
      "Aangifte sociaal risico ZIMA 005 – vakantie vakantiejaar 2016",
      "Subrisico 1: arbeider – vakantiesector: privésector",
      "Instelling: Basisschool Vakantie",
      "Opdracht 16/32 – Q 16,00 / S 32,00",
      "Vakantiedagen: 24,50 (code 1: 20,00 dagen; code 2: 4,50 dagen, 32,00 uur)",
      `Bestand ${ZIMA005_FILE}, volgnummer 1`,
    ]);
    expect(records[3].lines).to.include("Vakantiedagen: niet aan te geven voor deze vakantiesector");
    // Room is left for the ticket line once social security answers.
    for (const record of records) expect(record.lines.length).to.be.below(PAYSLIP_LINE_COUNT);
  });

  it("checks the records against the summary for every form type: a ZIMA count that does not match writes nothing", async () => {
    const summary = await writeBenefitsRun(monthDir);
    const wrong = { ...summary, forms: { ...summary.forms, ZIMA005: { ...summary.forms.ZIMA005, declared: 1 } } } as RunSummary;
    const output = join(dir, "mismatch.csv");
    let failure: unknown = null;
    await writePayslipExtract({ summary: wrong, decisionsPath: summary.decisionsFile!, outputPath: output }).catch(
      (error: unknown) => (failure = error),
    );
    expect(String(failure)).to.match(
      /2 declared ZIMA005 units and 0 cancellations, the run summary of 2017-10 1 and 0 .*do not belong together/,
    );
    expect(existsSync(output)).to.equal(false);
  });

  it("easr payslip prints one person's ZIMA copies and renders them on one page", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const pdf = join(dir, "staff-82.pdf");
    const code = await main(
      [
        "--quiet",
        "payslip",
        "--staff",
        "82",
        "--month",
        BENEFITS_MONTH,
        "--out",
        dir,
        "--db",
        `sqlite:${join(dir, "none.sqlite")}`,
        "--pdf",
        pdf,
      ],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    expect(code, err.join("\n")).to.equal(0);
    const printed = out.map((line) => line.trim());
    expect(printed).to.include("Aangifte sociaal risico ZIMA 002 – aangepast werk september 2017");
    expect(printed).to.include("Aangifte sociaal risico ZIMA 005 – vakantie vakantiejaar 2016");
    expect(printed).to.include("Vakantiedagen: 24,50 (code 1: 20,00 dagen; code 2: 4,50 dagen, 32,00 uur)");
    expect(printed.join("\n")).to.not.include("Atheneum Aangepast");
    expect((await PDFDocument.load(readFileSync(pdf))).getPageCount()).to.equal(1);
    // A ticket, once known, is added as the last line.
    const [first] = (await payslipCopy(join(monthDir, payslipExtractName(BENEFITS_MONTH)), 82)).records;
    expect(withTicket(first, "340000TICKZ02").lines.slice(-1)).to.deep.equal(["Ticketnummer: 340000TICKZ02"]);
  });
});
