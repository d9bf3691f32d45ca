/**
 * Batch-channel file names (domain.md D11, rules 49-52): `FI.<purpose>.<sender>.<YYYYMMDD>.<seq5>.<env>`
 * for the declaration file, the same with `FS.` for its signature file and with `GO.` for the empty
 * end-of-transfer file written last.
 */
export type BatchPurpose = "WECH" | "ZIMA";
export type Environment = "T" | "R";

export interface BatchFileIdentity {
  readonly purpose: BatchPurpose;
  /** 6-digit sender number. */
  readonly sender: string;
  /** Creation date YYYYMMDD. */
  readonly creationDate: string;
  /** 1 … 99999, unique per (purpose, sender, date, environment), never reused. */
  readonly sequence: number;
  readonly environment: Environment;
}

export const MAX_SEQUENCE = 99_999;

function name(kind: "FI" | "FS" | "GO", id: BatchFileIdentity): string {
  if (!/^\d{6}$/.test(id.sender)) throw new RangeError(`sender number must be 6 digits, got ${id.sender}`);
  if (!/^\d{8}$/.test(id.creationDate)) throw new RangeError(`creation date must be YYYYMMDD, got ${id.creationDate}`);
  if (!Number.isInteger(id.sequence) || id.sequence < 1 || id.sequence > MAX_SEQUENCE)
    throw new RangeError(`sequence out of range: ${id.sequence}`);
  return [kind, id.purpose, id.sender, id.creationDate, String(id.sequence).padStart(5, "0"), id.environment].join(".");
}

export function declarationFileName(id: BatchFileIdentity): string {
  return name("FI", id);
}

export function goFileName(id: BatchFileIdentity): string {
  return name("GO", id);
}

/** The FS (signature) file of an FI file: the same name elements. */
export function signatureFileNameOf(fiFileName: string): string {
  if (!fiFileName.startsWith("FI.")) throw new RangeError(`not a declaration file name: ${fiFileName}`);
  return `FS.${fiFileName.slice(3)}`;
}

const PATTERN = /^(FI|FS|GO)\.(WECH|ZIMA)\.(\d{6})\.(\d{8})\.(\d{5})\.([TR])$/;

export function parseBatchFileName(fileName: string): (BatchFileIdentity & { kind: "FI" | "FS" | "GO" }) | null {
  const m = PATTERN.exec(fileName);
  if (!m) return null;
  return {
    kind: m[1] as "FI" | "FS" | "GO",
    purpose: m[2] as BatchPurpose,
    sender: m[3],
    creationDate: m[4],
    sequence: Number(m[5]),
    environment: m[6] as Environment,
  };
}
