import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_XSD_ERRORS, clearXsdCache, loadXsd } from "../../src/files/xsd-validator";

const RESPONSES = join(__dirname, "..", "fixtures", "asr-reference", "responses");

/** The envelope shared by WECH003 and WECH006, around one NaturalPerson's WorkerRecordLink content. */
function form(id: "WECH003" | "WECH006", opts: { naturalPersonExtra?: string; occupation: string; risk?: string }): string {
  return `
  <Form>
    <Identification>${id}</Identification>
    <FormCreationDate>2017-10-05</FormCreationDate>
    <FormCreationHour>10:15:30.123</FormCreationHour>
    <AttestationStatus>0</AttestationStatus>
    <TypeForm>SU</TypeForm>
    <DclInformation>
      <LanguageCodePdf>1</LanguageCodePdf>
    </DclInformation>
    <RiskIdentification>
      <IdentificationOfRisk>${opts.risk ?? "001"}</IdentificationOfRisk>
    </RiskIdentification>
    <EmployerDeclarationLink>
      <NOSSRegistrationNbr>123456749</NOSSRegistrationNbr>
      <Trusteeship>0</Trusteeship>
      <CompanyID>0123456749</CompanyID>
      <NaturalPerson>
        <NaturalPersonSequenceNbr>1</NaturalPersonSequenceNbr>
        <INSS>85073003328</INSS>${opts.naturalPersonExtra ?? ""}
        <WorkerRecordLink>
          <EmployerClass>011</EmployerClass>
          <WorkerCode>495</WorkerCode>
          <OccupationLink>${opts.occupation}
          </OccupationLink>
        </WorkerRecordLink>
      </NaturalPerson>
    </EmployerDeclarationLink>
  </Form>`;
}

const WECH006_OCCUPATION = `
            <OccupationStartingDate>2017-09-01</OccupationStartingDate>
            <OccupationEndingDate>2017-09-30</OccupationEndingDate>
            <JointCommissionNbr>999</JointCommissionNbr>
            <WorkingDaysSystem>500</WorkingDaysSystem>
            <MeanWorkingHours>1600</MeanWorkingHours>
            <RefMeanWorkingHours>3200</RefMeanWorkingHours>
            <OccupationFeatures>
              <OccupationInterruption>2</OccupationInterruption>
              <WorkScheduleCode>98</WorkScheduleCode>
            </OccupationFeatures>
            <MonthlyDeclarationPartTimeWork>
              <TheoreticalSalary>
                <MonthlyTheoreticalSalaryAmount>97738</MonthlyTheoreticalSalaryAmount>
              </TheoreticalSalary>
              <ReferencePeriod>
                <RefStartingDate>2017-09-01</RefStartingDate>
                <RefEndingDate>2017-09-30</RefEndingDate>
                <ExactSalary>
                  <ExactSalaryCode>33</ExactSalaryCode>
                  <ExactSalaryAmount>97738</ExactSalaryAmount>
                </ExactSalary>
              </ReferencePeriod>
            </MonthlyDeclarationPartTimeWork>`;

const WECH003_OCCUPATION = `
            <OccupationStartingDate>2017-09-01</OccupationStartingDate>
            <JointCommissionNbr>999</JointCommissionNbr>
            <MeanWorkingHours>1600</MeanWorkingHours>
            <RefMeanWorkingHours>3200</RefMeanWorkingHours>
            <DeclarationPartTimeWorkWithMaintenanceRights>
              <DBRIndicatorInEntrepriseCadreMap>0</DBRIndicatorInEntrepriseCadreMap>
              <FullTimeOccupationRequest>1</FullTimeOccupationRequest>
              <TheoreticalSalary>
                <MonthlyTheoreticalSalaryAmount>97738</MonthlyTheoreticalSalaryAmount>
              </TheoreticalSalary>
            </DeclarationPartTimeWorkWithMaintenanceRights>`;

const document = (id: string, forms: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<${id}>${forms.join("")}\n</${id}>\n`;

describe("xsd-validator", () => {
  after(() => clearXsdCache());

  it("validates the official ACRF sample against official/ACRF_20231.xsd (from a file)", async () => {
    const xsd = await loadXsd("official/ACRF_20231.xsd");
    const result = await xsd.validateFile(`${RESPONSES}/ACRF_20231_1.xml`);
    expect(result).to.deep.equal({ valid: true, errors: [] });
  });

  it("caches a schema per name", async () => {
    const [a, b] = await Promise.all([loadXsd("official/ACRF_20231.xsd"), loadXsd("official/ACRF_20231.xsd")]);
    expect(a).to.equal(b);
  });

  it("loads the official ZIMA002, ZIMA005 and NOTIFICATION schemas", async () => {
    for (const name of ["official/ZIMA002_20231.xsd", "official/ZIMA005_20231.xsd", "official/NOTIFICATION_20223.xsd"]) {
      const xsd = await loadXsd(name);
      expect(xsd.name).to.equal(name);
      expect(xsd.validateString("<Nothing/>").valid, `${name} rejects a foreign root`).to.equal(false);
    }
  });

  it("reports a document that is not well-formed, with the line where parsing stopped", async () => {
    const xsd = await loadXsd("official/ACRF_20231.xsd");
    const result = xsd.validateString("<ACRF>\n  <Form>\n    <Identification>ACRF001</Ident>\n</ACRF>\n");
    expect(result.valid).to.equal(false);
    expect(result.errors.length).to.be.greaterThan(0);
    expect(result.errors[0].line).to.equal(3);
    expect(result.errors[0].message).to.not.match(/^\s|\s$/);
  });

  it("reports a well-formed but invalid document with the line of the offending element", async () => {
    const xsd = await loadXsd("official/ACRF_20231.xsd");
    const lines = readFileSync(`${RESPONSES}/ACRF_20231_1.xml`, "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes("<TypeForm>"));
    lines[at] = lines[at].replace("<TypeForm>PA</TypeForm>", "<TypeForm>XX</TypeForm>");
    const result = xsd.validateString(lines.join("\n"));
    expect(result.valid).to.equal(false);
    expect(result.errors.map((e) => e.line)).to.include(at + 1);
    expect(result.errors.map((e) => e.message).join("\n")).to.contain("TypeForm");
  });

  it("validates the official NOTIFICATION samples (accepted and refused) against official/NOTIFICATION_20223.xsd", async () => {
    const xsd = await loadXsd("official/NOTIFICATION_20223.xsd");
    for (const sample of ["NOTIFICATION_20224_1.xml", "NOTIFICATION_20224_2.xml"]) {
      expect(await xsd.validateFile(`${RESPONSES}/${sample}`), sample).to.deep.equal({ valid: true, errors: [] });
    }
  });

  it("rejects (the promise) when the file to validate does not exist", async () => {
    const xsd = await loadXsd("official/ACRF_20231.xsd");
    let failed = false;
    await xsd.validateFile("/nonexistent/file.xml").catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it("rejects a schema name that does not exist", async () => {
    let message = "";
    await loadXsd("no-such-schema.xsd").catch((e: Error) => (message = e.message));
    expect(message).to.contain("no-such-schema.xsd");
  });

  describe("WECH006_20233.xsd", () => {
    it("accepts a minimal teacher's monthly declaration (no NatureOfDay)", async () => {
      const xsd = await loadXsd("WECH006_20233.xsd");
      const result = xsd.validateString(document("WECH006", [form("WECH006", { occupation: WECH006_OCCUPATION })]));
      expect(result).to.deep.equal({ valid: true, errors: [] });
    });

    it("accepts NatureOfDay days and the OccupationRefused flag in their places", async () => {
      const xsd = await loadXsd("WECH006_20233.xsd");
      const occupation = WECH006_OCCUPATION.replace(
        "<MonthlyDeclarationPartTimeWork>",
        "<MonthlyDeclarationPartTimeWork>\n<OccupationRefused>0</OccupationRefused>",
      ).replace(
        "<ExactSalary>",
        "<NatureOfDay><DayIndicator>--09-04</DayIndicator><DayNatureCode>1.3</DayNatureCode><HoursNumber>0</HoursNumber></NatureOfDay>\n<ExactSalary>",
      );
      const result = xsd.validateString(document("WECH006", [form("WECH006", { occupation })]));
      expect(result).to.deep.equal({ valid: true, errors: [] });
    });

    it("rejects a forbidden zone (WorkerName) even in its place, naming it, with its line", async () => {
      const xsd = await loadXsd("WECH006_20233.xsd");
      const xml = document("WECH006", [
        form("WECH006", { occupation: WECH006_OCCUPATION, naturalPersonExtra: "\n        <WorkerName>Peeters</WorkerName>" }),
      ]);
      const result = xsd.validateString(xml);
      expect(result.valid).to.equal(false);
      const line = xml.split("\n").findIndex((l) => l.includes("<WorkerName>")) + 1;
      expect(result.errors[0].line).to.equal(line);
      expect(result.errors[0].message).to.contain("WorkerName");
    });

    it("rejects another ExactSalaryCode than 33 and a missing ExactSalary", async () => {
      const xsd = await loadXsd("WECH006_20233.xsd");
      const code = xsd.validateString(
        document("WECH006", [form("WECH006", { occupation: WECH006_OCCUPATION.replace("<ExactSalaryCode>33<", "<ExactSalaryCode>1<") })]),
      );
      expect(code.valid).to.equal(false);
      const missing = xsd.validateString(
        document("WECH006", [form("WECH006", { occupation: WECH006_OCCUPATION.replace(/<ExactSalary>[\s\S]*<\/ExactSalary>/, "") })]),
      );
      expect(missing.valid).to.equal(false);
    });

    it(`reports at most ${MAX_XSD_ERRORS} errors`, async () => {
      const xsd = await loadXsd("WECH006_20233.xsd");
      const forms = Array.from({ length: MAX_XSD_ERRORS + 10 }, () => form("WECH006", { occupation: WECH006_OCCUPATION, risk: "002" }));
      const result = xsd.validateString(document("WECH006", forms));
      expect(result.valid).to.equal(false);
      expect(result.errors).to.have.length(MAX_XSD_ERRORS);
    });
  });

  describe("WECH003_20233.xsd", () => {
    it("accepts a minimal start-of-part-time-work declaration", async () => {
      const xsd = await loadXsd("WECH003_20233.xsd");
      const result = xsd.validateString(document("WECH003", [form("WECH003", { occupation: WECH003_OCCUPATION })]));
      expect(result).to.deep.equal({ valid: true, errors: [] });
    });

    it("rejects a WECH006 identification and a forbidden WorkerBirthdate", async () => {
      const xsd = await loadXsd("WECH003_20233.xsd");
      const wrongId = xsd.validateString(
        document("WECH003", [form("WECH003", { occupation: WECH003_OCCUPATION })]).replace(
          "<Identification>WECH003<",
          "<Identification>WECH006<",
        ),
      );
      expect(wrongId.valid).to.equal(false);
      const birth = xsd.validateString(
        document("WECH003", [
          form("WECH003", { occupation: WECH003_OCCUPATION, naturalPersonExtra: "<WorkerBirthdate>1985-07-30</WorkerBirthdate>" }),
        ]),
      );
      expect(birth.valid).to.equal(false);
      expect(birth.errors[0].message).to.contain("WorkerBirthdate");
    });
  });
});
