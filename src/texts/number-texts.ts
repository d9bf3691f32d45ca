/** How hours, days, amounts and the benefits lines are written, the same in every language but for its words. */
import { formatHundredths } from "../domain/decimal";
import type { NumberTexts } from "./texts";

interface NumberWords {
  /** The decimal mark: "." or ",". */
  readonly decimalMark: string;
  /** The unit after a service line's hours: "h" / "u". */
  readonly serviceHour: string;
  /** The words after a holiday detail's days and hours: "days", "h" / "dagen", "uur". */
  readonly holidayDays: string;
  readonly holidayHours: string;
  /** The word before a ZIMA003 link's hourly wage: "at" / "à". */
  readonly at: string;
}

export function numberTexts(words: NumberWords): NumberTexts {
  const hundredths = (value: number): string => formatHundredths(value).replace(".", words.decimalMark);
  const euro = (cents: number): string => `EUR ${hundredths(cents)}`;
  const hourlyWage = (value: number): string =>
    `EUR ${Math.trunc(value / 10_000)}${words.decimalMark}${String(value % 10_000).padStart(4, "0")}`;
  return {
    hundredths,
    euro,
    percent: (perMille) => `${Math.trunc(perMille / 10)}${words.decimalMark}${Math.abs(perMille % 10)} %`,
    services: (lines) =>
      lines
        .map((s) => `${s.code}: ${s.days === null ? "" : `${hundredths(s.days)} d `}${hundredths(s.hours)} ${words.serviceHour}`)
        .join("; "),
    wages: (lines) => lines.map((w) => `${w.code} ${euro(w.amount)}`).join("; "),
    severance: (severance) => (severance === null ? "" : `${severance.start} – ${severance.end}: ${euro(severance.amount)}`),
    holidayDetails: (lines) =>
      lines
        .map(
          (d) =>
            `code ${d.code}: ${hundredths(d.days)} ${words.holidayDays}${d.hours === null ? "" : `, ${hundredths(d.hours)} ${words.holidayHours}`}`,
        )
        .join("; "),
    hourlyWage,
    breastfeedingLinks: (links) =>
      links
        .map(
          (l) =>
            `#${l.assignmentId} ${l.start} – ${l.end}: ${l.halfHourBreaks} x 1/2 ${words.serviceHour} ${words.at} ${hourlyWage(l.hourlyWage)}/${words.serviceHour}`,
        )
        .join("; "),
  };
}
