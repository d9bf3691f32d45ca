/**
 * `easr config`: the configuration variables with their meaning; `easr config --check` (as `dbt debug`):
 * every variable's effective value (secrets masked), each checked as at start-up, then each database
 * reached, the output folder written to and the channel logged into. Exit 0 when all holds, 2 when not.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { pingDatabase } from "../../../ormconfig";
import { configSchema } from "../../../schemas/config.schema";
import { openTransport } from "../../channel/transport/open-transport";
import { answerFolder, channelPath, sendFolder } from "../../channel/transport/channel-address";
import { parseDatabaseUrl } from "../../config/database-url";
import { type AppConfig, ConfigError, describeConfig, loadConfig } from "../../config/load-config";
import { withoutPassword } from "../../util/url-password";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";

export interface ConfigOptions {
  check?: boolean;
  json?: boolean;
}

export interface ConfigCheck {
  readonly what: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface ConfigReport {
  /** Every variable, its effective value (secrets masked) and where it came from. */
  readonly values: { readonly name: string; readonly value: string | null; readonly from: "environment" | "default" | "unset" }[];
  readonly checks: ConfigCheck[];
  readonly ok: boolean;
}

/** Thrown after the report is printed when a check failed: exit 2, the lines above say which. */
export class ConfigCheckFailed extends UsageError {}

const SECRET = /PASSWORD|PASSPHRASE/;
const URLS = new Set(["EASR_DB_URL", "EASR_STATE_DB_URL", "EASR_CHANNEL_URL"]);

/** A value as it may be shown: a password or passphrase as ****, a URL without its password. */
function shown(name: string, value: string): string {
  if (SECRET.test(name)) return "****";
  return URLS.has(name) ? withoutPassword(value) : value;
}

function effectiveValues(env: NodeJS.ProcessEnv): ConfigReport["values"] {
  const defaults = configSchema.safeParse({});
  return Object.keys(configSchema.shape).map((name) => {
    const given = env[name];
    if (given !== undefined && given !== "") return { name, value: shown(name, given), from: "environment" as const };
    const fallback = defaults.success ? (defaults.data as Record<string, unknown>)[name] : undefined;
    return fallback === undefined
      ? { name, value: null, from: "unset" as const }
      : { name, value: shown(name, String(fallback)), from: "default" as const };
  });
}

async function check(what: string, probe: () => Promise<string>): Promise<ConfigCheck> {
  try {
    return { what, ok: true, detail: await probe() };
  } catch (error) {
    return { what, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Connects, asks SELECT 1, disconnects: nothing created, nothing migrated. */
async function reach(url: string, missingIsFine: boolean): Promise<string> {
  const location = parseDatabaseUrl(url);
  if (location.engine === "sqlite" && location.file !== ":memory:" && !existsSync(location.file!)) {
    if (missingIsFine) return `${location.display}: not there yet; the first run creates it`;
    throw new Error(`${location.display}: no such database`);
  }
  await pingDatabase(url, { readOnly: location.engine === "sqlite" });
  return `${location.display}: reached`;
}

/** Writes and removes a file in the output folder (or the folder that will hold it). */
async function writable(outDir: string): Promise<string> {
  let folder = resolve(outDir);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  const probe = mkdtempSync(join(folder, ".easr-check-"));
  rmSync(probe, { recursive: true, force: true });
  return folder === resolve(outDir) ? `${folder}: writable` : `${resolve(outDir)}: not there yet; ${folder} is writable, a run creates it`;
}

async function channelReached(config: AppConfig): Promise<string> {
  const settings = config.channel!;
  const transport = await openTransport(settings);
  try {
    for (const folder of [sendFolder(config.environment), answerFolder(config.environment)])
      await transport.checkFolder(channelPath(settings.address, folder));
  } finally {
    await transport.close();
  }
  return `${settings.address.display}: logged in; ${sendFolder(config.environment)} and ${answerFolder(config.environment)} are there`;
}

export async function configCheck(env: NodeJS.ProcessEnv = process.env): Promise<ConfigReport> {
  const values = effectiveValues(env);
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problems = error.message.replace(/^invalid configuration:\s*/, "").replace(/\n\s*/g, "; ");
    return { values, checks: [{ what: "configuration", ok: false, detail: problems }], ok: false };
  }
  const checks = [
    { what: "configuration", ok: true, detail: "every variable valid" },
    await check("ministry database", () => reach(config.databaseUrl, false)),
    await check("state database", () => reach(config.stateDatabaseUrl, true)),
    await check("output folder", () => writable(config.outDir)),
    ...(config.channel ? [await check("batch channel", () => channelReached(config))] : []),
    ...(config.signing
      ? [{ what: "signing certificate", ok: true, detail: `${config.signing.subject}, valid to ${config.signing.validTo}` }]
      : []),
  ];
  return { values, checks, ok: checks.every((c) => c.ok) };
}

export async function configCommand(options: ConfigOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!options.check) {
    if (options.json) io.out(JSON.stringify(describeConfig()));
    else for (const line of describeConfig()) io.out(line);
    return;
  }
  const report = await configCheck(env);
  if (options.json) io.out(JSON.stringify(report, null, 2));
  else {
    for (const v of report.values) io.out(`${v.name}=${v.value ?? ""}${v.from === "environment" ? "" : ` (${v.from})`}`);
    io.out("");
    for (const c of report.checks) io.out(`${c.ok ? "ok  " : "FAIL"} ${c.what}: ${c.detail.replace(/\n\s*/g, "; ")}`);
  }
  if (!report.ok)
    throw new ConfigCheckFailed(
      `config --check: ${report.checks
        .filter((c) => !c.ok)
        .map((c) => c.what)
        .join(", ")} failed`,
    );
}

export function registerConfigCommand(program: Command, io: CliIo): void {
  program
    .command("config")
    .description(
      "list the configuration variables with their meaning; --check shows the effective values and checks them (databases, output folder, channel)",
    )
    .option(
      "--check",
      "every variable's effective value (secrets masked), checked; each database reached, the output folder written, the channel logged into; exit 2 when one fails",
    )
    .option("--json", "the same as JSON")
    .action(async (options: ConfigOptions) => {
      await configCommand(options, io);
    });
}
