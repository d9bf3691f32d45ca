/**
 * ZIMA003 — certificate for the compensation of breastfeeding breaks (benefits sector, scenario 3),
 * glossary FBAMI3/Zones_AMI3 2023/3, element order of the official XSD ZIMA003_20231 (zima-1-3-6.md §2.2).
 * One form per person and reference month (decision Z3-FORM): a WorkerRecordLink per pair of employer
 * class and worker code (00036, 00037), in it an OccupationLink per assignment with breaks, each with its
 * ReferencePeriod (the month within the occupation, 90077) holding the breaks and the hourly wage (90113).
 * Only IdentificationOfRisk 001 exists.
 */
import type { FormDefaults } from "../../../mappings/form-defaults";
import type { Zima003Declaration, Zima003Link } from "../../rules/decision-types";
import { type FormContext, type FormNode, originalForm } from "../../forms/form-envelope";
import { lastDayOf } from "../../domain/year-month";
import { groupByWorkerRecord, occupationLinkHead } from "../occupation-link";

function occupationLinkNode(declaration: Zima003Declaration, link: Zima003Link, defaults: FormDefaults): FormNode {
  // Zone 00047 is optional here; written as on ZIMA002 (decision in zima-1-3-6.md §2.2).
  const node = occupationLinkHead(link.occupation, lastDayOf(declaration.referencePeriod), defaults);
  node.ReferencePeriod = {
    RefStartingDate: link.period.start,
    RefEndingDate: link.period.end,
    BreastFeedingPause: { BreastFeedingPauseNbr: link.halfHourBreaks, BreastFeedingHourlyGrossSalary: link.hourlyWage },
  };
  return node;
}

/** The links grouped by (00036, 00037), in the order the pairs first occur. */
function workerRecordLinks(declaration: Zima003Declaration, defaults: FormDefaults): FormNode[] {
  return groupByWorkerRecord(declaration.links).map((group) => ({
    EmployerClass: group.employerClass,
    WorkerCode: group.workerCode,
    OccupationLink: group.items.map((link) => occupationLinkNode(declaration, link, defaults)),
  }));
}

export function zima003Form(declaration: Zima003Declaration, context: FormContext): FormNode {
  return originalForm({
    identification: "ZIMA003",
    ...context,
    riskCode: "001",
    insz: declaration.person.insz,
    workerRecordLink: workerRecordLinks(declaration, context.defaults),
  });
}
