/**
 * The end of an exhaustive `switch`: the compiler proves every case handled (the value's type is then
 * `never`), so that a new member of a union — a new form type — is pointed at wherever it is not handled yet.
 */
export function unreachable(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${String(value)}`);
}
