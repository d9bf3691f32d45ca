/**
 * The two payroll agencies of Flemish education that declare for their staff (a school board belongs
 * to one: `school_board.agency`), and how a letter from one is addressed: its name and postal address,
 * from the configuration (EASR_AGODI_NAME, EASR_AGODI_ADDRESS …), for the staff member's copy.
 */
export const AGENCIES = ["AGODI", "AHOVOKS"] as const;
export type Agency = (typeof AGENCIES)[number];

export function isAgency(code: string | null | undefined): code is Agency {
  return (AGENCIES as readonly (string | null | undefined)[]).includes(code);
}

/** A Belgian postal address as it is printed: the street line(s), then the postal code and municipality. */
export interface PostalAddress {
  /** "Koning Albert II-laan 15"; more than one when the address has a building or a box on its own line. */
  readonly streetLines: readonly string[];
  /** Four digits, 1000-9999. */
  readonly postalCode: string;
  readonly municipality: string;
}

export interface AgencyLetterhead {
  readonly agency: Agency;
  /** "Agentschap voor Onderwijsdiensten (AGODI)". */
  readonly name: string;
  readonly address: PostalAddress;
}

/** How the configuration writes an address: the lines separated by ", ", the last "<postal code> <municipality>". */
const ADDRESS = /^(?<street>[^,]+(?:, [^,]+)*), (?<postalCode>[1-9]\d{3}) (?<municipality>\S.*)$/;

/** "Koning Albert II-laan 15, 1210 Brussel" as an address, or null when it is not written that way. */
export function parsePostalAddress(text: string): PostalAddress | null {
  const groups = ADDRESS.exec(text.trim())?.groups;
  if (!groups) return null;
  return {
    streetLines: groups.street.split(", ").map((line) => line.trim()),
    postalCode: groups.postalCode,
    municipality: groups.municipality.trim(),
  };
}

/** The address's printed lines: street lines, then "1210 Brussel". */
export function addressLines(address: PostalAddress): string[] {
  return [...address.streetLines, `${address.postalCode} ${address.municipality}`];
}
