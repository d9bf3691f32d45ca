/**
 * What differs between two runs of the same code, and only that: the stamps of the run's day and hour,
 * the temporary folder, and the values derived from them. Each is replaced by a placeholder that says
 * what it stood for, and only when it really is that stamp (a date is replaced only when it is a day
 * the demo ran on, a ticket only when it is the ticket of a file and position of this output, a SHA-256
 * only when it is the hash of a file of this output); anything else stays as written, so a wrong value
 * still shows as a difference.
 *
 * Found by running the demo twice, the second time with the clock moved (`demo-outputs stability`):
 * - the creation stamps of every form (FormCreationDate, FormCreationHour; also echoed in the answers'
 *   HandledOriginalForm);
 * - the date in the batch file names (FI/GO.<purpose>.<sender>.<YYYYMMDD>.<seq>.<env>, FO/GO answers),
 *   wherever a name appears (file names, CSV, JSON, workbook cells, answer files);
 * - the simulated channel's tickets: a hash over the GO file's name, which holds the date;
 * - the run's start and finish (ISO times with the Brussels offset in run-summary.json; the operator
 *   workbook's Started/Finished cells; the board workbooks' title line "Gemaakt op 7 december 2026 om
 *   05:21") and the time the answers were ingested (its Anomalies sheet);
 * - the SHA-256 of each FI file in run-summary.json (the file holds the creation stamps);
 * - the temporary folder in the paths of run-summary.json and of the console output;
 * - the program's version and commit (run-summary.json's toolVersion, the audit trail).
 */
import { createHash } from "node:crypto";
import { DUTCH_MONTHS } from "../../src/texts/nl";

export type Leaf = string | number | boolean | null;

/** The placeholders written into the normalized output. */
export const PLACEHOLDER = {
  tmp: "<tmp>",
  runDate: "<run-date>",
  runTime: "<run-time>",
  runTimestamp: "<run-timestamp>",
  toolVersion: "<tool-version>",
} as const;

/** The simulated channel's seed for the demo (its default): tickets are `34` + 11 base-36 of SHA-256(seed|GO name[|position]). */
const CHANNEL_SEED = "easr";

const BATCH_FILE_NAME = /\b(FI|GO|FO)\.([A-Z]{4})\.(\d{6})\.(\d{8})\.(\d{5})\.([TR])\b/g;
const TICKET = /\b34[0-9A-Z]{11}\b/g;
const SHA256 = /\b[0-9a-f]{64}\b/g;
/** ISO-8601 date-time with an offset or Z, as run-summary.json writes startedAt/finishedAt. */
const ISO_TIMESTAMP = /\b(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})/g;
/** A moment as the board workbooks' title block says it in Dutch (src/texts/nl.ts dutchDateTime): "7 december 2026 om 05:21". */
const DUTCH_DATE_TIME = new RegExp(`\\b(\\d{1,2}) (${DUTCH_MONTHS.join("|")}) (\\d{4}) om \\d{2}:\\d{2}\\b`, "g");
const TIME_OF_DAY = /^\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?$/;
/** `easr 0.1.0 (commit 884b47ddffb7)`, as src/util/build-info.ts writes it. */
const TOOL_VERSION = /\beasr \d+\.\d+\.\d+ \(commit [0-9a-z-]+\)/g;

/** The zones that hold the moment a form was made: the forms' own and the answers' copy (HandledOriginalForm). */
const CREATION_DATE_ZONES = new Set(["FormCreationDate"]);
const CREATION_HOUR_ZONES = new Set(["FormCreationHour"]);

export interface StampInputs {
  /** The temporary folder the demo ran in (its paths appear in run-summary.json and the console output). */
  readonly tmpDir: string;
  /** The instants the demo started and finished, as the demo's clock saw them. */
  readonly startedAt: Date;
  readonly finishedAt: Date;
  /** GO file name -> number of forms in its FI file: the tickets the simulated channel gave. */
  readonly formsByGoFile: ReadonlyMap<string, number>;
  /** SHA-256 (hex) -> the output file (its path below the output folder) it is the hash of. */
  readonly fileHashes: ReadonlyMap<string, string>;
}

/** What was replaced, by kind: the evidence of what the normalization does on a given output. */
export type StampKind =
  | "tmp folder"
  | "file-name date"
  | "creation date"
  | "creation hour"
  | "run timestamp"
  | "workbook date-time"
  | "ticket"
  | "file hash"
  | "tool version";

export class Stamps {
  readonly replaced = new Map<StampKind, number>();
  /** The days the demo ran on, as YYYY-MM-DD, in Brussels and in UTC (a run across midnight has two). */
  private readonly runDates: Set<string>;
  private readonly tickets = new Map<string, string>();

  constructor(private readonly inputs: StampInputs) {
    this.runDates = new Set<string>();
    for (const instant of daysBetween(inputs.startedAt, inputs.finishedAt)) {
      this.runDates.add(brusselsDate(instant));
      this.runDates.add(instant.toISOString().slice(0, 10));
    }
    for (const [goName, forms] of inputs.formsByGoFile) {
      const label = this.fileName(goName);
      this.tickets.set(channelTicket(goName), `<ticket ${label}>`);
      for (let position = 1; position <= forms; position++)
        this.tickets.set(channelTicket(goName, position), `<ticket ${label}#${position}>`);
    }
  }

  isRunDate(isoDate: string): boolean {
    return this.runDates.has(isoDate);
  }

  /** A batch or answer file name with its date replaced when it is a run day. */
  fileName(name: string): string {
    return name.replace(BATCH_FILE_NAME, (whole, kind, purpose, sender, date, sequence, env) =>
      this.isRunDate(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`)
        ? this.counted("file-name date", `${kind}.${purpose}.${sender}.${PLACEHOLDER.runDate}.${sequence}.${env}`)
        : whole,
    );
  }

  /** Any text of an output: paths, file names, tickets, run timestamps and file hashes replaced. */
  text(value: string): string {
    const parts = value.split(this.inputs.tmpDir);
    let out = parts.length > 1 ? this.counted("tmp folder", parts.join(PLACEHOLDER.tmp), parts.length - 1) : value;
    out = this.fileName(out);
    out = out.replace(TOOL_VERSION, () => this.counted("tool version", PLACEHOLDER.toolVersion));
    out = out.replace(ISO_TIMESTAMP, (whole, date: string) =>
      this.isRunDate(date) ? this.counted("run timestamp", PLACEHOLDER.runTimestamp) : whole,
    );
    out = out.replace(DUTCH_DATE_TIME, (whole, day: string, month: string, year: string) => {
      const date = `${year}-${String(DUTCH_MONTHS.indexOf(month) + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
      return this.isRunDate(date) ? this.counted("run timestamp", PLACEHOLDER.runTimestamp) : whole;
    });
    out = out.replace(TICKET, (whole) => {
      const label = this.tickets.get(whole);
      return label === undefined ? whole : this.counted("ticket", label);
    });
    out = out.replace(SHA256, (whole) => {
      const file = this.inputs.fileHashes.get(whole);
      return file === undefined ? whole : this.counted("file hash", `<sha256 of ${this.fileName(file)}>`);
    });
    return out;
  }

  /** An XML zone's text: the creation stamps by zone name, then the text rules. */
  xmlText(zone: string, value: string): string {
    if (CREATION_DATE_ZONES.has(zone) && this.isRunDate(value)) return this.counted("creation date", PLACEHOLDER.runDate);
    if (CREATION_HOUR_ZONES.has(zone) && TIME_OF_DAY.test(value)) return this.counted("creation hour", PLACEHOLDER.runTime);
    return this.text(value);
  }

  /**
   * A date-time cell of a workbook: exceljs reads it as the wall-clock time written in it, as if UTC.
   * One on a run day is a moment of the run (its start or finish, an answer's ingestion).
   */
  cellDate(value: Date): string {
    const iso = value.toISOString();
    return this.isRunDate(iso.slice(0, 10)) ? this.counted("workbook date-time", PLACEHOLDER.runTimestamp) : iso;
  }

  private counted(kind: StampKind, replacement: string, times = 1): string {
    this.replaced.set(kind, (this.replaced.get(kind) ?? 0) + times);
    return replacement;
  }
}

/** The ticket the simulated channel gives a GO file (no position) or the form at `position` of its FI file. */
export function channelTicket(goName: string, position?: number): string {
  const parts = position === undefined ? [CHANNEL_SEED, goName] : [CHANNEL_SEED, goName, position];
  const digest = createHash("sha256").update(parts.join("|")).digest("hex");
  return `34${(BigInt(`0x${digest}`) % 36n ** 11n).toString(36).toUpperCase().padStart(11, "0")}`;
}

const brusselsFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" });

function brusselsDate(instant: Date): string {
  return brusselsFormat.format(instant);
}

/** The start, the finish and every whole day between (a demo takes seconds; a stalled one might take longer). */
function daysBetween(start: Date, end: Date): Date[] {
  const days = [start];
  for (let t = start.getTime() + 86_400_000; t < end.getTime(); t += 86_400_000) days.push(new Date(t));
  days.push(end);
  return days;
}
