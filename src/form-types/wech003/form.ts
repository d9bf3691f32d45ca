/**
 * WECH003 — start of part-time work (scenario 3), glossary FBONEM1 2023/3. One form per
 * (person, assignment) (D2). End date and work grid are forbidden for occupations starting from 2016.
 */
import type { Wech003Declaration } from "../../rules/decision-types";
import { type FormContext, type FormNode, originalForm } from "../../forms/form-envelope";

export function wech003Form(declaration: Wech003Declaration, context: FormContext): FormNode {
  const occupation = declaration.occupation;
  // Zone 00095 is the configured company-plan indicator (D14), never the notification's maintenance_of_rights.
  const maintenance: FormNode = { DBRIndicatorInEntrepriseCadreMap: declaration.dbrInCompanyPlan };
  if (declaration.legalBasis !== null) maintenance.LegalBasis = declaration.legalBasis;
  maintenance.FullTimeOccupationRequest = declaration.fulltimeRequest;
  maintenance.TheoreticalSalary = { MonthlyTheoreticalSalaryAmount: occupation.monthlySalary };
  return originalForm({
    identification: "WECH003",
    ...context,
    insz: declaration.person.insz,
    workerRecordLink: {
      EmployerClass: occupation.employerClass,
      WorkerCode: occupation.workerCode,
      OccupationLink: {
        OccupationStartingDate: declaration.occupationStartingDate,
        JointCommissionNbr: occupation.jointCommittee,
        MeanWorkingHours: occupation.q,
        RefMeanWorkingHours: occupation.s,
        DeclarationPartTimeWorkWithMaintenanceRights: maintenance,
      },
    },
  });
}
