/**
 * Domain decision D22: the glossary's conditions that the XSD cannot express are checked before a form is
 * written (src/forms/glossary-conditions).
 *
 * 1. Coverage: every blocking (class "B") anomaly of each form type's official 2023/3 glossary is in
 *    exactly one place — a row of the form type's table, enforced by the XSD the form is validated against
 *    (each claim verified against that XSD), or not checkable with a reason — and every row and decision
 *    names a class-B anomaly of that glossary.
 * 2. Each row catches a form that breaks it, worked from the glossary's words, and the valid forms the real
 *    builders make meet every condition.
 * 3. The forms the builders make for the existing form tests' typical declarations (originals,
 *    modifications, cancellations) pass.
 */
import { expect } from "chai";
import { formDefaults } from "../../mappings/form-defaults";
import type { CalendarDate } from "../../src/domain/calendar-date";
import { cents } from "../../src/domain/money";
import { buildForm, cancellationForm } from "../../src/form-types/forms";
import type { FormNode } from "../../src/forms/form-envelope";
import { ANOMALY_COVERAGE, type GlossaryFormType, type XsdEnforcement, glossaryLabel } from "../../src/forms/glossary-conditions";
import { checkGlossaryConditions, GLOSSARY_CONDITIONS } from "../../src/form-types/glossary-check";
import type {
  AdaptedWorkPeriod,
  Declaration,
  OccupationFacts,
  Wech003Declaration,
  Wech006Declaration,
  Zima002Declaration,
  Zima003Declaration,
  Zima005Declaration,
  Zima006Declaration,
} from "../../src/rules/decision-types";
import { FORM_TYPES as ALL_FORM_TYPES } from "../../src/rules/decision-types";
import type { KeptZones } from "../../src/domain/kept-zones";
import { ZIMA001_BASES, ZIMA001_CASES } from "../support/zima001-glossary-forms";
import {
  FORM_XSD,
  blockingAnomalies,
  loadFormGlossary,
  sortAnomalies,
  xsdClaimProblems,
  xsdOccurrences,
} from "../support/glossary-coverage";

const FORM_TYPES: readonly GlossaryFormType[] = ALL_FORM_TYPES;

/** A man's INSZ (odd counter 033) and a woman's (even counter 034), both with valid check digits. */
const MAN = "85073003328";
const WOMAN = "85073003427";
const TICKET = "340000JEDT00A";

/** What the builders get besides the declaration: the ministry's identity, the defaults, and the form's own "today". */
function contextAt(creationDate: CalendarDate) {
  const employer = { nossNumber: "123456749", kboNumber: "0123456749", senderNumber: "900123" };
  return { stamp: { creationDate, creationHour: "10:00:00.000" }, employer, defaults: formDefaults, sequenceNbr: 1 };
}
const context = contextAt("2026-11-24");
/** ZIMA002 for 2026-10 is made early in November: RefEndingDate at most 5 days after FormCreationDate (00075-008). */
const zimaContext = contextAt("2026-11-05");
const correction = (attestationStatus: 1 | 3, base = context) => ({ ...base, correction: { attestationStatus, ticket: TICKET } });

const occupation: OccupationFacts = {
  assignmentId: 11,
  institutionId: 1,
  institutionName: "School",
  level: "SO",
  boardId: 1,
  boardName: "Board",
  agency: "AGODI",
  startDate: "2017-09-01",
  endDate: "2018-06-30",
  numerator: 1600,
  denominator: 3200,
  q: 1600,
  s: 3200,
  daysPerWeek: null,
  monthlySalary: cents(97738),
  employerClass: "011",
  workerCode: "495",
  jointCommittee: "999",
};
const person = (insz: string) => ({ staffId: 1, insz, lastName: "Peeters", firstName: "An" });

function wech003(overrides: Partial<Wech003Declaration> = {}): Wech003Declaration {
  return {
    formType: "WECH003",
    person: person(MAN),
    occupation,
    occupationStartingDate: "2017-09-01",
    dbrInCompanyPlan: 0,
    legalBasis: null,
    fulltimeRequest: 0,
    notificationId: 1,
    maintenanceOfRights: 1,
    ...overrides,
  };
}

function wech006(overrides: Partial<Wech006Declaration> = {}): Wech006Declaration {
  return {
    formType: "WECH006",
    person: person(MAN),
    occupation,
    referencePeriod: "2017-11",
    occupationStartingDate: "2017-11-01",
    occupationEndingDate: "2017-11-30",
    occupationInterruption: 2,
    meanWorkingHours: 1600,
    theoreticalSalary: cents(97738),
    exactSalary: cents(90000),
    assignmentIds: [11],
    facts: { occupationPerMille: 500, occupiedDays: 30, occupationLimitPercent: 80, monthGross: cents(90000), threshold: cents(160000) },
    ...overrides,
  };
}

const benefitsOccupation: OccupationFacts = { ...occupation, startDate: "2015-09-01", endDate: null, monthlySalary: cents(250000) };

function period(overrides: Partial<AdaptedWorkPeriod> = {}): AdaptedWorkPeriod {
  return {
    adaptedWorkId: 1,
    start: "2026-10-01",
    end: "2026-10-31",
    adaptedQ: 1000,
    adaptedDaysPerWeek: 300,
    services: [],
    dayNatures: [],
    exactWages: [],
    severance: null,
    ...overrides,
  };
}

function zima002(overrides: Partial<Zima002Declaration> = {}): Zima002Declaration {
  return {
    formType: "ZIMA002",
    person: person(MAN),
    occupation: benefitsOccupation,
    referencePeriod: "2026-10",
    subRisk: 1,
    periods: [period({ services: [{ code: "1", days: 600, hours: 2000 }] })],
    ...overrides,
  };
}
const zima002Maternity = (overrides: Partial<Zima002Declaration> = {}) =>
  zima002({
    subRisk: 2,
    person: person(WOMAN),
    periods: [
      period({ dayNatures: [{ day: "2026-10-05", code: "3.1", hours: 760 }], exactWages: [{ code: "01", amount: cents(150000) }] }),
    ],
    ...overrides,
  });

/**
 * A ZIMA003 for October 2026 with one link (16/32, EUR 2500.00: 250000 x 1200 / (16/32 x 38 x 52) =
 * 303643.7 → 303644), or two (a second assignment from 12 October, 10/38: 250000 x 1200 / (10 x 52) →
 * 576923); the glossary does not check 00152 beyond its range, the builders' rule test does.
 */
function zima003(links: 1 | 2 = 1): Zima003Declaration {
  const first = {
    occupation: benefitsOccupation,
    period: { start: "2026-10-01", end: "2026-10-31" },
    halfHourBreaks: 40,
    hourlyWage: 303644,
  } as const;
  const second = {
    occupation: { ...benefitsOccupation, assignmentId: 12, startDate: "2026-10-12", q: 1000, s: 3800, daysPerWeek: 100 },
    period: { start: "2026-10-12", end: "2026-10-31" },
    halfHourBreaks: 12,
    hourlyWage: 576923,
  } as const;
  return {
    formType: "ZIMA003",
    person: person(WOMAN),
    occupation: benefitsOccupation,
    referencePeriod: "2026-10",
    links: links === 1 ? [first] : [first, second],
  };
}

function zima005(overrides: Partial<Zima005Declaration> = {}): Zima005Declaration {
  return {
    formType: "ZIMA005",
    person: person(MAN),
    occupation: benefitsOccupation,
    holidayYear: 2025,
    subRisk: 1,
    holidaySector: 1,
    adaptedWork: null,
    details: [
      { code: 1, days: 2000, hours: 15200 },
      { code: 3, days: 850, hours: 6460 },
    ],
    ...overrides,
  };
}

/** A ZIMA006: work resumed on 19 October 2026 after an incapacity, the form made on 24 November (00128 <= 00218). */
function zima006(): Zima006Declaration {
  return {
    formType: "ZIMA006",
    person: person(MAN),
    occupation: benefitsOccupation,
    referencePeriod: "2026-10",
    resumptionId: 7,
    absenceId: 9,
    absenceKind: "INCAPACITY",
    resumptionDate: "2026-10-19",
    requestTicket: null,
    deadline: "2026-12-01",
  };
}

/** A built form, loosely typed so that a test can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose on purpose: the test breaks forms the types would not allow
type Loose = { [label: string]: any };
const asLoose = (form: FormNode) => form as Loose;
const first = (value: Loose | Loose[]) => (Array.isArray(value) ? value[0] : value);
const naturalPerson = (f: Loose) => f.EmployerDeclarationLink.NaturalPerson;
const record = (f: Loose) => first(naturalPerson(f).WorkerRecordLink);
const link = (f: Loose) => first(record(f).OccupationLink);
const monthly = (f: Loose) => link(f).MonthlyDeclarationPartTimeWork;
const wechPeriod = (f: Loose) => monthly(f).ReferencePeriod;
const zimaPeriod = (f: Loose) => link(f).ReferencePeriod;
const holidays = (f: Loose) => link(f).HolidaysSector;
const maintenance = (f: Loose) => link(f).DeclarationPartTimeWorkWithMaintenanceRights;

/** The valid forms each form type's cases start from, made by the real builders. */
const BASES: Record<GlossaryFormType, Readonly<Record<string, () => FormNode>>> = {
  // ZIMA001's mini-DmfA: its examples' forms, built in test/support/zima001-glossary-forms.ts.
  ZIMA001: ZIMA001_BASES,
  WECH003: {
    main: () => buildForm(wech003(), context),
    correction: () => buildForm(wech003(), correction(1)),
    cancellation: () => cancellationForm("WECH003", MAN, TICKET, context),
  },
  WECH006: {
    main: () => buildForm(wech006(), context),
    correction: () => buildForm(wech006(), correction(1)),
    cancellation: () => cancellationForm("WECH006", MAN, TICKET, context),
  },
  ZIMA002: {
    main: () => buildForm(zima002(), zimaContext),
    maternity: () => buildForm(zima002Maternity(), zimaContext),
    correction: () => buildForm(zima002(), correction(1, zimaContext)),
    cancellation: () => cancellationForm("ZIMA002", WOMAN, TICKET, context, "2026-10", "002"),
  },
  ZIMA003: {
    main: () => buildForm(zima003(), context),
    two: () => buildForm(zima003(2), context),
    // 40 + 22 = 62 = 2 x 31: the most October allows (00151-097), still valid.
    twoAtTheLimit: () => {
      const declaration = zima003(2);
      return buildForm({ ...declaration, links: [declaration.links[0], { ...declaration.links[1], halfHourBreaks: 22 }] }, context);
    },
    correction: () => buildForm(zima003(), correction(1)),
    cancellation: () => cancellationForm("ZIMA003", WOMAN, TICKET, context, "2026-10", "001"),
  },
  ZIMA005: {
    main: () => buildForm(zima005(), context),
    adapted: () =>
      buildForm(
        zima005({
          subRisk: 4,
          adaptedWork: { q: 1900, daysPerWeek: 250 },
          details: [
            { code: 8, days: 1250, hours: 4750 },
            { code: 9, days: 50, hours: 190 },
          ],
        }),
        context,
      ),
    correction: () => buildForm(zima005(), correction(1)),
    cancellation: () => cancellationForm("ZIMA005", MAN, TICKET, context, "2025", "003"),
  },
  ZIMA006: {
    main: () => buildForm(zima006(), context),
    correction: () => buildForm(zima006(), correction(1)),
    cancellation: () => cancellationForm("ZIMA006", MAN, TICKET, context, "2026-10", "001", { "00128": "2026-10-19" }),
  },
};

/** A way to break a valid form, and the anomaly the glossary would raise for it. */
interface BreakCase {
  anomaly: string;
  what: string;
  base?: string;
  /** Only for these form types (default: every form type whose table has the anomaly). */
  forms?: readonly GlossaryFormType[];
  edit: (f: Loose) => void;
}

const ticket = (type: number, origin: number, nbr = TICKET) => ({ ReferenceType: type, ReferenceOrigin: origin, ReferenceNbr: nbr });
const WECH: readonly GlossaryFormType[] = ["WECH003", "WECH006"];
const ZIMA: readonly GlossaryFormType[] = ["ZIMA002", "ZIMA003", "ZIMA005", "ZIMA006"];

/** Cases on the envelope, the employer, the person and the occupation's Q and S that several form types share. */
const SHARED_CASES: readonly BreakCase[] = [
  { anomaly: "00024-004", what: "INSS whose check digits do not fit", edit: (f) => (naturalPerson(f).INSS = "85073003329") },
  { anomaly: "00024-003", what: "INSS with month part 13", edit: (f) => (naturalPerson(f).INSS = "85133003328") },
  {
    anomaly: "00024-003",
    what: "INSS 0 (WECH: no -008 in these glossaries)",
    forms: WECH,
    edit: (f) => (naturalPerson(f).INSS = "00000000000"),
  },
  { anomaly: "00024-008", what: "INSS 0", forms: ZIMA, edit: (f) => (naturalPerson(f).INSS = "00000000000") },
  {
    anomaly: "00011-008",
    what: "NOSSRegistrationNbr 0 with CompanyID 0",
    edit: (f) => Object.assign(f.EmployerDeclarationLink, { NOSSRegistrationNbr: "0", CompanyID: "0" }),
  },
  {
    anomaly: "00011-008",
    what: "NOSSRegistrationNbr below 100006",
    edit: (f) => (f.EmployerDeclarationLink.NOSSRegistrationNbr = "99999"),
  },
  {
    anomaly: "00011-004",
    what: "NOSSRegistrationNbr with wrong check digits",
    edit: (f) => (f.EmployerDeclarationLink.NOSSRegistrationNbr = "123456748"),
  },
  { anomaly: "00014-004", what: "CompanyID with wrong check digits", edit: (f) => (f.EmployerDeclarationLink.CompanyID = "0123456748") },
  { anomaly: "00218-008", what: "FormCreationDate before 2003", edit: (f) => (f.FormCreationDate = "2002-12-31") },
  { anomaly: "90082-001", what: "a modification without its ticket Reference", base: "correction", edit: (f) => delete f.Reference },
  { anomaly: "90082-005", what: "an original with a ticket Reference of type 3", edit: (f) => (f.Reference = ticket(3, 2)) },
  {
    anomaly: "90082-005",
    what: "status 7 with a ticket Reference",
    edit: (f) => Object.assign(f, { AttestationStatus: 7, Reference: ticket(1, 2) }),
  },
  {
    anomaly: "90082-005",
    what: "three Reference blocks on an original",
    forms: WECH,
    edit: (f) => (f.Reference = [ticket(1, 1, "a"), ticket(1, 1, "b"), ticket(1, 1, "c")]),
  },
  {
    anomaly: "90082-006",
    what: "a modification with two ticket References of type 3",
    base: "correction",
    edit: (f) => (f.Reference = [ticket(3, 2), ticket(3, 2, "340000JEDT00B")]),
  },
  { anomaly: "00298-008", what: "a Reference of type 1 with origin 2", edit: (f) => (f.Reference = ticket(1, 2)) },
  { anomaly: "90063-001", what: "an original without WorkerRecordLink", edit: (f) => delete naturalPerson(f).WorkerRecordLink },
  {
    anomaly: "90063-005",
    what: "a cancellation with a WorkerRecordLink",
    base: "cancellation",
    edit: (f) => (naturalPerson(f).WorkerRecordLink = { EmployerClass: "011", WorkerCode: "495" }),
  },
  {
    anomaly: "90063-006",
    what: "the same EmployerClass / WorkerCode pair twice",
    edit: (f) => (naturalPerson(f).WorkerRecordLink = [record(f), structuredClone(record(f))]),
  },
  { anomaly: "00036-008", what: "EmployerClass 099 (third payer)", edit: (f) => (record(f).EmployerClass = "099") },
  { anomaly: "00037-008", what: "WorkerCode 840 (student)", edit: (f) => (record(f).WorkerCode = "840") },
  {
    anomaly: "00048-008",
    what: "MeanWorkingHours 4900 (above 4800, no D1/D2 status)",
    edit: (f) => Object.assign(link(f), { MeanWorkingHours: 4900, RefMeanWorkingHours: 5000 }),
  },
  { anomaly: "00049-008", what: "RefMeanWorkingHours 4900", edit: (f) => (link(f).RefMeanWorkingHours = 4900) },
  { anomaly: "00047-008", what: "WorkingDaysSystem 0 with MeanWorkingHours 1600", edit: (f) => (link(f).WorkingDaysSystem = 0) },
  {
    anomaly: "00048-008",
    what: "MeanWorkingHours 0 with WorkingDaysSystem 500",
    edit: (f) => Object.assign(link(f), { WorkingDaysSystem: 500, MeanWorkingHours: 0 }),
  },
  {
    anomaly: "00045-014",
    what: "OccupationEndingDate before OccupationStartingDate",
    edit: (f) => (link(f).OccupationEndingDate = "2010-01-01"),
  },
  {
    anomaly: "90257-134",
    what: "a contact person without any value",
    edit: (f) => (f.CoordinatesContactPerson = { Communication: { EmailAddress: " " } }),
  },
  {
    anomaly: "00637-003",
    what: "an e-mail address without @",
    edit: (f) => (f.CoordinatesContactPerson.Communication.EmailAddress = "easr at agodi"),
  },
  {
    anomaly: "00110-008",
    what: "TypeForm FA with AttestationStatus 1",
    edit: (f) => Object.assign(f, { TypeForm: "FA", AttestationStatus: 1 }),
  },
];

const WECH003_CASES: readonly BreakCase[] = [
  {
    anomaly: "00048-008",
    what: "Q = S for an occupation starting 2017-09-01 (not after 2018-08-31)",
    edit: (f) => (link(f).MeanWorkingHours = 3200),
  },
  { anomaly: "00044-008", what: "OccupationStartingDate before 2003", edit: (f) => (link(f).OccupationStartingDate = "2002-12-31") },
  {
    anomaly: "00044-008",
    what: "OccupationStartingDate two months after the quarter of FormCreationDate",
    edit: (f) => (link(f).OccupationStartingDate = "2027-02-01"),
  },
  {
    anomaly: "00045-005",
    what: "OccupationEndingDate for an occupation starting in 2017",
    edit: (f) => (link(f).OccupationEndingDate = "2018-06-30"),
  },
  {
    anomaly: "90060-001",
    what: "no WorkGrid for an occupation starting in 2015",
    edit: (f) => (link(f).OccupationStartingDate = "2015-09-01"),
  },
  {
    anomaly: "90060-005",
    what: "a WorkGrid for an occupation starting in 2017",
    edit: (f) => (maintenance(f).WorkGrid = { CommentWorkGrid: { CommentAboutWorkSchedule: "x" } }),
  },
  {
    anomaly: "00096-001",
    what: "DBRIndicatorInEntrepriseCadreMap 1 without LegalBasis",
    edit: (f) => (maintenance(f).DBRIndicatorInEntrepriseCadreMap = 1),
  },
  { anomaly: "00096-005", what: "LegalBasis with DBRIndicatorInEntrepriseCadreMap 0", edit: (f) => (maintenance(f).LegalBasis = 7) },
  {
    anomaly: "01229-001",
    what: "no FullTimeOccupationRequest for an occupation starting 2021-09-01",
    edit: (f) => {
      link(f).OccupationStartingDate = "2021-09-01";
      delete maintenance(f).FullTimeOccupationRequest;
    },
  },
  {
    anomaly: "01229-008",
    what: "FullTimeOccupationRequest 9 with joint committee 152.02",
    edit: (f) => {
      maintenance(f).FullTimeOccupationRequest = 9;
      link(f).JointCommissionNbr = "152.02";
    },
  },
  { anomaly: "00098-001", what: "a TheoreticalSalary without amount", edit: (f) => (maintenance(f).TheoreticalSalary = {}) },
  { anomaly: "00099-001", what: "a TheoreticalSalary without amount", edit: (f) => (maintenance(f).TheoreticalSalary = {}) },
  {
    anomaly: "00099-005",
    what: "both the monthly and the hourly theoretical salary",
    edit: (f) => (maintenance(f).TheoreticalSalary.HourlyTheoreticalSalaryAmount = 2500000),
  },
];

const day = (indicator: string, code: string, hours: number) => ({ DayIndicator: indicator, DayNatureCode: code, HoursNumber: hours });
const setMonth = (f: Loose, start: string, end: string) => Object.assign(wechPeriod(f), { RefStartingDate: start, RefEndingDate: end });
/** NatureOfDay goes before ExactSalary in the XSD; the checks do not care about key order. */
const withDays = (f: Loose, ...days: Loose[]) => (wechPeriod(f).NatureOfDay = days);

const WECH006_CASES: readonly BreakCase[] = [
  {
    anomaly: "00074-008",
    what: "RefStartingDate not the first day of the month",
    edit: (f) => (wechPeriod(f).RefStartingDate = "2017-11-02"),
  },
  {
    anomaly: "00074-008",
    what: "a reference month after the month of FormCreationDate",
    edit: (f) => setMonth(f, "2026-12-01", "2026-12-31"),
  },
  { anomaly: "00074-008", what: "a reference year before 2003", edit: (f) => setMonth(f, "2002-11-01", "2002-11-30") },
  { anomaly: "00075-008", what: "RefEndingDate not the last day of its month", edit: (f) => (wechPeriod(f).RefEndingDate = "2017-11-29") },
  { anomaly: "00075-098", what: "RefEndingDate in the next month", edit: (f) => (wechPeriod(f).RefEndingDate = "2017-12-31") },
  {
    anomaly: "00044-008",
    what: "OccupationStartingDate after the reference month",
    edit: (f) => (link(f).OccupationStartingDate = "2017-12-01"),
  },
  {
    anomaly: "00044-097",
    what: "Q < S and OccupationStartingDate before the reference month",
    edit: (f) => (link(f).OccupationStartingDate = "2017-10-15"),
  },
  { anomaly: "00045-001", what: "Q < S without OccupationEndingDate", edit: (f) => delete link(f).OccupationEndingDate },
  {
    anomaly: "00045-097",
    what: "OccupationEndingDate after the reference month",
    edit: (f) => (link(f).OccupationEndingDate = "2017-12-15"),
  },
  { anomaly: "00048-008", what: "Q > S with OccupationInterruption 2", edit: (f) => (link(f).MeanWorkingHours = 3300) },
  {
    anomaly: "00048-008",
    what: "Q = 0 with OccupationInterruption 3",
    edit: (f) =>
      Object.assign(link(f), {
        MeanWorkingHours: 0,
        WorkingDaysSystem: 0,
        OccupationFeatures: { OccupationInterruption: 3, WorkScheduleCode: "98" },
      }),
  },
  {
    anomaly: "00048-008",
    what: "Q = S over the whole reference month",
    edit: (f) => {
      Object.assign(link(f), { MeanWorkingHours: 3200, OccupationStartingDate: "2017-09-01" });
      delete link(f).OccupationEndingDate;
    },
  },
  { anomaly: "00047-001", what: "no WorkingDaysSystem for a teacher", edit: (f) => delete link(f).WorkingDaysSystem },
  { anomaly: "00047-008", what: "WorkingDaysSystem 300 for a teacher (schedule 98)", edit: (f) => (link(f).WorkingDaysSystem = 300) },
  { anomaly: "90404-001", what: "no OccupationFeatures in 2017", edit: (f) => delete link(f).OccupationFeatures },
  { anomaly: "90404-005", what: "OccupationFeatures in a month of 2015", edit: (f) => setMonth(f, "2015-11-01", "2015-11-30") },
  {
    anomaly: "01095-491",
    what: "WorkScheduleCode 01 with OccupationInterruption 2",
    edit: (f) => (link(f).OccupationFeatures.WorkScheduleCode = "01"),
  },
  {
    anomaly: "01095-491",
    what: "WorkScheduleCode 10 with OccupationInterruption 3",
    edit: (f) => (link(f).OccupationFeatures = { OccupationInterruption: 3, WorkScheduleCode: "10" }),
  },
  { anomaly: "01034-001", what: "no QSuppressed in a month of 2015", edit: (f) => setMonth(f, "2015-11-01", "2015-11-30") },
  { anomaly: "01034-005", what: "QSuppressed in 2017", edit: (f) => (monthly(f).QSuppressed = 0) },
  {
    anomaly: "01230-001",
    what: "a reference period of 2021-03 (after 2020-03-31) without OccupationRefused",
    edit: (f) => setMonth(f, "2021-03-01", "2021-03-31"),
  },
  {
    anomaly: "00098-001",
    what: "a teacher without the monthly theoretical salary",
    edit: (f) => (monthly(f).TheoreticalSalary = { HourlyTheoreticalSalaryAmount: 2500000 }),
  },
  {
    anomaly: "00099-001",
    what: "no theoretical salary at all (schedule 10)",
    edit: (f) => {
      monthly(f).TheoreticalSalary = {};
      link(f).OccupationFeatures.WorkScheduleCode = "10";
    },
  },
  {
    anomaly: "00099-005",
    what: "an hourly theoretical salary for a teacher",
    edit: (f) => (monthly(f).TheoreticalSalary.HourlyTheoreticalSalaryAmount = 2500000),
  },
  {
    anomaly: "90060-001",
    what: "no WorkGrid in 2015 with QSuppressed 0",
    edit: (f) => {
      setMonth(f, "2015-11-01", "2015-11-30");
      monthly(f).QSuppressed = 0;
    },
  },
  {
    anomaly: "90060-005",
    what: "a WorkGrid in 2017",
    edit: (f) => (monthly(f).WorkGrid = { CommentWorkGrid: { CommentAboutWorkSchedule: "x" } }),
  },
  {
    anomaly: "90083-001",
    what: "a holiday day (3.1) without HolidaysSector (schedule 10)",
    edit: (f) => {
      link(f).OccupationFeatures.WorkScheduleCode = "10";
      withDays(f, day("--11-06", "3.1", 400));
    },
  },
  { anomaly: "90083-005", what: "HolidaysSector for a teacher", edit: (f) => (monthly(f).HolidaysSector = { HolidaySectorIndicator: 2 }) },
  {
    anomaly: "00194-030",
    what: "HolidaySectorIndicator 1 with WorkerCode 675",
    edit: (f) => {
      record(f).WorkerCode = "675";
      monthly(f).HolidaysSector = { HolidaySectorIndicator: 1 };
    },
  },
  { anomaly: "00178-008", what: "a day of another month", edit: (f) => withDays(f, day("--12-05", "1.3", 400)) },
  { anomaly: "00178-008", what: "a day that does not exist (--11-31)", edit: (f) => withDays(f, day("--11-31", "1.3", 400)) },
  {
    anomaly: "00178-097",
    what: "a day after RefEndingDate",
    edit: (f) => {
      wechPeriod(f).RefEndingDate = "2017-11-15";
      withDays(f, day("--11-20", "1.3", 400));
    },
  },
  {
    anomaly: "00178-099",
    what: "a day before the occupation starts",
    edit: (f) => {
      link(f).OccupationStartingDate = "2017-11-10";
      withDays(f, day("--11-06", "1.3", 400));
    },
  },
  {
    anomaly: "90074-006",
    what: "the same day twice with the same code",
    edit: (f) => withDays(f, day("--11-06", "1.3", 200), day("--11-06", "1.3", 200)),
  },
  {
    anomaly: "90074-006",
    what: "three codes on one day",
    edit: (f) => withDays(f, day("--11-06", "1.3", 100), day("--11-06", "2.1", 100), day("--11-06", "6.2", 100)),
  },
  { anomaly: "00179-008", what: "code 1.1", edit: (f) => withDays(f, day("--11-06", "1.1", 400)) },
  { anomaly: "00179-008", what: "code 8 with another code", edit: (f) => withDays(f, day("--11-06", "8", 0), day("--11-07", "3.1", 400)) },
  {
    anomaly: "00179-008",
    what: "code 8 on 15 consecutive days with schedule 10",
    edit: (f) => {
      link(f).OccupationFeatures.WorkScheduleCode = "10";
      withDays(f, ...Array.from({ length: 15 }, (_, i) => day(`--11-${String(i + 1).padStart(2, "0")}`, "8", 0)));
    },
  },
  { anomaly: "00180-008", what: "HoursNumber 0 on a holiday (3.1)", edit: (f) => withDays(f, day("--11-06", "3.1", 0)) },
  { anomaly: "00180-008", what: "HoursNumber 2500 in one block", edit: (f) => withDays(f, day("--11-06", "1.3", 2500)) },
  {
    anomaly: "00180-100",
    what: "more than 24 hours on one day",
    edit: (f) => withDays(f, day("--11-06", "1.3", 1300), day("--11-06", "2.1", 1200)),
  },
];

const sevDates = (start: string, end: string) => ({
  SeverancePaymentStartDate: start,
  SeverancePaymentEndDate: end,
  SeverancePaymentRemuneration: 450000,
});
const secondLink = (f: Loose, start: string, end: string) => {
  const other = structuredClone(link(f));
  Object.assign(other.ReferencePeriod, { RefStartingDate: start, RefEndingDate: end });
  record(f).OccupationLink = [link(f), other];
};
const zimaDays = (f: Loose, ...days: Loose[]) => (zimaPeriod(f).NatureOfDay = days);

const ZIMA002_CASES: readonly BreakCase[] = [
  {
    anomaly: "00024-008",
    what: "a man's INSZ with IdentificationOfRisk 002",
    base: "maternity",
    edit: (f) => (naturalPerson(f).INSS = MAN),
  },
  {
    anomaly: "00024-008",
    what: "a BIS number with month + 40 of a man (odd counter) with risk 002",
    base: "maternity",
    edit: (f) => (naturalPerson(f).INSS = "85473003317"),
  },
  {
    anomaly: "00044-008",
    what: "OccupationStartingDate more than 100 years before the declaration",
    edit: (f) => (link(f).OccupationStartingDate = "1925-01-01"),
  },
  {
    anomaly: "00044-008",
    what: "OccupationStartingDate in a year after the declaration",
    edit: (f) => (link(f).OccupationStartingDate = "2027-01-01"),
  },
  {
    anomaly: "00045-008",
    what: "OccupationEndingDate before the quarter of the reference period",
    edit: (f) => (link(f).OccupationEndingDate = "2026-06-30"),
  },
  {
    anomaly: "00074-008",
    what: "RefStartingDate after FormCreationDate",
    edit: (f) => Object.assign(zimaPeriod(f), { RefStartingDate: "2026-11-06", RefEndingDate: "2026-11-07" }),
  },
  {
    anomaly: "00074-008",
    what: "RefStartingDate before OccupationStartingDate",
    edit: (f) => (link(f).OccupationStartingDate = "2026-10-10"),
  },
  {
    anomaly: "00074-008",
    what: "risk 001 before 2018-07-01",
    edit: (f) => Object.assign(zimaPeriod(f), { RefStartingDate: "2018-05-01", RefEndingDate: "2018-05-31" }),
  },
  { anomaly: "00075-008", what: "RefEndingDate more than 5 days after FormCreationDate", edit: (f) => (f.FormCreationDate = "2026-10-25") },
  { anomaly: "00075-098", what: "RefEndingDate in the next month", edit: (f) => (zimaPeriod(f).RefEndingDate = "2026-11-02") },
  { anomaly: "00075-014", what: "RefEndingDate before RefStartingDate", edit: (f) => (zimaPeriod(f).RefEndingDate = "2026-09-30") },
  { anomaly: "90077-097", what: "reference periods in two months", edit: (f) => secondLink(f, "2026-09-15", "2026-09-30") },
  {
    anomaly: "90068-006",
    what: "two OccupationLinks with overlapping reference periods",
    edit: (f) => secondLink(f, "2026-10-15", "2026-10-31"),
  },
  {
    anomaly: "90524-005",
    what: "SeverancePayment without OccupationEndingDate",
    edit: (f) => (link(f).SeverancePayment = sevDates("2026-10-21", "2026-12-31")),
  },
  {
    anomaly: "01130-008",
    what: "severance starting on the occupation's last day",
    edit: (f) => Object.assign(link(f), { OccupationEndingDate: "2026-10-20", SeverancePayment: sevDates("2026-10-20", "2026-12-31") }),
  },
  {
    anomaly: "01131-008",
    what: "severance ending before it starts",
    edit: (f) => Object.assign(link(f), { OccupationEndingDate: "2026-10-20", SeverancePayment: sevDates("2026-10-21", "2026-10-01") }),
  },
  {
    anomaly: "01131-014",
    what: "severance ending before it starts",
    edit: (f) => Object.assign(link(f), { OccupationEndingDate: "2026-10-20", SeverancePayment: sevDates("2026-10-21", "2026-10-01") }),
  },
  { anomaly: "90074-005", what: "NatureOfDay with risk 001", edit: (f) => zimaDays(f, day("--10-05", "3.1", 400)) },
  { anomaly: "00178-008", what: "a day of another month", base: "maternity", edit: (f) => zimaDays(f, day("--11-05", "3.1", 400)) },
  {
    anomaly: "00178-097",
    what: "a day after RefEndingDate",
    base: "maternity",
    edit: (f) => {
      zimaPeriod(f).RefEndingDate = "2026-10-14";
      zimaDays(f, day("--10-20", "3.1", 400));
    },
  },
  {
    anomaly: "00178-006",
    what: "the same day and code twice",
    base: "maternity",
    edit: (f) => zimaDays(f, day("--10-05", "3.1", 300), day("--10-05", "3.1", 300)),
  },
  {
    anomaly: "00179-008",
    what: "day code 1.3 (not allowed in ZIMA002)",
    base: "maternity",
    edit: (f) => zimaDays(f, day("--10-05", "1.3", 400)),
  },
  { anomaly: "00180-008", what: "HoursNumber 0 with code 3.1", base: "maternity", edit: (f) => zimaDays(f, day("--10-05", "3.1", 0)) },
  {
    anomaly: "00180-100",
    what: "more than 14 hours on one day",
    base: "maternity",
    edit: (f) => zimaDays(f, day("--10-05", "3.1", 800), day("--10-05", "5.4", 700)),
  },
  {
    anomaly: "90018-005",
    what: "Service with risk 002",
    base: "maternity",
    edit: (f) => (zimaPeriod(f).Service = { ServiceSequenceNbr: 1, ServiceCode: 1, ServiceNbrHours: 100 }),
  },
  {
    anomaly: "90018-006",
    what: "the same ServiceCode twice",
    edit: (f) =>
      (zimaPeriod(f).Service = [
        { ServiceSequenceNbr: 1, ServiceCode: 1, ServiceNbrHours: 100 },
        { ServiceSequenceNbr: 2, ServiceCode: 1, ServiceNbrHours: 200 },
      ]),
  },
  {
    anomaly: "00061-006",
    what: "ServiceSequenceNbr 1 twice",
    edit: (f) =>
      (zimaPeriod(f).Service = [
        { ServiceSequenceNbr: 1, ServiceCode: 1, ServiceNbrHours: 100 },
        { ServiceSequenceNbr: 1, ServiceCode: 3, ServiceNbrHours: 200 },
      ]),
  },
  { anomaly: "90085-001", what: "risk 002 without ExactSalary", base: "maternity", edit: (f) => delete zimaPeriod(f).ExactSalary },
  {
    anomaly: "90085-005",
    what: "ExactSalary with risk 001",
    edit: (f) => (zimaPeriod(f).ExactSalary = [{ ExactSalaryCode: "001", ExactSalaryAmount: 100 }]),
  },
  {
    anomaly: "90085-006",
    what: "wage code 001 twice in a period",
    base: "maternity",
    edit: (f) =>
      (zimaPeriod(f).ExactSalary = [
        { ExactSalaryCode: "001", ExactSalaryAmount: 100 },
        { ExactSalaryCode: "001", ExactSalaryAmount: 200 },
      ]),
  },
  {
    anomaly: "00122-008",
    what: "wage code 002 (annual premium)",
    base: "maternity",
    edit: (f) => (zimaPeriod(f).ExactSalary = [{ ExactSalaryCode: "002", ExactSalaryAmount: 100 }]),
  },
  {
    anomaly: "00124-008",
    what: "amount 0 with wage code 005",
    base: "maternity",
    edit: (f) => (zimaPeriod(f).ExactSalary = [{ ExactSalaryCode: "005", ExactSalaryAmount: 0 }]),
  },
];

const detail = (code: number, days: number, hours?: number) => ({
  HolidayCode: code,
  HolidayDaysNumber: days,
  ...(hours === undefined ? {} : { HolidayHoursNumber: hours }),
});

const ZIMA005_CASES: readonly BreakCase[] = [
  { anomaly: "00037-008", what: "a civil servant's WorkerCode 601", edit: (f) => (record(f).WorkerCode = "601") },
  {
    anomaly: "00037-008",
    what: "an artist's WorkerCode 046 with sub-risk 004",
    base: "adapted",
    edit: (f) => (record(f).WorkerCode = "046"),
  },
  { anomaly: "00221-008", what: "a ticket Reference of type 5 on a submission (SU)", edit: (f) => (f.Reference = ticket(5, 2)) },
  {
    anomaly: "00125-008",
    what: "HolidaysYear after the year of FormCreationDate",
    edit: (f) => (naturalPerson(f).HolidayYear.HolidaysYear = 2027),
  },
  {
    anomaly: "90030-001",
    what: "sub-risk 004 without ExceptSituationCalculBase",
    base: "adapted",
    edit: (f) => delete link(f).ExceptSituationCalculBase,
  },
  {
    anomaly: "90030-005",
    what: "ExceptSituationCalculBase with sub-risk 001",
    edit: (f) => (link(f).ExceptSituationCalculBase = { ExceptSituationMeanWorkingHours: 1000, ExceptSituationWorkingDaysSystem: 300 }),
  },
  { anomaly: "90089-001", what: "holiday sector 1 without HolidayDetail", edit: (f) => delete holidays(f).HolidayDetail },
  { anomaly: "90089-005", what: "HolidayDetail with holiday sector 2", edit: (f) => (holidays(f).HolidaySectorIndicator = 2) },
  {
    anomaly: "90089-090",
    what: "three detail lines with sub-risk 001",
    edit: (f) => (holidays(f).HolidayDetail = [detail(1, 200, 15200), detail(2, 50, 380), detail(3, 85, 6460)]),
  },
  {
    anomaly: "00196-008",
    what: "holiday code 8 with sub-risk 001",
    edit: (f) => (holidays(f).HolidayDetail = [detail(1, 200, 15200), detail(8, 85, 6460)]),
  },
  {
    anomaly: "00196-006",
    what: "holiday code 1 twice",
    edit: (f) => (holidays(f).HolidayDetail = [detail(1, 200, 15200), detail(1, 85, 6460)]),
  },
  {
    anomaly: "00196-005",
    what: "two lines with sub-risk 001 that are not codes 1 and 3",
    edit: (f) => (holidays(f).HolidayDetail = [detail(1, 200, 15200), detail(2, 85, 6460)]),
  },
  {
    anomaly: "00196-005",
    what: "one line with sub-risk 004 that is not code 8",
    base: "adapted",
    edit: (f) => (holidays(f).HolidayDetail = [detail(9, 50, 190)]),
  },
  {
    anomaly: "00197-008",
    what: "505 tenths of a holiday day (more than 50 days)",
    edit: (f) => (holidays(f).HolidayDetail[0].HolidayDaysNumber = 505),
  },
  {
    anomaly: "00197-003",
    what: "82 tenths of a day (8.2 days, no whole half day)",
    edit: (f) => (holidays(f).HolidayDetail[1].HolidayDaysNumber = 82),
  },
  {
    anomaly: "00198-001",
    what: "a part-timer (Q 16 of S 32) without holiday hours",
    edit: (f) => delete holidays(f).HolidayDetail[1].HolidayHoursNumber,
  },
  { anomaly: "00198-005", what: "holiday hours for a full-timer (Q = S)", edit: (f) => (link(f).MeanWorkingHours = 3200) },
  {
    anomaly: "90068-006",
    what: "two OccupationLinks starting on the same day",
    edit: (f) => (record(f).OccupationLink = [link(f), structuredClone(link(f))]),
  },
];

const secondPeriod = (f: Loose) => record(f).OccupationLink[1].ReferencePeriod;

const ZIMA003_CASES: readonly BreakCase[] = [
  { anomaly: "00024-008", what: "the INSZ of a man (odd counter)", edit: (f) => (naturalPerson(f).INSS = MAN) },
  { anomaly: "00037-008", what: "a civil servant's WorkerCode 601", edit: (f) => (record(f).WorkerCode = "601") },
  { anomaly: "00037-008", what: "a childminder's WorkerCode 497", edit: (f) => (record(f).WorkerCode = "497") },
  { anomaly: "00074-008", what: "RefStartingDate on FormCreationDate (not before it)", edit: (f) => (f.FormCreationDate = "2026-10-01") },
  {
    anomaly: "00074-099",
    what: "RefStartingDate before OccupationStartingDate",
    edit: (f) => (link(f).OccupationStartingDate = "2026-10-05"),
  },
  { anomaly: "00075-008", what: "RefEndingDate after FormCreationDate", edit: (f) => (f.FormCreationDate = "2026-10-20") },
  {
    anomaly: "00075-014",
    what: "a one-day reference period (RefEndingDate not after RefStartingDate)",
    edit: (f) => (zimaPeriod(f).RefEndingDate = "2026-10-01"),
  },
  { anomaly: "00075-098", what: "RefEndingDate in the next month", edit: (f) => (zimaPeriod(f).RefEndingDate = "2026-11-01") },
  {
    anomaly: "00075-099",
    what: "RefEndingDate after OccupationEndingDate",
    edit: (f) => (link(f).OccupationEndingDate = "2026-10-20"),
  },
  {
    anomaly: "90077-097",
    what: "the second link's reference period in September",
    base: "two",
    edit: (f) => Object.assign(secondPeriod(f), { RefStartingDate: "2026-09-12", RefEndingDate: "2026-09-30" }),
  },
  {
    anomaly: "00151-097",
    what: "40 + 23 = 63 half-hour breaks in October, more than 2 x 31",
    base: "two",
    edit: (f) => (secondPeriod(f).BreastFeedingPause.BreastFeedingPauseNbr = 23),
  },
  {
    anomaly: "90068-006",
    what: "the same OccupationLink twice",
    edit: (f) => (record(f).OccupationLink = [link(f), structuredClone(link(f))]),
  },
];

const recovery = (f: Loose) => naturalPerson(f).WorkRecovery;

const ZIMA006_CASES: readonly BreakCase[] = [
  {
    anomaly: "90016-001",
    what: "a cancellation without WorkRecovery (its day not kept)",
    base: "cancellation",
    edit: (f) => delete naturalPerson(f).WorkRecovery,
  },
  { anomaly: "00128-008", what: "WorkRecoveryDate before 2005-07-01", edit: (f) => (recovery(f).WorkRecoveryDate = "2005-06-30") },
  {
    anomaly: "00128-008",
    what: "WorkRecoveryDate after FormCreationDate (2026-11-24)",
    edit: (f) => (recovery(f).WorkRecoveryDate = "2026-11-25"),
  },
  {
    anomaly: "00128-008",
    what: "a cancellation whose WorkRecoveryDate lies after its creation date",
    base: "cancellation",
    edit: (f) => (f.FormCreationDate = "2026-10-18"),
  },
];

const FORM_CASES: Record<GlossaryFormType, readonly BreakCase[]> = {
  ZIMA001: ZIMA001_CASES,
  WECH003: WECH003_CASES,
  WECH006: WECH006_CASES,
  ZIMA002: ZIMA002_CASES,
  ZIMA003: ZIMA003_CASES,
  ZIMA005: ZIMA005_CASES,
  ZIMA006: ZIMA006_CASES,
};

/** The cases of a form type: its own and the shared ones whose anomaly its table has. */
function casesOf(formType: GlossaryFormType): BreakCase[] {
  const codes = new Set(GLOSSARY_CONDITIONS[formType].map((row) => row.anomaly));
  // The shared cases edit an EmployerDeclarationLink; ZIMA001's mini-DmfA has its own envelope cases.
  const shared =
    formType === "ZIMA001" ? [] : SHARED_CASES.filter((c) => codes.has(c.anomaly) && (c.forms === undefined || c.forms.includes(formType)));
  return [...shared, ...FORM_CASES[formType]];
}

function broken(formType: GlossaryFormType, c: BreakCase): FormNode {
  const form = structuredClone(BASES[formType][c.base ?? "main"]()) as Loose;
  c.edit(form);
  return form as FormNode;
}

for (const formType of FORM_TYPES) {
  describe(`glossary conditions of ${formType} (D22): coverage of the class-B anomalies of its glossary`, () => {
    const glossary = loadFormGlossary(formType);
    const anomalies = blockingAnomalies(glossary);
    const sorting = sortAnomalies(formType, anomalies);

    it("every class-B anomaly is checked here, enforced by the XSD, or not checkable — in exactly one place", () => {
      expect(sorting.unsorted, "class-B anomalies in none of the three places").to.deep.equal([]);
      expect(sorting.duplicated, "anomalies in more than one place").to.deep.equal([]);
      const counts = { checked: 0, xsd: 0, notCheckable: 0 };
      for (const entry of sorting.sorted.values()) counts[entry.category]++;
      expect(counts.checked + counts.xsd + counts.notCheckable).to.equal(anomalies.size);
      console.log(
        `      ${formType}: ${anomalies.size} class-B anomalies = ${counts.checked} checked here + ${counts.xsd} enforced by the XSD + ${counts.notCheckable} not checkable`,
      );
    });

    it("every table row and every coverage decision names a class-B anomaly of this glossary", () => {
      expect(sorting.unknown).to.deep.equal([]);
    });

    it(`every claim "enforced by the XSD" holds in ${FORM_XSD[formType]}`, () => {
      const occurrences = xsdOccurrences(formType);
      const problems = [...sorting.sorted.values()].filter((e) => e.category === "xsd").flatMap((e) => xsdClaimProblems(e, occurrences));
      expect(problems).to.deep.equal([]);
    });

    it("every decision has a reason", () => {
      const coverage = ANOMALY_COVERAGE[formType];
      const reasons = [...coverage.xsd.map((d) => d.reason), ...coverage.notCheckable.map((d) => d.reason)];
      expect(reasons.filter((r) => r.trim().length < 20)).to.deep.equal([]);
    });

    it("every row belongs to the zone or block of its anomaly, whose label the violation carries", () => {
      for (const row of GLOSSARY_CONDITIONS[formType]) {
        expect(row.anomaly.startsWith(`${row.zone}-`), row.anomaly).to.equal(true);
        const owner = anomalies.get(row.anomaly);
        expect(glossaryLabel(formType, row.zone), row.anomaly).to.equal(owner && `${owner.label} (${owner.title5})`);
        expect(row.condition.length, row.anomaly).to.be.greaterThan(20);
      }
    });
  });

  describe(`glossary conditions of ${formType} (D22): each row catches the form that breaks it`, () => {
    const cases = casesOf(formType);

    it("the valid forms the cases start from (original, modification, cancellation ...) meet every condition", () => {
      for (const [name, make] of Object.entries(BASES[formType])) expect(checkGlossaryConditions(formType, make()), name).to.deep.equal([]);
    });

    for (const c of cases) {
      it(`${c.anomaly}: ${c.what}`, () => {
        const form = broken(formType, c);
        const violations = checkGlossaryConditions(formType, form);
        expect(
          violations.map((v) => v.anomaly),
          JSON.stringify(violations),
        ).to.include(c.anomaly);
        const violation = violations.find((v) => v.anomaly === c.anomaly);
        expect(violation?.detail).to.be.a("string").that.is.not.empty;
        expect(violation?.label).to.equal(glossaryLabel(formType, c.anomaly.slice(0, 5)));
      });
    }

    it("every row of the table is broken by at least one of these cases", () => {
      const forms = cases.map((c) => ({ c, form: broken(formType, c) }));
      const missed = GLOSSARY_CONDITIONS[formType].filter(
        (row) => !forms.some(({ c, form }) => c.anomaly === row.anomaly && row.check(form) !== null),
      );
      expect(missed.map((row) => `${row.anomaly}: ${row.condition}`)).to.deep.equal([]);
    });

    it("a check never changes the form it reads", () => {
      for (const c of cases) {
        const form = broken(formType, c);
        const before = structuredClone(form);
        checkGlossaryConditions(formType, form);
        expect(form).to.deep.equal(before);
      }
    });
  });
}

describe("glossary conditions (D22): the XSD verification itself", () => {
  const claim = (formType: GlossaryFormType, code: string, by: XsdEnforcement) => {
    const anomaly = blockingAnomalies(loadFormGlossary(formType)).get(code);
    if (!anomaly) throw new Error(`${code} is no class-B anomaly of ${formType}`);
    return xsdClaimProblems({ anomaly, category: "xsd", why: "", by }, xsdOccurrences(formType));
  };

  it("rejects claims the XSD does not bear out, and accepts those it does", () => {
    expect(claim("WECH003", "01229-001", "presence"), "a conditional zone is minOccurs 0").to.not.be.empty;
    expect(claim("WECH003", "00048-008", "enumeration"), "Q has a range, no enumeration").to.not.be.empty;
    expect(claim("WECH006", "00126-003", "numeric"), "a comment is a string").to.not.be.empty;
    expect(claim("WECH006", "00222-003", "typed"), "a ticket number has no pattern").to.not.be.empty;
    expect(claim("WECH003", "00096-005", "forbidden"), "LegalBasis is allowed (maxOccurs 1)").to.not.be.empty;
    expect(claim("WECH003", "00048-001", "presence")).to.deep.equal([]);
    expect(claim("ZIMA005", "00197-003", "pattern")).to.deep.equal([]);
    expect(claim("ZIMA002", "00430-008", "enumeration")).to.deep.equal([]);
  });
});

describe("glossary conditions (D22): what the glossaries allow passes", () => {
  const holds = (formType: GlossaryFormType, form: FormNode) => expect(checkGlossaryConditions(formType, form)).to.deep.equal([]);

  it("WECH003: Q = S for an occupation starting after 2018-08-31 (education)", () => {
    holds(
      "WECH003",
      buildForm(
        wech003({ occupationStartingDate: "2018-09-01", occupation: { ...occupation, startDate: "2018-09-01", q: 3200 } }),
        context,
      ),
    );
  });

  it("WECH003: LegalBasis with DBRIndicatorInEntrepriseCadreMap 1; FullTimeOccupationRequest 9 with joint committee 999", () => {
    holds("WECH003", buildForm(wech003({ dbrInCompanyPlan: 1, legalBasis: 7, fulltimeRequest: 9 }), context));
  });

  it("WECH006: a full-time piece shorter than the month (Q = S, started on the 10th); a changing Q with 00769 = 3", () => {
    holds(
      "WECH006",
      buildForm(
        wech006({
          occupation: { ...occupation, q: 3200, startDate: "2017-11-10" },
          meanWorkingHours: 3200,
          occupationStartingDate: "2017-11-10",
          occupationEndingDate: null,
        }),
        context,
      ),
    );
    holds("WECH006", buildForm(wech006({ occupationInterruption: 3, meanWorkingHours: 2133 }), context));
  });

  it("WECH006: a reference period after 2020-03-31 with OccupationRefused; incapacity and usual-inactivity days with 0 hours", () => {
    holds(
      "WECH006",
      buildForm(wech006({ referencePeriod: "2020-04", occupationStartingDate: "2020-04-01", occupationEndingDate: "2020-04-30" }), context),
    );
    const sick = asLoose(buildForm(wech006(), context));
    wechPeriod(sick).NatureOfDay = [day("--11-06", "1.3", 0), day("--11-07", "2.1", 0), day("--11-08", "6.2", 0)];
    holds("WECH006", sick as FormNode);
  });

  it("ZIMA002: a BIS number with month + 20 (sex unknown) passes with risk 002; HoursNumber 0 with code 6.21", () => {
    holds("ZIMA002", buildForm(zima002Maternity({ person: person("85273003371") }), zimaContext));
    const accident = zima002Maternity({
      periods: [period({ dayNatures: [{ day: "2026-10-05", code: "6.21", hours: 0 }], exactWages: [{ code: "01", amount: cents(0) }] })],
    });
    holds("ZIMA002", buildForm(accident, zimaContext));
  });

  it("ZIMA005: sector 2 and 3 without details; four lines 1, 2, 3, 5 for sub-risk 001; adapted work with Q < S declares hours", () => {
    holds("ZIMA005", buildForm(zima005({ holidaySector: 2, details: [] }), context));
    holds("ZIMA005", buildForm(zima005({ subRisk: 2, holidaySector: 3, details: [] }), context));
    const four = zima005({
      details: [
        { code: 1, days: 2000, hours: 15200 },
        { code: 2, days: 850, hours: 6460 },
        { code: 3, days: 0, hours: 0 },
        { code: 5, days: 150, hours: 1140 },
      ],
    });
    holds("ZIMA005", buildForm(four, context));
    holds(
      "ZIMA005",
      buildForm(
        zima005({
          occupation: { ...benefitsOccupation, q: 3200 },
          details: [
            { code: 1, days: 2000, hours: null },
            { code: 3, days: 850, hours: null },
          ],
        }),
        context,
      ),
    );
  });
});

describe("glossary conditions (D22): the forms of the existing form tests' typical declarations pass", () => {
  /**
   * From test/unit/zima-forms.test.ts and forms-corrections.test.ts, with two changes the glossary needs:
   * sub-risk 002 (maternity protection) carries a woman's INSZ (00024-008), and a part-timer's holiday
   * lines carry their hours and count 2 or 4 for sub-risk 001 (00198-001, 90089-090).
   */
  const TYPICAL: readonly { what: string; declaration: Declaration }[] = [
    { what: "WECH003 16/32 from 2017-09-01", declaration: wech003() },
    { what: "WECH006 2017-11, 16/32", declaration: wech006() },
    {
      what: "ZIMA002 sub-risk 1, two periods with services",
      declaration: zima002({
        periods: [
          period({ start: "2026-10-01", end: "2026-10-14", services: [{ code: "1", days: 600, hours: 2000 }] }),
          period({
            adaptedWorkId: 2,
            start: "2026-10-15",
            end: "2026-10-31",
            adaptedQ: 1600,
            adaptedDaysPerWeek: 400,
            services: [
              { code: "1", days: null, hours: 3600 },
              { code: "3", days: 100, hours: 400 },
            ],
          }),
        ],
      }),
    },
    {
      what: "ZIMA002 sub-risk 2, day natures and two wage codes",
      declaration: zima002Maternity({
        occupation: { ...benefitsOccupation, daysPerWeek: 400 },
        periods: [
          period({
            dayNatures: [
              { day: "2026-10-05", code: "3.1", hours: 760 },
              { day: "2026-10-06", code: "5.4", hours: 380 },
            ],
            exactWages: [
              { code: "01", amount: cents(123456) },
              { code: "05", amount: cents(2000) },
            ],
          }),
        ],
      }),
    },
    {
      what: "ZIMA002 sub-risk 2, a month without pay split in two periods",
      declaration: zima002Maternity({
        periods: [
          period({ end: "2026-10-09" }),
          period({ adaptedWorkId: 2, start: "2026-10-10", adaptedQ: 1400, exactWages: [{ code: "01", amount: cents(98000) }] }),
        ],
      }),
    },
    {
      what: "ZIMA002 sub-risk 2, severance after the occupation's end",
      declaration: zima002Maternity({
        occupation: { ...benefitsOccupation, endDate: "2026-10-20" },
        periods: [
          period({
            end: "2026-10-20",
            exactWages: [{ code: "01", amount: cents(80000) }],
            severance: { start: "2026-10-21", end: "2026-12-31", amount: cents(450000) },
          }),
        ],
      }),
    },
    {
      what: "ZIMA005 sub-risk 1, four lines",
      declaration: zima005({
        details: [
          { code: 1, days: 2000, hours: 15200 },
          { code: 2, days: 850, hours: 6460 },
          { code: 3, days: 0, hours: 0 },
          { code: 5, days: 150, hours: 1140 },
        ],
      }),
    },
    {
      what: "ZIMA005 sub-risk 4, adapted work",
      declaration: zima005({
        subRisk: 4,
        adaptedWork: { q: 1900, daysPerWeek: 250 },
        details: [
          { code: 8, days: 1250, hours: 4750 },
          { code: 9, days: 50, hours: 190 },
        ],
      }),
    },
    { what: "ZIMA005 public sector, no details", declaration: zima005({ subRisk: 2, holidaySector: 2, details: [] }) },
    {
      what: "ZIMA005 occupation ending in the holiday year",
      declaration: zima005({ occupation: { ...benefitsOccupation, endDate: "2025-06-30" } }),
    },
  ];

  for (const { what, declaration } of TYPICAL) {
    it(`${what}: original and modification`, () => {
      const ctx = declaration.formType.startsWith("ZIMA") ? zimaContext : context;
      expect(checkGlossaryConditions(declaration.formType, buildForm(declaration, ctx)), "original").to.deep.equal([]);
      expect(checkGlossaryConditions(declaration.formType, buildForm(declaration, correction(1, ctx))), "modification").to.deep.equal([]);
    });
  }

  const KEPT_FOR_CANCELLATION: Partial<Record<GlossaryFormType, KeptZones>> = {
    ZIMA001: { "00408": "2026-10-05", "00013": "20264" },
    ZIMA006: { "00128": "2026-10-19" },
  };

  it("cancellations of every form type", () => {
    for (const formType of FORM_TYPES) {
      const form = cancellationForm(
        formType,
        formType === "ZIMA002" || formType === "ZIMA003" ? WOMAN : MAN,
        TICKET,
        context,
        formType === "ZIMA005" ? "2025" : "2026-10",
        formType === "ZIMA002" ? "002" : undefined,
        // A ZIMA006 cancellation repeats the day it cancels, a ZIMA001 the risk's start and quarter (kept with the declaration).
        KEPT_FOR_CANCELLATION[formType] ?? null,
      );
      expect(checkGlossaryConditions(formType, form), formType).to.deep.equal([]);
    }
  });
});
