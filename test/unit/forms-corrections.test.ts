/** Modification and cancellation forms: their Reference block and, for a cancellation, no worker record — valid against the XSDs. */
import { expect } from "chai";
import { formDefaults } from "../../mappings/form-defaults";
import { cents } from "../../src/domain/money";
import { formXml } from "../../src/files/form-file-writer";
import { loadXsd } from "../../src/files/xsd-validator";
import { buildForm, cancellationForm } from "../../src/form-types/forms";
import type { FormContext } from "../../src/forms/form-envelope";
import type { Wech006Declaration } from "../../src/rules/decision-types";

const context: FormContext = {
  stamp: { creationDate: "2026-11-24", creationHour: "10:00:00.000" },
  employer: { nossNumber: "123456749", kboNumber: "0123456749", senderNumber: "900123" },
  defaults: formDefaults,
  sequenceNbr: 1,
};

const declaration: Wech006Declaration = {
  formType: "WECH006",
  person: { staffId: 1, insz: "85073003328", lastName: "X", firstName: "Y" },
  occupation: {
    assignmentId: 11,
    institutionId: 1,
    institutionName: "School",
    level: "BaO",
    boardId: 1,
    boardName: "Board",
    agency: "AGODI",
    startDate: "2017-09-01",
    endDate: "2018-06-30",
    numerator: 1600,
    denominator: 3200,
    q: 1600,
    s: 3200,
    daysPerWeek: null,
    monthlySalary: cents(97738),
    employerClass: "011",
    workerCode: "495",
    jointCommittee: "999",
  },
  referencePeriod: "2017-11",
  occupationStartingDate: "2017-11-01",
  occupationEndingDate: "2017-11-30",
  occupationInterruption: 2,
  meanWorkingHours: 1600,
  theoreticalSalary: cents(97738),
  assignmentIds: [11],
  exactSalary: cents(90000),
  facts: { occupationPerMille: 500, occupiedDays: 30, occupationLimitPercent: 80, monthGross: cents(90000), threshold: cents(160000) },
};

function document(root: string, form: object): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n${formXml(form as never)}\n</${root}>\n`;
}

describe("correction forms (AttestationStatus 1 and 3)", () => {
  it("a modification carries status 1 and exactly one ticket reference (type 3, origin 2), and validates", async () => {
    const form = buildForm(declaration, { ...context, correction: { attestationStatus: 1, ticket: "340000JEDT00A" } });
    expect(form.AttestationStatus).to.equal(1);
    expect(form.Reference).to.deep.equal({ ReferenceType: 3, ReferenceOrigin: 2, ReferenceNbr: "340000JEDT00A" });
    expect(Object.keys(form).indexOf("Reference")).to.be.lessThan(Object.keys(form).indexOf("EmployerDeclarationLink"));
    const result = (await loadXsd("WECH006_20233.xsd")).validateString(document("WECH006", form));
    expect(result.errors).to.deep.equal([]);
  });

  it("a cancellation carries status 3, the reference, the person and no WorkerRecordLink, and validates", async () => {
    for (const formType of ["WECH003", "WECH006"] as const) {
      const form = cancellationForm(formType, "85073003328", "340000JEDT00A", context);
      const person = (form.EmployerDeclarationLink as Record<string, Record<string, unknown>>).NaturalPerson;
      expect([form.AttestationStatus, person.INSS, person.WorkerRecordLink]).to.deep.equal([3, "85073003328", undefined]);
      const result = (await loadXsd(`${formType}_20233.xsd`)).validateString(document(formType, form));
      expect(result.errors, formType).to.deep.equal([]);
    }
  });
});
