/**
 * How the reports and the payslip copy write what a ZIMA form declared (benefits sector: ZIMA002
 * monthly adapted work, seed 002; ZIMA005 yearly holiday declaration, seed 003), in English for the
 * operator workbook and in Dutch (decimal comma) for the school boards and the staff. Hours and days
 * come x 100 (1950 = 19,50), amounts in cents.
 */
import { formatHundredths } from "../src/domain/decimal";
import type { Cents } from "../src/domain/money";
import type { Zima002Content, Zima005Content } from "../src/run/decision-records";
import type { ExactWageLine, HolidayDetailLine, ServiceLine, SeverancePay } from "../src/rules/decision-types";

export type Language = "nl" | "en";

/** Hours or days x 100 with two decimals, in the language's decimal mark: 1950 -> "19,50" / "19.50". */
export function hundredthsText(value: number, language: Language): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}${language === "nl" ? "," : "."}${String(abs % 100).padStart(2, "0")}`;
}

/** "EUR 1234,56" / "EUR 1234.56". */
export function euroText(cents: Cents, language: Language): string {
  const text = formatHundredths(cents);
  return `EUR ${language === "nl" ? text.replace(".", ",") : text}`;
}

/** Zone 00430 of ZIMA002 (seed 002 §1). */
export const ZIMA002_SUB_RISKS: Readonly<Record<1 | 2, Readonly<Record<Language, string>>>> = {
  1: { nl: "aangepast werk tijdens arbeidsongeschiktheid", en: "adapted work during incapacity" },
  2: { nl: "aangepast werk tijdens moederschapsbescherming", en: "adapted work under maternity protection" },
};

/** Zone 00430 of ZIMA005 (seed 003: "arbeider", "bediende", each also after adapted work up to the end of the holiday year). */
export const ZIMA005_SUB_RISKS: Readonly<Record<1 | 2 | 3 | 4, Readonly<Record<Language, string>>>> = {
  1: { nl: "arbeider", en: "blue-collar worker (holiday pay by a holiday fund)" },
  2: { nl: "bediende", en: "white-collar worker (holiday pay by the employer)" },
  3: { nl: "arbeider – aangepast werk", en: "blue-collar worker, adapted work" },
  4: { nl: "bediende – aangepast werk", en: "white-collar worker, adapted work" },
};

/** Zone 00194 (seed 003 §4.3.1). */
export const HOLIDAY_SECTORS: Readonly<Record<1 | 2 | 3, Readonly<Record<Language, string>>>> = {
  1: { nl: "privésector", en: "private sector" },
  2: { nl: "openbare sector", en: "public sector" },
  3: { nl: "geen vakantiestelsel", en: "no holiday scheme" },
};

/** The reference periods: "2023-03-01 – 2023-03-15; 2023-03-16 – 2023-03-31". */
export function periodsText(content: Zima002Content): string {
  return content.periods.map((p) => `${p.start} – ${p.end}`).join("; ");
}

/** Service lines (block 90018): "1: 10,00 d 76,00 u" / "1: 10.00 d 76.00 h". */
export function servicesText(services: readonly ServiceLine[], language: Language): string {
  const hour = language === "nl" ? "u" : "h";
  return services.map((s) => `${s.code}: ${s.days === null ? "" : `${hundredthsText(s.days, language)} d `}${hundredthsText(s.hours, language)} ${hour}`).join("; ");
}

/** Exact wages (block 90085): "01 EUR 1234,56; 05 EUR 10,00". */
export function wagesText(wages: readonly ExactWageLine[], language: Language): string {
  return wages.map((w) => `${w.code} ${euroText(w.amount, language)}`).join("; ");
}

/** Severance pay in working time (block 90524). */
export function severanceText(severance: SeverancePay | null, language: Language): string {
  if (severance === null) return "";
  return `${severance.start} – ${severance.end}${language === "nl" ? ": " : ": "}${euroText(severance.amount, language)}`;
}

/** Holiday details (block 90089): "code 1: 20,00 dagen; code 2: 4,50 dagen, 32,00 uur" / "code 1: 20.00 days; …". */
export function holidayDetailsText(details: readonly HolidayDetailLine[], language: Language): string {
  const [days, hours] = language === "nl" ? ["dagen", "uur"] : ["days", "h"];
  return details.map((d) => `code ${d.code}: ${hundredthsText(d.days, language)} ${days}${d.hours === null ? "" : `, ${hundredthsText(d.hours, language)} ${hours}`}`).join("; ");
}

/** The declared gross of a ZIMA002 form of sub-risk 2 (null otherwise). */
export function zima002Gross(content: Zima002Content | null | undefined): Cents | null {
  return content?.totalGross ?? null;
}

/** The holiday days (x 100) of a ZIMA005 form (null for other forms). */
export function zima005Days(content: Zima005Content | null | undefined): number | null {
  return content ? content.totalDays : null;
}
