/** What reaches people, at its shared points: rejected values, console text, cell text. */
import { expect } from "chai";
import { cellText, cutMark, EXCEL_CELL_LIMIT } from "../../../reports/excel-cells";
import { withMaskedValue } from "../../../src/util/insz-masking";
import { terminalSafe, terminalValue } from "../../../src/util/terminal-text";

describe("hostile values at their shared points", () => {
  it("a rejected value has every 11-digit run masked, a longer run of digits stays", () => {
    const problem = {
      table: "t",
      recordId: "1",
      field: "f",
      rule: "FIELD_REQUIRED",
      value: "RL16-85073003328 A85073003328B 123456789012 8507300332",
    } as const;
    expect(withMaskedValue(problem)).to.deep.equal({ ...problem, value: "RL16-********328 A********328B 123456789012 8507300332" });
  });

  it("the console shows C0 and C1 controls, DEL and bidi overrides as escapes; a value's own line breaks too", () => {
    expect(terminalSafe("a\x1b]0;X\x07b\u009b2J\rc\x7fd\u202ee\tf\ng")).to.equal("a\\x1b]0;X\\x07b\\x9b2J\\x0dc\\x7fd\\u202ee\tf\ng");
    expect(terminalValue("a\tb\nc")).to.equal("a\\x09b\\x0ac");
    expect(terminalSafe("Verhaegen \\x1b é ü")).to.equal("Verhaegen \\x1b é ü");
  });

  it("a text longer than a cell holds is cut with the mark to exactly 32,767 characters, never inside a surrogate pair", () => {
    const long = "=".repeat(40_000);
    const cut = cellText(long);
    expect(cut).to.have.length(EXCEL_CELL_LIMIT);
    expect(cut).to.equal(`'${long}`.slice(0, EXCEL_CELL_LIMIT - cutMark(40_000).length) + cutMark(40_000));
    // An emoji (two UTF-16 units) across the cut: it goes whole, the cell is one unit shorter.
    const end = EXCEL_CELL_LIMIT - cutMark(40_000).length;
    const emoji = `${"a".repeat(end - 1)}😀${"b".repeat(40_000 - end - 1)}`;
    expect(cellText(emoji)).to.equal(`${"a".repeat(end - 1)}${cutMark(40_000)}`);
    expect(cellText("x".repeat(EXCEL_CELL_LIMIT))).to.equal("x".repeat(EXCEL_CELL_LIMIT));
  });
});
