/**
 * Exit codes of `easr`: 0 done (rejected records are reported, not failures), 1 the run failed and wrote
 * nothing, 2 bad usage or configuration, 3 the run's files are out (FI and GO, ready for transfer) but the
 * run did not finish — its state record or its reports are incomplete; the message says what settles it.
 */
export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_PUBLISHED_INCOMPLETE = 3;

/** Thrown by commands for bad arguments; the message is shown as is and the exit code is 2. */
export class UsageError extends Error {
  override readonly name: string = "UsageError";
}
