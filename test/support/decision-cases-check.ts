/** Holds the units of a run history (decisions.jsonl lines with their run month) to the worked outcomes of a demo decision case. */
import { expect } from "chai";
import type { DemoDecisionCase } from "../../tools/demo/decision-cases";

export type RunLine = Record<string, unknown> & { readonly runMonth: string };

export function expectDecisionCase(c: DemoDecisionCase, lines: readonly RunLine[]): void {
  for (const e of c.expected) {
    const where = `staff ${c.staffId} ${e.formType} ${e.referencePeriod ?? ""} in run ${e.runMonth}`;
    const found = lines.filter(
      (u) =>
        u.kind === "unit" &&
        u.staffId === c.staffId &&
        u.formType === e.formType &&
        u.runMonth === e.runMonth &&
        u.assignmentId === e.assignmentId &&
        u.referencePeriod === e.referencePeriod,
    );
    expect(found, where).to.have.length(1);
    const unit = found[0];
    expect([unit.status, unit.reason ?? null, unit.rule ?? null], where).to.deep.equal([e.status, e.reason ?? null, e.rule ?? null]);
    expect(unit.flags ?? [], where).to.deep.equal(e.flags ?? []);
    if (e.declared) expect(unit.declared, where).to.deep.include(e.declared);
    if (e.facts) expect(unit.facts, where).to.deep.include(e.facts);
    if (e.record) expect(unit.record, where).to.deep.equal(e.record);
  }
  for (const a of c.absent ?? []) {
    const found = lines.filter(
      (u) => u.kind === "unit" && u.staffId === c.staffId && u.formType === a.formType && u.runMonth === a.runMonth,
    );
    expect(found, `staff ${c.staffId}: no ${a.formType} unit in run ${a.runMonth}`).to.deep.equal([]);
  }
}
