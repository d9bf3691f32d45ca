/**
 * What the scheduler reads at each tick to decide which months are due: the payment calendar from the
 * ministry database and the months already completed in the state database. The databases are opened
 * for the reading and closed again, so a long-lived scheduler holds no connection between ticks (each
 * month's run opens its own).
 */
import type { AppConfig } from "../src/config/load-config";
import type { YearMonth } from "../src/domain/year-month";
import { openRunContext } from "../src/run/run-context";
import type { CalendarEntry } from "./due-months";

export interface ScheduleFacts {
  readonly calendar: readonly CalendarEntry[];
  /** Calendar rows that could not be read (their months are never due; the scheduler warns). */
  readonly calendarErrors: readonly { readonly periodMonth: string; readonly error: string }[];
  /** Months with a completed run in the configured environment. */
  readonly completed: ReadonlySet<YearMonth>;
}

export type ReadScheduleFacts = () => Promise<ScheduleFacts>;

/** Reads the facts from the databases of a configuration, for the configured environment. */
export function scheduleFactsFrom(config: AppConfig): ReadScheduleFacts {
  return async () => {
    const context = await openRunContext(config);
    try {
      const { entries, errors } = await context.source.paymentCalendar();
      const completed = await context.runs.completedMonths(config.environment);
      return { calendar: entries, calendarErrors: errors, completed };
    } finally {
      await context.close();
    }
  };
}
