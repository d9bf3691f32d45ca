/**
 * Domain decision D22: the conditions of the official 2023/3 glossaries that the XSD cannot express, as
 * tables per form type, and the decision for every blocking (class "B") anomaly of the form type's
 * glossary: checked here (a table row), enforced by the XSD, or not checkable (with the reason).
 */
import type { FormType } from "../../rules/decision-types";
import type { FormNode } from "../form-envelope";

/** The form types that have a glossary-condition table: every one. */
export type GlossaryFormType = FormType;

/** One row of a form type's table: a condition of its own glossary that a built form can be held against. */
export interface GlossaryCondition {
  /** The zone (0xxxx) or functional block (9xxxx) the anomaly belongs to. */
  readonly zone: string;
  /** The anomaly the institution would raise, e.g. `00048-008`: always a class-B anomaly of this form's glossary. */
  readonly anomaly: string;
  /** The condition in English, quoting the Dutch glossary where useful. */
  readonly condition: string;
  /** Pure: null when the form meets the condition, otherwise a short detail naming the offending values. */
  readonly check: (form: FormNode) => string | null;
}

/** A condition a form does not meet. */
export interface GlossaryViolation {
  readonly anomaly: string;
  readonly zone: string;
  /** The zone's or block's XmlLabel and Dutch title, e.g. "MeanWorkingHours (GEMIDDELD AANTAL UREN PER WEEK VAN DE WERKNEMER)". */
  readonly label: string;
  readonly detail: string;
}

/**
 * How the XSD the form is validated against enforces an anomaly. The coverage test
 * (test/unit/glossary-conditions.test.ts) verifies every such claim against that XSD.
 */
export type XsdEnforcement =
  /** -001: the element has minOccurs >= 1 wherever it stands (inside its block, when the block is there). */
  | "presence"
  /** -002: the simple type is integer-valued. */
  | "numeric"
  /** -093: a length bound (totalDigits, maxLength, length, maxInclusive, enumeration or pattern). */
  | "length"
  /** -091: the element stands in the XSD's sequences, which fix the order. */
  | "order"
  /** -003: a date / time / gMonthDay / gYear type, or a pattern, rejects what is not well formed. */
  | "typed"
  /** -008: the XSD enumerates the allowed values. */
  | "enumeration"
  /** -008: minInclusive / maxInclusive bounds are the domain. */
  | "range"
  /** -008: an xs:pattern is the domain. */
  | "pattern"
  /** -005: maxOccurs 0 (or no such element) wherever it stands. */
  | "forbidden";

/** Anomalies the XSD enforces, with one reason for all of them. */
export interface XsdDecision {
  readonly by: XsdEnforcement;
  readonly reason: string;
  readonly codes: readonly string[];
}

/** Anomalies a form cannot be held against before it is sent, with one reason for all of them. */
export interface NotCheckableDecision {
  readonly reason: string;
  readonly codes: readonly string[];
}

/** Where every class-B anomaly of a form type's glossary that is not a table row is handled. */
export interface AnomalyCoverage {
  /**
   * By kind of anomaly (the three digits after the dash, e.g. "002" Niet numeriek): every anomaly of that
   * kind that is neither a table row nor listed below is enforced by the XSD in this way.
   */
  readonly xsdByKind: Readonly<Record<string, XsdEnforcement>>;
  readonly xsd: readonly XsdDecision[];
  readonly notCheckable: readonly NotCheckableDecision[];
}
