import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PersonDecisions, readPersonDecisions } from "../../../reports/decision-reader";

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

  it("refuses a file written before the run record had its late notifications as data, naming the line", async () => {
    const path = join(dir, "before.jsonl");
    writeFileSync(path, JSON.stringify(person(1)) + "\n");
    const failure = await readAll(path).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).to.equal(
      `${path}:1: written by an earlier version of edu-easr (its person lines have no lateNotifications): its reports cannot be rebuilt by this version`,
    );
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
