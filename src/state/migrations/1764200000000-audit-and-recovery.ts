import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from "typeorm";

/** easr_audit (append-only trail) and the folders of runs and files (recovery after a crash). */
export class AuditAndRecovery1764200000000 implements MigrationInterface {
  name = "AuditAndRecovery1764200000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({ name, type: "varchar", length: String(length), isNullable });
    await queryRunner.addColumn("easr_run", new TableColumn(text("output_dir", 500, true)));
    await queryRunner.addColumn("easr_file", new TableColumn(text("directory", 500, true)));
    await queryRunner.createTable(
      new Table({
        name: "easr_audit",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          text("at", 40),
          text("event", 40),
          { name: "run_id", type: "integer", isNullable: true },
          text("month", 7, true),
          text("environment", 1, true),
          text("actor", 100),
          text("host", 200),
          { name: "detail", type: "text", isNullable: true },
        ],
        indices: [new TableIndex({ name: "ix_easr_audit_month", columnNames: ["month", "environment"] })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("easr_audit");
    await queryRunner.dropColumn("easr_file", "directory");
    await queryRunner.dropColumn("easr_run", "output_dir");
  }
}
