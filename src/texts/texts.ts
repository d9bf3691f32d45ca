/**
 * What the reports, the payslip copy and the trace say in every language they are written in: the words
 * for the codes a decision carries (reasons, rules, flags, sub-risks, holiday sectors), the sentences
 * built from a decision's values, and how hours, days and amounts are written. Each language is one
 * module (en.ts, nl.ts) holding all of its texts; a text one of them lacks does not compile.
 *
 * The texts take plain values, never a record of the run: whoever writes a report picks the values,
 * the language says them. The layout of a report (sheet names, column headers, the captions of its
 * Summary sheet) stays with the report, in the one language it is written in.
 */
import type { CalendarDate } from "../domain/calendar-date";
import type { AbsenceKind } from "../domain/ministry-records";
import type { Cents } from "../domain/money";
import type { DeclarationFlag, NotEligibleReason, RejectionRule, WaitingReason } from "../domain/outcome-codes";
import type { YearMonth } from "../domain/year-month";

/** One title per form type (the form types' own union lives with the rules; the texts hold to it). */
export interface FormTypeTitles {
  readonly WECH003: string;
  readonly WECH006: string;
  readonly ZIMA001: string;
  readonly ZIMA002: string;
  readonly ZIMA003: string;
  readonly ZIMA005: string;
  readonly ZIMA006: string;
}

/** A notification window, or any span of days. */
export interface DaySpan {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

/** A notification withdrawn from its start (it opens no window). */
export interface WithdrawnNotification {
  readonly messageRef: string;
  readonly validFrom: CalendarDate;
  readonly withdrawnFrom: CalendarDate | null;
}

/**
 * Why a unit (or a person without units) was not declared, with the values the sentence rests on: the
 * facts of the month, the assignment against the person's notification windows, or the late
 * notification. `reason` alone when there are no values to tell: the reason's own text.
 */
export type NotEligibleDetail =
  | { readonly kind: "gross"; readonly monthGross: Cents; readonly threshold: Cents }
  | { readonly kind: "occupation"; readonly occupationPerMille: number; readonly limitPercent: number }
  | { readonly kind: "assignment-after-windows"; readonly assignmentStart: CalendarDate; readonly windowsEnd: CalendarDate }
  | { readonly kind: "assignment-before-windows"; readonly assignmentEnd: CalendarDate; readonly windowsStart: CalendarDate }
  | {
      readonly kind: "assignment-outside-windows";
      readonly assignmentStart: CalendarDate;
      readonly assignmentEnd: CalendarDate | null;
      readonly windows: readonly DaySpan[];
    }
  | { readonly kind: "starts-after-run-month"; readonly start: CalendarDate; readonly runMonth: YearMonth }
  | { readonly kind: "withdrawn-from-start"; readonly notifications: readonly WithdrawnNotification[] }
  | { readonly kind: "no-assignment-in-windows"; readonly windows: readonly DaySpan[] }
  | {
      readonly kind: "notification-after-cutoff";
      readonly cutoffAt: string;
      readonly late: { readonly messageRef: string; readonly receivedAt: string } | null;
    }
  | { readonly kind: "reason"; readonly reason: NotEligibleReason };

/** A service line of a ZIMA002 period (block 90018): hours and days x 100. */
export interface ServiceValues {
  readonly code: string;
  readonly days: number | null;
  readonly hours: number;
}

/** An exact-wage line of a ZIMA002 period (block 90085). */
export interface WageValues {
  readonly code: string;
  readonly amount: Cents;
}

/** Severance pay in working time (block 90524). */
export interface SeveranceValues {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly amount: Cents;
}

/** A holiday detail line of ZIMA005 (block 90089): days and hours x 100. */
export interface HolidayDetailValues {
  readonly code: number;
  readonly days: number;
  readonly hours: number | null;
}

/** An occupation link of ZIMA003 (block 90068): its period, the half-hour breaks and the hourly wage in hundredths of a cent. */
export interface BreastfeedingLinkValues {
  readonly assignmentId: number;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly halfHourBreaks: number;
  readonly hourlyWage: number;
}

/** How a language writes hours, days, amounts and percentages, and the benefits lines made of them. */
export interface NumberTexts {
  /** Hours or days x 100 with two decimals: 1950 -> "19.50" / "19,50". */
  hundredths(value: number): string;
  /** "EUR 1234.56" / "EUR 1234,56". */
  euro(cents: Cents): string;
  /** Thousandths as a percentage with one decimal: 813 -> "81.3 %" / "81,3 %". */
  percent(perMille: number): string;
  /** Service lines: "1: 10.00 d 76.00 h" / "1: 10,00 d 76,00 u", joined with "; ". */
  services(lines: readonly ServiceValues[]): string;
  /** Exact wages: "01 EUR 1234.56; 05 EUR 10.00". */
  wages(lines: readonly WageValues[]): string;
  /** "2023-03-20 – 2023-04-30: EUR 1200.00"; "" without severance. */
  severance(severance: SeveranceValues | null): string;
  /** Holiday details: "code 1: 20.00 days; code 2: 4.50 days, 32.00 h" / "code 1: 20,00 dagen; …, 32,00 uur". */
  holidayDetails(lines: readonly HolidayDetailValues[]): string;
  /** A hourly wage in hundredths of a cent (zone 00152): 173077 -> "EUR 17.3077" / "EUR 17,3077". */
  hourlyWage(hundredthsOfCent: number): string;
  /** ZIMA003 links: "#504 2024-03-01 – 2024-03-31: 40 x 1/2 h at EUR 17.3077/h" / "… 40 x 1/2 u à EUR 17,3077/u", joined with "; ". */
  breastfeedingLinks(links: readonly BreastfeedingLinkValues[]): string;
}

/** The texts every language has. */
export interface Texts extends NumberTexts {
  readonly notEligibleReasons: Readonly<Record<NotEligibleReason, string>>;
  readonly rejectionRules: Readonly<Record<RejectionRule, string>>;
  readonly waitingReasons: Readonly<Record<WaitingReason, string>>;
  readonly declarationFlags: Readonly<Record<DeclarationFlag, string>>;
  /** Zone 00430 of ZIMA002 (seed 002 §1). */
  readonly zima002SubRisks: Readonly<Record<1 | 2, string>>;
  /** What each form type declares, as a heading: "maandaangifte deeltijdse arbeid", "monthly part-time work (scenario 6)". */
  readonly formTypeTitles: FormTypeTitles;
  /** Zone 00430 of ZIMA005 (seed 003: "arbeider", "bediende", each also after adapted work up to the end of the holiday year). */
  readonly zima005SubRisks: Readonly<Record<1 | 2 | 3 | 4, string>>;
  /** Zone 00194 (seed 003 §4.3.1). */
  readonly holidaySectors: Readonly<Record<1 | 2 | 3, string>>;
  /** The risk an absence is (zone 00430 of ZIMA001, seed 001), as ZIMA006 names what work resumed after. */
  readonly absenceKinds: Readonly<Record<AbsenceKind, string>>;
  /** Why a unit (or a person without units) was not declared, as one sentence with its values. */
  notEligibleSentence(detail: NotEligibleDetail): string;
}
