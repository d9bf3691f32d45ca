/**
 * Fixed and default zone values of the unemployment forms for teaching staff (domain.md D9, D13).
 * The occupation codes apply only when the assignment row has none of its own.
 * Open question Q4 of domain.md: the agency must confirm employer class and worker code.
 */
export const formDefaults = {
  /** Zone 00156 LanguageCodePdf: 1 Dutch, 2 French, 3 German. */
  languageCodePdf: 1,
  /** Zone 00297 TypeForm. */
  typeForm: "SU",
  /** Zone 00430 IdentificationOfRisk: 001 for WECH003 and WECH006. */
  riskCode: "001",
  /** Zone 00012 Trusteeship: 0 not under trusteeship. */
  trusteeship: 0,
  /** Zone 00036 EmployerClass when the assignment has none. */
  employerClass: "011",
  /** Zone 00037 WorkerCode when the assignment has none. */
  workerCode: "495",
  /** Zone 00046 JointCommissionNbr when the assignment has none: 999 = no joint committee applies. */
  jointCommittee: "999",
  /** Zone 00096 LegalBasis, required when 00095 (maintenance of rights in a company plan) is 1: 7 = public-sector work redistribution plan. */
  legalBasisWithMaintenanceOfRights: 7,
  /** Zone 01095 WorkScheduleCode: 98 = teaching (Flemish Community). */
  workScheduleCode: "98",
  /** Zone 00769 OccupationInterruption: 2 = same Q for the whole month (one form per assignment). */
  occupationInterruption: 2,
  /** Zone 00047 WorkingDaysSystem on WECH006: 500 for teachers (schedule 98). */
  teacherWorkingDays: 500,
  /** Zone 00122 ExactSalaryCode: 33 = gross pay of a part-timer with income-guarantee allowance. */
  exactSalaryCode: 33,
  /** Zone 01230 OccupationRefused (required from reference periods after 2020-03-31): 0 = no job refused. */
  occupationRefused: 0,
} as const;

export type FormDefaults = typeof formDefaults;

/** Employer categories and worker codes that may not appear in an e-ASR (zones 00036/00037, unemployment sector). */
export const forbiddenEmployerClasses: readonly string[] = ["099", "199", "299", "699", "898", "027", "028", "105", "205", "305", "405"];
export const forbiddenWorkerCodes: readonly string[] = ["840", "841", "879", "676", "406", "407", "848", "849", "497", "883"];
