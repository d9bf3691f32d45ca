/**
 * Compares two normalized outputs file by file and leaf by leaf, and says what differs in words:
 * the file, the leaf's path (XML path, sheet!cell, row/column, JSON path, line), the baseline's
 * value and the current one.
 */
import type { Entry, NormalizedFile } from "./normalize";
import type { Leaf } from "./stamps";

export type Difference =
  | { readonly kind: "missing-file"; readonly file: string }
  | { readonly kind: "extra-file"; readonly file: string }
  | { readonly kind: "changed"; readonly file: string; readonly path: string; readonly before: Leaf; readonly after: Leaf }
  | { readonly kind: "missing"; readonly file: string; readonly path: string; readonly before: Leaf }
  | { readonly kind: "extra"; readonly file: string; readonly path: string; readonly after: Leaf }
  | { readonly kind: "order"; readonly file: string; readonly path: string; readonly detail: string };

export function compareOutputs(baseline: readonly NormalizedFile[], current: readonly NormalizedFile[]): Difference[] {
  const before = new Map(baseline.map((file) => [file.file, file]));
  const after = new Map(current.map((file) => [file.file, file]));
  const differences: Difference[] = [];
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const old = before.get(name);
    const now = after.get(name);
    if (old === undefined) differences.push({ kind: "extra-file", file: name });
    else if (now === undefined) differences.push({ kind: "missing-file", file: name });
    else differences.push(...compareEntries(name, old.entries, now.entries));
  }
  return differences;
}

function compareEntries(file: string, before: readonly Entry[], after: readonly Entry[]): Difference[] {
  const differences: Difference[] = [];
  const old = new Map(before);
  const now = new Map(after);
  for (const [path, value] of before) {
    if (!now.has(path)) differences.push({ kind: "missing", file, path, before: value });
    else if (!Object.is(now.get(path), value)) differences.push({ kind: "changed", file, path, before: value, after: now.get(path)! });
  }
  for (const [path, value] of after) if (!old.has(path)) differences.push({ kind: "extra", file, path, after: value });
  if (differences.length === 0) {
    // Same leaves, same values: the order can still differ (elements of a form, rows of a sheet).
    const index = before.findIndex(([path], i) => after[i]?.[0] !== path);
    if (index >= 0)
      differences.push({
        kind: "order",
        file,
        path: before[index]![0],
        detail: `the baseline has ${before[index]![0]} at position ${index + 1}, now ${after[index]![0]}`,
      });
  }
  return differences;
}

export interface ReportLimits {
  /** Lines at most in all. */
  readonly total: number;
  /** Lines at most per file. */
  readonly perFile: number;
}

/**
 * The differences as readable lines: first one line per kind of output (all months' boards workbooks
 * together, …) with how many files and differences, then the details of the first files of every kind
 * in turn, so that one noisy kind cannot hide another, capped per file and in all.
 */
export function describeDifferences(differences: readonly Difference[], limits: ReportLimits): string[] {
  const byFile = groupBy(differences, (d) => d.file);
  const byOutput = groupBy([...byFile.keys()], outputOf);
  const lines = ["by output (files that differ, differences):"];
  const width = Math.max(...[...byOutput.keys()].map((output) => output.length));
  for (const [output, files] of byOutput) {
    lines.push(
      `  ${output.padEnd(width)}  ${count(files.length, "file")}, ${count(
        files.reduce((n, file) => n + byFile.get(file)!.length, 0),
        "difference",
      )}`,
    );
  }
  lines.push("", "details:");
  let shown = 0;
  for (const file of interleave([...byOutput.values()])) {
    if (shown >= limits.total) break;
    const list = byFile.get(file)!;
    const fileLevel = list.find((d) => d.kind === "missing-file" || d.kind === "extra-file");
    if (fileLevel) {
      lines.push(
        fileLevel.kind === "missing-file" ? `${file}: in the baseline, not written now` : `${file}: written now, not in the baseline`,
      );
      shown++;
      continue;
    }
    lines.push(`${file}: ${count(list.length, "difference")}`);
    const room = Math.min(limits.perFile, limits.total - shown);
    for (const difference of list.slice(0, room)) lines.push(`  ${describe(difference)}`);
    shown += Math.min(list.length, room);
    if (list.length > room) lines.push(`  … and ${list.length - room} more in this file`);
  }
  lines.push("");
  lines.push(
    `${count(differences.length, "difference")} in ${count(byFile.size, "file")}${shown < differences.length ? ` (${shown} shown; --max-diffs / --max-per-file show more)` : ""}`,
  );
  const kinds = groupBy(differences, (d) => d.kind);
  lines.push(`  ${[...kinds].map(([kind, list]) => `${kind} ${list.length}`).join(", ")}`);
  return lines;
}

/** The kind of output a file is: its name with the month, board and file sequence taken out. */
export function outputOf(file: string): string {
  return file
    .replace(/\d{4}-\d{2}/g, "<month>")
    .replace(/boards\/\d+\.xlsx$/, "boards/<board>.xlsx")
    .replace(/\.\d{5}\.([TR])$/, ".<seq>.$1");
}

/** The first item of every list, then the second of every list, … */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(0, ...lists.map((list) => list.length)); i++)
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function describe(difference: Difference): string {
  switch (difference.kind) {
    case "changed":
      return `${difference.path}: baseline ${show(difference.before)}, now ${show(difference.after)}`;
    case "missing":
      return `${difference.path}: baseline ${show(difference.before)}, now absent`;
    case "extra":
      return `${difference.path}: absent in the baseline, now ${show(difference.after)}`;
    case "order":
      return `order differs: ${difference.detail}`;
    case "missing-file":
    case "extra-file":
      return difference.file;
  }
}

function show(value: Leaf): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
