/**
 * The batch files already in an output folder tree: `<out>/<YYYY-MM>/` (T), `<out>/R/<YYYY-MM>/` (R),
 * and any batch file lying in `<out>` or `<out>/R` themselves. Dry-run folders hold no batch file that
 * could ever be transferred, so they are not looked at. Used to tell a lost state from a new one, and so
 * that no sequence number is taken twice.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type BatchFileIdentity, parseBatchFileName } from "./batch-file-name";
import { OutputLayout } from "./output-layout";

export interface BatchFileOnDisk extends BatchFileIdentity {
  readonly kind: "FI" | "FS" | "GO";
  readonly fileName: string;
  readonly folder: string;
}

function entriesOf(folder: string): { name: string; isDirectory: boolean }[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  } catch {
    return [];
  }
}

const MONTH_FOLDER = /^\d{4}-\d{2}$/;

/** Every FI, FS and GO file of the tree under `outDir`. */
export function batchFilesOnDisk(outDir: string): BatchFileOnDisk[] {
  const folders = new OutputLayout(outDir).environmentRoots().flatMap((root) => [
    root,
    ...entriesOf(root)
      .filter((e) => e.isDirectory && MONTH_FOLDER.test(e.name))
      .map((e) => join(root, e.name)),
  ]);
  return folders.flatMap((folder) =>
    entriesOf(folder).flatMap((entry) => {
      const identity = entry.isDirectory ? null : parseBatchFileName(entry.name);
      return identity ? [{ ...identity, fileName: entry.name, folder }] : [];
    }),
  );
}

/** The lowest sequence number above every file on disk with the same purpose, sender, date and environment. */
export function sequenceFreeFrom(onDisk: readonly BatchFileOnDisk[], key: Omit<BatchFileIdentity, "sequence">): number {
  let highest = 0;
  for (const file of onDisk) {
    if (
      file.purpose === key.purpose &&
      file.sender === key.sender &&
      file.creationDate === key.creationDate &&
      file.environment === key.environment
    )
      highest = Math.max(highest, file.sequence);
  }
  return highest + 1;
}
