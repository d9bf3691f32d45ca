import { type MigrationInterface, type QueryRunner, TableColumn } from "typeorm";

/**
 * A unit may be about something other than one assignment (ZIMA003: the person's month; ZIMA006: a
 * resumption; ZIMA001: an absence): declarations and remembered decisions keep that subject. Null for
 * the units about their assignment, so every earlier row keeps its key.
 */
export class UnitSubject1764700000000 implements MigrationInterface {
  name = "UnitSubject1764700000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["easr_declaration", "easr_decision"]) {
      await queryRunner.addColumn(table, new TableColumn({ name: "subject", type: "varchar", length: "40", isNullable: true }));
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["easr_declaration", "easr_decision"]) await queryRunner.dropColumn(table, "subject");
  }
}
