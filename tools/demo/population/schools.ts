/**
 * The demo population's school boards of AGODI and AHOVOKS with their institutions of every level,
 * and per level the jobs, hour denominators, full-time salaries and how often the level comes up.
 */

export type Level = "BaO" | "SO" | "DKO" | "CLB" | "VWO" | "CBE" | "HO";
export type Agency = "AGODI" | "AHOVOKS";

export interface Board {
  readonly id: number;
  readonly name: string;
  readonly agency: Agency;
  readonly nossNumber: string;
  readonly kboNumber: string;
}

export interface Institution {
  readonly id: number;
  readonly board: Board;
  readonly name: string;
  readonly level: Level;
}

export const BOARD_SPECS: readonly { name: string; agency: Agency; institutions: readonly (readonly [string, Level])[] }[] = [
  {
    name: "VZW Katholiek Onderwijs Leiestreek",
    agency: "AGODI",
    institutions: [
      ["Vrije Basisschool De Regenboog Kortrijk", "BaO"],
      ["Vrije Basisschool Sint-Martinus Harelbeke", "BaO"],
      ["Sint-Amandscollege Kortrijk", "SO"],
    ],
  },
  {
    name: "Stadsbestuur Tienen",
    agency: "AGODI",
    institutions: [
      ["Stedelijke Basisschool 't Kompas Tienen", "BaO"],
      ["Stedelijke Academie voor Muziek en Woord Tienen", "DKO"],
    ],
  },
  {
    name: "GO! Scholengroep Kempenland",
    agency: "AGODI",
    institutions: [
      ["GO! Atheneum Herentals", "SO"],
      ["GO! Basisschool De Pluim Herentals", "BaO"],
      ["GO! Technisch Atheneum Mol", "SO"],
    ],
  },
  {
    name: "VZW Scholengemeenschap Sint-Michiel Brugge",
    agency: "AGODI",
    institutions: [
      ["Sint-Michielscollege Brugge", "SO"],
      ["Vrije Basisschool Sint-Michiel Brugge", "BaO"],
    ],
  },
  {
    name: "VZW Katholiek Secundair Onderwijs Pajottenland",
    agency: "AGODI",
    institutions: [
      ["Heilig-Hartinstituut Halle", "SO"],
      ["Sint-Pieterscollege Ninove", "SO"],
    ],
  },
  {
    name: "Gemeentebestuur Maasmechelen",
    agency: "AGODI",
    institutions: [
      ["Gemeentelijke Academie voor Beeldende Kunst Maasmechelen", "DKO"],
      ["Gemeentelijke Basisschool De Maasvallei", "BaO"],
    ],
  },
  {
    name: "VZW Vrij CLB Limburg-Noord",
    agency: "AGODI",
    institutions: [
      ["Vrij CLB Genk", "CLB"],
      ["Vrij CLB Hasselt", "CLB"],
    ],
  },
  { name: "GO! CLB Meetjesland-Waas", agency: "AGODI", institutions: [["GO! CLB Eeklo", "CLB"]] },
  {
    name: "VZW CVO Zuiderkempen",
    agency: "AHOVOKS",
    institutions: [
      ["CVO Zuiderkempen Geel", "VWO"],
      ["CVO Zuiderkempen Westerlo", "VWO"],
    ],
  },
  {
    name: "VZW Centrum voor Basiseducatie Waas en Dender",
    agency: "AHOVOKS",
    institutions: [["Centrum voor Basiseducatie Sint-Niklaas", "CBE"]],
  },
  {
    name: "Hogeschool Kempen-Demer",
    agency: "AHOVOKS",
    institutions: [
      ["Hogeschool Kempen-Demer campus Diest", "HO"],
      ["Hogeschool Kempen-Demer campus Aarschot", "HO"],
    ],
  },
  {
    name: "VZW Onderwijscentrum Leie en Schelde",
    agency: "AHOVOKS",
    institutions: [
      ["Hogeschool Leie en Schelde Gent", "HO"],
      ["CVO Leie en Schelde Gent", "VWO"],
      ["Centrum voor Basiseducatie Leie en Schelde", "CBE"],
    ],
  },
];

export interface Job {
  readonly title: string;
  readonly denominator: number;
}

interface LevelSpec {
  /** How often the level comes up for a new assignment. */
  readonly weight: number;
  readonly jobs: readonly Job[];
  /** Full-time gross monthly salary range, euro cents. */
  readonly fullTime: readonly [number, number];
  /** Numerators are multiples of this (HO counts in percent, by fives). */
  readonly step: number;
  /** Whether payroll knows the days per week. */
  readonly daysKnown: boolean;
  /** Share of contractual ("C") rather than temporary staff. */
  readonly contractual: number;
}

export const LEVELS: Readonly<Record<Level, LevelSpec>> = {
  BaO: {
    weight: 30,
    jobs: [
      { title: "onderwijzer", denominator: 24 },
      { title: "kleuteronderwijzer", denominator: 24 },
      { title: "kinderverzorgster", denominator: 32 },
      { title: "leermeester lichamelijke opvoeding", denominator: 24 },
    ],
    fullTime: [250_000, 340_000],
    step: 1,
    daysKnown: true,
    contractual: 0,
  },
  SO: {
    weight: 30,
    jobs: [
      { title: "leraar", denominator: 22 },
      { title: "leraar", denominator: 20 },
      { title: "leraar praktische vakken", denominator: 29 },
      { title: "leraar technische vakken", denominator: 22 },
    ],
    fullTime: [270_000, 380_000],
    step: 1,
    daysKnown: true,
    contractual: 0,
  },
  DKO: {
    weight: 12,
    jobs: [
      { title: "leraar muziek", denominator: 22 },
      { title: "leraar gitaar", denominator: 22 },
      { title: "leraar piano", denominator: 22 },
      { title: "leraar woordkunst-drama", denominator: 20 },
      { title: "leraar beeldende kunst", denominator: 20 },
      { title: "leraar dans", denominator: 20 },
    ],
    fullTime: [260_000, 360_000],
    step: 1,
    daysKnown: true,
    contractual: 0,
  },
  CLB: {
    weight: 6,
    jobs: [
      { title: "psychopedagogisch consulent", denominator: 10 },
      { title: "maatschappelijk werker", denominator: 10 },
      { title: "paramedisch werker", denominator: 10 },
      { title: "arts", denominator: 10 },
    ],
    fullTime: [280_000, 380_000],
    step: 1,
    daysKnown: true,
    contractual: 0,
  },
  VWO: {
    weight: 9,
    jobs: [
      { title: "leraar SVWO", denominator: 22 },
      { title: "leraar NT2", denominator: 22 },
      { title: "leraar HBO5", denominator: 20 },
    ],
    fullTime: [270_000, 370_000],
    step: 1,
    daysKnown: true,
    contractual: 0.1,
  },
  CBE: {
    weight: 5,
    jobs: [
      { title: "leraar CBE", denominator: 36 },
      { title: "stafmedewerker CBE", denominator: 36 },
    ],
    fullTime: [250_000, 330_000],
    step: 1,
    daysKnown: true,
    contractual: 0.5,
  },
  HO: {
    weight: 8,
    jobs: [
      { title: "lector", denominator: 100 },
      { title: "praktijklector", denominator: 100 },
      { title: "assistent", denominator: 100 },
      { title: "ATP graad B12", denominator: 100 },
      { title: "ATP graad C", denominator: 100 },
    ],
    fullTime: [265_000, 380_000],
    step: 5,
    daysKnown: false,
    contractual: 0.3,
  },
};

export const LEVEL_WEIGHTS = (Object.entries(LEVELS) as [Level, LevelSpec][]).map(([level, spec]) => [level, spec.weight] as const);
