/**
 * Reader for the official socialsecurity.be glossary exports (version 2023/3) that describe an e-ASR form:
 * a "functional blocks" file (FB*.xml, one `FunctionalBlock` per block) and a "zones" file (Zones_*.xml,
 * one `glossary` per zone). Both are XML with an internal DTD, declared ISO-8859-1 and written in
 * Windows-1252 (schemas/tools/windows-1252.ts).
 *
 * Used by the tests that hold our derived XSDs (schemas/WECH00x_20233.xsd) against the glossary.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { decodeWindows1252 } from "../../schemas/tools/windows-1252";

/** Where the shared reference copies of the glossaries live. */
export const GLOSSARY_DIR = join(__dirname, "..", "fixtures", "asr-reference", "glossary");

/** One anomaly a block or zone can raise: `00048-008`, "Niet in het toegelaten domein", class "B" (blocking), "W" or "NP". */
export interface GlossaryAnomaly {
  code: string;
  title: string;
  severity: string;
}

/** A functional block ("FunctionalBlock"): an XML element holding zones and child blocks. */
export interface GlossaryBlock {
  code: string;
  label: string;
  /** Dutch name, as used in the zones file's `FunctioneelBlok`. */
  name: string;
  min: number;
  /** `"unbounded"` where the glossary says `*`. */
  max: number | "unbounded";
  /** Zone codes, in the order the glossary lists them. */
  zones: string[];
  /** Linked child block codes, in the order the glossary lists them. */
  children: string[];
  presence: string;
  /** "ExtraBeperkingen": extra restrictions in words. */
  extra: string;
  description: string;
  anomalies: GlossaryAnomaly[];
}

/** A zone ("glossary" entry): a simple-typed XML element. */
export interface GlossaryZone {
  code: string;
  label: string;
  title: string;
  /** Dutch name of the block the zone belongs to. */
  blockName: string;
  type: "Numeriek" | "Alfanumeriek" | string;
  length: number;
  presence: string;
  domain: string;
  format: string;
  description: string;
  anomalies: GlossaryAnomaly[];
}

export interface Glossary {
  blocks: Map<string, GlossaryBlock>;
  /**
   * Zones by code. A code can occur more than once (CompanyID 00014 is described once for
   * EmployerDeclarationLink and once for NOSSLPAEmployerDeclarationLink), so every code maps to a list.
   */
  zones: Map<string, GlossaryZone[]>;
}

/** One block of the resolved form tree, with its children in glossary order. */
export interface FormTreeNode {
  block: GlossaryBlock;
  /** The zones of the block, resolved, in glossary order. */
  zones: GlossaryZone[];
  children: FormTreeNode[];
}

type Raw = Record<string, unknown>;

/** Every element is read as an array of strings / objects, never as a number (`parseTagValue: false`). */
const parser = new XMLParser({ parseTagValue: false, trimValues: false, isArray: () => true });

function parseGlossary(path: string): Raw {
  const text = decodeWindows1252(readFileSync(path));
  return parser.parse(text) as Raw;
}

/** All text values of a repeated child element, trimmed; empty ones dropped. */
function texts(entry: Raw, tag: string): string[] {
  const values = (entry[tag] as unknown[] | undefined) ?? [];
  return values
    .map((v) => (typeof v === "string" ? v : typeof v === "object" && v !== null ? String((v as Raw)["#text"] ?? "") : ""))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function text(entry: Raw, tag: string): string {
  return texts(entry, tag).join("\n");
}

/** "00101 - AANDUIDING ..." → "00101" (also accepts a bare code). */
function leadingCode(entry: string): string {
  const match = /^(\d{5})\b/.exec(entry);
  if (!match) throw new Error(`no 5-digit code at the start of "${entry}"`);
  return match[1];
}

function parseCardinality(value: string, what: string): number | "unbounded" {
  if (value === "*" || value.toLowerCase() === "n") return "unbounded";
  if (!/^\d+$/.test(value)) throw new Error(`bad cardinality "${value}" in ${what}`);
  return Number(value);
}

/** The `Anomalie` entries of a block or zone; the empty placeholder some entries carry is dropped. */
function anomaliesOf(entry: Raw): GlossaryAnomaly[] {
  const list = (entry["Anomalie"] as Raw[] | undefined) ?? [];
  return list
    .map((a) => ({ code: text(a, "AnomalieCode"), title: text(a, "AnomalieTitel"), severity: text(a, "AnomalieErnst") }))
    .filter((a) => a.code !== "");
}

function entries(doc: Raw, tag: string): Raw[] {
  const list = (doc["List"] as Raw[] | undefined)?.[0];
  if (!list) throw new Error("glossary file has no <List>");
  return (list[tag] as Raw[] | undefined) ?? [];
}

/** Reads a pair of glossary files (absolute paths, or names inside {@link GLOSSARY_DIR}). */
export function loadGlossary(blocksFile: string, zonesFile: string): Glossary {
  const resolve = (f: string) => (f.startsWith("/") ? f : join(GLOSSARY_DIR, f));

  const blocks = new Map<string, GlossaryBlock>();
  for (const entry of entries(parseGlossary(resolve(blocksFile)), "FunctionalBlock")) {
    const code = text(entry, "Code");
    // Linked blocks: NrGelinktBlok holds the bare codes; Gelinktblok sometimes only holds names
    // (WECH006's WorkGrid), so the numbers are the reliable source.
    const children = texts(entry, "NrGelinktBlok").map(leadingCode);
    blocks.set(code, {
      code,
      label: text(entry, "XmlLabel"),
      name: text(entry, "Naam"),
      min: Number(text(entry, "MinimumKardinaliteit")),
      max: parseCardinality(text(entry, "MaximumKardinaliteit"), `block ${code}`),
      zones: texts(entry, "Zones").map(leadingCode),
      children,
      presence: text(entry, "Aanwezigheid"),
      extra: text(entry, "ExtraBeperkingen"),
      description: text(entry, "Omschrijving"),
      anomalies: anomaliesOf(entry),
    });
  }

  const zones = new Map<string, GlossaryZone[]>();
  for (const entry of entries(parseGlossary(resolve(zonesFile)), "glossary")) {
    const code = text(entry, "Code");
    const zone: GlossaryZone = {
      code,
      label: text(entry, "XmlLabel"),
      title: text(entry, "Titel"),
      blockName: text(entry, "FunctioneelBlok"),
      type: text(entry, "Type"),
      length: Number(text(entry, "Lengte")),
      presence: text(entry, "Aanwezigheid"),
      domain: text(entry, "ToegelatenDomein"),
      format: text(entry, "Formaat"),
      description: text(entry, "Omschrijving"),
      anomalies: anomaliesOf(entry),
    };
    const list = zones.get(code) ?? [];
    list.push(zone);
    zones.set(code, list);
  }
  return { blocks, zones };
}

/** The zone entry with this code that belongs to the given block (by the block's Dutch name when ambiguous). */
export function zoneOf(glossary: Glossary, code: string, block: GlossaryBlock): GlossaryZone {
  const candidates = glossary.zones.get(code);
  if (!candidates || candidates.length === 0)
    throw new Error(`zone ${code} of block ${block.code} ${block.label} is not in the zones file`);
  if (candidates.length === 1) return candidates[0];
  const own = candidates.find((z) => z.blockName.toLowerCase() === block.name.toLowerCase());
  return own ?? candidates[0];
}

/**
 * The top block of the form: the one no other block links to (the form-id block, e.g. 90117 "WECH006").
 * Falls back to the block labelled `Form` when that is not unique.
 */
export function topBlock(glossary: Glossary): GlossaryBlock {
  const linked = new Set<string>();
  for (const block of glossary.blocks.values()) for (const child of block.children) linked.add(child);
  const roots = [...glossary.blocks.values()].filter((b) => !linked.has(b.code));
  if (roots.length === 1) return roots[0];
  const form = [...glossary.blocks.values()].find((b) => b.label === "Form");
  if (!form) throw new Error(`no unique top block (${roots.map((b) => b.label).join(", ")}) and no Form block`);
  return form;
}

/** Resolves the whole tree of blocks reachable from the top block (or from `start`). */
export function resolveFormTree(glossary: Glossary, start: GlossaryBlock = topBlock(glossary)): FormTreeNode {
  const walk = (block: GlossaryBlock, path: string[]): FormTreeNode => {
    if (path.includes(block.code)) throw new Error(`cycle in glossary blocks: ${[...path, block.code].join(" > ")}`);
    const children = block.children.map((code) => {
      const child = glossary.blocks.get(code);
      if (!child) throw new Error(`block ${block.code} ${block.label} links to unknown block ${code}`);
      return walk(child, [...path, block.code]);
    });
    return { block, zones: block.zones.map((code) => zoneOf(glossary, code, block)), children };
  };
  return walk(start, []);
}

/** The glossary pairs of the forms the project knows. */
export const GLOSSARIES = {
  WECH003: ["FBONEM120233NL.xml", "Zones_ONEM120233NL.xml"],
  WECH006: ["FBONEM220233NL.xml", "Zones_ONEM220233NL.xml"],
  ZIMA002: ["FBAMI220233NL.xml", "Zones_AMI220233NL.xml"],
  ZIMA005: ["FBAMI520233NL.xml", "Zones_AMI520233NL.xml"],
  ZIMA001: ["FBAMI120233NL.xml", "Zones_AMI120233NL.xml"],
  ZIMA003: ["FBAMI320233NL.xml", "Zones_AMI320233NL.xml"],
  ZIMA006: ["FBAMI620233NL.xml", "Zones_AMI620233NL.xml"],
} as const;

export function loadFormGlossary(form: keyof typeof GLOSSARIES): Glossary {
  const [blocks, zones] = GLOSSARIES[form];
  return loadGlossary(blocks, zones);
}
