/** Exit codes of `easr`: 0 done (rejected records are reported, not failures), 1 the run failed and wrote nothing, 2 bad usage or configuration. */
export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_USAGE = 2;

/** Thrown by commands for bad arguments; the message is shown as is and the exit code is 2. */
export class UsageError extends Error {}

/** The run's files are out and recorded, but its reports could not be written (exit 1, said plainly). */
export class ReportsFailedError extends Error {}
