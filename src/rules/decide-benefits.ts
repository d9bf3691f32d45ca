/**
 * The benefits-sector decision of one person for one run: the ZIMA002 units (adapted work, per
 * assignment and month), the ZIMA003 units (breastfeeding breaks, per person and month), the ZIMA005
 * units (holiday balance, per assignment and holiday year) and the ZIMA006 units (one per resumption of
 * work), each
 * declared, not eligible (with reason) or rejected (with rule and record), and every broken record it
 * looked at. A problem in the person's ZIMA data rejects only the units it concerns.
 */
import type { PersonSourceData } from "../domain/ministry-records";
import { distinctProblems, type RecordProblem } from "../domain/outcome-codes";
import { firstDayOf, lastDayOf } from "../domain/year-month";
import { prepareBenefitsPerson } from "./benefits-person";
import type { DecisionUnit, PersonIdentity } from "./decision-types";
import type { RunFrame } from "./person-context";
import { decideZima001 } from "./zima001";
import { decideZima002 } from "./zima002";
import { decideZima003 } from "./zima003";
import { decideZima005, isHolidayBalanceInScope } from "./zima005";
import { decideZima006 } from "./zima006";

export interface BenefitsDecision {
  readonly identity: PersonIdentity | null;
  /** ZIMA002 and ZIMA005 units: each declared, not eligible (reason) or rejected (rule, record, value). */
  readonly units: readonly DecisionUnit[];
  /** Every broken record the benefits decision looked at (benefits tables, and staff/assignment rows that block a ZIMA unit). */
  readonly problems: readonly RecordProblem[];
  readonly notes: readonly string[];
}

/** Whether the source holds benefits data for this run: adapted work, breaks or a resumption in its months, or a holiday balance of its holiday years. */
function hasBenefitsData(source: PersonSourceData, frame: RunFrame): boolean {
  const start = firstDayOf(frame.benefitsMonthsFrom);
  const end = lastDayOf(frame.runMonth);
  const adapted = (source.adaptedWork ?? []).some(
    (r) => (r.startDate === null || r.startDate <= end) && (r.endDate === null || r.endDate >= start),
  );
  const holidays = (source.holidayBalances ?? []).some((r) => isHolidayBalanceInScope(r, frame));
  // A break row whose month cannot be read is in scope too: it is reported, never dropped.
  const breaks = (source.breastfeedingBreaks ?? []).some(
    (r) => r.periodMonth === null || (r.periodMonth >= frame.benefitsMonthsFrom && r.periodMonth <= frame.runMonth),
  );
  // A resumption whose day cannot be read is in scope too.
  const resumptions = (source.workResumptions ?? []).some(
    (r) => r.resumptionDate === null || (r.resumptionDate >= start && r.resumptionDate <= end),
  );
  // An absence starting in the months (a ZIMA001 risk), or on a day that cannot be read.
  const absences = (source.absences ?? []).some((a) => a.firstDay === null || (a.firstDay >= start && a.firstDay <= end));
  return adapted || holidays || breaks || resumptions || absences;
}

/** Null when the person has no benefits data in scope for this run (no adapted work in the months, no holiday balance in the years). */
export function decideBenefits(source: PersonSourceData, frame: RunFrame): BenefitsDecision | null {
  if (!hasBenefitsData(source, frame)) return null;
  const person = prepareBenefitsPerson(source, frame);
  const zima001 = decideZima001(person, source, frame);
  const zima002 = decideZima002(person, frame);
  const zima003 = decideZima003(person, source, frame);
  const zima005 = decideZima005(person, frame);
  const zima006 = decideZima006(person, source, frame, zima001.carriedResumptions);
  const forms = [zima001, zima002, zima003, zima005, zima006];
  return {
    identity: person.identity,
    units: forms.flatMap((form) => form.units),
    problems: distinctProblems([...person.staffProblems, ...forms.flatMap((form) => form.problems)]),
    notes: forms.flatMap((form) => form.notes),
  };
}
