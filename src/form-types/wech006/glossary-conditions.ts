/**
 * WECH006 (monthly declaration of part-time work, glossary FBONEM2 / Zones_ONEM2 2023/3): the conditions
 * of its glossary that schemas/WECH006_20233.xsd cannot express. The reference month is the month of
 * RefStartingDate; "the current month" is the month of the form's own FormCreationDate.
 */
import { addDays, type CalendarDate } from "../../domain/calendar-date";
import { firstDayOf, lastDayOf, monthOf, type YearMonth } from "../../domain/year-month";
import type { FormNode } from "../../forms/form-envelope";
import { OCCUPATION_ROWS, envelopeRows, presenceRow, workerCodeAllowed } from "../../forms/glossary-conditions/common-conditions";
import {
  collect,
  creationDateOf,
  date,
  has,
  hours,
  int,
  node,
  nodes,
  perForm,
  text,
  workerRecords,
} from "../../forms/glossary-conditions/form-reading";
import {
  type PeriodView,
  dayCodes,
  dayInOccupation,
  dayInReferenceMonth,
  dayInReferencePeriod,
  hoursPerDay,
  twoCodesPerDay,
  zeroHoursOnlyFor,
} from "../../forms/glossary-conditions/nature-of-day";
import type { GlossaryCondition } from "../../forms/glossary-conditions/types";
import { WECH_EXCLUDED_WORDS, WECH_EXCLUDED_WORKER_CODES } from "../wech003/glossary-conditions";

/** One occupation of a WECH006 form with the values most rows need. */
interface Occupation {
  readonly record: FormNode;
  readonly link: FormNode;
  readonly monthly: FormNode | null;
  readonly period: FormNode | null;
  /** YYYY-MM of RefStartingDate, null when it is no date. */
  readonly month: YearMonth | null;
  readonly interruption: number | null;
  readonly schedule: string | null;
  readonly q: number | null;
  readonly s: number | null;
}

const occupations: (form: FormNode) => Occupation[] = perForm((form) =>
  workerRecords(form).flatMap((record) =>
    nodes(record, "OccupationLink").map((link) => {
      const features = node(link, "OccupationFeatures");
      const monthly = node(link, "MonthlyDeclarationPartTimeWork");
      const period = node(monthly, "ReferencePeriod");
      const start = date(period, "RefStartingDate");
      return {
        record,
        link,
        monthly,
        period,
        month: start === null ? null : monthOf(start),
        interruption: int(features, "OccupationInterruption"),
        schedule: text(features, "WorkScheduleCode"),
        q: int(link, "MeanWorkingHours"),
        s: int(link, "RefMeanWorkingHours"),
      };
    }),
  ),
);

function eachOccupation(form: FormNode, check: (o: Occupation) => string | null): string | null {
  return collect(occupations(form), check);
}

const periodsOf: (form: FormNode) => PeriodView[] = perForm((form) =>
  occupations(form).flatMap((o) => (o.period === null ? [] : [{ link: o.link, period: o.period }])),
);

const interrupted = (o: Occupation, codes: readonly number[]) => o.interruption !== null && codes.includes(o.interruption);
const after2015 = (o: Occupation) => o.month !== null && o.month >= "2016-01";
const partTime = (o: Occupation) => o.q !== null && o.s !== null && o.q < o.s;
const TEACHER = "98";

/** A reference date (00074 / 00075): year in [2003; 2099], month not after the month of FormCreationDate. */
function referenceDateProblem(label: string, day: CalendarDate, created: CalendarDate | null): string | null {
  const year = Number(day.slice(0, 4));
  if (year < 2003 || year > 2099) return `${label} ${day}: year outside [2003; 2099]`;
  return created !== null && monthOf(day) > monthOf(created) ? `${label} ${day} is in a month after FormCreationDate ${created}` : null;
}

const REF_START: GlossaryCondition = {
  zone: "00074",
  anomaly: "00074-008",
  condition:
    'RefStartingDate "is verplicht gelijk aan de eerste kalenderdag van de maand"; year in [2003; 2099]; "MM is ofwel de lopende maand ofwel één van de maanden voorafgaand"',
  check: (form) =>
    eachOccupation(form, ({ period }) => {
      const start = date(period, "RefStartingDate");
      if (start === null) return null;
      return start.endsWith("-01")
        ? referenceDateProblem("RefStartingDate", start, creationDateOf(form))
        : `RefStartingDate ${start} is not the first day of a month`;
    }),
};

const REF_END: GlossaryCondition = {
  zone: "00075",
  anomaly: "00075-008",
  condition: "RefEndingDate is the last calendar day of its month; year in [2003; 2099]; not in a month after the current one",
  check: (form) =>
    eachOccupation(form, ({ period }) => {
      const end = date(period, "RefEndingDate");
      if (end === null) return null;
      return end === lastDayOf(monthOf(end))
        ? referenceDateProblem("RefEndingDate", end, creationDateOf(form))
        : `RefEndingDate ${end} is not the last day of a month`;
    }),
};

const REF_END_SAME_MONTH: GlossaryCondition = {
  zone: "00075",
  anomaly: "00075-098",
  condition: 'RefEndingDate is in "de maand die is opgegeven in de begindatum van de referteperiode"',
  check: (form) =>
    eachOccupation(form, ({ period, month }) => {
      const end = date(period, "RefEndingDate");
      return end !== null && month !== null && monthOf(end) !== month
        ? `RefEndingDate ${end} is not in the month of RefStartingDate (${month})`
        : null;
    }),
};

const START_NOT_AFTER_MONTH: GlossaryCondition = {
  zone: "00044",
  anomaly: "00044-008",
  condition: 'OccupationStartingDate "mag niet gelegen zijn ná de refertemaand"',
  check: (form) =>
    eachOccupation(form, ({ link, month }) => {
      const start = date(link, "OccupationStartingDate");
      return start !== null && month !== null && start > lastDayOf(month)
        ? `OccupationStartingDate ${start} after the reference month ${month}`
        : null;
    }),
};

/** 00044 / 00045 "in de refertemaand" when 00769 is 3 or 4, or after 2015 with Q < S. */
const datesInMonth = (o: Occupation) => interrupted(o, [3, 4]) || (after2015(o) && partTime(o));

function outsideMonth(label: string, day: CalendarDate | null, month: YearMonth | null): string | null {
  if (day === null || month === null) return null;
  return monthOf(day) !== month ? `${label} ${day} outside the reference month ${month}` : null;
}

const START_IN_MONTH: GlossaryCondition = {
  zone: "00044",
  anomaly: "00044-097",
  condition:
    'OccupationStartingDate: "Indien de code Onderbreking van de tewerkstelling (zone 00769) 3 of 4 is of wanneer de refertemaand na 2015 ligt en Q < S, dan moet de begindatum in de refertemaand liggen"',
  check: (form) =>
    eachOccupation(form, (o) =>
      datesInMonth(o) ? outsideMonth("OccupationStartingDate", date(o.link, "OccupationStartingDate"), o.month) : null,
    ),
};

const END_REQUIRED: GlossaryCondition = {
  zone: "00045",
  anomaly: "00045-001",
  condition:
    'OccupationEndingDate is "Verplicht indien ... (zone 00769) 3 of 4 is" and "Verplicht indien de refertemaand na 2015 ligt en Q < S"',
  check: (form) =>
    eachOccupation(form, (o) =>
      datesInMonth(o) && !has(o.link, "OccupationEndingDate")
        ? `no OccupationEndingDate with OccupationInterruption ${o.interruption}, Q ${o.q}, S ${o.s}, month ${o.month}`
        : null,
    ),
};

const END_IN_MONTH: GlossaryCondition = {
  zone: "00045",
  anomaly: "00045-097",
  condition:
    'OccupationEndingDate: "INDIEN de refertemaand na 2015 ligt moet de datum in de refertemaand liggen" (also with 00769 = 3 or 4)',
  check: (form) =>
    eachOccupation(form, (o) =>
      after2015(o) || interrupted(o, [3, 4]) ? outsideMonth("OccupationEndingDate", date(o.link, "OccupationEndingDate"), o.month) : null,
    ),
};

const Q_NOT_ABOVE_S: GlossaryCondition = {
  zone: "00048",
  anomaly: "00048-008",
  condition:
    'Q <= S "behalve wanneer de code Onderbreking van de tewerkstelling (zone 00769) gelijk is aan 3, 4 of 5" (the garbled "moet Q  S" for 00769 = 4 is not checked)',
  check: (form) =>
    eachOccupation(form, (o) =>
      o.q !== null && o.s !== null && o.q > o.s && !interrupted(o, [3, 4, 5])
        ? `MeanWorkingHours ${hours(o.q)} > RefMeanWorkingHours ${hours(o.s)} with OccupationInterruption ${o.interruption}`
        : null,
    ),
};

const Q_NOT_ZERO_WHEN_INTERRUPTED: GlossaryCondition = {
  zone: "00048",
  anomaly: "00048-008",
  condition: '"Wanneer de code Onderbreking van de tewerkstelling (zone 00769) gelijk is aan 3, 4 of 5, mag Q niet 0 zijn"',
  check: (form) =>
    eachOccupation(form, (o) =>
      o.q === 0 && interrupted(o, [3, 4, 5]) ? `MeanWorkingHours 0 with OccupationInterruption ${o.interruption}` : null,
    ),
};

const FULL_TIME_NOT_WHOLE_MONTH: GlossaryCondition = {
  zone: "00048",
  anomaly: "00048-008",
  condition:
    '"Een voltijdse tewerkstelling (Q/S = 1) in dit scenario kan niet de volledige refertemaand in beslag nemen, behalve wanneer ... (zone 00769) 3, 4 of 5 is": with Q = S the occupation starts after the first or ends before the last day of the month',
  check: (form) =>
    eachOccupation(form, (o) => {
      if (o.q === null || o.q !== o.s || o.month === null || interrupted(o, [3, 4, 5])) return null;
      const [start, end] = [date(o.link, "OccupationStartingDate"), date(o.link, "OccupationEndingDate")];
      const whole = start !== null && start <= firstDayOf(o.month) && (end === null || end >= lastDayOf(o.month));
      return whole
        ? `Q = S = ${hours(o.q)} over the whole reference month ${o.month} (OccupationStartingDate ${start}, OccupationEndingDate ${end ?? "none"})`
        : null;
    }),
};

const DAYS_REQUIRED: GlossaryCondition = {
  zone: "00047",
  anomaly: "00047-001",
  condition:
    'WorkingDaysSystem is "Verplicht indien de refertemaand na 2015 ligt en ... (zone 00769) verschilt van 3 en 5" and "Verplicht indien ... leerkracht (code werkschema (zone 01095) = 98)"',
  check: (form) =>
    eachOccupation(form, (o) => {
      const required = (after2015(o) && o.interruption !== null && !interrupted(o, [3, 5])) || o.schedule === TEACHER;
      return required && !has(o.link, "WorkingDaysSystem")
        ? `no WorkingDaysSystem (month ${o.month}, OccupationInterruption ${o.interruption}, WorkScheduleCode ${o.schedule})`
        : null;
    }),
};

const TEACHER_DAYS: GlossaryCondition = {
  zone: "00047",
  anomaly: "00047-008",
  condition: 'WorkingDaysSystem is "0 of 500 indien tewerkstelling als leerkracht (= code werkschema = 98)"',
  check: (form) =>
    eachOccupation(form, (o) => {
      const days = int(o.link, "WorkingDaysSystem");
      return o.schedule === TEACHER && days !== null && days !== 0 && days !== 500
        ? `WorkingDaysSystem ${days} with WorkScheduleCode 98`
        : null;
    }),
};

/**
 * A block or zone that is "VERPLICHT INDIEN <x>. VERBODEN in alle andere gevallen": `rule` says, per
 * occupation, whether it is required (true), forbidden (false) or neither (null); the row for -001
 * checks the required case, the row for -005 the forbidden one.
 */
function requiredWhen(
  anomaly: string,
  label: string,
  words: string,
  where: (o: Occupation) => FormNode | null,
  rule: (o: Occupation) => boolean | null,
): GlossaryCondition {
  const texts = {
    required: `${label} is ${words}: present where it is required`,
    forbidden: `${label} is ${words}: absent where it is forbidden`,
  };
  return presenceRow(anomaly, texts, (required, form) =>
    eachOccupation(form, (o) => {
      const parent = where(o);
      if (rule(o) !== required || parent === null || has(parent, label) === required) return null;
      return `${label} ${required ? "missing" : "present"} (reference month ${o.month}, WorkScheduleCode ${o.schedule})`;
    }),
  );
}

const monthKnown = (o: Occupation, test: (month: YearMonth) => boolean) => (o.month === null ? null : test(o.month));
const FEATURES_WORDS = '"VERPLICHT INDIEN de refertemaand na 2015 ligt. VERBODEN in alle andere gevallen"';
const Q_SUPPRESSED_WORDS = '"Verplicht indien de refertemaand vóór 2016 ligt. VERBODEN in alle andere gevallen"';
const WORK_GRID_WORDS =
  '"VERPLICHT INDIEN de refertemaand vóór 2016 ligt en onderdrukking van de factor Q (zone 01034) niet gelijk aan 1 is. VERBODEN in alle andere gevallen"';
const featuresRule = (o: Occupation) => monthKnown(o, (m) => m >= "2016-01");
const qSuppressedRule = (o: Occupation) => monthKnown(o, (m) => m < "2016-01");
const workGridRule = (o: Occupation) => monthKnown(o, (m) => m < "2016-01" && int(o.monthly, "QSuppressed") !== 1);

const SCHEDULE_FITS_INTERRUPTION: GlossaryCondition = {
  zone: "01095",
  anomaly: "01095-491",
  condition:
    'WorkScheduleCode "moet 99 zijn wanneer ... (zone 00769) 3 of 5 is, behalve wanneer het een tewerkstelling als leerkracht betreft" (98); "01, 02, 03 en 04 zijn enkel toegelaten voor ... 00769 = 4"',
  check: (form) =>
    eachOccupation(form, (o) => {
      if (o.schedule === null || o.interruption === null) return null;
      if (["01", "02", "03", "04"].includes(o.schedule) && o.interruption !== 4)
        return `WorkScheduleCode ${o.schedule} with OccupationInterruption ${o.interruption}`;
      return interrupted(o, [3, 5]) && o.schedule !== "99" && o.schedule !== TEACHER
        ? `WorkScheduleCode ${o.schedule} with OccupationInterruption ${o.interruption} (99 or 98 needed)`
        : null;
    }),
};

const REFUSED_REQUIRED: GlossaryCondition = {
  zone: "01230",
  anomaly: "01230-001",
  condition: 'OccupationRefused is "Verplicht indien de begindatum van de referteperiode na 31/03/2020 ligt"',
  check: (form) =>
    eachOccupation(form, ({ monthly, period }) => {
      const start = date(period, "RefStartingDate");
      return start !== null && start > "2020-03-31" && monthly !== null && !has(monthly, "OccupationRefused")
        ? `no OccupationRefused with RefStartingDate ${start}`
        : null;
    }),
};

const HOLIDAY_CODES = ["3.1", "3.2", "3.3", "3.4"];

const HOLIDAYS_SECTOR_REQUIRED: GlossaryCondition = {
  zone: "90083",
  anomaly: "90083-001",
  condition:
    'HolidaysSector is "Verplicht indien ... de codes aard van de dag 3.1 of 3.2 of 3.3 of 3.4 in het rooster aard van de dag voorkomen" (not for teachers, schedule 98, where it is forbidden)',
  check: (form) =>
    eachOccupation(form, (o) => {
      if (o.schedule === TEACHER || o.monthly === null || o.period === null) return null;
      const holiday = dayCodes(() => [{ link: o.link, period: o.period as FormNode }], form).find((d) => HOLIDAY_CODES.includes(d.code));
      return holiday && !has(o.monthly, "HolidaysSector")
        ? `day code ${holiday.code} on ${holiday.indicator} without HolidaysSector`
        : null;
    }),
};

const HOLIDAYS_SECTOR_NOT_FOR_TEACHERS = requiredWhen(
  "90083-005",
  "HolidaysSector",
  '"VERBODEN indien tewerkstelling als leerkracht (de code werkschema (zone 01095) = 98)"',
  (o) => o.monthly,
  (o) => (o.schedule === TEACHER ? false : null),
);

const PUBLIC_SECTOR_FOR_675: GlossaryCondition = {
  zone: "00194",
  anomaly: "00194-030",
  condition: 'HolidaySectorIndicator: "Indien het werknemerskengetal (zone 00037) gelijk is aan 675, wordt alleen de waarde 2 toegelaten"',
  check: (form) =>
    eachOccupation(form, ({ record, monthly }) => {
      const sector = int(node(monthly, "HolidaysSector"), "HolidaySectorIndicator");
      return text(record, "WorkerCode") === "675" && sector !== null && sector !== 2
        ? `HolidaySectorIndicator ${sector} with WorkerCode 675`
        : null;
    }),
};

/** 00098 / 00099 with the teachers' rule: 00098 "Verplicht indien ... 00099 niet aanwezig is of indien tewerkstelling als leerkracht"; 00099 forbidden for teachers. */
function theoreticalSalaryRow(anomaly: "00098-001" | "00099-001" | "00099-005"): GlossaryCondition {
  return {
    zone: anomaly.slice(0, 5),
    anomaly,
    condition: {
      "00098-001":
        "MonthlyTheoreticalSalaryAmount is present when HourlyTheoreticalSalaryAmount is absent, and always for a teacher (WorkScheduleCode 98)",
      "00099-001":
        "HourlyTheoreticalSalaryAmount is present when MonthlyTheoreticalSalaryAmount is absent (not for a teacher, who needs 00098)",
      "00099-005":
        'HourlyTheoreticalSalaryAmount is "Verboden indien tewerkstelling als leerkracht (code werkschema (zone 01095) = 98) of indien de zone 00098 aanwezig is"',
    }[anomaly],
    check: (form) =>
      eachOccupation(form, (o) => {
        const salary = node(o.monthly, "TheoreticalSalary");
        if (salary === null) return null;
        const [monthly, hourly, teacher] = [
          has(salary, "MonthlyTheoreticalSalaryAmount"),
          has(salary, "HourlyTheoreticalSalaryAmount"),
          o.schedule === TEACHER,
        ];
        if (anomaly === "00098-001")
          return !monthly && (!hourly || teacher) ? `no MonthlyTheoreticalSalaryAmount (WorkScheduleCode ${o.schedule})` : null;
        if (anomaly === "00099-001")
          return !monthly && !hourly && !teacher ? "neither MonthlyTheoreticalSalaryAmount nor HourlyTheoreticalSalaryAmount" : null;
        return hourly && (monthly || teacher)
          ? `HourlyTheoreticalSalaryAmount with ${monthly ? "MonthlyTheoreticalSalaryAmount" : "WorkScheduleCode 98"}`
          : null;
      }),
  };
}

/** Runs of consecutive days of code 8 longer than 14 (the limit does not apply to schedules 13 and 98). */
function longEmptyOccupation(days: readonly CalendarDate[]): string | null {
  const sorted = [...days].sort();
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = addDays(sorted[i - 1], 1) === sorted[i] ? run + 1 : 1;
    if (run > 14) return `code 8 on more than 14 consecutive days (up to ${sorted[i]})`;
  }
  return null;
}

const DAY_CODE_RULES: GlossaryCondition = {
  zone: "00179",
  anomaly: "00179-008",
  condition:
    'DayNatureCode: "De code 1.1 is niet toegelaten voor dit scenario"; with code 8 (an empty occupation) "mogen geen andere codes aard van de dag in de aangifte voorkomen", and code 8 covers at most 14 consecutive days unless WorkScheduleCode is 13 or 98 (that a code is in annex 13 is the institution\'s check)',
  check: (form) => {
    const days = dayCodes(periodsOf, form);
    const forbidden = days.find((d) => d.code === "1.1");
    if (forbidden) return `DayNatureCode 1.1 on ${forbidden.indicator}`;
    const empty = days.filter((d) => d.code === "8");
    if (empty.length === 0) return null;
    const other = days.find((d) => d.code !== "8");
    if (other) return `code 8 together with code ${other.code}`;
    const schedules = occupations(form).map((o) => o.schedule);
    return schedules.some((s) => s === "13" || s === TEACHER)
      ? null
      : longEmptyOccupation(empty.flatMap((d) => (d.day === null ? [] : [d.day])));
  },
};

/** Annex 13 codes of incapacity for work (arbeidsongeschiktheid) and code 8, usual inactivity days. */
export const INCAPACITY_OR_INACTIVITY_CODES = [
  "1.3",
  "2.1",
  "2.4",
  "2.5",
  "2.6",
  "2.7",
  "2.8",
  "2.9",
  "6.1",
  "6.2",
  "6.21",
  "6.5",
  "6.6",
  "6.7",
  "6.8",
  "6.9",
  "8",
] as const;

export const WECH006_CONDITIONS: readonly GlossaryCondition[] = [
  ...envelopeRows("WECH"),
  workerCodeAllowed(WECH_EXCLUDED_WORKER_CODES, WECH_EXCLUDED_WORDS),
  START_NOT_AFTER_MONTH,
  START_IN_MONTH,
  END_REQUIRED,
  END_IN_MONTH,
  ...OCCUPATION_ROWS,
  DAYS_REQUIRED,
  TEACHER_DAYS,
  Q_NOT_ABOVE_S,
  Q_NOT_ZERO_WHEN_INTERRUPTED,
  FULL_TIME_NOT_WHOLE_MONTH,
  requiredWhen("90404-001", "OccupationFeatures", FEATURES_WORDS, (o) => o.link, featuresRule),
  requiredWhen("90404-005", "OccupationFeatures", FEATURES_WORDS, (o) => o.link, featuresRule),
  SCHEDULE_FITS_INTERRUPTION,
  requiredWhen("01034-001", "QSuppressed", Q_SUPPRESSED_WORDS, (o) => o.monthly, qSuppressedRule),
  requiredWhen("01034-005", "QSuppressed", Q_SUPPRESSED_WORDS, (o) => o.monthly, qSuppressedRule),
  REFUSED_REQUIRED,
  theoreticalSalaryRow("00098-001"),
  theoreticalSalaryRow("00099-001"),
  theoreticalSalaryRow("00099-005"),
  requiredWhen("90060-001", "WorkGrid", WORK_GRID_WORDS, (o) => o.monthly, workGridRule),
  requiredWhen("90060-005", "WorkGrid", WORK_GRID_WORDS, (o) => o.monthly, workGridRule),
  HOLIDAYS_SECTOR_REQUIRED,
  HOLIDAYS_SECTOR_NOT_FOR_TEACHERS,
  PUBLIC_SECTOR_FOR_675,
  REF_START,
  REF_END,
  REF_END_SAME_MONTH,
  dayInReferenceMonth(periodsOf),
  dayInReferencePeriod(periodsOf),
  dayInOccupation(periodsOf),
  twoCodesPerDay(periodsOf, "90074", "90074-006"),
  DAY_CODE_RULES,
  zeroHoursOnlyFor(
    periodsOf,
    2400,
    INCAPACITY_OR_INACTIVITY_CODES,
    'for "een periode van arbeidsongeschiktheid of voor gewone inactiviteitsdagen" (annex 13)',
  ),
  hoursPerDay(periodsOf, 2400, '"In dit scenario kunnen maximaal 24 uren worden opgegeven"'),
];
