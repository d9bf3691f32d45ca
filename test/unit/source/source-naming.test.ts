/** The source naming: the deployment's file and mappings/source-tables.ts checked against the contract, and the entity schemas built under it. */
import { join } from "node:path";
import { expect } from "chai";
import { sourceNaming } from "../../../mappings/source-tables";
import { STAFF_MEMBER } from "../../../src/source/contract";
import { entitySchemaFor } from "../../../src/source/entity-schemas";
import {
  assertValidSourceNaming,
  loadSourceNaming,
  parseSourceNaming,
  SourceNamingError,
  sourceNamingProblems,
} from "../../../src/source/source-naming";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "source-mapping", "dutch-naming.json");

describe("source naming", () => {
  it("mappings/source-tables.ts fits the contract", () => {
    expect(sourceNamingProblems(sourceNaming)).to.deep.equal([]);
  });

  it("reads the test deployment's JSON file and builds the entity schemas under its names, properties unchanged", () => {
    const naming = loadSourceNaming(FIXTURE);
    const schema = entitySchemaFor(STAFF_MEMBER, "sqlite", naming).options;
    expect(schema.tableName).to.equal("PERSONEEL");
    expect(schema.name).to.equal("StaffMember");
    expect(schema.columns.insz?.name).to.equal("RIJKSREGISTERNR");
    expect(schema.columns.id?.name).to.equal("PERSNR");
    expect(entitySchemaFor(STAFF_MEMBER, "sqlite").options.columns.insz?.name).to.equal("insz");
  });

  it("maps only what differs: a partial naming keeps the contract's other names", () => {
    const naming = parseSourceNaming({ tables: { staff_member: "PERSONEEL" } }, "partial.json");
    expect(naming.columns).to.deep.equal({});
    expect(entitySchemaFor(STAFF_MEMBER, "postgres", naming).options.columns.last_name).to.equal(undefined);
    expect(entitySchemaFor(STAFF_MEMBER, "postgres", naming).options.columns.lastName?.name).to.equal("last_name");
  });

  it("names every problem: unknown tables and columns, bad identifiers, two names in one place (case-insensitively)", () => {
    const problems = sourceNamingProblems({
      tables: { staff: "X", assignment: "Staff_Member", salary_line: "2LINES" },
      columns: { staff_member: { inss: "A", last_name: "FIRST_NAME" }, nowhere: { a: "b" } },
    });
    expect(problems).to.deep.equal([
      'tables.staff: the contract has no table "staff"',
      'tables.salary_line: "2LINES" is not a plain identifier',
      'columns.staff_member.inss: the contract table staff_member has no column "inss"',
      'columns.nowhere: the contract has no table "nowhere"',
      'columns.staff_member: last_name and first_name are both named "first_name"',
      'tables: staff_member and assignment are both named "Staff_Member"',
    ]);
    expect(() => assertValidSourceNaming({ tables: { staff: "X" }, columns: {} }, "here")).to.throw(
      SourceNamingError,
      'here: tables.staff: the contract has no table "staff"',
    );
  });

  it("refuses a file of another shape", () => {
    expect(() => parseSourceNaming({ tables: { staff_member: 7 } }, "f.json")).to.throw(SourceNamingError, "f.json: tables.staff_member:");
    expect(() => parseSourceNaming({ tables: {}, comment: "x" }, "f.json")).to.throw(SourceNamingError, 'Unrecognized key: "comment"');
    expect(() => parseSourceNaming([], "f.json")).to.throw(SourceNamingError, "f.json:");
    expect(() => loadSourceNaming(join(__dirname, "missing.json"))).to.throw(SourceNamingError, "cannot be read");
  });
});
