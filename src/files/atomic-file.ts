/**
 * Files appear under their final name only when complete: content goes to a temporary name in the
 * same folder, is flushed to disk, and is then renamed (atomic on one file system).
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { openPrivateFile } from "./file-modes";

/** The temporary name used for `finalPath` while it is being written. */
export function temporaryPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.partial`);
}

export function isTemporaryName(fileName: string): boolean {
  return fileName.startsWith(".") && fileName.endsWith(".partial");
}

function fsyncFile(path: string): void {
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `content` to a temporary name with the file mode (file-modes.ts), flushes it and renames it to `finalPath`. */
export function writeFileAtomically(finalPath: string, content: string | Buffer): void {
  const temp = temporaryPathFor(finalPath);
  const fd = openPrivateFile(temp);
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, finalPath);
}

/** Moves a finished temporary file to its final name, flushed first; never over an existing file. */
export function publishFile(temporaryPath: string, finalPath: string): void {
  if (existsSync(finalPath)) throw new Error(`${finalPath} exists already: refusing to overwrite it`);
  fsyncFile(temporaryPath);
  renameSync(temporaryPath, finalPath);
}

/** A finished temporary file and the name it is to appear under. */
export interface PendingFile {
  readonly temporaryPath: string;
  readonly finalPath: string;
}

/** How many files are flushed at the same time: enough for the file system to commit them together. */
const FLUSHES_AT_ONCE = 8;

/**
 * Publishes many finished temporary files (the school boards' workbooks) like {@link publishFile},
 * each flushed before it is renamed and never over an existing file, but cheaper than one by one:
 * all are flushed first, several at a time, and then renamed. When a flush fails, nothing is
 * renamed; when a rename fails, the files renamed before it stay. The caller removes what is left.
 */
export async function publishFiles(files: readonly PendingFile[]): Promise<void> {
  const existing = files.find((file) => existsSync(file.finalPath));
  if (existing) throw new Error(`${existing.finalPath} exists already: refusing to overwrite it`);
  let next = 0;
  const flushOneAtATime = async (): Promise<void> => {
    while (next < files.length) {
      const handle = await open(files[next++].temporaryPath, "r+").catch((error: unknown) => {
        next = files.length; // the others stop too
        throw error;
      });
      try {
        await handle.sync();
      } catch (error) {
        next = files.length;
        throw error;
      } finally {
        await handle.close();
      }
    }
  };
  // Every flush has ended before this goes on (or throws), so that the caller's clean-up comes after them.
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(FLUSHES_AT_ONCE, files.length) }, flushOneAtATime));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failure) throw failure.reason;
  for (const file of files) {
    if (existsSync(file.finalPath)) throw new Error(`${file.finalPath} exists already: refusing to overwrite it`);
    renameSync(file.temporaryPath, file.finalPath);
  }
}

export function removeQuietly(path: string): void {
  rmSync(path, { force: true });
}

/** Report spool folders (reports/row-spool.ts): `.rows-XXXXXX`, `.report-rows-XXXXXX`. */
function isSpoolFolderName(name: string): boolean {
  return name.startsWith(".rows-") || name.startsWith(".report-rows-");
}

/**
 * Removes what an interrupted run can leave in a month folder and its subfolders (boards/, a re-run's
 * report folder): temporary files (`.name.partial`) and report spool folders. Returns what it removed.
 */
export function removeTemporaryLeftovers(dir: string): string[] {
  const removed: string[] = [];
  const sweep = (folder: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (isSpoolFolderName(entry.name)) {
          rmSync(path, { recursive: true, force: true });
          removed.push(path);
        } else if (depth === 0) {
          sweep(path, 1);
        }
      } else if (isTemporaryName(entry.name)) {
        removeQuietly(path);
        removed.push(path);
      }
    }
  };
  sweep(dir, 0);
  return removed;
}
