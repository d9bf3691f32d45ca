import type { Command } from "commander";
import { renderTrace } from "../../../reports/decision-trace";
import { loadConfig } from "../../config/load-config";
import { isValidInsz } from "../../domain/check-digits";
import { parseYearMonth } from "../../domain/year-month";
import { monthSetting } from "../../run/decision-pass";
import type { PersonTrace } from "../../run-record";
import { tracePerson } from "../../run/person-trace";
import { openRunContext } from "../../run/run-context";
import { defaultRuleParameters } from "../../rules/rule-parameters";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";
import { brusselsTime } from "../../util/brussels-clock";
import { maskInszDeep } from "../../util/insz-masking";

interface ExplainOptions {
  staff?: string;
  insz?: string;
  month: string;
  db?: string;
  env?: string;
  json?: boolean;
}

export async function explainCommand(options: ExplainOptions, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<PersonTrace> {
  const runMonth = parseYearMonth(options.month);
  if (!runMonth) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  if ((options.staff === undefined) === (options.insz === undefined)) throw new UsageError("give either --staff <id> or --insz <insz>");
  if (options.staff !== undefined && !/^\d+$/.test(options.staff))
    throw new UsageError(`--staff must be a staff id (digits), got "${options.staff}"`);
  if (options.insz !== undefined && !isValidInsz(options.insz))
    throw new UsageError("--insz is not a valid INSZ (11 digits with mod-97 check)");
  const config = loadConfig(env, { databaseUrl: options.db, environment: options.env });
  const context = await openRunContext(config, { existing: true });
  try {
    const staffId = options.staff !== undefined ? Number(options.staff) : await context.source.staffIdByInsz(options.insz!);
    if (staffId === null) throw new UsageError("no staff member has that INSZ");
    const setting = await monthSetting(context.source, runMonth, config.pageSize, defaultRuleParameters());
    const source = await context.source.person(staffId, setting.query);
    // An id of nobody is a typing error, not an empty trace; records of a missing staff member are traced.
    if (source.staff === null && source.notifications.length === 0 && source.assignments.length === 0)
      throw new UsageError(`--staff ${staffId}: no staff member with that id in the ministry database`);
    const sent = await context.declarations.declarationsOfStaff(config.environment, staffId);
    const trace = tracePerson(source, setting, defaultRuleParameters(), sent, brusselsTime(config.clock.now()).date);
    // The JSON holds what the lines say, every INSZ masked as there.
    if (options.json) io.out(JSON.stringify(maskInszDeep(trace), null, 2));
    else for (const line of renderTrace(trace)) io.out(line);
    return trace;
  } finally {
    await context.close();
  }
}

export function registerExplainCommand(program: Command, io: CliIo): void {
  program
    .command("explain")
    .description(
      "the decision trace of one person for one run month: windows, cut-off, assignments day by day, occupation, gross, threshold, decision, what was sent",
    )
    .requiredOption("--month <YYYY-MM>", "the run month")
    .option("--staff <id>", "the staff id")
    .option("--insz <insz>", "or the INSZ (never printed in clear)")
    .option("--db <url>", "ministry database URL (default EASR_DB_URL)")
    .option("--env <T|R>", "whose declarations to show: T (default) or R")
    .option("--json", "print the trace as JSON (INSZ masked) instead of the lines")
    .action(async (options: ExplainOptions) => {
      await explainCommand(options, io);
    });
}
