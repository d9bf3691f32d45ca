/**
 * RL16 windows (domain.md D3): a notification opens a window from `valid_from` to the earliest of
 * 31 August of that school year and the day before `withdrawn_from`. A person's windows are the union
 * of their notifications' windows; a notification adding no day to the others is a duplicate.
 */
import { addDays, type CalendarDate, minDate } from "../domain/calendar-date";
import type { NotificationRecord } from "../domain/ministry-records";
import { schoolYearOf } from "../domain/school-year";

export interface NotificationWindow {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** The notification that opened the window first; its flags (00095, 01229) apply to the window. */
  readonly notification: NotificationRecord;
}

export interface WindowResult {
  /** Disjoint, in date order. */
  readonly windows: readonly NotificationWindow[];
  /** Notifications that add nothing to the others (reported, not an error). */
  readonly duplicates: readonly NotificationRecord[];
  /** Notifications withdrawn on or before their own start: they open no window. */
  readonly withdrawnFromStart: readonly NotificationRecord[];
}

/** The window of one notification, or null when it is withdrawn from its start. Needs a readable valid_from. */
export function windowOf(notification: NotificationRecord): { start: CalendarDate; end: CalendarDate } | null {
  const start = notification.validFrom!;
  let end = schoolYearOf(start).end;
  if (notification.withdrawnFrom !== null) end = minDate(end, addDays(notification.withdrawnFrom, -1));
  return end < start ? null : { start, end };
}

/** Windows of notifications that are usable (no problems) and in time for the run. */
export function notificationWindows(notifications: readonly NotificationRecord[]): WindowResult {
  const ordered = [...notifications].sort((a, b) => (a.validFrom! < b.validFrom! ? -1 : a.validFrom! > b.validFrom! ? 1 : a.id - b.id));
  const windows: NotificationWindow[] = [];
  const duplicates: NotificationRecord[] = [];
  const withdrawnFromStart: NotificationRecord[] = [];
  for (const notification of ordered) {
    const own = windowOf(notification);
    if (!own) {
      withdrawnFromStart.push(notification);
      continue;
    }
    const last = windows[windows.length - 1];
    if (last && own.start <= addDays(last.end, 1)) {
      if (own.end <= last.end) duplicates.push(notification);
      else windows[windows.length - 1] = { ...last, end: own.end };
    } else {
      windows.push({ ...own, notification });
    }
  }
  return { windows, duplicates, withdrawnFromStart };
}
