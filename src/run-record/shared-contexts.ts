/**
 * Record format 3: a unit's assignment context — board, institution, level, job, dates, fraction, monthly
 * salary, some 300 bytes — is written once per person instead of on each of their unit lines. A person's
 * units mostly share one or two assignments (WECH006: a unit per assignment and month, September to the
 * run month), so the context was repeated half a million times a month: about half of decisions.jsonl.
 * The person line carries `contexts`, each unit line `contextRef`, the index of its context there; reading
 * puts the context back on the unit line and takes `contexts` off the person line, so that a report sees
 * the lines as they were decided. A line of format 2 carries its context itself and is read as it is.
 */
import type { AssignmentContext } from "../rules/decision-types";
import type { DecisionLine, PersonLine, UnitLine } from "./decision-lines";

/** A person line as written: with the contexts of the person's units (format 3). */
type StoredPersonLine = PersonLine & { readonly contexts?: readonly AssignmentContext[] };

/** A unit line as written: its context by reference (format 3) or in place (format 2). */
type StoredUnitLine = Omit<UnitLine, "context"> & { readonly contextRef?: number; readonly context?: AssignmentContext };

/**
 * A person's lines as they are written: the units' contexts moved to the person line (the first), each
 * one once. Units that share a context object share its entry; the lines themselves are not changed.
 */
export function withSharedContexts(lines: readonly DecisionLine[]): object[] {
  const refs = new Map<AssignmentContext, number>();
  const contexts: AssignmentContext[] = [];
  const stored: object[] = lines.map((line) => {
    if (line.kind !== "unit") return line;
    const { context, ...rest } = line;
    let contextRef = refs.get(context);
    if (contextRef === undefined) {
      refs.set(context, (contextRef = contexts.length));
      contexts.push(context);
    }
    return { ...rest, contextRef };
  });
  const person = lines[0];
  if (person?.kind !== "person") throw new Error("a person's record lines start with their person line");
  if (contexts.length > 0) stored[0] = { ...person, contexts };
  return stored;
}

/** Reading a record: the contexts of the person being read, put back on their unit lines. */
export class ContextsOfPerson {
  private contexts: readonly AssignmentContext[] = [];

  /** Any line of the record as decided (a person's or a unit's as below, the others as they are). */
  line(line: DecisionLine, where: string): DecisionLine {
    if (line.kind === "person") return this.person(line);
    return line.kind === "unit" ? this.unit(line, where) : line;
  }

  /** The person line as decided; its contexts are kept for the unit lines that follow. */
  person(line: PersonLine): PersonLine {
    const { contexts = [], ...person } = line as StoredPersonLine;
    this.contexts = contexts;
    return person;
  }

  /** The unit line as decided, its context put back; `where` names the line in a failure. */
  unit(line: UnitLine, where: string): UnitLine {
    const { contextRef, ...rest } = line as unknown as StoredUnitLine;
    if (contextRef === undefined) {
      if (rest.context === undefined) throw new Error(`${where}: a unit line without its assignment context`);
      return line;
    }
    const context = this.contexts[contextRef];
    if (context === undefined) throw new Error(`${where}: context ${contextRef} is not on the person line`);
    return { ...rest, context } as UnitLine;
  }
}
