/**
 * The baseline on disk: gzipped NDJSON, a header line then one line per output file
 * (`{"file": …, "kind": …, "entries": [[path, value], …]}`), in file order. Written without a time
 * stamp (the gzip header's time is 0), so that regenerating it from the same code gives the same bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { NormalizedFile } from "./normalize";

export const BASELINE_FORMAT = "edu-easr demo outputs, normalized, v1";

export interface BaselineHeader {
  readonly format: string;
  /** The code the baseline was made from: its commit, and whether the checkout had uncommitted changes. */
  readonly source: { readonly commit: string | null; readonly uncommittedChanges: boolean | null };
  readonly command: string;
  readonly files: number;
  readonly regenerate: string;
}

export interface Baseline {
  readonly header: BaselineHeader;
  readonly files: readonly NormalizedFile[];
}

export function writeBaseline(path: string, baseline: Baseline): number {
  const lines = [
    JSON.stringify(baseline.header),
    ...baseline.files.map((file) => JSON.stringify({ file: file.file, kind: file.kind, entries: file.entries })),
  ];
  const bytes = gzipSync(`${lines.join("\n")}\n`, { level: 9 });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return bytes.length;
}

export function readBaseline(path: string): Baseline {
  if (!existsSync(path)) throw new Error(`no baseline at ${path}: write one with \`npm run demo:baseline\``);
  const lines = gunzipSync(readFileSync(path))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.length > 0);
  const [first, ...rest] = lines;
  if (first === undefined) throw new Error(`${path} is empty`);
  const header = JSON.parse(first) as BaselineHeader;
  if (header.format !== BASELINE_FORMAT)
    throw new Error(`${path} is not a baseline of this tool ("${header.format}", expected "${BASELINE_FORMAT}"): regenerate it`);
  return { header, files: rest.map((line) => JSON.parse(line) as NormalizedFile) };
}

/** The same content as NDJSON text, uncompressed (for --dump, to read or diff by hand). */
export function writeDump(path: string, files: readonly NormalizedFile[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, files.map((file) => JSON.stringify(file)).join("\n") + "\n");
}
