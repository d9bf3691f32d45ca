import { type MigrationInterface, type QueryRunner, TableColumn } from "typeorm";

/**
 * The benefits sector (ZIMA002/ZIMA005): a declaration keeps the risk code it was sent with (zone
 * 00430, the sub-risk "001"-"004"), so that a later cancellation carries the same one.
 */
export class RiskCode1764400000000 implements MigrationInterface {
  name = "RiskCode1764400000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("easr_declaration", new TableColumn({ name: "risk_code", type: "varchar", length: "3", isNullable: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("easr_declaration", "risk_code");
  }
}
