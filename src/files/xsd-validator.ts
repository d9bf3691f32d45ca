/**
 * XSD validation of the files we write (and of the answers we read) with libxml2, compiled to WebAssembly
 * by the libxml2-wasm package.
 *
 * libxml2-wasm is an ES module with top-level await, so this CommonJS code loads it with a real dynamic
 * `import()` (module "nodenext" keeps `import()` as is instead of turning it into `require`). Everything
 * libxml2 creates lives in wasm memory, outside the JavaScript garbage collector: every document parsed
 * here is disposed as soon as it has been validated; a compiled schema lives in the per-name cache until
 * {@link clearXsdCache}.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { projectRoot } from "../util/project-root";

const loadLibxml = () => import("libxml2-wasm");
type Libxml = Awaited<ReturnType<typeof loadLibxml>>;
type XmlDocument = InstanceType<Libxml["XmlDocument"]>;
type XsdValidator = InstanceType<Libxml["XsdValidator"]>;
type ErrorDetail = InstanceType<Libxml["XmlLibError"]>["details"][number];

/** At most this many errors are reported per validation (libxml2 can report thousands for a broken file). */
export const MAX_XSD_ERRORS = 50;

export interface XsdError {
  /** 1-based line in the validated document (0 when libxml2 gives none). */
  line: number;
  message: string;
}

export interface XsdResult {
  valid: boolean;
  /** Empty when valid; otherwise the first {@link MAX_XSD_ERRORS} errors, parse or validation. */
  errors: XsdError[];
}

let libxml: Promise<Libxml> | undefined;
function libxml2(): Promise<Libxml> {
  libxml ??= loadLibxml();
  return libxml;
}

/** libxml2 diagnostics → our errors: errors and fatal errors only (warnings when there is nothing else). */
function toErrors(details: ErrorDetail[]): XsdError[] {
  const serious = details.filter((d) => d.level >= 2);
  return (serious.length > 0 ? serious : details).slice(0, MAX_XSD_ERRORS).map((d) => ({
    line: typeof d.line === "number" && d.line > 0 ? d.line : 0,
    message: d.message.trim(),
  }));
}

/** A compiled XSD, ready to validate documents. */
export class XsdSchema {
  private disposed = false;

  private constructor(
    /** The schema file name as given to {@link loadXsd}, e.g. `WECH006_20233.xsd`. */
    readonly name: string,
    private readonly lib: Libxml,
    /** Kept alive as long as the validator: libxml2's compiled schema may point into its document. */
    private readonly schemaDocument: XmlDocument,
    private readonly validator: XsdValidator,
  ) {}

  /** Compiles the XSD at `path` (absolute). Throws when the file is not a valid schema. */
  static async compile(name: string, path: string): Promise<XsdSchema> {
    const lib = await libxml2();
    const bytes = await readFile(path);
    const schemaDocument = lib.XmlDocument.fromBuffer(bytes, { url: path });
    try {
      const validator = lib.XsdValidator.fromDoc(schemaDocument);
      return new XsdSchema(name, lib, schemaDocument, validator);
    } catch (error) {
      schemaDocument.dispose();
      const detail = error instanceof lib.XmlLibError ? toErrors(error.details).map((e) => `line ${e.line}: ${e.message}`) : [];
      throw new Error(`${path} is not a usable XSD${detail.length ? `:\n${detail.join("\n")}` : `: ${String(error)}`}`, { cause: error });
    }
  }

  /** Validates the XML file at `path`, read as bytes so that libxml2 honours its declared encoding. */
  async validateFile(path: string): Promise<XsdResult> {
    const bytes = await readFile(path);
    return this.validateParsed(() => this.lib.XmlDocument.fromBuffer(bytes, { url: resolve(path) }));
  }

  /** Validates an XML document given as a string. */
  validateString(xml: string): XsdResult {
    return this.validateParsed(() => this.lib.XmlDocument.fromString(xml));
  }

  /** Frees the compiled schema. Only for schemas that are not (or no longer) in the cache. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.validator.dispose();
    this.schemaDocument.dispose();
  }

  private validateParsed(parse: () => XmlDocument): XsdResult {
    if (this.disposed) throw new Error(`XSD ${this.name} has been disposed`);
    let document: XmlDocument;
    try {
      document = parse();
    } catch (error) {
      // Not well-formed: libxml2 reports where parsing stopped.
      if (error instanceof this.lib.XmlLibError) return { valid: false, errors: toErrors(error.details) };
      throw error;
    }
    try {
      this.validator.validate(document);
      return { valid: true, errors: [] };
    } catch (error) {
      if (error instanceof this.lib.XmlValidateError) return { valid: false, errors: toErrors(error.details) };
      throw error;
    } finally {
      document.dispose();
    }
  }
}

const cache = new Map<string, Promise<XsdSchema>>();

/**
 * The XSD `schemaFileName` from the project's `schemas/` folder (e.g. `WECH006_20233.xsd`,
 * `official/ZIMA002_20231.xsd`), compiled once and cached by name.
 */
export function loadXsd(schemaFileName: string): Promise<XsdSchema> {
  let schema = cache.get(schemaFileName);
  if (!schema) {
    schema = XsdSchema.compile(schemaFileName, join(projectRoot(), "schemas", schemaFileName));
    // A failed load is not cached, so a corrected file can be loaded again.
    const loading = schema;
    loading.catch(() => {
      if (cache.get(schemaFileName) === loading) cache.delete(schemaFileName);
    });
    cache.set(schemaFileName, schema);
  }
  return schema;
}

/** Disposes every cached schema (tests, long-running processes that reload schemas). */
export async function clearXsdCache(): Promise<void> {
  const schemas = [...cache.values()];
  cache.clear();
  for (const schema of await Promise.allSettled(schemas)) {
    if (schema.status === "fulfilled") schema.value.dispose();
  }
}
