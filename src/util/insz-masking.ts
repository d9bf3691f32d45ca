/**
 * Masks anything that looks like an INSZ (11 digits, bare or written 85.07.30-033.28) in free text:
 * only the last three digits stay. Used by the logger on every line, errors included.
 */
const BARE = /(?<!\d)\d{9}(\d{2})(?!\d)/g;
const FORMATTED = /(?<!\d)\d{2}[.]\d{2}[.]\d{2}[-.\s]?\d(\d{2})[.]?(\d{2})(?!\d)/g;

export function maskInszInText(text: string): string {
  return text
    .replace(FORMATTED, (_m, a: string, b: string) => `********${a.slice(-1)}${b}`)
    .replace(BARE, (m: string) => `********${m.slice(-3)}`);
}

/**
 * A broken record as it may leave the run: its offending value with every
 * INSZ-shaped run masked, whatever column it came from — a message_ref "RL16-80010100305" becomes
 * "RL16-********305". INSZ-shaped is exactly 11 digits (or the written form above) with no digit right
 * before or after: a longer run of digits ("100000000000000000000", an amount of 1e20 written out) is a
 * number, not an INSZ inside one, and stays as it is, so that the operator sees the value that broke
 * the rule.
 */
export function withMaskedValue<P extends { readonly value: string }>(problem: P): P {
  return { ...problem, value: maskInszInText(problem.value) };
}

/** Deep copy of a log record with every string masked. */
export function maskInszDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskInszInText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => maskInszDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskInszDeep(v, depth + 1);
  return out;
}
