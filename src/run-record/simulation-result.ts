/**
 * What `easr simulate` finds (src/run/simulation.ts) and reports/simulation-workbook.ts writes: the
 * persons eligible for the month's WECH006 under the real and the simulated parameters, and who would be
 * added or dropped with the figures behind it.
 */
import type { YearMonth } from "../domain/year-month";
import type { Scenario6Facts } from "../rules/decision-types";

export interface PersonChange {
  readonly staffId: number;
  readonly name: string;
  readonly inszMasked: string;
  readonly boards: readonly string[];
  readonly facts: Scenario6Facts | null;
  /** Why the side that does not declare does not (reason code). */
  readonly notEligibleReason: string | null;
}

export interface SimulationResult {
  readonly runMonth: YearMonth;
  readonly persons: number;
  readonly eligibleReal: number;
  readonly eligibleSimulated: number;
  readonly added: PersonChange[];
  readonly dropped: PersonChange[];
}
