/**
 * Fixed and default zone values of the unemployment forms for teaching staff (domain.md D9, D13), and
 * the contact person of the benefits-sector forms.
 * The occupation codes apply only when the assignment row has none of its own.
 * Open question Q4 of domain.md: the agency must confirm employer class and worker code.
 */

/**
 * The contact person of the benefits-sector (ZIMA) forms, block 90257 CoordinatesContactPerson with its
 * Communication block 90258: mandatory there (the e-mail address 00637 is indispensable), absent from
 * the WECH forms. These are demo-safe placeholders (the ".invalid" domain can never receive mail): the
 * agency must set its own service, phone number and mailbox before the first real (R) submission.
 */
export interface ContactPersonDefaults {
  /** Zone 00726 Name (at most 48 characters), null to leave it out. */
  readonly name: string | null;
  /** Zone 00727 FirstName (at most 24 characters), null to leave it out. */
  readonly firstName: string | null;
  /** Zone 00677 PhoneNbr (at most 20 characters), null to leave it out. */
  readonly phone: string | null;
  /** Zone 00637 EmailAddress (at most 60 characters), indispensable. */
  readonly email: string;
}

const contactPerson: ContactPersonDefaults = { name: "Cel e-ASR", firstName: "AGODI", phone: null, email: "easr@agodi.invalid" };

export const formDefaults = {
  /** Zone 00156 LanguageCodePdf: 1 Dutch, 2 French, 3 German. */
  languageCodePdf: 1,
  /** Zone 00297 TypeForm. */
  typeForm: "SU",
  /** Zone 00430 IdentificationOfRisk: 001 for WECH003 and WECH006 (ZIMA forms carry their sub-risk instead). */
  riskCode: "001",
  /** Zone 00012 Trusteeship: 0 not under trusteeship. */
  trusteeship: 0,
  /** Zone 00036 EmployerClass when the assignment has none. */
  employerClass: "011",
  /** Zone 00037 WorkerCode when the assignment has none. */
  workerCode: "495",
  /** Zone 00046 JointCommissionNbr when the assignment has none: 999 = no joint committee applies. */
  jointCommittee: "999",
  /**
   * Zone 00095 DBRIndicatorInEntrepriseCadreMap (WECH003): does the move to part-time work happen inside a
   * company plan or an employment agreement ("in het kader van een bedrijfsplan of een
   * tewerkstellingsakkoord")? Not for the education agencies: 0 (domain.md D14). It is NOT the
   * notification's maintenance_of_rights: the whole WECH003 block is the declaration "with maintenance of
   * rights", whatever the person's status.
   */
  dbrInCompanyPlan: 0 as 0 | 1,
  /** Zone 00096 LegalBasis, written only when 00095 is configured 1: 7 = public-sector work redistribution plan (values 1-7 in this form). */
  legalBasis: 7 as number,
  /** Zone 01095 WorkScheduleCode: 98 = teaching (Flemish Community). */
  workScheduleCode: "98",
  /** Zone 00769 OccupationInterruption: 2 = same Q for the whole month (one form per assignment). */
  occupationInterruption: 2,
  /**
   * Zone 00769 for an uninterrupted part-time occupation whose Q changes within the month (two assignment
   * rows at one institution that follow each other, an "opdrachtwijziging"): 3, with the calendar-day
   * average Q (glossary 00048 of WECH006, domain.md D19).
   */
  occupationInterruptionChangingQ: 3,
  /** Zone 00047 WorkingDaysSystem on WECH006, and on ZIMA forms when the assignment has no days per week: 500 for teachers (schedule 98). */
  teacherWorkingDays: 500,
  /** Zone 00122 ExactSalaryCode: 33 = gross pay of a part-timer with income-guarantee allowance. */
  exactSalaryCode: 33,
  /** Zone 01230 OccupationRefused (required from reference periods after 2020-03-31): 0 = no job refused. */
  occupationRefused: 0,
  /** Block 90257 CoordinatesContactPerson of the ZIMA forms (see {@link ContactPersonDefaults}). */
  contactPerson,
} as const;

export type FormDefaults = typeof formDefaults;

/** Employer categories and worker codes that may not appear in an e-ASR (zones 00036/00037, unemployment sector). */
export const forbiddenEmployerClasses: readonly string[] = ["099", "199", "299", "699", "898", "027", "028", "105", "205", "305", "405"];
export const forbiddenWorkerCodes: readonly string[] = ["840", "841", "879", "676", "406", "407", "848", "849", "497", "883"];
