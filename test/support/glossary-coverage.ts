/**
 * Sorts the blocking (class "B") anomalies of a form type's official glossary into the three places
 * domain.md D22 allows — a row of the form type's table of glossary conditions, enforced by the XSD the
 * form is validated against, or not checkable with a reason — and verifies every XSD claim against that
 * XSD. Used by test/unit/glossary-conditions.test.ts.
 */
import { join } from "node:path";
import {
  ANOMALY_COVERAGE,
  type AnomalyCoverage,
  type GlossaryCondition,
  type GlossaryFormType,
  type XsdEnforcement,
} from "../../src/forms/glossary-conditions";
import { GLOSSARY_CONDITIONS } from "../../src/form-types/glossary-check";
import { projectRoot } from "../../src/util/project-root";
import { type Glossary, loadFormGlossary } from "./glossary";
import { XsdSchema, type XsdOccurrence, occurrencesByCode } from "./xsd-model";

/** The XSD each form type is validated against. */
export const FORM_XSD: Readonly<Record<GlossaryFormType, string>> = {
  WECH003: "schemas/WECH003_20233.xsd",
  WECH006: "schemas/WECH006_20233.xsd",
  ZIMA001: "schemas/official/ZIMA001_20231.xsd",
  ZIMA002: "schemas/official/ZIMA002_20231.xsd",
  ZIMA003: "schemas/official/ZIMA003_20231.xsd",
  ZIMA005: "schemas/official/ZIMA005_20231.xsd",
  ZIMA006: "schemas/official/ZIMA006_20231.xsd",
};

/** A class-B anomaly of the glossary with the zone or block it belongs to. */
export interface BlockingAnomaly {
  code: string;
  title: string;
  /** "zone" or "block". */
  owner: "zone" | "block";
  /** The zone's or block's code (the first five digits of the anomaly code). */
  ownerCode: string;
  label: string;
  title5: string;
  /** "Onmisbaar" etc. for zones; for blocks the presence text. */
  presence: string;
  /** Blocks only: the glossary's minimum cardinality. */
  min?: number;
}

/** Every class-B anomaly of the glossary, once per code (CompanyID 00014 is described for two blocks with the same anomalies). */
export function blockingAnomalies(glossary: Glossary): Map<string, BlockingAnomaly> {
  const out = new Map<string, BlockingAnomaly>();
  for (const block of glossary.blocks.values()) {
    for (const a of block.anomalies.filter((x) => x.severity === "B")) {
      out.set(a.code, {
        code: a.code,
        title: a.title,
        owner: "block",
        ownerCode: block.code,
        label: block.label,
        title5: block.name,
        presence: block.presence,
        min: block.min,
      });
    }
  }
  for (const zones of glossary.zones.values()) {
    for (const zone of zones) {
      for (const a of zone.anomalies.filter((x) => x.severity === "B")) {
        if (!out.has(a.code))
          out.set(a.code, {
            code: a.code,
            title: a.title,
            owner: "zone",
            ownerCode: zone.code,
            label: zone.label,
            title5: zone.title,
            presence: zone.presence,
          });
      }
    }
  }
  return out;
}

export type Category = "checked" | "xsd" | "notCheckable";

export interface SortedAnomaly {
  anomaly: BlockingAnomaly;
  category: Category;
  /** For XSD: how; for not checkable: why; for checked: the row's condition. */
  why: string;
  /** For XSD: the kind of enforcement claimed. */
  by?: XsdEnforcement;
  /** True when the XSD decision comes from the rule by kind of anomaly rather than an explicit list. */
  byKind?: boolean;
}

export interface Sorting {
  sorted: Map<string, SortedAnomaly>;
  /** Anomalies in none of the three places. */
  unsorted: string[];
  /** Anomalies listed in more than one place, or twice in one. */
  duplicated: string[];
  /** Codes of rows or decisions that are no class-B anomaly of this glossary. */
  unknown: string[];
}

/** What a form type's anomalies are sorted by: its table of glossary conditions and its coverage decisions. */
export interface CoverageInputs {
  readonly conditions: readonly GlossaryCondition[];
  readonly coverage: AnomalyCoverage;
}

/** Sorts every class-B anomaly of the form type's glossary by the table and the coverage decisions. */
export function sortAnomalies(formType: GlossaryFormType, anomalies: Map<string, BlockingAnomaly>): Sorting {
  return sortAnomaliesBy({ conditions: GLOSSARY_CONDITIONS[formType], coverage: ANOMALY_COVERAGE[formType] }, anomalies);
}

/**
 * Sorts every class-B anomaly of a glossary by an explicit table and coverage: for a form type that is
 * not registered yet (ZIMA001), whose table and coverage are not in GLOSSARY_CONDITIONS / ANOMALY_COVERAGE.
 */
export function sortAnomaliesBy({ conditions, coverage }: CoverageInputs, anomalies: Map<string, BlockingAnomaly>): Sorting {
  const places = new Map<string, { category: Category; why: string; by?: XsdEnforcement }[]>();
  const add = (code: string, place: { category: Category; why: string; by?: XsdEnforcement }) =>
    places.set(code, [...(places.get(code) ?? []), place]);
  const rowCodes = new Set(conditions.map((row) => row.anomaly));
  for (const code of rowCodes)
    add(code, {
      category: "checked",
      why: conditions
        .filter((r) => r.anomaly === code)
        .map((r) => r.condition)
        .join(" | "),
    });
  for (const d of coverage.xsd) for (const code of d.codes) add(code, { category: "xsd", why: d.reason, by: d.by });
  for (const d of coverage.notCheckable) for (const code of d.codes) add(code, { category: "notCheckable", why: d.reason });

  const sorted = new Map<string, SortedAnomaly>();
  const unsorted: string[] = [];
  const duplicated = [...places.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([code, list]) => `${code} (${list.map((p) => p.category).join(", ")})`);
  const unknown = [...places.keys()].filter((code) => !anomalies.has(code));
  for (const anomaly of anomalies.values()) {
    const place = places.get(anomaly.code)?.[0];
    const byKind = coverage.xsdByKind[anomaly.code.slice(6)];
    if (place) sorted.set(anomaly.code, { anomaly, ...place });
    else if (byKind)
      sorted.set(anomaly.code, {
        anomaly,
        category: "xsd",
        why: `enforced for every "${anomaly.title}" (-${anomaly.code.slice(6)})`,
        by: byKind,
        byKind: true,
      });
    else unsorted.push(`${anomaly.code} ${anomaly.title} (${anomaly.owner} ${anomaly.ownerCode} ${anomaly.label})`);
  }
  return { sorted, unsorted, duplicated, unknown };
}

const INTEGER_BASES = new Set([
  "xs:integer",
  "xs:nonNegativeInteger",
  "xs:positiveInteger",
  "xs:long",
  "xs:int",
  "xs:short",
  "xs:unsignedLong",
  "xs:unsignedInt",
  "xs:unsignedShort",
  "xs:gYear",
]);
const DATE_BASES = new Set(["xs:date", "xs:time", "xs:gMonthDay", "xs:gYear"]);
const LENGTH_FACETS = ["xs:totalDigits", "xs:maxLength", "xs:length", "xs:maxInclusive", "xs:enumeration", "xs:pattern"];

const facet = (o: XsdOccurrence, name: string) => o.element.simple?.facets.has(name) === true;
const simple = (o: XsdOccurrence) => o.element.simple !== undefined;

/** What each kind of XSD enforcement requires of every place the zone or block stands in the XSD. */
const HOLDS: Record<XsdEnforcement, (o: XsdOccurrence) => boolean> = {
  presence: (o) => o.min >= 1 && o.choice === undefined,
  numeric: (o) => simple(o) && INTEGER_BASES.has(o.element.simple?.base ?? ""),
  length: (o) => simple(o) && (DATE_BASES.has(o.element.simple?.base ?? "") || LENGTH_FACETS.some((f) => facet(o, f))),
  order: (o) => o.max !== 0,
  typed: (o) => simple(o) && (DATE_BASES.has(o.element.simple?.base ?? "") || facet(o, "xs:pattern")),
  enumeration: (o) => facet(o, "xs:enumeration"),
  range: (o) => facet(o, "xs:minInclusive") || facet(o, "xs:maxInclusive"),
  pattern: (o) => facet(o, "xs:pattern"),
  forbidden: (o) => o.max === 0,
};

/** The XSD of a form type, its elements by zone or block code. */
export function xsdOccurrences(formType: GlossaryFormType): Map<string, XsdOccurrence[]> {
  return xsdOccurrencesOf(FORM_XSD[formType], formType);
}

/** The elements of an XSD (path from the project root) under its root element, by zone or block code. */
export function xsdOccurrencesOf(xsdPath: string, rootName: string): Map<string, XsdOccurrence[]> {
  return occurrencesByCode(new XsdSchema(join(projectRoot(), xsdPath)), rootName);
}

/**
 * Why an XSD claim does not hold ([] when it does): every place the zone or block stands must meet it;
 * a zone the XSD does not have is only "forbidden". A presence claim also needs the glossary to call
 * the zone "Onmisbaar" (or the block's minimum cardinality to be at least 1).
 */
export function xsdClaimProblems(entry: SortedAnomaly, occurrences: Map<string, XsdOccurrence[]>): string[] {
  const by = entry.by as XsdEnforcement;
  const places = occurrences.get(entry.anomaly.ownerCode) ?? [];
  if (places.length === 0)
    return by === "forbidden" ? [] : [`${entry.anomaly.code}: the XSD has no element for ${entry.anomaly.ownerCode}, "${by}" cannot hold`];
  const problems = places
    .filter((o) => !HOLDS[by](o))
    .map((o) => `${entry.anomaly.code}: "${by}" does not hold at ${o.path.join("/")} [${o.min}..${o.max}]`);
  if (by === "presence") {
    const a = entry.anomaly;
    const glossarySays = a.owner === "zone" ? a.presence.trim().replace(/\.$/, "").toLowerCase() === "onmisbaar" : (a.min ?? 0) >= 1;
    if (!glossarySays) problems.push(`${a.code}: the glossary does not make ${a.label} indispensable ("${a.presence.slice(0, 60)}")`);
  }
  return problems;
}

export { loadFormGlossary };
