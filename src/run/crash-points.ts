/**
 * Fault injection for the crash-safety and fault tests, never used in production:
 * - with EASR_CRASH_AT=<point> the process kills itself (SIGKILL, no clean-up of any kind) when the run
 *   reaches that point;
 * - a test driving `easr` in-process may register a fault for a point (`onFaultPoint`): the disk filling
 *   up, the state tables vanishing. It runs when the run reaches the point, and the run goes on to meet it.
 */
export type CrashPoint =
  | "after-first-page"
  | "after-recording-files"
  | "after-first-rename"
  | "after-first-signature"
  | "after-go-files"
  | "after-channel-declaration-put"
  | "after-channel-go-marked"
  | "after-channel-go-put";

const faults = new Map<CrashPoint, () => Promise<void>>();

/** Registers `fault` for `point` until the returned function is called. */
export function onFaultPoint(point: CrashPoint, fault: () => Promise<void>): () => void {
  faults.set(point, fault);
  return () => faults.delete(point);
}

export async function crashPoint(point: CrashPoint): Promise<void> {
  const fault = faults.get(point);
  if (fault) {
    faults.delete(point);
    await fault();
  }
  if (process.env.EASR_CRASH_AT === point) process.kill(process.pid, "SIGKILL");
}
