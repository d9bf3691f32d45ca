import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from "typeorm";

/**
 * Domain decisions of 2026-12:
 * - D27: a declaration keeps the digest of the source facts it was built from and the rules version it
 *   was built under, so that a later run can tell a rule change (facts the same, form different: held
 *   until the operator accepts) from a data change (corrected as before). Rows written before carry NULL:
 *   nobody can tell, so their reissues are held too.
 * - D17: easr_release, the waiting person-months an operator released (easr release): the next run
 *   decides them with what is known.
 */
export class ReissueAndRelease1764500000000 implements MigrationInterface {
  name = "ReissueAndRelease1764500000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      "easr_declaration",
      new TableColumn({ name: "facts_hash", type: "varchar", length: "64", isNullable: true }),
    );
    await queryRunner.addColumn(
      "easr_declaration",
      new TableColumn({ name: "rules_version", type: "varchar", length: "20", isNullable: true }),
    );
    const text = (name: string, length: number, isNullable = false) => ({ name, type: "varchar", length: String(length), isNullable });
    await queryRunner.createTable(
      new Table({
        name: "easr_release",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          text("environment", 1),
          { name: "staff_id", type: "integer" },
          text("reference_month", 7),
          text("released_at", 40),
          text("released_by", 100),
        ],
        indices: [new TableIndex({ name: "ix_easr_release_person", columnNames: ["environment", "staff_id"] })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("easr_release");
    await queryRunner.dropColumn("easr_declaration", "rules_version");
    await queryRunner.dropColumn("easr_declaration", "facts_hash");
  }
}
