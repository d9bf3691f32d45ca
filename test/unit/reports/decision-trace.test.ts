import { expect } from "chai";
import { renderTrace } from "../../../reports/decision-trace";
import type { PersonTrace } from "../../../src/run-record";

/** A trace of a person whose own record and a salary line break the contract (the rules reject their units). */
const TRACE: PersonTrace = {
  staffId: 17,
  name: "Peeters An",
  inszMasked: "********328",
  runMonth: "2017-11",
  cutoffAt: "2017-11-15 16:00:00",
  status: "rejected",
  reason: null,
  notifications: [],
  windows: [],
  assignments: [],
  months: [],
  units: [],
  sent: [],
  notes: [],
  problems: [
    { table: "staff_member", recordId: "17", field: "insz", rule: "INSZ_INVALID", value: "85073003329" },
    { table: "salary_line", recordId: "501", field: "gross_amount", rule: "FIELD_NOT_A_NUMBER", value: "12,5O" },
    { table: "assignment", recordId: "3", field: "hours_denominator", rule: "DENOMINATOR_NOT_POSITIVE", value: "0" },
  ],
};

describe("the decision trace (easr explain)", () => {
  it("lists the person's records that break the contract besides those of the notifications and assignments, every INSZ masked", () => {
    const lines = renderTrace(TRACE);
    const at = lines.indexOf("Other records that break the contract:");
    expect(at).to.be.greaterThan(0);
    expect(lines.slice(at + 1, at + 3)).to.deep.equal([
      "  staff_member 17, insz = ********329: INSZ is not 11 digits with a valid mod-97 check",
      "  salary_line 501, gross_amount = 12,5O: not a number with at most two decimals",
    ]);
    expect(lines.join("\n")).to.not.include("85073003329");
  });

  it("says nothing of them when there are none", () => {
    expect(renderTrace({ ...TRACE, problems: [] })).to.not.include("Other records that break the contract:");
  });
});
