/**
 * Physical names of the ministry's tables and columns (the source contract, ministry-db.md).
 * A deployment whose database names them differently overrides only what differs, e.g.
 *   tables: { staff_member: "PERSONEEL" }, columns: { staff_member: { insz: "RIJKSREGISTERNR" } }
 * Keys are the contract names; values are the names in the deployment's database.
 */
export interface SourceNaming {
  readonly tables: Readonly<Record<string, string>>;
  readonly columns: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const sourceNaming: SourceNaming = {
  tables: {},
  columns: {},
};
