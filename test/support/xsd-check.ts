/** Validates every FI file of a folder against its form type's XSD, independently of the run's own check. */
import { join } from "node:path";
import { expect } from "chai";
import { loadXsd } from "../../src/files/xsd-validator";
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
    count++;
  }
  return count;
}
