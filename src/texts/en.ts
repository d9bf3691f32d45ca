/**
 * The English texts: what the operator workbook, the decision trace, the run summary and the rules'
 * details say of the codes and values of a decision (see texts.ts).
 */
import type { DaySpan, NotEligibleDetail, Texts } from "./texts";
import { numberTexts } from "./number-texts";

const numbers = numberTexts({ decimalMark: ".", serviceHour: "h", holidayDays: "days", holidayHours: "h", at: "at" });

const windowList = (windows: readonly DaySpan[]): string => windows.map((w) => `${w.start} – ${w.end}`).join(", ");

export const EN: Texts = {
  ...numbers,
  notEligibleReasons: {
    NO_NOTIFICATION_WINDOW: "no notification window: every notification was withdrawn from its start",
    OUTSIDE_NOTIFICATION_WINDOW: "assignment outside the notification window",
    STARTS_AFTER_RUN_MONTH: "occupation within the window starts after the run month: declared in a later run",
    OCCUPATION_AT_OR_ABOVE_LIMIT: "occupation at or above the limit",
    GROSS_AT_OR_ABOVE_THRESHOLD: "gross monthly salary at or above the threshold",
    NO_ASSIGNMENT_IN_WINDOW: "no assignment in force during the notification window",
    NOTIFICATION_AFTER_CUTOFF: "notification received after the cut-off: declared in the next month's run",
    BEFORE_ZIMA002_START:
      "reference month before the first month the ZIMA002 accepts for this sub-risk (zone 00074: 2018-07 for sub-risk 1, 2018-01 for 2)",
    HOLIDAY_BALANCE_AFTER_CUTOFF: "holiday balance registered after the cut-off: declared in the next month's run",
    FULL_TIME_ASSIGNMENT:
      "full-time assignment (Q = S): no start of part-time work before 2018-09-01, no monthly form for a whole month (glossary 00048)",
    WINDOW_TOO_OLD: "the notification window ended more than the look-back limit before the run month (mappings: 24 months)",
    PART_OF_ANOTHER_OCCUPATION:
      "this assignment continues another one at the same institution within the month (a change of fraction): declared on that form with the average Q (00769 = 3)",
    RESUMPTION_IN_PAID_PERIOD:
      "work resumed within the period the agency paid (absence.paid_until): the mutuality paid nothing, no declaration of resumption (ZIMA006, errata 8)",
    RESUMPTION_SENT_IN_ZIMA001:
      "the day work resumed went with the information sheet of the absence (ZIMA001 block 90016): no declaration of resumption of work (R7)",
    ABSENCE_PAID_BY_AGENCY:
      "the agency paid the whole absence (absence.paid_until): the mutuality pays nothing, no information sheet (ZIMA001, errata 5)",
    NO_RESUMPTION_FOR_BIRTH_LEAVE:
      "birth leave is a list of leave days on its ZIMA001: it has no declaration of resumption (ZIMA006 zone 00128)",
    NOT_BENEFITS_INSURED: "appointed (statutory) staff are not insured for sickness benefits: no ZIMA form (glossary 00048 of ZIMA001)",
  },
  rejectionRules: {
    FIELD_REQUIRED: "a required value is missing (NULL)",
    FIELD_NOT_A_NUMBER: "not a number with at most two decimals",
    FIELD_NOT_AN_INTEGER: "not a whole number",
    FIELD_NOT_A_DATE: "not a calendar date YYYY-MM-DD",
    FIELD_NOT_A_TIMESTAMP: "not a date-time",
    FIELD_NOT_A_MONTH: "not a month YYYY-MM",
    FIELD_VALUE_NOT_ALLOWED: "value not allowed for this column",
    AMOUNT_OUT_OF_RANGE: "number outside the range of its column (DECIMAL(p,s) of the source contract): not summed",
    INSZ_INVALID: "INSZ is not 11 digits with a valid mod-97 check",
    DUPLICATE_INSZ:
      "the same INSZ belongs to more than one staff member: a person is their INSZ, none of them is declared until payroll merges them",
    UNKNOWN_STAFF: "refers to a staff member that does not exist",
    UNKNOWN_BOARD: "refers to a school board that does not exist",
    UNKNOWN_INSTITUTION: "refers to an institution that does not exist",
    UNKNOWN_ASSIGNMENT: "refers to an assignment that does not exist for this staff member",
    DENOMINATOR_NOT_POSITIVE: "hours denominator must be greater than 0",
    NUMERATOR_ABOVE_DENOMINATOR: "hours numerator above the denominator: not a part-time fraction",
    START_OF_PART_TIME_WORK_REJECTED: "the WECH003 of this assignment is rejected, so no monthly form may follow it",
    NO_THRESHOLD_FOR_MONTH: "mappings/scenario6-conditions.ts has no gross threshold for this month",
    NUMERATOR_NOT_POSITIVE: "hours numerator must be greater than 0",
    Q_ROUNDS_TO_ZERO: "the fraction is so small that Q (mean weekly hours, zone 00048) rounds to 0, which no form may carry",
    END_BEFORE_START: "end date before start date",
    THEORETICAL_SALARY_MISSING: "monthly_salary (theoretical salary, zone 00098) is missing or not positive",
    AMOUNT_TOO_LARGE: "amount larger than a form can carry (8 digits of cents)",
    NEGATIVE_MONTH_TOTAL: "the month's gross total is negative",
    NEGATIVE_ASSIGNMENT_AMOUNT: "the gross attributed to this assignment for the month is negative",
    PERSON_DATA_REJECTED: "another record of this person breaks the contract (see the person's rejected records)",
    FULLTIME_REQUEST_NOT_APPLICABLE: "fulltime_request 9 (not applicable) is only allowed with joint committee 999",
    DUPLICATE_MESSAGE_REF: "message_ref used by more than one notification",
    OCCUPATION_CODE_NOT_ALLOWED: "employer category or worker code not allowed in an e-ASR",
    SUB_RISK_NOT_ALLOWED: "sub-risk not allowed for this form",
    SUB_RISK_CHANGES_IN_MONTH:
      "the adapted work of this assignment changes sub-risk within the month: one form has one sub-risk, declare by hand",
    ADAPTED_WORK_OVERLAP: "two adapted_work rows of the same assignment overlap: a change of days or Q must end the old row the day before",
    ADAPTED_WORK_OUTSIDE_ASSIGNMENT: "the adapted work lies (partly) outside the dates of its assignment",
    UNKNOWN_ADAPTED_WORK: "refers to an adapted_work row that does not exist",
    OUTSIDE_ADAPTED_WORK: "the day or month lies outside the dates of its adapted work",
    BLOCK_FORBIDDEN_FOR_SUB_RISK:
      "this block is forbidden for the sub-risk of the adapted work (day natures and exact wage: not for 1; services: not for 2); not declared",
    VALUE_OUT_OF_RANGE: "value outside the range the form allows",
    DAY_NATURE_CODE_NOT_ALLOWED: "day-nature code not allowed (3.1-3.4, 5.1-5.10, 6.1, 6.21; 3.5 is never declared)",
    WAGE_CODE_NOT_ALLOWED: "wage code neither allowed as exact wage, nor excluded (02, 10, 23), nor severance (03, 09)",
    SEVERANCE_WITHOUT_END_DATE: "severance pay (wage code 03 or 09) while the assignment has no end date: the covered period cannot start",
    HOLIDAY_ROWS_DISAGREE: "the holiday_balance rows of one form (staff, assignment, holiday year) disagree on sub-risk or holiday sector",
    HOLIDAY_CODE_NOT_ALLOWED: "holiday code not allowed for the sub-risk (1, 2, 3, 5 for sub-risks 1 and 3; 8, 9 for 2 and 4)",
    HOLIDAY_CODE_REPEATED: "the same holiday code occurs twice in one form",
    TOO_MANY_DETAIL_LINES: "more detail lines than the form allows",
    DAYS_NOT_IN_HALF_DAYS: "holiday days must be rounded to half days (8.5, not 8.3)",
    HOLIDAY_HOURS_MISSING: "holiday hours are required for a part-timer (Q < S)",
    UNKNOWN_WAGE_CODE:
      "wage code on neither list of mappings/scenario6-conditions.ts (counted, not counted, severance): the month's pay cannot be judged",
    SEX_DOES_NOT_FIT_RISK:
      "the sex of the INSZ (or of staff_member.gender) does not fit the risk, or gender contradicts the INSZ (glossary 00024, anomaly 00024-008)",
    WORKER_CODE_CIVIL_SERVANT:
      "a civil-servant worker code (6xx) on a temporary or contractual assignment: the status and the code disagree",
    DAY_HOURS_ZERO_NOT_ALLOWED: "0 hours is allowed only with day-nature code 6.21 (glossary 00180 of ZIMA002)",
    GLOSSARY_CONDITION_FAILED: "the built form breaks a condition of its official glossary: the channel would refuse it; not written",
    NO_ADAPTED_WORK_IN_HOLIDAY_YEAR: "sub-risk 3 or 4 needs the adapted work of the holiday year, and the assignment has none",
    ESTABLISHMENT_UNIT_INVALID: "not a KBO establishment-unit number: 10 digits, the first 2-8, mod-97 check (glossary 00042 of ZIMA001)",
    KBO_INVALID: "not a KBO enterprise number: 10 digits, the first 0 or 1, mod-97 check",
    UNKNOWN_ABSENCE: "refers to an absence that does not exist",
    NO_REFERENCE_PERIOD:
      "the occupation is not in force in the month for more than one day: no reference period (zone 00075 must come after 00074)",
    NO_MONTHLY_WAGE:
      "no monthly wage for the month (assignment_salary or assignment.monthly_salary): the hourly wage (zone 00152) cannot be computed",
    TOO_MANY_BREAKS: "more half-hour breastfeeding breaks in the month than two a day, all occupations together (anomaly 00151-097)",
    NO_OCCUPATION_AT_RESUMPTION: "no assignment of the person is in force on the day work resumed (anomaly 90017-152)",
    NO_OCCUPATION_AT_RISK:
      "no assignment of the person is in force on the risk's first day, nor ended at most 30 days before it (ZIMA001 block 90006)",
    DMFA_CODES_MISSING:
      "a ZIMA001 is a mini-DmfA: the assignment's own employer category, worker code and joint committee are needed, no default stands in (D24 OQ1)",
    NO_CALCULATION_BASE:
      "no monthly gross for the calculation base (zone 00191): no assignment_salary row, no monthly_salary, no wage-code 01 pay of a whole month",
    TOO_MANY_DAYS: "more days in the reference period than the form allows (anomaly 90074-090: 182, for birth leave 20)",
    DUPLICATE_ROW: "two rows where the source contract allows one (a UNIQUE key)",
    DATE_AGAINST_RISK_START:
      "the date does not fit the start of the risk (absence.first_day): the last working day comes before it (for an incapacity the same day may do), the resumption after it",
  },
  waitingReasons: {
    WAITING_FOR_PAY:
      "the month's pay is not booked yet for every assignment: decided again by the next runs, at the latest by the run of month + 2 (D17), or at once by easr release",
    WAITING_FOR_ANSWER: "the form sent earlier has no answer from the channel yet: not corrected until it has",
    REFUSED_NOT_FIXED: "refused by the channel, and the data has not changed since: not sent again until it is fixed",
    HELD_REISSUE:
      "the form would change although the data it rests on did not (a rule or mapping change): held until the operator accepts with --accept-reissue (D27)",
    RISK_NOT_DUE:
      "the information sheet is not due yet: the absence was registered later, the agency still pays beyond the next month, or the birth leave is not over (ZIMA001 R9)",
    REFERENCE_DAYS_MISSING:
      "payroll has to give the days of the reference period (absence_day): a week other than five days, a public holiday in the period, or a risk whose days are never derived (errata 4)",
    REPORTED_AFTER_RUN_MONTH:
      "registered by payroll after the end of the run month (reported_at): the run of the month it was registered in declares it (errata 6)",
    RESUMPTION_AHEAD:
      "work resumes after the day this run's forms are made (zone 00128 may not lie after 00218): declared by the first run made on or after that day",
  },
  declarationFlags: {
    DECLARED_WITHOUT_PAY:
      "declared without pay: an assignment had no counted salary line for the month by the run of month + 2 (D17); corrected later if pay comes",
    SEVERANCE_IN_MONTH:
      "the month holds severance pay (wage codes 03, 04, 09): not counted; the period it covers is an occupation of its own (glossary 00044)",
    RELEASED_BY_OPERATOR: "decided before its pay was booked, because an operator released it (easr release)",
    REFERENCE_DAYS_DERIVED:
      "payroll gave no days of the reference period within the wait (D17's months): the sheet lists the period's working days with the paid-day code; corrected when payroll gives them",
    LATE_RESUMPTION:
      "sent after the deadline of seed 001 (the first working day of the second month after the month work resumed): reported late to the mutuality",
  },
  zima002SubRisks: {
    1: "adapted work during incapacity",
    2: "adapted work under maternity protection",
  },
  formTypeTitles: {
    WECH003: "start of part-time work (scenario 3)",
    WECH006: "monthly part-time work (scenario 6)",
    ZIMA001: "information sheet when a risk starts (benefits, scenario 1)",
    ZIMA002: "monthly adapted work (benefits, scenario 2)",
    ZIMA003: "monthly breastfeeding breaks (benefits, scenario 3)",
    ZIMA005: "yearly holiday declaration (benefits, scenario 5)",
    ZIMA006: "resumption of work (benefits, scenario 6)",
  },
  zima005SubRisks: {
    1: "blue-collar worker (holiday pay by a holiday fund)",
    2: "white-collar worker (holiday pay by the employer)",
    3: "blue-collar worker, adapted work",
    4: "white-collar worker, adapted work",
  },
  holidaySectors: { 1: "private sector", 2: "public sector", 3: "no holiday scheme" },
  absenceKinds: {
    INCAPACITY: "incapacity for work",
    MATERNITY_REST: "maternity rest",
    REMOVAL_FULL: "full removal from work",
    REMOVAL_PARTIAL: "partial removal from work",
    CONVERTED_MATERNITY: "converted maternity leave",
    BIRTH_LEAVE: "birth leave",
    ADOPTION_LEAVE: "adoption leave",
    FOSTER_LEAVE: "foster-parent leave",
  },
  notEligibleSentence,
};

function notEligibleSentence(d: NotEligibleDetail): string {
  switch (d.kind) {
    case "gross":
      return `gross monthly salary ${numbers.euro(d.monthGross)} (all assignments together) ≥ threshold ${numbers.euro(d.threshold)}`;
    case "occupation":
      return `occupation ${numbers.percent(d.occupationPerMille)} (all assignments together) ≥ ${d.limitPercent} %`;
    case "assignment-after-windows":
      return `assignment starts ${d.assignmentStart}; the notification window ended ${d.windowsEnd}`;
    case "assignment-before-windows":
      return `assignment ended ${d.assignmentEnd}; the notification window starts only ${d.windowsStart}`;
    case "assignment-outside-windows":
      return `assignment ${d.assignmentStart} – ${d.assignmentEnd ?? "open"} lies outside the notification window ${windowList(d.windows)}`;
    case "starts-after-run-month":
      return `occupation within the notification window starts ${d.start}, after the run month ${d.runMonth}: declared in a later run`;
    case "withdrawn-from-start":
      return `every notification was withdrawn from its start: ${d.notifications.map((n) => `${n.messageRef} valid from ${n.validFrom}, withdrawn from ${n.withdrawnFrom}`).join("; ")}`;
    case "no-assignment-in-windows":
      return `no assignment in force during the notification window ${windowList(d.windows)}`;
    case "notification-after-cutoff":
      return d.late === null
        ? `notification received after the cut-off ${d.cutoffAt} — declared in next month's run`
        : `notification ${d.late.messageRef} received ${d.late.receivedAt}, after the cut-off ${d.cutoffAt} — declared in next month's run`;
    case "reason":
      return EN.notEligibleReasons[d.reason];
  }
}
