/**
 * Holds the project's own WECH003 / WECH006 XSDs (derived by hand from the official 2023/3 glossaries,
 * since no official WECH XSD is public) against those glossaries: for every block and zone of the form,
 * the XSD must have the element at the same place, with the same label, in glossary order, with the
 * glossary's cardinality and with the presence rule mapped onto minOccurs/maxOccurs:
 *
 *   zone "Onmisbaar" (indispensable)                 → minOccurs 1, maxOccurs 1
 *   zone "Verboden" (forbidden, no condition)         → minOccurs 0, maxOccurs 0 (kept in place)
 *   zone conditional ("Verplicht indien …") / optional → minOccurs 0, maxOccurs 1
 *   block                                            → the glossary's Minimum/MaximumKardinaliteit
 *
 * and it must hold nothing the glossary does not have. The same checks run against the official ZIMA002
 * XSD and its glossary: they show that the mapping (including "zones first, then child blocks, each in
 * glossary order") is the one socialsecurity.be itself uses.
 *
 * The XSD is read with fast-xml-parser (order preserved) and walked here: xs:element (global/ref/local),
 * xs:sequence, xs:choice, xs:complexType (named or inline), xs:complexContent/xs:extension, xs:simpleType.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { projectRoot } from "../../src/util/project-root";
import { FormTreeNode, GlossaryBlock, GlossaryZone, loadFormGlossary, resolveFormTree } from "../support/glossary";

// ---------------------------------------------------------------------------------------------------
// A small XSD model
// ---------------------------------------------------------------------------------------------------

type Max = number | "unbounded";

/** A simple type, flattened: the built-in XSD base it derives from and its facets (most derived wins). */
interface SimpleTypeInfo {
  base: string;
  facets: Map<string, string[]>;
}

interface XsdElement {
  name: string;
  /** Text of xs:annotation/xs:documentation (the zone or block code). */
  doc: string | undefined;
  /** Set for simple-typed elements (zones). */
  simple: SimpleTypeInfo | undefined;
  /** Content model of complex-typed elements (blocks). */
  particles: Particle[];
}

type Particle =
  | { kind: "element"; min: number; max: Max; element: XsdElement }
  | { kind: "sequence" | "choice"; min: number; max: Max; items: Particle[] };

/** One element child of a block, after flattening sequences and choices. */
interface FlatChild {
  name: string;
  min: number;
  max: Max;
  element: XsdElement;
  /** Labels of all alternatives when the element sits in an xs:choice with more than one alternative. */
  choice?: string[];
}

/** fast-xml-parser's preserveOrder node: `{ "xs:tag": children, ":@": { "@_attr": value } }`. */
type XNode = Record<string, unknown>;

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
class XsdSchema {
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
function flatten(particles: Particle[], outerMin = 1, outerMax: Max = 1): FlatChild[] {
  const out: FlatChild[] = [];
  for (const p of particles) {
    if (p.kind === "element") {
      out.push({ name: p.element.name, min: outerMin * p.min, max: mulMax(outerMax, p.max), element: p.element });
    } else if (p.kind === "sequence") {
      out.push(...flatten(p.items, outerMin * p.min, mulMax(outerMax, p.max)));
    } else {
      // In a choice between several alternatives any one of them may be absent.
      const alternatives = p.items.flatMap((item) =>
        flatten([item], p.items.length > 1 ? 0 : outerMin * p.min, mulMax(outerMax, p.max)),
      );
      const labels = alternatives.map((a) => a.name);
      out.push(...alternatives.map((a) => (p.items.length > 1 ? { ...a, choice: labels } : a)));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Glossary → expected XSD
// ---------------------------------------------------------------------------------------------------

type Presence = "indispensable" | "forbidden" | "optional";

/** "Onmisbaar" → indispensable; "Verboden" with no condition → forbidden; anything else → optional. */
function zonePresence(zone: GlossaryZone): Presence {
  const text = zone.presence.trim().replace(/\.$/, "").toLowerCase();
  if (text === "onmisbaar") return "indispensable";
  if (text === "verboden") return "forbidden";
  return "optional";
}

function expectedZoneOccurs(zone: GlossaryZone): { min: number; max: Max } {
  switch (zonePresence(zone)) {
    case "indispensable":
      return { min: 1, max: 1 };
    case "forbidden":
      return { min: 0, max: 0 };
    case "optional":
      return { min: 0, max: 1 };
  }
}

/**
 * Where our XSD deliberately differs from a block cardinality of the glossary. Each entry says why;
 * the test still checks the glossary says what the reason claims (so a new glossary version is noticed).
 */
interface BlockDeviation {
  min: number;
  /** The glossary's own value, as this deviation assumes it. */
  glossaryMin: number;
  /** The presence text must start like this (case-insensitive) for the deviation to stay justified. */
  presenceStartsWith: string;
  reason: string;
}
const BLOCK_DEVIATIONS: Record<string, Record<string, BlockDeviation>> = {
  WECH006: {
    "90074": {
      min: 0,
      glossaryMin: 1,
      presenceStartsWith: "verplicht indien",
      reason:
        "NatureOfDay is 'Verplicht indien het een (halve) dag betreft waarvoor een code aard van de dag moet worden " +
        "meegedeeld' (conditional): a month without such a day has none, so 1..62 is read as the count when present",
    },
  },
};

function expectedBlockOccurs(form: string, block: GlossaryBlock): { min: number; max: Max } {
  const deviation = BLOCK_DEVIATIONS[form]?.[block.code];
  return { min: deviation ? deviation.min : block.min, max: block.max };
}

/** The official schemas whose zone types ours reuse. */
const OFFICIAL_XSDS = ["schemas/official/ZIMA002_20231.xsd", "schemas/official/ZIMA005_20231.xsd"];

/** Zones whose type deliberately differs from the official ZIMA XSDs, by zone code, with the reason. */
const TYPE_DEVIATIONS: Record<string, string> = {
  "00296": "Identification holds this form's own id",
  "00430": 'IdentificationOfRisk: the WECH glossaries allow only "001"',
  "00180": "HoursNumber: the WECH006 glossary allows [0; 2400], ZIMA002 stops at 1400",
  "00122": "ExactSalaryCode: the WECH006 glossary allows only 33",
};

/** A comparable text form of a simple type: base plus its facets (enumerations in sorted order). */
function typeKey(t: SimpleTypeInfo): string {
  const facets = [...t.facets.entries()]
    .map(([k, v]) => `${k}=${[...v].sort().join("|")}`)
    .sort()
    .join(",");
  return `${t.base}{${facets}}`;
}

const INTEGER_TYPES = new Set([
  "xs:integer",
  "xs:nonNegativeInteger",
  "xs:positiveInteger",
  "xs:long",
  "xs:int",
  "xs:short",
  "xs:unsignedLong",
  "xs:unsignedInt",
  "xs:unsignedShort",
]);

const digitCount = (v: string) => v.replace(/^[+-]/, "").replace(/^0+(?=\d)/, "").length;

/** Problems with the zone's simple type, given the glossary's type, length and format ([] when fine). */
function typeProblems(zone: GlossaryZone, simple: SimpleTypeInfo): string[] {
  const f = simple.facets;
  const first = (k: string) => f.get(k)?.[0];
  const enums = f.get("xs:enumeration") ?? [];
  if (zone.type === "Numeriek") {
    // A year zone ("JJJJ is het jaar") may be an xs:gYear, as the official ZIMA005 XSD types HolidaysYear.
    if (zone.format.startsWith("JJJJ is") && simple.base === "xs:gYear") return [];
    if (!INTEGER_TYPES.has(simple.base)) return [`Numeriek zone must be integer-valued, base is ${simple.base}`];
    const total = first("xs:totalDigits");
    const maxIncl = first("xs:maxInclusive");
    const bounded =
      (total !== undefined && Number(total) <= zone.length) ||
      (maxIncl !== undefined && digitCount(maxIncl) <= zone.length) ||
      (enums.length > 0 && enums.every((e) => digitCount(e) <= zone.length));
    return bounded ? [] : [`Numeriek(${zone.length}) zone must allow at most ${zone.length} digits`];
  }
  if (zone.type === "Alfanumeriek") {
    if (zone.format.includes("--MM-DD")) return simple.base === "xs:gMonthDay" ? [] : [`--MM-DD zone must be xs:gMonthDay, is ${simple.base}`];
    if (zone.format.includes("UU:MM:SS")) return simple.base === "xs:time" ? [] : [`time zone must be xs:time, is ${simple.base}`];
    if (zone.format.includes("JJJJ-MM-DD") && !zone.format.includes("JJJJ-00-00"))
      return simple.base === "xs:date" ? [] : [`JJJJ-MM-DD zone must be xs:date, is ${simple.base}`];
    if (simple.base !== "xs:string") return [`Alfanumeriek zone must be a string, base is ${simple.base}`];
    const maxLen = first("xs:maxLength") ?? first("xs:length");
    const bounded =
      (maxLen !== undefined && Number(maxLen) <= zone.length) || (enums.length > 0 && enums.every((e) => e.length <= zone.length));
    return bounded ? [] : [`Alfanumeriek(${zone.length}) zone must allow at most ${zone.length} characters`];
  }
  return [`unknown glossary type "${zone.type}"`];
}

// ---------------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------------

interface Case {
  form: "WECH003" | "WECH006" | "ZIMA002" | "ZIMA005";
  xsd: string;
  what: string;
}

const CASES: Case[] = [
  { form: "WECH003", xsd: "schemas/WECH003_20233.xsd", what: "our derived XSD" },
  { form: "WECH006", xsd: "schemas/WECH006_20233.xsd", what: "our derived XSD" },
  { form: "ZIMA002", xsd: "schemas/official/ZIMA002_20231.xsd", what: "official XSD (calibrates the mapping)" },
  { form: "ZIMA005", xsd: "schemas/official/ZIMA005_20231.xsd", what: "official XSD (calibrates the mapping)" },
];

const describeBlock = (b: GlossaryBlock) => `block ${b.code} ${b.label}`;
const describeZone = (z: GlossaryZone) => `zone ${z.code} ${z.label}`;

/** Every block of the tree with the path of labels that leads to it (root first). */
function blocksWithPaths(node: FormTreeNode, path: string[] = []): { node: FormTreeNode; path: string[] }[] {
  const here = [...path, node.block.label];
  return [{ node, path: here }, ...node.children.flatMap((c) => blocksWithPaths(c, here))];
}

for (const c of CASES) {
  describe(`${c.xsd} (${c.what}) against the ${c.form} glossary`, () => {
    const glossary = loadFormGlossary(c.form);
    const tree = resolveFormTree(glossary);
    let schema: XsdSchema | undefined;
    const getSchema = () => (schema ??= new XsdSchema(join(projectRoot(), c.xsd)));

    /** Finds the XSD element for a glossary path, with its effective cardinality in its parent. */
    function locate(path: string[]): { element: XsdElement; min: number; max: Max; choice?: string[] } {
      const root = getSchema().root(path[0]);
      expect(root, `the XSD has no global root element ${path[0]}`).to.not.equal(undefined);
      let current = { element: root as XsdElement, min: 1, max: 1 as Max, choice: undefined as string[] | undefined };
      for (let i = 1; i < path.length; i++) {
        const next = flatten(current.element.particles).filter((ch) => ch.name === path[i]);
        expect(next, `no element ${path[i]} under ${path.slice(0, i).join("/")}`).to.have.length.greaterThan(0);
        expect(next, `element ${path[i]} occurs twice under ${path.slice(0, i).join("/")}`).to.have.length(1);
        current = { element: next[0].element, min: next[0].min, max: next[0].max, choice: next[0].choice };
      }
      return current;
    }

    it(`the form tree starts at block ${tree.block.code} ${tree.block.label} (the XSD's root element)`, () => {
      expect(tree.block.label).to.equal(c.form);
      const root = locate([tree.block.label]);
      expect(root.element.doc, `root ${tree.block.label} documentation`).to.equal(tree.block.code);
    });

    for (const { node, path } of blocksWithPaths(tree)) {
      const block = node.block;
      it(`${describeBlock(block)} at ${path.join("/")}`, () => {
        const found = locate(path);
        const el = found.element;
        expect(el.simple, `${describeBlock(block)} must be a complex element`).to.equal(undefined);
        expect(el.doc, `${describeBlock(block)}: xs:documentation`).to.equal(block.code);

        if (path.length > 1) {
          const want = expectedBlockOccurs(c.form, block);
          expect({ min: found.min, max: found.max }, `${describeBlock(block)}: minOccurs/maxOccurs`).to.deep.equal(want);
        }

        // Children: the block's zones in glossary order, then its child blocks in glossary order; nothing else.
        const children = flatten(el.particles);
        const expected = [
          ...node.zones.map((z) => ({ what: describeZone(z), label: z.label, code: z.code })),
          ...node.children.map((ch) => ({ what: describeBlock(ch.block), label: ch.block.label, code: ch.block.code })),
        ];
        const misplaced: string[] = [];
        for (let i = 0; i < Math.max(expected.length, children.length); i++) {
          const want = expected[i];
          const got = children[i];
          if (!want) misplaced.push(`#${i + 1}: element ${got.name} is not in the glossary block`);
          else if (!got) misplaced.push(`#${i + 1}: ${want.what} is missing`);
          else if (got.name !== want.label) misplaced.push(`#${i + 1}: expected ${want.what}, found element ${got.name}`);
          else if (got.element.doc !== want.code)
            misplaced.push(`#${i + 1}: ${want.what} has xs:documentation ${got.element.doc ?? "(none)"}`);
        }
        expect(misplaced, `${describeBlock(block)}: child elements, in glossary order (zones, then blocks)`).to.deep.equal([]);

        node.zones.forEach((zone, i) => {
          const ch = children[i];
          const where = `${describeZone(zone)} in ${describeBlock(block)} (presence "${zone.presence}")`;
          expect(ch.element.simple, `${where} must be a simple-typed element`).to.not.equal(undefined);
          expect({ min: ch.min, max: ch.max }, `${where}: minOccurs/maxOccurs`).to.deep.equal(expectedZoneOccurs(zone));
          expect(ch.choice, `${where} must not sit in an xs:choice`).to.equal(undefined);
          expect(typeProblems(zone, ch.element.simple as SimpleTypeInfo), `${where}: type`).to.deep.equal([]);
        });

        // The employer link is a choice between the RSZ and the PPL variant, as in the official XSDs.
        const labels = node.children.map((ch) => ch.block.label);
        if (labels.includes("EmployerDeclarationLink") && labels.includes("NOSSLPAEmployerDeclarationLink")) {
          const link = children.find((ch) => ch.name === "EmployerDeclarationLink");
          expect(link?.choice, `${describeBlock(block)}: EmployerDeclarationLink must be in an xs:choice`).to.deep.equal([
            "EmployerDeclarationLink",
            "NOSSLPAEmployerDeclarationLink",
          ]);
        } else {
          for (const ch of children.filter((x) => x.choice)) {
            expect.fail(`${describeBlock(block)}: unexpected xs:choice around ${ch.name}`);
          }
        }
      });
    }

    it("declares no global element outside the form tree", () => {
      // A fresh schema instance, so that only what is reachable from the root counts as used.
      const fresh = new XsdSchema(join(projectRoot(), c.xsd));
      const visit = (el: XsdElement) => flatten(el.particles).forEach((ch) => visit(ch.element));
      const root = fresh.root(tree.block.label);
      expect(root, `root element ${tree.block.label}`).to.not.equal(undefined);
      visit(root as XsdElement);
      const unused = [...fresh.globalElements.keys()].filter((n) => !fresh.usedGlobals.has(n));
      expect(unused, "global elements the glossary form does not use").to.deep.equal([]);
    });

    if (c.form.startsWith("WECH")) {
      it("zones that also exist in the official ZIMA002/ZIMA005 XSDs have the same simple type there", () => {
        const official = OFFICIAL_XSDS.map((f) => new XsdSchema(join(projectRoot(), f)));
        const ours = getSchema();
        const mismatches: string[] = [];
        let compared = 0;
        for (const name of ours.globalElements.keys()) {
          const mine = ours.declared(name);
          if (!mine?.simple || !mine.doc) continue;
          const theirs = official.map((o) => o.declared(name)).find((e) => e?.simple && e.doc === mine.doc);
          if (!theirs?.simple || TYPE_DEVIATIONS[mine.doc]) continue;
          compared++;
          if (typeKey(mine.simple) !== typeKey(theirs.simple)) {
            mismatches.push(`zone ${mine.doc} ${name}: ours ${typeKey(mine.simple)} / official ${typeKey(theirs.simple)}`);
          }
        }
        expect(mismatches, "simple types that differ from the official XSD").to.deep.equal([]);
        expect(compared, "number of zones compared with the official XSDs").to.be.greaterThan(40);
      });
    }

    const deviations = BLOCK_DEVIATIONS[c.form] ?? {};
    for (const [code, deviation] of Object.entries(deviations)) {
      it(`deviation for block ${code} is still justified by the glossary: ${deviation.reason}`, () => {
        const block = glossary.blocks.get(code);
        expect(block, `block ${code} in the glossary`).to.not.equal(undefined);
        expect(block?.min, `glossary minimum of block ${code}`).to.equal(deviation.glossaryMin);
        expect(block?.presence.toLowerCase().startsWith(deviation.presenceStartsWith), `presence of block ${code}`).to.equal(true);
      });
    }
  });
}
