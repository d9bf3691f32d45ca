/**
 * The payment cut-off (domain.md D4): run M sees a notification only if it was received by M's
 * cut-off ("uiterste betaaldatum"), and a salary line only if it was paid by the last day of M.
 */
import type { NotificationRecord, SalaryLineRecord } from "../domain/ministry-records";
import type { LocalDateTime } from "../domain/local-date-time";
import { lastDayOf, type YearMonth } from "../domain/year-month";

export function isNotificationInTime(notification: NotificationRecord, cutoffAt: LocalDateTime): boolean {
  return notification.receivedAt !== null && notification.receivedAt <= cutoffAt;
}

export function isLinePaidInTime(line: SalaryLineRecord, runMonth: YearMonth): boolean {
  return line.paidOn !== null && line.paidOn <= lastDayOf(runMonth);
}
