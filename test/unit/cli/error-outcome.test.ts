/**
 * One mapping of errors to what `easr` says and returns: the message tells what is on disk, and only a
 * command that runs months may say "the run failed and wrote nothing".
 */
import { expect } from "chai";
import { CommanderError } from "commander";
import { ReportsFailedError } from "../../../reports/report-service";
import { EXIT_OK, EXIT_PUBLISHED_INCOMPLETE, EXIT_RUN_FAILED, EXIT_USAGE, UsageError } from "../../../src/cli/exit-codes";
import { errorOutcome } from "../../../src/cli/error-outcome";
import { ConfigError } from "../../../src/config/load-config";
import { NoSuchDatabaseError } from "../../../src/config/database-url";
import { RunFailedError } from "../../../src/run/decision-pass";
import { StateMismatchError } from "../../../src/run/preflight";
import { PublishedRunError } from "../../../src/run/published-run-error";
import { SwingStopError } from "../../../src/run/monthly-run";
import { LockTakenError } from "../../../src/state/run-lock";

describe("what easr says and returns when a command fails", () => {
  it("bad usage and configuration are exit 2, the message as it is", () => {
    for (const error of [
      new UsageError("--month must be a month"),
      new ConfigError("EASR_X is bad"),
      new NoSuchDatabaseError("no such database"),
      new StateMismatchError("the state holds no run"),
    ]) {
      expect(errorOutcome(error, "run"), error.name).to.deep.equal({
        code: EXIT_USAGE,
        message: `easr: ${error.message}`,
        unforeseen: false,
      });
    }
  });

  it("files out with the run unfinished are exit 3, never 'wrote nothing'", () => {
    const published = new PublishedRunError(["FI.WECH.900123.20261206.00001.T"], "the state is gone", "The next run settles it.");
    expect(errorOutcome(published, "run")).to.deep.equal({
      code: EXIT_PUBLISHED_INCOMPLETE,
      message: `easr: ${published.message}`,
      unforeseen: false,
    });
    expect(errorOutcome(new ReportsFailedError("writing its reports failed"), "schedule").code).to.equal(EXIT_PUBLISHED_INCOMPLETE);
  });

  it("a failed run says it wrote nothing; another command names itself", () => {
    expect(errorOutcome(new SwingStopError("safety valve"), "run")).to.deep.equal({
      code: EXIT_RUN_FAILED,
      message: "easr: the run failed and wrote nothing: safety valve",
      unforeseen: false,
    });
    expect(errorOutcome(new Error("disk full"), "ingest")).to.deep.equal({
      code: EXIT_RUN_FAILED,
      message: "easr ingest: disk full",
      unforeseen: true,
    });
    expect(errorOutcome(new LockTakenError("another run holds the run lock"), "run").message).to.equal(
      "easr: another run holds the run lock",
    );
  });

  it("masks an INSZ in any message, and leaves commander's own messages to commander", () => {
    expect(errorOutcome(new RunFailedError("staff 80010100305 has no calendar"), "run").message).to.equal(
      "easr: the run failed and wrote nothing: staff ********305 has no calendar",
    );
    expect(errorOutcome(new CommanderError(1, "commander.unknownCommand", "unknown command"), "")).to.deep.equal({
      code: EXIT_USAGE,
      message: null,
      unforeseen: false,
    });
    expect(errorOutcome(new CommanderError(0, "commander.helpDisplayed", "(help)"), "").code).to.equal(EXIT_OK);
  });

  it("every error class carries its own name", () => {
    expect(
      [new UsageError("x"), new SwingStopError("x"), new PublishedRunError([], "x", "y"), new ReportsFailedError("x")].map((e) => e.name),
    ).to.deep.equal(["UsageError", "SwingStopError", "PublishedRunError", "ReportsFailedError"]);
  });
});
