import { expect } from "chai";
import { ContextsOfPerson, type DecisionLine, type PersonLine, type UnitLine, withSharedContexts } from "../../../src/run-record";
import type { AssignmentContext } from "../../../src/rules/decision-types";
import { notEligibleUnitLine } from "../../support/record-lines";

const context = (assignmentId: number, boardId: number): AssignmentContext => ({
  assignmentId,
  boardId,
  boardName: `Scholengroep ${boardId}`,
  agency: "AGODI",
  institutionId: boardId * 10,
  institutionName: `Instelling ${boardId * 10}`,
  level: "SO",
  jobTitle: "leraar",
  startDate: "2017-09-01",
  endDate: "2018-06-30",
  numerator: 11,
  denominator: 22,
  monthlySalary: 235474 as AssignmentContext["monthlySalary"],
});

const person: PersonLine = {
  kind: "person",
  recordFormat: 3,
  staffId: 1,
  lastName: "Peeters",
  firstName: "An",
  inszMasked: "********328",
  status: "not-eligible",
  reason: null,
  notifications: [],
  windows: [],
  lateNotifications: [],
  notes: [],
};

const unit = (assignmentId: number, referencePeriod: string, context: AssignmentContext): UnitLine =>
  notEligibleUnitLine(assignmentId, referencePeriod, { context });

/** Written as the decision log writes them, read as the reports read them. */
function roundTrip(lines: readonly DecisionLine[]): { text: string[]; read: unknown[] } {
  const text = withSharedContexts(lines).map((line) => JSON.stringify(line));
  const contexts = new ContextsOfPerson();
  const read = text.map((json, index) => contexts.line(JSON.parse(json) as DecisionLine, `line ${index + 1}`));
  return { text, read };
}

describe("the record's shared contexts (format 3)", () => {
  it("writes each context once, on the person line, and reads back the lines as decided", () => {
    const a = context(11, 7);
    const b = context(12, 8);
    // Seven months of one assignment, one of another: two contexts where format 2 wrote eight.
    const lines: DecisionLine[] = [
      person,
      ...["2017-09", "2017-10", "2017-11", "2017-12", "2018-01", "2018-02", "2018-03"].map((month) => unit(11, month, a)),
      unit(12, "2018-03", b),
      { kind: "rejected-record", staffId: 1, table: "salary_line", recordId: "5", field: "amount", value: "x", rule: "AMOUNT_NOT_NUMERIC" },
    ] as DecisionLine[];
    const { text, read } = roundTrip(lines);
    expect(JSON.parse(text[0])).to.have.deep.property("contexts", [a, b]);
    expect(text.slice(1, 9).map((json) => (JSON.parse(json) as { contextRef: number }).contextRef)).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(text.filter((json) => json.includes('"boardName"'))).to.have.length(1);
    expect(read).to.deep.equal(JSON.parse(JSON.stringify(lines)));
  });

  it("leaves a person without units as it was, with no contexts", () => {
    const { text, read } = roundTrip([person]);
    expect(JSON.parse(text[0])).to.not.have.property("contexts");
    expect(read).to.deep.equal([person]);
  });
});
