import type { GrossThreshold } from "../../mappings/scenario6-conditions";
import type { Cents } from "../domain/money";
import { firstDayOf, type YearMonth } from "../domain/year-month";

/** The threshold in force for reference month `month`: the latest entry starting on or before its first day. */
export function grossThresholdFor(month: YearMonth, table: readonly GrossThreshold[]): GrossThreshold {
  const day = firstDayOf(month);
  let found: GrossThreshold | undefined;
  for (const entry of table) {
    if (entry.from <= day && (!found || entry.from > found.from)) found = entry;
  }
  if (!found) throw new RangeError(`no gross threshold applies to ${month}: the threshold table starts later`);
  return found;
}

export function thresholdCents(month: YearMonth, table: readonly GrossThreshold[]): Cents {
  return grossThresholdFor(month, table).cents;
}
