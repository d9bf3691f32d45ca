/**
 * The tables of a school board's workbook (board-workbooks.ts): the board's notifications, and per form
 * type what was declared and what was not, with the columns that form type has — in Dutch, for people
 * who are not IT staff: hours as hours, the form type's own words, and the reason, rule and flag codes
 * only in the last column, "Code (IT)", for whoever they call at the agency.
 *
 * A row holds every field any form type fills; a form type's sheet shows the fields its form has (see
 * {@link declaredColumns}), the workbook then leaves out a column that no row of a sheet fills.
 */
import type { CalendarDate } from "../src/domain/calendar-date";
import type { Cents } from "../src/domain/money";
import type { ReferencePeriod } from "../src/domain/reference-period";
import { unreachable } from "../src/domain/unreachable";
import { type FormType, perFormType } from "../src/rules/decision-types";
import type { DeclaredUnitLine, PersonLine, UnitLine } from "../src/run-record";
import { occupationStartingDate, wech006Content, zima001Content, zima002Content } from "../src/run-record/declared-views";
import { NL } from "../src/texts/nl";
import { type ColumnDefinition, fractionText } from "./excel-cells";
import { notEligibleTexts, type ReasonFrame } from "./not-eligible-detail";

/** What the board sees of the staff member on every row. */
interface StaffColumns {
  readonly staffId: number;
  readonly lastName: string | null;
  readonly firstName: string | null;
  readonly insz: string | null;
}

export interface NotificationRow extends StaffColumns {
  readonly messageRef: string;
  readonly sentBy: string;
  readonly receivedAt: string;
  readonly validFrom: CalendarDate;
  readonly withdrawnFrom: CalendarDate | null;
  readonly windowStart: CalendarDate | null;
  readonly windowEnd: CalendarDate | null;
  readonly remark: string | null;
}

/** Where the unit's assignment sits, as the board knows it. */
interface AssignmentColumns extends StaffColumns {
  readonly referencePeriod: ReferencePeriod | null;
  readonly institution: string | null;
  readonly level: string | null;
  readonly assignmentId: number;
  readonly fraction: string;
}

export interface DeclaredRow extends AssignmentColumns {
  /** "eerste aangifte" or "verbetering". */
  readonly attestation: string;
  readonly jobTitle: string | null;
  readonly q: number | null;
  readonly s: number | null;
  /** The day the form starts from: WECH the occupation's start, ZIMA001 the risk's, ZIMA006 the day work resumed. */
  readonly start: CalendarDate | null;
  /** WECH006 the occupation's end, ZIMA001 the day work resumed when the sheet carries it. */
  readonly end: CalendarDate | null;
  readonly gross: Cents | null;
  readonly theoreticalSalary: Cents | null;
  readonly sequenceNbr: number | null;
  /** ZIMA001 the risk, ZIMA002 / ZIMA005 the sub-risk, ZIMA006 the risk work resumed after: what it means. */
  readonly subRisk: string | null;
  /** ZIMA001 the reference period, ZIMA002 the reference periods with the adapted work of each. */
  readonly periods: string | null;
  /** ZIMA001 the calculation bases, ZIMA002 services or exact wages, ZIMA003 the links. */
  readonly benefitsLines: string | null;
  /** ZIMA005. */
  readonly holidayDetails: string | null;
  readonly holidayDays: number | null;
  /** ZIMA003: the half-hour breaks of the month, every link together. */
  readonly breaks: number | null;
  /** What the board should know about the form (declared without pay, severance in the month), in Dutch. */
  readonly remarks: string | null;
  /** The flags' codes, for IT. */
  readonly codes: string | null;
}

export interface NotDeclaredRow extends AssignmentColumns {
  readonly outcome: string;
  readonly reason: string;
  readonly record: string | null;
  readonly value: string | null;
  /** The reason's or rule's code, for IT. */
  readonly code: string;
}

/** The last column of a sheet: the codes behind the Dutch words, narrow, for whoever the board calls at the agency. */
const CODE_HEADER = "Code (IT)";
const CODE_WIDTH = 16;

const STAFF_COLUMNS = <R extends StaffColumns>(): ColumnDefinition<R>[] => [
  { header: "Personeelslid", width: 14, kind: "integer", value: (r) => r.staffId },
  { header: "Naam", width: 16, kind: "text", value: (r) => r.lastName },
  { header: "Voornaam", width: 12, kind: "text", value: (r) => r.firstName },
  { header: "INSZ (gemaskeerd)", width: 13, kind: "text", value: (r) => r.insz },
];

/** What a form type's period is to a board, and the width its header needs: a month, a holiday year, the month of the event. */
const PERIOD_HEADERS: Readonly<Record<FormType, { readonly header: string; readonly width: number }>> = {
  WECH003: { header: "Referte-maand", width: 9 },
  WECH006: { header: "Referte-maand", width: 9 },
  ZIMA001: { header: "Maand van het risico", width: 10 },
  ZIMA002: { header: "Referte-maand", width: 9 },
  ZIMA003: { header: "Referte-maand", width: 9 },
  ZIMA005: { header: "Vakantie-jaar", width: 9 },
  ZIMA006: { header: "Maand van de hervatting", width: 11 },
};

const assignmentColumns = <R extends AssignmentColumns>(formType: FormType): ColumnDefinition<R>[] => [
  { ...PERIOD_HEADERS[formType], kind: "text", value: (r) => r.referencePeriod },
  ...STAFF_COLUMNS<R>(),
  { header: "Instelling", width: 36, kind: "text", value: (r) => r.institution },
  { header: "Niveau", width: 7, kind: "text", value: (r) => r.level },
  { header: "Opdracht", width: 10, kind: "integer", value: (r) => r.assignmentId },
  { header: "Opdracht-breuk", width: 9, kind: "text", value: (r) => r.fraction },
];

export const NOTIFICATION_COLUMNS: readonly ColumnDefinition<NotificationRow>[] = [
  ...STAFF_COLUMNS<NotificationRow>(),
  { header: "Melding", width: 18, kind: "text", value: (r) => r.messageRef },
  { header: "Verstuurd door", width: 30, kind: "text", value: (r) => r.sentBy },
  { header: "Ontvangen op", width: 19, kind: "dateTime", value: (r) => r.receivedAt },
  { header: "Geldig vanaf", width: 11, kind: "date", value: (r) => r.validFrom },
  { header: "Ingetrokken vanaf", width: 12, kind: "date", value: (r) => r.withdrawnFrom },
  { header: "RL16-periode van", width: 12, kind: "date", value: (r) => r.windowStart },
  { header: "RL16-periode tot", width: 12, kind: "date", value: (r) => r.windowEnd },
  { header: "Opmerking", width: 45, kind: "text", value: (r) => r.remark },
];

type DeclaredColumn = ColumnDefinition<DeclaredRow>;

const hoursColumns: DeclaredColumn[] = [
  { header: "Q: uren per week", width: 9, kind: "hours", value: (r) => r.q },
  { header: "S: uren per week voltijds", width: 9, kind: "hours", value: (r) => r.s },
];
const grossColumn: DeclaredColumn = { header: "Brutoloon van de maand (EUR)", width: 13, kind: "euro", value: (r) => r.gross };
const theoreticalColumn: DeclaredColumn = {
  header: "Theoretisch maandloon (EUR)",
  width: 13,
  kind: "euro",
  value: (r) => r.theoreticalSalary,
};

/** What each form type's declared sheet shows after the assignment, its hours and the kind of declaration. */
const FORM_COLUMNS: Readonly<Record<FormType, readonly DeclaredColumn[]>> = {
  WECH003: [{ header: "Begin tewerkstelling", width: 14, kind: "date", value: (r) => r.start }, theoreticalColumn],
  WECH006: [
    { header: "Begin tewerkstelling", width: 14, kind: "date", value: (r) => r.start },
    { header: "Einde tewerkstelling", width: 14, kind: "date", value: (r) => r.end },
    grossColumn,
    theoreticalColumn,
  ],
  ZIMA001: [
    { header: "Risico", width: 28, kind: "text", value: (r) => r.subRisk },
    { header: "Begin van het risico", width: 11, kind: "date", value: (r) => r.start },
    { header: "Werk hervat op", width: 11, kind: "date", value: (r) => r.end },
    { header: "Referteperiode (dagcode x aantal dagen)", width: 34, kind: "text", value: (r) => r.periods },
    { header: "Berekeningsbasis per maand", width: 60, kind: "text", value: (r) => r.benefitsLines },
  ],
  ZIMA002: [
    { header: "Subrisico", width: 44, kind: "text", value: (r) => r.subRisk },
    { header: "Referteperiodes (aangepast werk)", width: 55, kind: "text", value: (r) => r.periods },
    { header: "Prestaties / lonen", width: 45, kind: "text", value: (r) => r.benefitsLines },
    grossColumn,
  ],
  ZIMA003: [
    { header: "Borstvoedings-pauzes", width: 14, kind: "integer", value: (r) => r.breaks },
    { header: "Per opdracht: periode, pauzes van een half uur, uurloon", width: 90, kind: "text", value: (r) => r.benefitsLines },
  ],
  ZIMA005: [
    { header: "Subrisico", width: 26, kind: "text", value: (r) => r.subRisk },
    { header: "Vakantie (code: dagen, uren)", width: 45, kind: "text", value: (r) => r.holidayDetails },
    { header: "Vakantie-dagen", width: 9, kind: "hundredths", value: (r) => r.holidayDays },
  ],
  ZIMA006: [
    { header: "Werkhervatting op", width: 15, kind: "date", value: (r) => r.start },
    { header: "Hervat na", width: 24, kind: "text", value: (r) => r.subRisk },
  ],
};

/** The form types whose Q and S say something of the declared occupation (ZIMA003's are its first link's only, ZIMA006's the day's). */
const WITH_HOURS: ReadonlySet<FormType> = new Set<FormType>(["WECH003", "WECH006", "ZIMA001", "ZIMA002", "ZIMA005"]);

/** The columns of a form type's declared sheet, in the order a board reads them, the codes last. */
export function declaredColumns(formType: FormType): readonly DeclaredColumn[] {
  return DECLARED_COLUMNS[formType];
}

/** The columns of a form type's sheet of what was not declared, the code last. */
export function notDeclaredColumns(formType: FormType): readonly ColumnDefinition<NotDeclaredRow>[] {
  return NOT_DECLARED_COLUMNS[formType];
}

function declaredColumnsOf(formType: FormType): readonly DeclaredColumn[] {
  return [
    ...assignmentColumns<DeclaredRow>(formType),
    { header: "Ambt", width: 22, kind: "text", value: (r) => r.jobTitle },
    // Text beside text, before the form's own columns, whose long texts would otherwise run into it.
    { header: "Soort", width: 14, kind: "text", value: (r) => r.attestation },
    ...(WITH_HOURS.has(formType) ? hoursColumns : []),
    ...FORM_COLUMNS[formType],
    { header: "Volgnummer in het bestand", width: 12, kind: "integer", value: (r) => r.sequenceNbr },
    { header: "Opmerking", width: 60, kind: "text", value: (r) => r.remarks },
    { header: CODE_HEADER, width: CODE_WIDTH, kind: "text", value: (r) => r.codes },
  ];
}

function notDeclaredColumnsOf(formType: FormType): readonly ColumnDefinition<NotDeclaredRow>[] {
  return [
    ...assignmentColumns<NotDeclaredRow>(formType),
    { header: "Uitkomst", width: 17, kind: "text", value: (r) => r.outcome },
    { header: "Reden", width: 90, kind: "text", value: (r) => r.reason },
    { header: "Gegeven", width: 30, kind: "text", value: (r) => r.record },
    { header: "Waarde", width: 14, kind: "text", value: (r) => r.value },
    { header: CODE_HEADER, width: CODE_WIDTH, kind: "text", value: (r) => r.code },
  ];
}

/** Made once per form type: a sheet's columns are asked for every row spooled. */
const DECLARED_COLUMNS: Readonly<Record<FormType, readonly DeclaredColumn[]>> = perFormType(declaredColumnsOf);
const NOT_DECLARED_COLUMNS: Readonly<Record<FormType, readonly ColumnDefinition<NotDeclaredRow>[]>> = perFormType(notDeclaredColumnsOf);

function staffColumns(person: PersonLine): StaffColumns {
  return { staffId: person.staffId, lastName: person.lastName, firstName: person.firstName, insz: person.inszMasked };
}

function assignmentOf(person: PersonLine, unit: UnitLine): AssignmentColumns {
  const c = unit.context;
  return {
    ...staffColumns(person),
    referencePeriod: unit.referencePeriod,
    institution: c.institutionName,
    level: c.level,
    assignmentId: unit.assignmentId,
    fraction: fractionText(c.numerator, c.denominator),
  };
}

/** The person's notifications; the sender is named only when it is this board. */
export function notificationRows(person: PersonLine, boardId: number, boardName: string): NotificationRow[] {
  return person.notifications.map((n) => {
    const window = person.windows.find((w) => w.notificationId === n.id) ?? null;
    let remark: string | null = null;
    if (!window) {
      remark = n.withdrawnFrom !== null && n.withdrawnFrom <= n.validFrom ? NL.board.withdrawnFromStart : NL.board.duplicateNotification;
    }
    return {
      ...staffColumns(person),
      messageRef: n.messageRef,
      sentBy: n.boardId === boardId ? boardName : NL.board.otherBoard,
      receivedAt: n.receivedAt,
      validFrom: n.validFrom,
      withdrawnFrom: n.withdrawnFrom,
      windowStart: window?.start ?? null,
      windowEnd: window?.end ?? null,
      remark,
    };
  });
}

type BenefitsFields = Pick<DeclaredRow, "subRisk" | "periods" | "benefitsLines" | "holidayDetails" | "holidayDays" | "breaks">;

const NO_BENEFITS: BenefitsFields = {
  subRisk: null,
  periods: null,
  benefitsLines: null,
  holidayDetails: null,
  holidayDays: null,
  breaks: null,
};

/** What a ZIMA form declared, in Dutch; all null for the WECH forms. */
function benefitsFields(unit: DeclaredUnitLine): BenefitsFields {
  switch (unit.formType) {
    case "WECH003":
    case "WECH006":
      return NO_BENEFITS;
    case "ZIMA002": {
      const form = unit.declared;
      const severance = form.severance ? NL.board.severance(NL.severance(form.severance)) : "";
      return {
        ...NO_BENEFITS,
        subRisk: `${form.subRisk} – ${NL.zima002SubRisks[form.subRisk]}`,
        periods: form.periods.map((p) => NL.board.period(p, NL.hundredths(p.adaptedQ), NL.hundredths(p.adaptedDaysPerWeek))).join("; "),
        benefitsLines:
          form.subRisk === 1
            ? NL.services(form.periods.flatMap((p) => p.services))
            : [NL.wages(form.periods.flatMap((p) => p.exactWages)), severance].filter((t) => t !== "").join("; "),
      };
    }
    case "ZIMA003": {
      const form = unit.declared;
      return { ...NO_BENEFITS, breaks: form.totalBreaks, benefitsLines: NL.breastfeedingLinks(form.links) };
    }
    case "ZIMA001":
      return zima001Fields(unit.declared);
    case "ZIMA006":
      return { ...NO_BENEFITS, subRisk: NL.absenceKinds[unit.declared.absenceKind] };
    case "ZIMA005": {
      const form = unit.declared;
      return {
        ...NO_BENEFITS,
        subRisk: `${form.subRisk} – ${NL.zima005SubRisks[form.subRisk]}`,
        holidayDetails:
          form.details.length > 0 ? NL.holidayDetails(form.details) : NL.board.noHolidayDetails(NL.holidaySectors[form.holidaySector]),
        holidayDays: form.totalDays,
      };
    }
    default:
      return unreachable(unit, "declared unit");
  }
}

function zima001Fields(form: Extract<DeclaredUnitLine, { formType: "ZIMA001" }>["declared"]): BenefitsFields {
  const period = form.occupations.find((o) => o.period !== null)?.period;
  return {
    ...NO_BENEFITS,
    subRisk: `${form.risk} – ${NL.absenceKinds[form.absenceKind]}`,
    periods: period ? `${period.start} – ${period.end} (${period.codes})` : null,
    benefitsLines: form.occupations.map((o) => NL.board.riskBasis(o.assignmentId, NL.hundredths(o.basisAmount), o.stable === 1)).join("; "),
  };
}

/** The day a declared form starts from, by its type (see {@link DeclaredRow.start}). */
function startOf(unit: DeclaredUnitLine): CalendarDate | null {
  if (unit.formType === "ZIMA001") return unit.declared.riskStart;
  if (unit.formType === "ZIMA006") return unit.declared.resumptionDate;
  return occupationStartingDate(unit);
}

export function declaredRow(person: PersonLine, unit: DeclaredUnitLine): DeclaredRow {
  const d = unit.declared;
  const wech006 = wech006Content(unit);
  const flags = unit.flags ?? [];
  return {
    ...assignmentOf(person, unit),
    attestation: NL.board.attestations[d.attestationStatus],
    jobTitle: unit.context.jobTitle,
    q: d.q,
    s: d.s,
    start: startOf(unit),
    end: wech006?.occupationEndingDate ?? zima001Content(unit)?.workRecovery ?? null,
    // WECH006: ExactSalary; ZIMA002 sub-risk 2: the exact wages of the month.
    gross: wech006?.exactSalary ?? zima002Content(unit)?.totalGross ?? null,
    theoreticalSalary: d.theoreticalSalary,
    sequenceNbr: d.sequenceNbr,
    ...benefitsFields(unit),
    remarks: flags.length > 0 ? flags.map((flag) => NL.declarationFlags[flag]).join("; ") : null,
    codes: flags.length > 0 ? flags.join(" ") : null,
  };
}

export function notDeclaredRow(person: PersonLine, unit: Exclude<UnitLine, DeclaredUnitLine>, frame: ReasonFrame): NotDeclaredRow {
  const base = { ...assignmentOf(person, unit), outcome: NL.board.outcomes[unit.status], record: null, value: null };
  switch (unit.status) {
    case "not-eligible":
      return { ...base, code: unit.reason, reason: notEligibleTexts(unit.reason, person, unit, frame).nl };
    case "waiting": {
      const waited = unit.waitedMonths === undefined ? "" : ` (${NL.board.waitedFor(unit.waitedMonths)})`;
      return { ...base, code: unit.reason, reason: `${NL.waitingReasons[unit.reason]}${waited}` };
    }
    case "rejected": {
      const { table, recordId, field, value } = unit.record;
      return { ...base, code: unit.rule, reason: NL.rejectionRules[unit.rule], record: NL.board.record(table, recordId, field), value };
    }
    default:
      return unreachable(unit, "unit status");
  }
}
