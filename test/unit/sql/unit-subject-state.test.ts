/**
 * A unit's subject in the state (migration UnitSubject): two units of one person, assignment and month
 * that differ only by subject (a ZIMA003 about the person, a ZIMA006 about a resumption) are two units;
 * a unit about its assignment keeps the key it always had; remembered decisions are keyed the same way.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import type { DataSource } from "typeorm";
import { parseYearMonth } from "../../../src/domain/year-month";
import { unitKey, unitKeyOf } from "../../../src/rules/decision-types";
import { DecisionRepository } from "../../../src/state/decision-repository";
import { DeclarationRepository } from "../../../src/state/declaration-repository";
import { openStateDatabase } from "../../../src/state/state-database";

const AT = "2018-04-02T09:00:00.000+02:00";
const MARCH = parseYearMonth("2018-03");

describe("a unit's subject in the state", () => {
  let dir: string;
  let dataSource: DataSource;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "easr-unit-subject-"));
    ({ dataSource } = await openStateDatabase(`sqlite:${join(dir, "state.sqlite")}`));
  });

  after(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keys declarations by subject, and an assignment unit as before", async () => {
    const declarations = new DeclarationRepository(dataSource);
    const unit = { staffId: 1004, assignmentId: 504, referencePeriod: MARCH, attestationStatus: 0, contentHash: "c" };
    await declarations.recordPendingFile(
      {
        runId: 1,
        formType: "ZIMA",
        formCount: 3,
        sha256: "0".repeat(64),
        createdAt: AT,
        directory: dir,
        purpose: "ZIMA",
        sender: "123456",
        creationDate: "20180402",
        environment: "T",
        names: (sequence) => ({ fileName: `FI.ZIMA.${sequence}`, goFileName: `GO.ZIMA.${sequence}` }),
      },
      [
        { ...unit, formType: "ZIMA002", sequenceNbr: 1 },
        { ...unit, formType: "ZIMA003", subject: "person", sequenceNbr: 2 },
        { ...unit, formType: "ZIMA006", subject: "resumption:17", sequenceNbr: 3 },
        // The same form type, person, assignment and month: only the subject tells the two resumptions apart.
        { ...unit, formType: "ZIMA006", subject: "resumption:18", sequenceNbr: 4 },
      ],
    );
    const latest = (await declarations.latestDeclarations("T", [1004])).get(1004)!;
    expect([...latest.keys()].sort()).to.deep.equal([
      "ZIMA002:1004:504:2018-03",
      "ZIMA003:1004:person:2018-03",
      // A resumption is one event whatever its month: its key has no period (unitKeyOf).
      "ZIMA006:1004:resumption:17:-",
      "ZIMA006:1004:resumption:18:-",
    ]);
    expect(latest.get("ZIMA006:1004:resumption:17:-")).to.include({ subject: "resumption:17", id: 3 });
    expect(latest.get("ZIMA006:1004:resumption:18:-")).to.include({ subject: "resumption:18", id: 4 });
    expect(latest.get("ZIMA002:1004:504:2018-03")?.subject).to.equal(null);
    expect(unitKey("ZIMA002", 1004, 504, MARCH)).to.equal("ZIMA002:1004:504:2018-03");
    // The subject, not the assignment, names a unit that has one.
    const zima003 = unitKeyOf({ formType: "ZIMA003", staffId: 1004, assignmentId: 999, referencePeriod: MARCH, subject: "person" });
    expect(latest.get(zima003)).to.include({ formType: "ZIMA003", assignmentId: 504, subject: "person" });
  });

  it("remembers a not-eligible decision under its subject", async () => {
    const decisions = new DecisionRepository(dataSource);
    await decisions.remember(1, "T", AT, [
      {
        formType: "ZIMA006",
        staffId: 1004,
        assignmentId: 504,
        referencePeriod: MARCH,
        subject: "resumption:18",
        reason: "R",
        fingerprint: "f1",
      },
      {
        formType: "ZIMA006",
        staffId: 1004,
        assignmentId: 504,
        referencePeriod: MARCH,
        subject: "resumption:19",
        reason: "R",
        fingerprint: "f3",
      },
      { formType: "ZIMA002", staffId: 1004, assignmentId: 504, referencePeriod: MARCH, reason: "R", fingerprint: "f2" },
    ]);
    const latest = await decisions.latestFingerprints("T", [1004]);
    expect(Object.fromEntries(latest)).to.deep.equal({
      "ZIMA006:1004:resumption:18:-": "f1",
      "ZIMA006:1004:resumption:19:-": "f3",
      "ZIMA002:1004:504:2018-03": "f2",
    });
  });
});
