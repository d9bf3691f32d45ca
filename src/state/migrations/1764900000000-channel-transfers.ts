import { type MigrationInterface, type QueryRunner, Table, TableIndex } from "typeorm";

/** The batch channel: each declaration file's transfer (easr channel send), each answer file fetched. */
export class ChannelTransfers1764900000000 implements MigrationInterface {
  name = "ChannelTransfers1764900000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({ name, type: "varchar", length: String(length), isNullable });
    const id = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" as const };
    await queryRunner.createTable(
      new Table({
        name: "easr_channel_transfer",
        columns: [
          id,
          { name: "file_id", type: "integer" },
          text("file_name", 100),
          text("environment", 1),
          text("channel", 300),
          text("status", 20),
          { name: "attempts", type: "integer" },
          text("started_at", 40),
          text("sent_at", 40, true),
        ],
        indices: [new TableIndex({ name: "ux_easr_channel_transfer_file", columnNames: ["file_id"], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "easr_channel_fetch",
        columns: [
          id,
          text("file_name", 200),
          text("environment", 1),
          text("sha256", 64),
          text("content_sha256", 64, true),
          { name: "size", type: "integer" },
          text("signature", 20),
          text("local_path", 500),
          text("fetched_at", 40),
        ],
        indices: [new TableIndex({ name: "ux_easr_channel_fetch_name", columnNames: ["environment", "file_name"], isUnique: true })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("easr_channel_fetch");
    await queryRunner.dropTable("easr_channel_transfer");
  }
}
