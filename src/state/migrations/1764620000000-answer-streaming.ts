import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from "typeorm";

/**
 * Answers recorded in bulk, and notifications kept until their file's receipt.
 * - easr_answer.position: the answer's 1-based place in its answer file, so that the anomalies of a bulk
 *   of answers find their rows (NULL for answers recorded before);
 * - easr_answer.insz_hash: the SHA-256 of a notification's INSS, like easr_declaration.insz_hash, so that
 *   an answer kept `pending` (its file not received yet) can be checked again when it is applied;
 * - easr_answer.applied_at: when an answer kept pending was applied (NULL: applied when its file was
 *   ingested), so that its anomalies are reported as news then, not at its file's ingestion;
 * - ix_easr_answer_status: the pending answers are looked for at every ingest;
 * - ix_easr_declaration_file: the forms a chunk of notifications answers, by file and sequence number.
 */
export class AnswerStreaming1764620000000 implements MigrationInterface {
  name = "AnswerStreaming1764620000000";

  private readonly columns = [
    new TableColumn({ name: "position", type: "integer", isNullable: true }),
    new TableColumn({ name: "insz_hash", type: "varchar", length: "64", isNullable: true }),
    new TableColumn({ name: "applied_at", type: "varchar", length: "40", isNullable: true }),
  ];

  private readonly indices: readonly [string, TableIndex][] = [
    ["easr_answer", new TableIndex({ name: "ix_easr_answer_position", columnNames: ["answer_file_id", "position"] })],
    ["easr_answer", new TableIndex({ name: "ix_easr_answer_status", columnNames: ["status"] })],
    ["easr_declaration", new TableIndex({ name: "ix_easr_declaration_file", columnNames: ["file_id", "sequence_nbr"] })],
  ];

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns("easr_answer", this.columns);
    for (const [table, index] of this.indices) await queryRunner.createIndex(table, index);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index] of this.indices) await queryRunner.dropIndex(table, index);
    await queryRunner.dropColumns("easr_answer", this.columns);
  }
}
