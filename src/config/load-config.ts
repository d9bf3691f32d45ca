/**
 * Configuration from the environment, validated once at start-up: a bad value stops the program with
 * a message naming the variable and what is wrong (exit code 2), before anything is read or written.
 */
import { isPkcs12, loadSigningCredentials, SigningConfigError, type SigningCredentials } from "../files/fi-signature";
import { yearMonth, type YearMonth } from "../domain/year-month";
import { join } from "node:path";
import { z } from "zod";
import { type SourceNaming, sourceNaming as mappedSourceNaming } from "../../mappings/source-tables";
import { configSchema, DEMO_IDENTITY, type RawConfig } from "../../schemas/config.schema";
import { isValidKbo, isValidNoss } from "../domain/check-digits";
import type { FileModes } from "../files/file-modes";
import { defaultRuleParameters, ruleParameterProblems } from "../rules/rule-parameters";
import { type Clock, clockFrom, systemClock } from "../util/brussels-clock";
import { loadSourceNaming, SourceNamingError } from "../source/source-naming";
import { parseDatabaseUrl, DatabaseUrlError } from "./database-url";
import { DRIVER_PACKAGES, missingDriver, type ModuleResolver, resolveInstalled } from "./database-driver";
import type * as pkijs from "pkijs";
import type { ChannelSettings } from "../channel/transport/channel-settings";
import { answerCertificatesOf, channelSettingsOf } from "./channel-config";
import { type Agency, type AgencyLetterhead, parsePostalAddress } from "../domain/agency";

export class ConfigError extends Error {
  override readonly name: string = "ConfigError";
}

export interface AppConfig {
  readonly databaseUrl: string;
  readonly stateDatabaseUrl: string;
  readonly outDir: string;
  readonly logFile: string;
  readonly environment: "T" | "R";
  readonly employer: { readonly senderNumber: string; readonly nossNumber: string; readonly kboNumber: string };
  readonly pageSize: number;
  /** Physical names of the ministry's tables and columns: EASR_SOURCE_MAPPING's file, else mappings/source-tables.ts. */
  readonly sourceNaming: SourceNaming;
  /** Cron expression of `easr schedule`, Brussels time. */
  readonly schedule: string;
  /** The first run month `easr schedule` may run; undefined: from the current school year on. */
  readonly firstMonth?: YearMonth;
  /** Seconds a run waits for the run lock. */
  readonly lockWaitSeconds: number;
  /** The safety valve. */
  readonly swingPolicy: { readonly maxShare: number; readonly minForms: number; readonly formTypes: readonly string[] };
  /** The clock every command reads: the system's, or EASR_CLOCK's (tests and rehearsals, never R). */
  readonly clock: Clock;
  /** The signing certificate and key (EASR_SIGNING_CERT, EASR_SIGNING_KEY): null when none is given (T only). */
  readonly signing: SigningCredentials | null;
  /** The batch channel (EASR_CHANNEL_URL …): null when none is configured. */
  readonly channel: ChannelSettings | null;
  /** EASR_ANSWER_CERT: the certificates answers are checked against; null: not checked. */
  readonly answerCertificates: pkijs.Certificate[] | null;
  /** Cron expression of `easr schedule`'s fetch of the answers, Brussels time. */
  readonly fetchSchedule: string;
  /** EASR_REPORT_LANGUAGE: the operator workbook's language. */
  readonly reportLanguage: "nl" | "en";
  /** Each agency's name and postal address, as the staff member's payslip copy prints them. */
  readonly agencies: Readonly<Record<Agency, AgencyLetterhead>>;
}

/** Command-line options take precedence over the environment. */
export interface ConfigOverrides {
  readonly databaseUrl?: string;
  readonly outDir?: string;
  readonly environment?: string;
}

/**
 * `resolveDriver` finds the database drivers (tests give one that finds none): a driver a database URL
 * needs and that is not installed is a problem like a bad value.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
  resolveDriver: ModuleResolver = resolveInstalled,
): AppConfig {
  const raw = parsedConfig(env, overrides);
  const problems: string[] = [];
  employerProblems(raw, problems);
  const stateUrl = raw.EASR_STATE_DB_URL ?? raw.EASR_DB_URL;
  databaseProblems(
    [
      ["EASR_DB_URL", raw.EASR_DB_URL],
      ["EASR_STATE_DB_URL", stateUrl],
    ],
    resolveDriver,
    problems,
  );
  demoIdentityProblems(raw, problems);
  const sourceNaming = sourceNamingOf(raw, problems);
  // The decision tables of mappings/ (thresholds, wage codes, zone defaults) are configuration too.
  for (const problem of ruleParameterProblems(defaultRuleParameters())) problems.push(`mappings: ${problem}`);
  if (raw.EASR_CLOCK !== undefined && raw.EASR_ENVIRONMENT === "R") {
    problems.push("EASR_CLOCK: a clock set by hand is for tests and rehearsals; an R (real) run takes the real time");
  }
  const clock = raw.EASR_CLOCK === undefined ? systemClock : clockFrom(new Date(raw.EASR_CLOCK));
  const signing = signingOf(raw, clock, problems);
  const channel = channelSettingsOf(raw, problems);
  const answerCertificates = answerCertificatesOf(raw, problems);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${asTyped(problems, overrides).join("\n  ")}`);
  return {
    databaseUrl: raw.EASR_DB_URL,
    stateDatabaseUrl: stateUrl,
    outDir: raw.EASR_OUT_DIR,
    logFile: raw.EASR_LOG_FILE ?? join(raw.EASR_OUT_DIR, "easr.log"),
    environment: raw.EASR_ENVIRONMENT,
    employer: { senderNumber: raw.EASR_SENDER_NUMBER, nossNumber: raw.EASR_NOSS_NUMBER, kboNumber: raw.EASR_KBO_NUMBER },
    pageSize: raw.EASR_PAGE_SIZE,
    sourceNaming,
    lockWaitSeconds: raw.EASR_LOCK_WAIT_SECONDS,
    swingPolicy: { maxShare: raw.EASR_SWING_LIMIT, minForms: raw.EASR_SWING_MIN_FORMS, formTypes: raw.EASR_SWING_FORM_TYPES.split(",") },
    schedule: raw.EASR_SCHEDULE,
    // Checked by the schema (YYYY-MM); the year range too, at start-up.
    firstMonth: raw.EASR_FIRST_MONTH === undefined ? undefined : yearMonth(raw.EASR_FIRST_MONTH),
    clock,
    signing,
    channel,
    answerCertificates,
    fetchSchedule: raw.EASR_FETCH_SCHEDULE,
    reportLanguage: raw.EASR_REPORT_LANGUAGE,
    agencies: {
      AGODI: letterhead("AGODI", raw.EASR_AGODI_NAME, raw.EASR_AGODI_ADDRESS),
      AHOVOKS: letterhead("AHOVOKS", raw.EASR_AHOVOKS_NAME, raw.EASR_AHOVOKS_ADDRESS),
    },
  };
}

/** The environment with the command line's values over it, empty values left out, through the schema. */
function parsedConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides): RawConfig {
  const input: Record<string, string | undefined> = { ...env };
  if (overrides.databaseUrl) input.EASR_DB_URL = overrides.databaseUrl;
  if (overrides.outDir) input.EASR_OUT_DIR = overrides.outDir;
  if (overrides.environment) input.EASR_ENVIRONMENT = overrides.environment;
  for (const key of Object.keys(input)) if (input[key] === "") delete input[key];
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration:\n  ${asTyped(issueLines(parsed.error), overrides).join("\n  ")}`);
  }
  return parsed.data;
}

/** The employer's numbers: valid check digits. */
function employerProblems(raw: RawConfig, problems: string[]): void {
  if (!isValidNoss(raw.EASR_NOSS_NUMBER))
    problems.push(`EASR_NOSS_NUMBER: "${raw.EASR_NOSS_NUMBER}" is not a valid RSZ/NOSS number (mod-97 check digits)`);
  if (!isValidKbo(raw.EASR_KBO_NUMBER))
    problems.push(`EASR_KBO_NUMBER: "${raw.EASR_KBO_NUMBER}" is not a valid KBO enterprise number (10 digits, mod-97 check)`);
}

/** An R run declares for the agency: not with the demo's numbers. */
function demoIdentityProblems(raw: RawConfig, problems: string[]): void {
  if (raw.EASR_ENVIRONMENT !== "R") return;
  const demo =
    raw.EASR_SENDER_NUMBER === DEMO_IDENTITY.sender ||
    raw.EASR_NOSS_NUMBER === DEMO_IDENTITY.noss ||
    raw.EASR_KBO_NUMBER === DEMO_IDENTITY.kbo;
  if (demo)
    problems.push(
      "EASR_ENVIRONMENT=R needs the agency's own EASR_SENDER_NUMBER, EASR_NOSS_NUMBER and EASR_KBO_NUMBER, not the demo values",
    );
}

/** Each database URL readable, its driver installed (a missing package said once, though two URLs need it). */
function databaseProblems(urls: readonly (readonly [string, string])[], resolveDriver: ModuleResolver, problems: string[]): void {
  const driversMissing = new Set<string>();
  for (const [name, url] of urls) {
    try {
      const { engine } = parseDatabaseUrl(url);
      const missing = missingDriver(engine, resolveDriver);
      if (missing !== null && !driversMissing.has(DRIVER_PACKAGES[engine])) {
        problems.push(`${name}: ${missing}`);
        driversMissing.add(DRIVER_PACKAGES[engine]);
      }
    } catch (error) {
      if (error instanceof DatabaseUrlError) problems.push(`${name}: ${error.message}`);
      else throw error;
    }
  }
}

/** The physical names of the ministry's tables: EASR_SOURCE_MAPPING's file, else mappings/source-tables.ts. */
function sourceNamingOf(raw: RawConfig, problems: string[]): SourceNaming {
  if (raw.EASR_SOURCE_MAPPING === undefined) return mappedSourceNaming;
  try {
    return loadSourceNaming(raw.EASR_SOURCE_MAPPING);
  } catch (error) {
    if (error instanceof SourceNamingError) problems.push(`EASR_SOURCE_MAPPING: ${error.message}`);
    else throw error;
    return mappedSourceNaming;
  }
}

/** An agency's letterhead from its variables (the schema has checked that the address reads). */
function letterhead(agency: Agency, name: string, address: string): AgencyLetterhead {
  const parsed = parsePostalAddress(address);
  if (parsed === null) throw new Error(`EASR_${agency}_ADDRESS passed the schema but does not read as an address: ${address}`);
  return { agency, name, address: parsed };
}

/** The signing credentials, checked now (readable, the key the certificate's, valid today); an R run needs them. */
function signingOf(
  raw: { EASR_SIGNING_CERT?: string; EASR_SIGNING_KEY?: string; EASR_SIGNING_PASSPHRASE?: string; EASR_ENVIRONMENT: "T" | "R" },
  clock: Clock,
  problems: string[],
): SigningCredentials | null {
  if (raw.EASR_SIGNING_CERT === undefined) {
    if (raw.EASR_SIGNING_KEY !== undefined) problems.push("EASR_SIGNING_KEY is given without EASR_SIGNING_CERT");
    if (raw.EASR_ENVIRONMENT === "R")
      problems.push(
        "EASR_ENVIRONMENT=R needs the agency's signing certificate (EASR_SIGNING_CERT and EASR_SIGNING_KEY): the transfer point takes no unsigned file",
      );
    return null;
  }
  if (raw.EASR_SIGNING_KEY === undefined && !isPkcs12(raw.EASR_SIGNING_CERT)) {
    problems.push("EASR_SIGNING_CERT needs its private key in EASR_SIGNING_KEY (or give a PKCS#12 store, .p12 or .pfx)");
    return null;
  }
  try {
    return loadSigningCredentials(
      { certificatePath: raw.EASR_SIGNING_CERT, keyPath: raw.EASR_SIGNING_KEY, passphrase: raw.EASR_SIGNING_PASSPHRASE },
      clock.now(),
    );
  } catch (error) {
    if (error instanceof SigningConfigError) problems.push(`EASR_SIGNING_CERT: ${error.message}`);
    else throw error;
    return null;
  }
}

/**
 * EASR_FILE_MODE and EASR_DIR_MODE alone: every command applies them at start-up (also those that
 * read no other configuration, like `channel simulate`). A bad value is a ConfigError (exit 2).
 */
export function fileModesFrom(env: NodeJS.ProcessEnv = process.env): FileModes {
  const parsed = configSchema.pick({ EASR_FILE_MODE: true, EASR_DIR_MODE: true }).safeParse({
    EASR_FILE_MODE: env.EASR_FILE_MODE || undefined,
    EASR_DIR_MODE: env.EASR_DIR_MODE || undefined,
  });
  if (!parsed.success) throw new ConfigError(`invalid configuration:\n  ${issueLines(parsed.error).join("\n  ")}`);
  return { file: parsed.data.EASR_FILE_MODE, dir: parsed.data.EASR_DIR_MODE };
}

/** The command-line flag that set a variable, when one did. */
const FLAGS: Record<string, keyof ConfigOverrides> = {
  EASR_DB_URL: "databaseUrl",
  EASR_OUT_DIR: "outDir",
  EASR_ENVIRONMENT: "environment",
};
const FLAG_NAMES: Record<keyof ConfigOverrides, string> = { databaseUrl: "--db", outDir: "--out", environment: "--env" };

/** Problems named as the user gave the value: `--env: …` for `--env X`, the variable's name otherwise. */
function asTyped(lines: readonly string[], overrides: ConfigOverrides): string[] {
  return lines.map((line) => {
    const variable = /^(EASR_[A-Z_]+):/.exec(line)?.[1];
    const override = variable === undefined ? undefined : FLAGS[variable];
    return override !== undefined && overrides[override] ? `${FLAG_NAMES[override]}${line.slice(variable!.length)}` : line;
  });
}

function issueLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

/** One line per configuration variable with its documentation, for `easr config`. */
export function describeConfig(): string[] {
  return Object.entries(configSchema.shape).map(([name, schema]) => `${name}: ${(schema as z.ZodType).description ?? ""}`);
}
