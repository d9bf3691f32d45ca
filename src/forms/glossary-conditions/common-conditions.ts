/**
 * Glossary conditions that several form types share (the envelope, the person, the employer, the
 * reference block, the occupation's Q and S). Each form type's table picks the ones its own glossary has.
 */
import { isValidInsz, isValidKbo, isValidNoss } from "../../domain/check-digits";
import { sexOfInsz } from "../../domain/insz-sex";
import type { FormNode } from "../form-envelope";
import {
  collect,
  creationDateOf,
  date,
  employerLink,
  hours,
  int,
  naturalPerson,
  node,
  nodes,
  occupationLinks,
  text,
  workerRecords,
} from "./form-reading";
import type { GlossaryCondition } from "./types";

const inss = (form: FormNode): string | null => text(naturalPerson(form), "INSS");
const status = (form: FormNode): number | null => int(form, "AttestationStatus");

export const INSZ_CHECK_DIGIT: GlossaryCondition = {
  zone: "00024",
  anomaly: "00024-004",
  condition:
    "INSS: the check digits are 97 - (first nine digits mod 97), or for people born from 2000 97 - ((2000000000 + first nine) mod 97) (national-register and BIS numbers alike)",
  check: (form) => {
    const value = inss(form);
    return value !== null && /^\d{11}$/.test(value) && !isValidInsz(value)
      ? `INSS ${value}: check digits ${value.slice(9)} do not fit`
      : null;
  },
};

/** Month and day parts of a national-register number (month 00-12) or BIS number (month + 20 or + 40). */
function inszDateProblem(value: string): string | null {
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const monthOk = month <= 12 || (month >= 20 && month <= 32) || (month >= 40 && month <= 52);
  if (!monthOk) return `INSS ${value}: month part ${value.slice(2, 4)} is no month (00-12, or +20 / +40 for a BIS number)`;
  return day > 31 ? `INSS ${value}: day part ${value.slice(4, 6)} is no day` : null;
}

/** 00024-003: a number the registers can hold; on the WECH forms, whose 00024 has no -008, also "De waarde 0 is niet toegelaten". */
export function inszStructure(zeroToo: boolean): GlossaryCondition {
  return {
    zone: "00024",
    anomaly: "00024-003",
    condition:
      "INSS is a possible national-register or BIS number: YYMMDD with a month 00-12 (BIS: + 20 or + 40) and a day 00-31" +
      (zeroToo ? '; "De waarde 0 is niet toegelaten"' : ""),
    check: (form) => {
      const value = inss(form);
      if (value === null || !/^\d{11}$/.test(value)) return null;
      if (zeroToo && Number(value) === 0) return "INSS is 0";
      return inszDateProblem(value);
    },
  };
}

/** 00024-008 on the ZIMA forms: "De waarde 0 is niet toegelaten", and where the glossary says so, the INSZ of a woman. */
export function inszDomain(womanForRisk: string | null): GlossaryCondition {
  const woman =
    womanForRisk === null
      ? ""
      : `; with IdentificationOfRisk ${womanForRisk} "moet het INSZ verwijzen naar een vrouw" (even counter, digits 7-9; a BIS number with month + 20 has no known sex and passes)`;
  return {
    zone: "00024",
    anomaly: "00024-008",
    condition: `INSS is not 0 ("De waarde 0 is niet toegelaten")${woman}`,
    check: (form) => {
      const value = inss(form);
      if (value === null || !/^\d{11}$/.test(value)) return null;
      if (Number(value) === 0) return "INSS is 0";
      if (womanForRisk === null || text(node(form, "RiskIdentification"), "IdentificationOfRisk") !== womanForRisk) return null;
      return sexOfInsz(value) === "M"
        ? `INSS ${value} is of a man (odd counter ${value.slice(6, 9)}), IdentificationOfRisk ${womanForRisk} needs a woman`
        : null;
    },
  };
}

export const NOSS_DOMAIN: GlossaryCondition = {
  zone: "00011",
  anomaly: "00011-008",
  condition: "NOSSRegistrationNbr is in [100006; 199999934], or 0 only when CompanyID (00014) is not 0",
  check: (form) => {
    const link = employerLink(form);
    const noss = int(link, "NOSSRegistrationNbr");
    if (noss === null) return null;
    if (noss === 0) return int(link, "CompanyID") === 0 ? "NOSSRegistrationNbr and CompanyID are both 0" : null;
    return noss < 100006 || noss > 199999934 ? `NOSSRegistrationNbr ${noss} is outside [100006; 199999934]` : null;
  },
};

export const NOSS_CHECK_DIGIT: GlossaryCondition = {
  zone: "00011",
  anomaly: "00011-004",
  condition: "NOSSRegistrationNbr NNNNNNNCC: CC = 96 - (NNNNNNN x 100 mod 97), 0 becoming 97",
  check: (form) => {
    const noss = int(employerLink(form), "NOSSRegistrationNbr");
    if (noss === null || noss < 100006 || noss > 199999934) return null;
    return isValidNoss(String(noss)) ? null : `NOSSRegistrationNbr ${noss}: check digits do not fit`;
  },
};

export const KBO_CHECK_DIGIT: GlossaryCondition = {
  zone: "00014",
  anomaly: "00014-004",
  condition: "CompanyID (unless 0): positions 9-10 are the check digits of positions 1-8, 97 - (first eight mod 97)",
  check: (form) => {
    const kbo = int(employerLink(form), "CompanyID");
    if (kbo === null || kbo === 0) return null;
    return isValidKbo(String(kbo).padStart(10, "0")) ? null : `CompanyID ${kbo}: check digits do not fit`;
  },
};

export const CREATION_NOT_BEFORE_2003: GlossaryCondition = {
  zone: "00218",
  anomaly: "00218-008",
  condition:
    'FormCreationDate: "JJJJ ligt niet vóór 2003" (the rest, "[lopend jaar -1; lopend jaar]" and "niet in de toekomst", is relative to the moment of receipt)',
  check: (form) => {
    const created = creationDateOf(form);
    return created !== null && created < "2003-01-01" ? `FormCreationDate ${created} is before 2003` : null;
  },
};

/** The Reference blocks (90082) as (type, origin) pairs. */
function references(form: FormNode): { type: number | null; origin: number | null }[] {
  return nodes(form, "Reference").map((ref) => ({ type: int(ref, "ReferenceType"), origin: int(ref, "ReferenceOrigin") }));
}

const isCorrection = (form: FormNode) => status(form) === 1 || status(form) === 3;

export const REFERENCE_REQUIRED: GlossaryCondition = {
  zone: "90082",
  anomaly: "90082-001",
  condition:
    "A modification or cancellation (AttestationStatus 1 or 3) carries a Reference block with ReferenceType 3 and ReferenceOrigin 2 (the ticket of the form it corrects)",
  check: (form) => {
    if (!isCorrection(form)) return null;
    return references(form).some((r) => r.type === 3 && r.origin === 2)
      ? null
      : `AttestationStatus ${status(form)} without a Reference of type 3, origin 2`;
  },
};

/** 90082-005; the WECH glossaries also allow at most two references on an original ("Kardinaliteit 0 ... 2 indien ... Origineel"). */
export function referenceForbidden(maxOnOriginal: number | null): GlossaryCondition {
  return {
    zone: "90082",
    anomaly: "90082-005",
    condition:
      'A ticket Reference of type 3 only on a modification or cancellation ("In geen enkele andere situatie mag soortgelijke referentie aangegeven worden"); no ticket Reference at all with AttestationStatus 7' +
      (maxOnOriginal === null ? "" : `; at most ${maxOnOriginal} Reference blocks on an original (status 0)`),
    check: (form) => {
      const refs = references(form);
      const tickets = refs.filter((r) => r.origin === 2);
      if (status(form) === 7 && tickets.length > 0) return "AttestationStatus 7 with a ticket Reference";
      if (!isCorrection(form) && tickets.some((r) => r.type === 3))
        return `AttestationStatus ${status(form)} with a ticket Reference of type 3`;
      if (maxOnOriginal !== null && status(form) === 0 && refs.length > maxOnOriginal)
        return `${refs.length} Reference blocks on an original`;
      return null;
    },
  };
}

export const REFERENCE_TICKET_PER_TYPE: GlossaryCondition = {
  zone: "90082",
  anomaly: "90082-006",
  condition:
    '"Per referentietype mag slechts één blok Referentie dat een ticketnummer is, aangegeven worden"; a modification or cancellation has "juist één" of type 3',
  check: (form) => {
    const tickets = references(form).filter((r) => r.origin === 2);
    const repeated = tickets.find((r, i) => tickets.findIndex((o) => o.type === r.type) !== i);
    return repeated ? `more than one ticket Reference of ReferenceType ${repeated.type}` : null;
  },
};

export const ORIGIN_NOT_TICKET_FOR_OWN_REFERENCE: GlossaryCondition = {
  zone: "00298",
  anomaly: "00298-008",
  condition: 'ReferenceOrigin: "De waarde 2 is niet toegelaten indien het type van de referentie (= zone 00221) de waarde 1 heeft"',
  check: (form) => (references(form).some((r) => r.type === 1 && r.origin === 2) ? "a Reference of type 1 with ReferenceOrigin 2" : null),
};

export const WORKER_RECORD_REQUIRED: GlossaryCondition = {
  zone: "90063",
  anomaly: "90063-001",
  condition: 'WorkerRecordLink is "Verplicht indien geen annulatie" (AttestationStatus other than 3)',
  check: (form) =>
    status(form) !== 3 && workerRecords(form).length === 0 ? `AttestationStatus ${status(form)} without WorkerRecordLink` : null,
};

export const WORKER_RECORD_FORBIDDEN: GlossaryCondition = {
  zone: "90063",
  anomaly: "90063-005",
  condition: 'WorkerRecordLink is "Verboden in het geval van een annulatie" (AttestationStatus 3)',
  check: (form) =>
    status(form) === 3 && workerRecords(form).length > 0 ? "a cancellation (AttestationStatus 3) with a WorkerRecordLink" : null,
};

export const WORKER_RECORD_ONCE_PER_PAIR: GlossaryCondition = {
  zone: "90063",
  anomaly: "90063-006",
  condition: "A given EmployerClass / WorkerCode pair occurs in one WorkerRecordLink per natural person",
  check: (form) => {
    const pairs = workerRecords(form).map((r) => `${text(r, "EmployerClass")}/${text(r, "WorkerCode")}`);
    const repeated = pairs.find((p, i) => pairs.indexOf(p) !== i);
    return repeated ? `EmployerClass/WorkerCode ${repeated} in two WorkerRecordLinks` : null;
  },
};

/** The highest Q or S a worker record's occupation may have: 4800, 5000 for status D1, 6000 for D2 or a doctor in training. */
function weeklyHoursLimit(record: FormNode, link: FormNode): number {
  const workerStatus = text(link, "WorkerStatus");
  if (workerStatus === "D2" || ["072", "272", "372", "772"].includes(text(record, "EmployerClass") ?? "")) return 6000;
  return workerStatus === "D1" ? 5000 : 4800;
}

function hoursBound(zone: "00048" | "00049", label: "MeanWorkingHours" | "RefMeanWorkingHours"): GlossaryCondition {
  return {
    zone,
    anomaly: `${zone}-008`,
    condition: `${label} is at most 4800 ("[1;4800] voor alle werknemers"), 5000 for WorkerStatus D1, 6000 for WorkerStatus D2 or employer classes 072/272/372/772`,
    check: (form) =>
      collect(workerRecords(form), (record) =>
        // OccupationLink (90068) in most forms, Occupation (90015) in ZIMA001's mini-DmfA.
        collect([...nodes(record, "OccupationLink"), ...nodes(record, "Occupation")], (link) => {
          const value = int(link, label);
          const limit = weeklyHoursLimit(record, link);
          return value !== null && value > limit ? `${label} ${hours(value)} > ${hours(limit)}` : null;
        }),
      ),
  };
}

export const Q_AT_MOST_LIMIT = hoursBound("00048", "MeanWorkingHours");
export const S_AT_MOST_LIMIT = hoursBound("00049", "RefMeanWorkingHours");

function zeroDaysIffZeroHours(zone: "00047" | "00048"): GlossaryCondition {
  return {
    zone,
    anomaly: `${zone}-008`,
    condition:
      '"Indien het aantal dagen per week van de arbeidsregeling gelijk is aan nul, moet het gemiddeld aantal uren per week van de werknemer gelijk zijn aan nul, en omgekeerd" (when WorkingDaysSystem is written)',
    check: (form) =>
      collect(occupationLinks(form), (link) => {
        const days = int(link, "WorkingDaysSystem");
        const q = int(link, "MeanWorkingHours");
        if (days === null || q === null || (days === 0) === (q === 0)) return null;
        return `WorkingDaysSystem ${days} with MeanWorkingHours ${q}`;
      }),
  };
}

export const ZERO_DAYS_IFF_ZERO_HOURS_00047 = zeroDaysIffZeroHours("00047");
export const ZERO_DAYS_IFF_ZERO_HOURS_00048 = zeroDaysIffZeroHours("00048");

export const OCCUPATION_END_NOT_BEFORE_START: GlossaryCondition = {
  zone: "00045",
  anomaly: "00045-014",
  condition: 'OccupationEndingDate "moet groter zijn dan of gelijk aan de begindatum van de tewerkstelling" (00044)',
  check: (form) =>
    collect(occupationLinks(form), (link) => {
      const start = date(link, "OccupationStartingDate");
      const end = date(link, "OccupationEndingDate");
      return start !== null && end !== null && end < start ? `OccupationEndingDate ${end} before OccupationStartingDate ${start}` : null;
    }),
};

/** 00036-008: "In de ASR zijn geen derde betalers …, geen … 027 en 028, geen reders … toegelaten" (same words in the four glossaries). */
export const EMPLOYER_CLASS_ALLOWED: GlossaryCondition = {
  zone: "00036",
  anomaly: "00036-008",
  condition:
    "EmployerClass is none of the classes the ASR excludes: third payers 099, 199, 299, 699, 898, FEDRIS 027 and 028, ship owners 105, 205, 305, 405 (that a class exists in the RSZ's list is checked by the institution)",
  check: (form) =>
    collect(workerRecords(form), (record) => {
      const value = text(record, "EmployerClass");
      return value !== null && ["099", "199", "299", "699", "898", "027", "028", "105", "205", "305", "405"].includes(value)
        ? `EmployerClass ${value} is excluded from the ASR`
        : null;
    }),
};

/** 00037-008: the worker codes a form type's glossary excludes by name. */
export function workerCodeAllowed(
  excluded: readonly string[],
  note: string,
  extra?: (code: string, form: FormNode) => string | null,
): GlossaryCondition {
  return {
    zone: "00037",
    anomaly: "00037-008",
    condition: `WorkerCode is none of ${excluded.join(", ")}${note} (that the code is in annex 2 is checked by the institution)`,
    check: (form) =>
      collect(workerRecords(form), (record) => {
        const code = text(record, "WorkerCode");
        if (code === null) return null;
        return excluded.includes(code) ? `WorkerCode ${code} is not allowed in this form` : (extra?.(code, form) ?? null);
      }),
  };
}

/** 90257-134 "Geen gegevens": a contact-person block that says nothing. */
export const CONTACT_PERSON_HAS_DATA: GlossaryCondition = {
  zone: "90257",
  anomaly: "90257-134",
  condition:
    "CoordinatesContactPerson, when written, carries at least one zone with a value (name, first name, phone, GSM, fax, e-mail or address)",
  check: (form) => {
    const contact = node(form, "CoordinatesContactPerson");
    if (contact === null) return null;
    const values = [contact, ...nodes(contact, "Communication"), ...nodes(contact, "Address")].flatMap((n) =>
      Object.values(n).filter((v) => typeof v === "string" || typeof v === "number"),
    );
    return values.some((v) => String(v).trim() !== "") ? null : "CoordinatesContactPerson without any value";
  },
};

export const CONTACT_EMAIL_VALID: GlossaryCondition = {
  zone: "00637",
  anomaly: "00637-003",
  condition: "EmailAddress of the contact person is an e-mail address: local-part@domain.tld, no spaces",
  check: (form) => {
    const email = text(node(node(form, "CoordinatesContactPerson"), "Communication"), "EmailAddress");
    return email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? `EmailAddress "${email}" is no e-mail address` : null;
  },
};

/** 00110-008 on the ZIMA forms: "Indien het type van het formulier FA is, is alleen de waarde 0 toegelaten". */
export const ANSWER_IS_ORIGINAL: GlossaryCondition = {
  zone: "00110",
  anomaly: "00110-008",
  condition:
    'AttestationStatus: "Indien het type van het formulier FA is, is alleen de waarde 0 toegelaten" (0, 1, 3, 7 otherwise: the XSD)',
  check: (form) => (text(form, "TypeForm") === "FA" && status(form) !== 0 ? `TypeForm FA with AttestationStatus ${status(form)}` : null),
};

/**
 * The rows on the envelope, the employer, the person and the worker record of a form type's sector;
 * `withWorkerRecords` false for a form type without worker records (ZIMA006).
 */
export function envelopeRows(
  sector: "WECH" | "ZIMA",
  womanForRisk: string | null = null,
  withWorkerRecords = true,
): readonly GlossaryCondition[] {
  const references = [
    REFERENCE_REQUIRED,
    referenceForbidden(sector === "WECH" ? 2 : null),
    REFERENCE_TICKET_PER_TYPE,
    ORIGIN_NOT_TICKET_FOR_OWN_REFERENCE,
  ];
  const employer = [NOSS_DOMAIN, NOSS_CHECK_DIGIT, KBO_CHECK_DIGIT];
  const records = withWorkerRecords ? [WORKER_RECORD_REQUIRED, WORKER_RECORD_FORBIDDEN, EMPLOYER_CLASS_ALLOWED] : [];
  if (sector === "WECH") return [CREATION_NOT_BEFORE_2003, ...references, ...employer, inszStructure(true), INSZ_CHECK_DIGIT, ...records];
  const contact = [ANSWER_IS_ORIGINAL, CONTACT_PERSON_HAS_DATA, CONTACT_EMAIL_VALID];
  return [
    ...contact,
    ...references,
    ...employer,
    inszStructure(false),
    INSZ_CHECK_DIGIT,
    inszDomain(womanForRisk),
    ...records,
    ...(withWorkerRecords ? [WORKER_RECORD_ONCE_PER_PAIR] : []),
  ];
}

/** The rows on an occupation's dates, days per week and Q and S that every form type's glossary has. */
export const OCCUPATION_ROWS: readonly GlossaryCondition[] = [
  OCCUPATION_END_NOT_BEFORE_START,
  ZERO_DAYS_IFF_ZERO_HOURS_00047,
  Q_AT_MOST_LIMIT,
  ZERO_DAYS_IFF_ZERO_HOURS_00048,
  S_AT_MOST_LIMIT,
];

/**
 * One row of the pair -001 "Niet aanwezig" / -005 "Verboden" of a zone or block that a rule makes
 * required or forbidden: `check` is told whether this row is the -001 one.
 */
export function presenceRow(
  anomaly: string,
  words: { readonly required: string; readonly forbidden: string },
  check: (required: boolean, form: FormNode) => string | null,
): GlossaryCondition {
  const required = anomaly.endsWith("-001");
  return {
    zone: anomaly.slice(0, 5),
    anomaly,
    condition: required ? words.required : words.forbidden,
    check: (form) => check(required, form),
  };
}
