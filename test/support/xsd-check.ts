/**
 * Validates every FI file of a folder against its form type's XSD and holds every form in it against
 * its glossary's conditions (domain.md D22), independently of the run's own checks.
 */
import { join } from "node:path";
import { expect } from "chai";
import { loadXsd } from "../../src/files/xsd-validator";
import type { FormNode } from "../../src/forms/form-envelope";
import type { GlossaryFormType } from "../../src/forms/glossary-conditions";
import { checkGlossaryConditions } from "../../src/form-types/glossary-check";
import { formTypeModule } from "../../src/form-types/registry";
import type { FormType } from "../../src/rules/decision-types";
import { batchFilesIn } from "./batch-files";

export async function expectFolderValid(dir: string): Promise<number> {
  let count = 0;
  for (const file of batchFilesIn(dir)) {
    const schema = await loadXsd(formTypeModule(file.formType as FormType).xsd);
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
