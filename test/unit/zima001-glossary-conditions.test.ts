/**
 * What only ZIMA001's mini-DmfA needs besides the D22 checks every form type gets in
 * test/unit/glossary-conditions.test.ts: the valid forms the cases start from (zima-1-3-6.md §1.6's 1-A,
 * 1-B, 1-C, a modification and a cancellation, test/support/zima001-glossary-forms.ts) have the days the
 * note counts and validate against the official XSD, which itself refuses a form without its Quarter.
 */
import { expect } from "chai";
import { formXml } from "../../src/files/form-file-writer";
import { type XsdResult, loadXsd } from "../../src/files/xsd-validator";
import type { FormNode } from "../../src/forms/form-envelope";
import { ZIMA001_BASES, birthLeave, employer, incapacityOccupation, partTimer } from "../support/zima001-glossary-forms";

/** The form written as FormFileWriter writes it, validated against the official XSD. */
async function validate(form: FormNode): Promise<XsdResult> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<ZIMA001>\n${formXml(form)}\n</ZIMA001>\n`;
  return (await loadXsd("official/ZIMA001_20231.xsd")).validateString(xml);
}

describe("ZIMA001's glossary bases: the valid forms of the worked examples", () => {
  it("example 1-A has the 22 reference days the note counts (5 + 5 + 5 + 4 in February, 1 + 2 in March), 1-B 20, 1-C 12", () => {
    expect(incapacityOccupation.risk?.referencePeriod?.days).to.have.length(22);
    expect(birthLeave().occupations[0].risk?.referencePeriod?.days).to.have.length(20);
    expect(partTimer().occupations[0].risk?.referencePeriod?.days).to.have.length(12);
  });

  for (const [name, make] of Object.entries(ZIMA001_BASES)) {
    it(`${name}: validates against schemas/official/ZIMA001_20231.xsd`, async () => {
      const result = await validate(make());
      expect(result.errors, name).to.deep.equal([]);
      expect(result.valid, name).to.equal(true);
    });
  }

  it("the XSD validation itself rejects a form without its indispensable Quarter (00013)", async () => {
    const form = ZIMA001_BASES.main() as { [label: string]: unknown };
    delete (employer(form) as { Quarter?: unknown }).Quarter;
    expect((await validate(form as FormNode)).valid).to.equal(false);
  });
});
