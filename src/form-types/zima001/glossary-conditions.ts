/**
 * ZIMA001 (information sheet when a benefits risk starts, glossary FBAMI1 / Zones_AMI1 2023/3): the
 * conditions of its glossary that the official schemas/official/ZIMA001_20231.xsd cannot express
 * (domain.md D22). The form is a mini-DmfA: EmployerDeclaration (90007) of the risk's quarter, WorkerRecord
 * (90012) per employer class and worker code, Occupation (90015) per assignment with the risk's data
 * (RiskDetailOccupation 90006, its reference period and day natures). The decision for every other
 * class-B anomaly of the glossary is ZIMA001_COVERAGE in src/forms/glossary-conditions/coverage.ts.
 */
import { isValidEstablishmentUnit, isValidKbo } from "../../domain/check-digits";
import { sexOfInsz } from "../../domain/insz-sex";
import type { FormNode } from "../../forms/form-envelope";
import {
  ANSWER_IS_ORIGINAL,
  CONTACT_EMAIL_VALID,
  CONTACT_PERSON_HAS_DATA,
  EMPLOYER_CLASS_ALLOWED,
  INSZ_CHECK_DIGIT,
  KBO_CHECK_DIGIT,
  NOSS_CHECK_DIGIT,
  NOSS_DOMAIN,
  OCCUPATION_END_NOT_BEFORE_START,
  ORIGIN_NOT_TICKET_FOR_OWN_REFERENCE,
  Q_AT_MOST_LIMIT,
  REFERENCE_REQUIRED,
  REFERENCE_TICKET_PER_TYPE,
  S_AT_MOST_LIMIT,
  ZERO_DAYS_IFF_ZERO_HOURS_00047,
  ZERO_DAYS_IFF_ZERO_HOURS_00048,
  inszStructure,
  presenceRow,
  referenceForbidden,
  workerCodeAllowed,
} from "../../forms/glossary-conditions/common-conditions";
import {
  collect,
  creationDateOf,
  date,
  hours,
  int,
  naturalPerson,
  node,
  nodes,
  riskOf,
  text,
  workerRecords,
} from "../../forms/glossary-conditions/form-reading";
import type { GlossaryCondition } from "../../forms/glossary-conditions/types";
import {
  type PeriodView,
  dayInPeriod,
  dayIndicatorOf,
  isCancellation,
  occupationsOf,
  quarterOf,
  referencePeriodsOf,
  riskStartOf,
  statusOf,
} from "./form-reading";

const WOMAN_RISKS = ["002", "003", "004"];
const MAN_RISKS = ["005"];

/** 00024-008: "De waarde 0 is niet toegelaten", and the sex the risk needs. */
const INSZ_DOMAIN: GlossaryCondition = {
  zone: "00024",
  anomaly: "00024-008",
  condition:
    'INSS is not 0 ("De waarde 0 is niet toegelaten"); with IdentificationOfRisk 002, 003 or 004 "moet het INSZ verwijzen naar een vrouw", with 005 "naar een man" (even counter a woman, odd a man; a BIS number with month + 20 has no known sex and passes)',
  check: (form) => {
    const value = text(naturalPerson(form), "INSS");
    if (value === null || !/^\d{11}$/.test(value)) return null;
    if (Number(value) === 0) return "INSS is 0";
    const risk = riskOf(form) ?? "";
    const sex = sexOfInsz(value);
    if (WOMAN_RISKS.includes(risk) && sex === "M") return `INSS ${value} is of a man, IdentificationOfRisk ${risk} needs a woman`;
    if (MAN_RISKS.includes(risk) && sex === "F") return `INSS ${value} is of a woman, IdentificationOfRisk ${risk} needs a man`;
    return null;
  },
};

/** 00014-004 for the prevention services' KBO numbers (the employer's is the shared row). */
const PREVENTION_SERVICE_KBO_CHECK_DIGIT: GlossaryCondition = {
  zone: "00014",
  anomaly: "00014-004",
  condition: "CompanyID of a PreventionService (unless 0): positions 9-10 are the check digits of positions 1-8, 97 - (first eight mod 97)",
  check: (form) =>
    collect(nodes(form, "PreventionService"), (service) => {
      const kbo = int(service, "CompanyID");
      if (kbo === null || kbo === 0) return null;
      return isValidKbo(String(kbo).padStart(10, "0")) ? null : `PreventionService CompanyID ${kbo}: check digits do not fit`;
    }),
};

// ---------------------------------------------------------------- the contact person of the form

/** The form-level contact person for the ASR (90257 under 90059), not the prevention service's. */
const formContact = (form: FormNode): FormNode | null => node(form, "CoordinatesContactPerson");

const CONTACT_PERSON_REQUIRED: GlossaryCondition = {
  zone: "90257",
  anomaly: "90257-001",
  condition:
    'CoordinatesContactPerson is "Onmisbaar indien het blok de contactpersoon voor de ASR onder het blok 90059 - Form" betreft: the form carries its own (the prevention service\'s is optional)',
  check: (form) => (formContact(form) === null ? "no CoordinatesContactPerson on the form" : null),
};

const CONTACT_COMMUNICATION_REQUIRED: GlossaryCondition = {
  zone: "90258",
  anomaly: "90258-001",
  condition:
    'Communication is "Onmisbaar indien het blok de communicatiegegevens van het blok 90257 - Coordinaten van de contactpersoon voor de ASR onder het blok 90059 - Formulier betreft" (the XSD has it 0..1)',
  check: (form) => {
    const contact = formContact(form);
    return contact !== null && node(contact, "Communication") === null ? "the form's CoordinatesContactPerson without Communication" : null;
  },
};

const CONTACT_EMAIL_REQUIRED: GlossaryCondition = {
  zone: "00637",
  anomaly: "00637-001",
  condition:
    'EmailAddress is "Onmisbaar indien het blok de communicatiegegevens van het blok 90257 - Coordinaten van de contactpersoon voor de ASR betreft" (the XSD has it 0..1)',
  check: (form) => {
    const communication = node(formContact(form), "Communication");
    return communication !== null && text(communication, "EmailAddress") === null
      ? "the form's contact Communication without EmailAddress"
      : null;
  },
};

// ---------------------------------------------------------------- the risk's blocks before the employer

const RISK_DETAIL_REQUIRED: GlossaryCondition = {
  zone: "90252",
  anomaly: "90252-001",
  condition: 'RiskDetail is "VERPLICHT INDIEN deze aangifte de aangifte van een risico betreft": a form with RiskIdentification carries it',
  check: (form) =>
    node(form, "RiskIdentification") !== null && node(form, "RiskDetail") === null ? "RiskIdentification without RiskDetail" : null,
};

const RISK_IDENTIFICATION_REQUIRED: GlossaryCondition = {
  zone: "90064",
  anomaly: "90064-001",
  condition:
    'RiskIdentification is "VERPLICHT INDIEN deze aangifte de aangifte van een risico betreft": a form that gives an occupation\'s data for the risk (RiskDetailOccupation, which "mag niet aanwezig zijn als deze aangifte alleen een mini-DmfA betreft") names its risk',
  check: (form) =>
    node(form, "RiskIdentification") === null && occupationsOf(form).some(({ risk }) => risk !== null)
      ? "RiskDetailOccupation without RiskIdentification"
      : null,
};

/** A block that is "Verboden in het geval van een annulatie (Status van het attest = 3)". */
function forbiddenInCancellation(anomaly: string, label: string, present: (form: FormNode) => boolean): GlossaryCondition {
  return {
    zone: anomaly.slice(0, 5),
    anomaly,
    condition: `${label} is "Verboden in het geval van een annulatie (Status van het attest = 3)"`,
    check: (form) => (isCancellation(form) && present(form) ? `a cancellation (AttestationStatus 3) with ${label}` : null),
  };
}

const WORK_RECOVERY_FORBIDDEN = forbiddenInCancellation("90016-005", "WorkRecovery", (form) => node(form, "WorkRecovery") !== null);
const SERVICE_DATA_FORBIDDEN = forbiddenInCancellation(
  "90279-005",
  "ServiceData",
  (form) => node(naturalPerson(form), "ServiceData") !== null,
);

/** "Enkel voor risico's die vanaf 1 december 2016 aanvangen". */
const PREVENTION_SERVICES_FROM = "2016-12-01";

const PREVENTION_SERVICE_FORBIDDEN: GlossaryCondition = {
  zone: "90564",
  anomaly: "90564-005",
  condition: `PreventionService is "Verboden in het geval van een annulatie" and "Verboden voor de risico's die voor 1 december 2016 aanvangen" (RiskStartingDate before ${PREVENTION_SERVICES_FROM})`,
  check: (form) => {
    if (nodes(form, "PreventionService").length === 0) return null;
    if (isCancellation(form)) return "a cancellation (AttestationStatus 3) with PreventionService";
    const start = riskStartOf(form);
    return start !== null && start < PREVENTION_SERVICES_FROM
      ? `PreventionService for a risk starting ${start}, before ${PREVENTION_SERVICES_FROM}`
      : null;
  },
};

const WORK_RECOVERY_IN_DOMAIN: GlossaryCondition = {
  zone: "00128",
  anomaly: "00128-008",
  condition:
    'WorkRecoveryDate: "de datum ligt vóór of is gelijk aan de datum van creatie van het formulier" (the "productiedatum" is not given and not checked)',
  check: (form) => {
    const day = date(node(form, "WorkRecovery"), "WorkRecoveryDate");
    const created = creationDateOf(form);
    return day !== null && created !== null && day > created ? `WorkRecoveryDate ${day} after FormCreationDate ${created}` : null;
  },
};

// ---------------------------------------------------------------- the employer declaration and its quarter

const EMPLOYER_DECLARATION_REQUIRED: GlossaryCondition = {
  zone: "90007",
  anomaly: "90007-001",
  condition:
    'EmployerDeclaration is "VERPLICHT INDIEN de aangifte een werkgever aangesloten bij RSZ betreft": the ministry is (D1), and the PPL variant is never written',
  check: (form) => (nodes(form, "EmployerDeclaration").length === 0 ? "no EmployerDeclaration" : null),
};

const EMPLOYER_DECLARATION_ONCE_IN_CANCELLATION: GlossaryCondition = {
  zone: "90007",
  anomaly: "90007-005",
  condition: 'EmployerDeclaration "mag slechts 1 maal voorkomen in het geval van een annulatie (Status van het attest = 3)"',
  check: (form) => {
    const count = nodes(form, "EmployerDeclaration").length;
    return isCancellation(form) && count > 1 ? `a cancellation with ${count} EmployerDeclarations` : null;
  },
};

const EMPLOYER_DECLARATION_PER_QUARTER: GlossaryCondition = {
  zone: "90007",
  anomaly: "90007-006",
  condition: '"Te veel identieke gevallen": two EmployerDeclarations of the same Quarter cannot be told apart',
  check: (form) => {
    const quarters = nodes(form, "EmployerDeclaration").map((declaration) => text(declaration, "Quarter"));
    const twice = quarters.find((quarter, i) => quarters.indexOf(quarter) !== i);
    return twice === undefined ? null : `two EmployerDeclarations of Quarter ${twice}`;
  },
};

/** 00038-008 / 00039-008: "JJJJ is het jaar van de aangifte". */
function quarterDateInYear(zone: "00038" | "00039", label: "NOSSQuarterStartingDate" | "NOSSQuarterEndingDate"): GlossaryCondition {
  return {
    zone,
    anomaly: `${zone}-008`,
    condition: `${label}: "JJJJ is het jaar van de aangifte" (the year of Quarter, 00013)`,
    check: (form) => {
      const quarter = quarterOf(form);
      if (quarter === null) return null;
      return collect(workerRecords(form), (record) => {
        const day = date(record, label);
        return day !== null && Number(day.slice(0, 4)) !== quarter.year ? `${label} ${day} not in ${quarter.year}` : null;
      });
    },
  };
}

const QUARTER_START_FITS_QUARTER: GlossaryCondition = {
  zone: "00038",
  anomaly: "00038-034",
  condition:
    "NOSSQuarterStartingDate belongs to Quarter: \"De begindatum van het eerste kwartaal van het jaar moet altijd samenvallen met 1 januari\", and (the first day of the civil quarter, or the first day covered by the quarter's first pay) it is never after the quarter's last day",
  check: (form) => {
    const quarter = quarterOf(form);
    if (quarter === null) return null;
    return collect(workerRecords(form), (record) => {
      const day = date(record, "NOSSQuarterStartingDate");
      if (day === null) return null;
      if (quarter.quarter === 1 && day !== quarter.first)
        return `NOSSQuarterStartingDate ${day} is not 1 January in quarter ${quarter.code}`;
      return day > quarter.last ? `NOSSQuarterStartingDate ${day} after the end of quarter ${quarter.code}` : null;
    });
  },
};

const QUARTER_END_FITS_QUARTER: GlossaryCondition = {
  zone: "00039",
  anomaly: "00039-034",
  condition:
    "NOSSQuarterEndingDate belongs to Quarter: \"De einddatum van het vierde kwartaal van het jaar moet immers altijd samenvallen met 31 december\", and (the last day of the civil quarter, or the last day covered by the quarter's last pay) it is never before the quarter's first day",
  check: (form) => {
    const quarter = quarterOf(form);
    if (quarter === null) return null;
    return collect(workerRecords(form), (record) => {
      const day = date(record, "NOSSQuarterEndingDate");
      if (day === null) return null;
      if (quarter.quarter === 4 && day !== quarter.last)
        return `NOSSQuarterEndingDate ${day} is not 31 December in quarter ${quarter.code}`;
      return day < quarter.first ? `NOSSQuarterEndingDate ${day} before the start of quarter ${quarter.code}` : null;
    });
  },
};

const QUARTER_END_NOT_BEFORE_START: GlossaryCondition = {
  zone: "00039",
  anomaly: "00039-014",
  condition: '"Einddatum voorafgaand aan de begindatum": NOSSQuarterEndingDate is not before NOSSQuarterStartingDate',
  check: (form) =>
    collect(workerRecords(form), (record) => {
      const [start, end] = [date(record, "NOSSQuarterStartingDate"), date(record, "NOSSQuarterEndingDate")];
      return start !== null && end !== null && end < start ? `NOSSQuarterEndingDate ${end} before NOSSQuarterStartingDate ${start}` : null;
    }),
};

// ---------------------------------------------------------------- worker records

const WORKER_RECORD_REQUIRED_OR_FORBIDDEN = {
  required: 'WorkerRecord is "Verplicht indien geen annulatie" (AttestationStatus other than 3)',
  forbidden: 'WorkerRecord is "Verboden in het geval van een annulatie" (AttestationStatus 3)',
};

function workerRecordPresence(anomaly: "90012-001" | "90012-005"): GlossaryCondition {
  return presenceRow(anomaly, WORKER_RECORD_REQUIRED_OR_FORBIDDEN, (required, form) => {
    const count = workerRecords(form).length;
    if (required) return !isCancellation(form) && count === 0 ? `AttestationStatus ${statusOf(form)} without WorkerRecord` : null;
    return isCancellation(form) && count > 0 ? "a cancellation (AttestationStatus 3) with a WorkerRecord" : null;
  });
}

const WORKER_RECORD_ONCE_PER_PAIR: GlossaryCondition = {
  zone: "90012",
  anomaly: "90012-006",
  condition: '"Een gegeven combinatie werkgeverscategorie / werknemerskengetal mag slechts één keer voorkomen per natuurlijk persoon"',
  check: (form) => {
    const pairs = workerRecords(form).map((r) => `${text(r, "EmployerClass")}/${text(r, "WorkerCode")}`);
    const repeated = pairs.find((p, i) => pairs.indexOf(p) !== i);
    return repeated ? `EmployerClass/WorkerCode ${repeated} in two WorkerRecords` : null;
  },
};

/** Worker code of the contribution for dismissed statutory staff (ZIV scheme). */
const DISMISSED_STATUTORY = "876";

const WORKER_CODE_ALLOWED = workerCodeAllowed(
  ["840", "841", "879", "883", "885", "406", "407", "848", "849"],
  '; 497 (childminders) not with IdentificationOfRisk 006, 007 or 008; a code beginning with 6 (civil servants) only when "een bijdrage voor ontslagen statutair personeel - stelsel van de ZIV-uitkering (= werknemerskengetal 876) moet aangegeven worden" (a WorkerRecord with 876 in the form)',
  (code, form) => {
    if (code === "497" && ["006", "007", "008"].includes(riskOf(form) ?? ""))
      return `WorkerCode 497 is not allowed with IdentificationOfRisk ${riskOf(form)}`;
    const dismissed = workerRecords(form).some((record) => text(record, "WorkerCode") === DISMISSED_STATUTORY);
    return code.startsWith("6") && !dismissed ? `WorkerCode ${code} (a civil servant) without a WorkerRecord ${DISMISSED_STATUTORY}` : null;
  },
);

/** "Vanaf de aangiften van het 2014/1, moet de vestigingseenheid uitsluitend op niveau van de tewerkstelling aangegeven worden". */
const LOCAL_UNIT_ON_OCCUPATION_FROM = 20141;

const LOCAL_UNIT_NOT_ON_WORKER_RECORD: GlossaryCondition = {
  zone: "00042",
  anomaly: "00042-146",
  condition:
    'LocalUnitID: "Vanaf de aangiften van het 2014/1, moet de vestigingseenheid uitsluitend op niveau van de tewerkstelling aangegeven worden": not on the WorkerRecord from Quarter 20141',
  check: (form) => {
    const quarter = quarterOf(form);
    if (quarter === null || quarter.code < LOCAL_UNIT_ON_OCCUPATION_FROM) return null;
    return collect(workerRecords(form), (record) =>
      text(record, "LocalUnitID") === null ? null : `LocalUnitID on the WorkerRecord in quarter ${quarter.code}`,
    );
  },
};

const OCCUPATION_FORBIDDEN_FOR_DISMISSED: GlossaryCondition = {
  zone: "90015",
  anomaly: "90015-005",
  condition:
    'Occupation "mag niet aanwezig zijn indien de werknemerslijn (blok 90012) een ontslagen statutaire werknemer (werknemerskengetal 876) betreft"',
  check: (form) =>
    collect(workerRecords(form), (record) =>
      text(record, "WorkerCode") === DISMISSED_STATUTORY && nodes(record, "Occupation").length > 0
        ? `WorkerRecord ${DISMISSED_STATUTORY} with an Occupation`
        : null,
    ),
};

// ---------------------------------------------------------------- occupations

function eachOccupation(form: FormNode, check: (occupation: FormNode, record: FormNode) => string | null): string | null {
  return collect(occupationsOf(form), ({ occupation, record }) => check(occupation, record));
}

const OCCUPATION_NUMBER_UNIQUE: GlossaryCondition = {
  zone: "00043",
  anomaly: "00043-006",
  condition: 'OccupationSequenceNbr: "Dit nummer moet uniek zijn binnen een werknemerslijn"',
  check: (form) =>
    collect(workerRecords(form), (record) => {
      const numbers = nodes(record, "Occupation").map((o) => text(o, "OccupationSequenceNbr"));
      const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
      return twice === undefined ? null : `OccupationSequenceNbr ${twice} twice in WorkerRecord ${text(record, "WorkerCode")}`;
    }),
};

const OCCUPATION_START_IN_DOMAIN: GlossaryCondition = {
  zone: "00044",
  anomaly: "00044-008",
  condition:
    'OccupationStartingDate: "het jaar een element van [jaar van de aangifte - 100 ; jaar van de aangifte]" (severance periods, the exception, are never declared in this form)',
  check: (form) => {
    const quarter = quarterOf(form);
    if (quarter === null) return null;
    return eachOccupation(form, (occupation) => {
      const start = date(occupation, "OccupationStartingDate");
      const year = start === null ? null : Number(start.slice(0, 4));
      return year !== null && (year < quarter.year - 100 || year > quarter.year)
        ? `OccupationStartingDate ${start} outside [${quarter.year - 100}; ${quarter.year}]`
        : null;
    });
  },
};

const OCCUPATION_END_IN_DOMAIN: GlossaryCondition = {
  zone: "00045",
  anomaly: "00045-008",
  condition:
    'OccupationEndingDate: "De einddatum moet een element zijn van [begindatum van het sociale zekerheidskwartaal; einddatum van het sociale zekerheidskwartaal + 2 jaar]" (00038, 00039 of its WorkerRecord)',
  check: (form) =>
    eachOccupation(form, (occupation, record) => {
      const end = date(occupation, "OccupationEndingDate");
      const [first, last] = [date(record, "NOSSQuarterStartingDate"), date(record, "NOSSQuarterEndingDate")];
      if (end === null || first === null || last === null) return null;
      const latest = `${Number(last.slice(0, 4)) + 2}${last.slice(4)}`;
      if (end < first) return `OccupationEndingDate ${end} before NOSSQuarterStartingDate ${first}`;
      return end > latest ? `OccupationEndingDate ${end} after ${latest} (NOSSQuarterEndingDate + 2 years)` : null;
    }),
};

const PAY_MODES = ["10", "12", "20"];

const PAY_MODE_IN_DOMAIN: GlossaryCondition = {
  zone: "00060",
  anomaly: "00060-008",
  condition:
    'TenthOrTwelfth is "10 = betaling in tienden", "12 = betaling in twaalfden" or "20 = Hervorming schooljaar 2022 - Franstalig onderwijs"',
  check: (form) =>
    eachOccupation(form, (occupation) => {
      const value = text(occupation, "TenthOrTwelfth");
      return value !== null && !PAY_MODES.includes(value) ? `TenthOrTwelfth ${value} is not 10, 12 or 20` : null;
    }),
};

const LOCAL_UNIT_REQUIRED: GlossaryCondition = {
  zone: "00042",
  anomaly: "00042-001",
  condition:
    'LocalUnitID on the Occupation: "Verplicht indien deze betrekking heeft op het kwartaal 2014/1 of een daaropvolgend kwartaal, los van het feit of de werkgever verschillende bedrijfszetels heeft of niet"',
  check: (form) => {
    const quarter = quarterOf(form);
    if (quarter === null || quarter.code < LOCAL_UNIT_ON_OCCUPATION_FROM) return null;
    return eachOccupation(form, (occupation) =>
      text(occupation, "LocalUnitID") === null ? `Occupation ${text(occupation, "OccupationSequenceNbr")} without LocalUnitID` : null,
    );
  },
};

/** The fictitious establishment-unit numbers the glossary lists ("Vanaf de aangiftes van 2014/1 kan het gebruik van een fictief nummer noodzakelijk zijn"). */
const FICTITIOUS_UNITS = ["8999999993", "8999999104", "8999999203", "8999999302", "8999999401", "8999999005", "8999999894"];

const LOCAL_UNIT_CHECK_DIGIT: GlossaryCondition = {
  zone: "00042",
  anomaly: "00042-004",
  condition:
    'LocalUnitID: "de posities 1 tot 8 overeenkomen met een volgnummer, met op de eerste positie een cijfer gelegen tussen 2 en 8; de posities 9 en 10 overeenkomen met een controlegetal" (97 - (first eight mod 97)), or one of the fictitious numbers the glossary lists',
  check: (form) => {
    const units = [...workerRecords(form), ...occupationsOf(form).map(({ occupation }) => occupation)].map((n) => text(n, "LocalUnitID"));
    return collect(units, (unit) =>
      unit === null || !/^\d{10}$/.test(unit) || FICTITIOUS_UNITS.includes(unit) || isValidEstablishmentUnit(unit)
        ? null
        : `LocalUnitID ${unit}: not an establishment unit (first digit 2-8, check digits)`,
    );
  },
};

const RISK_DETAIL_OCCUPATION_REQUIRED: GlossaryCondition = {
  zone: "90006",
  anomaly: "90006-001",
  condition:
    'RiskDetailOccupation is "VERPLICHT INDIEN het de lopende tewerkstelling op de datum - aanvang van het risico betreft": an Occupation with OccupationStartingDate <= RiskStartingDate <= OccupationEndingDate (or no end) carries it (the 30 days after an ended one need the other occupations, not checked)',
  check: (form) => {
    const start = riskStartOf(form);
    if (start === null) return null;
    return eachOccupation(form, (occupation) => {
      const [from, to] = [date(occupation, "OccupationStartingDate"), date(occupation, "OccupationEndingDate")];
      const running = from !== null && from <= start && (to === null || to >= start);
      return running && node(occupation, "RiskDetailOccupation") === null
        ? `Occupation ${text(occupation, "OccupationSequenceNbr")} runs on ${start} without RiskDetailOccupation`
        : null;
    });
  },
};

// ---------------------------------------------------------------- the occupation's data for the risk

function eachRiskDetail(form: FormNode, check: (risk: FormNode) => string | null): string | null {
  return collect(
    occupationsOf(form).flatMap(({ risk }) => (risk === null ? [] : [risk])),
    check,
  );
}

const LAST_WORKING_DAY_BEFORE_RISK: GlossaryCondition = {
  zone: "00410",
  anomaly: "00410-008",
  condition:
    'LastWorkingDayDate: "In geval van een identificatie van het risico 002, 003, 004, 005, 006, 007 of 008, ligt deze datum vóór de DATUM - AANVANG VAN HET RISICO" (for 001 it may be on or, for a relapse, after it: a relapse is not visible in the form)',
  check: (form) => {
    const start = riskStartOf(form);
    if (start === null || riskOf(form) === "001") return null;
    return eachRiskDetail(form, (risk) => {
      const last = date(risk, "LastWorkingDayDate");
      return last !== null && last >= start
        ? `LastWorkingDayDate ${last} not before RiskStartingDate ${start} (risk ${riskOf(form)})`
        : null;
    });
  },
};

/** The time unit of the pay (00189): 1 = uur. */
const HOUR = 1;

function basisAmountPresence(
  zone: "00191" | "00192",
  label: string,
  requiredFor: (unit: number) => boolean,
  words: { readonly required: string; readonly forbidden: string },
) {
  return (anomaly: string): GlossaryCondition =>
    presenceRow(anomaly, words, (required, form) =>
      eachRiskDetail(form, (risk) => {
        const base = node(risk, "CalculationBaseAllowance");
        const unit = int(base, "RemunerationTimeUnit");
        if (base === null || unit === null) return null;
        const present = text(base, label) !== null;
        if (required) return requiredFor(unit) && !present ? `RemunerationTimeUnit ${unit} without ${label} (${zone})` : null;
        return !requiredFor(unit) && present ? `${label} (${zone}) with RemunerationTimeUnit ${unit}` : null;
      }),
    );
}

const monthlyBasis = basisAmountPresence("00191", "RemunerationBasisAmount", (unit) => unit !== HOUR, {
  required:
    'RemunerationBasisAmount is "Verplicht indien de tijdseenheid van de bezoldiging de dag, de week, de maand, het trimester of het jaar is" (00189 2-6)',
  forbidden: "RemunerationBasisAmount is not given for pay per hour (00189 = 1): the hourly amount is 00192, required then",
});
const hourlyBasis = basisAmountPresence("00192", "PieceTaskServicesCommissionRemunerationBasisAmount", (unit) => unit === HOUR, {
  required:
    'PieceTaskServicesCommissionRemunerationBasisAmount is "Verplicht indien de tijdseenheid van bezoldiging het uur is" (00189 = 1)',
  forbidden:
    "PieceTaskServicesCommissionRemunerationBasisAmount is not given when the time unit is not the hour (00189 2-6): the amount is then 00191",
});

/** "Verplicht indien het risico begint vanaf 30 december 2016". */
const STABLE_INDICATOR_FROM = "2016-12-30";

const STABLE_INDICATOR_REQUIRED: GlossaryCondition = {
  zone: "01160",
  anomaly: "01160-001",
  condition: `StableOccupationIndicator is "Verplicht indien het risico begint vanaf 30 december 2016" (RiskStartingDate on or after ${STABLE_INDICATOR_FROM}), in each CalculationBaseAllowance`,
  check: (form) => {
    const start = riskStartOf(form);
    if (start === null || start < STABLE_INDICATOR_FROM) return null;
    return eachRiskDetail(form, (risk) => {
      const base = node(risk, "CalculationBaseAllowance");
      return base !== null && text(base, "StableOccupationIndicator") === null
        ? `no StableOccupationIndicator for a risk starting ${start}`
        : null;
    });
  },
};

const REFERENCE_PERIOD_FORBIDDEN: GlossaryCondition = {
  zone: "90077",
  anomaly: "90077-005",
  condition: "ReferencePeriod: \"Het blok mag niet aanwezig zijn als de identificatie van het risico gelijk is aan '004'\"",
  check: (form) =>
    riskOf(form) === "004" && referencePeriodsOf(form).length > 0 ? "a ReferencePeriod with IdentificationOfRisk 004" : null,
};

// ---------------------------------------------------------------- the reference period and its days

function eachPeriod(form: FormNode, check: (view: PeriodView) => string | null): string | null {
  return collect(referencePeriodsOf(form), check);
}

const START_ON_RISK = ["006", "007", "008"];
const START_FROM_RISK = ["001", "002", "003", "005"];

const REF_START_FITS_RISK: GlossaryCondition = {
  zone: "00074",
  anomaly: "00074-023",
  condition:
    'RefStartingDate: with IdentificationOfRisk 001, 002, 003 or 005 "is de datum gelijk aan of ligt ná de datum - aanvang van het risico"; with 006, 007 or 008 "is de datum gelijk aan de datum - aanvang van het risico"',
  check: (form) => {
    const [risk, riskStart] = [riskOf(form) ?? "", riskStartOf(form)];
    if (riskStart === null) return null;
    return eachPeriod(form, ({ start }) => {
      if (start === null) return null;
      if (START_ON_RISK.includes(risk) && start !== riskStart)
        return `RefStartingDate ${start} is not RiskStartingDate ${riskStart} (risk ${risk})`;
      return START_FROM_RISK.includes(risk) && start < riskStart
        ? `RefStartingDate ${start} before RiskStartingDate ${riskStart} (risk ${risk})`
        : null;
    });
  },
};

const REF_END_NOT_BEFORE_START: GlossaryCondition = {
  zone: "00075",
  anomaly: "00075-014",
  condition: 'RefEndingDate: "De datum is gelijk aan of ligt ná de datum waarop de referteperiode begint"',
  check: (form) =>
    eachPeriod(form, ({ start, end }) =>
      start !== null && end !== null && end < start ? `RefEndingDate ${end} before RefStartingDate ${start}` : null,
    ),
};

const REF_END_NOT_AFTER_CREATION: GlossaryCondition = {
  zone: "00075",
  anomaly: "00075-008",
  condition:
    'RefEndingDate: "In geval van een identificatie van het risico 006, ligt de datum vóór of is gelijk aan de datum van creatie van het formulier"',
  check: (form) => {
    const created = creationDateOf(form);
    if (created === null || riskOf(form) !== "006") return null;
    return eachPeriod(form, ({ end }) =>
      end !== null && end > created ? `RefEndingDate ${end} after FormCreationDate ${created} (risk 006)` : null,
    );
  },
};

/** The most NatureOfDay entries of a birth leave (006) by the start of the risk; 182 for every other risk. */
function mostDays(risk: string, riskStart: string): number {
  if (risk !== "006") return 182;
  if (riskStart < "2021-01-01") return 10;
  return riskStart <= "2022-12-31" ? 15 : 20;
}

const DAYS_CARDINALITY: GlossaryCondition = {
  zone: "90074",
  anomaly: "90074-090",
  condition:
    'NatureOfDay: "Kardinaliteit 1..182 indien het risico gelijk is aan 001, 002, 003, 005, 007 of 008"; for 006 1..10 when the risk starts before 01/01/2021, 1..15 from then, 1..20 "indien de begindatum van het risico na 31/12/2022 gelegen is" (the birth date, which can lower it, is not in the form: the highest limit the risk start allows is held)',
  check: (form) => {
    const [risk, riskStart] = [riskOf(form) ?? "", riskStartOf(form)];
    if (riskStart === null) return null;
    const limit = mostDays(risk, riskStart);
    return eachPeriod(form, ({ days }) =>
      days.length > limit ? `${days.length} NatureOfDay entries, at most ${limit} for risk ${risk} starting ${riskStart}` : null,
    );
  },
};

const DAY_IN_PERIOD: GlossaryCondition = {
  zone: "00178",
  anomaly: "00178-097",
  condition:
    '"Onverenigbaarheid referteperiode": every DayIndicator (--MM-DD) is a day of its reference period [RefStartingDate; RefEndingDate]',
  check: (form) =>
    eachPeriod(form, ({ start, end, days }) =>
      start === null || end === null || end < start
        ? null
        : collect(days, (day) => {
            const indicator = dayIndicatorOf(day);
            return indicator !== null && dayInPeriod(indicator, start, end) === null
              ? `DayIndicator ${indicator} outside ${start} .. ${end}`
              : null;
          }),
    ),
};

const DAY_BEFORE_PERIOD_END: GlossaryCondition = {
  zone: "00178",
  anomaly: "00178-008",
  condition:
    'DayIndicator: "Als de identificatie van het risico gelijk is aan 007 (adoptieverlof) of 008 (pleegouderverlof), moet de datum van de dag lager dan de einddatum van de referteperiode zijn"',
  check: (form) => {
    if (!["007", "008"].includes(riskOf(form) ?? "")) return null;
    return eachPeriod(form, ({ start, end, days }) =>
      start === null || end === null
        ? null
        : collect(days, (day) =>
            dayInPeriod(dayIndicatorOf(day), start, end) === end ? `DayIndicator ${dayIndicatorOf(day)} is RefEndingDate ${end}` : null,
          ),
    );
  },
};

const DAY_ONCE: GlossaryCondition = {
  zone: "00178",
  anomaly: "00178-006",
  condition: '"Te veel identieke gevallen": a DayIndicator occurs once in its reference period',
  check: (form) =>
    eachPeriod(form, ({ days }) => {
      const indicators = days.map(dayIndicatorOf);
      const twice = indicators.find((d, i) => indicators.indexOf(d) !== i);
      return twice === undefined ? null : `DayIndicator ${twice} twice`;
    }),
};

const CODES_OF_001 = ["1", "1.1", "1.3"];
const CODES_OF_OTHER_RISKS = [
  "1",
  "2.1",
  "2.4",
  "2.5",
  "2.6",
  "2.7",
  "2.8",
  "2.9",
  "3.1",
  "3.2",
  "3.3",
  "3.4",
  "3.5",
  "4",
  ...Array.from({ length: 11 }, (_, i) => `5.${i + 1}`),
  "6.5",
  "6.6",
  "6.7",
  "6.8",
  "6.9",
  "7",
  "9",
];

/** The day codes (annex 13) zone 00179 allows per IdentificationOfRisk. */
export function dayCodesOf(risk: string): readonly string[] {
  if (risk === "001") return [...new Set([...CODES_OF_001, ...CODES_OF_OTHER_RISKS])];
  if (risk === "006") return ["1", "6.10"];
  if (risk === "007" || risk === "008") return ["1", "4"];
  return CODES_OF_OTHER_RISKS;
}

const DAY_CODE_FITS_RISK: GlossaryCondition = {
  zone: "00179",
  anomaly: "00179-008",
  condition:
    'DayNatureCode per IdentificationOfRisk: 001 "1, 1.1, 1.3, 2.1, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.1 t.e.m. 3.5, 4, 5.1 t.e.m. 5.11, 6.5 t.e.m. 6.9, 7 en 9"; 006 "1" or "6.10"; 007 and 008 "1" or "4"; the other risks the list of 001 without 1.1 and 1.3',
  check: (form) => {
    const risk = riskOf(form);
    if (risk === null) return null;
    const allowed = dayCodesOf(risk);
    return eachPeriod(form, ({ days }) =>
      collect(days, (day) => {
        const code = text(day, "DayNatureCode");
        return code !== null && !allowed.includes(code) ? `DayNatureCode ${code} is not allowed with IdentificationOfRisk ${risk}` : null;
      }),
    );
  },
};

/** "Het totaal van de uren die voor eenzelfde dag worden opgegeven mag niet groter zijn dan 14 uren". */
const MOST_HOURS_A_DAY = 1400;

const HOURS_A_DAY: GlossaryCondition = {
  zone: "00180",
  anomaly: "00180-008",
  condition:
    'HoursNumber: "Het totaal van de uren die voor eenzelfde dag worden opgegeven mag niet groter zijn dan 14 uren (m.a.w. de maximum grens wordt hier 1400). De waarde 0 is niet toegelaten" (summed over every occupation of the form)',
  check: (form) => {
    const perDay = new Map<string, number>();
    const zero: string[] = [];
    for (const { days } of referencePeriodsOf(form))
      for (const day of days) {
        const value = int(day, "HoursNumber");
        if (value === null) continue;
        if (value === 0) zero.push(`HoursNumber 0 on ${dayIndicatorOf(day)}`);
        const key = dayIndicatorOf(day) ?? "";
        perDay.set(key, (perDay.get(key) ?? 0) + value);
      }
    const over = [...perDay].filter(([, total]) => total > MOST_HOURS_A_DAY).map(([day, total]) => `${hours(total)} hours on ${day}`);
    const found = [...zero, ...over];
    return found.length === 0 ? null : found.join("; ");
  },
};

const SERVICE_END_FROM_RISK: GlossaryCondition = {
  zone: "00385",
  anomaly: "00385-008",
  condition:
    'ServiceEndingDate: "De datum waarop de relatie werkgever-werknemer eindigt is gelijk aan of ligt ná de begindatum van het risico"',
  check: (form) => {
    const end = date(node(naturalPerson(form), "ServiceData"), "ServiceEndingDate");
    const start = riskStartOf(form);
    return end !== null && start !== null && end < start ? `ServiceEndingDate ${end} before RiskStartingDate ${start}` : null;
  },
};

export const ZIMA001_CONDITIONS: readonly GlossaryCondition[] = [
  // The envelope and the contact person, the references, the employer and the person (shared rows).
  ANSWER_IS_ORIGINAL,
  CONTACT_PERSON_REQUIRED,
  CONTACT_PERSON_HAS_DATA,
  CONTACT_COMMUNICATION_REQUIRED,
  CONTACT_EMAIL_REQUIRED,
  CONTACT_EMAIL_VALID,
  REFERENCE_REQUIRED,
  referenceForbidden(null),
  REFERENCE_TICKET_PER_TYPE,
  S_AT_MOST_LIMIT,
  ORIGIN_NOT_TICKET_FOR_OWN_REFERENCE,
  NOSS_DOMAIN,
  NOSS_CHECK_DIGIT,
  KBO_CHECK_DIGIT,
  PREVENTION_SERVICE_KBO_CHECK_DIGIT,
  inszStructure(false),
  INSZ_CHECK_DIGIT,
  INSZ_DOMAIN,
  // The risk's blocks before the employer.
  RISK_IDENTIFICATION_REQUIRED,
  RISK_DETAIL_REQUIRED,
  WORK_RECOVERY_FORBIDDEN,
  WORK_RECOVERY_IN_DOMAIN,
  PREVENTION_SERVICE_FORBIDDEN,
  // The mini-DmfA: employer declaration, worker records, occupations.
  EMPLOYER_DECLARATION_REQUIRED,
  EMPLOYER_DECLARATION_ONCE_IN_CANCELLATION,
  EMPLOYER_DECLARATION_PER_QUARTER,
  workerRecordPresence("90012-001"),
  workerRecordPresence("90012-005"),
  WORKER_RECORD_ONCE_PER_PAIR,
  EMPLOYER_CLASS_ALLOWED,
  WORKER_CODE_ALLOWED,
  quarterDateInYear("00038", "NOSSQuarterStartingDate"),
  QUARTER_START_FITS_QUARTER,
  quarterDateInYear("00039", "NOSSQuarterEndingDate"),
  QUARTER_END_FITS_QUARTER,
  QUARTER_END_NOT_BEFORE_START,
  LOCAL_UNIT_NOT_ON_WORKER_RECORD,
  OCCUPATION_FORBIDDEN_FOR_DISMISSED,
  OCCUPATION_NUMBER_UNIQUE,
  OCCUPATION_START_IN_DOMAIN,
  OCCUPATION_END_IN_DOMAIN,
  OCCUPATION_END_NOT_BEFORE_START,
  ZERO_DAYS_IFF_ZERO_HOURS_00047,
  ZERO_DAYS_IFF_ZERO_HOURS_00048,
  Q_AT_MOST_LIMIT,
  S_AT_MOST_LIMIT,
  PAY_MODE_IN_DOMAIN,
  LOCAL_UNIT_REQUIRED,
  LOCAL_UNIT_CHECK_DIGIT,
  // The occupation's data for the risk.
  RISK_DETAIL_OCCUPATION_REQUIRED,
  LAST_WORKING_DAY_BEFORE_RISK,
  monthlyBasis("00191-001"),
  monthlyBasis("00191-005"),
  hourlyBasis("00192-001"),
  hourlyBasis("00192-005"),
  STABLE_INDICATOR_REQUIRED,
  REFERENCE_PERIOD_FORBIDDEN,
  REF_START_FITS_RISK,
  REF_END_NOT_BEFORE_START,
  REF_END_NOT_AFTER_CREATION,
  DAYS_CARDINALITY,
  DAY_IN_PERIOD,
  DAY_BEFORE_PERIOD_END,
  DAY_ONCE,
  DAY_CODE_FITS_RISK,
  HOURS_A_DAY,
  // The end of the relation.
  SERVICE_DATA_FORBIDDEN,
  SERVICE_END_FROM_RISK,
];
