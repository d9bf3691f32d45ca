/**
 * The transition tables of src/domain/lifecycle.ts, pair by pair: every allowed transition passes,
 * every other one (and any unknown state) throws an IllegalTransitionError that names both states.
 */
import { expect } from "chai";
import {
  checkDeclarationTransition,
  checkFileTransition,
  DECLARATION_STATES,
  DECLARATION_TRANSITIONS,
  FILE_STATES,
  FILE_TRANSITIONS,
  IllegalTransitionError,
} from "../../../src/domain/lifecycle";

function thrown(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("lifecycle transitions", () => {
  it("lets a batch file make exactly the transitions of its table, and names both states otherwise", () => {
    let illegal = 0;
    for (const from of FILE_STATES) {
      for (const to of FILE_STATES) {
        const error = thrown(() => checkFileTransition("batch file F", from, to));
        if (FILE_TRANSITIONS[from].includes(to)) {
          expect(error, `${from} → ${to}`).to.equal(undefined);
        } else {
          illegal++;
          expect(error, `${from} → ${to}`).to.be.instanceOf(IllegalTransitionError);
          expect((error as Error).message).to.equal(`batch file F: cannot go from "${from}" to "${to}"`);
        }
      }
    }
    expect(illegal).to.equal(FILE_STATES.length ** 2 - 4);
  });

  it("lets a declaration make exactly the transitions of its table, and names both states otherwise", () => {
    let illegal = 0;
    for (const from of DECLARATION_STATES) {
      for (const to of DECLARATION_STATES) {
        const error = thrown(() => checkDeclarationTransition("declaration 7", from, to));
        if (DECLARATION_TRANSITIONS[from].includes(to)) {
          expect(error, `${from} → ${to}`).to.equal(undefined);
        } else {
          illegal++;
          expect(error, `${from} → ${to}`).to.be.instanceOf(IllegalTransitionError);
          expect((error as Error).message).to.equal(`declaration 7: cannot go from "${from}" to "${to}"`);
        }
      }
    }
    expect(illegal).to.equal(DECLARATION_STATES.length ** 2 - 11);
  });

  it("follows the issue's state machine: written → file received | file rejected → accepted | with warnings | refused; superseded, cancelled", () => {
    expect(FILE_TRANSITIONS.written).to.have.members(["received", "rejected"]);
    expect(DECLARATION_TRANSITIONS.written).to.have.members(["file-received", "file-rejected"]);
    expect(DECLARATION_TRANSITIONS["file-received"]).to.have.members(["accepted", "accepted-with-warnings", "refused"]);
    expect(DECLARATION_TRANSITIONS.accepted).to.have.members(["superseded", "cancelled"]);
    expect(DECLARATION_TRANSITIONS["accepted-with-warnings"]).to.have.members(["superseded", "cancelled"]);
    for (const final of ["file-rejected", "refused", "superseded", "cancelled", "abandoned"] as const)
      expect(DECLARATION_TRANSITIONS[final], final).to.deep.equal([]);
  });

  it("refuses a state it does not know, naming it and where it was going", () => {
    const file = thrown(() => checkFileTransition("batch file F", "sent", "received"));
    expect(file).to.be.instanceOf(IllegalTransitionError);
    expect((file as Error).message).to.equal('batch file F: unknown state "sent" (going to "received")');
    const declaration = thrown(() => checkDeclarationTransition("declaration 7", "answered", "accepted"));
    expect(declaration).to.be.instanceOf(IllegalTransitionError);
    expect((declaration as Error).message).to.equal('declaration 7: unknown state "answered" (going to "accepted")');
    // a state named like an object method is unknown too, not a crash
    expect(() => checkDeclarationTransition("declaration 8", "toString", "accepted")).to.throw(
      IllegalTransitionError,
      'unknown state "toString"',
    );
  });
});
