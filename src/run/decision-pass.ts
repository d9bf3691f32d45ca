/**
 * What every way of deciding a month shares — the real run, `easr explain`, `easr simulate`: the
 * cut-offs of the month and the next, the reference data, and the pages of notified persons with the
 * frame the rules need. The caller says what counts as declared or decided before.
 */
import type { CalendarDate } from "../domain/calendar-date";
import { schoolYearOf } from "../domain/school-year";
import type { LocalDateTime } from "../domain/local-date-time";
import type { PersonSourceData, ReferenceData } from "../domain/ministry-records";
import type { RecordProblem } from "../domain/outcome-codes";
import { addMonths, firstDayOf, minMonth, monthOf, type YearMonth, yearOf } from "../domain/year-month";
import type { RunFrame } from "../rules/person-context";
import type { RuleParameters } from "../rules/rule-parameters";
import { windowLookbackLimit } from "../rules/window-age";
import { lastDueHolidayYear } from "../rules/zima005";
import type { MinistryReader, PersonPageQuery } from "../source/ministry-reader";

export class RunFailedError extends Error {
  override readonly name: string = "RunFailedError";
}

export interface MonthSetting {
  readonly runMonth: YearMonth;
  readonly cutoffAt: LocalDateTime;
  readonly nextCutoffAt: LocalDateTime | null;
  readonly references: ReferenceData;
  readonly duplicateMessageRefs: ReadonlySet<string>;
  /** INSZs that more than one staff member has, with their staff ids. */
  readonly duplicateInszs: ReadonlyMap<string, readonly number[]>;
  /** Assignments and salary lines of no staff member: reported by the run, no person's. */
  readonly unownedRecords: readonly RecordProblem[];
  /** What the reader is asked for: every notification, salary lines back to the look-back's school year, benefits data back to the previous school year. */
  readonly query: PersonPageQuery;
}

/** What an earlier run (or an operator) did about the persons of one page. */
export interface EarlierOutcomes {
  readonly isPreviouslyDeclared: (key: string) => boolean;
  readonly previousFingerprint: (key: string) => string | undefined;
  /** D17: person-months an operator released (easr release): decided now with what is known. */
  readonly isReleased?: (staffId: number, month: YearMonth) => boolean;
}

export const NO_EARLIER_OUTCOMES: EarlierOutcomes = { isPreviouslyDeclared: () => false, previousFingerprint: () => undefined };

/** Reads what deciding `runMonth` needs up front; a month without a readable cut-off stops here. */
export async function monthSetting(
  source: MinistryReader,
  runMonth: YearMonth,
  pageSize: number,
  parameters: RuleParameters,
): Promise<MonthSetting> {
  const calendar = await source.paymentCalendar();
  const calendarError = calendar.errors.find((e) => e.periodMonth === runMonth);
  if (calendarError) throw new RunFailedError(`payment_calendar row for ${runMonth} is unreadable: ${calendarError.error}`);
  const cutoff = calendar.entries.find((e) => e.periodMonth === runMonth);
  if (!cutoff) {
    throw new RunFailedError(
      `payment_calendar has no cut-off ("uiterste betaaldatum") for ${runMonth}: the run cannot tell which notifications it may see`,
    );
  }
  // Benefits sector: adapted work from the start of the previous school year.
  const benefitsFrom = addMonths(monthOf(schoolYearOf(firstDayOf(runMonth)).start), -12);
  // D18: every notification is read; salary lines back to the school year of the windows' look-back limit,
  // the earliest month a window that is not too old can cover.
  const salaryFrom = monthOf(schoolYearOf(windowLookbackLimit(runMonth, parameters.windowLookbackMonths)).start);
  return {
    runMonth,
    cutoffAt: cutoff.cutoffAt,
    nextCutoffAt: calendar.entries.find((e) => e.periodMonth === addMonths(runMonth, 1))?.cutoffAt ?? null,
    references: await source.referenceData(),
    duplicateMessageRefs: await source.duplicateMessageRefs(),
    duplicateInszs: await source.duplicateInszs(),
    unownedRecords: await source.unownedRecords(),
    // Holiday years from two years before the run's.
    query: {
      salaryFrom: minMonth(salaryFrom, benefitsFrom),
      salaryTo: runMonth,
      benefitsFrom,
      holidayYearsFrom: yearOf(runMonth) - 2,
      holidayYearsTo: lastDueHolidayYear(runMonth),
      pageSize,
    },
  };
}

/** The frame of the rules for the month, its forms made on `creationDate`. */
export function frameFor(
  setting: MonthSetting,
  parameters: RuleParameters,
  earlier: EarlierOutcomes,
  creationDate: CalendarDate,
): RunFrame {
  return {
    runMonth: setting.runMonth,
    creationDate,
    cutoffAt: setting.cutoffAt,
    nextCutoffAt: setting.nextCutoffAt,
    parameters,
    references: setting.references,
    duplicateMessageRefs: setting.duplicateMessageRefs,
    duplicateInszs: setting.duplicateInszs,
    isPreviouslyDeclared: earlier.isPreviouslyDeclared,
    previousFingerprint: earlier.previousFingerprint,
    isReleased: earlier.isReleased ?? (() => false),
    benefitsMonthsFrom: setting.query.benefitsFrom,
    holidayYearsFrom: setting.query.holidayYearsFrom,
  };
}

/** The pages of notified persons of the month (keyset pages, bounded memory). */
export function personPages(source: MinistryReader, setting: MonthSetting): AsyncGenerator<PersonSourceData[]> {
  return source.persons(setting.query);
}
