/**
 * Validates every FI file of a folder against its form type's XSD and holds every form in it against
 * its glossary's conditions (domain.md D22), independently of the run's own checks.
 */
import { join } from "node:path";
import { expect } from "chai";
import { loadXsd } from "../../src/files/xsd-validator";
import type { FormNode } from "../../src/forms/form-envelope";
import { checkGlossaryConditions, type GlossaryFormType } from "../../src/forms/glossary-conditions";
import { FORM_XSD } from "../../src/run/monthly-run";
import type { FormType } from "../../src/rules/decision-types";
import { batchFilesIn } from "./batch-files";

export async function expectFolderValid(dir: string): Promise<number> {
  let count = 0;
  for (const file of batchFilesIn(dir)) {
    const schema = await loadXsd(FORM_XSD[file.formType as FormType]);
    const result = await schema.validateFile(join(dir, file.fileName));
    expect(result.errors, `${file.fileName} against ${schema.name}`).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    file.forms.forEach((form, index) => {
      const violations = checkGlossaryConditions(file.formType as GlossaryFormType, form as unknown as FormNode);
      expect(violations, `${file.fileName} form ${index + 1} against the ${file.formType} glossary`).to.deep.equal([]);
    });
    count++;
  }
  return count;
}
