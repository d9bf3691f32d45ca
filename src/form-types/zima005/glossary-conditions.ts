/**
 * ZIMA005 (yearly holiday declaration, glossary FBAMI5 / Zones_AMI5 2023/3): the conditions of its
 * glossary that the official schemas/official/ZIMA005_20231.xsd cannot express. Sub-risks 001 and 003
 * (holiday pay by a holiday fund) use holiday codes 1, 2, 3, 5; 002 and 004 (paid by the employer) 8, 9;
 * 003 and 004 are adapted work.
 */
import type { FormNode } from "../../forms/form-envelope";
import { OCCUPATION_ROWS, envelopeRows, presenceRow, workerCodeAllowed } from "../../forms/glossary-conditions/common-conditions";
import {
  collect,
  creationDateOf,
  has,
  int,
  node,
  nodes,
  naturalPerson,
  occupationLinks,
  riskOf,
  text,
} from "../../forms/glossary-conditions/form-reading";
import type { GlossaryCondition } from "../../forms/glossary-conditions/types";

/** The holiday codes (00196) per sub-risk, and which codes the glossary requires for each number of detail lines. */
const HOLIDAY_CODES: Readonly<Record<string, { codes: readonly number[]; counts: Readonly<Record<number, readonly number[] | null>> }>> = {
  "001": { codes: [1, 2, 3, 5], counts: { 2: [1, 3], 4: null } },
  "003": { codes: [1, 2, 3, 5], counts: { 2: [1, 3], 4: null } },
  "002": { codes: [8, 9], counts: { 1: [8], 2: null } },
  "004": { codes: [8, 9], counts: { 1: [8], 2: null } },
};

/** An occupation with its holiday sector (90083) and detail lines (90089). */
interface Holidays {
  readonly link: FormNode;
  readonly sector: number | null;
  readonly details: readonly FormNode[];
}

function eachOccupation(form: FormNode, check: (h: Holidays, risk: string | null) => string | null): string | null {
  const risk = riskOf(form);
  return collect(occupationLinks(form), (link) => {
    const sector = node(link, "HolidaysSector");
    return check({ link, sector: int(sector, "HolidaySectorIndicator"), details: nodes(sector, "HolidayDetail") }, risk);
  });
}

const codesOf = (details: readonly FormNode[]) => details.map((d) => int(d, "HolidayCode"));

function detailPresence(anomaly: "90089-001" | "90089-005"): GlossaryCondition {
  const words = {
    required: 'HolidayDetail is "Verplicht indien de aanduiding van de vakantiesector = 1"',
    forbidden: 'No HolidayDetail with HolidaySectorIndicator 2 or 3 (seed 003 §4.3.1: "de zones die volgen, niet ingevuld worden")',
  };
  return presenceRow(anomaly, words, (required, form) =>
    eachOccupation(form, ({ sector, details }) => {
      if (sector === null || (sector === 1) !== required) return null;
      return details.length > 0 === required ? null : `${details.length} HolidayDetail with HolidaySectorIndicator ${sector}`;
    }),
  );
}

const DETAIL_COUNT: GlossaryCondition = {
  zone: "90089",
  anomaly: "90089-090",
  condition:
    'With HolidaySectorIndicator 1, risk 001/003: 2 detail lines ("ONMISBAAR") or 4 (complementary holiday that must be paid in the year); risk 002/004: 1 or 2',
  check: (form) =>
    eachOccupation(form, ({ sector, details }, risk) => {
      const rule = HOLIDAY_CODES[risk ?? ""];
      if (sector !== 1 || rule === undefined || details.length === 0) return null;
      return details.length in rule.counts
        ? null
        : `${details.length} HolidayDetail lines with IdentificationOfRisk ${risk} (allowed: ${Object.keys(rule.counts).join(" or ")})`;
    }),
};

const CODE_FOR_RISK: GlossaryCondition = {
  zone: "00196",
  anomaly: "00196-008",
  condition: 'HolidayCode: "Als de identificatie van het risico gelijk is aan 001 of 003 ... 1, 2, 3 en 5"; "002 of 004 ... 8, 9"',
  check: (form) =>
    eachOccupation(form, ({ details }, risk) => {
      const allowed = HOLIDAY_CODES[risk ?? ""]?.codes;
      const wrong = allowed ? codesOf(details).find((c) => c !== null && !allowed.includes(c)) : undefined;
      return wrong === undefined ? null : `HolidayCode ${wrong} with IdentificationOfRisk ${risk}`;
    }),
};

const CODE_ONCE: GlossaryCondition = {
  zone: "00196",
  anomaly: "00196-006",
  condition: "Each HolidayCode once per occupation",
  check: (form) =>
    eachOccupation(form, ({ details }) => {
      const codes = codesOf(details);
      const twice = codes.find((c, i) => codes.indexOf(c) !== i);
      return twice === undefined ? null : `HolidayCode ${twice} twice`;
    }),
};

const CODES_FOR_COUNT: GlossaryCondition = {
  zone: "00196",
  anomaly: "00196-005",
  condition:
    '"Als ... 001 of 003 en de cardinaliteit van het blok bedraagt twee, dienen de opgegeven vakantiecodes de codes 1 en 3 te zijn"; "... 002 of 004 en de cardinaliteit van het blok bedraagt één, dient de opgegeven vakantiecode de code 8 te zijn"',
  check: (form) =>
    eachOccupation(form, ({ details }, risk) => {
      const wanted = HOLIDAY_CODES[risk ?? ""]?.counts[details.length];
      if (!wanted) return null;
      const codes = codesOf(details);
      return wanted.every((c) => codes.includes(c))
        ? null
        : `HolidayCode ${codes.join(", ")} with ${details.length} line(s) and IdentificationOfRisk ${risk}: must be ${wanted.join(" and ")}`;
    }),
};

/** The HolidayDaysNumber (00197) of every detail line, with its holiday code. */
function eachDaysNumber(form: FormNode, check: (days: number, code: string | null) => string | null): string | null {
  return eachOccupation(form, ({ details }) =>
    collect(details, (d) => {
      const days = int(d, "HolidayDaysNumber");
      return days === null ? null : check(days, text(d, "HolidayCode"));
    }),
  );
}

const DAYS_AT_MOST_500: GlossaryCondition = {
  zone: "00197",
  anomaly: "00197-008",
  condition: 'HolidayDaysNumber: "Voor dit risico geldt Geheel getal en element van [0 ; 500]" (50 days, in tenths)',
  check: (form) => eachDaysNumber(form, (days, code) => (days > 500 ? `HolidayDaysNumber ${days} > 500 (HolidayCode ${code})` : null)),
};

const DAYS_IN_HALF_DAYS: GlossaryCondition = {
  zone: "00197",
  anomaly: "00197-003",
  condition:
    'HolidayDaysNumber in tenths of a day, "XX0 of XX5" ("12 vakantiedagen wordt 120", half days: 8,5 days is 85); the official XSD\'s pattern says the same',
  check: (form) =>
    eachDaysNumber(form, (days, code) =>
      days % 5 !== 0 ? `HolidayDaysNumber ${days} does not end in 0 or 5 (HolidayCode ${code})` : null,
    ),
};

/** Q/S < 1 or, for adapted work, its Q/S < 1: "Verplicht indien Q/S < 1 of indien Q van de aangepaste arbeid/S < 1". */
function partTime(link: FormNode): boolean {
  const [q, s] = [int(link, "MeanWorkingHours"), int(link, "RefMeanWorkingHours")];
  const adapted = int(node(link, "ExceptSituationCalculBase"), "ExceptSituationMeanWorkingHours");
  return s !== null && ((q !== null && q < s) || (adapted !== null && adapted < s));
}

function holidayHoursRow(anomaly: "00198-001" | "00198-005"): GlossaryCondition {
  const words = {
    required:
      'HolidayHoursNumber is "Verplicht indien Q/S < 1 of indien Q van de aangepaste arbeid/S < 1" (the glossary\'s "< 1" is garbled to "<")',
    forbidden: "HolidayHoursNumber only for a part-timer: absent when Q = S and there is no adapted work with Q < S (seed 003 §4.3.3)",
  };
  return presenceRow(anomaly, words, (required, form) =>
    eachOccupation(form, ({ link, details }) => {
      if (partTime(link) !== required) return null;
      const wrong = details.filter((d) => has(d, "HolidayHoursNumber") !== required).map((d) => text(d, "HolidayCode"));
      return wrong.length === 0
        ? null
        : `HolidayHoursNumber ${required ? "missing" : "present"} for HolidayCode ${wrong.join(", ")} (${required ? "part-time" : "full-time"})`;
    }),
  );
}

function adaptedWorkRow(anomaly: "90030-001" | "90030-005"): GlossaryCondition {
  const words = {
    required:
      'ExceptSituationCalculBase is "Verplicht indien de aangifte gebeurt in het kader van een aangepast werk (identificatie van het risico 003 of 004)"',
    forbidden:
      'ExceptSituationCalculBase is "Verboden indien de aangifte niet gebeurt in het kader van een aangepast werk" (risk 001 or 002)',
  };
  return presenceRow(anomaly, words, (required, form) => {
    const risk = riskOf(form);
    if (risk === null || (risk === "003" || risk === "004") !== required) return null;
    return collect(occupationLinks(form), (link) =>
      has(link, "ExceptSituationCalculBase") === required
        ? null
        : `ExceptSituationCalculBase ${required ? "missing" : "present"} with IdentificationOfRisk ${risk}`,
    );
  });
}

const YEAR_NOT_AFTER_CREATION: GlossaryCondition = {
  zone: "00125",
  anomaly: "00125-008",
  condition:
    'HolidaysYear "ligt vóór of is gelijk aan het jaar van de datum van creatie van het formulier" (the "productiedatum van het subrisico" is not given and not checked)',
  check: (form) => {
    const [year, created] = [int(node(naturalPerson(form), "HolidayYear"), "HolidaysYear"), creationDateOf(form)];
    return year !== null && created !== null && year > Number(created.slice(0, 4))
      ? `HolidaysYear ${year} after FormCreationDate ${created}`
      : null;
  },
};

const TICKET_TYPE_FOR_FORM_TYPE: GlossaryCondition = {
  zone: "00221",
  anomaly: "00221-008",
  condition:
    'ReferenceType of a ticket Reference (origin 2): with TypeForm SU every value but 5 ("behalve de waarde 5"), with TypeForm FA only 5',
  check: (form) => {
    const typeForm = text(form, "TypeForm");
    const tickets = nodes(form, "Reference")
      .filter((r) => int(r, "ReferenceOrigin") === 2)
      .map((r) => int(r, "ReferenceType"));
    const wrong = tickets.find((t) => (typeForm === "FA" ? t !== 5 : t === 5));
    return wrong === undefined ? null : `a ticket Reference of ReferenceType ${wrong} with TypeForm ${typeForm}`;
  },
};

const SAME_OCCUPATION_ONCE: GlossaryCondition = {
  zone: "90068",
  anomaly: "90068-006",
  condition: "The OccupationLinks of one worker record are not the same case twice: no two with the same OccupationStartingDate",
  check: (form) => {
    const starts = occupationLinks(form).map((l) => text(l, "OccupationStartingDate"));
    const twice = starts.find((s, i) => starts.indexOf(s) !== i);
    return twice === undefined ? null : `two OccupationLinks start on ${twice}`;
  },
};

/** 00037-008: "De artiesten (= werknemerskengetallen 046 en 047) zijn alleen toegelaten voor de subrisico's 001 en 003"; civil servants (6xx but 677) excluded. */
function zima005WorkerCode(code: string, form: FormNode): string | null {
  if (code.startsWith("6") && code !== "677") return `WorkerCode ${code} (civil servant) is not allowed`;
  const risk = riskOf(form);
  return (code === "046" || code === "047") && risk !== "001" && risk !== "003"
    ? `WorkerCode ${code} (artist) with IdentificationOfRisk ${risk}`
    : null;
}

export const ZIMA005_CONDITIONS: readonly GlossaryCondition[] = [
  ...envelopeRows("ZIMA"),
  TICKET_TYPE_FOR_FORM_TYPE,
  YEAR_NOT_AFTER_CREATION,
  workerCodeAllowed(
    ["840", "841", "879", "883", "885", "497", "406", "407", "848", "849"],
    ", no civil servant (6xx but 677), artists 046 / 047 only with sub-risk 001 or 003",
    zima005WorkerCode,
  ),
  SAME_OCCUPATION_ONCE,
  ...OCCUPATION_ROWS,
  adaptedWorkRow("90030-001"),
  adaptedWorkRow("90030-005"),
  detailPresence("90089-001"),
  detailPresence("90089-005"),
  DETAIL_COUNT,
  CODE_FOR_RISK,
  CODE_ONCE,
  CODES_FOR_COUNT,
  DAYS_AT_MOST_500,
  DAYS_IN_HALF_DAYS,
  holidayHoursRow("00198-001"),
  holidayHoursRow("00198-005"),
];
