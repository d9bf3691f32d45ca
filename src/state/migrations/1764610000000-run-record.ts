import { type MigrationInterface, type QueryRunner, TableColumn } from "typeorm";

/**
 * A run keeps where its record is and whether its reports exist.
 * - record_file: decisions.jsonl of the run (the reports' source), summary_file: its run-summary.json;
 *   both published before the GO files, so a run whose files are out always has them.
 * - reports_at: when the reports were written (NULL: owed, when there is a record); reports_error: why
 *   the last attempt failed; payslip_extract: the payslip extract the reports wrote (what `easr payslip` reads).
 */
export class RunRecord1764610000000 implements MigrationInterface {
  name = "RunRecord1764610000000";

  private readonly columns = [
    new TableColumn({ name: "record_file", type: "varchar", length: "500", isNullable: true }),
    new TableColumn({ name: "summary_file", type: "varchar", length: "500", isNullable: true }),
    new TableColumn({ name: "reports_at", type: "varchar", length: "40", isNullable: true }),
    new TableColumn({ name: "reports_error", type: "varchar", length: "1000", isNullable: true }),
    new TableColumn({ name: "payslip_extract", type: "varchar", length: "500", isNullable: true }),
  ];

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns("easr_run", this.columns);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns("easr_run", this.columns);
  }
}
