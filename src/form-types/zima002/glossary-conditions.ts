/**
 * ZIMA002 (monthly declaration of adapted work, glossary FBAMI2 / Zones_AMI2 2023/3): the conditions of
 * its glossary that the official schemas/official/ZIMA002_20231.xsd cannot express. Sub-risk 001 is
 * adapted work during incapacity (Service blocks), 002 under maternity protection (day natures and pay).
 */
import { addDays } from "../../domain/calendar-date";
import type { FormNode } from "../../forms/form-envelope";
import { OCCUPATION_ROWS, envelopeRows, presenceRow, workerCodeAllowed } from "../../forms/glossary-conditions/common-conditions";
import {
  collect,
  creationDateOf,
  date,
  has,
  int,
  node,
  nodes,
  occupationLinks,
  quarterEndOf,
  quarterStartOf,
  riskOf,
  text,
} from "../../forms/glossary-conditions/form-reading";
import {
  type PeriodView,
  dayCodes,
  dayInReferenceMonth,
  dayInReferencePeriod,
  benefitsPeriodsOf,
  hoursPerDay,
  oneMonthForAll,
  refEndInStartMonth,
  twoCodesPerDay,
  zeroHoursOnlyFor,
} from "../../forms/glossary-conditions/nature-of-day";
import type { GlossaryCondition } from "../../forms/glossary-conditions/types";

const periodsOf = benefitsPeriodsOf;

function eachPeriod(form: FormNode, check: (view: PeriodView) => string | null): string | null {
  return collect(periodsOf(form), check);
}

/** A block of the reference period that one sub-risk forbids or requires. */
function blockByRisk(anomaly: string, label: string, risk: "001" | "002", words: string): GlossaryCondition {
  return presenceRow(anomaly, { required: `${label} is ${words}`, forbidden: `${label} is ${words}` }, (required, form) => {
    if (riskOf(form) !== risk) return null;
    return eachPeriod(form, ({ period }) =>
      has(period, label) === required
        ? null
        : `${label} ${required ? "missing" : "present"} with IdentificationOfRisk ${risk} (period ${text(period, "RefStartingDate")})`,
    );
  });
}

/** A code that occurs twice among the given blocks of one occupation or period. */
function repeated(blocks: readonly FormNode[], label: string): string | null {
  const values = blocks.map((b) => text(b, label));
  const twice = values.find((v, i) => v !== null && values.indexOf(v) !== i);
  return twice === undefined ? null : `${label} ${twice} twice`;
}

function uniqueInPeriod(anomaly: string, block: string, label: string, words: string): GlossaryCondition {
  return {
    zone: anomaly.slice(0, 5),
    anomaly,
    condition: words,
    check: (form) => eachPeriod(form, ({ period }) => repeated(nodes(period, block), label)),
  };
}

const ZERO_PAY_ONLY_WITH_001: GlossaryCondition = {
  zone: "00124",
  anomaly: "00124-008",
  condition: 'ExactSalaryAmount: "De waarde 0 is alleen toegelaten in combinatie met een code exact loon 001"',
  check: (form) =>
    eachPeriod(form, ({ period }) =>
      collect(nodes(period, "ExactSalary"), (line) => {
        const code = text(line, "ExactSalaryCode");
        return int(line, "ExactSalaryAmount") === 0 && Number(code) !== 1 ? `ExactSalaryAmount 0 with ExactSalaryCode ${code}` : null;
      }),
    ),
};

/** Zone 00122 for an employer other than a provincial or local authority (the ministry, D1). */
export const ZIMA002_WAGE_CODES = [
  "001",
  "004",
  "005",
  "006",
  "012",
  "013",
  "022",
  "029",
  "030",
  "031",
  "042",
  "043",
  "044",
  "051",
  "061",
  "065",
  "066",
  "067",
] as const;

const WAGE_CODE_ALLOWED: GlossaryCondition = {
  zone: "00122",
  anomaly: "00122-008",
  condition: `ExactSalaryCode is one of the values allowed "voor een werkgever anders dan een provinciaal of plaatselijk bestuur": ${ZIMA002_WAGE_CODES.join(", ")}`,
  check: (form) =>
    eachPeriod(form, ({ period }) =>
      collect(nodes(period, "ExactSalary"), (line) => {
        const code = text(line, "ExactSalaryCode");
        return code !== null && !ZIMA002_WAGE_CODES.some((c) => Number(c) === Number(code))
          ? `ExactSalaryCode ${code} is not allowed`
          : null;
      }),
    ),
};

const DAY_CODE_ALLOWED: GlossaryCondition = {
  zone: "00179",
  anomaly: "00179-008",
  condition: 'DayNatureCode: "De toegelaten waarden zijn: 3.1, 3.2, 3.3, 3.4, 5.1, ..., 5.11, 6.1 en 6.21"',
  check: (form) => {
    const allowed = ["3.1", "3.2", "3.3", "3.4", ...Array.from({ length: 11 }, (_, i) => `5.${i + 1}`), "6.1", "6.21"];
    return collect(dayCodes(periodsOf, form), (d) =>
      allowed.includes(d.code) ? null : `DayNatureCode ${d.code} on ${d.indicator} is not allowed`,
    );
  },
};

const START_YEAR_IN_RANGE: GlossaryCondition = {
  zone: "00044",
  anomaly: "00044-008",
  condition:
    'OccupationStartingDate: "het jaar een element van [jaar van de aangifte - 100 ; jaar van de aangifte]", the year of the declaration being the year of its reference period',
  check: (form) =>
    eachPeriod(form, ({ link, period }) => {
      const [start, reference] = [date(link, "OccupationStartingDate"), date(period, "RefStartingDate")];
      if (start === null || reference === null) return null;
      const [year, last] = [Number(start.slice(0, 4)), Number(reference.slice(0, 4))];
      return year > last || year < last - 100 ? `OccupationStartingDate ${start} outside [${last - 100}; ${last}]` : null;
    }),
};

const END_IN_QUARTER: GlossaryCondition = {
  zone: "00045",
  anomaly: "00045-008",
  condition:
    'OccupationEndingDate "moet gelegen zijn tussen de begin- en einddata van het socialezekerheidskwartaal" (the quarter of the reference period; no severance periods as occupations in this form)',
  check: (form) =>
    eachPeriod(form, ({ link, period }) => {
      const [end, start] = [date(link, "OccupationEndingDate"), date(period, "RefStartingDate")];
      if (end === null || start === null) return null;
      return end < quarterStartOf(start) || end > quarterEndOf(start)
        ? `OccupationEndingDate ${end} outside the quarter of RefStartingDate ${start}`
        : null;
    }),
};

const REF_START_IN_RANGE: GlossaryCondition = {
  zone: "00074",
  anomaly: "00074-008",
  condition:
    'RefStartingDate is not after FormCreationDate, not before OccupationStartingDate, and from 2018-07-01 for IdentificationOfRisk 001, from 2018-01-01 for 002 (the "productiedatum" is not given and not checked)',
  check: (form) => {
    const [created, risk] = [creationDateOf(form), riskOf(form)];
    const first = risk === "001" ? "2018-07-01" : risk === "002" ? "2018-01-01" : null;
    return eachPeriod(form, ({ link, period }) => {
      const [start, occupationStart] = [date(period, "RefStartingDate"), date(link, "OccupationStartingDate")];
      if (start === null) return null;
      if (created !== null && start > created) return `RefStartingDate ${start} after FormCreationDate ${created}`;
      if (occupationStart !== null && start < occupationStart)
        return `RefStartingDate ${start} before OccupationStartingDate ${occupationStart}`;
      return first !== null && start < first ? `RefStartingDate ${start} before ${first} (IdentificationOfRisk ${risk})` : null;
    });
  },
};

const REF_END_NOT_LATE: GlossaryCondition = {
  zone: "00075",
  anomaly: "00075-008",
  condition: 'RefEndingDate "mag maximum 5 dagen na de datum van creatie van het formulier gelegen zijn"',
  check: (form) => {
    const created = creationDateOf(form);
    if (created === null) return null;
    return eachPeriod(form, ({ period }) => {
      const end = date(period, "RefEndingDate");
      return end !== null && end > addDays(created, 5) ? `RefEndingDate ${end} more than 5 days after FormCreationDate ${created}` : null;
    });
  },
};

const REF_END_NOT_BEFORE_START: GlossaryCondition = {
  zone: "00075",
  anomaly: "00075-014",
  condition: 'RefEndingDate "valt samen met of ligt ná de datum waarop de referteperiode begint"',
  check: (form) =>
    eachPeriod(form, ({ period }) => {
      const [start, end] = [date(period, "RefStartingDate"), date(period, "RefEndingDate")];
      return start !== null && end !== null && end < start ? `RefEndingDate ${end} before RefStartingDate ${start}` : null;
    }),
};

const PERIODS_DO_NOT_OVERLAP: GlossaryCondition = {
  zone: "90068",
  anomaly: "90068-006",
  condition: "The OccupationLinks of one worker record are not the same case twice: their reference periods do not overlap",
  check: (form) => {
    const spans = periodsOf(form).map(({ period }) => ({
      start: text(period, "RefStartingDate") ?? "",
      end: text(period, "RefEndingDate") ?? "",
    }));
    const clash = spans.find((a, i) => spans.some((b, j) => j > i && a.start <= b.end && b.start <= a.end));
    return clash ? `two OccupationLinks overlap on the reference period ${clash.start} - ${clash.end}` : null;
  },
};

const SEVERANCE_NEEDS_END: GlossaryCondition = {
  zone: "90524",
  anomaly: "90524-005",
  condition: 'SeverancePayment "mag niet aanwezig zijn indien geen einddatum van tewerkstelling werd ingevuld"',
  check: (form) =>
    collect(occupationLinks(form), (link) =>
      has(link, "SeverancePayment") && !has(link, "OccupationEndingDate")
        ? "SeverancePayment on an OccupationLink without OccupationEndingDate"
        : null,
    ),
};

const SEVERANCE_AFTER_END: GlossaryCondition = {
  zone: "01130",
  anomaly: "01130-008",
  condition: 'SeverancePaymentStartDate "moet groter zijn dan de einddatum van de tewerkstelling" (00045)',
  check: (form) =>
    collect(occupationLinks(form), (link) => {
      const [start, end] = [date(node(link, "SeverancePayment"), "SeverancePaymentStartDate"), date(link, "OccupationEndingDate")];
      return start !== null && end !== null && start <= end
        ? `SeverancePaymentStartDate ${start} not after OccupationEndingDate ${end}`
        : null;
    }),
};

function severanceEndRow(anomaly: "01131-008" | "01131-014"): GlossaryCondition {
  return {
    zone: "01131",
    anomaly,
    condition: 'SeverancePaymentEndDate "moet groter zijn dan of gelijk aan de begindatum van de periode van verbrekingsvergoeding"',
    check: (form) =>
      collect(occupationLinks(form), (link) => {
        const severance = node(link, "SeverancePayment");
        const [start, end] = [date(severance, "SeverancePaymentStartDate"), date(severance, "SeverancePaymentEndDate")];
        return start !== null && end !== null && end < start
          ? `SeverancePaymentEndDate ${end} before SeverancePaymentStartDate ${start}`
          : null;
      }),
  };
}

export const ZIMA002_CONDITIONS: readonly GlossaryCondition[] = [
  ...envelopeRows("ZIMA", "002"),
  workerCodeAllowed(
    ["840", "841", "879", "676", "406", "407", "848", "849", "877", "883", "885"],
    " (students, pre-pensioners, civil servants abroad, members of parliament or government, trainees, dismissed civil servants 877, workers with a contribution on supplementary allowances 883 and 885)",
  ),
  START_YEAR_IN_RANGE,
  END_IN_QUARTER,
  ...OCCUPATION_ROWS,
  PERIODS_DO_NOT_OVERLAP,
  SEVERANCE_NEEDS_END,
  SEVERANCE_AFTER_END,
  severanceEndRow("01131-008"),
  severanceEndRow("01131-014"),
  REF_START_IN_RANGE,
  REF_END_NOT_LATE,
  refEndInStartMonth(periodsOf),
  REF_END_NOT_BEFORE_START,
  oneMonthForAll(periodsOf),
  blockByRisk("90074-005", "NatureOfDay", "001", '"VERBODEN indien de identificatie van het risico 001 is"'),
  dayInReferenceMonth(periodsOf),
  dayInReferencePeriod(periodsOf),
  twoCodesPerDay(periodsOf, "00178", "00178-006"),
  DAY_CODE_ALLOWED,
  zeroHoursOnlyFor(periodsOf, 1400, ["6.21"], '"in combinatie met de code aard van de dag 6.21"'),
  hoursPerDay(
    periodsOf,
    1400,
    '"Het totaal aantal uren voor twee blokken met dezelfde aanduiding van de dag mag niet meer dan 1400 bedragen"',
  ),
  blockByRisk("90018-005", "Service", "002", '"VERBODEN indien de identificatie van het risico 002 is"'),
  uniqueInPeriod(
    "90018-006",
    "Service",
    "ServiceCode",
    '"Een gegeven prestatie (een prestatiecode) mag slechts één keer voorkomen per tewerkstelling"',
  ),
  uniqueInPeriod(
    "00061-006",
    "Service",
    "ServiceSequenceNbr",
    'ServiceSequenceNbr "moet uniek zijn binnen een tewerkstelling werknemerslijn"',
  ),
  blockByRisk(
    "90085-001",
    "ExactSalary",
    "002",
    '"VERPLICHT INDIEN de identificatie van het risico 002 is" (at least one per reference period)',
  ),
  blockByRisk("90085-005", "ExactSalary", "001", '"VERBODEN INDIEN de identificatie van het risico 001"'),
  uniqueInPeriod("90085-006", "ExactSalary", "ExactSalaryCode", "Each wage code (ExactSalaryCode) once per reference period"),
  WAGE_CODE_ALLOWED,
  ZERO_PAY_ONLY_WITH_001,
];
