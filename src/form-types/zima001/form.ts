/**
 * ZIMA001 — the information sheet when a benefits risk starts (scenario 1), glossary FBAMI1/Zones_AMI1
 * 2023/3, element order of the official XSD ZIMA001_20231 (zima-1-3-6.md §1.2): after the envelope the
 * risk's start (RiskDetail 90252), the resumption when known (WorkRecovery 90016), the prevention services
 * (90564, risk 001); then a mini-DmfA EmployerDeclaration (90007) of the risk's quarter with the person,
 * a WorkerRecord (90012) per pair of employer class and worker code holding an Occupation (90015) per
 * assignment — the one running on the risk's start with its RiskDetailOccupation (90006): last working
 * day, calculation base, reference period and its days — and the end of the relation (ServiceData 90279).
 * No Service or Remun lines (decision Z1-MINI), no overtime, severance or benefits in kind.
 */
import type { FormDefaults } from "../../../mappings/form-defaults";
import type { Zima001Declaration, Zima001Occupation, Zima001OccupationRisk } from "../../rules/decision-types";
import type { KeptZones } from "../../domain/kept-zones";
import { type FormContext, type FormNode, originalForm } from "../../forms/form-envelope";
import { node, text } from "../../forms/glossary-conditions/form-reading";
import { dayIndicatorOf } from "../zima002/form";
import { groupByWorkerRecord } from "../occupation-link";

/** Zone 00189 RemunerationTimeUnit: 4 = a month (teaching staff are paid a monthly wage). */
const MONTHLY = 4;

function riskDetailNode(risk: Zima001OccupationRisk): FormNode {
  const node: FormNode = {};
  if (risk.lastWorkingDay !== null) node.LastWorkingDayDate = risk.lastWorkingDay;
  node.CalculationBaseAllowance = {
    RemunerationTimeUnit: MONTHLY,
    RemunerationBasisAmount: risk.basisAmount,
    StableOccupationIndicator: risk.stable,
  };
  const period = risk.referencePeriod;
  if (period !== null)
    node.ReferencePeriod = {
      RefStartingDate: period.start,
      RefEndingDate: period.end,
      NatureOfDay: period.days.map((d) => ({
        DayIndicator: dayIndicatorOf(d.day),
        DayNatureCode: d.code,
        ...(d.hours === null ? {} : { HoursNumber: d.hours }),
      })),
    };
  return node;
}

/** Block 90015 in XSD order; 00043 numbers the occupations within their WorkerRecord. */
function occupationNode(o: Zima001Occupation, sequenceNbr: number, defaults: FormDefaults): FormNode {
  const { occupation } = o;
  const node: FormNode = { OccupationSequenceNbr: sequenceNbr, OccupationStartingDate: occupation.startDate };
  if (o.endDate !== null) node.OccupationEndingDate = o.endDate;
  Object.assign(node, {
    JointCommissionNbr: occupation.jointCommittee,
    WorkingDaysSystem: occupation.daysPerWeek ?? defaults.teacherWorkingDays,
    // Zone 00050 ContractType: 0 full time (Q = S), 1 part time.
    ContractType: occupation.q === occupation.s ? 0 : 1,
    RefMeanWorkingHours: occupation.s,
    MeanWorkingHours: occupation.q,
    Retired: o.retired,
    TenthOrTwelfth: o.payMode,
    OccupationUserReference: String(occupation.assignmentId),
    LocalUnitID: o.localUnitId,
  });
  if (o.risk !== null) node.RiskDetailOccupation = riskDetailNode(o.risk);
  return node;
}

/** The occupations grouped into WorkerRecords by (00036, 00037), in the order the pairs first occur. */
function workerRecords(declaration: Zima001Declaration, defaults: FormDefaults): FormNode[] {
  return groupByWorkerRecord(declaration.occupations).map((group) => ({
    EmployerClass: group.employerClass,
    WorkerCode: group.workerCode,
    NOSSQuarterStartingDate: declaration.quarter.first,
    NOSSQuarterEndingDate: declaration.quarter.last,
    // Zone 00040 Border: no fiscal frontier workers among the agencies' staff.
    Border: 0,
    Occupation: group.items.map((o, index) => occupationNode(o, index + 1, defaults)),
  }));
}

/** RiskDetail, WorkRecovery and PreventionService, in XSD order. */
function riskBlocks(declaration: Zima001Declaration): FormNode {
  const blocks: FormNode = { RiskDetail: { RiskStartingDate: declaration.riskStart } };
  if (declaration.workRecovery !== null) blocks.WorkRecovery = { WorkRecoveryDate: declaration.workRecovery };
  if (declaration.preventionServices.length > 0)
    blocks.PreventionService = declaration.preventionServices.map((s) => ({ CompanyID: s.kbo, Denomination: s.name }));
  return blocks;
}

export function zima001Form(declaration: Zima001Declaration, context: FormContext): FormNode {
  const personBlocks: FormNode = { WorkerRecord: workerRecords(declaration, context.defaults) };
  if (declaration.serviceEnd !== null) personBlocks.ServiceData = { ServiceEndingDate: declaration.serviceEnd };
  return originalForm({
    identification: "ZIMA001",
    ...context,
    riskCode: declaration.risk,
    insz: declaration.person.insz,
    workerRecordLink: null,
    personBlocks,
    riskBlocks: riskBlocks(declaration),
    quarter: declaration.quarter.code,
  });
}

/** What a cancellation repeats (§1.2 "Cancellation"): the risk's start (00408) and the quarter (00013) as sent. */
export function keptOfZima001(form: FormNode): KeptZones | null {
  const start = text(node(form, "RiskDetail"), "RiskStartingDate");
  const quarter = text(node(form, "EmployerDeclaration"), "Quarter");
  return start === null || quarter === null ? null : { "00408": start, "00013": quarter };
}

/**
 * A cancellation: RiskIdentification, RiskDetail (00408) and one EmployerDeclaration of the quarter with the
 * person but no WorkerRecord, WorkRecovery, PreventionService or ServiceData ("Verboden in het geval van een
 * annulatie"). Without kept zones it carries neither, and the glossary's rows refuse it.
 */
export function zima001CancellationParts(kept: KeptZones | null): { riskBlocks?: FormNode; quarter?: string } {
  const start = kept?.["00408"];
  const quarter = kept?.["00013"];
  return {
    ...(start === undefined ? {} : { riskBlocks: { RiskDetail: { RiskStartingDate: start } } }),
    ...(quarter === undefined ? {} : { quarter }),
  };
}
