import { formatHundredths, toHundredths } from "./decimal";

/** Money is integer euro cents end to end. */
export type Cents = number;

export const toCents: (value: unknown) => Cents | null = toHundredths;

/** 181786 -> "EUR 1817.86" (operator-facing text; the XML carries plain cents). */
export function formatEuro(cents: Cents): string {
  return `EUR ${formatHundredths(cents)}`;
}
