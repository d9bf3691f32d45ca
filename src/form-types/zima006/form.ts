/**
 * ZIMA006 — declaration of resumption of work (benefits sector, scenario 6), glossary FBAMI6/Zones_AMI6
 * 2023/3, element order of the official XSD ZIMA006_20231 (zima-1-3-6.md §3.2): the envelope, the
 * employer link, the person (00023, 00024) and the WorkRecovery block (90016) with the day work resumed
 * (00128). No occupation, and only IdentificationOfRisk 001. Spontaneous (TypeForm SU, D24 OQ3).
 */
import type { CalendarDate } from "../../domain/calendar-date";
import type { KeptZones } from "../../domain/kept-zones";
import type { Zima006Declaration } from "../../rules/decision-types";
import { type FormContext, type FormNode, originalForm } from "../../forms/form-envelope";
import { date, naturalPerson, node } from "../../forms/glossary-conditions/form-reading";

/** Block 90016, indispensable in every ZIMA006 (a cancellation too). */
export function workRecoveryBlock(resumptionDate: CalendarDate): FormNode {
  return { WorkRecovery: { WorkRecoveryDate: resumptionDate } };
}

export function zima006Form(declaration: Zima006Declaration, context: FormContext): FormNode {
  return originalForm({
    identification: "ZIMA006",
    ...context,
    riskCode: "001",
    insz: declaration.person.insz,
    workerRecordLink: null,
    personBlocks: workRecoveryBlock(declaration.resumptionDate),
  });
}

/** What a cancellation repeats: the day of resumption as sent (00128). */
export function keptOfZima006(form: FormNode): KeptZones | null {
  const day = date(node(naturalPerson(form), "WorkRecovery"), "WorkRecoveryDate");
  return day === null ? null : { "00128": day };
}

/** A cancellation's WorkRecovery: the kept day (absent when none was kept: the XSD then refuses the cancellation). */
export function zima006CancellationParts(kept: KeptZones | null): { personBlocks?: FormNode } {
  const day = kept?.["00128"];
  return day === undefined ? {} : { personBlocks: workRecoveryBlock(day as CalendarDate) };
}
