/**
 * What the rules decide, as plain values: per decision unit (a person's assignment for WECH003, a
 * person's assignment-month for WECH006) exactly one outcome — declared, not eligible (with reason)
 * or rejected (with the rule broken) — and per person the sum of it.
 */
import type { ReferencePeriod } from "../domain/reference-period";
import type { CalendarDate } from "../domain/calendar-date";
import type { AbsenceKind } from "../domain/ministry-records";
import type { Cents } from "../domain/money";
import type { DeclarationFlag, NotEligibleReason, RecordProblem, RejectionRule, WaitingReason } from "../domain/outcome-codes";
import type { YearMonth } from "../domain/year-month";

export type UnemploymentFormType = "WECH003" | "WECH006";
/**
 * Benefits sector (sickness and maternity): ZIMA001 the information sheet when a risk starts (one per
 * risk, in the month of its first day), ZIMA002 monthly adapted work, ZIMA003 monthly breastfeeding
 * breaks, ZIMA005 yearly holiday declaration, ZIMA006 resumption of work (one per resumption, in the
 * month of its day).
 */
export type BenefitsFormType = "ZIMA001" | "ZIMA002" | "ZIMA003" | "ZIMA005" | "ZIMA006";
export type FormType = UnemploymentFormType | BenefitsFormType;

/** Every form type, in the order their files are written. */
export const FORM_TYPES: readonly FormType[] = ["WECH003", "WECH006", "ZIMA001", "ZIMA002", "ZIMA003", "ZIMA005", "ZIMA006"];

/** The sector of a form type, which is the batch purpose in its file's name: WECH (unemployment) or ZIMA (benefits). */
export type Sector = "WECH" | "ZIMA";

/**
 * How often a form type is declared, which says what its unit's reference period is: once per
 * occupation (none), monthly (a month `YYYY-MM`), yearly (a holiday year `YYYY`), once per event — an
 * absence (ZIMA001), a resumption (ZIMA006) — whose period is the month it falls in, which only says which
 * runs look at it.
 */
export type Cadence = "per-occupation" | "monthly" | "yearly" | "per-event";

/**
 * What the rules must know of every form type: its sector and its cadence. A new form type that is
 * missing here does not compile; everything else of a form type is its module (src/form-types/).
 */
export const FORM_TYPE_KINDS = {
  WECH003: { sector: "WECH", cadence: "per-occupation" },
  WECH006: { sector: "WECH", cadence: "monthly" },
  ZIMA001: { sector: "ZIMA", cadence: "per-event" },
  ZIMA002: { sector: "ZIMA", cadence: "monthly" },
  ZIMA003: { sector: "ZIMA", cadence: "monthly" },
  ZIMA005: { sector: "ZIMA", cadence: "yearly" },
  ZIMA006: { sector: "ZIMA", cadence: "per-event" },
} as const satisfies Record<FormType, { readonly sector: Sector; readonly cadence: Cadence }>;

/** The batch purpose (second element of the file name) of a form type: its sector. */
export function batchPurposeOf(formType: FormType): Sector {
  return FORM_TYPE_KINDS[formType].sector;
}

export function cadenceOf(formType: FormType): Cadence {
  return FORM_TYPE_KINDS[formType].cadence;
}

/** A value per form type, e.g. a count of zero for each, or what each form type's module says. */
export function perFormType<T>(value: (formType: FormType) => T): Record<FormType, T> {
  return {
    WECH003: value("WECH003"),
    WECH006: value("WECH006"),
    ZIMA001: value("ZIMA001"),
    ZIMA002: value("ZIMA002"),
    ZIMA003: value("ZIMA003"),
    ZIMA005: value("ZIMA005"),
    ZIMA006: value("ZIMA006"),
  };
}

/** The occupation (one assignment) a form is about, with everything the forms and reports need. */
export interface OccupationFacts {
  readonly assignmentId: number;
  readonly institutionId: number;
  readonly institutionName: string;
  readonly level: string;
  readonly boardId: number;
  readonly boardName: string;
  readonly agency: string;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate | null;
  /** Fraction in hundredths, as in the source (1600/3200). */
  readonly numerator: number;
  readonly denominator: number;
  readonly q: number;
  readonly s: number;
  readonly daysPerWeek: number | null;
  readonly monthlySalary: Cents;
  readonly employerClass: string;
  readonly workerCode: string;
  readonly jointCommittee: string;
}

/** Where an assignment sits and what it is, as far as the source tells — for every unit, declared or not. */
export interface AssignmentContext {
  readonly assignmentId: number;
  readonly boardId: number | null;
  readonly boardName: string | null;
  readonly agency: string | null;
  readonly institutionId: number | null;
  readonly institutionName: string | null;
  readonly level: string | null;
  readonly jobTitle: string | null;
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  /** Fraction in hundredths, null when unreadable. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly monthlySalary: Cents | null;
}

export interface PersonIdentity {
  readonly staffId: number;
  readonly insz: string;
  readonly lastName: string;
  readonly firstName: string;
}

export interface Wech003Declaration {
  readonly formType: "WECH003";
  readonly person: PersonIdentity;
  readonly occupation: OccupationFacts;
  /** Zone 00044: the later of the assignment's start and the window's start. */
  readonly occupationStartingDate: CalendarDate;
  /** Zone 00095: configured (D14), 0 for the education agencies: not the notification's maintenance_of_rights. */
  readonly dbrInCompanyPlan: 0 | 1;
  /** Zone 00096, only when 00095 = 1. */
  readonly legalBasis: number | null;
  /** Zone 01229, from the notification. */
  readonly fulltimeRequest: number;
  readonly notificationId: number;
  /** The notification's maintenance_of_rights (1 involuntary, 0 voluntary part-timer): shown in the trace only, no zone (D15). */
  readonly maintenanceOfRights: number;
}

export interface Wech006Declaration {
  readonly formType: "WECH006";
  readonly person: PersonIdentity;
  readonly occupation: OccupationFacts;
  readonly referencePeriod: YearMonth;
  /** Zone 00044 (D19): for Q < S the occupation's start in the month or the month's first day; for Q = S the assignment's real start. */
  readonly occupationStartingDate: CalendarDate;
  /** Zone 00045 (D19): for Q < S the occupation's end in the month or the month's last day; for Q = S only when it ends in the month, else null (not written). */
  readonly occupationEndingDate: CalendarDate | null;
  /** Zone 00769: 2 the same Q all month, 3 an uninterrupted part-time occupation whose Q changes (D19). */
  readonly occupationInterruption: number;
  /** Zone 00048: the occupation's Q, or for 00769 = 3 the calendar-day average Q truncated to hundredths. */
  readonly meanWorkingHours: number;
  /** Zone 00098: the assignment's monthly salary, or for 00769 = 3 the full-time monthly salary on the occupation's first day. */
  readonly theoreticalSalary: Cents;
  /** Zone 00124: the counted pay (D16) of this occupation for the month. */
  readonly exactSalary: Cents;
  /** For 00769 = 3: every assignment row of the occupation in the month, in date order (the first is the unit's). */
  readonly assignmentIds: readonly number[];
  readonly facts: Scenario6Facts;
}

/** A service line of a ZIMA002 reference period (block 90018, sub-risk 1 only). */
export interface ServiceLine {
  /** Zone 00062: DmfA performance code. */
  readonly code: string;
  /** Zone 00063: days x 100, when known. */
  readonly days: number | null;
  /** Zone 00064: hours x 100. */
  readonly hours: number;
}

/** A day of a ZIMA002 reference period with a day-nature code (block 90074, sub-risk 2 only). */
export interface DayNatureLine {
  /** Zone 00178. */
  readonly day: CalendarDate;
  /** Zone 00179: 3.1-3.4, 5.1-5.10, 6.1, 6.21. */
  readonly code: string;
  /** Zone 00180: hours x 100. */
  readonly hours: number;
}

/** An exact-wage line of a ZIMA002 reference period (block 90085, sub-risk 2 only). */
export interface ExactWageLine {
  /** Zone 00122: a wage code allowed by seed 002 (never 02, 10, 23); 01 with 0 for a month without pay. */
  readonly code: string;
  /** Zone 00124: gross, cents, >= 0. */
  readonly amount: Cents;
}

/** Severance pay expressed in working time (block 90524, zones 01130-01132). */
export interface SeverancePay {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly amount: Cents;
}

/**
 * One reference period of a ZIMA002 form: the part of one adapted-work row inside the month. Each
 * period gets its own OccupationLink, special-situations block (90030) and ReferencePeriod (seed 002 §3.1-3.2).
 */
export interface AdaptedWorkPeriod {
  readonly adaptedWorkId: number;
  /** Zones 00074 / 00075. */
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** Zone 00554: Q of the adapted work, hours per week x 100. */
  readonly adaptedQ: number;
  /** Zone 00393: days per week of the adapted work x 100. */
  readonly adaptedDaysPerWeek: number;
  /** Sub-risk 1 only (empty for 2). */
  readonly services: readonly ServiceLine[];
  /** Sub-risk 2 only (empty for 1). */
  readonly dayNatures: readonly DayNatureLine[];
  /** Sub-risk 2 only (empty for 1): on the month's last period, the month's pay by wage code. */
  readonly exactWages: readonly ExactWageLine[];
  /** When the month holds severance pay for this occupation: on the month's last period. */
  readonly severance: SeverancePay | null;
}

export interface Zima002Declaration {
  readonly formType: "ZIMA002";
  readonly person: PersonIdentity;
  readonly occupation: OccupationFacts;
  readonly referencePeriod: YearMonth;
  /** Zone 00430: 1 adapted work during incapacity, 2 under maternity protection. */
  readonly subRisk: 1 | 2;
  /** In date order, at least one. */
  readonly periods: readonly AdaptedWorkPeriod[];
}

/** One holiday detail line of ZIMA005 (block 90089). */
export interface HolidayDetailLine {
  /** Zone 00196: 1, 2, 3, 5 for sub-risks 1 and 3; 8, 9 for sub-risks 2 and 4. */
  readonly code: number;
  /** Zone 00197: days x 100, a multiple of 50 (half days). */
  readonly days: number;
  /** Zone 00198: hours x 100, part-timers only; null otherwise. */
  readonly hours: number | null;
}

export interface Zima005Declaration {
  readonly formType: "ZIMA005";
  readonly person: PersonIdentity;
  readonly occupation: OccupationFacts;
  /** Zone 00125. */
  readonly holidayYear: number;
  /** Zone 00430: 1-4 (seed 003). */
  readonly subRisk: 1 | 2 | 3 | 4;
  /** Zone 00194: 1 private, 2 public, 3 none; 2 and 3 carry no details. */
  readonly holidaySector: 1 | 2 | 3;
  /** Sub-risks 3 and 4: the (last) adapted work of the holiday year (zones 00554 / 00393, x 100). */
  readonly adaptedWork: { readonly q: number; readonly daysPerWeek: number } | null;
  /** In code order, at most four; empty for sectors 2 and 3. */
  readonly details: readonly HolidayDetailLine[];
}

/** One occupation link of a ZIMA003 form (block 90068): an assignment with breaks in the month. */
export interface Zima003Link {
  readonly occupation: OccupationFacts;
  /** Block 90077: zones 00074, 00075 — the month within the occupation. */
  readonly period: { readonly start: CalendarDate; readonly end: CalendarDate };
  /** Zone 00151: half-hour breaks taken. */
  readonly halfHourBreaks: number;
  /** Zone 00152: the mean gross hourly wage, hundredths of a cent. */
  readonly hourlyWage: number;
}

/** ZIMA003: one form per person and month (decision Z3-FORM), a link per assignment with breaks. */
export interface Zima003Declaration {
  readonly formType: "ZIMA003";
  readonly person: PersonIdentity;
  /** The first link's occupation (the unit's assignment). */
  readonly occupation: OccupationFacts;
  /** The month the breaks were taken in (never the run month unless they were taken in it). */
  readonly referencePeriod: YearMonth;
  /** In assignment order, at least one; grouped into WorkerRecordLinks by (00036, 00037) when written. */
  readonly links: readonly Zima003Link[];
}

/** ZIMA006: one form per resumption of work (zima-1-3-6.md §3); the form names the person and the day only. */
export interface Zima006Declaration {
  readonly formType: "ZIMA006";
  readonly person: PersonIdentity;
  /** The first insured assignment in force on the day of resumption: no zone, for the reports. */
  readonly occupation: OccupationFacts;
  /** The month of the day of resumption. */
  readonly referencePeriod: YearMonth;
  readonly resumptionId: number;
  /** The absence (risk) the resumption ends, and its kind. */
  readonly absenceId: number;
  readonly absenceKind: AbsenceKind;
  /** Zone 00128 WorkRecoveryDate. */
  readonly resumptionDate: CalendarDate;
  /** A mutuality's request, when one asked: the reason it is declared; the form stays spontaneous (SU, D24 OQ3). */
  readonly requestTicket: string | null;
  /** Seed 001: the first working day of the second month after the month of resumption. */
  readonly deadline: CalendarDate;
}

/** One NatureOfDay of a ZIMA001 reference period (block 90074). */
export interface Zima001Day {
  /** Zone 00178. */
  readonly day: CalendarDate;
  /** Zone 00179: annex 13, allowed per risk (zima-1-3-6.md §1.2). */
  readonly code: string;
  /** Zone 00180: hours x 100, part-timers only (Q < S); null otherwise. */
  readonly hours: number | null;
}

/** What a ZIMA001 says of the occupation running on the risk's start (block 90006 RiskDetailOccupation). */
export interface Zima001OccupationRisk {
  /** Zone 00410; null when the risk starts on the occupation's first working day (the zone is left out). */
  readonly lastWorkingDay: CalendarDate | null;
  /** Zone 00191: the full monthly gross on the reference date, cents (00189 = 4, a month). */
  readonly basisAmount: Cents;
  /** Zone 01160: 1 when the occupation ran unchanged since R₂ (R4). */
  readonly stable: 0 | 1;
  /** Block 90077 with its NatureOfDay entries; null for risk 004 (forbidden there). */
  readonly referencePeriod: { readonly start: CalendarDate; readonly end: CalendarDate; readonly days: readonly Zima001Day[] } | null;
}

/** An occupation of a ZIMA001 (block 90015, the mini-DmfA's): one assignment. */
export interface Zima001Occupation {
  readonly occupation: OccupationFacts;
  /** Zone 00045: the assignment's end when it has one (R8: a known end is always given). */
  readonly endDate: CalendarDate | null;
  /** Zone 00060 TenthOrTwelfth: assignment.pay_mode, else the configured 12 (D24 OQ5). */
  readonly payMode: 10 | 12;
  /** Zone 00042 at the occupation's level: the institution's establishment unit. */
  readonly localUnitId: string;
  /** Zone 00054: 1 when the person had reached the legal pension age on the risk's start (D24 OQ6). */
  readonly retired: 0 | 1;
  /** Block 90006, for the occupation running on 00408 (or ended at most 30 days before it). */
  readonly risk: Zima001OccupationRisk | null;
}

/** A prevention service of risk 001 (block 90564): the school board's own (D24 OQ11). */
export interface PreventionService {
  /** Zone 00014: its KBO number. */
  readonly kbo: string;
  /** Zone 00776. */
  readonly name: string;
}

/** ZIMA001: the information sheet when a risk starts, one per person and risk (zima-1-3-6.md §1). */
export interface Zima001Declaration {
  readonly formType: "ZIMA001";
  readonly person: PersonIdentity;
  /** The first occupation's (the unit's assignment). */
  readonly occupation: OccupationFacts;
  /** The month of the absence's own first day. */
  readonly referencePeriod: YearMonth;
  /** The absence (for birth leave in blocks: the first block) and its kind. */
  readonly absenceId: number;
  readonly absenceKind: AbsenceKind;
  /** Zone 00430: "001" … "008". */
  readonly risk: string;
  /** Zone 00408: the risk's first day (for a relapse, the original's). */
  readonly riskStart: CalendarDate;
  /** Zone 00128 (block 90016) when work resumed and is known (R7); null otherwise. */
  readonly workRecovery: CalendarDate | null;
  /** Block 90564: risk 001 only, one per school board of the occupations that has one. */
  readonly preventionServices: readonly PreventionService[];
  /** Zones 00013, 00038, 00039: the quarter of 00408 (one EmployerDeclaration, decision Z1-QTR). */
  readonly quarter: { readonly code: string; readonly first: CalendarDate; readonly last: CalendarDate };
  /** In assignment order; grouped into WorkerRecords by (00036, 00037) when written. */
  readonly occupations: readonly Zima001Occupation[];
  /** Zone 00385 (block 90279, R8): the latest end of the occupations when all have one on or after 00408; null otherwise. */
  readonly serviceEnd: CalendarDate | null;
}

export type UnemploymentDeclaration = Wech003Declaration | Wech006Declaration;
export type BenefitsDeclaration = Zima001Declaration | Zima002Declaration | Zima003Declaration | Zima005Declaration | Zima006Declaration;
export type Declaration = UnemploymentDeclaration | BenefitsDeclaration;

/** The declaration of one form type. */
export type DeclarationOf<T extends FormType> = Extract<Declaration, { readonly formType: T }>;

/** A pay line shown but not summed (D16): the code and the month's total for it. */
export interface PayByCode {
  readonly code: string;
  readonly amount: Cents;
}

/** The numbers behind a WECH006 decision, for the reports and `easr explain`. */
export interface Scenario6Facts {
  /** occupation(m) in thousandths (813 = 81.3 %). */
  readonly occupationPerMille: number;
  readonly occupiedDays: number;
  readonly occupationLimitPercent: number;
  /** gross(m): the counted pay (D16), every assignment and board together. */
  readonly monthGross: Cents;
  /** The threshold the month is judged by: the higher of the agency's figure and the RVA limit (D16). */
  readonly threshold: Cents;
  /** The agency's own figure, when the RVA limit raised the threshold above it (else absent). */
  readonly agencyThreshold?: Cents;
  /** Pay of the month that is not counted (year-end bonus, holiday pay, severance ...), by code; absent when none. */
  readonly notCounted?: readonly PayByCode[];
  /** Assignments in force in the month without counted pay for it (D17); absent when none. */
  readonly withoutPay?: readonly number[];
}

export type UnitOutcome =
  | {
      readonly status: "declared";
      readonly declaration: Declaration;
      /** For the operator's attention (declared without pay, severance in the month ...); absent when none. */
      readonly flags?: readonly DeclarationFlag[];
    }
  | {
      readonly status: "waiting";
      readonly reason: WaitingReason;
      readonly detail: string;
      readonly facts?: Scenario6Facts;
      /** WAITING_FOR_PAY: how many months the reference month has waited (0 in its own month's run). */
      readonly waitedMonths?: number;
    }
  | {
      readonly status: "not-eligible";
      readonly reason: NotEligibleReason;
      readonly detail: string;
      readonly facts?: Scenario6Facts;
      /** What the decision rests on; when a later run finds the same, it does not decide the unit again. Absent: decide every run. */
      readonly fingerprint?: string;
    }
  | { readonly status: "rejected"; readonly rule: RejectionRule; readonly detail: string; readonly problem: RecordProblem };

/**
 * What a unit is about besides its form type, person and period, when that is not its assignment:
 * named by the form type — "person" (ZIMA003: the person's month over every assignment with breaks),
 * "resumption:<id>" (ZIMA006), "absence:<id>" (ZIMA001). Absent for a unit about one assignment
 * (WECH003, WECH006, ZIMA002, ZIMA005), whose key is then what it always was.
 */
export type UnitSubject = string;

/** What identifies a unit: its key is made of these (see {@link unitKeyOf}). */
export interface UnitIdentity {
  readonly formType: FormType;
  readonly staffId: number;
  /** The unit's assignment; for a unit with a subject, the first assignment it concerns. */
  readonly assignmentId: number;
  readonly referencePeriod: ReferencePeriod | null;
  /** Absent or null: the unit is about its assignment. */
  readonly subject?: UnitSubject | null;
}

export interface DecisionUnit extends UnitIdentity {
  readonly context: AssignmentContext;
  /**
   * The other assignments a unit with a subject concerns (ZIMA003: every link after the first), for the
   * board workbooks (a board sees a unit when one of them is its own) and the operator's columns. Absent: none.
   */
  readonly alsoConcerns?: readonly AssignmentContext[];
  /**
   * The period the unit is about: the reference month (WECH006, ZIMA002), the holiday year as "YYYY"
   * (ZIMA005), null for WECH003.
   */
  readonly referencePeriod: ReferencePeriod | null;
  readonly outcome: UnitOutcome;
}

/**
 * The one account of every person read (domain.md D26): declared (a form goes out for them this run),
 * rejected (a record breaks the contract), waiting (decided by a later run or the operator), not eligible
 * (with reason), unchanged (nothing new since they were last decided).
 */
export type PersonStatus = "declared" | "not-eligible" | "waiting" | "rejected" | "unchanged";

/** A notification as it counted for the run: in time and usable. */
export interface NotificationSummary {
  readonly id: number;
  readonly messageRef: string;
  readonly boardId: number;
  readonly receivedAt: string;
  readonly validFrom: CalendarDate;
  readonly withdrawnFrom: CalendarDate | null;
}

/** A usable notification received after this run's cut-off but by the next one: the next run declares. */
export interface LateNotification {
  readonly notificationId: number;
  readonly messageRef: string;
  readonly receivedAt: string;
}

export interface PersonDecision {
  readonly staffId: number;
  /** Null when the staff member does not exist. */
  readonly identity: PersonIdentity | null;
  /** The usable notifications in time for the run, and the windows they open. */
  readonly notifications: readonly NotificationSummary[];
  readonly windows: readonly { readonly start: CalendarDate; readonly end: CalendarDate; readonly notificationId: number }[];
  /** NOTIFICATION_AFTER_CUTOFF: the notifications that came after this run's cut-off (none otherwise). */
  readonly lateNotifications: readonly LateNotification[];
  readonly status: PersonStatus;
  /** Why a person is not eligible (or waiting) as a whole: the first unit's reason, or the person's own (NOTIFICATION_AFTER_CUTOFF ...). */
  readonly reason: NotEligibleReason | WaitingReason | null;
  readonly units: readonly DecisionUnit[];
  /** Every record of this person that breaks the contract. */
  readonly problems: readonly RecordProblem[];
  /** Units already declared by an earlier run, per form type: not decided again. */
  readonly previouslyDeclared: Readonly<Record<FormType, number>>;
  /** Units found not eligible by an earlier run on the same facts, per form type: not decided again. */
  readonly previouslyDecided: Readonly<Record<FormType, number>>;
  /** Things worth telling the operator that are not errors (duplicate notifications ...). */
  readonly notes: readonly string[];
  /** The sectors decided for the person this run: WECH (notified), ZIMA (benefits data in scope). */
  readonly sectors: ReadonlySet<Sector>;
}

/** The key of a unit about one assignment: `FORM:staff:assignment:period`. */
export function unitKey(formType: FormType, staffId: number, assignmentId: number, referencePeriod: ReferencePeriod | null): string {
  return unitKeyOf({ formType, staffId, assignmentId, referencePeriod });
}

/**
 * The key of any unit: `FORM:staff:subject:period`, the subject being the assignment's id when the unit has
 * no other, and the period "-" for a form type declared once per event (its period is no part of it: a day
 * moved to another month is a modification of the accepted form, R3 and R9, not a cancellation and a new original).
 */
export function unitKeyOf(unit: UnitIdentity): string {
  const period = cadenceOf(unit.formType) === "per-event" ? "-" : (unit.referencePeriod ?? "-");
  return `${unit.formType}:${unit.staffId}:${unit.subject ?? unit.assignmentId}:${period}`;
}
