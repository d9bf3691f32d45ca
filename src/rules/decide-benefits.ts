/**
 * The benefits-sector decision of one person for one run: the ZIMA002 units (adapted work, per
 * assignment and month) and the ZIMA005 units (holiday balance, per assignment and holiday year), each
 * declared, not eligible (with reason) or rejected (with rule and record), and every broken record it
 * looked at. A problem in the person's ZIMA data rejects only the units it concerns.
 */
import type { PersonSourceData } from "../domain/ministry-records";
import { distinctProblems, type RecordProblem } from "../domain/outcome-codes";
import { firstDayOf, lastDayOf } from "../domain/year-month";
import { prepareBenefitsPerson } from "./benefits-person";
import type { DecisionUnit, PersonIdentity } from "./decision-types";
import type { RunFrame } from "./person-context";
import { decideZima002 } from "./zima002";
import { decideZima005, isHolidayBalanceInScope } from "./zima005";

export interface BenefitsDecision {
  readonly identity: PersonIdentity | null;
  /** ZIMA002 and ZIMA005 units: each declared, not eligible (reason) or rejected (rule, record, value). */
  readonly units: readonly DecisionUnit[];
  /** Every broken record the benefits decision looked at (benefits tables, and staff/assignment rows that block a ZIMA unit). */
  readonly problems: readonly RecordProblem[];
  readonly notes: readonly string[];
}

/** Whether the source holds benefits data for this run: adapted work in its months, or a holiday balance of its holiday years. */
function hasBenefitsData(source: PersonSourceData, frame: RunFrame): boolean {
  const start = firstDayOf(frame.benefitsMonthsFrom);
  const end = lastDayOf(frame.runMonth);
  const adapted = (source.adaptedWork ?? []).some(
    (r) => (r.startDate === null || r.startDate <= end) && (r.endDate === null || r.endDate >= start),
  );
  const holidays = (source.holidayBalances ?? []).some((r) => isHolidayBalanceInScope(r, frame));
  return adapted || holidays;
}

/** Null when the person has no benefits data in scope for this run (no adapted work in the months, no holiday balance in the years). */
export function decideBenefits(source: PersonSourceData, frame: RunFrame): BenefitsDecision | null {
  if (!hasBenefitsData(source, frame)) return null;
  const person = prepareBenefitsPerson(source, frame);
  const zima002 = decideZima002(person, frame);
  const zima005 = decideZima005(person, frame);
  return {
    identity: person.identity,
    units: [...zima002.units, ...zima005.units],
    problems: distinctProblems([...person.staffProblems, ...zima002.problems, ...zima005.problems]),
    notes: [...zima002.notes, ...zima005.notes],
  };
}
