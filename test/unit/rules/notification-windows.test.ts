import { expect } from "chai";
import type { CalendarDate } from "../../../src/domain/calendar-date";
import type { NotificationRecord } from "../../../src/domain/ministry-records";
import { notificationWindows, windowOf } from "../../../src/rules/notification-windows";

function notification(id: number, validFrom: CalendarDate, withdrawnFrom: CalendarDate | null = null): NotificationRecord {
  return {
    id,
    staffId: 1,
    boardId: 1,
    messageRef: `RL16-${id}`,
    receivedAt: "2017-09-05 10:00:00",
    validFrom,
    withdrawnFrom,
    maintenanceOfRights: 1,
    fulltimeRequest: 1,
    problems: [],
  };
}

describe("RL16 notification windows (D3)", () => {
  it("run to 31 August of the school year of valid_from", () => {
    expect(windowOf(notification(1, "2017-09-01"))).to.deep.equal({ start: "2017-09-01", end: "2018-08-31" });
    expect(windowOf(notification(2, "2018-03-12"))).to.deep.equal({ start: "2018-03-12", end: "2018-08-31" });
    expect(windowOf(notification(3, "2018-09-01"))).to.deep.equal({ start: "2018-09-01", end: "2019-08-31" });
  });

  it("end the day before a withdrawal, and vanish when withdrawn from their start", () => {
    expect(windowOf(notification(1, "2017-09-01", "2018-01-15"))).to.deep.equal({ start: "2017-09-01", end: "2018-01-14" });
    expect(windowOf(notification(1, "2017-09-01", "2017-09-01"))).to.equal(null);
    const result = notificationWindows([notification(1, "2017-09-01", "2017-09-01")]);
    expect(result.windows).to.deep.equal([]);
    expect(result.withdrawnFromStart.map((n) => n.id)).to.deep.equal([1]);
  });

  it("merge into a union; a notification adding no day is a duplicate that changes nothing", () => {
    const result = notificationWindows([notification(2, "2017-10-01"), notification(1, "2017-09-01"), notification(3, "2018-09-01")]);
    expect(result.windows.map((w) => [w.start, w.end, w.notification.id])).to.deep.equal([["2017-09-01", "2019-08-31", 1]]);
    expect(result.duplicates.map((n) => n.id)).to.deep.equal([2]);
  });

  it("keep separate windows apart, each with the notification that opened it", () => {
    const result = notificationWindows([notification(1, "2017-09-01", "2017-11-01"), notification(2, "2018-02-01")]);
    expect(result.windows.map((w) => [w.start, w.end, w.notification.id])).to.deep.equal([
      ["2017-09-01", "2017-10-31", 1],
      ["2018-02-01", "2018-08-31", 2],
    ]);
    expect(result.duplicates).to.deep.equal([]);
  });
});
