/**
 * ZIMA005 — yearly holiday declaration (benefits sector, scenario 5), seed 003 and glossary
 * FBAMI5/Zones_AMI5 2023/3, element order of the official XSD ZIMA005_20231. One form per (person,
 * occupation, holiday year): NaturalPerson → HolidayYear (90106) → WorkerRecordLink → one OccupationLink
 * → ExceptSituationCalculBase (90030, adapted work only) → HolidaysSector (90083) → HolidayDetail (90089).
 * Zone 00430 = "00" + sub-risk (1-4); TypeForm SU (the form is a submission, not an answer).
 */
import type { FormDefaults } from "../../../mappings/form-defaults";
import type { HolidayDetailLine, Zima005Declaration } from "../../rules/decision-types";
import { type FormContext, type FormNode, originalForm, riskCodeOf } from "../../forms/form-envelope";
import { calendarDate } from "../../domain/calendar-date";
import { occupationLinkHead } from "../occupation-link";

/**
 * Zone 00197 HolidayDaysNumber in tenths of a day ending in 0 or 5 (glossary "XX0 of XX5 … 12
 * vakantiedagen wordt 120"; seed 003 "8,5"), from days x 100: 850 → 85. Days not in half days cannot
 * be written; the rules reject them before a form is built.
 */
export function holidayDaysOf(daysHundredths: number): number {
  if (!Number.isInteger(daysHundredths) || daysHundredths < 0 || daysHundredths % 50 !== 0) {
    throw new Error(`holiday days ${daysHundredths / 100} are not a whole number of half days (zone 00197)`);
  }
  return daysHundredths / 10;
}

function holidayDetailNode(line: HolidayDetailLine): FormNode {
  const node: FormNode = { HolidayCode: line.code, HolidayDaysNumber: holidayDaysOf(line.days) };
  // Zone 00198: only for part-timers (Q < S, or adapted Q < S); the rules leave it null otherwise.
  if (line.hours !== null) node.HolidayHoursNumber = line.hours;
  return node;
}

function occupationLinkNode(declaration: Zima005Declaration, defaults: FormDefaults): FormNode {
  const link = occupationLinkHead(declaration.occupation, calendarDate(`${declaration.holidayYear}-12-31`), defaults);
  // Block 90030: "Verplicht indien … risico 003 of 004. Verboden indien de aangifte niet gebeurt in het kader van een aangepast werk."
  if (declaration.adaptedWork !== null) {
    link.ExceptSituationCalculBase = {
      ExceptSituationMeanWorkingHours: declaration.adaptedWork.q,
      ExceptSituationWorkingDaysSystem: declaration.adaptedWork.daysPerWeek,
    };
  }
  const sector: FormNode = { HolidaySectorIndicator: declaration.holidaySector };
  // Seed 003 §4.3.1: with sector 2 (public) or 3 (none) "moeten de zones die volgen, niet ingevuld worden".
  if (declaration.holidaySector === 1 && declaration.details.length > 0) sector.HolidayDetail = declaration.details.map(holidayDetailNode);
  link.HolidaysSector = sector;
  return link;
}

export function zima005Form(declaration: Zima005Declaration, context: FormContext): FormNode {
  const occupation = declaration.occupation;
  return originalForm({
    identification: "ZIMA005",
    ...context,
    riskCode: riskCodeOf(declaration.subRisk),
    holidayYear: declaration.holidayYear,
    insz: declaration.person.insz,
    workerRecordLink: {
      EmployerClass: occupation.employerClass,
      WorkerCode: occupation.workerCode,
      OccupationLink: occupationLinkNode(declaration, context.defaults),
    },
  });
}
