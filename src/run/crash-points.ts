/**
 * Fault injection for the crash-safety tests: with EASR_CRASH_AT=<point> the process kills itself
 * (SIGKILL, no clean-up of any kind) when the run reaches that point. Never set in production.
 */
export type CrashPoint = "after-first-page" | "after-recording-files" | "after-first-rename" | "after-go-files";

export function crashPoint(point: CrashPoint): void {
  if (process.env.EASR_CRASH_AT === point) process.kill(process.pid, "SIGKILL");
}
