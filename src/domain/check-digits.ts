/**
 * Belgian identifiers with a modulo-97 check: INSZ/NISS (national or BIS number), the KBO/BCE
 * enterprise number and the RSZ/ONSS (NOSS) registration number — checked, and made with their check
 * digits (demo, test and benchmark data). Pure, no I/O.
 */
import type { CalendarDate } from "./calendar-date";

/** The INSZ check number of its first nine digits; people born from 2000 count with a 2 prefixed. */
function inszCheck(firstNine: number, bornFrom2000: boolean): number {
  return 97 - (((bornFrom2000 ? 2_000_000_000 : 0) + firstNine) % 97);
}

/** Whether a valid INSZ's check digits are those of a birth from 2000 (its YY then means 20YY). */
export function isInszBornFrom2000(insz: string): boolean {
  return isValidInsz(insz) && inszCheck(Number(insz.slice(0, 9)), true) === Number(insz.slice(9));
}

/** The KBO check number of its first eight digits. */
function kboCheck(firstEight: number): number {
  return 97 - (firstEight % 97);
}

/** The NOSS check number of its seven-digit body (0 becomes 97). */
function nossCheck(body: number): number {
  const check = 96 - ((body * 100) % 97);
  return check === 0 ? 97 : check;
}

function twoDigits(check: number): string {
  return String(check).padStart(2, "0");
}

/** INSZ: 11 digits YYMMDDSSSCC, CC = 97 - (first nine mod 97), with 2 prefixed for people born from 2000. */
export function isValidInsz(insz: string): boolean {
  if (!/^\d{11}$/.test(insz) || insz === "00000000000") return false;
  const base = Number(insz.slice(0, 9));
  const check = Number(insz.slice(9));
  return inszCheck(base, false) === check || inszCheck(base, true) === check;
}

/** KBO enterprise number: 10 digits, first 0 or 1, last two = 97 - (first eight mod 97). */
export function isValidKbo(kbo: string): boolean {
  if (!/^[01]\d{9}$/.test(kbo)) return false;
  return kboCheck(Number(kbo.slice(0, 8))) === Number(kbo.slice(8));
}

/**
 * RSZ/NOSS registration number NNNNNNNCC (leading zeros may be dropped) in [100006; 199999934],
 * CC = 96 - (N x 100 mod 97), where 0 becomes 97.
 */
/** A KBO establishment-unit number (vestigingseenheid): 10 digits, the first 2-8, the last two 97 - (the first eight mod 97). */
export function isValidEstablishmentUnit(unit: string): boolean {
  if (!/^[2-8]\d{9}$/.test(unit)) return false;
  return kboCheck(Number(unit.slice(0, 8))) === Number(unit.slice(8));
}

export function isValidNoss(noss: string): boolean {
  if (!/^\d{6,9}$/.test(noss)) return false;
  const value = Number(noss);
  if (value < 100006 || value > 199999934) return false;
  const padded = noss.padStart(9, "0");
  return nossCheck(Number(padded.slice(0, 7))) === Number(padded.slice(7));
}

/** An INSZ from birth date and daily serial (odd for men, even for women), check number included. */
export function makeInsz(birthDate: CalendarDate, serial: number): string {
  const firstNine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(serial).padStart(3, "0")}`;
  return firstNine + twoDigits(inszCheck(Number(firstNine), Number(birthDate.slice(0, 4)) >= 2000));
}

/** A KBO enterprise number from its first eight digits. */
export function makeKbo(firstEight: string): string {
  return firstEight + twoDigits(kboCheck(Number(firstEight)));
}

/** An RSZ/NOSS registration number from its seven-digit body. */
export function makeNoss(body: number): string {
  return String(body) + twoDigits(nossCheck(body));
}

/** Masks an INSZ for display and logs: only the last three digits stay ("********123"). */
export function maskInsz(insz: string): string {
  return insz.length <= 3 ? "***" : "*".repeat(insz.length - 3) + insz.slice(-3);
}
