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
 * The XSD is read and walked by the small model in test/support/xsd-model.ts.
 */
import { expect } from "chai";
import { join } from "node:path";
import { projectRoot } from "../../src/util/project-root";
import { FormTreeNode, GLOSSARIES, GlossaryBlock, GlossaryZone, loadFormGlossary, resolveFormTree } from "../support/glossary";
import { type Max, type SimpleTypeInfo, type XsdElement, XsdSchema, flatten } from "../support/xsd-model";

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
    if (zone.format.includes("--MM-DD"))
      return simple.base === "xs:gMonthDay" ? [] : [`--MM-DD zone must be xs:gMonthDay, is ${simple.base}`];
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
  form: keyof typeof GLOSSARIES;
  xsd: string;
  what: string;
}

const CASES: Case[] = [
  { form: "WECH003", xsd: "schemas/WECH003_20233.xsd", what: "our derived XSD" },
  { form: "WECH006", xsd: "schemas/WECH006_20233.xsd", what: "our derived XSD" },
  { form: "ZIMA002", xsd: "schemas/official/ZIMA002_20231.xsd", what: "official XSD (calibrates the mapping)" },
  { form: "ZIMA005", xsd: "schemas/official/ZIMA005_20231.xsd", what: "official XSD (calibrates the mapping)" },
  // The forms of zima-1-3-6.md (ZIMA003 built, ZIMA006 to come): their official XSDs hold every block and
  // zone of their glossaries, in place, with the glossary's cardinality, and nothing else. ZIMA001 has its
  // own path-level test (zima001-xsd-glossary.test.ts): its XSD puts the RSZ and PPL employer declarations, occupations and supplementary-hours bases in
  // xs:choices and makes zones optional that the glossary calls "Onmisbaar in het blok …" (24 places);
  // each is to be examined and listed as a deviation before its builder relies on the mapping.
  { form: "ZIMA003", xsd: "schemas/official/ZIMA003_20231.xsd", what: "official XSD" },
  { form: "ZIMA006", xsd: "schemas/official/ZIMA006_20231.xsd", what: "official XSD" },
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
