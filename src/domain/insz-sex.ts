/**
 * The sex an INSZ tells (domain.md D21, rule 37): the counter (digits 7-9) is even for a woman and odd
 * for a man, for a national-register number and for a BIS number whose month carries +40 (sex known
 * when it was given); a BIS number whose month carries +20 was given without knowing the sex.
 */
export type Sex = "M" | "F";

/** "unknown" for a BIS number with +20 in its month; null when the text is no 11-digit number. */
export function sexOfInsz(insz: string): Sex | "unknown" | null {
  if (!/^\d{11}$/.test(insz)) return null;
  const month = Number(insz.slice(2, 4));
  if (month >= 20 && month <= 32) return "unknown";
  return Number(insz.slice(6, 9)) % 2 === 0 ? "F" : "M";
}

/** Dutch and English words for a sex, in messages and reports. */
export const SEX_WORDS: Record<Sex, { en: string; nl: string }> = {
  F: { en: "a woman", nl: "een vrouw" },
  M: { en: "a man", nl: "een man" },
};
