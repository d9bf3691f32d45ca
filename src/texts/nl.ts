/**
 * The Dutch texts: what the school boards' workbooks, the staff member's copy on the salary slip and
 * the Dutch columns of the operator workbook say of the codes and values of a decision (see texts.ts),
 * and the names the agency gives its agencies, levels and source tables.
 */
import type { CancellationReason } from "../domain/outcome-codes";
import { type CalendarDate, parseCalendarDate } from "../domain/calendar-date";
import { monthNumberOf, yearOf, type YearMonth } from "../domain/year-month";
import type { DaySpan, NotEligibleDetail, Texts } from "./texts";
import { numberTexts } from "./number-texts";

/** What only the Dutch texts say: the boards' workbooks and the staff member's copy are in Dutch only. */
export interface DutchTexts extends Texts {
  /** The agencies by their code, as the operator workbook names them. */
  readonly agencies: Readonly<Record<string, string>>;
  /** The levels of education by their code. */
  readonly levels: Readonly<Record<string, string>>;
  /** The source tables as a school board calls them. */
  readonly sourceTables: Readonly<Record<string, string>>;
  /** "2017-11" -> "november 2017". */
  month(month: YearMonth): string;
  /** Why an accepted form is cancelled, for the staff member's copy. */
  cancellationReason(reason: CancellationReason): string;
  readonly board: BoardTexts;
  readonly payslip: PayslipTexts;
}

/** The words of a school board's workbook. */
export interface BoardTexts {
  /** A notification of the person sent by another board: its sender is not named. */
  readonly otherBoard: string;
  /** A board whose name the source does not give. */
  unnamedBoard(boardId: number): string;
  /** Why a notification opens no window. */
  readonly withdrawnFromStart: string;
  readonly duplicateNotification: string;
  /** The outcome of a unit that was not declared. */
  readonly outcomes: { readonly "not-eligible": string; readonly waiting: string; readonly rejected: string };
  /** "wacht sinds 2 maanden". */
  waitedFor(months: number): string;
  /** The record that breaks the contract: "opdracht 1001, kolom hours_denominator". */
  record(table: string, recordId: string, field: string): string;
  /** A ZIMA002 reference period: "2023-03-01 – 2023-03-15 (Q 19,00 u, 5,00 d/week)". */
  period(period: DaySpan, adaptedQ: string, daysPerWeek: string): string;
  severance(severance: string): string;
  /** A ZIMA005 form of a holiday sector without details. */
  noHolidayDetails(holidaySector: string): string;
  /** A ZIMA001 occupation's calculation base: "opdracht 501: EUR 2790,00 (stabiel sinds het referentiekwartaal)". */
  riskBasis(assignmentId: number, amount: string, stable: boolean): string;
  /** The environments a run declares in: T "test", R "echt". */
  readonly environments: { readonly T: string; readonly R: string };
  /** AttestationStatus of a declared form: 0 a first declaration, 1 a correction of an accepted one. */
  readonly attestations: { readonly 0: string; readonly 1: string };
}

/** The lines of the staff member's copy (the payslip extract and its PDF), and what they are made of. */
export interface PayslipTexts {
  /** "Aangifte sociaal risico <subject>". */
  declarationOf(subject: string): string;
  /** "Annulering aangifte sociaal risico <subject>". */
  cancellationOf(subject: string): string;
  /** What a form is about (its subject): "WECH503 – aanvang deeltijdse arbeid" (with "op <date>" when declared). */
  startOfPartTimeWork(label: string, startDate?: string | null): string;
  /** "WECH506 – deeltijdse arbeid november 2017". */
  partTimeWork(label: string, period: string | null): string;
  /** "ZIMA 002 – aangepast werk maart 2023". */
  adaptedWorkMonth(period: string): string;
  /** "ZIMA 003 – borstvoedingspauzes maart 2024". */
  breastfeedingMonth(period: string): string;
  /** "ZIMA 001 – inlichtingenblad arbeidsongeschiktheid vanaf 2024-02-05". */
  riskSheet(kindLabel: string, start: string): string;
  /** A sheet named by the month of its absence's first day: "ZIMA 001 – inlichtingenblad februari 2024". */
  riskSheetOf(period: string): string;
  /** "Berekeningsbasis per maand: opdracht 501 EUR 2790,00 (stabiel sinds het referentiekwartaal)". */
  riskBases(bases: readonly { readonly assignmentId: number; readonly amount: string; readonly stable: boolean }[]): string;
  /** "Referteperiode: 2024-02-05 tot en met 2024-03-05 (2.6 x 22)". */
  riskPeriod(start: string, end: string, codes: string): string;
  /** "ZIMA 006 – werkhervatting april 2024". */
  resumptionMonth(period: string): string;
  /** "Werkhervatting op 2024-04-15 na arbeidsongeschiktheid". */
  resumption(date: string, afterKind: string): string;
  /** "ZIMA 005 – vakantie vakantiejaar 2022". */
  holidayYear(holidayYear: string): string;
  institution(name: string): string;
  /** "Opdracht 16/32 – Q 16,00 / S 32,00", or the hours alone when the fraction is unknown. */
  hours(fraction: string, q: string, s: string): string;
  theoreticalSalary(amount: string): string;
  /** "Periode: 2017-11-21 tot en met 2017-11-30". */
  period(start: string | null, end: string | null): string;
  /** "Bruto loon: EUR 246,00 – Theoretisch loon: EUR 738,00". */
  grossAndTheoreticalSalary(gross: string, theoretical: string): string;
  /** "Subrisico 2: aangepast werk tijdens moederschapsbescherming". */
  subRisk(subRisk: number, label: string): string;
  /** "Subrisico 2: bediende – vakantiesector: privésector". */
  holidaySubRisk(subRisk: number, label: string, holidaySector: string): string;
  /** ZIMA002: "Periode: …" or "Periodes: …; …", each "2023-03-01 tot en met 2023-03-15 (Q 19,00 u/week, 5,00 dagen/week)". */
  adaptedPeriods(periods: readonly { readonly span: DaySpan; readonly adaptedQ: string; readonly daysPerWeek: string }[]): string;
  /** "; opzeggingsvergoeding 2023-03-20 – 2023-04-30: EUR 1200,00", "" without severance. */
  severanceSuffix(severance: string): string;
  /** "01 EUR 1234,56". */
  wage(code: string, amount: string): string;
  /** "Bruto loon: EUR 1234,56 (looncodes 01 EUR 1234,56)" and the severance. */
  adaptedWorkGross(gross: string, wages: readonly string[], severanceSuffix: string): string;
  /** "Prestaties: 1: 10,00 d 76,00 u" (or "geen") and the severance. */
  services(services: string, severanceSuffix: string): string;
  /** "Borstvoedingspauzes: 42 (#504 2024-03-01 – 2024-03-31: 30 x 1/2 u à EUR 17,3077/u; …)". */
  breastfeedingBreaks(total: number, links: string): string;
  /** "Vakantiedagen: 20,00 (code 1: 20,00 dagen)". */
  holidayDays(totalDays: string, details: string): string;
  /** A holiday sector that declares no holiday days (public sector, none). */
  readonly noHolidayDays: string;
  /** "Aangepast werk: Q 19,00 u/week, 5,00 dagen/week". */
  adaptedWorkHours(q: string, daysPerWeek: string): string;
  /** "De aanvaarde aangifte met ticketnummer … wordt ingetrokken.". */
  withdrawn(ticket: string | null): string;
  /** "Reden: …". */
  reason(why: string): string;
  /** "Bestand FI.WECH…, volgnummer 2". */
  file(fileName: string, sequenceNbr: number): string;
  /** "Ticketnummer: …". */
  ticket(ticket: string): string;
  /** "2 aangiften", "1 aangifte, 1 annulering". */
  recordCount(declarations: number, cancellations: number): string;
  /** "… en 3 andere aangiften": the records a page of the copy could not hold. */
  moreRecords(count: number): string;
}

const numbers = numberTexts({ decimalMark: ",", serviceHour: "u", holidayDays: "dagen", holidayHours: "uur", at: "à" });

const windowList = (windows: readonly DaySpan[]): string => windows.map((w) => `${w.start} – ${w.end}`).join(", ");

/** The months in Dutch, January first. */
export const DUTCH_MONTHS: readonly string[] = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** "2017-11" -> "november 2017". */
export function dutchMonth(month: YearMonth): string {
  return `${DUTCH_MONTHS[monthNumberOf(month) - 1]} ${yearOf(month)}`;
}

/** "2017-12-01" -> "1 december 2017": how a letter to a staff member writes a date. */
export function dutchDate(date: CalendarDate): string {
  return `${Number(date.slice(8, 10))} ${DUTCH_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** An ISO date standing on its own in a line: not a part of a longer run of digits and dashes. */
const ISO_DATE_IN_TEXT = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g;

/**
 * A line with its ISO dates written as Dutch dates ("Periode: 2017-11-21 tot en met 2017-11-30" ->
 * "Periode: 21 november 2017 tot en met 30 november 2017"). The payslip extract's lines keep ISO dates
 * (the printing system's format); the staff member's copy reads them in words. Text that only looks
 * like a date (2017-02-30) stays as it is.
 */
export function withDutchDates(line: string): string {
  return line.replace(ISO_DATE_IN_TEXT, (text) => {
    const date = parseCalendarDate(text);
    return date === null ? text : dutchDate(date);
  });
}

/**
 * A moment as written in a run's record ("2026-11-24T23:28:20.785+01:00", or "2017-12-15 16:00:00") as
 * a Dutch reader says it, at the wall-clock time written in it: "24 november 2026 om 23:28".
 */
export function dutchDateTime(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(text);
  if (!m) throw new RangeError(`not a date and time YYYY-MM-DD HH:MM: "${text}"`);
  return `${dutchDate(`${m[1]}-${m[2]}-${m[3]}` as CalendarDate)} om ${m[4]}:${m[5]}`;
}

const plural = (count: number, one: string, more: string): string => `${count} ${count === 1 ? one : more}`;

export const NL: DutchTexts = {
  ...numbers,
  notEligibleReasons: {
    NO_NOTIFICATION_WINDOW: "geen geldige RL16-periode: elke melding werd vanaf de geldigheidsdatum ingetrokken",
    OUTSIDE_NOTIFICATION_WINDOW: "opdracht valt buiten de periode van de RL16-melding",
    STARTS_AFTER_RUN_MONTH: "tewerkstelling binnen de meldingsperiode begint na de verwerkingsmaand: aangifte in een latere maand",
    OCCUPATION_AT_OR_ABOVE_LIMIT: "tewerkstelling gelijk aan of hoger dan de grens",
    GROSS_AT_OR_ABOVE_THRESHOLD: "bruto maandsalaris gelijk aan of hoger dan het grensbedrag",
    NO_ASSIGNMENT_IN_WINDOW: "geen opdracht tijdens de periode van de RL16-melding",
    NOTIFICATION_AFTER_CUTOFF: "melding ontvangen na de uiterste betaaldatum: aangifte bij de verwerking van de volgende maand",
    BEFORE_ZIMA002_START:
      "referteperiode vóór de eerste maand die de ZIMA002 voor dit subrisico aanvaardt (zone 00074: 2018-07 voor subrisico 1, 2018-01 voor 2)",
    HOLIDAY_BALANCE_AFTER_CUTOFF:
      "vakantiesaldo geregistreerd na de uiterste betaaldatum: aangifte bij de verwerking van de volgende maand",
    FULL_TIME_ASSIGNMENT:
      "voltijdse opdracht (Q = S): geen aanvang deeltijdse arbeid vóór 1/9/2018, geen maandaangifte voor een volledige maand (glossarium 00048)",
    WINDOW_TOO_OLD: "de meldingsperiode eindigde langer dan de terugkijktermijn vóór de verwerkingsmaand (mappings: 24 maanden)",
    PART_OF_ANOTHER_OCCUPATION:
      "deze opdracht zet binnen de maand een andere opdracht in dezelfde instelling voort (opdrachtwijziging): aangegeven op die aangifte met de gemiddelde Q (00769 = 3)",
    RESUMPTION_IN_PAID_PERIOD:
      "werk hervat binnen de periode die het agentschap betaalde (absence.paid_until): het ziekenfonds betaalde niets, geen aangifte van werkhervatting (ZIMA006, errata 8)",
    RESUMPTION_SENT_IN_ZIMA001:
      "de datum van werkhervatting ging mee met het inlichtingenblad van de afwezigheid (ZIMA001 blok 90016): geen aangifte van werkhervatting (R7)",
    ABSENCE_PAID_BY_AGENCY:
      "het agentschap betaalde de hele afwezigheid (absence.paid_until): het ziekenfonds betaalt niets, geen inlichtingenblad (ZIMA001, errata 5)",
    NO_RESUMPTION_FOR_BIRTH_LEAVE:
      "geboorteverlof is een lijst verlofdagen op zijn ZIMA001: er is geen aangifte van werkhervatting voor (ZIMA006 zone 00128)",
    NOT_BENEFITS_INSURED:
      "vastbenoemde (statutaire) personeelsleden zijn niet verzekerd voor uitkeringen: geen ZIMA-aangifte (glossarium 00048 van ZIMA001)",
  },
  rejectionRules: {
    FIELD_REQUIRED: "verplichte waarde ontbreekt (NULL)",
    FIELD_NOT_A_NUMBER: "geen getal met hoogstens twee decimalen",
    FIELD_NOT_AN_INTEGER: "geen geheel getal",
    FIELD_NOT_A_DATE: "geen kalenderdatum JJJJ-MM-DD",
    FIELD_NOT_A_TIMESTAMP: "geen datum en tijdstip",
    FIELD_NOT_A_MONTH: "geen maand JJJJ-MM",
    FIELD_VALUE_NOT_ALLOWED: "waarde niet toegelaten voor deze kolom",
    AMOUNT_OUT_OF_RANGE: "getal buiten het bereik van zijn kolom (DECIMAL(p,s) van het broncontract): niet opgeteld",
    INSZ_INVALID: "INSZ is geen 11 cijfers met geldig controlegetal (mod 97)",
    DUPLICATE_INSZ:
      "hetzelfde INSZ hoort bij meer dan één personeelslid: een persoon is zijn INSZ, geen van hen wordt aangegeven tot de loonadministratie ze samenvoegt",
    UNKNOWN_STAFF: "verwijst naar een onbestaand personeelslid",
    UNKNOWN_BOARD: "verwijst naar een onbestaand schoolbestuur",
    UNKNOWN_INSTITUTION: "verwijst naar een onbestaande instelling",
    UNKNOWN_ASSIGNMENT: "verwijst naar een opdracht die voor dit personeelslid niet bestaat",
    DENOMINATOR_NOT_POSITIVE: "noemer van de opdrachtbreuk moet groter zijn dan 0",
    NUMERATOR_ABOVE_DENOMINATOR: "teller van de opdrachtbreuk groter dan de noemer: geen deeltijdse opdracht",
    START_OF_PART_TIME_WORK_REJECTED: "de WECH003 van deze opdracht is geweigerd, dus geen maandaangifte erna",
    NO_THRESHOLD_FOR_MONTH: "mappings/scenario6-conditions.ts heeft geen grensbedrag voor deze maand",
    NUMERATOR_NOT_POSITIVE: "teller van de opdrachtbreuk moet groter zijn dan 0",
    Q_ROUNDS_TO_ZERO:
      "de opdrachtbreuk is zo klein dat Q (gemiddeld aantal uren per week, zone 00048) op 0 afrondt, wat geen aangifte mag bevatten",
    END_BEFORE_START: "einddatum ligt voor de begindatum",
    THEORETICAL_SALARY_MISSING: "monthly_salary (theoretisch loon, zone 00098) ontbreekt of is niet positief",
    AMOUNT_TOO_LARGE: "bedrag groter dan een aangifte toelaat (8 cijfers in cent)",
    NEGATIVE_MONTH_TOTAL: "het bruto totaal van de maand is negatief",
    NEGATIVE_ASSIGNMENT_AMOUNT: "het bruto bedrag van deze opdracht voor de maand is negatief",
    PERSON_DATA_REJECTED: "een ander gegeven van dit personeelslid is ongeldig (zie de geweigerde gegevens van de persoon)",
    FULLTIME_REQUEST_NOT_APPLICABLE: "fulltime_request 9 (niet van toepassing) mag enkel met paritair comité 999",
    DUPLICATE_MESSAGE_REF: "message_ref komt bij meer dan één melding voor",
    OCCUPATION_CODE_NOT_ALLOWED: "werkgeverscategorie of werknemerskengetal niet toegelaten in een e-ASR",
    SUB_RISK_NOT_ALLOWED: "subrisico niet toegelaten voor deze aangifte",
    SUB_RISK_CHANGES_IN_MONTH:
      "het aangepast werk van deze opdracht verandert van subrisico binnen de maand: één aangifte heeft één subrisico, manueel aangeven",
    ADAPTED_WORK_OVERLAP:
      "twee rijen adapted_work van dezelfde opdracht overlappen: bij een wijziging van dagen of Q eindigt de oude rij de dag ervoor",
    ADAPTED_WORK_OUTSIDE_ASSIGNMENT: "het aangepast werk valt (deels) buiten de data van de opdracht",
    UNKNOWN_ADAPTED_WORK: "verwijst naar een onbestaande rij adapted_work",
    OUTSIDE_ADAPTED_WORK: "de dag of maand valt buiten de data van het aangepast werk",
    BLOCK_FORBIDDEN_FOR_SUB_RISK:
      "dit blok is verboden voor het subrisico van het aangepast werk (aard van de dag en exact loon: niet voor 1; prestaties: niet voor 2); niet aangegeven",
    VALUE_OUT_OF_RANGE: "waarde buiten het bereik dat de aangifte toelaat",
    DAY_NATURE_CODE_NOT_ALLOWED: "code aard van de dag niet toegelaten (3.1-3.4, 5.1-5.10, 6.1, 6.21; 3.5 wordt nooit aangegeven)",
    WAGE_CODE_NOT_ALLOWED:
      "bezoldigingscode noch toegelaten als exact loon, noch uitgesloten (02, 10, 23), noch verbrekingsvergoeding (03, 09)",
    SEVERANCE_WITHOUT_END_DATE:
      "verbrekingsvergoeding (code 03 of 09) terwijl de opdracht geen einddatum heeft: de gedekte periode kan niet beginnen",
    HOLIDAY_ROWS_DISAGREE:
      "de rijen holiday_balance van één aangifte (personeelslid, opdracht, vakantiejaar) verschillen in subrisico of vakantiesector",
    HOLIDAY_CODE_NOT_ALLOWED: "vakantiecode niet toegelaten voor het subrisico (1, 2, 3, 5 voor subrisico 1 en 3; 8, 9 voor 2 en 4)",
    HOLIDAY_CODE_REPEATED: "dezelfde vakantiecode komt twee keer voor in één aangifte",
    TOO_MANY_DETAIL_LINES: "meer detaillijnen dan de aangifte toelaat",
    DAYS_NOT_IN_HALF_DAYS: "vakantiedagen moeten afgerond zijn op een halve dag (8,5, niet 8,3)",
    HOLIDAY_HOURS_MISSING: "vakantie-uren zijn verplicht voor een deeltijdse werknemer (Q < S)",
    UNKNOWN_WAGE_CODE:
      "bezoldigingscode staat op geen enkele lijst van mappings/scenario6-conditions.ts (meegeteld, niet meegeteld, verbrekingsvergoeding): het loon van de maand kan niet beoordeeld worden",
    SEX_DOES_NOT_FIT_RISK:
      "het geslacht volgens het INSZ (of staff_member.gender) past niet bij het risico, of gender spreekt het INSZ tegen (glossarium 00024, anomalie 00024-008)",
    WORKER_CODE_CIVIL_SERVANT:
      "een werknemerskengetal voor ambtenaren (6xx) op een tijdelijke of contractuele opdracht: statuut en kengetal spreken elkaar tegen",
    DAY_HOURS_ZERO_NOT_ALLOWED: "0 uren is enkel toegelaten bij code aard van de dag 6.21 (glossarium 00180 van ZIMA002)",
    GLOSSARY_CONDITION_FAILED:
      "de opgebouwde aangifte breekt een voorwaarde van haar officieel glossarium: het kanaal zou ze weigeren; niet geschreven",
    NO_ADAPTED_WORK_IN_HOLIDAY_YEAR: "subrisico 3 of 4 vraagt het aangepast werk van het vakantiejaar, en de opdracht heeft er geen",
    ESTABLISHMENT_UNIT_INVALID:
      "geen KBO-vestigingseenheidsnummer: 10 cijfers, het eerste 2-8, controle mod 97 (glossarium 00042 van ZIMA001)",
    KBO_INVALID: "geen KBO-ondernemingsnummer: 10 cijfers, het eerste 0 of 1, controle mod 97",
    UNKNOWN_ABSENCE: "verwijst naar een onbestaande afwezigheid",
    NO_REFERENCE_PERIOD:
      "de tewerkstelling loopt in de maand niet langer dan één dag: geen referteperiode (zone 00075 moet na 00074 liggen)",
    NO_MONTHLY_WAGE:
      "geen maandloon voor de maand (assignment_salary of assignment.monthly_salary): het uurloon (zone 00152) kan niet berekend worden",
    TOO_MANY_BREAKS:
      "meer borstvoedingspauzes van een half uur in de maand dan twee per dag, alle tewerkstellingen samen (anomalie 00151-097)",
    NO_OCCUPATION_AT_RESUMPTION: "geen opdracht van het personeelslid loopt op de dag van de werkhervatting (anomalie 90017-152)",
    NO_OCCUPATION_AT_RISK:
      "geen opdracht van het personeelslid loopt op de eerste dag van het risico, en geen enkele eindigde ten hoogste 30 dagen ervoor (ZIMA001 blok 90006)",
    DMFA_CODES_MISSING:
      "een ZIMA001 is een mini-DmfA: de eigen werkgeverscategorie, werknemerskengetal en paritair comité van de opdracht zijn nodig, geen standaardwaarde (D24 OQ1)",
    NO_CALCULATION_BASE:
      "geen maandloon voor de berekeningsbasis (zone 00191): geen weddehistoriek, geen monthly_salary, geen looncode 01 van een volledige maand",
    TOO_MANY_DAYS: "meer dagen in de referteperiode dan het formulier toelaat (anomalie 90074-090: 182, voor geboorteverlof 20)",
    DUPLICATE_ROW: "twee rijen waar het broncontract er één toelaat (een UNIQUE-sleutel)",
    DATE_AGAINST_RISK_START:
      "de datum past niet bij het begin van het risico (absence.first_day): de laatste arbeidsdag ligt ervoor (bij arbeidsongeschiktheid mag het dezelfde dag zijn), de werkhervatting erna",
  },
  waitingReasons: {
    WAITING_FOR_PAY:
      "het loon van de maand is nog niet voor elke opdracht geboekt: opnieuw beslist bij de volgende verwerkingen, uiterlijk twee maanden later (D17), of meteen met easr release",
    WAITING_FOR_ANSWER: "de eerder verstuurde aangifte heeft nog geen antwoord van het kanaal: niet verbeterd tot dat er is",
    REFUSED_NOT_FIXED:
      "geweigerd door het kanaal, en de gegevens zijn sindsdien niet gewijzigd: niet opnieuw verstuurd tot ze verbeterd zijn",
    HELD_REISSUE:
      "de aangifte zou wijzigen terwijl de gegevens niet wijzigden (nieuwe regel of mapping): tegengehouden tot de operator aanvaardt met --accept-reissue (D27)",
    RISK_NOT_DUE:
      "het inlichtingenblad is nog niet verschuldigd: de afwezigheid werd later geregistreerd, het agentschap betaalt nog voorbij de volgende maand, of het geboorteverlof is nog niet voorbij (ZIMA001 R9)",
    REFERENCE_DAYS_MISSING:
      "de personeelsdienst moet de dagen van de referteperiode geven (absence_day): een andere week dan vijf dagen, een feestdag in de periode, of een risico waarvoor de dagen nooit afgeleid worden (errata 4)",
    REPORTED_AFTER_RUN_MONTH:
      "door de personeelsdienst geregistreerd na het einde van de verwerkingsmaand (reported_at): de verwerking van de maand van registratie geeft het aan (errata 6)",
    RESUMPTION_AHEAD:
      "het werk wordt hervat na de dag waarop deze verwerking haar aangiften maakt (zone 00128 mag niet na 00218 liggen): aangegeven door de eerste verwerking op of na die dag",
  },
  declarationFlags: {
    DECLARED_WITHOUT_PAY:
      "aangegeven zonder loon: een opdracht had twee maanden later nog geen meegeteld loon voor de maand (D17); later verbeterd als er loon komt",
    SEVERANCE_IN_MONTH:
      "de maand bevat een verbrekingsvergoeding (codes 03, 04, 09): niet meegeteld; de gedekte periode is een aparte tewerkstelling (glossarium 00044)",
    RELEASED_BY_OPERATOR: "beslist vóór het loon geboekt was, omdat een operator het vrijgaf (easr release)",
    REFERENCE_DAYS_DERIVED:
      "de personeelsdienst gaf de dagen van de referteperiode niet binnen de wachttijd (D17): het blad vermeldt de werkdagen van de periode met de code van de betaalde dagen; verbeterd zodra de dagen er zijn",
    LATE_RESUMPTION:
      "verstuurd na de uiterste datum (de eerste werkdag van de tweede maand na de maand van de werkhervatting): laattijdig gemeld aan het ziekenfonds",
  },
  zima002SubRisks: {
    1: "aangepast werk tijdens arbeidsongeschiktheid",
    2: "aangepast werk tijdens moederschapsbescherming",
  },
  formTypeTitles: {
    WECH003: "aanvang deeltijdse arbeid",
    WECH006: "maandaangifte deeltijdse arbeid",
    ZIMA001: "inlichtingenblad bij het begin van een risico (ziekte, moederschap, verlof)",
    ZIMA002: "maandaangifte aangepast werk",
    ZIMA003: "borstvoedingspauzes van de maand",
    ZIMA005: "jaarlijkse vakantieaangifte",
    ZIMA006: "werkhervatting",
  },
  zima005SubRisks: { 1: "arbeider", 2: "bediende", 3: "arbeider – aangepast werk", 4: "bediende – aangepast werk" },
  holidaySectors: { 1: "privésector", 2: "openbare sector", 3: "geen vakantiestelsel" },
  absenceKinds: {
    INCAPACITY: "arbeidsongeschiktheid",
    MATERNITY_REST: "moederschapsrust",
    REMOVAL_FULL: "volledige werkverwijdering",
    REMOVAL_PARTIAL: "gedeeltelijke werkverwijdering",
    CONVERTED_MATERNITY: "omgezet moederschapsverlof",
    BIRTH_LEAVE: "geboorteverlof",
    ADOPTION_LEAVE: "adoptieverlof",
    FOSTER_LEAVE: "pleegouderverlof",
  },
  notEligibleSentence,
  agencies: {
    AGODI: "Agentschap voor Onderwijsdiensten",
    AHOVOKS: "Agentschap voor Hoger Onderwijs, Volwassenenonderwijs, Kwalificaties en Studietoelagen",
  },
  levels: {
    BaO: "basisonderwijs",
    SO: "secundair onderwijs",
    BuO: "buitengewoon onderwijs",
    DKO: "deeltijds kunstonderwijs",
    CLB: "centrum voor leerlingenbegeleiding",
    VWO: "volwassenenonderwijs",
    CBE: "centrum voor basiseducatie",
    HO: "hoger onderwijs",
  },
  sourceTables: {
    staff_member: "personeelslid",
    assignment: "opdracht",
    salary_line: "loonlijn",
    rl16_notification: "RL16-melding",
    school_board: "schoolbestuur",
    institution: "instelling",
    payment_calendar: "betaalkalender",
    adapted_work: "aangepast werk",
    performance_line: "prestatielijn",
    day_nature: "aard van de dag",
    holiday_balance: "vakantiesaldo",
    absence: "afwezigheid",
    absence_day: "afwezigheidsdag",
    breastfeeding_break: "borstvoedingspauze",
    work_resumption: "werkhervatting",
    assignment_salary: "weddehistoriek",
  },
  month: dutchMonth,
  cancellationReason,
  board: {
    otherBoard: "ander schoolbestuur",
    unnamedBoard: (boardId) => `schoolbestuur ${boardId}`,
    withdrawnFromStart: "ingetrokken vanaf de geldigheidsdatum: geen meldingsperiode",
    duplicateNotification: "voegt niets toe aan een eerdere melding (dubbel)",
    outcomes: { "not-eligible": "niet in aanmerking", waiting: "wacht", rejected: "geweigerd" },
    waitedFor: (months) => `wacht sinds ${plural(months, "maand", "maanden")}`,
    record: (table, recordId, field) => `${NL.sourceTables[table] ?? table} ${recordId}, kolom ${field}`,
    period: (period, adaptedQ, daysPerWeek) => `${period.start} – ${period.end} (Q ${adaptedQ} u, ${daysPerWeek} d/week)`,
    severance: (severance) => `opzeggingsvergoeding ${severance}`,
    noHolidayDetails: (holidaySector) => `geen details (${holidaySector})`,
    riskBasis: (assignmentId, amount, stable) =>
      `opdracht ${assignmentId}: EUR ${amount}${stable ? " (stabiel sinds het referentiekwartaal)" : ""}`,
    environments: { T: "test", R: "echt" },
    attestations: { 0: "eerste aangifte", 1: "verbetering" },
  },
  payslip: {
    declarationOf: (subject) => `Aangifte sociaal risico ${subject}`,
    cancellationOf: (subject) => `Annulering aangifte sociaal risico ${subject}`,
    startOfPartTimeWork: (label, startDate) => `${label} – aanvang deeltijdse arbeid${startDate === undefined ? "" : ` op ${startDate}`}`,
    partTimeWork: (label, period) => `${label} – deeltijdse arbeid ${period}`.trimEnd(),
    adaptedWorkMonth: (period) => `ZIMA 002 – aangepast werk ${period}`.trimEnd(),
    breastfeedingMonth: (period) => `ZIMA 003 – borstvoedingspauzes ${period}`.trimEnd(),
    breastfeedingBreaks: (total, links) => `Borstvoedingspauzes: ${total} (${links})`,
    holidayYear: (holidayYear) => `ZIMA 005 – vakantie vakantiejaar ${holidayYear}`.trimEnd(),
    riskSheet: (kindLabel, start) => `ZIMA 001 – inlichtingenblad ${kindLabel} vanaf ${start}`,
    riskSheetOf: (period) => `ZIMA 001 – inlichtingenblad ${period}`.trimEnd(),
    riskBases: (bases) =>
      `Berekeningsbasis per maand: ${bases.map((b) => `opdracht ${b.assignmentId} EUR ${b.amount}${b.stable ? " (stabiel sinds het referentiekwartaal)" : ""}`).join("; ")}`,
    riskPeriod: (start, end, codes) => `Referteperiode: ${start} tot en met ${end} (${codes})`,
    resumptionMonth: (period) => `ZIMA 006 – werkhervatting ${period}`.trimEnd(),
    resumption: (date, afterKind) => `Werkhervatting op ${date} na ${afterKind}`,
    institution: (name) => `Instelling: ${name || "onbekend"}`,
    hours: (fraction, q, s) => (fraction ? `Opdracht ${fraction} – Q ${q} / S ${s}` : `Q ${q} / S ${s}`),
    theoreticalSalary: (amount) => `Theoretisch loon: EUR ${amount}`,
    period: (start, end) => `Periode: ${start} tot en met ${end}`,
    grossAndTheoreticalSalary: (gross, theoretical) => `Bruto loon: EUR ${gross} – Theoretisch loon: EUR ${theoretical}`,
    subRisk: (subRisk, label) => `Subrisico ${subRisk}: ${label}`,
    holidaySubRisk: (subRisk, label, holidaySector) => `Subrisico ${subRisk}: ${label} – vakantiesector: ${holidaySector}`,
    adaptedPeriods: (periods) =>
      `${periods.length === 1 ? "Periode" : "Periodes"}: ${periods.map((p) => `${p.span.start} tot en met ${p.span.end} (Q ${p.adaptedQ} u/week, ${p.daysPerWeek} dagen/week)`).join("; ")}`,
    severanceSuffix: (severance) => (severance === "" ? "" : `; opzeggingsvergoeding ${severance}`),
    wage: (code, amount) => `${code} EUR ${amount}`,
    adaptedWorkGross: (gross, wages, severanceSuffix) =>
      `Bruto loon: EUR ${gross || "0,00"}${wages.length > 0 ? ` (looncodes ${wages.join(", ")})` : ""}${severanceSuffix}`,
    services: (services, severanceSuffix) => `Prestaties: ${services || "geen"}${severanceSuffix}`,
    holidayDays: (totalDays, details) => `Vakantiedagen: ${totalDays} (${details})`,
    noHolidayDays: "Vakantiedagen: niet aan te geven voor deze vakantiesector",
    adaptedWorkHours: (q, daysPerWeek) => `Aangepast werk: Q ${q} u/week, ${daysPerWeek} dagen/week`,
    withdrawn: (ticket) =>
      ticket ? `De aanvaarde aangifte met ticketnummer ${ticket} wordt ingetrokken.` : "De aanvaarde aangifte wordt ingetrokken.",
    reason: (why) => `Reden: ${why}`,
    file: (fileName, sequenceNbr) => `Bestand ${fileName}, volgnummer ${sequenceNbr}`,
    ticket: (ticket) => `Ticketnummer: ${ticket}`,
    recordCount: (declarations, cancellations) =>
      [
        plural(declarations, "aangifte", "aangiften"),
        ...(cancellations > 0 ? [plural(cancellations, "annulering", "annuleringen")] : []),
      ].join(", "),
    moreRecords: (count) => `… en ${plural(count, "andere aangifte", "andere aangiften")}`,
  },
};

function notEligibleSentence(d: NotEligibleDetail): string {
  switch (d.kind) {
    case "gross":
      return `bruto maandsalaris ${numbers.euro(d.monthGross)} (alle opdrachten samen) ≥ grensbedrag ${numbers.euro(d.threshold)}`;
    case "occupation":
      return `tewerkstelling ${numbers.percent(d.occupationPerMille)} (alle opdrachten samen) ≥ ${d.limitPercent} %`;
    case "assignment-after-windows":
      return `opdracht begint op ${d.assignmentStart}; de meldingsperiode eindigde op ${d.windowsEnd}`;
    case "assignment-before-windows":
      return `opdracht eindigde op ${d.assignmentEnd}; de meldingsperiode begint pas op ${d.windowsStart}`;
    case "assignment-outside-windows":
      return `opdracht ${d.assignmentStart} – ${d.assignmentEnd ?? "open"} valt buiten de meldingsperiode ${windowList(d.windows)}`;
    case "starts-after-run-month":
      return `tewerkstelling binnen de meldingsperiode begint op ${d.start}, na de verwerkingsmaand ${d.runMonth}: aangifte in een latere maand`;
    case "withdrawn-from-start":
      return `elke melding werd vanaf de geldigheidsdatum ingetrokken: ${d.notifications.map((n) => `${n.messageRef} geldig vanaf ${n.validFrom}, ingetrokken vanaf ${n.withdrawnFrom}`).join("; ")}`;
    case "no-assignment-in-windows":
      return `geen opdracht tijdens de meldingsperiode ${windowList(d.windows)}`;
    case "notification-after-cutoff":
      return d.late === null
        ? `melding ontvangen na de uiterste betaaldatum ${d.cutoffAt} — aangifte volgende maand`
        : `melding ${d.late.messageRef} ontvangen op ${d.late.receivedAt}, na de uiterste betaaldatum ${d.cutoffAt} — aangifte volgende maand`;
    case "reason":
      return NL.notEligibleReasons[d.reason];
  }
}

function cancellationReason(reason: CancellationReason): string {
  switch (reason.kind) {
    case "not-eligible":
      return `niet (meer) verschuldigd: ${NL.notEligibleReasons[reason.reason]}`;
    case "no-notification":
      return "er is geen RL16-melding meer voor dit personeelslid";
    case "assignment-gone":
      return `opdracht ${reason.assignmentId} bestaat niet meer`;
    case "no-window-or-assignment":
      return `in ${reason.month} niet meer binnen een RL16-periode of een opdracht`;
    case "no-adapted-work":
      return `geen aangepast werk meer in ${reason.month}`;
    case "no-breastfeeding-breaks":
      return `geen borstvoedingspauzes meer in ${reason.month}`;
    case "no-holiday-balance":
      return `geen vakantiesaldo meer voor vakantiejaar ${reason.holidayYear}`;
    case "no-resumption":
      return `de werkhervatting van ${reason.month} staat niet meer in de gegevens`;
    case "no-absence":
      return `de afwezigheid die begon in ${reason.month} staat niet meer in de gegevens`;
  }
}
