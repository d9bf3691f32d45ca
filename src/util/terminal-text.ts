/**
 * Text for the operator's terminal. A source value may hold control characters
 * that a terminal obeys instead of showing: ESC starting a sequence (ESC ] 0 ; title BEL sets the
 * window title, ESC [ 2 J clears the screen), a bare C1 CSI (0x9B) doing the same in one byte, a
 * carriage return that lets the rest of a line overwrite its beginning, a backspace, DEL. Every such
 * character is printed as a visible escape instead: ESC as `\x1b`, BEL as `\x07`, CSI as `\x9b`.
 * The bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder what a
 * terminal with bidi support shows, are shown as `\u202e` and the like.
 *
 * A literal backslash stays as it is: `\x1b` on the console is either an escaped ESC or those four
 * characters in the data, which the operator can tell apart in run-summary.json (JSON writes ESC as
 * `\u001b`).
 */

/** C0 controls but tab and line feed, DEL, C1 controls, the bidi overrides and isolates. */
const CONTROL_IN_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, with tab and line feed: for one value inside a line. */
const CONTROL_IN_VALUE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * A line (or lines) for the console: control characters escaped; tabs and line breaks stay, for the
 * program's own layout (help texts, a trace of several lines).
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_IN_LINE, visible);
}

/** One value within a console line: its tabs and line breaks escaped too, so that it cannot start a line of its own. */
export function terminalValue(text: string): string {
  return text.replace(CONTROL_IN_VALUE, visible);
}
