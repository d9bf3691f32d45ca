/**
 * What a staff member of the demo population was generated to be (its profile) and how its RL16
 * notifications came in: the vocabulary the generator, its profile builders and the tests share.
 */

/** What a staff member of the population was generated to be. */
export type DemoProfile =
  /** Notified, one part-time assignment, < 80 % and < EUR 1600 in every month. */
  | "eligible"
  /** Notified, two simultaneous assignments that together stay < 80 % and < EUR 1600. */
  | "eligible-two-assignments"
  /** Notified by the first employer, changes to another board mid-year (example 3 of the circular). */
  | "employer-change"
  /** Notified, < 80 % but paid EUR 1650 or more a month (example 4 of the circular). */
  | "gross-above-threshold"
  /** Notified, < 80 % and paid exactly EUR 1600.00: not eligible, the limit is strict. */
  | "gross-at-threshold"
  /** Notified, < 80 % and paid EUR 1599.99: eligible. */
  | "gross-just-below-threshold"
  /** Notified, one assignment of 80 % or more (gross far above the limit too). */
  | "occupation-above-limit"
  /** Notified, two assignments each < 80 % that together reach 80 % or more. */
  | "two-assignments-over-limit"
  /** Notified, a full-time replacement of under three weeks: occupation 100 %, gross < EUR 1600. */
  | "short-fulltime-interim"
  /** Notified, a replacement of exactly 80 % for two weeks: gross < EUR 1600, occupation not < 80 %. */
  | "interim-at-limit"
  /** Works both years, notified only for 2018-2019. */
  | "next-year-only"
  /** One of {@link DEMO_BAD_RECORDS}. */
  | "bad-record"
  | "not-notified-fulltime"
  | "not-notified-parttime"
  | "not-notified-two-assignments"
  | "not-notified-employer-change";

/** How a person's RL16 notifications came in. */
export type DemoNotice =
  /** Valid from 1 September 2017, received before September's cut-off. */
  | "early-september"
  /** Valid from 1 September 2017, received after September's cut-off: first declared by October's run. */
  | "after-september-cutoff"
  /** Valid from an assignment that starts later in the year, received before that month's cut-off. */
  | "later-in-year"
  /** Valid from an assignment that starts later in the year, received after that month's cut-off. */
  | "later-in-year-after-cutoff"
  /** Received exactly at a cut-off moment: still in time. */
  | "at-cutoff-moment"
  /** Received one second after a cut-off moment. */
  | "second-after-cutoff"
  /** Withdrawn (withdrawn_from set). */
  | "withdrawn"
  /** Withdrawn from the day it became valid: it never opens a window. */
  | "withdrawn-at-once"
  /** A second notification for the same person from another board. */
  | "duplicate"
  /** A notification for school year 2018-2019 (valid from 1 September 2018). */
  | "next-school-year";

export interface DemoStaff {
  readonly staffId: number;
  readonly profile: DemoProfile;
  readonly notices: readonly DemoNotice[];
}
