import { type MigrationInterface, type QueryRunner, TableColumn } from "typeorm";

/**
 * What a later cancellation of a declaration must repeat besides its risk code: zones its form type's
 * glossary makes indispensable in a cancellation too (ZIMA006: WorkRecoveryDate 00128, block 90016), as
 * JSON `{"00128":"2024-04-15"}`. Null for the form types whose cancellation repeats nothing of the kind.
 */
export class KeptZones1764800000000 implements MigrationInterface {
  name = "KeptZones1764800000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      "easr_declaration",
      new TableColumn({ name: "kept_zones", type: "varchar", length: "200", isNullable: true }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("easr_declaration", "kept_zones");
  }
}
