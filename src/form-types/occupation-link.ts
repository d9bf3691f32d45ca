/**
 * The first zones of a benefits form's OccupationLink (block 90068), the same in ZIMA002, ZIMA003 and
 * ZIMA005 in XSD order: the occupation's start, its end when it ends by `lastDay` (the reference month's
 * last day; for ZIMA005 the holiday year's), joint committee, days a week, Q and S.
 */
import type { FormDefaults } from "../../mappings/form-defaults";
import type { CalendarDate } from "../domain/calendar-date";
import type { FormNode } from "../forms/form-envelope";
import type { OccupationFacts } from "../rules/decision-types";

export function occupationLinkHead(occupation: OccupationFacts, lastDay: CalendarDate, defaults: FormDefaults): FormNode {
  const link: FormNode = { OccupationStartingDate: occupation.startDate };
  // Zone 00045: "Verplicht indien de tewerkstelling eindigt (vóór of) in de loop van de referteperiode" (ZIMA005:
  // "van het vakantiejaar"), and left out when the occupation goes on after it.
  if (occupation.endDate !== null && occupation.endDate <= lastDay) link.OccupationEndingDate = occupation.endDate;
  link.JointCommissionNbr = occupation.jointCommittee;
  link.WorkingDaysSystem = occupation.daysPerWeek ?? defaults.teacherWorkingDays;
  link.MeanWorkingHours = occupation.q;
  link.RefMeanWorkingHours = occupation.s;
  return link;
}

/** Items sharing one (00036 EmployerClass, 00037 WorkerCode) pair: one WorkerRecord on the form. */
export interface WorkerRecordGroup<T> {
  readonly employerClass: string;
  readonly workerCode: string;
  readonly items: T[];
}

/** Groups items by their occupation's (00036, 00037) pair, in the order the pairs first occur. */
export function groupByWorkerRecord<T extends { readonly occupation: Pick<OccupationFacts, "employerClass" | "workerCode"> }>(
  items: readonly T[],
): WorkerRecordGroup<T>[] {
  const byPair = new Map<string, WorkerRecordGroup<T>>();
  for (const item of items) {
    const { employerClass, workerCode } = item.occupation;
    const key = `${employerClass}/${workerCode}`;
    let group = byPair.get(key);
    if (!group) byPair.set(key, (group = { employerClass, workerCode, items: [] }));
    group.items.push(item);
  }
  return [...byPair.values()];
}
