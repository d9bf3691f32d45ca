/**
 * The scheduler's cron expression (node-cron syntax: 5 fields, or 6 with seconds first), read in
 * Europe/Brussels time. An expression that may fire between 02:00 and 02:59 is refused: on the
 * spring-forward day that hour does not exist and node-cron skips the run altogether (on the fall-back
 * day it runs once), so a schedule there would silently miss a day.
 */
import cron from "node-cron";

export const SCHEDULE_TIMEZONE = "Europe/Brussels";

/** The hour of the daylight-saving change in Brussels, local time. */
const DST_HOUR = 2;

/** Why the expression cannot be the schedule, or null when it can. */
export function scheduleExpressionProblem(expression: string): string | null {
  if (!cron.validate(expression)) {
    const detail = cron
      .validateDetailed(expression)
      .errors.map((e) => e.message)
      .join("; ");
    return `"${expression}" is not a valid cron expression${detail ? ` (${detail})` : ""}`;
  }
  if (cron.parse(expression).hour.includes(DST_HOUR)) {
    return `"${expression}" may fire between 02:00 and 02:59 Brussels time, the hour skipped or repeated when daylight saving time changes; choose another hour`;
  }
  return null;
}
