/**
 * Misuse of the command line on the real CLI path: a mistyped SQLite path is
 * "no such database" and creates nothing; the read-only commands open only the databases they read;
 * a single-value option given twice is bad usage. Every one exits 2.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { type Command, CommanderError } from "commander";
import { buildProgram } from "../../src/cli/main";
import { EXIT_USAGE } from "../../src/cli/exit-codes";
import { circularExampleRows } from "../../tools/demo/circular-examples";
import { writeContractRowsToUrl } from "../../src/source/contract-writer";
import { createLogger } from "../../src/util/logger";
import { CliWorkspace } from "../support/cli-harness";
import { withEnv } from "../support/env";

/** Every command of the program with the words that name it, e.g. ["channel", "simulate"]. */
function commandsOf(command: Command, path: string[] = []): { path: string[]; command: Command }[] {
  return command.commands.flatMap((sub) => [{ path: [...path, sub.name()], command: sub }, ...commandsOf(sub, [...path, sub.name()])]);
}

/** The code of the error commander throws (exitOverride) for a single-value option given twice. */
const REPEATED = "easr.optionRepeated";

describe("command-line misuse", function () {
  this.timeout(180_000);
  let w: CliWorkspace;

  before(async () => {
    w = new CliWorkspace("usage");
    await w.initContract();
    await writeContractRowsToUrl(w.dbUrl, circularExampleRows());
    await w.run("2017-09");
  });
  after(() => w.remove());

  describe("a SQLite database that does not exist", () => {
    const commands = (db: string, out: string): string[][] => [
      ["run", "--month", "2017-09", "--db", db, "--out", out],
      ["run", "--month", "2017-09", "--db", db, "--out", out, "--dry-run"],
      ["release", "--staff", "1", "--month", "2017-09", "--db", db, "--out", out],
      ["explain", "--staff", "1", "--month", "2017-09", "--db", db],
      ["simulate", "--month", "2017-09", "--threshold", "2070.48", "--db", db, "--out", out],
      ["audit", "--db", db],
      ["report", "--month", "2017-09", "--db", db],
      ["ingest", "--dir", out, "--db", db],
      ["schedule", "--list", "--db", db, "--out", out],
    ];

    it("is exit 2 'no such database' for every command but db init and demo, and nothing is created", async () => {
      const missingFolder = join(w.dir, "nonexistent");
      const db = `sqlite:${join(missingFolder, "x.sqlite")}`;
      const out = join(w.dir, "typo-out");
      for (const args of commands(db, w.dir)) {
        const result = await w.easr(...args);
        expect(result.code, `${args.join(" ")}: ${result.err.join("\n")}`).to.equal(EXIT_USAGE);
        expect(result.err.join("\n"), args.join(" ")).to.include(`no such database: ${db}`);
        expect(existsSync(missingFolder), `${args.join(" ")} created ${missingFolder}`).to.equal(false);
      }
      expect(existsSync(out)).to.equal(false);
    });

    it("a missing file in an existing folder is not created either", async () => {
      const file = join(w.dir, "typo.sqlite");
      const result = await w.easr("run", "--month", "2017-09", "--db", `sqlite:${file}`, "--out", w.outDir);
      expect(result.code, result.err.join("\n")).to.equal(EXIT_USAGE);
      expect(result.err.join("\n")).to.include("no such database");
      for (const suffix of ["", "-wal", "-shm", ".easr-run.lock"])
        expect(existsSync(`${file}${suffix}`), `${file}${suffix}`).to.equal(false);
    });

    it("db init creates it", async () => {
      const file = join(w.dir, "fresh", "new.sqlite");
      const result = await w.easr("db", "init", "--db", `sqlite:${file}`);
      expect(result.code, result.err.join("\n")).to.equal(0);
      expect(existsSync(file)).to.equal(true);
    });
  });

  describe("read-only commands open only what they read", () => {
    const absentSource = () => `sqlite:${join(w.dir, "absent-source.sqlite")}`;
    const absentState = () => `sqlite:${join(w.dir, "absent-state.sqlite")}`;

    it("easr audit reads the state database alone: EASR_STATE_DB_URL set, the source database absent", async () => {
      const result = await withEnv({ EASR_DB_URL: absentSource(), EASR_STATE_DB_URL: w.dbUrl }, () =>
        w.easr("audit", "--month", "2017-09"),
      );
      expect(result.code, result.err.join("\n")).to.equal(0);
      expect(result.out.join("\n")).to.include("run-completed");
      expect(existsSync(absentSource().slice("sqlite:".length))).to.equal(false);
    });

    it("easr audit does not create a state database that does not exist", async () => {
      const result = await withEnv({ EASR_DB_URL: w.dbUrl, EASR_STATE_DB_URL: absentState() }, () => w.easr("audit"));
      expect(result.code).to.equal(EXIT_USAGE);
      expect(result.err.join("\n")).to.include(`no such database: ${absentState()}`);
      expect(existsSync(absentState().slice("sqlite:".length))).to.equal(false);
    });

    it("easr simulate reads the source database alone: no state database is opened or created", async () => {
      const result = await withEnv({ EASR_STATE_DB_URL: absentState() }, () =>
        w.easr("simulate", "--month", "2017-10", "--threshold", "2070.48", "--db", w.dbUrl, "--out", w.outDir),
      );
      expect(result.code, result.err.join("\n")).to.equal(0);
      expect(existsSync(absentState().slice("sqlite:".length))).to.equal(false);
    });

    it("easr ingest and easr payslip read the state database alone", async () => {
      const answered = await w.easr("channel", "simulate", "--dir", w.outDir);
      expect(answered.code, answered.err.join("\n")).to.equal(0);
      await withEnv({ EASR_DB_URL: absentSource(), EASR_STATE_DB_URL: w.dbUrl }, async () => {
        const ingested = await w.easr("ingest", "--dir", join(w.monthDir("2017-09"), "answers"));
        expect(ingested.code, ingested.err.join("\n")).to.equal(0);
        expect(ingested.out.join("\n")).to.match(/forms +\d+ = accepted [1-9]/);
        const copy = await w.easr("payslip", "--staff", "1", "--month", "2017-09", "--out", w.outDir);
        expect(copy.code, copy.err.join("\n")).to.equal(0);
        expect(copy.err.join("\n")).not.to.include("not reachable");
        expect(copy.out.join("\n")).to.include("Ticketnummer");
      });
      expect(existsSync(absentSource().slice("sqlite:".length))).to.equal(false);
    });
  });

  describe("a single-value option given twice", () => {
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
