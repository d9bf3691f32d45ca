/**
 * An assignment fraction as people write it, from hundredths: 1600/3200 -> "16/32", 1250/2400 ->
 * "12.5/24" ("12,5/24" with a decimal comma, as on the Dutch payslip). "" when a side is unknown or the
 * denominator is not positive.
 */
export function fractionText(numerator: number | null, denominator: number | null, decimalMark: "." | "," = "."): string {
  if (numerator === null || denominator === null || denominator <= 0) return "";
  const part = (hundredths: number): string => {
    const sign = hundredths < 0 ? "-" : "";
    const abs = Math.abs(hundredths);
    const rest = String(abs % 100)
      .padStart(2, "0")
      .replace(/0$/, "");
    return `${sign}${Math.floor(abs / 100)}${rest === "" || rest === "0" ? "" : `${decimalMark}${rest}`}`;
  };
  return `${part(numerator)}/${part(denominator)}`;
}
