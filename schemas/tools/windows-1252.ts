/**
 * Text of the socialsecurity.be glossary exports: they declare ISO-8859-1 but are Windows-1252 (the
 * dashes in block names are byte 0x96, an en dash there, a C1 control character in ISO-8859-1).
 *
 * Decoded here rather than with `new TextDecoder("latin1")`, whose result depends on the Node version:
 * the WHATWG label "latin1" means Windows-1252, which Node 22 and 24 decode ("–", checked on 22.23 and
 * 24.22), while Node 20 decodes plain ISO-8859-1 (U+0096): the generated zone labels differed.
 */

/** Windows-1252's characters for the bytes 0x80–0x9F; the five it leaves undefined stay the C1 code points (as WHATWG decodes them). */
const HIGH_BYTES = [
  "\u20ac", "\u0081", "\u201a", "\u0192", "\u201e", "\u2026", "\u2020", "\u2021",
  "\u02c6", "\u2030", "\u0160", "\u2039", "\u0152", "\u008d", "\u017d", "\u008f",
  "\u0090", "\u2018", "\u2019", "\u201c", "\u201d", "\u2022", "\u2013", "\u2014",
  "\u02dc", "\u2122", "\u0161", "\u203a", "\u0153", "\u009d", "\u017e", "\u0178",
]; // prettier-ignore

/** Bytes in Windows-1252 as text, the same on every Node version. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (c) => HIGH_BYTES[c.charCodeAt(0) - 0x80]!);
}
