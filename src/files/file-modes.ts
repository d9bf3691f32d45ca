/**
 * Who may read what the adapter writes. Nearly every file it makes holds personal
 * data — the FI files, decisions.jsonl, the workbooks, the payslip extract and PDF, the log, the SQLite
 * state — so none is world-readable: files 0640 and folders 0750 by default, which lets the transfer
 * account (in the group) pick up the FI/GO files. EASR_FILE_MODE / EASR_DIR_MODE change them (checked at
 * start-up). The modes are set explicitly (fchmod / chmod after creating), whatever the process umask:
 * a file is created with at most its mode and then given exactly that mode. Files and folders that
 * exist already (an operator's output folder) are left as they are.
 */
import { chmodSync, closeSync, createWriteStream, fchmodSync, mkdirSync, openSync, type WriteStream } from "node:fs";
import { dirname, resolve } from "node:path";

export interface FileModes {
  /** Permission bits of every file created. */
  readonly file: number;
  /** Permission bits of every folder created. */
  readonly dir: number;
}

export const DEFAULT_FILE_MODES: FileModes = { file: 0o640, dir: 0o750 };

let modes: FileModes = DEFAULT_FILE_MODES;

/** Sets the modes of what is created from now on (at start-up, from the configuration). */
export function useFileModes(next: FileModes): void {
  modes = next;
}

export function currentFileModes(): FileModes {
  return modes;
}

/** `0640` for messages. */
export function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, "0")}`;
}

/** Creates `dir` and its missing parents, each with the folder mode; folders that exist are left as they are. */
export function makeDirectory(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: modes.dir });
  if (first === undefined) return;
  const top = resolve(first);
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    chmodSync(folder, modes.dir);
    if (folder === top || folder === dirname(folder)) break;
  }
}

/** Opens `path` for writing (`w`: created or emptied; `wx`: created, never there before) with the file mode; returns the descriptor. */
export function openPrivateFile(path: string, flags: "w" | "wx" = "w"): number {
  const fd = openSync(path, flags, modes.file);
  try {
    fchmodSync(fd, modes.file);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** Creates `path` empty with the file mode unless it exists (then it is left as it is, content and mode). */
export function createPrivateFileIfMissing(path: string): void {
  let fd: number;
  try {
    fd = openPrivateFile(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw error;
  }
  closeSync(fd);
}

/**
 * A write stream on a new (or emptied) file with the file mode. The mode is set as the file opens,
 * before anything is written; a failure to set it is the stream's 'error', like a failure to open.
 */
export function createPrivateWriteStream(path: string, options: { readonly encoding?: BufferEncoding } = {}): WriteStream {
  const mode = modes.file;
  const stream = createWriteStream(path, { ...options, mode });
  stream.once("open", (fd: number) => {
    try {
      fchmodSync(fd, mode);
    } catch (error) {
      stream.destroy(error as Error);
    }
  });
  return stream;
}
