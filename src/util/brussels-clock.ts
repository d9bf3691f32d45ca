/**
 * The one place that reads the clock, in Europe/Brussels wall time: the creation date and hour of the
 * forms, the date in file names, the timestamps of the state tables.
 */
import { type CalendarDate, calendarDate } from "../domain/calendar-date";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads `start` now and runs on from there with `real` (EASR_CLOCK: tests and rehearsals). */
export function clockFrom(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

export interface BrusselsTime {
  readonly date: CalendarDate;
  /** HH:MM:SS.sss */
  readonly time: string;
  /** ISO-8601 with the Brussels offset, e.g. 2026-11-24T22:15:03.123+01:00 */
  readonly iso: string;
}

export function brusselsTime(instant: Date): BrusselsTime {
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const millis = String(instant.getUTCMilliseconds()).padStart(3, "0");
  const date = calendarDate(`${parts.year}-${parts.month}-${parts.day}`);
  const time = `${parts.hour}:${parts.minute}:${parts.second}.${millis}`;
  const offset = (parts.timeZoneName as string).replace("GMT", "") || "+00:00";
  return { date, time, iso: `${date}T${time}${offset}` };
}
