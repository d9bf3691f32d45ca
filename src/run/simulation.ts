/**
 * What-if (`easr simulate`): the month's decisions with other parameters — another gross threshold,
 * another occupation limit — against the real ones, writing nothing to state. A person is eligible for
 * the month when at least one WECH006 of the run month would be declared (nothing counted as sent
 * before, so that earlier runs do not hide anyone).
 */
import type { CalendarDate } from "../domain/calendar-date";
import { maskInsz } from "../domain/check-digits";
import type { YearMonth } from "../domain/year-month";
import { decidePerson } from "../rules/decide-person";
import type { PersonDecision } from "../rules/decision-types";
import type { RuleParameters } from "../rules/rule-parameters";
import type { PersonChange, SimulationResult } from "../run-record/simulation-result";
import type { MinistryReader } from "../source/ministry-reader";
import { frameFor, monthSetting, NO_EARLIER_OUTCOMES, personPages } from "./decision-pass";

function monthUnits(decision: PersonDecision | null, month: YearMonth) {
  return (decision?.units ?? []).filter((u) => u.formType === "WECH006" && u.referencePeriod === month);
}

function eligible(decision: PersonDecision | null, month: YearMonth): boolean {
  return monthUnits(decision, month).some((u) => u.outcome.status === "declared");
}

function change(declaring: PersonDecision, other: PersonDecision | null, month: YearMonth): PersonChange {
  const units = monthUnits(declaring, month);
  const declared = units.find((u) => u.outcome.status === "declared")!.outcome;
  const refused = monthUnits(other, month).find((u) => u.outcome.status === "not-eligible")?.outcome;
  const identity = declaring.identity!;
  return {
    staffId: declaring.staffId,
    name: `${identity.lastName} ${identity.firstName}`,
    inszMasked: maskInsz(identity.insz),
    boards: [...new Set(units.map((u) => u.context.boardName ?? "?"))],
    facts: declared.status === "declared" && declared.declaration.formType === "WECH006" ? declared.declaration.facts : null,
    notEligibleReason: refused && refused.status === "not-eligible" ? refused.reason : null,
  };
}

export async function simulateMonth(
  source: MinistryReader,
  runMonth: YearMonth,
  real: RuleParameters,
  simulated: RuleParameters,
  pageSize: number,
  creationDate: CalendarDate,
): Promise<SimulationResult> {
  const setting = await monthSetting(source, runMonth, pageSize, real);
  const realFrame = frameFor(setting, real, NO_EARLIER_OUTCOMES, creationDate);
  const simulatedFrame = frameFor(setting, simulated, NO_EARLIER_OUTCOMES, creationDate);
  const result: SimulationResult = { runMonth, persons: 0, eligibleReal: 0, eligibleSimulated: 0, added: [], dropped: [] };
  let persons = 0;
  let eligibleReal = 0;
  let eligibleSimulated = 0;
  for await (const page of personPages(source, setting)) {
    for (const person of page) {
      const withReal = decidePerson(person, realFrame);
      if (!withReal) continue;
      const withSimulated = decidePerson(person, simulatedFrame);
      persons++;
      const before = eligible(withReal, runMonth);
      const after = eligible(withSimulated, runMonth);
      if (before) eligibleReal++;
      if (after) eligibleSimulated++;
      if (after && !before) result.added.push(change(withSimulated!, withReal, runMonth));
      if (before && !after) result.dropped.push(change(withReal, withSimulated, runMonth));
    }
  }
  return { ...result, persons, eligibleReal, eligibleSimulated };
}
