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

/** Why ZIMA001's blocks and zones that §1.2 of zima-1-3-6.md marks "n/a" or "never" are never written. */
const ZIMA001_NEVER = {
  miniDmfa:
    'never written: no Service (90018) or Remun (90019) lines, decision Z1-MINI (zima-1-3-6.md §1.4 R3): "ZIMA001 beperkt tot MiniDmfA" is "alleen toegelaten als antwoord op een aanvraag" and the project submits spontaneously (SU); the mutuality reads the quarterly DmfA',
  miniDmfaOnly:
    'concerns a ZIMA001 "beperkt tot MiniDmfA" (without RiskIdentification), which the project never sends (decision Z1-MINI): every form it writes declares a risk',
  severance:
    'never written: SeverancePayment (90524) and its zones; "Het aangeven van de verschillende periodes gedekt door een verbrekingsvergoeding onder de vorm van nieuwe tewerkstellingen is niet toegelaten in deze aangifte" (00045), and teaching staff get none (§1.2 n/a)',
  dismissedStatutory:
    "never written: DismissedStatutoryWorkerContribution (90005, worker code 876) and what concerns dismissed statutory staff: appointed staff and 6xx worker codes are out of scope of every ZIMA form (decision Z-SCOPE, errata 1); row 00037-008 rejects a 6xx code without 876",
  ppl: "never written: NOSSLPAEmployerDeclaration (90187), NOSSLPAOccupation (90196) and the PPL number (00109) exist for provincial and local authorities up to 2021/4; the ministry declares as an employer registered with the RSZ (D1)",
  partTimeBase:
    "never written: PartTimeCalculBase (90013) is for half-time bridging pension or a partial career break, not supported in v1 (§1.2 decision, OQ7); the project never writes it",
  overtime:
    "never written: the overtime bases SupplHoursCalculBase (90014), HorecaSupplHoursCalculBase (90552) and NonHorecaSupplHoursCalculBase (90553): no structural overtime in education (§1.2 decision, OQ8)",
  exceptSituation:
    'never written: ExceptSituationCalculBase (90030) "mag niet ingevuld worden als ... niet per uur en niet per dag wordt bezoldigd"; teaching staff are paid by the month (00189 = 4)',
  calculBaseRefPeriod:
    "never written: CalculBaseRefPeriod (90405) with ExceptRemunMethodCalculBase (90406) and ChildsitterCalculBase (90407) are for piece or commission pay, volunteer firemen and ambulance staff and childminders, none of which the agencies declare (§1.2 n/a)",
  natureAdvantage:
    "never written: NatureAdvantage (90029), benefits in kind still paid during the risk; the agencies pay none (§1.2 decision)",
  cycle: "never written: Cycle (00190) is only for variable pay; teaching staff have a fixed monthly pay (§1.2 n/a)",
  occupationExtras:
    "never written: WorkerStatus (00053), Apprenticeship (00055), RemunMethod (00056), PositionCode (00057), FlyingStaffClass (00059), ReorganisationMeasure (00051), EmploymentPromotion (00052), DaysJustification (00625), ActivityCode (00228), ActivityWithRisk (00041) and the EmployerDeclaration's NetOwedAmount (00015), System5 (00016), HolidayStartingDate (00017) concern special contracts, apprentices, piece pay, tips, aircrews, working-time measures, special work cycles or the quarterly DmfA itself: §1.2 n/a for the agencies' staff",
  preventionContact:
    "never written: the prevention service's own contact person (90257 under 90564) is left out (§1.2 decision); the form-level contact person is rows 90257-001, 90258-001, 00637-001",
} as const;

const ZIMA001_NOT_CHECKABLE_REASONS = {
  otherQuarters:
    "\"Onverenigbaar met andere kwartalen\": compares this quarter's mini-DmfA with the employer's declarations of other quarters (DmfA), which only the institutions hold",
  quarterDomain:
    'Quarter is "[20031; lopend JJJJK]": the format and the lower bound are the XSD\'s (pattern, minInclusive 20031); the upper bound is relative to the moment the institution receives the form',
  occupationDays:
    "compares the occupation's days, hours, pay or fraction (Q/S) with what the institution knows of the quarter and the working arrangement (DmfA, performances): the form carries no performances (Z1-MINI), and the glossary states no limit the form alone can be held against",
  establishmentUnits:
    "needs the KBO register of establishment units (whether the unit exists, belongs to this employer, was active in the period): only the institutions hold it; its format and check digits are rows 00042-004 and the XSD",
  dayCodeEmployer:
    'a day code allowed only for some employers ("1.3 Arbeidsongeschiktheid betaald door de onderwijssector"): the kind of employer is in the RSZ repertory',
  paidByTimeUnit:
    'CalculationBaseAllowance is "VERPLICHT INDIEN de bezoldiging wordt bepaald in functie van een tijdseenheid" and not for piece, task or commission pay, volunteers or childminders: how the worker is paid is not in the form (the project always writes it, 00189 = 4)',
  firstWorkingDay:
    'LastWorkingDayDate is "Verplicht indien de datum aanvang van het risico niet de eerste arbeidsdag of gelijkgestelde dag is": which day is the first working day needs the work calendar, which the form does not carry',
  occupationEnds:
    'OccupationEndingDate is "Verplicht indien ... de tewerkstelling eindigt in de loop van het kwartaal van de aangifte": when the date is missing the form does not show that the occupation ends',
  prenatalRest:
    'StableOccupationIndicator "Indien de werkne(e)m(st)er met halftijds brugpensioen is of het werk heeft onderbroken om te rusten, ten vroegste vanaf de vijfde maand van de zwangerschap, is de toegelaten waarde 0": whether she did is not in the form (absence.prenatal_rest_stop, errata 3)',
  birthDate:
    'RefEndingDate with risk 006 "ligt in de periode van 4 maanden te rekenen vanaf de geboortedatum van het kind": the birth date is not in the form',
  instructions:
    'the glossary states no condition for this anomaly beyond the rows of the same zone ("zie administratieve instructies": the instructions are not in the project\'s sources, OQ2)',
  recoveryRisk:
    "which risks a resumption date is incompatible with, and whether it fits the employer and person the institution knows, is not stated in the glossary: the institution compares with its own file",
  contributionDue: '"Bijdrage vereist volgens de geldende voorwaarden": the trigger is not described in the glossary (§1.5)',
} as const;

/**
 * ZIMA001 (information sheet, glossary FBAMI1 2023/3): its
 * table is ZIMA001_CONDITIONS (src/form-types/zima001/glossary-conditions.ts), its XSD
 * schemas/official/ZIMA001_20231.xsd (test/unit/zima001-glossary-conditions.test.ts verifies both).
 */
export const ZIMA001_COVERAGE: AnomalyCoverage = {
  xsdByKind: XSD_BY_KIND,
  xsd: [
    ...ENVELOPE_XSD,
    xsd("enumeration", REASON.enumeration, ["00221-008"]),
    xsd("range", REASON.range, ["00040-008", "00043-008", "00050-008", "00054-008", "00189-008", "00191-008", "00192-008", "01160-008"]),
    xsd(
      "enumeration",
      "DaysJustification is a string, but the XSD enumerates its values 1 to 6, so a value that is not numeric is rejected",
      ["00625-002"],
    ),
  ],
  notCheckable: [
    notCheckable(REASON.processing, ["90059-452", "90059-163"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.contributionDue, ["90059-273"]),
    notCheckable(REASON.personRegisters, ["90017-151", "90017-152"]),
    notCheckable(REASON.employerRegister, [
      "90007-151",
      "90007-165",
      "00012-022",
      "00011-051",
      "00014-051",
      "00014-022",
      "00036-051",
      "90012-051",
      "00044-278",
    ]),
    notCheckable(REASON.mandate, ["00011-155", "00014-155"]),
    notCheckable(REASON.earlierForms, ["00222-207", "00222-238", "00222-023", "00222-234", "00222-181", "00222-180"]),
    notCheckable(REASON.ticketCheckDigit, ["00222-004"]),
    notCheckable(REASON.request, [
      "90059-233",
      "90017-233",
      "00024-233",
      "00011-233",
      "00014-233",
      "00013-233",
      "00296-233",
      "00222-052",
      "00222-507",
    ]),
    notCheckable(REASON.clockOfReceipt, ["00218-008"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.quarterDomain, ["00013-008"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.otherQuarters, ["00024-214", "00011-214", "00014-214", "00013-214"]),
    notCheckable(REASON.neverContactAddress, ["00520-008", "00522-160", "00523-008"]),
    notCheckable(REASON.codeTables, [
      "00046-030",
      "00046-314",
      "00046-035",
      "00046-085",
      "00046-495",
      "00036-034",
      "00037-035",
      "00037-025",
      "00037-268",
      "00050-030",
      "00060-212",
      "90015-030",
    ]),
    notCheckable(REASON.age, ["00037-060", "00037-077"]),
    notCheckable(REASON.committeeList, ["00046-008"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.occupationDays, [
      "90015-134",
      "90015-095",
      "90015-096",
      "90015-243",
      "90015-244",
      "90015-159",
      "90012-192",
      "90012-260",
      "90012-449",
      "00047-196",
      "00047-245",
    ]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.establishmentUnits, ["00042-053", "00042-451", "00042-021", "00042-468"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.dayCodeEmployer, ["00179-451"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.paidByTimeUnit, ["90032-001", "90032-005"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.firstWorkingDay, ["00410-001"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.occupationEnds, ["00045-001"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.prenatalRest, ["01160-023"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.birthDate, ["00075-023"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.instructions, ["00074-008", "00075-192"]),
    notCheckable(ZIMA001_NOT_CHECKABLE_REASONS.recoveryRisk, ["00128-023", "00128-207"]),
    notCheckable(ZIMA001_NEVER.miniDmfaOnly, ["90006-005", "00408-008"]),
    notCheckable(ZIMA001_NEVER.miniDmfa, [
      "90018-001",
      "90018-006",
      "90018-094",
      "90018-030",
      "90019-001",
      "90019-006",
      "90019-030",
      "00061-008",
      "00061-006",
      "00062-008",
      "00062-030",
      "00062-025",
      "00062-060",
      "00062-077",
      "00062-448",
      "00062-075",
      "00062-212",
      "00062-403",
      "00063-008",
      "00063-034",
      "00063-032",
      "00063-192",
      "00063-448",
      "00064-001",
      "00064-008",
      "00064-448",
      "00065-008",
      "00065-146",
      "00066-008",
      "00066-006",
      "00067-001",
      "00067-008",
      "00067-030",
      "00067-025",
      "00067-020",
      "00067-085",
      "00067-212",
      "00067-259",
      "00067-213",
      "00067-448",
      "00067-075",
      "00067-403",
      "00067-053",
      "00068-001",
      "00068-008",
      "00068-029",
      "00069-008",
      "00069-146",
      "00069-029",
      "00070-008",
      "00070-044",
      "00070-029",
      "00070-046",
    ]),
    notCheckable(ZIMA001_NEVER.severance, [
      "90524-005",
      "90524-025",
      "90524-030",
      "90524-085",
      "90524-212",
      "01130-008",
      "01130-099",
      "01131-008",
      "01131-014",
      "01132-005",
    ]),
    notCheckable(ZIMA001_NEVER.dismissedStatutory, [
      "90005-030",
      "00071-008",
      "00072-008",
      "00072-044",
      "00073-008",
      "00073-021",
      "00127-008",
      "00129-008",
      "00129-014",
      "00045-023",
    ]),
    notCheckable(ZIMA001_NEVER.ppl, [
      "90187-005",
      "90187-006",
      "90196-005",
      "90196-030",
      "90196-095",
      "90196-096",
      "90196-134",
      "90196-159",
      "90196-169",
      "90196-243",
      "90196-244",
      "00109-004",
      "00109-008",
      "00109-051",
      "00109-155",
      "00109-214",
      "00109-233",
    ]),
    notCheckable(ZIMA001_NEVER.partTimeBase, [
      "90013-001",
      "90013-005",
      "00402-001",
      "00402-005",
      "00402-008",
      "00403-001",
      "00403-005",
      "00403-008",
    ]),
    notCheckable(ZIMA001_NEVER.overtime, [
      "90014-023",
      "90552-023",
      "90552-025",
      "90552-211",
      "90553-023",
      "00405-001",
      "00405-008",
      "00406-001",
      "00406-008",
      "01161-008",
      "01162-008",
      "01162-014",
      "01162-098",
    ]),
    notCheckable(ZIMA001_NEVER.exceptSituation, [
      "90030-001",
      "90030-005",
      "00554-001",
      "00554-005",
      "00554-008",
      "00393-001",
      "00393-005",
      "00393-008",
    ]),
    notCheckable(ZIMA001_NEVER.calculBaseRefPeriod, [
      "90405-001",
      "90405-005",
      "90406-001",
      "90406-005",
      "90407-001",
      "90407-005",
      "00943-008",
      "00944-008",
      "00944-014",
      "00945-008",
      "00946-008",
      "00947-008",
    ]),
    notCheckable(ZIMA001_NEVER.natureAdvantage, ["90029-005", "00415-008", "00416-008", "00416-023", "00417-008", "00417-014"]),
    notCheckable(ZIMA001_NEVER.cycle, ["00190-008", "00190-063"]),
    notCheckable(ZIMA001_NEVER.occupationExtras, [
      "00053-001",
      "00053-008",
      "00053-020",
      "00053-025",
      "00053-029",
      "00053-030",
      "00053-034",
      "00053-196",
      "00053-379",
      "00055-001",
      "00055-008",
      "00055-030",
      "00056-008",
      "00056-030",
      "00056-212",
      "00057-001",
      "00057-005",
      "00057-008",
      "00057-025",
      "00057-030",
      "00059-008",
      "00051-008",
      "00051-025",
      "00051-030",
      "00051-212",
      "00051-495",
      "00052-008",
      "00625-008",
      "00625-196",
      "00625-203",
      "00228-008",
      "00041-008",
      "00041-025",
      "00041-030",
      "00041-146",
      "00015-008",
      "00016-008",
      "00017-008",
      "00045-448",
    ]),
  ],
};

export const ANOMALY_COVERAGE: Readonly<Record<GlossaryFormType, AnomalyCoverage>> = {
  WECH003,
  WECH006,
  ZIMA001: ZIMA001_COVERAGE,
  ZIMA002,
  ZIMA003,
  ZIMA005,
  ZIMA006,
};
