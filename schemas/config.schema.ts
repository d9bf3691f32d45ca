/**
 * The adapter's configuration: environment variables, validated at start-up. Every field has a doc
 * line (shown by `easr config`). Check digits are verified in src/config/load-config.ts.
 */
import { parseCalendarDate } from "../src/domain/calendar-date";
import cron from "node-cron";
import { z } from "zod";
import { scheduleExpressionProblem } from "../jobs/schedule-expression";
import { DEFAULT_FILE_MODES, octal } from "../src/files/file-modes";
import { parsePostalAddress } from "../src/domain/agency";

/** EASR_CLOCK's moment exists: a real calendar date, hours < 24, minutes and seconds < 60, an offset within ±14:00. */
function isRealMoment(value: string): boolean {
  const [, hour, minute, second, offsetHour, offsetMinute] = /T(\d{2}):(\d{2})(?::(\d{2}))?.*?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(value) ?? [];
  const within = (text: string | undefined, max: number) => text === undefined || Number(text) <= max;
  return (
    parseCalendarDate(value.slice(0, 10)) !== null &&
    within(hour, 23) &&
    within(minute, 59) &&
    within(second, 59) &&
    within(offsetHour, 14) &&
    within(offsetMinute, 59) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** What the staff member's copy prints as the agency's name: one line of text, no control characters. */
function agencyName(agency: string, fallback: string) {
  return z
    .string()
    .trim()
    .min(3, { error: "must name the agency (at least 3 characters)" })
    .max(150, { error: "must be at most 150 characters: it is printed on the staff member's copy" })
    .regex(/^[^\p{Cc}]+$/u, { error: "must be one line of text, without control characters" })
    .default(fallback)
    .describe(`The name of ${agency} as the staff member's payslip copy (easr payslip --pdf, --all) prints it; default "${fallback}"`);
}

/** The agency's postal address as the copy prints it: "<street and number>, <postal code> <municipality>". */
function agencyAddress(agency: string, fallback: string) {
  return z
    .string()
    .max(200, { error: "must be at most 200 characters: it is printed on the staff member's copy" })
    .regex(/^[^\p{Cc}]+$/u, { error: "must be one line of text, without control characters" })
    .refine((text) => parsePostalAddress(text) !== null, {
      error:
        'must be "<street and number>, <postal code> <municipality>" with a Belgian postal code, e.g. "Koning Albert II-laan 15, 1210 Brussel"',
    })
    .default(fallback)
    .describe(
      `The postal address of ${agency} on the staff member's payslip copy: "<street and number>, <4-digit postal code> <municipality>" (more street lines separated by ", "); default "${fallback}"`,
    );
}

export const DEMO_IDENTITY = { sender: "900123", noss: "123456749", kbo: "0123456749" } as const;

/**
 * Octal permission bits such as 0640: never any for others, since what the adapter
 * writes holds personal data, and at least `owner` for the owner, who writes and reads it again.
 */
function permissionBits(owner: number, ownerNeeds: string) {
  return z
    .string()
    .regex(/^0?[0-7]{3}$/, { error: "must be octal permission bits, e.g. 0640" })
    .transform((text) => parseInt(text, 8))
    .refine((mode) => (mode & 0o007) === 0, { error: "must give others no access (the files hold personal data): the last digit is 0" })
    .refine((mode) => (mode & owner) === owner, { error: `must let the owner ${ownerNeeds} (${octal(owner)})` });
}

export const configSchema = z.object({
  EASR_DB_URL: z
    .string()
    .min(1)
    .default("sqlite:./data/ministry.sqlite")
    .describe("The ministry's payroll database (read-only): sqlite:<path>, postgres://, mysql://, mariadb:// or mssql://"),
  EASR_STATE_DB_URL: z
    .string()
    .min(1)
    .optional()
    .describe("The adapter's own state database (runs, declarations, files); default: EASR_DB_URL"),
  EASR_OUT_DIR: z.string().min(1).default("./out").describe("Folder receiving <YYYY-MM>/ with the FI/GO files and the run summary"),
  EASR_FILE_MODE: permissionBits(0o600, "read and write")
    .default(DEFAULT_FILE_MODES.file)
    .describe(
      `Permission bits of every file the adapter creates (FI/GO files, workbooks, payslip extract and PDF, decisions.jsonl, the log, SQLite databases), octal; default ${octal(DEFAULT_FILE_MODES.file)}: the group (the transfer account) reads, others nothing`,
    ),
  EASR_DIR_MODE: permissionBits(0o700, "read, write and enter")
    .default(DEFAULT_FILE_MODES.dir)
    .describe(
      `Permission bits of every folder the adapter creates, octal; default ${octal(DEFAULT_FILE_MODES.dir)}; folders that exist already are left as they are`,
    ),
  EASR_LOG_FILE: z
    .string()
    .min(1)
    .optional()
    .describe("JSON-lines log file, one line per event, INSZ masked; default <EASR_OUT_DIR>/easr.log"),
  EASR_ENVIRONMENT: z
    .enum(["T", "R"])
    .default("T")
    .describe("Batch environment: T test (default) or R real; R needs the agency's own identity"),
  EASR_SENDER_NUMBER: z
    .string()
    .regex(/^\d{6}$/, { error: "must be 6 digits" })
    .refine((v) => v !== "000000", { error: "000000 is not a sender number" })
    .default(DEMO_IDENTITY.sender)
    .describe("6-digit batch sender number of the agency (file names)"),
  EASR_NOSS_NUMBER: z
    .string()
    .default(DEMO_IDENTITY.noss)
    .describe("RSZ/NOSS registration number of the ministry (zone 00011), mod-97 checked"),
  EASR_KBO_NUMBER: z
    .string()
    .default(DEMO_IDENTITY.kbo)
    .describe("KBO enterprise number of the ministry, 10 digits (zone 00014), mod-97 checked"),
  EASR_PAGE_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(500)
    .describe("Persons read per page from the ministry database (at most 1000)"),
  // Source mapping: the deployment's physical table and column names
  EASR_SOURCE_MAPPING: z
    .string()
    .min(1)
    .optional()
    .describe(
      "JSON file naming the ministry's tables and columns where the deployment's database differs from the contract (shape of mappings/source-tables.ts, which it then replaces); checked against the contract at start-up",
    ),
  EASR_SCHEDULE: z
    .string()
    .superRefine((value, ctx) => {
      const problem = scheduleExpressionProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .default("30 6 * * *")
    .describe(
      "When `easr schedule` looks for due months: a cron expression in Brussels time (5 fields, or 6 with seconds first); default 30 6 * * * (06:30 every day). Refused when it may fire between 02:00 and 02:59: that hour is skipped on the spring daylight-saving day",
    ),
  EASR_SIGNING_CERT: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The agency's signing certificate from an accepted certification authority: a PKCS#12 store (.p12, .pfx: certificate and key, opened with EASR_SIGNING_PASSPHRASE) or a PEM/DER certificate with EASR_SIGNING_KEY. Every FI file gets its FS signature file (PKCS#7/CMS detached, SHA-256) before its GO file. Required for EASR_ENVIRONMENT=R; T runs sign when it is given",
    ),
  EASR_SIGNING_KEY: z
    .string()
    .min(1)
    .optional()
    .describe("The PEM private key (RSA, or EC on P-256/384/521) of a PEM/DER EASR_SIGNING_CERT (a PKCS#12 store holds its own)"),
  EASR_SIGNING_PASSPHRASE: z.string().optional().describe("The passphrase of the PKCS#12 store, or of an encrypted EASR_SIGNING_KEY"),
  EASR_CLOCK: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      error: "must be an ISO date-time with its offset, e.g. 2024-05-02T09:00:00+02:00",
    })
    .refine((value) => isRealMoment(value), { error: "is not a real moment" })
    .optional()
    .describe(
      "Tests and rehearsals only: the moment the program takes as now when it starts (ISO date-time with offset, e.g. 2024-05-02T09:00:00+02:00); its clock runs on from there. Form creation dates, deadlines and cut-offs follow it. Refused with EASR_ENVIRONMENT=R",
    ),
  EASR_FIRST_MONTH: z
    .string()
    .regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { error: "must be a month YYYY-MM (1900-2999)" })
    .optional()
    .describe(
      "The first run month `easr schedule` may run, YYYY-MM; without it the scheduler only runs months from the current school year on (the school year of the last month that had ended when it started)",
    ),
  // One run at a time and the safety valve
  EASR_LOCK_WAIT_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400)
    .default(0)
    .describe("How long a run waits for another run to finish (the run lock); 0: stop at once with a clear message"),
  EASR_SWING_LIMIT: z.coerce
    .number()
    .gt(0)
    .max(10)
    .default(0.3)
    .describe(
      "Safety valve: a run whose declarations of a watched form type differ from the previous month's by more than this share (0.30 = 30 %) stops before writing, unless --accept-swing",
    ),
  EASR_SWING_MIN_FORMS: z.coerce
    .number()
    .int()
    .min(0)
    .default(20)
    .describe("Safety valve: a difference of fewer forms than this never stops a run"),
  EASR_SWING_FORM_TYPES: z
    .string()
    .regex(/^(WECH00[36])(,WECH00[36])*$/, { error: "a comma-separated list of WECH003, WECH006" })
    .default("WECH006")
    .describe("Safety valve: the form types watched (comma-separated); WECH003 follows the school year's starts and swings by nature"),
  EASR_CHANNEL_URL: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The batch channel: sftp://user@host[:port]/folder or ftps://user@host[:port]/folder (the agency's file transfer account; the folder holds IN, OUT, INTEST, OUTTEST; / is the login folder), or file:///folder for a local stand-in. `easr channel send` and `fetch` use it, and `easr schedule` sends after each run and fetches on EASR_FETCH_SCHEDULE",
    ),
  EASR_CHANNEL_PASSWORD: z.string().min(1).optional().describe("The channel account's password (or give EASR_CHANNEL_KEY for sftp)"),
  EASR_CHANNEL_KEY: z.string().min(1).optional().describe("sftp: the account's SSH private key file (OpenSSH or PEM)"),
  EASR_CHANNEL_KEY_PASSPHRASE: z.string().optional().describe("sftp: the passphrase of EASR_CHANNEL_KEY"),
  EASR_CHANNEL_HOST_KEY: z
    .string()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}(,SHA256:[A-Za-z0-9+/]{43})*$/, {
      error:
        "must be the host key fingerprint(s) as ssh-keygen -l prints them: SHA256: and 43 base64 characters, several separated by commas",
    })
    .optional()
    .describe(
      "sftp: the server's host key fingerprint(s), SHA256:… as ssh-keygen -lf prints them, comma-separated when the server has several keys; a server showing another key gets nothing. Required for an sftp:// channel",
    ),
  EASR_CHANNEL_CA: z
    .string()
    .min(1)
    .optional()
    .describe("ftps: PEM file of the certificate(s) the server's TLS certificate is checked against; default the system's authorities"),
  EASR_CHANNEL_RETRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(3)
    .describe("How often a broken or unreachable connection to the channel is tried again, waiting twice as long each time"),
  EASR_CHANNEL_RETRY_SECONDS: z.coerce.number().min(0).max(600).default(2).describe("The wait before the first retry on the channel"),
  EASR_CHANNEL_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(30)
    .describe("Seconds a login to the channel, or a silent transfer, may take before it counts as broken"),
  EASR_ANSWER_CERT: z
    .string()
    .min(1)
    .optional()
    .describe(
      "PEM file of the certificate(s) the institutions sign their answers with (or their authorities'): an answer fetched whose signature does not verify, or that has none, is kept in answers/refused/ and not applied. Without it, signatures are not checked",
    ),
  EASR_REPORT_LANGUAGE: z
    .enum(["nl", "en"])
    .default("nl")
    .describe(
      "The language of the operator workbook: nl (Dutch, for the payroll operators) or en (English, for the IT team). The school boards' workbooks and the staff member's copy are always Dutch",
    ),
  EASR_FETCH_SCHEDULE: z
    .string()
    .refine((value) => cron.validate(value), { error: "must be a cron expression (5 fields, or 6 with seconds first)" })
    .default("15 7-19 * * *")
    .describe(
      "When `easr schedule` fetches and ingests the channel's answers: a cron expression in Brussels time; default 15 7-19 * * * (every hour at :15, 07:15 to 19:15)",
    ),
  // The agencies as the staff member's copy names them
  EASR_AGODI_NAME: agencyName("AGODI", "Agentschap voor Onderwijsdiensten (AGODI)"),
  EASR_AGODI_ADDRESS: agencyAddress("AGODI", "Koning Albert II-laan 15, 1210 Brussel"),
  EASR_AHOVOKS_NAME: agencyName(
    "AHOVOKS",
    "Agentschap voor Hoger Onderwijs, Volwassenenonderwijs, Kwalificaties en Studietoelagen (AHOVOKS)",
  ),
  EASR_AHOVOKS_ADDRESS: agencyAddress("AHOVOKS", "Koning Albert II-laan 15, 1210 Brussel"),
});

export type RawConfig = z.infer<typeof configSchema>;
