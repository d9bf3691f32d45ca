/**
 * Exact conversion of database decimals to integers scaled by 100 (cents, hundredths of hours).
 * Server databases hand decimals out as strings ("977.38"), SQLite as JavaScript numbers: both end
 * here, so that nothing downstream ever adds floats.
 */
const DECIMAL_TEXT = /^\s*([+-])?(\d+)(?:\.(\d*))?\s*$/;

/** `value` x 100 as an exact integer, or null when it is not a number with at most two decimals. */
export function toHundredths(value: unknown): number | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const scaled = value * 100;
    const rounded = Math.round(scaled);
    // A stored DECIMAL(x,2) comes back as the nearest double; anything further off had more decimals.
    if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) return null;
    return Object.is(rounded, -0) ? 0 : rounded;
  }
  if (typeof value === "bigint") return Number(value) * 100;
  if (typeof value !== "string") return null;
  const m = DECIMAL_TEXT.exec(value);
  if (!m) return null;
  const fraction = (m[3] ?? "").replace(/0+$/, "");
  if (fraction.length > 2) return null;
  const magnitude = Number(m[2]) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(magnitude)) return null;
  return m[1] === "-" && magnitude !== 0 ? -magnitude : magnitude;
}

/** Formats hundredths as a plain decimal with two places: 97738 -> "977.38". */
export function formatHundredths(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
