/**
 * Reads an answer file of any size as a stream: the bytes are hashed and
 * decoded as they come, parsed Form by Form ({@link AnswerFormReader}), and every chunk of Forms is
 * validated against the official XSD as a document of its own — the file's root with its attributes
 * around the chunk's Forms, which is what the whole document is, chunk by chunk, for schemas whose
 * root is a sequence of Forms and no identity constraint (ACRF_20231, NOTIFICATION_20223) — before its
 * answers are handed over. Memory holds a chunk (and the one being validated), whatever the file's size.
 *
 * A file that is not well-formed, has a DOCTYPE, or breaks its XSD anywhere is an
 * {@link AnswerFormatError} with the first errors, their lines those of the original file: the caller
 * records its answers in one transaction and rolls back what it had applied of the file.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";
import { type ChunkValidator, chunkValidator } from "../files/chunk-validator";
import type { XsdResult } from "../files/xsd-validator";
import { maskInszInText } from "../util/insz-masking";
import {
  ANSWER_ROOTS,
  ANSWER_XSD,
  type Answer,
  type AnswerKind,
  AnswerFormatError,
  AnswerFormReader,
  answerOfForm,
  type ParsedRoot,
  type ParsedUnit,
} from "./answer-parser";

/** Forms validated together (and handed over together): about 1 MB of XML for the channel's notifications. */
export const FORMS_PER_CHUNK = 500;
/** A chunk is also closed when its Forms reach this many characters. */
const CHUNK_CHARS = 4 * 1024 * 1024;
/** Chunks validated at once: the next is parsed while one is validated (in the worker thread when there is one). */
const CHUNKS_IN_VALIDATION = 2;
/** At most this many XSD errors are reported per file. */
export const MAX_REPORTED_ERRORS = 5;
/** Bytes read at a time. */
const READ_BYTES = 64 * 1024;

/** The SHA-256 (hex) of a file's bytes, read as a stream. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const bytes of createReadStream(path, { highWaterMark: READ_BYTES })) hash.update(bytes as Buffer);
  return hash.digest("hex");
}

/** The encoding an XML declaration at the start of these bytes names (UTF-8 when it names none). */
function declaredEncoding(head: Buffer): string {
  const text = head
    .subarray(0, 200)
    .toString("latin1")
    .replace(/^\uFEFF|^ï»¿/, "");
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text)?.[1] ?? "utf-8";
}

function decoderFor(head: Buffer): TextDecoder {
  const encoding = declaredEncoding(head);
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new AnswerFormatError(`unknown encoding "${encoding}" in the XML declaration`);
  }
}

interface Chunk {
  readonly firstPosition: number;
  readonly units: ParsedUnit[];
  /** Text found directly under the root, kept to be reported by the XSD. */
  readonly strayText: { text: string; line: number }[];
  chars: number;
}

/** A chunk as one document: the root's declaration and start tag, then each unit on lines of its own; and where each unit starts. */
function chunkDocument(root: ParsedRoot, chunk: Chunk): { xml: string; starts: number[] } {
  const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<${root.name}${root.attributes}>`];
  const starts: number[] = [];
  let line = 2;
  for (const unit of chunk.units) {
    line += 1;
    starts.push(line);
    parts.push(`\n${unit.xml}`);
    for (let at = unit.xml.indexOf("\n"); at !== -1; at = unit.xml.indexOf("\n", at + 1)) line++;
  }
  for (const stray of chunk.strayText) parts.push(`\n${stray.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`);
  parts.push(`\n</${root.name}>\n`);
  return { xml: parts.join(""), starts };
}

/** An XSD error's line in the chunk document → the line in the original file. */
function originalLine(line: number, root: ParsedRoot, chunk: Chunk, starts: readonly number[]): number {
  let found = -1;
  for (let i = 0; i < starts.length && starts[i] <= line; i++) found = i;
  if (found === -1) return root.line;
  return chunk.units[found].line + (line - starts[found]);
}

/** A chunk whose XSD validation has started. */
interface Validating {
  readonly chunk: Chunk;
  readonly starts: number[];
  readonly result: Promise<XsdResult>;
}

export interface AnswerStreamOptions {
  /** The SHA-256 the file had when it was looked at: a file that changes while it is read is refused. */
  readonly expectedSha256?: string;
  /** The validator of the kind's XSD (default: the shared validation worker, or the main thread under ts-node). */
  readonly validator?: ChunkValidator;
  readonly formsPerChunk?: number;
}

/**
 * The answers of the file at `path` (an answer of `kind`), chunk by chunk, each chunk valid against
 * the kind's official XSD. Throws an {@link AnswerFormatError} at the first thing wrong.
 */
export async function* readAnswerChunks(
  path: string,
  kind: AnswerKind,
  options: AnswerStreamOptions = {},
): AsyncGenerator<readonly Answer[], void, undefined> {
  const validator = options.validator ?? chunkValidator(ANSWER_XSD[kind]);
  const formsPerChunk = options.formsPerChunk ?? FORMS_PER_CHUNK;
  const hash = createHash("sha256");
  const closed: Chunk[] = [];
  let position = 0;
  let current: Chunk = { firstPosition: 1, units: [], strayText: [], chars: 0 };
  const closeCurrent = () => {
    closed.push(current);
    current = { firstPosition: position + 1, units: [], strayText: [], chars: 0 };
  };
  const reader = new AnswerFormReader(
    ANSWER_ROOTS[kind],
    (unit) => {
      position++;
      current.units.push(unit);
      current.chars += unit.xml.length;
      if (current.units.length >= formsPerChunk || current.chars >= CHUNK_CHARS) closeCurrent();
    },
    (text, line) => {
      if (current.strayText.length < MAX_REPORTED_ERRORS) current.strayText.push({ text: text.trim().slice(0, 200), line });
    },
  );
  const validating: Validating[] = [];
  const startValidation = (chunk: Chunk) => {
    const document = chunkDocument(reader.root!, chunk);
    validating.push({ chunk, starts: document.starts, result: validator.validate(document.xml) });
  };
  /** The oldest chunk in validation, as answers; an invalid one throws. */
  const finishOldest = async (): Promise<Answer[]> => {
    const { chunk, starts, result } = validating.shift()!;
    const verdict = await result.catch((error: unknown) => {
      // libxml2 failing on a chunk (it never sees a DOCTYPE or an entity here) stops this file, not the others.
      throw new AnswerFormatError(
        `could not be validated against ${ANSWER_XSD[kind]}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    if (!verdict.valid) {
      const errors = verdict.errors
        .slice(0, MAX_REPORTED_ERRORS)
        .map((e) => `line ${e.line === 0 ? "?" : originalLine(e.line, reader.root!, chunk, starts)}: ${e.message}`);
      throw new AnswerFormatError(maskInszInText(errors.length > 0 ? errors.join("; ") : `not valid against ${ANSWER_XSD[kind]}`));
    }
    return chunk.units.map((unit, index) => answerOfForm(kind, unit.node, chunk.firstPosition + index));
  };

  try {
    let decoder: TextDecoder | null = null;
    for await (const data of createReadStream(path, { highWaterMark: READ_BYTES })) {
      const bytes = data as Buffer;
      hash.update(bytes);
      decoder ??= decoderFor(bytes);
      reader.write(decode(decoder, bytes, true));
      for (const chunk of closed.splice(0)) startValidation(chunk);
      while (validating.length > CHUNKS_IN_VALIDATION) yield await finishOldest();
    }
    if (decoder !== null) reader.write(decode(decoder, undefined, false));
    reader.end();
    if (position === 0) throw new AnswerFormatError(`${ANSWER_ROOTS[kind]} without a Form`);
    if (current.units.length > 0 || current.strayText.length > 0) closeCurrent();
    for (const chunk of closed.splice(0)) startValidation(chunk);
    while (validating.length > 0) yield await finishOldest();
    // Thrown before the caller's loop ends, so that it does not commit.
    if (options.expectedSha256 !== undefined && hash.digest("hex") !== options.expectedSha256)
      throw new AnswerFormatError("the file changed while it was read");
  } finally {
    // Whatever was still in validation when reading stopped: let it settle, unobserved.
    for (const pending of validating.splice(0)) pending.result.catch(() => undefined);
  }
}

function decode(decoder: TextDecoder, bytes: Buffer | undefined, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new AnswerFormatError(`not valid ${decoder.encoding}: bytes that encode no character`);
  }
}
