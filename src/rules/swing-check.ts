/**
 * The safety valve: a month whose number of declarations of a form type differs from the
 * previous month's by more than a share (default 30 %) stops before anything is written, until an
 * operator accepts it. Small absolute differences never stop a run (`minForms`), and only the form
 * types that are stable month to month are watched (WECH006 by default; WECH003 follows the school
 * year's starts and swings by nature).
 */
export interface SwingPolicy {
  /** 0.30 = 30 %. */
  readonly maxShare: number;
  /** A difference of fewer forms than this never stops the run. */
  readonly minForms: number;
  readonly formTypes: readonly string[];
}

export interface Swing {
  readonly formType: string;
  readonly previous: number;
  readonly current: number;
  /** |current - previous| / previous, or Infinity when there were none. */
  readonly share: number;
}

export function swingsBeyondPolicy(
  current: Readonly<Record<string, number>>,
  previous: Readonly<Record<string, number>> | null,
  policy: SwingPolicy,
): Swing[] {
  if (previous === null) return [];
  const swings: Swing[] = [];
  for (const formType of policy.formTypes) {
    const now = current[formType] ?? 0;
    const before = previous[formType] ?? 0;
    const difference = Math.abs(now - before);
    if (difference < policy.minForms) continue;
    const share = before === 0 ? Number.POSITIVE_INFINITY : difference / before;
    if (share > policy.maxShare) swings.push({ formType, previous: before, current: now, share });
  }
  return swings;
}

export function describeSwing(swing: Swing, month: string, previousMonth: string): string {
  const percent = Number.isFinite(swing.share) ? `${Math.round(swing.share * 100)} %` : "from none";
  return `${swing.formType}: ${swing.current} forms in ${month} against ${swing.previous} in ${previousMonth} (${percent})`;
}
