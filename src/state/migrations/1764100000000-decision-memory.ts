import { type MigrationInterface, type QueryRunner, Table, TableIndex } from "typeorm";

/** easr_decision: not-eligible decisions with their facts, so that unchanged ones are not decided again. */
export class DecisionMemory1764100000000 implements MigrationInterface {
  name = "DecisionMemory1764100000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({ name, type: "varchar", length: String(length), isNullable });
    await queryRunner.createTable(
      new Table({
        name: "easr_decision",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "run_id", type: "integer" },
          text("form_type", 10),
          text("environment", 1),
          { name: "staff_id", type: "integer" },
          { name: "assignment_id", type: "integer" },
          text("reference_month", 7, true),
          text("reason", 40),
          text("fingerprint", 400),
          text("created_at", 40),
        ],
        indices: [new TableIndex({ name: "ix_easr_decision_person", columnNames: ["environment", "staff_id"] })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("easr_decision");
  }
}
