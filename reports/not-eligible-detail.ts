/**
 * Why a unit (or, with `unit` null, a person without units) was not declared, as the values its
 * sentence rests on (src/texts: NotEligibleDetail): the facts of the month, the person's notification
 * windows, or their late notification. Built from the reason code and the record of the run, never from
 * the rules' English detail text; each language then says it (EN / NL.notEligibleSentence).
 */
import { unreachable } from "../src/domain/unreachable";
import type { CalendarDate } from "../src/domain/calendar-date";
import type { NotEligibleReason } from "../src/domain/outcome-codes";
import type { YearMonth } from "../src/domain/year-month";
import type { PersonLine, UnitLine } from "../src/run-record";
import { EN } from "../src/texts/en";
import { NL } from "../src/texts/nl";
import type { NotEligibleDetail } from "../src/texts/texts";

/** The run a not-eligible reason is read in: its month and cut-off ("uiterste betaaldatum"). */
export interface ReasonFrame {
  readonly runMonth: YearMonth;
  readonly cutoffAt: string;
}

export interface ReasonTexts {
  readonly nl: string;
  readonly en: string;
}

function outsideWindows(person: PersonLine, start: CalendarDate, end: CalendarDate | null): NotEligibleDetail {
  const lastEnd = person.windows
    .map((w) => w.end)
    .sort()
    .at(-1)!;
  const firstStart = person.windows.map((w) => w.start).sort()[0];
  if (start > lastEnd) return { kind: "assignment-after-windows", assignmentStart: start, windowsEnd: lastEnd };
  if (end !== null && end < firstStart) return { kind: "assignment-before-windows", assignmentEnd: end, windowsStart: firstStart };
  return { kind: "assignment-outside-windows", assignmentStart: start, assignmentEnd: end, windows: person.windows };
}

function startsAfterRunMonth(person: PersonLine, start: CalendarDate, end: CalendarDate | null, frame: ReasonFrame): NotEligibleDetail {
  const window = person.windows.find((w) => w.end >= start && (end === null || w.start <= end));
  return { kind: "starts-after-run-month", start: window && window.start > start ? window.start : start, runMonth: frame.runMonth };
}

export function notEligibleDetail(
  reason: NotEligibleReason,
  person: PersonLine,
  unit: UnitLine | null,
  frame: ReasonFrame,
): NotEligibleDetail {
  const facts = unit?.facts ?? null;
  const context = unit?.context ?? null;
  switch (reason) {
    case "GROSS_AT_OR_ABOVE_THRESHOLD":
      if (facts) return { kind: "gross", monthGross: facts.monthGross, threshold: facts.threshold };
      break;
    case "OCCUPATION_AT_OR_ABOVE_LIMIT":
      if (facts) return { kind: "occupation", occupationPerMille: facts.occupationPerMille, limitPercent: facts.occupationLimitPercent };
      break;
    case "OUTSIDE_NOTIFICATION_WINDOW":
      if (context?.startDate && person.windows.length > 0) return outsideWindows(person, context.startDate, context.endDate);
      break;
    case "STARTS_AFTER_RUN_MONTH":
      if (context?.startDate) return startsAfterRunMonth(person, context.startDate, context.endDate, frame);
      break;
    case "NO_NOTIFICATION_WINDOW": {
      const withdrawn = person.notifications.filter((n) => n.withdrawnFrom !== null && n.withdrawnFrom <= n.validFrom);
      if (withdrawn.length > 0) return { kind: "withdrawn-from-start", notifications: withdrawn };
      break;
    }
    case "NO_ASSIGNMENT_IN_WINDOW":
      if (person.windows.length > 0) return { kind: "no-assignment-in-windows", windows: person.windows };
      break;
    case "NOTIFICATION_AFTER_CUTOFF": {
      const late = person.lateNotifications[0];
      return {
        kind: "notification-after-cutoff",
        cutoffAt: frame.cutoffAt,
        late: late ? { messageRef: late.messageRef, receivedAt: late.receivedAt } : null,
      };
    }
    // The reason says it all: no values to add.
    case "BEFORE_ZIMA002_START":
    case "HOLIDAY_BALANCE_AFTER_CUTOFF":
    case "FULL_TIME_ASSIGNMENT":
    case "WINDOW_TOO_OLD":
    case "PART_OF_ANOTHER_OCCUPATION":
    case "NOT_BENEFITS_INSURED":
    case "RESUMPTION_IN_PAID_PERIOD":
    case "NO_RESUMPTION_FOR_BIRTH_LEAVE":
    case "RESUMPTION_SENT_IN_ZIMA001":
    case "ABSENCE_PAID_BY_AGENCY":
      break;
    default:
      return unreachable(reason, "not-eligible reason");
  }
  return { kind: "reason", reason };
}

/** The sentence in Dutch and English. */
export function notEligibleTexts(reason: NotEligibleReason, person: PersonLine, unit: UnitLine | null, frame: ReasonFrame): ReasonTexts {
  const detail = notEligibleDetail(reason, person, unit, frame);
  return { nl: NL.notEligibleSentence(detail), en: EN.notEligibleSentence(detail) };
}
