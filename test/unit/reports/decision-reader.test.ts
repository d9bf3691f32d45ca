import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PersonDecisions, readPersonDecisions, recordFormatProblem } from "../../../reports/decision-reader";
import { notEligibleUnitLine } from "../../support/record-lines";

async function readAll(path: string): Promise<PersonDecisions[]> {
  const people: PersonDecisions[] = [];
  for await (const person of readPersonDecisions(path)) people.push(person);
  return people;
}

describe("reading decisions.jsonl back", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "decision-reader-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const person = (staffId: number, extra: object = {}) => ({
    kind: "person",
    recordFormat: 2,
    staffId,
    lastName: "Peeters",
    firstName: "An",
    inszMasked: "********328",
    status: "not-eligible",
    reason: "NOTIFICATION_AFTER_CUTOFF",
    notifications: [],
    windows: [],
    notes: [],
    ...extra,
  });

  it("groups each person's lines under their person line, keeping the late notifications as data", async () => {
    const path = join(dir, "now.jsonl");
    const late = { notificationId: 3, messageRef: "RL16-2017-000003", receivedAt: "2017-10-02 08:45:00" };
    const lines = [
      person(1, { lateNotifications: [late] }),
      {
        kind: "rejected-record",
        staffId: 1,
        table: "assignment",
        recordId: "11",
        field: "hours_denominator",
        value: "0",
        rule: "DENOMINATOR_NOT_POSITIVE",
      },
      person(2, { lateNotifications: [] }),
    ];
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const people = await readAll(path);
    expect(people.map((p) => [p.person.staffId, p.rejectedRecords.length])).to.deep.equal([
      [1, 1],
      [2, 0],
    ]);
    expect(people[0].person.lateNotifications).to.deep.equal([late]);
  });

  it("refuses a file of an earlier record format, naming the line, and says so from its first line before anything is done with it", async () => {
    const path = join(dir, "before.jsonl");
    const { recordFormat: _dropped, ...earlier } = person(1, { referenceMonth: "2017-10" });
    writeFileSync(path, JSON.stringify(earlier) + "\n");
    const failure = await readAll(path).then(
      () => null,
      (error: Error) => error,
    );
    const why =
      "written by an earlier version of edu-easr (this one reads record formats 2 and 3): its reports cannot be made from it by this version";
    expect(failure?.message).to.equal(`${path}:1: ${why}`);
    expect(recordFormatProblem(path)).to.equal(`${path}:1: ${why}`);
    const later = join(dir, "later.jsonl");
    writeFileSync(later, JSON.stringify(person(1, { recordFormat: 4 })) + "\n");
    expect(recordFormatProblem(later)).to.equal(
      `${later}:1: written by a version of edu-easr with record format 4 (this one reads record formats 2 and 3): its reports cannot be made from it by this version`,
    );
    const now = join(dir, "now-again.jsonl");
    // A first line longer than one read chunk.
    writeFileSync(now, JSON.stringify(person(1, { notes: ["x".repeat(200_000)], lateNotifications: [] })) + "\n");
    expect(recordFormatProblem(now)).to.equal(null);
  });

  describe("the units' assignment contexts (record format 3: once per person)", () => {
    const board7 = {
      assignmentId: 11,
      boardId: 7,
      boardName: "Scholengroep 7",
      agency: "AGODI",
      institutionId: 70,
      numerator: 11,
      denominator: 22,
    };
    const board8 = {
      assignmentId: 12,
      boardId: 8,
      boardName: "Scholengroep 8",
      agency: "AHOVOKS",
      institutionId: 80,
      numerator: 6,
      denominator: 20,
    };
    const unit = notEligibleUnitLine;

    it("puts each unit's context back from the person line and takes the list off it", async () => {
      const path = join(dir, "format3.jsonl");
      const lines = [
        person(1, { recordFormat: 3, lateNotifications: [], contexts: [board7, board8] }),
        unit(11, "2017-09", { contextRef: 0 }),
        unit(12, "2017-09", { contextRef: 1 }),
        unit(11, "2017-10", { contextRef: 0 }),
      ];
      writeFileSync(path, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
      const [only] = await readAll(path);
      expect(only.units.map((u) => [u.assignmentId, u.referencePeriod, u.context.boardId, u.context.boardName])).to.deep.equal([
        [11, "2017-09", 7, "Scholengroep 7"],
        [12, "2017-09", 8, "Scholengroep 8"],
        [11, "2017-10", 7, "Scholengroep 7"],
      ]);
      expect(only.units.every((u) => !("contextRef" in u))).to.equal(true);
      expect("contexts" in only.person).to.equal(false);
    });

    it("reads a record of format 2, each unit with its context in place", async () => {
      const path = join(dir, "format2.jsonl");
      const lines = [
        person(1, { lateNotifications: [] }),
        unit(11, "2017-09", { context: board7 }),
        unit(12, "2017-09", { context: board8 }),
      ];
      writeFileSync(path, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
      const [only] = await readAll(path);
      expect(only.units.map((u) => u.context.boardId)).to.deep.equal([7, 8]);
    });

    it("refuses a unit whose context is not on its person line, naming the line", async () => {
      const path = join(dir, "dangling.jsonl");
      const lines = [person(1, { recordFormat: 3, lateNotifications: [], contexts: [board7] }), unit(12, "2017-09", { contextRef: 1 })];
      writeFileSync(path, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
      const failure = await readAll(path).then(
        () => null,
        (error: Error) => error,
      );
      expect(failure?.message).to.equal(`${path}:2: context 1 is not on the person line`);
    });
  });

  it("refuses a line of one person inside another's block", async () => {
    const path = join(dir, "mixed.jsonl");
    const lines = [person(1, { lateNotifications: [] }), { kind: "cancellation", staffId: 2 }];
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const failure = await readAll(path).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).to.equal(`${path}:2: a cancellation line of staff 2 outside that person's block`);
  });
});
