/**
 * Belgian identifiers with a modulo-97 check: INSZ/NISS (national or BIS number), the KBO/BCE
 * enterprise number and the RSZ/ONSS (NOSS) registration number. Pure, no I/O.
 */

/** INSZ: 11 digits YYMMDDSSSCC, CC = 97 - (first nine mod 97), with 2 prefixed for people born from 2000. */
export function isValidInsz(insz: string): boolean {
  if (!/^\d{11}$/.test(insz) || insz === "00000000000") return false;
  const base = Number(insz.slice(0, 9));
  const check = Number(insz.slice(9));
  if (97 - (base % 97) === check) return true;
  return 97 - ((2_000_000_000 + base) % 97) === check;
}

/** KBO enterprise number: 10 digits, first 0 or 1, last two = 97 - (first eight mod 97). */
export function isValidKbo(kbo: string): boolean {
  if (!/^[01]\d{9}$/.test(kbo)) return false;
  return 97 - (Number(kbo.slice(0, 8)) % 97) === Number(kbo.slice(8));
}

/**
 * RSZ/NOSS registration number NNNNNNNCC (leading zeros may be dropped) in [100006; 199999934],
 * CC = 96 - (N x 100 mod 97), where 0 becomes 97.
 */
export function isValidNoss(noss: string): boolean {
  if (!/^\d{6,9}$/.test(noss)) return false;
  const value = Number(noss);
  if (value < 100006 || value > 199999934) return false;
  const padded = noss.padStart(9, "0");
  const expected = 96 - ((Number(padded.slice(0, 7)) * 100) % 97);
  return (expected === 0 ? 97 : expected) === Number(padded.slice(7));
}

/** Masks an INSZ for display and logs: only the last three digits stay ("********123"). */
export function maskInsz(insz: string): string {
  return insz.length <= 3 ? "***" : "*".repeat(insz.length - 3) + insz.slice(-3);
}
