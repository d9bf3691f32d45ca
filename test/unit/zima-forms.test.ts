/**
 * The ZIMA002, ZIMA003 and ZIMA005 form objects: built from hand-made declarations, written as a whole batch
 * file (root element = form type, the writer's formXml), validated against the OFFICIAL XSDs
 * (schemas/official/ZIMA00x_20231.xsd), and read back to check the values the XML carries.
 */
import { expect } from "chai";
import { XMLParser } from "fast-xml-parser";
import { formDefaults } from "../../mappings/form-defaults";
import { cents } from "../../src/domain/money";
import { holidayYearPeriod } from "../../src/domain/reference-period";
import { formXml } from "../../src/files/form-file-writer";
import { loadXsd, type XsdResult } from "../../src/files/xsd-validator";
import { buildForm, cancellationForm } from "../../src/form-types/forms";
import { checkGlossaryConditions } from "../../src/form-types/glossary-check";
import type { FormContext, FormNode } from "../../src/forms/form-envelope";
import type {
  AdaptedWorkPeriod,
  DecisionUnit,
  OccupationFacts,
  Wech006Declaration,
  Zima002Declaration,
  Zima003Declaration,
  Zima005Declaration,
} from "../../src/rules/decision-types";
import { unknownAssignmentContext } from "../../src/rules/benefits-person";
import { unitContentHash } from "../../src/run/unit-hashes";

/** A woman's INSZ (even counter 034): sub-risk 2 of ZIMA002 and ZIMA003 need one (glossary 00024). */
const INSZ = "85073003427";
const TICKET = "340000JEDT00A";

const context: FormContext = {
  stamp: { creationDate: "2026-11-05", creationHour: "10:00:00.000" },
  employer: { nossNumber: "123456749", kboNumber: "0123456749", senderNumber: "900123" },
  defaults: formDefaults,
  sequenceNbr: 1,
};

const occupation: OccupationFacts = {
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

const person = { staffId: 1, insz: INSZ, lastName: "Peeters", firstName: "An" };

function period(overrides: Partial<AdaptedWorkPeriod>): AdaptedWorkPeriod {
  return {
    adaptedWorkId: 1,
    start: "2026-10-01",
    end: "2026-10-31",
    adaptedQ: 1000,
    adaptedDaysPerWeek: 300,
    services: [],
    dayNatures: [],
    exactWages: [],
    severance: null,
    ...overrides,
  };
}

function zima002(overrides: Partial<Zima002Declaration>): Zima002Declaration {
  return { formType: "ZIMA002", person, occupation, referencePeriod: "2026-10", subRisk: 1, periods: [period({})], ...overrides };
}

function zima005(overrides: Partial<Zima005Declaration>): Zima005Declaration {
  return {
    formType: "ZIMA005",
    person,
    occupation,
    holidayYear: 2025,
    subRisk: 1,
    holidaySector: 1,
    adaptedWork: null,
    details: [],
    ...overrides,
  };
}

/** A whole batch file of these forms, as FormFileWriter writes it. */
function document(root: string, ...forms: FormNode[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n${forms.map(formXml).join("\n")}\n</${root}>\n`;
}

const REPEATED = new Set(["Form", "OccupationLink", "Service", "NatureOfDay", "ExactSalary", "HolidayDetail", "Reference"]);
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => REPEATED.has(name) });
type Xml = { [key: string]: string | Xml | Xml[] };

/** The forms of a written document, read back (values as text). */
function readBack(root: string, xml: string): Xml[] {
  return (parser.parse(xml) as Record<string, Xml>)[root].Form as Xml[];
}

async function validate(root: "ZIMA002" | "ZIMA003" | "ZIMA005", xml: string): Promise<XsdResult> {
  return (await loadXsd(`official/${root}_20231.xsd`)).validateString(xml);
}

/** Builds, writes, validates against the XSD and the glossary's conditions (asserting valid) and reads back one form. */
async function writtenValid(root: "ZIMA002" | "ZIMA003" | "ZIMA005", form: FormNode): Promise<Xml> {
  expect(checkGlossaryConditions(root, form), "glossary conditions").to.deep.equal([]);
  const xml = document(root, form);
  const result = await validate(root, xml);
  expect(result.errors, xml).to.deep.equal([]);
  expect(result.valid).to.equal(true);
  return readBack(root, xml)[0];
}

const naturalPerson = (form: Xml) => (form.EmployerDeclarationLink as Xml).NaturalPerson as Xml;
const workerRecord = (form: Xml) => naturalPerson(form).WorkerRecordLink as Xml;
const links = (form: Xml) => workerRecord(form).OccupationLink as Xml[];
const refPeriod = (link: Xml) => link.ReferencePeriod as Xml;

describe("ZIMA002 form (official XSD ZIMA002_20231)", () => {
  it("writes the envelope in XSD order: contact person, risk = 00 + sub-risk, NaturalPerson with only sequence number and INSZ", async () => {
    const form = await writtenValid(
      "ZIMA002",
      buildForm(zima002({ subRisk: 2, periods: [period({ exactWages: [{ code: "01", amount: cents(150000) }] })] }), context),
    );
    expect(Object.keys(form)).to.deep.equal([
      "Identification",
      "FormCreationDate",
      "FormCreationHour",
      "AttestationStatus",
      "TypeForm",
      "CoordinatesContactPerson",
      "DclInformation",
      "RiskIdentification",
      "EmployerDeclarationLink",
    ]);
    expect(form.Identification).to.equal("ZIMA002");
    expect(form.TypeForm).to.equal("SU");
    expect(form.AttestationStatus).to.equal("0");
    expect(form.CoordinatesContactPerson).to.deep.equal({
      Name: "Cel e-ASR",
      FirstName: "AGODI",
      Communication: { EmailAddress: "easr@agodi.invalid" },
    });
    expect(form.RiskIdentification).to.deep.equal({ IdentificationOfRisk: "002" });
    // The employer-wide constants (zima-1-3-6.md §0.3): printable copy in Dutch (00156 = 1), no trusteeship (00012 = 0),
    // the ministry's NOSS and KBO numbers; the creation stamp as the run gives it.
    expect([form.FormCreationDate, form.FormCreationHour, form.DclInformation]).to.deep.equal([
      "2026-11-05",
      "10:00:00.000",
      { LanguageCodePdf: "1" },
    ]);
    const employer = form.EmployerDeclarationLink as Xml;
    expect([employer.NOSSRegistrationNbr, employer.Trusteeship, employer.CompanyID]).to.deep.equal(["123456749", "0", "0123456749"]);
    expect(Object.keys(naturalPerson(form))).to.deep.equal(["NaturalPersonSequenceNbr", "INSS", "WorkerRecordLink"]);
    expect(naturalPerson(form).INSS).to.equal(INSZ);
    expect(workerRecord(form).EmployerClass).to.equal("011");
    expect(workerRecord(form).WorkerCode).to.equal("495");
  });

  it("sub-risk 1 with two periods: two OccupationLinks with their own dates and adapted Q, Service blocks, no NatureOfDay or ExactSalary", async () => {
    const declaration = zima002({
      subRisk: 1,
      periods: [
        period({
          start: "2026-10-01",
          end: "2026-10-14",
          adaptedQ: 1000,
          adaptedDaysPerWeek: 300,
          services: [{ code: "1", days: 600, hours: 2000 }],
        }),
        period({
          adaptedWorkId: 2,
          start: "2026-10-15",
          end: "2026-10-31",
          adaptedQ: 1600,
          adaptedDaysPerWeek: 400,
          services: [
            { code: "1", days: null, hours: 3600 },
            { code: "3", days: 100, hours: 400 },
          ],
        }),
      ],
    });
    const form = await writtenValid("ZIMA002", buildForm(declaration, context));
    expect((form.RiskIdentification as Xml).IdentificationOfRisk).to.equal("001");
    const [first, second] = links(form);
    expect(links(form)).to.have.length(2);
    for (const link of [first, second]) {
      expect(Object.keys(link)).to.deep.equal([
        "OccupationStartingDate",
        "JointCommissionNbr",
        "WorkingDaysSystem",
        "MeanWorkingHours",
        "RefMeanWorkingHours",
        "ExceptSituationCalculBase",
        "ReferencePeriod",
      ]);
      expect([link.OccupationStartingDate, link.WorkingDaysSystem, link.MeanWorkingHours, link.RefMeanWorkingHours]).to.deep.equal([
        "2015-09-01",
        "500",
        "1600",
        "3200",
      ]);
      expect(refPeriod(link)).to.not.have.any.keys("NatureOfDay", "ExactSalary");
    }
    expect([refPeriod(first).RefStartingDate, refPeriod(first).RefEndingDate]).to.deep.equal(["2026-10-01", "2026-10-14"]);
    expect([refPeriod(second).RefStartingDate, refPeriod(second).RefEndingDate]).to.deep.equal(["2026-10-15", "2026-10-31"]);
    expect(first.ExceptSituationCalculBase).to.deep.equal({
      ExceptSituationMeanWorkingHours: "1000",
      ExceptSituationWorkingDaysSystem: "300",
    });
    expect(second.ExceptSituationCalculBase).to.deep.equal({
      ExceptSituationMeanWorkingHours: "1600",
      ExceptSituationWorkingDaysSystem: "400",
    });
    expect(refPeriod(first).Service).to.deep.equal([
      { ServiceSequenceNbr: "1", ServiceCode: "1", ServiceNbrDays: "600", ServiceNbrHours: "2000" },
    ]);
    expect(refPeriod(second).Service).to.deep.equal([
      { ServiceSequenceNbr: "1", ServiceCode: "1", ServiceNbrHours: "3600" },
      { ServiceSequenceNbr: "2", ServiceCode: "3", ServiceNbrDays: "100", ServiceNbrHours: "400" },
    ]);
  });

  it("sub-risk 1 never writes day-nature or wage lines, even when a declaration carries them", async () => {
    const declaration = zima002({
      subRisk: 1,
      periods: [
        period({
          services: [{ code: "1", days: null, hours: 4000 }],
          dayNatures: [{ day: "2026-10-05", code: "3.1", hours: 760 }],
          exactWages: [{ code: "01", amount: cents(1000) }],
        }),
      ],
    });
    const form = await writtenValid("ZIMA002", buildForm(declaration, context));
    expect(Object.keys(refPeriod(links(form)[0]))).to.deep.equal(["RefStartingDate", "RefEndingDate", "Service"]);
  });

  it("sub-risk 2: NatureOfDay (--MM-DD) before ExactSalary (3-digit wage codes), no Service", async () => {
    const declaration = zima002({
      subRisk: 2,
      occupation: { ...occupation, daysPerWeek: 400 },
      periods: [
        period({
          services: [{ code: "1", days: null, hours: 4000 }],
          dayNatures: [
            { day: "2026-10-05", code: "3.1", hours: 760 },
            { day: "2026-10-06", code: "5.4", hours: 380 },
          ],
          exactWages: [
            { code: "01", amount: cents(123456) },
            { code: "05", amount: cents(2000) },
          ],
        }),
      ],
    });
    const form = await writtenValid("ZIMA002", buildForm(declaration, context));
    const link = links(form)[0];
    expect(link.WorkingDaysSystem).to.equal("400");
    expect(Object.keys(refPeriod(link))).to.deep.equal(["RefStartingDate", "RefEndingDate", "NatureOfDay", "ExactSalary"]);
    expect(refPeriod(link).NatureOfDay).to.deep.equal([
      { DayIndicator: "--10-05", DayNatureCode: "3.1", HoursNumber: "760" },
      { DayIndicator: "--10-06", DayNatureCode: "5.4", HoursNumber: "380" },
    ]);
    expect(refPeriod(link).ExactSalary).to.deep.equal([
      { ExactSalaryCode: "001", ExactSalaryAmount: "123456" },
      { ExactSalaryCode: "005", ExactSalaryAmount: "2000" },
    ]);
  });

  it("a month without pay is code 001 with amount 0; so is an earlier period of the month without wage lines", async () => {
    const zero = await writtenValid(
      "ZIMA002",
      buildForm(zima002({ subRisk: 2, periods: [period({ exactWages: [{ code: "01", amount: cents(0) }] })] }), context),
    );
    expect(refPeriod(links(zero)[0]).ExactSalary).to.deep.equal([{ ExactSalaryCode: "001", ExactSalaryAmount: "0" }]);
    const split = zima002({
      subRisk: 2,
      periods: [
        period({ end: "2026-10-09" }),
        period({ adaptedWorkId: 2, start: "2026-10-10", adaptedQ: 1400, exactWages: [{ code: "01", amount: cents(98000) }] }),
      ],
    });
    const form = await writtenValid("ZIMA002", buildForm(split, context));
    expect(links(form).map((l) => refPeriod(l).ExactSalary)).to.deep.equal([
      [{ ExactSalaryCode: "001", ExactSalaryAmount: "0" }],
      [{ ExactSalaryCode: "001", ExactSalaryAmount: "98000" }],
    ]);
  });

  it("severance pay: the ending occupation carries its end date and SeverancePayment before the special-situations block", async () => {
    const declaration = zima002({
      subRisk: 2,
      occupation: { ...occupation, endDate: "2026-10-20" },
      periods: [
        period({
          end: "2026-10-20",
          exactWages: [{ code: "01", amount: cents(80000) }],
          severance: { start: "2026-10-21", end: "2026-12-31", amount: cents(450000) },
        }),
      ],
    });
    const form = await writtenValid("ZIMA002", buildForm(declaration, context));
    const link = links(form)[0];
    expect(Object.keys(link)).to.deep.equal([
      "OccupationStartingDate",
      "OccupationEndingDate",
      "JointCommissionNbr",
      "WorkingDaysSystem",
      "MeanWorkingHours",
      "RefMeanWorkingHours",
      "SeverancePayment",
      "ExceptSituationCalculBase",
      "ReferencePeriod",
    ]);
    expect(link.OccupationEndingDate).to.equal("2026-10-20");
    expect(link.SeverancePayment).to.deep.equal({
      SeverancePaymentStartDate: "2026-10-21",
      SeverancePaymentEndDate: "2026-12-31",
      SeverancePaymentRemuneration: "450000",
    });
  });

  it("an occupation ending after the reference month carries no OccupationEndingDate", async () => {
    const form = await writtenValid(
      "ZIMA002",
      buildForm(
        zima002({
          occupation: { ...occupation, endDate: "2027-06-30" },
          periods: [period({ services: [{ code: "1", days: null, hours: 100 }] })],
        }),
        context,
      ),
    );
    expect(links(form)[0]).to.not.have.property("OccupationEndingDate");
  });

  it("a modification carries AttestationStatus 1 and the ticket Reference after RiskIdentification, and validates", async () => {
    const form = await writtenValid(
      "ZIMA002",
      buildForm(zima002({ subRisk: 2, periods: [period({ exactWages: [{ code: "01", amount: cents(1) }] })] }), {
        ...context,
        correction: { attestationStatus: 1, ticket: TICKET },
      }),
    );
    expect(form.AttestationStatus).to.equal("1");
    expect(form.Reference).to.deep.equal([{ ReferenceType: "3", ReferenceOrigin: "2", ReferenceNbr: TICKET }]);
    expect(Object.keys(form).slice(5)).to.deep.equal([
      "CoordinatesContactPerson",
      "DclInformation",
      "RiskIdentification",
      "Reference",
      "EmployerDeclarationLink",
    ]);
  });

  it("a cancellation carries status 3, the ticket, the person, the given risk code and no WorkerRecordLink, and validates", async () => {
    const form = await writtenValid("ZIMA002", cancellationForm("ZIMA002", INSZ, TICKET, context, "2026-10", "002"));
    expect(form.AttestationStatus).to.equal("3");
    expect(form.Reference).to.deep.equal([{ ReferenceType: "3", ReferenceOrigin: "2", ReferenceNbr: TICKET }]);
    expect((form.RiskIdentification as Xml).IdentificationOfRisk).to.equal("002");
    expect(naturalPerson(form)).to.deep.equal({ NaturalPersonSequenceNbr: "1", INSS: INSZ });
    const withoutRisk = await writtenValid("ZIMA002", cancellationForm("ZIMA002", INSZ, TICKET, context, null));
    expect((withoutRisk.RiskIdentification as Xml).IdentificationOfRisk).to.equal("001");
  });

  it("the XSD is really applied: a worker name (maxOccurs 0) or a missing contact person is rejected", async () => {
    const form = buildForm(zima002({ periods: [period({ services: [{ code: "1", days: null, hours: 100 }] })] }), context);
    const link = form.EmployerDeclarationLink as FormNode;
    const { NaturalPersonSequenceNbr, INSS, WorkerRecordLink } = link.NaturalPerson as FormNode;
    const named: FormNode = {
      ...form,
      EmployerDeclarationLink: { ...link, NaturalPerson: { NaturalPersonSequenceNbr, INSS, WorkerName: "Peeters", WorkerRecordLink } },
    };
    const rejected = await validate("ZIMA002", document("ZIMA002", named));
    expect(rejected.valid).to.equal(false);
    expect(rejected.errors.map((e) => e.message).join("\n")).to.contain("WorkerName");
    const { CoordinatesContactPerson: _contact, ...withoutContact } = form;
    const missing = await validate("ZIMA002", document("ZIMA002", withoutContact));
    expect(missing.valid).to.equal(false);
    expect(missing.errors.map((e) => e.message).join("\n")).to.contain("CoordinatesContactPerson");
  });

  it("several forms in one file validate together, and a contact phone number goes before the e-mail address", async () => {
    const defaults = { ...formDefaults, contactPerson: { ...formDefaults.contactPerson, phone: "+32 2 000 00 00" } };
    const a = buildForm(zima002({ periods: [period({ services: [{ code: "1", days: null, hours: 100 }] })] }), { ...context, defaults });
    const b = buildForm(zima002({ subRisk: 2, periods: [period({ exactWages: [{ code: "01", amount: cents(0) }] })] }), {
      ...context,
      defaults,
      sequenceNbr: 2,
    });
    const xml = document("ZIMA002", a, b);
    expect((await validate("ZIMA002", xml)).errors).to.deep.equal([]);
    const forms = readBack("ZIMA002", xml);
    expect(forms).to.have.length(2);
    expect((forms[1].CoordinatesContactPerson as Xml).Communication).to.deep.equal({
      PhoneNbr: "+32 2 000 00 00",
      EmailAddress: "easr@agodi.invalid",
    });
    expect(Object.keys((forms[1].CoordinatesContactPerson as Xml).Communication)).to.deep.equal(["PhoneNbr", "EmailAddress"]);
  });
});

/** Two detail lines of a part-timer (Q 16 of S 32) of sub-risk 1: days and hours each (glossary 00198, 90089). */
const PART_TIME_DETAILS = [
  { code: 1, days: 1000, hours: 7600 },
  { code: 3, days: 200, hours: 1520 },
];

describe("ZIMA005 form (official XSD ZIMA005_20231)", () => {
  it("sub-risk 1, private sector: HolidayYear before WorkerRecordLink, four details, days in tenths (8.5 → 85), a part-timer's hours; none for a full-timer", async () => {
    const declaration = zima005({
      subRisk: 1,
      details: [
        { code: 1, days: 2000, hours: 15200 },
        { code: 2, days: 850, hours: 6460 },
        { code: 3, days: 0, hours: 0 },
        { code: 5, days: 150, hours: 1140 },
      ],
    });
    const form = await writtenValid("ZIMA005", buildForm(declaration, context));
    expect(form.Identification).to.equal("ZIMA005");
    expect(form.TypeForm).to.equal("SU");
    expect((form.RiskIdentification as Xml).IdentificationOfRisk).to.equal("001");
    expect(Object.keys(naturalPerson(form))).to.deep.equal(["NaturalPersonSequenceNbr", "INSS", "HolidayYear", "WorkerRecordLink"]);
    expect(naturalPerson(form).HolidayYear).to.deep.equal({ HolidaysYear: "2025" });
    const link = links(form)[0];
    expect(Object.keys(link)).to.deep.equal([
      "OccupationStartingDate",
      "JointCommissionNbr",
      "WorkingDaysSystem",
      "MeanWorkingHours",
      "RefMeanWorkingHours",
      "HolidaysSector",
    ]);
    // The occupation as declared: its start, no committee (999), days unknown for a teacher (500, §0.3), Q 16 of S 32; 011/495.
    expect([
      link.OccupationStartingDate,
      link.JointCommissionNbr,
      link.WorkingDaysSystem,
      link.MeanWorkingHours,
      link.RefMeanWorkingHours,
    ]).to.deep.equal(["2015-09-01", "999", "500", "1600", "3200"]);
    expect([workerRecord(form).EmployerClass, workerRecord(form).WorkerCode]).to.deep.equal(["011", "495"]);
    expect(link.HolidaysSector).to.deep.equal({
      HolidaySectorIndicator: "1",
      HolidayDetail: [
        { HolidayCode: "1", HolidayDaysNumber: "200", HolidayHoursNumber: "15200" },
        { HolidayCode: "2", HolidayDaysNumber: "85", HolidayHoursNumber: "6460" },
        { HolidayCode: "3", HolidayDaysNumber: "0", HolidayHoursNumber: "0" },
        { HolidayCode: "5", HolidayDaysNumber: "15", HolidayHoursNumber: "1140" },
      ],
    });
    // A full-timer (Q = S): the rules give no hours, and the form carries none (00198 "Verboden" then).
    const fullTime = zima005({
      occupation: { ...occupation, q: 3200 },
      details: [
        { code: 1, days: 2000, hours: null },
        { code: 3, days: 200, hours: null },
      ],
    });
    expect((links(await writtenValid("ZIMA005", buildForm(fullTime, context)))[0].HolidaysSector as Xml).HolidayDetail).to.deep.equal([
      { HolidayCode: "1", HolidayDaysNumber: "200" },
      { HolidayCode: "3", HolidayDaysNumber: "20" },
    ]);
  });

  it("sub-risk 4 (adapted work): risk 004 and the special-situations block before HolidaysSector", async () => {
    const declaration = zima005({
      subRisk: 4,
      adaptedWork: { q: 1900, daysPerWeek: 250 },
      details: [
        { code: 8, days: 1250, hours: 4750 },
        { code: 9, days: 50, hours: 190 },
      ],
    });
    const form = await writtenValid("ZIMA005", buildForm(declaration, context));
    expect((form.RiskIdentification as Xml).IdentificationOfRisk).to.equal("004");
    const link = links(form)[0];
    expect(Object.keys(link).slice(-2)).to.deep.equal(["ExceptSituationCalculBase", "HolidaysSector"]);
    expect(link.ExceptSituationCalculBase).to.deep.equal({
      ExceptSituationMeanWorkingHours: "1900",
      ExceptSituationWorkingDaysSystem: "250",
    });
    expect((link.HolidaysSector as Xml).HolidayDetail).to.deep.equal([
      { HolidayCode: "8", HolidayDaysNumber: "125", HolidayHoursNumber: "4750" },
      { HolidayCode: "9", HolidayDaysNumber: "5", HolidayHoursNumber: "190" },
    ]);
  });

  it("public sector (2) and no sector (3) carry the indicator only, never HolidayDetail", async () => {
    for (const holidaySector of [2, 3] as const) {
      const form = await writtenValid(
        "ZIMA005",
        buildForm(zima005({ subRisk: 2, holidaySector, details: [{ code: 8, days: 1000, hours: null }] }), context),
      );
      expect(links(form)[0].HolidaysSector, `sector ${holidaySector}`).to.deep.equal({ HolidaySectorIndicator: String(holidaySector) });
    }
  });

  it("an occupation ending in the holiday year carries its end date; one ending later does not", async () => {
    const ended = await writtenValid(
      "ZIMA005",
      buildForm(zima005({ occupation: { ...occupation, endDate: "2025-06-30" }, details: PART_TIME_DETAILS }), context),
    );
    expect(links(ended)[0].OccupationEndingDate).to.equal("2025-06-30");
    const later = await writtenValid(
      "ZIMA005",
      buildForm(zima005({ occupation: { ...occupation, endDate: "2026-06-30" }, details: PART_TIME_DETAILS }), context),
    );
    expect(links(later)[0]).to.not.have.property("OccupationEndingDate");
  });

  it("days that are not whole half days cannot be written", () => {
    expect(() => buildForm(zima005({ details: [{ code: 1, days: 825, hours: null }] }), context)).to.throw(/half days/);
  });

  it("a modification validates with status 1 and its ticket", async () => {
    const form = await writtenValid(
      "ZIMA005",
      buildForm(zima005({ details: PART_TIME_DETAILS }), {
        ...context,
        correction: { attestationStatus: 1, ticket: TICKET },
      }),
    );
    expect(form.AttestationStatus).to.equal("1");
    expect(form.Reference).to.deep.equal([{ ReferenceType: "3", ReferenceOrigin: "2", ReferenceNbr: TICKET }]);
  });

  it("a cancellation keeps the HolidayYear of its reference period, has no WorkerRecordLink, and validates", async () => {
    const form = await writtenValid("ZIMA005", cancellationForm("ZIMA005", INSZ, TICKET, { ...context, sequenceNbr: 7 }, "2025", "003"));
    expect(form.AttestationStatus).to.equal("3");
    expect((form.RiskIdentification as Xml).IdentificationOfRisk).to.equal("003");
    expect(naturalPerson(form)).to.deep.equal({ NaturalPersonSequenceNbr: "7", INSS: INSZ, HolidayYear: { HolidaysYear: "2025" } });
    expect(() => cancellationForm("ZIMA005", INSZ, TICKET, context, null)).to.throw(/holiday year/);
    expect(() => cancellationForm("ZIMA005", INSZ, TICKET, context, "2025-01")).to.throw(/holiday year/);
  });

  it("the XSD is really applied: a ZIMA005 without its HolidayYear is rejected", async () => {
    const form = buildForm(zima005({ details: [{ code: 1, days: 1000, hours: null }] }), context);
    const link = form.EmployerDeclarationLink as FormNode;
    const { HolidayYear: _year, ...person } = link.NaturalPerson as FormNode;
    const result = await validate("ZIMA005", document("ZIMA005", { ...form, EmployerDeclarationLink: { ...link, NaturalPerson: person } }));
    expect(result.valid).to.equal(false);
    expect(result.errors.map((e) => e.message).join("\n")).to.contain("HolidayYear");
  });
});

describe("WECH forms are unchanged by the ZIMA envelope", () => {
  it("a WECH006 form has no contact person, risk 001 and the same element order as before", () => {
    const declaration: Wech006Declaration = {
      formType: "WECH006",
      person,
      occupation: { ...occupation, startDate: "2017-09-01", endDate: "2018-06-30" },
      referencePeriod: "2017-11",
      occupationStartingDate: "2017-11-01",
      occupationEndingDate: "2017-11-30",
      exactSalary: cents(90000),
      occupationInterruption: 2,
      meanWorkingHours: occupation.q,
      theoreticalSalary: occupation.monthlySalary,
      assignmentIds: [occupation.assignmentId],
      facts: { occupationPerMille: 500, occupiedDays: 30, occupationLimitPercent: 80, monthGross: cents(90000), threshold: cents(160000) },
    };
    const form = buildForm(declaration, context);
    expect(Object.keys(form)).to.deep.equal([
      "Identification",
      "FormCreationDate",
      "FormCreationHour",
      "AttestationStatus",
      "TypeForm",
      "DclInformation",
      "RiskIdentification",
      "EmployerDeclarationLink",
    ]);
    expect(form.RiskIdentification).to.deep.equal({ IdentificationOfRisk: "001" });
    expect(formXml(form)).to.not.contain("CoordinatesContactPerson");
    const cancellation = cancellationForm("WECH003", INSZ, TICKET, context);
    expect(Object.keys(cancellation)).to.not.include("CoordinatesContactPerson");
    expect((cancellation.EmployerDeclarationLink as FormNode).NaturalPerson).to.deep.equal({ NaturalPersonSequenceNbr: 1, INSS: INSZ });
  });
});

describe("the content hash of a ZIMA unit (what a later run compares to decide a modification)", () => {
  const unit = (declaration: Zima005Declaration): DecisionUnit => ({
    formType: "ZIMA005",
    staffId: 1,
    assignmentId: occupation.assignmentId,
    referencePeriod: holidayYearPeriod(declaration.holidayYear),
    context: unknownAssignmentContext(occupation.assignmentId),
    outcome: { status: "declared", declaration },
  });
  const hashContext = { stamp: context.stamp, employer: context.employer, defaults: context.defaults };

  it("ignores the agency's contact person, and changes with what is declared", () => {
    const declaration = zima005({ details: [{ code: 1, days: 850, hours: null }] });
    const base = unitContentHash(unit(declaration), hashContext);
    const otherContact = {
      ...hashContext,
      defaults: { ...formDefaults, contactPerson: { ...formDefaults.contactPerson, email: "other@agodi.invalid" } },
    };
    expect(unitContentHash(unit(declaration), otherContact)).to.equal(base);
    expect(unitContentHash(unit(zima005({ details: [{ code: 1, days: 900, hours: null }] })), hashContext)).to.not.equal(base);
  });
});

describe("ZIMA003 form (official XSD ZIMA003_20231)", () => {
  /**
   * Two assignments of October 2026 with different worker codes: 495 (the D13 default) and 015 (a
   * contractual teacher's, as payroll may give it) — each pair (00036, 00037) is its own WorkerRecordLink.
   */
  const declaration: Zima003Declaration = {
    formType: "ZIMA003",
    person,
    occupation,
    referencePeriod: "2026-10",
    links: [
      { occupation, period: { start: "2026-10-01", end: "2026-10-31" }, halfHourBreaks: 30, hourlyWage: 303644 },
      {
        occupation: {
          ...occupation,
          assignmentId: 12,
          workerCode: "015",
          startDate: "2026-10-12",
          endDate: "2026-10-20",
          q: 1000,
          s: 3800,
        },
        period: { start: "2026-10-12", end: "2026-10-20" },
        halfHourBreaks: 12,
        hourlyWage: 576923,
      },
      // Back to 011/495: it joins the first WorkerRecordLink, though a link of another pair stands between.
      {
        occupation: { ...occupation, assignmentId: 13, startDate: "2024-09-01", endDate: "2026-10-31", q: 1900, s: 3800, daysPerWeek: 250 },
        period: { start: "2026-10-01", end: "2026-10-31" },
        halfHourBreaks: 10,
        hourlyWage: 303644,
      },
    ],
  };

  it("one WorkerRecordLink per pair of employer class and worker code, each with its OccupationLink and ReferencePeriod; risk 001", async () => {
    const form = await writtenValid(
      "ZIMA003",
      buildForm(declaration, { ...context, stamp: { ...context.stamp, creationDate: "2026-11-05" } }),
    );
    expect((form.RiskIdentification as Xml).IdentificationOfRisk).to.equal("001");
    const records = naturalPerson(form).WorkerRecordLink as unknown as Xml[];
    expect(
      records.map((r) => [r.EmployerClass, r.WorkerCode, (r.OccupationLink as Xml[]).map((l) => l.OccupationStartingDate)]),
    ).to.deep.equal([
      ["011", "495", ["2015-09-01", "2024-09-01"]],
      ["011", "015", ["2026-10-12"]],
    ]);
    const [first, third] = records[0].OccupationLink as Xml[];
    // Days a week unknown (a teacher): 500 (§0.3); the occupation goes on after October: no 00045.
    expect([first.WorkingDaysSystem, first.OccupationEndingDate, first.JointCommissionNbr]).to.deep.equal(["500", undefined, "999"]);
    // Ending on the month's last day is ending in the month: 00045 written.
    expect([third.WorkingDaysSystem, third.OccupationEndingDate, third.MeanWorkingHours, third.RefMeanWorkingHours]).to.deep.equal([
      "250",
      "2026-10-31",
      "1900",
      "3800",
    ]);
    const second = (records[1].OccupationLink as Xml[])[0];
    // Zone 00045: the occupation ends within the month (20 October), so it is written; the period ends with it.
    expect([
      second.OccupationStartingDate,
      second.OccupationEndingDate,
      refPeriod(second).RefStartingDate,
      refPeriod(second).RefEndingDate,
    ]).to.deep.equal(["2026-10-12", "2026-10-20", "2026-10-12", "2026-10-20"]);
    expect(refPeriod(second).BreastFeedingPause).to.deep.equal({ BreastFeedingPauseNbr: "12", BreastFeedingHourlyGrossSalary: "576923" });
  });

  it("a modification carries AttestationStatus 1 and the ticket, and validates; a cancellation has no WorkerRecordLink", async () => {
    const modified = await writtenValid(
      "ZIMA003",
      buildForm(declaration, { ...context, correction: { attestationStatus: 1, ticket: TICKET } }),
    );
    expect([modified.AttestationStatus, (modified.Reference as unknown as Xml[])[0]]).to.deep.equal([
      "1",
      { ReferenceType: "3", ReferenceOrigin: "2", ReferenceNbr: TICKET },
    ]);
    const cancelled = await writtenValid("ZIMA003", cancellationForm("ZIMA003", INSZ, TICKET, context, "2026-10", "001"));
    expect([cancelled.AttestationStatus, naturalPerson(cancelled).WorkerRecordLink]).to.deep.equal(["3", undefined]);
  });
});
