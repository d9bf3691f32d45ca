import { expect } from "chai";
import type { RunSummary } from "../../src/run-record";

const total = (map: Partial<Record<string, number>>): number => Object.values(map).reduce((a: number, b) => a + (b ?? 0), 0);

/**
 * Nothing is lost (domain.md D26): per person and per form type, considered = declared + not eligible +
 * waiting + rejected + unchanged, and every breakdown adds up to its part.
 */
export function expectSummaryAddsUp(summary: RunSummary): void {
  const groups = [["persons", summary.persons] as const, ...Object.entries(summary.forms)];
  for (const [label, c] of groups) {
    const where = `${summary.runMonth} ${label}`;
    expect(
      c.declared + c.notEligible + c.waiting + c.rejected + c.unchanged,
      `${where}: declared + not eligible + waiting + rejected + unchanged`,
    ).to.equal(c.considered);
    expect(total(c.notEligibleByReason), `${where}: not eligible per reason`).to.equal(c.notEligible);
    expect(total(c.waitingByReason), `${where}: waiting per reason`).to.equal(c.waiting);
    expect(total(c.rejectedByRule), `${where}: rejected per rule`).to.equal(c.rejected);
  }
  for (const [formType, c] of Object.entries(summary.forms)) {
    expect(
      c.originals + c.modifications + c.cancellations,
      `${summary.runMonth} ${formType}: declared = originals + modifications + cancellations`,
    ).to.equal(c.declared);
    const inFiles = summary.files.filter((f) => f.formType === formType).reduce((n, f) => n + f.forms, 0);
    expect(inFiles, `${summary.runMonth} ${formType}: forms in files = declared`).to.equal(c.declared);
  }
}
