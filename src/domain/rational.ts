/**
 * Exact fractions on BigInt, for the occupation test (< 80 %): sums of 7/22 + 2/20 over days must not
 * round their way across the limit; and for the amounts and hours the forms round once, at the end.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("rational with denominator 0");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { num: n / g, den: d / g };
}

export const ZERO: Rational = rational(0);

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiply(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function divide(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The greatest whole number not above the value. */
export function floorOf(value: Rational): bigint {
  const q = value.num / value.den;
  return value.num < 0n && q * value.den !== value.num ? q - 1n : q;
}

/** The value rounded to a whole number, half up. */
export function roundHalfUp(value: Rational): bigint {
  return floorOf(add(value, rational(1, 2)));
}

/** The value in thousandths, rounded half up: 0.8125 -> 813 (shown as 81.3 %). */
export function toPerMille(a: Rational): number {
  return Number((a.num * 2000n + a.den) / (2n * a.den));
}
