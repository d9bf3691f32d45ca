import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from "typeorm";

/** The submission lifecycle: tickets and corrections on declarations, answer files, answers, anomalies. */
export class Answers1764300000000 implements MigrationInterface {
  name = "Answers1764300000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = true) => ({ name, type: "varchar", length: String(length), isNullable });
    await queryRunner.changeColumn("easr_declaration", "status", new TableColumn(text("status", 30, false)));
    for (const column of [
      text("ticket", 20),
      { name: "replaces_id", type: "integer", isNullable: true },
      text("reference_ticket", 20),
      text("insz_hash", 64),
      text("answered_at", 40),
    ]) {
      await queryRunner.addColumn("easr_declaration", new TableColumn(column));
    }
    await queryRunner.addColumn("easr_file", new TableColumn(text("receipt_reference", 20)));
    const id = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" as const };
    await queryRunner.createTable(
      new Table({
        name: "easr_answer_file",
        columns: [
          id,
          text("kind", 10, false),
          text("file_name", 200, false),
          text("sha256", 64, false),
          text("ingested_at", 40, false),
          text("environment", 1),
        ],
        indices: [new TableIndex({ name: "ux_easr_answer_file", columnNames: ["file_name", "sha256"], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "easr_answer",
        columns: [
          id,
          { name: "answer_file_id", type: "integer" },
          text("kind", 10, false),
          text("answered_file_name", 100, false),
          { name: "file_id", type: "integer", isNullable: true },
          { name: "declaration_id", type: "integer", isNullable: true },
          { name: "result_code", type: "smallint" },
          text("ticket", 20),
          text("status", 20, false),
          { name: "detail", type: "text", isNullable: true },
        ],
        indices: [new TableIndex({ name: "ix_easr_answer_declaration", columnNames: ["declaration_id"] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "easr_anomaly",
        columns: [
          id,
          { name: "answer_id", type: "integer" },
          { name: "declaration_id", type: "integer", isNullable: true },
          text("error_id", 20, false),
          text("zone_label", 200),
          text("anomaly_class", 1, false),
          text("tag_name", 100),
          text("value", 200),
          { name: "path", type: "text", isNullable: true },
        ],
        indices: [new TableIndex({ name: "ix_easr_anomaly_declaration", columnNames: ["declaration_id"] })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("easr_anomaly");
    await queryRunner.dropTable("easr_answer");
    await queryRunner.dropTable("easr_answer_file");
    await queryRunner.dropColumn("easr_file", "receipt_reference");
    for (const column of ["answered_at", "insz_hash", "reference_ticket", "replaces_id", "ticket"])
      await queryRunner.dropColumn("easr_declaration", column);
  }
}
