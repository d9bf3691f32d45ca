/**
 * Why a decision unit was not declared: a reason (the rules say it must not be declared) or a
 * rejection (the data breaks the source contract). Each code has an English and a Dutch text for
 * operators, school boards and staff.
 */
export const NOT_ELIGIBLE_REASONS = {
  NO_NOTIFICATION_WINDOW: {
    en: "no notification window: every notification was withdrawn from its start",
    nl: "geen geldige RL16-periode: elke melding werd vanaf de geldigheidsdatum ingetrokken",
  },
  OUTSIDE_NOTIFICATION_WINDOW: {
    en: "assignment outside the notification window",
    nl: "opdracht valt buiten de periode van de RL16-melding",
  },
  STARTS_AFTER_RUN_MONTH: {
    en: "occupation within the window starts after the run month: declared in a later run",
    nl: "tewerkstelling binnen de meldingsperiode begint na de verwerkingsmaand: aangifte in een latere maand",
  },
  OCCUPATION_AT_OR_ABOVE_LIMIT: {
    en: "occupation at or above the limit",
    nl: "tewerkstelling gelijk aan of hoger dan de grens",
  },
  GROSS_AT_OR_ABOVE_THRESHOLD: {
    en: "gross monthly salary at or above the threshold",
    nl: "bruto maandsalaris gelijk aan of hoger dan het grensbedrag",
  },
  NO_ASSIGNMENT_IN_WINDOW: {
    en: "no assignment in force during the notification window",
    nl: "geen opdracht tijdens de periode van de RL16-melding",
  },
  NOTIFICATION_AFTER_CUTOFF: {
    en: "notification received after the cut-off: declared in the next month's run",
    nl: "melding ontvangen na de uiterste betaaldatum: aangifte bij de verwerking van de volgende maand",
  },
  NOTHING_NEW: {
    en: "nothing new: everything was declared, or decided on the same facts, in an earlier run",
    nl: "niets nieuws: alles werd in een vorige maand al aangegeven of op dezelfde gegevens beslist",
  },
  BEFORE_ZIMA002_START: {
    en: "reference month before the first month the ZIMA002 accepts for this sub-risk (zone 00074: 2018-07 for sub-risk 1, 2018-01 for 2)",
    nl: "referteperiode vóór de eerste maand die de ZIMA002 voor dit subrisico aanvaardt (zone 00074: 2018-07 voor subrisico 1, 2018-01 voor 2)",
  },
  HOLIDAY_BALANCE_AFTER_CUTOFF: {
    en: "holiday balance registered after the cut-off: declared in the next month's run",
    nl: "vakantiesaldo geregistreerd na de uiterste betaaldatum: aangifte bij de verwerking van de volgende maand",
  },
  FULL_TIME_ASSIGNMENT: {
    en: "full-time assignment (Q = S): no start of part-time work before 2018-09-01, no monthly form for a whole month (glossary 00048)",
    nl: "voltijdse opdracht (Q = S): geen aanvang deeltijdse arbeid vóór 1/9/2018, geen maandaangifte voor een volledige maand (glossarium 00048)",
  },
  WINDOW_TOO_OLD: {
    en: "the notification window ended more than the look-back limit before the run month (mappings: 24 months)",
    nl: "de meldingsperiode eindigde langer dan de terugkijktermijn vóór de verwerkingsmaand (mappings: 24 maanden)",
  },
  PART_OF_ANOTHER_OCCUPATION: {
    en: "this assignment continues another one at the same institution within the month (a change of fraction): declared on that form with the average Q (00769 = 3)",
    nl: "deze opdracht zet binnen de maand een andere opdracht in dezelfde instelling voort (opdrachtwijziging): aangegeven op die aangifte met de gemiddelde Q (00769 = 3)",
  },
  NOT_BENEFITS_INSURED: {
    en: "appointed (statutory) staff are not insured for sickness benefits: no ZIMA form (glossary 00048 of ZIMA001)",
    nl: "vastbenoemde (statutaire) personeelsleden zijn niet verzekerd voor uitkeringen: geen ZIMA-aangifte (glossarium 00048 van ZIMA001)",
  },
} as const satisfies Record<string, { en: string; nl: string }>;

export type NotEligibleReason = keyof typeof NOT_ELIGIBLE_REASONS;

export const REJECTION_RULES = {
  FIELD_REQUIRED: { en: "a required value is missing (NULL)", nl: "verplichte waarde ontbreekt (NULL)" },
  FIELD_NOT_A_NUMBER: { en: "not a number with at most two decimals", nl: "geen getal met hoogstens twee decimalen" },
  FIELD_NOT_AN_INTEGER: { en: "not a whole number", nl: "geen geheel getal" },
  FIELD_NOT_A_DATE: { en: "not a calendar date YYYY-MM-DD", nl: "geen kalenderdatum JJJJ-MM-DD" },
  FIELD_NOT_A_TIMESTAMP: { en: "not a date-time", nl: "geen datum en tijdstip" },
  FIELD_NOT_A_MONTH: { en: "not a month YYYY-MM", nl: "geen maand JJJJ-MM" },
  FIELD_VALUE_NOT_ALLOWED: { en: "value not allowed for this column", nl: "waarde niet toegelaten voor deze kolom" },
  AMOUNT_OUT_OF_RANGE: {
    en: "number outside the range of its column (DECIMAL(p,s) of the source contract): not summed",
    nl: "getal buiten het bereik van zijn kolom (DECIMAL(p,s) van het broncontract): niet opgeteld",
  },
  INSZ_INVALID: { en: "INSZ is not 11 digits with a valid mod-97 check", nl: "INSZ is geen 11 cijfers met geldig controlegetal (mod 97)" },
  DUPLICATE_INSZ: {
    en: "the same INSZ belongs to more than one staff member: a person is their INSZ, none of them is declared until payroll merges them",
    nl: "hetzelfde INSZ hoort bij meer dan één personeelslid: een persoon is zijn INSZ, geen van hen wordt aangegeven tot de loonadministratie ze samenvoegt",
  },
  UNKNOWN_STAFF: { en: "refers to a staff member that does not exist", nl: "verwijst naar een onbestaand personeelslid" },
  UNKNOWN_BOARD: { en: "refers to a school board that does not exist", nl: "verwijst naar een onbestaand schoolbestuur" },
  UNKNOWN_INSTITUTION: { en: "refers to an institution that does not exist", nl: "verwijst naar een onbestaande instelling" },
  UNKNOWN_ASSIGNMENT: {
    en: "refers to an assignment that does not exist for this staff member",
    nl: "verwijst naar een opdracht die voor dit personeelslid niet bestaat",
  },
  DENOMINATOR_NOT_POSITIVE: { en: "hours denominator must be greater than 0", nl: "noemer van de opdrachtbreuk moet groter zijn dan 0" },
  NUMERATOR_ABOVE_DENOMINATOR: {
    en: "hours numerator above the denominator: not a part-time fraction",
    nl: "teller van de opdrachtbreuk groter dan de noemer: geen deeltijdse opdracht",
  },
  START_OF_PART_TIME_WORK_REJECTED: {
    en: "the WECH003 of this assignment is rejected, so no monthly form may follow it",
    nl: "de WECH003 van deze opdracht is geweigerd, dus geen maandaangifte erna",
  },
  NO_THRESHOLD_FOR_MONTH: {
    en: "mappings/scenario6-conditions.ts has no gross threshold for this month",
    nl: "mappings/scenario6-conditions.ts heeft geen grensbedrag voor deze maand",
  },
  NUMERATOR_NOT_POSITIVE: { en: "hours numerator must be greater than 0", nl: "teller van de opdrachtbreuk moet groter zijn dan 0" },
  Q_ROUNDS_TO_ZERO: {
    en: "the fraction is so small that Q (mean weekly hours, zone 00048) rounds to 0, which no form may carry",
    nl: "de opdrachtbreuk is zo klein dat Q (gemiddeld aantal uren per week, zone 00048) op 0 afrondt, wat geen aangifte mag bevatten",
  },
  END_BEFORE_START: { en: "end date before start date", nl: "einddatum ligt voor de begindatum" },
  THEORETICAL_SALARY_MISSING: {
    en: "monthly_salary (theoretical salary, zone 00098) is missing or not positive",
    nl: "monthly_salary (theoretisch loon, zone 00098) ontbreekt of is niet positief",
  },
  AMOUNT_TOO_LARGE: { en: "amount larger than a form can carry (8 digits of cents)", nl: "bedrag groter dan een aangifte toelaat (8 cijfers in cent)" },
  NEGATIVE_MONTH_TOTAL: { en: "the month's gross total is negative", nl: "het bruto totaal van de maand is negatief" },
  NEGATIVE_ASSIGNMENT_AMOUNT: {
    en: "the gross attributed to this assignment for the month is negative",
    nl: "het bruto bedrag van deze opdracht voor de maand is negatief",
  },
  PERSON_DATA_REJECTED: {
    en: "another record of this person breaks the contract (see the person's rejected records)",
    nl: "een ander gegeven van dit personeelslid is ongeldig (zie de geweigerde gegevens van de persoon)",
  },
  FULLTIME_REQUEST_NOT_APPLICABLE: {
    en: "fulltime_request 9 (not applicable) is only allowed with joint committee 999",
    nl: "fulltime_request 9 (niet van toepassing) mag enkel met paritair comité 999",
  },
  DUPLICATE_MESSAGE_REF: { en: "message_ref used by more than one notification", nl: "message_ref komt bij meer dan één melding voor" },
  OCCUPATION_CODE_NOT_ALLOWED: {
    en: "employer category or worker code not allowed in an e-ASR",
    nl: "werkgeverscategorie of werknemerskengetal niet toegelaten in een e-ASR",
  },
  SUB_RISK_NOT_ALLOWED: { en: "sub-risk not allowed for this form", nl: "subrisico niet toegelaten voor deze aangifte" },
  SUB_RISK_CHANGES_IN_MONTH: {
    en: "the adapted work of this assignment changes sub-risk within the month: one form has one sub-risk, declare by hand",
    nl: "het aangepast werk van deze opdracht verandert van subrisico binnen de maand: één aangifte heeft één subrisico, manueel aangeven",
  },
  ADAPTED_WORK_OVERLAP: {
    en: "two adapted_work rows of the same assignment overlap: a change of days or Q must end the old row the day before",
    nl: "twee rijen adapted_work van dezelfde opdracht overlappen: bij een wijziging van dagen of Q eindigt de oude rij de dag ervoor",
  },
  ADAPTED_WORK_OUTSIDE_ASSIGNMENT: {
    en: "the adapted work lies (partly) outside the dates of its assignment",
    nl: "het aangepast werk valt (deels) buiten de data van de opdracht",
  },
  UNKNOWN_ADAPTED_WORK: { en: "refers to an adapted_work row that does not exist", nl: "verwijst naar een onbestaande rij adapted_work" },
  OUTSIDE_ADAPTED_WORK: {
    en: "the day or month lies outside the dates of its adapted work",
    nl: "de dag of maand valt buiten de data van het aangepast werk",
  },
  BLOCK_FORBIDDEN_FOR_SUB_RISK: {
    en: "this block is forbidden for the sub-risk of the adapted work (day natures and exact wage: not for 1; services: not for 2); not declared",
    nl: "dit blok is verboden voor het subrisico van het aangepast werk (aard van de dag en exact loon: niet voor 1; prestaties: niet voor 2); niet aangegeven",
  },
  VALUE_OUT_OF_RANGE: { en: "value outside the range the form allows", nl: "waarde buiten het bereik dat de aangifte toelaat" },
  DAY_NATURE_CODE_NOT_ALLOWED: {
    en: "day-nature code not allowed (3.1-3.4, 5.1-5.10, 6.1, 6.21; 3.5 is never declared)",
    nl: "code aard van de dag niet toegelaten (3.1-3.4, 5.1-5.10, 6.1, 6.21; 3.5 wordt nooit aangegeven)",
  },
  WAGE_CODE_NOT_ALLOWED: {
    en: "wage code neither allowed as exact wage, nor excluded (02, 10, 23), nor severance (03, 09)",
    nl: "bezoldigingscode noch toegelaten als exact loon, noch uitgesloten (02, 10, 23), noch verbrekingsvergoeding (03, 09)",
  },
  SEVERANCE_WITHOUT_END_DATE: {
    en: "severance pay (wage code 03 or 09) while the assignment has no end date: the covered period cannot start",
    nl: "verbrekingsvergoeding (code 03 of 09) terwijl de opdracht geen einddatum heeft: de gedekte periode kan niet beginnen",
  },
  HOLIDAY_ROWS_DISAGREE: {
    en: "the holiday_balance rows of one form (staff, assignment, holiday year) disagree on sub-risk or holiday sector",
    nl: "de rijen holiday_balance van één aangifte (personeelslid, opdracht, vakantiejaar) verschillen in subrisico of vakantiesector",
  },
  HOLIDAY_CODE_NOT_ALLOWED: {
    en: "holiday code not allowed for the sub-risk (1, 2, 3, 5 for sub-risks 1 and 3; 8, 9 for 2 and 4)",
    nl: "vakantiecode niet toegelaten voor het subrisico (1, 2, 3, 5 voor subrisico 1 en 3; 8, 9 voor 2 en 4)",
  },
  HOLIDAY_CODE_REPEATED: { en: "the same holiday code occurs twice in one form", nl: "dezelfde vakantiecode komt twee keer voor in één aangifte" },
  TOO_MANY_DETAIL_LINES: { en: "more detail lines than the form allows", nl: "meer detaillijnen dan de aangifte toelaat" },
  DAYS_NOT_IN_HALF_DAYS: { en: "holiday days must be rounded to half days (8.5, not 8.3)", nl: "vakantiedagen moeten afgerond zijn op een halve dag (8,5, niet 8,3)" },
  HOLIDAY_HOURS_MISSING: {
    en: "holiday hours are required for a part-timer (Q < S)",
    nl: "vakantie-uren zijn verplicht voor een deeltijdse werknemer (Q < S)",
  },
  UNKNOWN_WAGE_CODE: {
    en: "wage code on neither list of mappings/scenario6-conditions.ts (counted, not counted, severance): the month's pay cannot be judged",
    nl: "bezoldigingscode staat op geen enkele lijst van mappings/scenario6-conditions.ts (meegeteld, niet meegeteld, verbrekingsvergoeding): het loon van de maand kan niet beoordeeld worden",
  },
  SEX_DOES_NOT_FIT_RISK: {
    en: "the sex of the INSZ (or of staff_member.gender) does not fit the risk, or gender contradicts the INSZ (glossary 00024, anomaly 00024-008)",
    nl: "het geslacht volgens het INSZ (of staff_member.gender) past niet bij het risico, of gender spreekt het INSZ tegen (glossarium 00024, anomalie 00024-008)",
  },
  WORKER_CODE_CIVIL_SERVANT: {
    en: "a civil-servant worker code (6xx) on a temporary or contractual assignment: the status and the code disagree",
    nl: "een werknemerskengetal voor ambtenaren (6xx) op een tijdelijke of contractuele opdracht: statuut en kengetal spreken elkaar tegen",
  },
  DAY_HOURS_ZERO_NOT_ALLOWED: {
    en: "0 hours is allowed only with day-nature code 6.21 (glossary 00180 of ZIMA002)",
    nl: "0 uren is enkel toegelaten bij code aard van de dag 6.21 (glossarium 00180 van ZIMA002)",
  },
  GLOSSARY_CONDITION_FAILED: {
    en: "the built form breaks a condition of its official glossary: the channel would refuse it; not written",
    nl: "de opgebouwde aangifte breekt een voorwaarde van haar officieel glossarium: het kanaal zou ze weigeren; niet geschreven",
  },
  NO_ADAPTED_WORK_IN_HOLIDAY_YEAR: {
    en: "sub-risk 3 or 4 needs the adapted work of the holiday year, and the assignment has none",
    nl: "subrisico 3 of 4 vraagt het aangepast werk van het vakantiejaar, en de opdracht heeft er geen",
  },
} as const satisfies Record<string, { en: string; nl: string }>;

export type RejectionRule = keyof typeof REJECTION_RULES;

/**
 * Why a unit is neither declared nor finally decided this run (domain.md D26 "waiting"): it is decided
 * again by a later run, or by the operator.
 */
export const WAITING_REASONS = {
  WAITING_FOR_PAY: {
    en: "the month's pay is not booked yet for every assignment: decided again by the next runs, at the latest by the run of month + 2 (D17), or at once by easr release",
    nl: "het loon van de maand is nog niet voor elke opdracht geboekt: opnieuw beslist bij de volgende verwerkingen, uiterlijk twee maanden later (D17), of meteen met easr release",
  },
  WAITING_FOR_ANSWER: {
    en: "the form sent earlier has no answer from the channel yet: not corrected until it has",
    nl: "de eerder verstuurde aangifte heeft nog geen antwoord van het kanaal: niet verbeterd tot dat er is",
  },
  REFUSED_NOT_FIXED: {
    en: "refused by the channel, and the data has not changed since: not sent again until it is fixed",
    nl: "geweigerd door het kanaal, en de gegevens zijn sindsdien niet gewijzigd: niet opnieuw verstuurd tot ze verbeterd zijn",
  },
  HELD_REISSUE: {
    en: "the form would change although the data it rests on did not (a rule or mapping change): held until the operator accepts with --accept-reissue (D27)",
    nl: "de aangifte zou wijzigen terwijl de gegevens niet wijzigden (nieuwe regel of mapping): tegengehouden tot de operator aanvaardt met --accept-reissue (D27)",
  },
} as const satisfies Record<string, { en: string; nl: string }>;

export type WaitingReason = keyof typeof WAITING_REASONS;

/** What a declared form carries for the operator's attention (not a reason against declaring it). */
export const DECLARATION_FLAGS = {
  DECLARED_WITHOUT_PAY: {
    en: "declared without pay: an assignment had no counted salary line for the month by the run of month + 2 (D17); corrected later if pay comes",
    nl: "aangegeven zonder loon: een opdracht had twee maanden later nog geen meegeteld loon voor de maand (D17); later verbeterd als er loon komt",
  },
  SEVERANCE_IN_MONTH: {
    en: "the month holds severance pay (wage codes 03, 04, 09): not counted; the period it covers is an occupation of its own (glossary 00044)",
    nl: "de maand bevat een verbrekingsvergoeding (codes 03, 04, 09): niet meegeteld; de gedekte periode is een aparte tewerkstelling (glossarium 00044)",
  },
  RELEASED_BY_OPERATOR: {
    en: "decided before its pay was booked, because an operator released it (easr release)",
    nl: "beslist vóór het loon geboekt was, omdat een operator het vrijgaf (easr release)",
  },
} as const satisfies Record<string, { en: string; nl: string }>;

export type DeclarationFlag = keyof typeof DECLARATION_FLAGS;

/** One broken record: which table and row, which column, the rule it breaks and the offending value. */
export interface RecordProblem {
  readonly table: string;
  readonly recordId: string;
  readonly field: string;
  readonly rule: RejectionRule;
  /** The offending value as text (never an INSZ in clear: the caller masks it). */
  readonly value: string;
}

/** The problems without repeats: a record reported by two decisions (both sectors, both benefits forms) counts once. */
export function distinctProblems(problems: Iterable<RecordProblem>): RecordProblem[] {
  const seen = new Map<string, RecordProblem>();
  for (const p of problems) {
    const key = `${p.table}|${p.recordId}|${p.field}|${p.rule}|${p.value}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}
