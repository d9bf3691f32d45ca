/**
 * ZIMA002 — monthly declaration of adapted work (benefits sector, scenario 2), seed 002 and glossary
 * FBAMI2/Zones_AMI2 2023/3, element order of the official XSD ZIMA002_20231. One form per (person,
 * occupation, reference month); one WorkerRecordLink whose OccupationLinks are the reference periods:
 * seed 002 §3.1 links each special-situations block (90030) 1-1 to its own occupation link and
 * reference period, so a change of the adapted Q or days splits the month into several links.
 *
 * Per sub-risk (zone 00430 = "00" + sub-risk): 001 writes the Service blocks (90018) and never
 * NatureOfDay (90074) or ExactSalary (90085), both "VERBODEN indien de identificatie van het risico 001
 * is"; 002 writes NatureOfDay and ExactSalary and never Service ("VERBODEN indien ... 002").
 */
import { ZERO_CENTS } from "../../domain/money";
import type { FormDefaults } from "../../../mappings/form-defaults";
import type { AdaptedWorkPeriod, DayNatureLine, ExactWageLine, ServiceLine, Zima002Declaration } from "../../rules/decision-types";
import { type FormContext, type FormNode, originalForm, riskCodeOf } from "../../forms/form-envelope";
import { lastDayOf } from "../../domain/year-month";
import { occupationLinkHead } from "../occupation-link";

/**
 * Zone 00122 as the glossary writes its allowed values ("001, 004, 005, …": numeric, length 3), from the
 * seed's two-digit wage code ("01" → "001").
 */
export function exactSalaryCodeOf(code: string): string {
  return code.padStart(3, "0");
}

/** Zone 00178 DayIndicator, xs:gMonthDay "--MM-DD" (glossary format "--MM-DD"), from an ISO date. */
export function dayIndicatorOf(day: string): string {
  return `--${day.slice(5, 10)}`;
}

function serviceNode(line: ServiceLine, sequenceNbr: number): FormNode {
  const node: FormNode = { ServiceSequenceNbr: sequenceNbr, ServiceCode: Number(line.code) };
  // Zone 00063 is optional, [1; 36600] hundredths of days.
  if (line.days !== null && line.days > 0) node.ServiceNbrDays = line.days;
  node.ServiceNbrHours = line.hours;
  return node;
}

function natureOfDayNode(line: DayNatureLine): FormNode {
  return { DayIndicator: dayIndicatorOf(line.day), DayNatureCode: line.code, HoursNumber: line.hours };
}

function exactSalaryNode(line: ExactWageLine): FormNode {
  return { ExactSalaryCode: exactSalaryCodeOf(line.code), ExactSalaryAmount: line.amount };
}

/**
 * Block 90085 is "1..* VERPLICHT INDIEN de identificatie van het risico 002 is", per reference period. A
 * period without pay lines is declared as seed 002 §3.6.2 says for a period without pay: code 01, 0 EUR.
 */
const NO_PAY: readonly ExactWageLine[] = [{ code: "01", amount: ZERO_CENTS }];

function referencePeriodNode(declaration: Zima002Declaration, period: AdaptedWorkPeriod): FormNode {
  const node: FormNode = { RefStartingDate: period.start, RefEndingDate: period.end };
  if (declaration.subRisk === 1) {
    if (period.services.length > 0) node.Service = period.services.map((line, index) => serviceNode(line, index + 1));
  } else {
    if (period.dayNatures.length > 0) node.NatureOfDay = period.dayNatures.map(natureOfDayNode);
    node.ExactSalary = (period.exactWages.length > 0 ? period.exactWages : NO_PAY).map(exactSalaryNode);
  }
  return node;
}

function occupationLinkNode(declaration: Zima002Declaration, period: AdaptedWorkPeriod, defaults: FormDefaults): FormNode {
  const link = occupationLinkHead(declaration.occupation, lastDayOf(declaration.referencePeriod), defaults);
  if (period.severance !== null) {
    const severance: FormNode = { SeverancePaymentStartDate: period.severance.start, SeverancePaymentEndDate: period.severance.end };
    // Zone 01132: [1; 99999999999] cents, required once the total is known.
    if (period.severance.amount > 0) severance.SeverancePaymentRemuneration = period.severance.amount;
    link.SeverancePayment = severance;
  }
  link.ExceptSituationCalculBase = {
    ExceptSituationMeanWorkingHours: period.adaptedQ,
    ExceptSituationWorkingDaysSystem: period.adaptedDaysPerWeek,
  };
  link.ReferencePeriod = referencePeriodNode(declaration, period);
  return link;
}

export function zima002Form(declaration: Zima002Declaration, context: FormContext): FormNode {
  const occupation = declaration.occupation;
  return originalForm({
    identification: "ZIMA002",
    ...context,
    riskCode: riskCodeOf(declaration.subRisk),
    insz: declaration.person.insz,
    workerRecordLink: {
      EmployerClass: occupation.employerClass,
      WorkerCode: occupation.workerCode,
      OccupationLink: declaration.periods.map((period) => occupationLinkNode(declaration, period, context.defaults)),
    },
  });
}
