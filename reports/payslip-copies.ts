/**
 * The staff members' copies of a month: each person's records from the month's payslip extracts, with
 * whose copy it is — name, masked INSZ and agency — from the run's record (decisions.jsonl). The
 * extract holds no name and no INSZ by design (the printing system links a record by staff id); the
 * record has both, the INSZ already masked, and the agency of every unit's school board.
 *
 * Everything is read streaming. A run's extract was written from its decisions.jsonl in one pass, so
 * both hold the persons in the same order: they are read side by side, one person at a time.
 */
import { AGENCIES, type Agency } from "../src/domain/agency";
import type { PayslipRecord } from "./payslip-extract";
import { extractPersons } from "./payslip-copy";
import { type PersonDecisions, readPersonDecisions } from "./decision-reader";

/** Whose copy it is, as the run's record names them. */
export interface CopyHolder {
  readonly staffId: number;
  /** Null when the source had no staff row for them any more (their forms were being cancelled). */
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** "********328": the INSZ never leaves the run's record in clear. */
  readonly inszMasked: string | null;
  /** The agencies of their school boards (one, or both for someone working under each); none when unknown. */
  readonly agencies: readonly Agency[];
}

/** One staff member's copy of the month: who, and their records in the runs' order. */
export interface PersonCopy {
  readonly holder: CopyHolder;
  readonly records: readonly PayslipRecord[];
}

/** A run of the month as the copy reads it: its payslip extract and the record it was written from. */
export interface CopySource {
  readonly extract: string;
  /** The run's decisions.jsonl. */
  readonly record: string;
}

/**
 * The holder of a person's decisions: the agencies of the declared units' boards, else of any unit's
 * (a person whose month holds only cancellations may still have units not eligible); in AGENCIES order.
 */
export function holderOf(decisions: PersonDecisions): CopyHolder {
  const { person, units } = decisions;
  const declared = units.filter((unit) => unit.status === "declared");
  const agenciesOf = (list: typeof units): Agency[] => {
    const codes = new Set(list.flatMap((unit) => [unit.context.agency, ...(unit.alsoConcerns ?? []).map((c) => c.agency)]));
    return AGENCIES.filter((agency) => codes.has(agency));
  };
  const fromDeclared = agenciesOf(declared);
  return {
    staffId: person.staffId,
    firstName: person.firstName,
    lastName: person.lastName,
    inszMasked: person.inszMasked,
    agencies: fromDeclared.length > 0 ? fromDeclared : agenciesOf(units),
  };
}

/** "Ann Vandenbussche"; null when the record has neither name. */
export function holderName(holder: CopyHolder): string | null {
  const name = [holder.firstName, holder.lastName].filter((part) => part !== null && part.trim() !== "").join(" ");
  return name === "" ? null : name.replace(/\s+/g, " ").trim();
}

/** One run's copies: the extract's persons, each with their holder from the record read alongside. */
async function* runCopies(source: CopySource, only: number | null): AsyncGenerator<PersonCopy> {
  const persons = readPersonDecisions(source.record);
  try {
    for await (const { staffId, records } of extractPersons(source.extract, only)) {
      let next = await persons.next();
      while (!next.done && next.value.person.staffId !== staffId) next = await persons.next();
      if (next.done)
        throw new Error(
          `${source.extract}: staff ${staffId} has records, but ${source.record} has no person ${staffId} where the extract has them: the extract and the record do not belong together`,
        );
      yield { holder: holderOf(next.value), records };
    }
  } finally {
    await persons.return(undefined);
  }
}

/** The staff ids with records in the extracts, read by their staff column only. */
async function staffIdsOf(sources: readonly CopySource[]): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const source of sources) for await (const person of extractPersons(source.extract)) ids.add(person.staffId);
  return ids;
}

/** Two runs' copies of one person: the later run's name, both runs' agencies and records. */
function joined(earlier: PersonCopy, later: PersonCopy): PersonCopy {
  const agencies = AGENCIES.filter((agency) => earlier.holder.agencies.includes(agency) || later.holder.agencies.includes(agency));
  return { holder: { ...later.holder, agencies }, records: [...earlier.records, ...later.records] };
}

/**
 * Every staff member's copy of the month from its runs (oldest first), or only `only`'s. A month
 * normally has one run; a later run (a re-run, a release) may add records for persons of an earlier
 * one, so the persons of the later runs are held until every run is read (ids first, by a pass over the
 * later extracts) and everybody else goes at once: memory holds the later runs' persons, never the month.
 */
export async function* monthCopies(sources: readonly CopySource[], only: number | null = null): AsyncGenerator<PersonCopy> {
  const later = sources.length > 1 ? await staffIdsOf(sources.slice(1)) : new Set<number>();
  const held = new Map<number, PersonCopy>();
  for (const source of sources) {
    for await (const copy of runCopies(source, only)) {
      const staffId = copy.holder.staffId;
      if (!later.has(staffId)) {
        yield copy;
        continue;
      }
      const earlier = held.get(staffId);
      held.set(staffId, earlier ? joined(earlier, copy) : copy);
    }
  }
  yield* held.values();
}
