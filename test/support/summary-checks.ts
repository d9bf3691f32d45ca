import { expect } from "chai";
import type { RunSummary } from "../../src/run/monthly-run";

/** Nothing is lost: per person and per form type, considered = declared + not eligible + rejected, and the breakdowns add up. */
export function expectSummaryAddsUp(summary: RunSummary): void {
  const groups = [["persons", summary.persons] as const, ...Object.entries(summary.forms)];
  for (const [label, c] of groups) {
    expect(c.declared + c.notEligible + c.rejected, `${summary.runMonth} ${label}: declared + not eligible + rejected`).to.equal(c.considered);
    const reasons = Object.values(c.notEligibleByReason).reduce((a: number, b) => a + (b ?? 0), 0);
    const rules = Object.values(c.rejectedByRule).reduce((a: number, b) => a + (b ?? 0), 0);
    expect(reasons, `${summary.runMonth} ${label}: not eligible per reason`).to.equal(c.notEligible);
    expect(rules, `${summary.runMonth} ${label}: rejected per rule`).to.equal(c.rejected);
  }
  for (const [formType, c] of Object.entries(summary.forms)) {
    const inFiles = summary.files.filter((f) => f.formType === formType).reduce((n, f) => n + f.forms, 0);
    expect(inFiles, `${summary.runMonth} ${formType}: forms in files = declared + cancellations`).to.equal(c.declared + (c.cancellations ?? 0));
  }
}
