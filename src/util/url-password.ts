/**
 * A URL as it may be shown (messages, `easr config --check`): the password of its user part as `****`.
 * Works on text that does not parse as a URL too, so that a mistyped one is quoted without its secret.
 */
export function withoutPassword(text: string): string {
  return text.replace(/\/\/([^/@:]*):[^@]*@/, "//$1:****@");
}
