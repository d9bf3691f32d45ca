/**
 * The coverage decisions of domain.md D22, per form type: every class-B anomaly of the form type's own
 * glossary that is not a row of its table (src/form-types/<type>/glossary-conditions.ts) is enforced by the XSD the form is
 * validated against (each claim verified by test/unit/glossary-conditions.test.ts), or cannot be checked
 * before the form is sent, with the reason. Anomalies of the kinds in XSD_BY_KIND (-001 of indispensable
 * zones and blocks, -002, -003 of typed zones, -091, -093) need no listing; the test verifies each one.
 */
import { REASON, XSD_BY_KIND, notCheckable, xsd } from "./coverage-reasons";
import type { AnomalyCoverage, GlossaryFormType, NotCheckableDecision, XsdDecision } from "./types";

/** Decisions on the envelope, the employer and the person, which every form type has. */
const ENVELOPE_XSD: readonly XsdDecision[] = [
  xsd("enumeration", REASON.enumeration, ["00296-008", "00430-008", "00297-008"]),
  xsd("range", REASON.range, ["00012-008", "00156-008"]),
  xsd("range", `${REASON.range}; that the number is "uniek binnen een aangifte" concerns the whole file, which the file writer numbers`, [
    "00023-008",
  ]),
  xsd("pattern", REASON.pattern, ["00014-008"]),
];

/** Decisions every form type with worker records shares: the envelope's, and the occupation's. */
const SHARED_XSD: readonly XsdDecision[] = [...ENVELOPE_XSD, xsd("range", REASON.range, ["00054-008"])];

const NEVER_PPL = ["90168-151", "90168-005", "00109-008", "00109-004", "00109-155", "00109-051"];

const ENVELOPE_NOT_CHECKABLE: readonly NotCheckableDecision[] = [
  notCheckable(REASON.processing, ["90059-452", "90059-163"]),
  notCheckable(REASON.personRegisters, ["90017-151", "90017-152"]),
  notCheckable(REASON.employerRegister, ["90067-151", "00012-022", "00011-051", "00014-051", "00014-022"]),
  notCheckable(REASON.employerKind, ["90067-005"]),
  notCheckable(REASON.mandate, ["00011-155", "00014-155"]),
  notCheckable(REASON.earlierForms, ["00222-207", "00222-238", "00222-023", "00222-234", "00222-181", "00222-180"]),
  notCheckable(REASON.ticketCheckDigit, ["00222-004"]),
];

const SHARED_NOT_CHECKABLE: readonly NotCheckableDecision[] = [
  ...ENVELOPE_NOT_CHECKABLE,
  notCheckable(REASON.processing, ["90068-244", "90068-159"]),
  notCheckable(REASON.employerRegister, ["00036-051"]),
  notCheckable(REASON.neverPpl, NEVER_PPL),
  notCheckable(REASON.codeTables, ["00046-030", "00046-314", "00046-035", "00046-085", "00046-495", "00036-034", "00037-035"]),
  notCheckable(REASON.age, ["00037-060", "00037-077"]),
  notCheckable(REASON.committeeList, ["00046-008"]),
  notCheckable(REASON.neverOccupationExtras, [
    "00053-001",
    "00053-008",
    "00053-020",
    "00053-025",
    "00053-030",
    "00053-034",
    "00053-379",
    "00050-008",
    "00050-030",
    "00055-008",
    "00055-030",
    "00056-008",
    "00056-030",
    "00056-212",
  ]),
];

/** The two unemployment forms: no contact person, no person details, the same reference and status domains. */
const WECH_XSD: readonly XsdDecision[] = [
  ...SHARED_XSD,
  xsd("enumeration", REASON.enumeration, ["00110-008", "00221-008"]),
  xsd("range", REASON.range, ["00099-008"]),
];

const WECH_NOT_CHECKABLE: readonly NotCheckableDecision[] = [
  ...SHARED_NOT_CHECKABLE,
  notCheckable(REASON.neverContactWech, [
    "90257-134",
    "00726-003",
    "00727-003",
    "00677-003",
    "00636-003",
    "00678-003",
    "00637-003",
    "00517-003",
    "00518-003",
    "00519-003",
    "00520-003",
    "00520-008",
    "00522-003",
    "00522-160",
    "00523-008",
  ]),
  notCheckable(REASON.neverPersonDetails, [
    "00030-003",
    "00031-003",
    "00032-003",
    "00033-003",
    "00033-008",
    "00034-003",
    "00035-008",
    "00615-003",
  ]),
  notCheckable(REASON.neverOccupationExtras, ["00053-003"]),
  notCheckable(REASON.ticketFormat, ["00222-003"]),
];

const WORK_GRID_CODES = ["90065-001", "90065-006", "90037-001", "00101-008", "00102-008", "00103-003"];

const WECH003: AnomalyCoverage = {
  xsdByKind: XSD_BY_KIND,
  xsd: [...WECH_XSD, xsd("range", REASON.range, ["00095-008", "00096-008"])],
  notCheckable: [
    ...WECH_NOT_CHECKABLE,
    notCheckable(
      "WorkGrid (90060) and what it holds are never written: the glossary forbids it for part-time work starting from 2016, the project's OccupationStartingDate is never before the 2017 circular (D5), and row 90060-005 rejects a form that would carry one",
      WORK_GRID_CODES,
    ),
  ],
};

const WECH006: AnomalyCoverage = {
  xsdByKind: XSD_BY_KIND,
  xsd: [
    ...WECH_XSD,
    xsd("enumeration", REASON.enumeration, ["00769-008", "00122-008"]),
    xsd(
      "enumeration",
      `${REASON.enumeration} ("01" ... "99"); that it "moet 98 zijn indien het een tewerkstelling als leerkracht betreft" depends on the job, which the form does not carry (the project writes 98 on every WECH006, D9)`,
      ["01095-008"],
    ),
    xsd("enumeration", "the XSD's enumeration of WorkScheduleCode rejects any other text", ["01095-003"]),
    xsd("range", REASON.range, ["00194-008", "01230-008", "01034-008", "00124-008", "00068-008"]),
  ],
  notCheckable: [
    ...WECH_NOT_CHECKABLE,
    notCheckable(
      "WorkGrid (90060) and what it holds are never written: the glossary forbids it for reference months from 2016, the project declares no month before 2017-09 (D6), and row 90060-005 rejects a form that would carry one",
      WORK_GRID_CODES,
    ),
    notCheckable(
      'a code allowed only for some employers ("98 = Tewerkstelling als leerkracht (alleen toegelaten voor de Duitse, Franse of Vlaamse Gemeenschap)", day codes of one sector such as 1.3): the kind of employer is in the RSZ repertory',
      ["01095-451", "00179-451"],
    ),
    notCheckable(
      'NatureOfDay is "Verplicht indien het een (halve) dag betreft waarvoor een code aard van de dag moet worden meegedeeld": which days need a code is day-level source data, and the source holds no day-level events for teaching assignments (src/form-types/wech006/form.ts)',
      ["90074-001"],
    ),
  ],
};

/** The two benefits forms: contact person written (Communication, no Address), answers to requests exist in the sector. */
const ZIMA_XSD: readonly XsdDecision[] = [...SHARED_XSD, xsd("range", REASON.range, ["00393-008", "00554-008"])];

const ZIMA_NOT_CHECKABLE: readonly NotCheckableDecision[] = [
  ...SHARED_NOT_CHECKABLE,
  notCheckable(REASON.neverContactAddress, ["00520-008", "00522-160", "00523-008"]),
  notCheckable(REASON.employerRegister, ["00044-278"]),
  notCheckable(
    'Retired (00054) is "Facultatief" yet has a "Niet aanwezig" anomaly: when it is required is not said in the glossary; the project does not write it on these forms',
    ["00054-001"],
  ),
];

const ZIMA002: AnomalyCoverage = {
  xsdByKind: XSD_BY_KIND,
  xsd: [
    ...ZIMA_XSD,
    xsd("enumeration", REASON.enumeration, ["00221-008"]),
    xsd("range", REASON.range, ["00061-008", "00063-008", "00064-008", "00065-008", "00068-008", "01132-008"]),
  ],
  notCheckable: [
    ...ZIMA_NOT_CHECKABLE,
    notCheckable(REASON.codeTables, [
      "90524-025",
      "90524-030",
      "90524-085",
      "90524-212",
      "00062-025",
      "00062-030",
      "00062-403",
      "00062-075",
      "00062-212",
      "00122-030",
      "00122-025",
      "00122-020",
      "00122-085",
      "00122-212",
      "00122-213",
      "00122-075",
      "00122-403",
      "00122-053",
    ]),
    notCheckable(REASON.age, ["00062-077"]),
    notCheckable('ServiceCode must be one of annex 8 with "yes" in the DMFA column: annex 8 is not in the glossary', ["00062-008"]),
    notCheckable(
      'BonusPaymentFrequency is "Verplicht indien het gaat om een premie" and must fit the wage code: which wage codes are premiums is in annex 7 (DmfA), not in the glossary; the project writes no premium codes (seed 002 wage list)',
      ["00068-001", "00068-029"],
    ),
    notCheckable('"Niet toegelaten": FlightNbrMinutes is for aviation crews and military pilots only; the project never writes it', [
      "00065-146",
    ]),
    notCheckable(
      'OccupationEndingDate is "Verplicht indien de tewerkstelling eindigt vóór of in de loop van de referteperiode": whether it ends is source data the form does not carry when the date is missing (a SeverancePayment without the date is caught by row 90524-005)',
      ["00045-001"],
    ),
    notCheckable(
      '"Verbrekingvergoeding aanwezig met andere bezoldigingen": in this form severance is a block of the ending occupation, which carries the pay of its own worked days (seed 002 §3.3), so the form alone does not show which other pay conflicts: the institution compares with the DmfA',
      ["90068-169"],
    ),
    notCheckable(
      '"Bezoldigingen te hoog": the glossary gives no limit; the institution compares the declared pay with what it knows of the worker',
      ["90063-449"],
    ),
    notCheckable("a severance period that conflicts with the worker's occupations as the institution knows them (DmfA)", ["01130-099"]),
    notCheckable(REASON.clockOfReceipt, ["00218-008"]),
  ],
};

const ZIMA005: AnomalyCoverage = {
  xsdByKind: XSD_BY_KIND,
  xsd: [...ZIMA_XSD, xsd("range", REASON.range, ["00194-008", "00198-008"])],
  notCheckable: [
    ...ZIMA_NOT_CHECKABLE,
    notCheckable(REASON.request, ["90017-233", "00024-233", "00011-233", "00014-233", "00109-233", "00296-233", "00222-052", "00222-507"]),
    notCheckable(REASON.clockOfReceipt, ["00218-008"]),
  ],
};

const ZIMA003: AnomalyCoverage = {
  xsdByKind: XSD_BY_KIND,
  xsd: [...SHARED_XSD, xsd("enumeration", REASON.enumeration, ["00221-008"]), xsd("range", REASON.range, ["00151-008", "00152-008"])],
  notCheckable: [
    ...ZIMA_NOT_CHECKABLE,
    notCheckable(REASON.request, ["90017-233", "00024-233", "00011-233", "00014-233", "00109-233", "00296-233", "00222-052", "00222-507"]),
    notCheckable(REASON.clockOfReceipt, ["00218-008"]),
    notCheckable(
      'WorkingDaysSystem is "Facultatief" yet has a "Niet aanwezig" anomaly: when it is required is not said in the glossary; the project writes it on every link',
      ["00047-001"],
    ),
  ],
};

/** ZIMA006: no worker record, no occupation; the person and the day of resumption. */
const ZIMA006: AnomalyCoverage = {
  xsdByKind: XSD_BY_KIND,
  xsd: [...ENVELOPE_XSD, xsd("enumeration", REASON.enumeration, ["00221-008"])],
  notCheckable: [
    ...ENVELOPE_NOT_CHECKABLE,
    // FBAMI6 also lists "Element niet gekend" for the PPL block, which the project never writes.
    notCheckable(REASON.neverPpl, [...NEVER_PPL, "90168-092"]),
    notCheckable(REASON.neverContactAddress, ["00520-008", "00522-160", "00523-008"]),
    notCheckable(REASON.request, ["90017-233", "00024-233", "00011-233", "00014-233", "00109-233", "00296-233", "00222-052", "00222-507"]),
    notCheckable(REASON.clockOfReceipt, ["00218-008"]),
  ],
};

export const ANOMALY_COVERAGE: Readonly<Record<GlossaryFormType, AnomalyCoverage>> = {
  WECH003,
  WECH006,
  ZIMA002,
  ZIMA003,
  ZIMA005,
  ZIMA006,
};
