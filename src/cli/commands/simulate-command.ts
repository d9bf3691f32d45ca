import { dirname, join } from "node:path";
import type { Command } from "commander";
import { writeSimulationWorkbook } from "../../../reports/simulation-workbook";
import { loadConfig } from "../../config/load-config";
import { makeDirectory } from "../../files/file-modes";
import { cents, formatEuro, toCents } from "../../domain/money";
import { parseYearMonth } from "../../domain/year-month";
import { openSourceContext } from "../../run/run-context";
import type { SimulationResult } from "../../run-record";
import { simulateMonth } from "../../run/simulation";
import { defaultRuleParameters, type RuleParameters } from "../../rules/rule-parameters";
import { type CliIo, SILENT_IO } from "../cli-io";
import { UsageError } from "../exit-codes";
import { brusselsTime } from "../../util/brussels-clock";

interface SimulateOptions {
  month: string;
  threshold: string;
  occupationLimit?: string;
  db?: string;
  out?: string;
  json?: boolean;
}

/** The simulated parameters: one threshold for every month, and the occupation limit as a share (0.80). */
export function simulatedParameters(thresholdText: string, limitText: string | undefined): RuleParameters {
  const threshold = toCents(thresholdText);
  if (threshold === null || threshold <= 0)
    throw new UsageError(`--threshold must be an amount in euros with at most two decimals, e.g. 2070.48, got "${thresholdText}"`);
  const real = defaultRuleParameters();
  let occupationLimitPercent = real.occupationLimitPercent;
  if (limitText !== undefined) {
    const hundredths = toCents(limitText);
    if (hundredths === null || hundredths <= 0 || hundredths > 100)
      throw new UsageError(`--occupation-limit must be a share from 0.01 to 1.00, e.g. 0.80, got "${limitText}"`);
    occupationLimitPercent = hundredths;
  }
  return {
    ...real,
    grossThresholds: [{ from: "1900-01-01", cents: threshold, source: `simulation: EUR ${thresholdText}` }],
    occupationLimitPercent,
  };
}

function personLine(p: SimulationResult["added"][number]): string {
  const facts = p.facts ? `gross ${formatEuro(p.facts.monthGross)}, occupation ${(p.facts.occupationPerMille / 10).toFixed(1)} %` : "";
  return `  staff ${p.staffId} ${p.name} (${p.inszMasked}), ${p.boards.join(" / ")}: ${facts}${p.notEligibleReason ? ` — real rules: ${p.notEligibleReason}` : ""}`;
}

export async function simulateCommand(
  options: SimulateOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SimulationResult> {
  const runMonth = parseYearMonth(options.month);
  if (!runMonth) throw new UsageError(`--month must be a month YYYY-MM, got "${options.month}"`);
  const simulated = simulatedParameters(options.threshold, options.occupationLimit);
  const config = loadConfig(env, { databaseUrl: options.db, outDir: options.out });
  const context = await openSourceContext(config);
  // With --json, the lines are not printed: the result is, as one JSON document at the end.
  const print = options.json ? SILENT_IO : io;
  try {
    const result = await simulateMonth(
      context.source,
      runMonth,
      defaultRuleParameters(),
      simulated,
      config.pageSize,
      brusselsTime(config.clock.now()).date,
    );
    print.out(
      `Simulation ${runMonth}: threshold ${formatEuro(cents(simulated.grossThresholds[0].cents))}, occupation limit ${simulated.occupationLimitPercent} % (nothing recorded)`,
    );
    print.out(
      `persons considered ${result.persons}; eligible for WECH006 of ${runMonth}: real rules ${result.eligibleReal}, simulated ${result.eligibleSimulated}`,
    );
    print.out(`added ${result.added.length}:`);
    for (const p of result.added) print.out(personLine(p));
    print.out(`dropped ${result.dropped.length}:`);
    for (const p of result.dropped) print.out(personLine(p));
    const describe = (parameters: RuleParameters) =>
      `threshold ${parameters.grossThresholds.map((t) => `${formatEuro(cents(t.cents))} from ${t.from}`).join(", ")}, occupation limit ${parameters.occupationLimitPercent} %`;
    const workbook = join(
      config.outDir,
      "simulations",
      `simulate-${runMonth}-${simulated.grossThresholds[0].cents}-${simulated.occupationLimitPercent}.xlsx`,
    );
    makeDirectory(dirname(workbook));
    await writeSimulationWorkbook({
      result,
      realParameters: describe(defaultRuleParameters()),
      simulatedParameters: describe(simulated),
      outputPath: workbook,
    });
    print.out(`workbook ${workbook}`);
    if (options.json) io.out(JSON.stringify({ ...result, workbook }, null, 2));
    return result;
  } finally {
    await context.close();
  }
}

export function registerSimulateCommand(program: Command, io: CliIo): void {
  program
    .command("simulate")
    .description(
      "the month's WECH006 decisions with another threshold (and occupation limit) against the real rules: who would be added or dropped; writes nothing to state",
    )
    .requiredOption("--month <YYYY-MM>", "the run month")
    .requiredOption("--threshold <euros>", "gross threshold in euros, e.g. 2070.48 (the RVA's in 2024)")
    .option("--occupation-limit <share>", "occupation limit as a share, e.g. 0.80")
    .option("--db <url>", "ministry database URL (default EASR_DB_URL)")
    .option("--out <dir>", "output folder: the workbook goes to <out>/simulations/ (default EASR_OUT_DIR)")
    .option("--json", "print the result (added and dropped, INSZ masked) and the workbook's path as JSON instead of the lines")
    .action(async (options: SimulateOptions) => {
      await simulateCommand(options, io);
    });
}
