/**
 * Files appear under their final name only when complete: content goes to a temporary name in the
 * same folder, is flushed to disk, and is then renamed (atomic on one file system).
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

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

/** Writes `content` to a temporary name, flushes it and renames it to `finalPath`. */
export function writeFileAtomically(finalPath: string, content: string | Buffer): void {
  const temp = temporaryPathFor(finalPath);
  writeFileSync(temp, content);
  fsyncFile(temp);
  renameSync(temp, finalPath);
}

/** Moves a finished temporary file to its final name, flushed first; never over an existing file. */
export function publishFile(temporaryPath: string, finalPath: string): void {
  if (existsSync(finalPath)) throw new Error(`${finalPath} exists already: refusing to overwrite it`);
  fsyncFile(temporaryPath);
  renameSync(temporaryPath, finalPath);
}

export function removeQuietly(path: string): void {
  rmSync(path, { force: true });
}
