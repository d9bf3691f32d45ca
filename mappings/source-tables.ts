/**
 * Physical names of the ministry's tables and columns (the source contract, ministry-db.md).
 *
 * A deployment whose database names them differently overrides only what differs, here or in a JSON
 * file of the same shape named by EASR_SOURCE_MAPPING (which then replaces this one), e.g.
 *
 *   tables:  { staff_member: "PERSONEEL" },
 *   columns: { staff_member: { id: "PERSNR", insz: "RIJKSREGISTERNR" } },
 *
 * Keys are the contract's names (snake_case, as in ministry-db.md); values are the names in the
 * deployment's database, written exactly as its catalogue has them (they are quoted in SQL, so case
 * matters on PostgreSQL). A name is a plain identifier: a letter or underscore, then letters, digits,
 * underscores; at most 63 characters. Every name is checked against the contract when the program
 * opens the source (src/source/source-naming.ts): an unknown table or column, or two contract names
 * mapped to one physical name, stops it.
 */
export interface SourceNaming {
  /** Contract table name -> physical table name. */
  readonly tables: Readonly<Record<string, string>>;
  /** Contract table name -> (contract column name -> physical column name). */
  readonly columns: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** This deployment's naming: the contract's own names. */
export const sourceNaming: SourceNaming = {
  tables: {},
  columns: {},
};
