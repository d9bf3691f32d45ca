/**
 * WECH006 — monthly declaration of part-time work (scenario 6), glossary FBONEM2 2023/3. One form per
 * (person, occupation, reference month) (D2, D19). Teachers (D9): WorkScheduleCode 98, WorkingDaysSystem
 * 500, no HolidaysSector, the reference period is the whole calendar month, ExactSalaryCode 33.
 * No NatureOfDay blocks: the block is required only for days that need a day-nature code, and the
 * source contract holds no day-level events for teaching assignments.
 */
import { firstDayOf, lastDayOf } from "../../domain/year-month";
import type { Wech006Declaration } from "../../rules/decision-types";
import { type FormContext, type FormNode, originalForm } from "../../forms/form-envelope";

/** Reference periods starting after this day need OccupationRefused (zone 01230). */
const OCCUPATION_REFUSED_FROM = "2020-04-01";

export function wech006Form(declaration: Wech006Declaration, context: FormContext): FormNode {
  const occupation = declaration.occupation;
  const month = declaration.referencePeriod;
  const defaults = context.defaults;
  const link: FormNode = { OccupationStartingDate: declaration.occupationStartingDate };
  // Zone 00045: the rules say when it is written (D19: mandatory for Q < S and 00769 = 3, else only when the occupation ends in the month).
  if (declaration.occupationEndingDate !== null) link.OccupationEndingDate = declaration.occupationEndingDate;
  link.JointCommissionNbr = occupation.jointCommittee;
  link.WorkingDaysSystem = defaults.teacherWorkingDays;
  link.MeanWorkingHours = declaration.meanWorkingHours;
  link.RefMeanWorkingHours = occupation.s;
  link.OccupationFeatures = { OccupationInterruption: declaration.occupationInterruption, WorkScheduleCode: defaults.workScheduleCode };
  const monthly: FormNode = {};
  if (month < "2016-01") monthly.QSuppressed = 0;
  if (firstDayOf(month) >= OCCUPATION_REFUSED_FROM) monthly.OccupationRefused = defaults.occupationRefused;
  monthly.TheoreticalSalary = { MonthlyTheoreticalSalaryAmount: declaration.theoreticalSalary };
  monthly.ReferencePeriod = {
    RefStartingDate: firstDayOf(month),
    RefEndingDate: lastDayOf(month),
    ExactSalary: { ExactSalaryCode: defaults.exactSalaryCode, ExactSalaryAmount: declaration.exactSalary },
  };
  link.MonthlyDeclarationPartTimeWork = monthly;
  return originalForm({
    identification: "WECH006",
    ...context,
    insz: declaration.person.insz,
    workerRecordLink: { EmployerClass: occupation.employerClass, WorkerCode: occupation.workerCode, OccupationLink: link },
  });
}
