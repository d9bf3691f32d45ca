/** Reads written FI files back into plain objects, values as text (no number coercion). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => name === "Form" || name === "NatureOfDay" || name === "Reference",
});

export type XmlNode = { [key: string]: string | XmlNode | XmlNode[] };

export interface ParsedBatchFile {
  readonly fileName: string;
  readonly formType: string;
  readonly forms: XmlNode[];
}

export function parseBatchFile(path: string, fileName: string): ParsedBatchFile {
  const document = parser.parse(readFileSync(path, "utf8")) as Record<string, { Form?: XmlNode[] }>;
  const formType = Object.keys(document).find((k) => k !== "?xml")!;
  return { fileName, formType, forms: document[formType].Form ?? [] };
}

/** Every FI file of a folder. */
export function batchFilesIn(dir: string): ParsedBatchFile[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.startsWith("FI."))
      .sort();
  } catch {
    return [];
  }
  return names.map((name) => parseBatchFile(join(dir, name), name));
}

/** A value at a dotted path, e.g. "EmployerDeclarationLink.NaturalPerson.INSS". */
export function at(node: XmlNode, path: string): string | undefined {
  let current: unknown = node;
  for (const part of path.split(".")) {
    if (current === undefined || current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined ? undefined : typeof current === "string" ? current : JSON.stringify(current);
}

export const PERSON = "EmployerDeclarationLink.NaturalPerson";
export const OCCUPATION = `${PERSON}.WorkerRecordLink.OccupationLink`;

/** The forms of one form type in a folder that belong to one INSZ. */
export function formsOf(dir: string, formType: string, insz: string): XmlNode[] {
  return (
    batchFilesIn(dir)
      .filter((f) => f.formType === formType)
      .flatMap((f) => f.forms)
      // ZIMA001 holds its person in a mini-DmfA EmployerDeclaration, the others in an EmployerDeclarationLink.
      .filter((form) => (at(form, `${PERSON}.INSS`) ?? at(form, "EmployerDeclaration.NaturalPerson.INSS")) === insz)
  );
}
