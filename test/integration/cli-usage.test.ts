/**
 * Misuse of the command line (issue 12, items 21-23) on the real CLI path: a mistyped SQLite path is
 * "no such database" and creates nothing; the read-only commands open only the databases they read;
 * a single-value option given twice is bad usage. Every one exits 2.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { type Command, CommanderError } from "commander";
import { buildProgram } from "../../src/cli/main";
import { EXIT_USAGE } from "../../src/cli/exit-codes";
import { circularExampleRows } from "../../src/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { createLogger } from "../../src/util/logger";
import { CliWorkspace } from "../support/cli-harness";

/** Every command of the program with the words that name it, e.g. ["channel", "simulate"]. */
function commandsOf(command: Command, path: string[] = []): { path: string[]; command: Command }[] {
  return command.commands.flatMap((sub) => [{ path: [...path, sub.name()], command: sub }, ...commandsOf(sub, [...path, sub.name()])]);
}

/** The code of the error commander throws (exitOverride) for a single-value option given twice. */
const REPEATED = "easr.optionRepeated";

describe("command-line misuse (issue 12, items 21-23)", function () {
  this.timeout(180_000);
  let w: CliWorkspace;

  before(async () => {
    w = new CliWorkspace("usage");
    await w.initContract();
    await writeContractRowsToUrl(w.dbUrl, circularExampleRows());
    await w.run("2017-09");
  });
  after(() => w.remove());

  describe("a single-value option given twice (item 23)", () => {
    it("easr run --month 2018-03 --month 2018-04 is exit 2 and runs nothing", async () => {
      const out = join(w.dir, "twice");
      const result = await w.easr("run", "--month", "2017-10", "--month", "2017-11", "--db", w.dbUrl, "--out", out);
      expect(result.code).to.equal(EXIT_USAGE);
      expect(result.err.join("\n")).to.include("option '--month <YYYY-MM>' is given twice");
      expect(existsSync(out)).to.equal(false);
    });

    it("every single-value option of every command refuses a second value; repeatable ones take it", async () => {
      const errors: string[] = [];
      const program = buildProgram({ out: () => undefined, err: (line) => errors.push(line) }, () => createLogger({ console: false }));
      // Should a second value slip through, nothing may run with it.
      for (const { command } of commandsOf(program)) command.action(() => undefined);
      let checked = 0;
      for (const { path, command } of commandsOf(program)) {
        for (const option of command.options) {
          if (option.isBoolean() || option.negate) continue;
          const flag = option.long!;
          const what = `${path.join(" ")} ${flag}`;
          errors.length = 0;
          const failure = await program.parseAsync([...path, flag, "first", flag, "second"], { from: "user" }).then(
            () => null,
            (error: unknown) => error,
          );
          if (Array.isArray(option.defaultValue)) {
            // Repeatable (--reject-file): both values taken; the command may still miss a required option.
            expect((failure as CommanderError | null)?.code, what).not.to.equal(REPEATED);
            continue;
          }
          expect(failure, what).to.be.instanceOf(CommanderError);
          expect((failure as CommanderError).code, what).to.equal(REPEATED);
          expect(errors.join("\n"), what).to.include(`option '${option.flags}' is given twice`);
          expect(errors.join("\n"), what).not.to.include("second");
          checked++;
        }
      }
      // run, release, schedule, demo, payslip, explain, simulate, audit, ingest, db init, channel simulate: at least one each.
      expect(checked).to.be.greaterThan(30);
    });
  });
});
