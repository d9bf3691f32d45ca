/**
 * A small model of an XSD, enough for the schemas of this project (schemas/WECH00x_20233.xsd and the official
 * schemas/official/ZIMA00x_20231.xsd): the file is read with fast-xml-parser (order preserved) and walked:
 * xs:element (global/ref/local), xs:sequence, xs:choice, xs:complexType (named or inline),
 * xs:complexContent/xs:extension, xs:simpleType. Shared by the tests that hold the XSDs against the
 * glossaries (wech-xsd-glossary.test.ts) and the glossary-conditions coverage test.
 */
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";

export type Max = number | "unbounded";

/** A simple type, flattened: the built-in XSD base it derives from and its facets (most derived wins). */
export interface SimpleTypeInfo {
  base: string;
  facets: Map<string, string[]>;
}

export interface XsdElement {
  name: string;
  /** Text of xs:annotation/xs:documentation (the zone or block code). */
  doc: string | undefined;
  /** Set for simple-typed elements (zones). */
  simple: SimpleTypeInfo | undefined;
  /** Content model of complex-typed elements (blocks). */
  particles: Particle[];
}

export type Particle =
  | { kind: "element"; min: number; max: Max; element: XsdElement }
  | { kind: "sequence" | "choice"; min: number; max: Max; items: Particle[] };

/** One element child of a block, after flattening sequences and choices. */
export interface FlatChild {
  name: string;
  min: number;
  max: Max;
  element: XsdElement;
  /** Labels of all alternatives when the element sits in an xs:choice with more than one alternative. */
  choice?: string[];
}

/** fast-xml-parser's preserveOrder node: `{ "xs:tag": children, ":@": { "@_attr": value } }`. */
export type XNode = Record<string, unknown>;

const xsdParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
});

function tagOf(node: XNode): string {
  return Object.keys(node).find((k) => k !== ":@") ?? "";
}
function attrsOf(node: XNode): Record<string, string> {
  return (node[":@"] as Record<string, string> | undefined) ?? {};
}
function kidsOf(node: XNode): XNode[] {
  const kids = node[tagOf(node)];
  return Array.isArray(kids) ? (kids as XNode[]) : [];
}
function kid(node: XNode, tag: string): XNode | undefined {
  return kidsOf(node).find((k) => tagOf(k) === tag);
}
function textOf(node: XNode): string {
  return kidsOf(node)
    .map((k) => (typeof k["#text"] === "string" ? k["#text"] : ""))
    .join("")
    .trim();
}
function occurs(node: XNode): { min: number; max: Max } {
  const a = attrsOf(node);
  const min = a.minOccurs === undefined ? 1 : Number(a.minOccurs);
  const max: Max = a.maxOccurs === undefined ? 1 : a.maxOccurs === "unbounded" ? "unbounded" : Number(a.maxOccurs);
  return { min, max };
}
function mulMax(a: Max, b: Max): Max {
  if (a === 0 || b === 0) return 0;
  return a === "unbounded" || b === "unbounded" ? "unbounded" : a * b;
}

/** A parsed schema with its named components; element declarations are resolved (and cached) on demand. */
export class XsdSchema {
  readonly globalElements = new Map<string, XNode>();
  private readonly complexTypes = new Map<string, XNode>();
  private readonly simpleTypes = new Map<string, XNode>();
  private readonly resolved = new Map<XNode, XsdElement>();
  /** Names of global elements reached by {@link element}: to find declarations nothing uses. */
  readonly usedGlobals = new Set<string>();

  constructor(path: string) {
    const doc = xsdParser.parse(readFileSync(path, "utf8")) as XNode[];
    const schema = doc.find((n) => tagOf(n) === "xs:schema");
    if (!schema) throw new Error(`${path}: no xs:schema`);
    for (const child of kidsOf(schema)) {
      const name = attrsOf(child).name;
      if (tagOf(child) === "xs:element") this.globalElements.set(name, child);
      else if (tagOf(child) === "xs:complexType") this.complexTypes.set(name, child);
      else if (tagOf(child) === "xs:simpleType") this.simpleTypes.set(name, child);
    }
  }

  /** A global element, resolved, without counting it as used (for comparisons between schemas). */
  declared(name: string): XsdElement | undefined {
    const decl = this.globalElements.get(name);
    return decl && this.declaration(decl);
  }

  /** The global element of this name (the root), resolved. */
  root(name: string): XsdElement | undefined {
    const decl = this.globalElements.get(name);
    if (!decl) return undefined;
    this.usedGlobals.add(name);
    return this.declaration(decl);
  }

  /** Resolves a particle `xs:element` (ref or local declaration). */
  private element(node: XNode): XsdElement {
    const ref = attrsOf(node).ref;
    if (ref !== undefined) {
      const decl = this.globalElements.get(ref);
      if (!decl) throw new Error(`xs:element ref="${ref}" has no global declaration`);
      this.usedGlobals.add(ref);
      return this.declaration(decl);
    }
    return this.declaration(node);
  }

  private declaration(decl: XNode): XsdElement {
    const cached = this.resolved.get(decl);
    if (cached) return cached;
    const a = attrsOf(decl);
    const annotation = kid(decl, "xs:annotation");
    const documentation = annotation && kid(annotation, "xs:documentation");
    const el: XsdElement = { name: a.name, doc: documentation && textOf(documentation), simple: undefined, particles: [] };
    this.resolved.set(decl, el); // before descending, so a (theoretical) recursive schema terminates

    const inlineComplex = kid(decl, "xs:complexType");
    const inlineSimple = kid(decl, "xs:simpleType");
    if (inlineComplex) el.particles = this.complexContent(inlineComplex);
    else if (inlineSimple) el.simple = this.simpleType(inlineSimple);
    else if (a.type !== undefined) {
      const named = this.complexTypes.get(a.type);
      if (named) el.particles = this.complexContent(named);
      else el.simple = this.namedSimpleType(a.type);
    } else el.simple = { base: "xs:anyType", facets: new Map() };
    return el;
  }

  private complexContent(type: XNode): Particle[] {
    const particles: Particle[] = [];
    for (const child of kidsOf(type)) {
      const tag = tagOf(child);
      if (tag === "xs:sequence" || tag === "xs:choice") particles.push(this.group(child));
      else if (tag === "xs:complexContent") {
        const ext = kid(child, "xs:extension") ?? kid(child, "xs:restriction");
        if (!ext) throw new Error("xs:complexContent without extension/restriction");
        if (tagOf(ext) === "xs:extension") {
          const base = this.complexTypes.get(attrsOf(ext).base);
          if (!base) throw new Error(`unknown complex base type ${attrsOf(ext).base}`);
          particles.push(...this.complexContent(base));
        }
        particles.push(...this.complexContent(ext));
      } else if (tag === "xs:all" || tag === "xs:group" || tag === "xs:any" || tag === "xs:simpleContent") {
        throw new Error(`${tag} is not supported by this walker`);
      }
    }
    return particles;
  }

  private group(node: XNode): Particle {
    const items: Particle[] = [];
    for (const child of kidsOf(node)) {
      const tag = tagOf(child);
      if (tag === "xs:element") items.push({ kind: "element", ...occurs(child), element: this.element(child) });
      else if (tag === "xs:sequence" || tag === "xs:choice") items.push(this.group(child));
      else if (tag !== "xs:annotation") throw new Error(`${tag} inside a model group is not supported`);
    }
    return { kind: tagOf(node) === "xs:choice" ? "choice" : "sequence", ...occurs(node), items };
  }

  private namedSimpleType(name: string): SimpleTypeInfo {
    if (name.startsWith("xs:")) return { base: name, facets: new Map() };
    const named = this.simpleTypes.get(name);
    if (!named) throw new Error(`unknown type ${name}`);
    return this.simpleType(named);
  }

  private simpleType(node: XNode): SimpleTypeInfo {
    const restriction = kid(node, "xs:restriction");
    if (!restriction) throw new Error("only xs:restriction simple types are supported");
    const inner = kid(restriction, "xs:simpleType");
    const baseInfo = inner ? this.simpleType(inner) : this.namedSimpleType(attrsOf(restriction).base);
    const facets = new Map(baseInfo.facets);
    const own = new Map<string, string[]>();
    for (const facet of kidsOf(restriction)) {
      const tag = tagOf(facet);
      if (tag === "xs:annotation" || tag === "xs:simpleType") continue;
      own.set(tag, [...(own.get(tag) ?? []), attrsOf(facet).value]);
    }
    for (const [k, v] of own) facets.set(k, v);
    return { base: baseInfo.base, facets };
  }
}

/** Flattens a content model into its element children, in document order, with effective cardinality. */
export function flatten(particles: Particle[], outerMin = 1, outerMax: Max = 1): FlatChild[] {
  const out: FlatChild[] = [];
  for (const p of particles) {
    if (p.kind === "element") {
      out.push({ name: p.element.name, min: outerMin * p.min, max: mulMax(outerMax, p.max), element: p.element });
    } else if (p.kind === "sequence") {
      out.push(...flatten(p.items, outerMin * p.min, mulMax(outerMax, p.max)));
    } else {
      // In a choice between several alternatives any one of them may be absent.
      const alternatives = p.items.flatMap((item) => flatten([item], p.items.length > 1 ? 0 : outerMin * p.min, mulMax(outerMax, p.max)));
      const labels = alternatives.map((a) => a.name);
      out.push(...alternatives.map((a) => (p.items.length > 1 ? { ...a, choice: labels } : a)));
    }
  }
  return out;
}

/** One place an element stands in the form tree of a schema, with its effective cardinality in its parent. */
export interface XsdOccurrence {
  /** Element names from the root down to this element. */
  path: string[];
  min: number;
  max: Max;
  element: XsdElement;
  /** Labels of all alternatives when the element sits in an xs:choice with more than one alternative. */
  choice?: string[];
}

/**
 * Every element reachable from the root element `rootName`, by its xs:documentation (zone or block code):
 * a zone such as 00014 CompanyID can stand in more than one block.
 */
export function occurrencesByCode(schema: XsdSchema, rootName: string): Map<string, XsdOccurrence[]> {
  const out = new Map<string, XsdOccurrence[]>();
  const add = (occurrence: XsdOccurrence) => {
    const code = occurrence.element.doc ?? "";
    out.set(code, [...(out.get(code) ?? []), occurrence]);
  };
  const root = schema.declared(rootName);
  if (!root) throw new Error(`the XSD has no global root element ${rootName}`);
  const walk = (element: XsdElement, path: string[]) => {
    for (const child of flatten(element.particles)) {
      const here = [...path, child.name];
      add({ path: here, min: child.min, max: child.max, element: child.element, choice: child.choice });
      if (child.max !== 0) walk(child.element, here);
    }
  };
  add({ path: [rootName], min: 1, max: 1, element: root });
  walk(root, [rootName]);
  return out;
}
