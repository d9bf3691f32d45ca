/**
 * The valid ZIMA001 forms the glossary-condition tests start from, and the ways to break each row of
 * ZIMA001's table (D22), worked out from the glossary FBAMI1 2023/3: the forms zima001Form builds for the
 * worked examples of zima-1-3-6.md §1.6 (1-A, 1-B, 1-C), a modification and a cancellation (§1.2
 * "Cancellation"). Used by test/unit/glossary-conditions.test.ts (with every form type) and
 * test/unit/zima001-glossary-conditions.test.ts (what only the mini-DmfA needs).
 */
import { formDefaults } from "../../mappings/form-defaults";
import { type CalendarDate, addDays, isoWeekday } from "../../src/domain/calendar-date";
import { cents } from "../../src/domain/money";
import { cancellationForm } from "../../src/form-types/forms";
import { zima001Form } from "../../src/form-types/zima001/form";
import type { FormContext, FormNode } from "../../src/forms/form-envelope";
import type { OccupationFacts, Zima001Day, Zima001Declaration, Zima001Occupation } from "../../src/rules/decision-types";

const TICKET = "340000JEDT00A";

function contextAt(creationDate: CalendarDate): FormContext {
  const employer = { nossNumber: "123456749", kboNumber: "0123456749", senderNumber: "900123" };
  return { stamp: { creationDate, creationHour: "10:00:00.000" }, employer, defaults: formDefaults, sequenceNbr: 1 };
}

/** Monday to Friday (or to Thursday) from `from` to `to`, each with the day code and hours. */
function weekdays(from: CalendarDate, to: CalendarDate, code: string, hours: number | null = null, lastWeekday = 5): Zima001Day[] {
  const days: Zima001Day[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isoWeekday(day) <= lastWeekday) days.push({ day, code, hours });
  return days;
}

/** Example 1-A's assignment 501 (institution 11, CLB, 38/38, five days, own DmfA codes 011/495/999). */
const clbOccupation: OccupationFacts = {
  assignmentId: 501,
  institutionId: 11,
  institutionName: "CLB",
  level: "CLB",
  boardId: 1,
  boardName: "Board 1",
  agency: "AGODI",
  startDate: "2022-09-01",
  endDate: null,
  numerator: 3800,
  denominator: 3800,
  q: 3800,
  s: 3800,
  daysPerWeek: 500,
  monthlySalary: cents(285000),
  employerClass: "011",
  workerCode: "495",
  jointCommittee: "999",
};

function declaration(overrides: Partial<Zima001Declaration> & Pick<Zima001Declaration, "occupations">): Zima001Declaration {
  return {
    formType: "ZIMA001",
    person: { staffId: 1001, insz: "88013014435", lastName: "Peeters", firstName: "An" },
    occupation: overrides.occupations[0].occupation,
    referencePeriod: "2024-03",
    absenceId: 9001,
    absenceKind: "INCAPACITY",
    risk: "001",
    riskStart: "2024-02-05",
    workRecovery: null,
    preventionServices: [{ kbo: "0412345614", name: "Externe Dienst A" }],
    quarter: { code: "20241", first: "2024-01-01", last: "2024-03-31" },
    serviceEnd: null,
    ...overrides,
  };
}

/**
 * Example 1-A: incapacity (001) from 2024-02-05, guaranteed monthly wage until 2024-03-05: 22 days 2.6
 * (Monday to Friday: 5 + 5 + 5 + 4 in February, 1 + 2 in March), last working day Friday 2024-02-02,
 * R2 = 2023-09-30 with EUR 2790.00, stable.
 */
export const incapacityOccupation: Zima001Occupation = {
  occupation: clbOccupation,
  endDate: null,
  payMode: 12,
  localUnitId: "2123456791",
  retired: 0,
  risk: {
    lastWorkingDay: "2024-02-02",
    basisAmount: cents(279000),
    stable: 1,
    referencePeriod: { start: "2024-02-05", end: "2024-03-05", days: weekdays("2024-02-05", "2024-03-05", "2.6") },
  },
};
const incapacity = () => declaration({ occupations: [incapacityOccupation] });

/**
 * Example 1-B: birth leave (006) of a man from 2024-10-07, 20 leave days: 10-07..09 paid by the agency
 * (code 1), 10-10..18, 11-04..08 and 11-18..22 at the benefits sector's charge (6.10); made 2024-12-02.
 */
export const birthLeave = () =>
  declaration({
    person: { staffId: 1002, insz: "90072113312", lastName: "Janssens", firstName: "Tom" },
    referencePeriod: "2024-11",
    absenceId: 9002,
    absenceKind: "BIRTH_LEAVE",
    risk: "006",
    riskStart: "2024-10-07",
    preventionServices: [],
    quarter: { code: "20244", first: "2024-10-01", last: "2024-12-31" },
    occupations: [
      {
        occupation: { ...clbOccupation, assignmentId: 502, institutionId: 12, startDate: "2021-09-01", monthlySalary: cents(266000) },
        endDate: null,
        payMode: 12,
        localUnitId: "2234567818",
        retired: 0,
        risk: {
          lastWorkingDay: "2024-10-04",
          basisAmount: cents(261000),
          stable: 1,
          referencePeriod: {
            start: "2024-10-07",
            end: "2024-11-22",
            days: [
              ...weekdays("2024-10-07", "2024-10-09", "1"),
              ...weekdays("2024-10-10", "2024-10-18", "6.10"),
              ...weekdays("2024-11-04", "2024-11-08", "6.10"),
              ...weekdays("2024-11-18", "2024-11-22", "6.10"),
            ],
          },
        },
      },
    ],
  });

/**
 * Example 1-C: a part-time (16/20, four days) temporary teacher ill from 2024-06-10 to beyond the end of her
 * assignment on 2024-06-30: 12 days 1.3 (Monday to Thursday) of 4.00 hours (16/20 x 20 h ÷ 4 days), the
 * end given (00045, and ServiceData 00385 for risk 001).
 */
export const partTimer = () =>
  declaration({
    person: { staffId: 1003, insz: "85031420220", lastName: "Maes", firstName: "Lies" },
    referencePeriod: "2024-06",
    absenceId: 9005,
    riskStart: "2024-06-10",
    preventionServices: [{ kbo: "0876543270", name: "Externe Dienst B" }],
    quarter: { code: "20242", first: "2024-04-01", last: "2024-06-30" },
    serviceEnd: "2024-06-30",
    occupations: [
      {
        occupation: {
          ...clbOccupation,
          assignmentId: 503,
          institutionId: 12,
          startDate: "2023-09-01",
          endDate: "2024-06-30",
          numerator: 1600,
          denominator: 2000,
          q: 1600,
          s: 2000,
          daysPerWeek: 400,
          monthlySalary: cents(240000),
        },
        endDate: "2024-06-30",
        payMode: 12,
        localUnitId: "2234567818",
        retired: 0,
        risk: {
          lastWorkingDay: "2024-06-06",
          basisAmount: cents(240000),
          stable: 1,
          referencePeriod: { start: "2024-06-10", end: "2024-06-30", days: weekdays("2024-06-10", "2024-06-30", "1.3", 400, 4) },
        },
      },
    ],
  });

/** A cancellation (§1.2): envelope, ticket Reference, RiskIdentification, RiskDetail, one EmployerDeclaration without WorkerRecord. */
const cancellation = (): FormNode =>
  cancellationForm("ZIMA001", "88013014435", TICKET, contextAt("2024-04-10"), "2024-02", "001", {
    "00408": "2024-02-05",
    "00013": "20241",
  });

/** The valid forms the cases start from. */
export const ZIMA001_BASES: Readonly<Record<string, () => FormNode>> = {
  // "main": example 1-A, the incapacity the cases start from unless they name another.
  main: () => zima001Form(incapacity(), contextAt("2024-03-20")),
  birthLeave: () => zima001Form(birthLeave(), contextAt("2024-12-02")),
  partTimer: () => zima001Form(partTimer(), contextAt("2024-06-20")),
  modification: () => zima001Form(incapacity(), { ...contextAt("2024-04-10"), correction: { attestationStatus: 1, ticket: TICKET } }),
  cancellation,
};

/** A built form, loosely typed so that a test can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose on purpose: the test breaks forms the types would not allow
type Loose = { [label: string]: any };
const first = (value: Loose | Loose[]) => (Array.isArray(value) ? value[0] : value);
export const employer = (f: Loose) => f.EmployerDeclaration;
const person = (f: Loose) => employer(f).NaturalPerson;
const record = (f: Loose) => first(person(f).WorkerRecord);
const occupation = (f: Loose) => first(record(f).Occupation);
const riskDetail = (f: Loose) => occupation(f).RiskDetailOccupation;
const base = (f: Loose) => riskDetail(f).CalculationBaseAllowance;
const period = (f: Loose) => riskDetail(f).ReferencePeriod;
const days = (f: Loose): Loose[] => period(f).NatureOfDay;
const contact = (f: Loose) => f.CoordinatesContactPerson;
const ticket = (type: number, origin: number, nbr = TICKET) => ({ ReferenceType: type, ReferenceOrigin: origin, ReferenceNbr: nbr });

/** A way to break a valid form, and the anomaly the glossary would raise for it. */
export interface Zima001BreakCase {
  anomaly: string;
  what: string;
  base?: string;
  edit: (f: Loose) => void;
}

const ENVELOPE_CASES: readonly Zima001BreakCase[] = [
  { anomaly: "00110-008", what: "TypeForm FA on a modification", base: "modification", edit: (f) => (f.TypeForm = "FA") },
  { anomaly: "90257-001", what: "no contact person on the form", edit: (f) => delete f.CoordinatesContactPerson },
  { anomaly: "90257-134", what: "a contact person without any value", edit: (f) => (f.CoordinatesContactPerson = { Communication: {} }) },
  { anomaly: "90258-001", what: "the form's contact person without Communication", edit: (f) => delete contact(f).Communication },
  {
    anomaly: "00637-001",
    what: "the form's contact Communication without e-mail",
    edit: (f) => delete contact(f).Communication.EmailAddress,
  },
  { anomaly: "00637-003", what: "an e-mail address without @", edit: (f) => (contact(f).Communication.EmailAddress = "easr.agodi.be") },
  { anomaly: "90082-001", what: "a modification without its ticket Reference", base: "modification", edit: (f) => delete f.Reference },
  { anomaly: "90082-005", what: "a ticket Reference of type 3 on an original", edit: (f) => (f.Reference = [ticket(3, 2)]) },
  {
    anomaly: "90082-006",
    what: "two ticket References of type 3",
    base: "modification",
    edit: (f) => (f.Reference = [ticket(3, 2), ticket(3, 2, "340000JEDT00B")]),
  },
  { anomaly: "00298-008", what: "a Reference of type 1 with origin 2", edit: (f) => (f.Reference = [ticket(1, 2)]) },
  { anomaly: "00011-008", what: "NOSSRegistrationNbr 99999, below 100006", edit: (f) => (employer(f).NOSSRegistrationNbr = 99999) },
  // 1234567 x 100 mod 97 = 47, 96 - 47 = 49: 123456749 fits, 123456748 does not.
  {
    anomaly: "00011-004",
    what: "NOSSRegistrationNbr whose check digits do not fit",
    edit: (f) => (employer(f).NOSSRegistrationNbr = 123456748),
  },
  // 97 - (01234567 mod 97) = 97 - 48 = 49: 0123456749 fits, 0123456748 does not.
  { anomaly: "00014-004", what: "the employer's CompanyID with wrong check digits", edit: (f) => (employer(f).CompanyID = "0123456748") },
  {
    anomaly: "00014-004",
    what: "a prevention service's CompanyID with wrong check digits",
    edit: (f) => (first(f.PreventionService).CompanyID = "0412345615"),
  },
  { anomaly: "00024-003", what: "INSS with month part 13", edit: (f) => (person(f).INSS = "88133014435") },
  // 880130144 mod 97 = 62, 97 - 62 = 35: the example's 88013014435 fits, ...36 does not.
  { anomaly: "00024-004", what: "INSS whose check digits do not fit", edit: (f) => (person(f).INSS = "88013014436") },
  { anomaly: "00024-008", what: "INSS 0", edit: (f) => (person(f).INSS = "00000000000") },
  {
    anomaly: "00024-008",
    what: "maternity rest (002) for a man (odd counter 133)",
    base: "birthLeave",
    edit: (f) => (f.RiskIdentification.IdentificationOfRisk = "002"),
  },
  {
    anomaly: "00024-008",
    what: "converted maternity leave (005) for a woman (even counter 144)",
    edit: (f) => (f.RiskIdentification.IdentificationOfRisk = "005"),
  },
];

const RISK_CASES: readonly Zima001BreakCase[] = [
  { anomaly: "90064-001", what: "occupation data for a risk without RiskIdentification", edit: (f) => delete f.RiskIdentification },
  { anomaly: "90252-001", what: "a risk declaration without RiskDetail", edit: (f) => delete f.RiskDetail },
  {
    anomaly: "90016-005",
    what: "a cancellation with WorkRecovery",
    base: "cancellation",
    edit: (f) => (f.WorkRecovery = { WorkRecoveryDate: "2024-03-25" }),
  },
  {
    anomaly: "00128-008",
    what: "work resumed after the form was made",
    edit: (f) => (f.WorkRecovery = { WorkRecoveryDate: "2024-03-21" }),
  },
  {
    anomaly: "90564-005",
    what: "a cancellation with a PreventionService",
    base: "cancellation",
    edit: (f) => (f.PreventionService = [{ CompanyID: "0412345614", Denomination: "Externe Dienst A" }]),
  },
  {
    anomaly: "90564-005",
    what: "a PreventionService for a risk starting 2016-11-30, before 1 December 2016",
    edit: (f) => (f.RiskDetail.RiskStartingDate = "2016-11-30"),
  },
];

/** A second EmployerDeclaration, identical but for its quarter. */
const secondDeclaration = (f: Loose, quarter: number) => (f.EmployerDeclaration = [employer(f), { ...employer(f), Quarter: quarter }]);

const EMPLOYER_CASES: readonly Zima001BreakCase[] = [
  { anomaly: "90007-001", what: "no EmployerDeclaration", edit: (f) => delete f.EmployerDeclaration },
  {
    anomaly: "90007-005",
    what: "a cancellation with two EmployerDeclarations",
    base: "cancellation",
    edit: (f) => secondDeclaration(f, 20242),
  },
  { anomaly: "90007-006", what: "two EmployerDeclarations of quarter 20241", edit: (f) => secondDeclaration(f, 20241) },
  { anomaly: "90012-001", what: "an original without WorkerRecord", edit: (f) => delete person(f).WorkerRecord },
  {
    anomaly: "90012-005",
    what: "a cancellation with a WorkerRecord",
    base: "cancellation",
    edit: (f) => (person(f).WorkerRecord = [{ EmployerClass: "011", WorkerCode: "495" }]),
  },
  {
    anomaly: "90012-006",
    what: "the pair 011/495 in two WorkerRecords",
    edit: (f) => person(f).WorkerRecord.push(structuredClone(record(f))),
  },
  { anomaly: "00036-008", what: "EmployerClass 099 (a third payer)", edit: (f) => (record(f).EmployerClass = "099") },
  { anomaly: "00037-008", what: "WorkerCode 840 (a student)", edit: (f) => (record(f).WorkerCode = "840") },
  {
    anomaly: "00037-008",
    what: "WorkerCode 497 (a childminder) on birth leave (006)",
    base: "birthLeave",
    edit: (f) => (record(f).WorkerCode = "497"),
  },
  { anomaly: "00037-008", what: "WorkerCode 675 (a civil servant) without 876", edit: (f) => (record(f).WorkerCode = "675") },
  // Quarter 20242: the year of 00038 must be 2024.
  {
    anomaly: "00038-008",
    what: "NOSSQuarterStartingDate in 2023 for quarter 20242",
    base: "partTimer",
    edit: (f) => (record(f).NOSSQuarterStartingDate = "2023-04-01"),
  },
  {
    anomaly: "00038-034",
    what: "NOSSQuarterStartingDate 2 January in a first quarter",
    edit: (f) => (record(f).NOSSQuarterStartingDate = "2024-01-02"),
  },
  {
    anomaly: "00038-034",
    what: "NOSSQuarterStartingDate after the end of quarter 20242",
    base: "partTimer",
    edit: (f) => (record(f).NOSSQuarterStartingDate = "2024-07-01"),
  },
  {
    anomaly: "00039-008",
    what: "NOSSQuarterEndingDate in 2025 for quarter 20241",
    edit: (f) => (record(f).NOSSQuarterEndingDate = "2025-03-31"),
  },
  {
    anomaly: "00039-034",
    what: "NOSSQuarterEndingDate 30 December in a fourth quarter",
    base: "birthLeave",
    edit: (f) => (record(f).NOSSQuarterEndingDate = "2024-12-30"),
  },
  {
    anomaly: "00039-014",
    what: "NOSSQuarterEndingDate before NOSSQuarterStartingDate",
    base: "partTimer",
    edit: (f) => (record(f).NOSSQuarterEndingDate = "2024-03-31"),
  },
  { anomaly: "00042-146", what: "LocalUnitID on the WorkerRecord in 2024", edit: (f) => (record(f).LocalUnitID = "2123456791") },
  { anomaly: "90015-005", what: "an Occupation on a WorkerRecord 876", edit: (f) => (record(f).WorkerCode = "876") },
];

const OCCUPATION_CASES: readonly Zima001BreakCase[] = [
  {
    anomaly: "00043-006",
    what: "two occupations numbered 1 in one WorkerRecord",
    edit: (f) => (record(f).Occupation = [occupation(f), structuredClone(occupation(f))]),
  },
  // Quarter 20241: the start's year must be in [1924; 2024].
  { anomaly: "00044-008", what: "OccupationStartingDate in 1923", edit: (f) => (occupation(f).OccupationStartingDate = "1923-09-01") },
  { anomaly: "00044-008", what: "OccupationStartingDate in 2025", edit: (f) => (occupation(f).OccupationStartingDate = "2025-01-01") },
  // Quarter 20242: [2024-04-01; 2026-06-30].
  {
    anomaly: "00045-008",
    what: "OccupationEndingDate after the quarter's end + 2 years",
    base: "partTimer",
    edit: (f) => (occupation(f).OccupationEndingDate = "2026-07-01"),
  },
  {
    anomaly: "00045-008",
    what: "OccupationEndingDate before the quarter's start",
    base: "partTimer",
    edit: (f) => (occupation(f).OccupationEndingDate = "2024-03-31"),
  },
  {
    anomaly: "00045-014",
    what: "OccupationEndingDate before OccupationStartingDate",
    base: "partTimer",
    edit: (f) => (occupation(f).OccupationStartingDate = "2024-07-01"),
  },
  { anomaly: "00047-008", what: "WorkingDaysSystem 0 with MeanWorkingHours 38.00", edit: (f) => (occupation(f).WorkingDaysSystem = 0) },
  { anomaly: "00048-008", what: "MeanWorkingHours 0 with WorkingDaysSystem 5.00", edit: (f) => (occupation(f).MeanWorkingHours = 0) },
  { anomaly: "00048-008", what: "MeanWorkingHours 48.01", edit: (f) => (occupation(f).MeanWorkingHours = 4801) },
  { anomaly: "00049-008", what: "RefMeanWorkingHours 48.01", edit: (f) => (occupation(f).RefMeanWorkingHours = 4801) },
  { anomaly: "00060-008", what: "TenthOrTwelfth 11", edit: (f) => (occupation(f).TenthOrTwelfth = 11) },
  { anomaly: "00042-001", what: "an occupation without LocalUnitID in 2024", edit: (f) => delete occupation(f).LocalUnitID },
  // 97 - (21234567 mod 97) = 97 - 6 = 91: 2123456791 fits, 2123456792 does not.
  { anomaly: "00042-004", what: "LocalUnitID whose check digits do not fit", edit: (f) => (occupation(f).LocalUnitID = "2123456792") },
  {
    anomaly: "90006-001",
    what: "the occupation running on the risk's start without RiskDetailOccupation",
    edit: (f) => delete occupation(f).RiskDetailOccupation,
  },
];

const RISK_DETAIL_CASES: readonly Zima001BreakCase[] = [
  {
    anomaly: "00410-008",
    what: "birth leave (006) whose last working day is the risk's first day",
    base: "birthLeave",
    edit: (f) => (riskDetail(f).LastWorkingDayDate = "2024-10-07"),
  },
  {
    anomaly: "00191-001",
    what: "a monthly time unit without RemunerationBasisAmount",
    edit: (f) => delete base(f).RemunerationBasisAmount,
  },
  { anomaly: "00191-005", what: "RemunerationBasisAmount with the hour as time unit", edit: (f) => (base(f).RemunerationTimeUnit = 1) },
  { anomaly: "00192-001", what: "the hour as time unit without the hourly amount", edit: (f) => (base(f).RemunerationTimeUnit = 1) },
  {
    anomaly: "00192-005",
    what: "the hourly amount with the month as time unit",
    edit: (f) => (base(f).PieceTaskServicesCommissionRemunerationBasisAmount = 1700000),
  },
  {
    anomaly: "01160-001",
    what: "no StableOccupationIndicator for a risk from 2024",
    edit: (f) => delete base(f).StableOccupationIndicator,
  },
  {
    anomaly: "90077-005",
    what: "a ReferencePeriod with partial removal from work (004)",
    edit: (f) => (f.RiskIdentification.IdentificationOfRisk = "004"),
  },
  {
    anomaly: "00074-023",
    what: "incapacity (001): RefStartingDate the day before the risk",
    edit: (f) => (period(f).RefStartingDate = "2024-02-04"),
  },
  {
    anomaly: "00074-023",
    what: "birth leave (006): RefStartingDate the day after the risk",
    base: "birthLeave",
    edit: (f) => (period(f).RefStartingDate = "2024-10-08"),
  },
  { anomaly: "00075-014", what: "RefEndingDate before RefStartingDate", edit: (f) => (period(f).RefEndingDate = "2024-02-04") },
  {
    anomaly: "00075-008",
    what: "birth leave (006) ending 2024-11-22, the form made 2024-11-21",
    base: "birthLeave",
    edit: (f) => (f.FormCreationDate = "2024-11-21"),
  },
  {
    anomaly: "90074-090",
    what: "a 21st day of birth leave (006) for a risk from 2024",
    base: "birthLeave",
    edit: (f) => days(f).push({ DayIndicator: "--11-25", DayNatureCode: "6.10" }),
  },
  {
    anomaly: "90074-090",
    what: "a 16th day of birth leave (006) for a risk starting in 2022",
    base: "birthLeave",
    edit: (f) => {
      f.RiskDetail.RiskStartingDate = "2022-10-07";
      days(f).splice(16);
    },
  },
  { anomaly: "00178-097", what: "a day after RefEndingDate 2024-03-05", edit: (f) => (days(f)[21].DayIndicator = "--03-06") },
  { anomaly: "00178-097", what: "a day before RefStartingDate 2024-02-05", edit: (f) => (days(f)[0].DayIndicator = "--02-02") },
  {
    anomaly: "00178-008",
    what: "adoption leave (007) with a day on RefEndingDate",
    base: "birthLeave",
    edit: (f) => (f.RiskIdentification.IdentificationOfRisk = "007"),
  },
  { anomaly: "00178-006", what: "the same day twice", edit: (f) => days(f).push(structuredClone(days(f)[0])) },
  { anomaly: "00179-008", what: "code 6.10 on incapacity (001)", edit: (f) => (days(f)[0].DayNatureCode = "6.10") },
  { anomaly: "00179-008", what: "code 2.6 on birth leave (006)", base: "birthLeave", edit: (f) => (days(f)[0].DayNatureCode = "2.6") },
  {
    anomaly: "00179-008",
    what: "code 1.3 on maternity rest (002): only incapacity has 1.1 and 1.3",
    base: "partTimer",
    edit: (f) => (f.RiskIdentification.IdentificationOfRisk = "002"),
  },
  {
    anomaly: "00180-008",
    what: "8.00 + 8.00 hours on 2024-06-10 in two occupations",
    base: "partTimer",
    edit: (f) => {
      const second = structuredClone(occupation(f));
      second.OccupationSequenceNbr = 2;
      record(f).Occupation = [occupation(f), second];
      for (const o of record(f).Occupation) o.RiskDetailOccupation.ReferencePeriod.NatureOfDay[0].HoursNumber = 800;
    },
  },
  { anomaly: "00180-008", what: "HoursNumber 0", base: "partTimer", edit: (f) => (days(f)[0].HoursNumber = 0) },
  {
    anomaly: "00385-008",
    what: "ServiceEndingDate the day before the risk",
    base: "partTimer",
    edit: (f) => (person(f).ServiceData.ServiceEndingDate = "2024-06-09"),
  },
  {
    anomaly: "90279-005",
    what: "a cancellation with ServiceData",
    base: "cancellation",
    edit: (f) => (person(f).ServiceData = { ServiceEndingDate: "2024-06-30" }),
  },
];

/** Every way to break a row of ZIMA001's table, the base each starts from ("main" when none is named). */
export const ZIMA001_CASES: readonly Zima001BreakCase[] = [
  ...ENVELOPE_CASES,
  ...RISK_CASES,
  ...EMPLOYER_CASES,
  ...OCCUPATION_CASES,
  ...RISK_DETAIL_CASES,
];
