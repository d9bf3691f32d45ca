/**
 * The first zones of a benefits form's OccupationLink (block 90068), the same in ZIMA002 and ZIMA003 in
 * XSD order: the occupation's start, its end when it ends in the reference month, joint committee, days a
 * week, Q and S.
 */
import type { FormDefaults } from "../../mappings/form-defaults";
import { lastDayOf, type YearMonth } from "../domain/year-month";
import type { FormNode } from "../forms/form-envelope";
import type { OccupationFacts } from "../rules/decision-types";

export function occupationLinkHead(occupation: OccupationFacts, referenceMonth: YearMonth, defaults: FormDefaults): FormNode {
  const link: FormNode = { OccupationStartingDate: occupation.startDate };
  // Zone 00045: "Verplicht indien de tewerkstelling eindigt (vóór of) in de loop van de referteperiode", and
  // left out when the occupation goes on after the month.
  if (occupation.endDate !== null && occupation.endDate <= lastDayOf(referenceMonth)) link.OccupationEndingDate = occupation.endDate;
  link.JointCommissionNbr = occupation.jointCommittee;
  link.WorkingDaysSystem = occupation.daysPerWeek ?? defaults.teacherWorkingDays;
  link.MeanWorkingHours = occupation.q;
  link.RefMeanWorkingHours = occupation.s;
  return link;
}
