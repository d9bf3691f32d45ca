/**
 * What the forms of a run declare, without when they were made or where they sit in their file:
 * FormCreationDate, FormCreationHour and NaturalPersonSequenceNbr are left out, so that two runs on
 * the same facts compare equal whatever the clock and whoever else was in the file.
 */
import { at, batchFilesIn, PERSON, type XmlNode } from "./batch-files";

const MADE_WHEN_OR_WHERE = new Set(["FormCreationDate", "FormCreationHour", "NaturalPersonSequenceNbr"]);

function withoutStamps(node: XmlNode | string | XmlNode[]): unknown {
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(withoutStamps);
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (!MADE_WHEN_OR_WHERE.has(key)) copy[key] = withoutStamps(value);
  return copy;
}

/**
 * The forms of one run folder as sorted text lines "<form type> <INSZ> <content>", only those of
 * the INSZs `keep` accepts (all when omitted).
 */
export function formContents(dir: string, keep: (insz: string) => boolean = () => true): string[] {
  const lines: string[] = [];
  for (const file of batchFilesIn(dir)) {
    for (const form of file.forms) {
      const insz = at(form, `${PERSON}.INSS`) ?? "";
      if (keep(insz)) lines.push(`${file.formType} ${insz} ${JSON.stringify(withoutStamps(form))}`);
    }
  }
  return lines.sort();
}
