/**
 * WECH003 — start of part-time work (scenario 3), glossary FBONEM1 2023/3. One form per
 * (person, assignment) (D2). End date and work grid are forbidden for occupations starting from 2016.
 */
import type { FormDefaults } from "../../../mappings/form-defaults";
import type { Wech003Declaration } from "../../rules/decision-types";
import { type Correction, type EmployerIdentity, type FormNode, type FormStamp, originalForm } from "../../forms/form-envelope";

export function wech003Form(
  declaration: Wech003Declaration,
  context: { stamp: FormStamp; employer: EmployerIdentity; defaults: FormDefaults; sequenceNbr: number; correction?: Correction },
): FormNode {
  const occupation = declaration.occupation;
  // Zone 00095 is the configured company-plan indicator (D14), never the notification's maintenance_of_rights.
  const maintenance: FormNode = { DBRIndicatorInEntrepriseCadreMap: declaration.dbrInCompanyPlan };
  if (declaration.legalBasis !== null) maintenance.LegalBasis = declaration.legalBasis;
  maintenance.FullTimeOccupationRequest = declaration.fulltimeRequest;
  maintenance.TheoreticalSalary = { MonthlyTheoreticalSalaryAmount: occupation.monthlySalary };
  return originalForm({
    identification: "WECH003",
    ...context,
    attestationStatus: context.correction?.attestationStatus,
    referenceTicket: context.correction?.ticket,
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
