/**
 * D16: "a warning in the run's output whenever the agency's figure is the lower" — the months a run
 * looks at whose threshold the RVA limit raised above the agency's own figure, in spans of equal figures.
 */
import { type Cents, formatEuro } from "../domain/money";
import { monthsFromTo, type YearMonth } from "../domain/year-month";
import { monthThreshold } from "./gross-threshold";
import type { RuleParameters } from "./rule-parameters";

export function thresholdWarnings(from: YearMonth, to: YearMonth, parameters: RuleParameters): string[] {
  const spans: { from: YearMonth; to: YearMonth; agency: Cents; rva: Cents }[] = [];
  for (const month of monthsFromTo(from, to)) {
    const t = monthThreshold(month, parameters.grossThresholds, parameters.rvaWageLimits);
    if (!t?.raisedToRvaLimit) continue;
    const last = spans[spans.length - 1];
    if (last && last.agency === t.agency && last.rva === t.rvaLimit) last.to = month;
    else spans.push({ from: month, to: month, agency: t.agency, rva: t.rvaLimit! });
  }
  return spans.map(
    (s) =>
      `the agency's threshold ${formatEuro(s.agency)} is below the RVA limit ${formatEuro(s.rva)} for ${s.from === s.to ? s.from : `${s.from} to ${s.to}`}: ` +
      "those months are judged by the RVA limit (mappings/scenario6-conditions.ts: raise the agency's figure)",
  );
}
