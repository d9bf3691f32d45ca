import { type MigrationInterface, type QueryRunner, Table, TableIndex } from "typeorm";

const id = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" as const };
const text = (name: string, length: number, isNullable = false) => ({ name, type: "varchar", length: String(length), isNullable });
const integer = (name: string) => ({ name, type: "integer" });

/** The first state tables: runs, batch files, declarations. Portable across SQLite, PostgreSQL, MariaDB/MySQL and SQL Server. */
export class InitialState1764000000000 implements MigrationInterface {
  name = "InitialState1764000000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "easr_run",
        columns: [
          id,
          text("month", 7),
          text("environment", 1),
          text("status", 20),
          text("started_at", 40),
          text("finished_at", 40, true),
          text("triggered_by", 100),
          text("host", 200),
          { name: "summary", type: "text", isNullable: true },
          text("message", 1000, true),
        ],
        indices: [new TableIndex({ name: "ix_easr_run_month", columnNames: ["month", "environment"] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "easr_file",
        columns: [
          id,
          integer("run_id"),
          text("form_type", 10),
          text("purpose", 4),
          text("file_name", 100),
          text("go_file_name", 100),
          text("sender", 6),
          text("creation_date", 8),
          integer("sequence"),
          text("environment", 1),
          integer("form_count"),
          text("sha256", 64),
          text("status", 20),
          text("created_at", 40),
        ],
        indices: [
          new TableIndex({
            name: "ux_easr_file_sequence",
            columnNames: ["purpose", "sender", "creation_date", "environment", "sequence"],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "easr_declaration",
        columns: [
          id,
          integer("run_id"),
          integer("file_id"),
          text("form_type", 10),
          text("environment", 1),
          integer("staff_id"),
          integer("assignment_id"),
          text("reference_month", 7, true),
          integer("sequence_nbr"),
          { name: "attestation_status", type: "smallint" },
          text("content_hash", 64),
          text("status", 20),
          text("created_at", 40),
        ],
        indices: [new TableIndex({ name: "ix_easr_declaration_person", columnNames: ["environment", "staff_id", "form_type"] })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("easr_declaration");
    await queryRunner.dropTable("easr_file");
    await queryRunner.dropTable("easr_run");
  }
}
