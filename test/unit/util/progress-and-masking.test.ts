import { expect } from "chai";
import Transport from "winston-transport";
import { createLogger } from "../../../src/util/logger";
import { progressReporter } from "../../../src/util/progress";

class Capture extends Transport {
  readonly lines: Record<string, unknown>[] = [];
  override log(info: Record<string, unknown>, next: () => void): void {
    this.lines.push(info);
    next();
  }
}

describe("logging and progress", () => {
  it("masks every INSZ in messages, metadata and error stacks, keeping the last three digits", () => {
    const logger = createLogger({ console: false });
    const capture = new Capture();
    logger.add(capture);
    logger.info("staff 85073003328 rejected", { insz: "85073003328", nested: { text: "see 85.07.30-033.28" } });
    logger.error(new Error("no declaration for 85073003328"));
    const text = JSON.stringify(capture.lines);
    expect(text).not.to.include("85073003328");
    expect(text).not.to.include("85.07.30-033.28");
    expect(text).to.include("********328");
    expect(capture.lines).to.have.length(2);
  });

  it("prints plain periodic lines with counts and rate when not on a terminal", () => {
    const logger = createLogger({ console: false });
    const capture = new Capture();
    logger.add(capture);
    let clock = 0;
    const progress = progressReporter({ logger, terminal: false, intervalSeconds: 10, now: () => clock })("deciding", 3000);
    clock = 5_000;
    progress.advance(1000);
    clock = 12_000;
    progress.advance(1000);
    clock = 15_000;
    progress.advance(1000);
    progress.stop();
    expect(capture.lines.map((l) => l.message)).to.deep.equal([
      "deciding: 2000/3000 persons, 167/s",
      "deciding: 3000/3000 persons, 200/s, done",
    ]);
  });
});
