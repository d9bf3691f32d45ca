/**
 * Streams one batch declaration file: the XML declaration, the root element named after the form
 * type, then each Form as it is decided — memory stays flat whatever the number of forms. The SHA-256
 * of the bytes is computed on the way.
 */
import { createHash, type Hash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { XMLBuilder } from "fast-xml-parser";
import type { FormNode } from "../forms/form-envelope";

const builder = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: true, processEntities: true });

/** One Form element as XML text, indented one level under the root. */
export function formXml(form: FormNode): string {
  const xml = builder.build({ Form: form }) as string;
  return xml
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => `  ${line}`)
    .join("\n");
}

export interface FinishedFile {
  readonly path: string;
  readonly formCount: number;
  readonly sha256: string;
  readonly bytes: number;
}

export class FormFileWriter {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash("sha256");
  private formCount = 0;
  private bytes = 0;

  constructor(
    readonly path: string,
    private readonly rootElement: string,
  ) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
    this.write(`<?xml version="1.0" encoding="UTF-8"?>\n<${rootElement}>\n`);
  }

  get count(): number {
    return this.formCount;
  }

  private write(text: string): boolean {
    this.hash.update(text, "utf8");
    this.bytes += Buffer.byteLength(text, "utf8");
    return this.stream.write(text);
  }

  async add(form: FormNode): Promise<void> {
    this.formCount++;
    if (!this.write(`${formXml(form)}\n`)) await once(this.stream, "drain");
  }

  async finish(): Promise<FinishedFile> {
    this.write(`</${this.rootElement}>\n`);
    this.stream.end();
    await once(this.stream, "finish");
    return { path: this.path, formCount: this.formCount, sha256: this.hash.digest("hex"), bytes: this.bytes };
  }

  /** Stops writing (the caller removes the file). */
  async abandon(): Promise<void> {
    if (!this.stream.closed) {
      this.stream.end();
      await once(this.stream, "close").catch(() => undefined);
    }
  }
}
