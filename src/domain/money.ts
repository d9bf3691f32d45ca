import { formatHundredths, toHundredths } from "./decimal";

/**
 * Money is integer euro cents end to end. The brand keeps an amount apart from the other whole numbers
 * the forms carry (hours and days x 100, Q and S, counts): a number becomes cents through {@link cents}
 * or {@link toCents}, and amounts add up through {@link sumCents}.
 */
export type Cents = number & { readonly __unit: "cents" };

/** `value` (a whole number of cents) as cents; throws on a fraction of a cent. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new Error(`not a whole number of cents: ${value}`);
  return value as Cents;
}

/** A source value (number, decimal text) as cents, or null when it is not an amount with at most two decimals. */
export const toCents = (value: unknown): Cents | null => toHundredths(value) as Cents | null;

export const ZERO_CENTS = cents(0);

/** The sum of amounts. */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total as Cents;
}

/** 181786 -> "EUR 1817.86" (operator-facing text; the XML carries plain cents). */
export function formatEuro(cents: Cents): string {
  return `EUR ${formatHundredths(cents)}`;
}
