/**
 * What makes one form type: everything the run, the files and the reports need of it, in one object
 * (domain.md D23). One module per type (wech003/, wech006/, zima002/, zima003/, zima005/), listed once in
 * registry.ts; a type whose module lacks a capability does not compile, and the registry cannot miss a
 * type (it is a mapped type over the FormType union).
 */
import type { ReferencePeriod } from "../domain/reference-period";
import type { GlossaryCondition } from "../forms/glossary-conditions/types";
import type { EnvelopeInput, FormContext, FormNode } from "../forms/form-envelope";
import type { KeptZones } from "../domain/kept-zones";
import type { Cadence, DeclarationOf, FormType, Sector } from "../rules/decision-types";

/** What a cancellation carries besides the envelope, the person and the ticket. */
export type CancellationParts = Partial<Pick<EnvelopeInput, "holidayYear" | "personBlocks" | "riskBlocks" | "quarter">>;

/** How a form type is named for the people around the run. */
export interface FormTypeLabels {
  /** The operator workbook's description, e.g. "monthly part-time work (scenario 6)". */
  readonly title: string;
  /** The form's name on the staff member's copy: AGODI's labels for the unemployment forms (WECH503 for WECH003). */
  readonly payslip: string;
}

export interface FormTypeModule<T extends FormType> {
  readonly formType: T;
  /** The sector, which is the batch purpose in the file name (FI.<sector>.…). */
  readonly sector: Sector;
  /** Once per occupation, monthly or yearly: what the unit's reference period is. */
  readonly cadence: Cadence;
  /** The schema each file of the type is validated against, relative to schemas/. */
  readonly xsd: string;
  /** D22: the conditions of the type's own glossary that the XSD cannot express. */
  readonly glossaryConditions: readonly GlossaryCondition[];
  /** The form object of a declaration (original, or a modification with its correction). */
  readonly build: (declaration: DeclarationOf<T>, context: FormContext) => FormNode;
  /**
   * What a cancellation of the type carries besides the envelope, from the unit's reference period and
   * the zones kept when the form was sent (a ZIMA005 cancellation its holiday year, block 90106; a ZIMA006
   * its WorkRecovery, block 90016).
   */
  readonly cancellationParts: (referencePeriod: ReferencePeriod | null, kept: KeptZones | null) => CancellationParts;
  /** The zones of a sent form that its cancellation must repeat (null: none besides the risk code). */
  readonly keep: (form: FormNode) => KeptZones | null;
  readonly labels: FormTypeLabels;
  /**
   * Zones left out when a unit's content is compared with what was declared before: what may change
   * without the declaration being modified (WECH003: the theoretical salary follows indexation).
   */
  readonly notCompared: readonly string[];
}

/** One module per form type: the registry's shape. */
export type FormTypeModules = { readonly [T in FormType]: FormTypeModule<T> };
