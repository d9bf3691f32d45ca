/**
 * Streams one batch declaration file: the XML declaration, the root element named after the form
 * type, then each Form as it is decided — memory stays flat whatever the number of forms. The SHA-256
 * of the bytes is computed on the way.
 *
 * With a schema, the forms are validated on the way too, a chunk at a time: each chunk of forms is
 * validated as a document of its own (root element + those forms) before it is written. The root's
 * content model is a plain sequence of Form elements, so a file made of valid chunks is valid as a
 * whole — and no file, however large, is ever parsed whole (libxml2 would hold its whole tree in
 * WebAssembly memory, which never shrinks).
 */
import { createHash, type Hash } from "node:crypto";
import type { FormNode } from "../forms/form-envelope";
import type { ChunkValidator } from "./chunk-validator";
import { FileSink } from "./file-sink";
import { MAX_XSD_ERRORS, type XsdError, type XsdResult } from "./xsd-validator";

/** Forms per validated chunk: large enough that libxml2's per-document cost does not count, small enough to stay flat. */
export const FORMS_PER_CHUNK = 500;

/** Chunks whose verdict may still be outstanding while writing goes on (bounds the memory they hold). */
const MAX_CHUNKS_IN_VALIDATION = 4;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeText(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]) : text;
}

/** One element and its content, indented: arrays repeat the element, objects nest, empty values are `<Name/>`. */
function appendElement(out: string[], name: string, value: unknown, indent: string): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) appendElement(out, name, item, indent);
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      out.push(`${indent}<${name}/>`);
      return;
    }
    out.push(`${indent}<${name}>`);
    for (const [key, child] of entries) appendElement(out, key, child, `${indent}  `);
    out.push(`${indent}</${name}>`);
  } else {
    const text = value === null ? "" : escapeText(String(value));
    out.push(text === "" ? `${indent}<${name}/>` : `${indent}<${name}>${text}</${name}>`);
  }
}

/**
 * One Form element as XML text, indented one level under the root: two spaces a level, entities
 * escaped, an empty value as `<Name/>`. Written here rather than with a general XML builder because it
 * runs once per form of a month — hundreds of thousands of times (the tests hold it to the builder's output).
 */
export function formXml(form: FormNode): string {
  const out: string[] = [];
  appendElement(out, "Form", form, "  ");
  return out.join("\n");
}

/** A chunk of forms as a document of its own, validated as such: the forms under the file's root element. */
export function chunkDocument(rootElement: string, forms: string): string {
  return `<${rootElement}>\n${forms}</${rootElement}>\n`;
}

export interface FinishedFile {
  readonly path: string;
  readonly formCount: number;
  readonly sha256: string;
  readonly bytes: number;
  /** The validation of every form against the schema given to the writer (valid when none was given). */
  readonly validation: XsdResult;
}

export class FormFileWriter {
  private readonly sink: FileSink;
  private readonly hash: Hash = createHash("sha256");
  private formCount = 0;
  private bytes = 0;
  /** Lines written so far (the next chunk starts after them). */
  private lines = 0;
  private chunk: string[] = [];
  private readonly errors: XsdError[] = [];
  /** Chunks sent for validation, oldest first, with the file line their first form starts on. */
  private readonly validating: { readonly verdict: Promise<XsdResult>; readonly firstLine: number }[] = [];

  constructor(
    readonly path: string,
    private readonly rootElement: string,
    private readonly validator?: ChunkValidator,
  ) {
    this.sink = new FileSink(path);
    this.write(`<?xml version="1.0" encoding="UTF-8"?>\n<${rootElement}>\n`);
  }

  get count(): number {
    return this.formCount;
  }

  private write(text: string): boolean {
    this.hash.update(text, "utf8");
    this.bytes += Buffer.byteLength(text, "utf8");
    this.lines += countLines(text);
    return this.sink.queue(text);
  }

  async add(form: FormNode): Promise<void> {
    this.formCount++;
    this.chunk.push(`${formXml(form)}\n`);
    if (this.chunk.length >= FORMS_PER_CHUNK) await this.flush();
  }

  /** Sends the pending chunk for validation and writes it; collects the verdicts of earlier chunks. */
  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const text = this.chunk.join("");
    this.chunk = [];
    if (this.validator) {
      // Line 1 of the chunk document is the root element; its line 2 is the file's line `this.lines + 1`.
      const verdict = this.validator.validate(chunkDocument(this.rootElement, text));
      verdict.catch(() => undefined); // collected in order below
      this.validating.push({ verdict, firstLine: this.lines + 1 });
    }
    if (!this.write(text)) await this.sink.drained();
    while (this.validating.length > MAX_CHUNKS_IN_VALIDATION) await this.collectOldest();
  }

  private async collectOldest(): Promise<void> {
    const { verdict, firstLine } = this.validating.shift()!;
    const result = await verdict;
    for (const error of result.errors) {
      if (this.errors.length >= MAX_XSD_ERRORS) break;
      this.errors.push({ line: error.line > 1 ? firstLine + error.line - 2 : 0, message: error.message });
    }
  }

  async finish(): Promise<FinishedFile> {
    await this.flush();
    while (this.validating.length > 0) await this.collectOldest();
    this.write(`</${this.rootElement}>\n`);
    await this.sink.end();
    const validation = { valid: this.errors.length === 0, errors: [...this.errors] };
    return { path: this.path, formCount: this.formCount, sha256: this.hash.digest("hex"), bytes: this.bytes, validation };
  }

  /** Stops writing (the caller removes the file). */
  async abandon(): Promise<void> {
    this.chunk = [];
    await Promise.allSettled(this.validating.splice(0).map((v) => v.verdict));
    await this.sink.discard();
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
