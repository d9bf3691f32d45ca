/**
 * threshold(m) (domain.md D6 as amended by D16): the higher of the agency's figure and the RVA's wage
 * limit in force on the first day of m. The agency's margin exists to include everyone the RVA may pay,
 * so it never counts below the RVA limit; when it would, the run warns.
 */
import type { GrossThreshold } from "../../mappings/scenario6-conditions";
import { type Cents, cents } from "../domain/money";
import { firstDayOf, type YearMonth } from "../domain/year-month";

/** The entry of an effective-dated table in force for reference month `month`: the latest starting on or before its first day. */
export function grossThresholdFor(month: YearMonth, table: readonly GrossThreshold[]): GrossThreshold {
  const found = entryInForce(month, table);
  if (!found) throw new RangeError(`no gross threshold applies to ${month}: the threshold table starts later`);
  return found;
}

function entryInForce(month: YearMonth, table: readonly GrossThreshold[]): GrossThreshold | undefined {
  const day = firstDayOf(month);
  let found: GrossThreshold | undefined;
  for (const entry of table) {
    if (entry.from <= day && (!found || entry.from > found.from)) found = entry;
  }
  return found;
}

export function thresholdCents(month: YearMonth, table: readonly GrossThreshold[]): Cents {
  return cents(grossThresholdFor(month, table).cents);
}

/** The threshold a month is judged by, and where it comes from. */
export interface MonthThreshold {
  readonly cents: Cents;
  /** The agency's figure for the month. */
  readonly agency: Cents;
  /** The RVA limit in force, when the table has one for the month. */
  readonly rvaLimit: Cents | null;
  /** The RVA limit is higher than the agency's figure: the run uses it and says so. */
  readonly raisedToRvaLimit: boolean;
}

/** Null when the agency's table has no figure for the month (a configuration gap, reported by the caller). */
export function monthThreshold(
  month: YearMonth,
  agencyTable: readonly GrossThreshold[],
  rvaTable: readonly GrossThreshold[],
): MonthThreshold | null {
  const agency = entryInForce(month, agencyTable);
  if (!agency) return null;
  const rva = entryInForce(month, rvaTable);
  const raised = rva !== undefined && rva.cents > agency.cents;
  // The tables of mappings/ are plain numbers of cents: they become amounts here.
  return {
    cents: cents(raised ? rva.cents : agency.cents),
    agency: cents(agency.cents),
    rvaLimit: rva ? cents(rva.cents) : null,
    raisedToRvaLimit: raised,
  };
}
