/**
 * The adapter's own tables (prefix `easr_`): runs, batch files and every declaration sent.
 * Timestamps are ISO-8601 text with offset, so no driver converts them through a time zone.
 */
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "easr_run" })
@Index("ix_easr_run_month", ["month", "environment"])
export class RunRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  /** Run month `YYYY-MM`. */
  @Column({ type: "varchar", length: 7 }) month!: string;
  /** `T` test or `R` real. */
  @Column({ type: "varchar", length: 1 }) environment!: string;
  /** running | completed | failed */
  @Column({ type: "varchar", length: 20 }) status!: string;
  @Column({ name: "started_at", type: "varchar", length: 40 }) startedAt!: string;
  @Column({ name: "finished_at", type: "varchar", length: 40, nullable: true }) finishedAt!: string | null;
  /** Who started it: a user name or `scheduler`. */
  @Column({ name: "triggered_by", type: "varchar", length: 100 }) triggeredBy!: string;
  @Column({ type: "varchar", length: 200 }) host!: string;
  /** Counts of the run summary as JSON (the full summary is run-summary.json). */
  @Column({ type: "text", nullable: true }) summary!: string | null;
  @Column({ type: "varchar", length: 1000, nullable: true }) message!: string | null;
  /** The folder the run writes to (to clean up after an interrupted run). */
  @Column({ name: "output_dir", type: "varchar", length: 500, nullable: true }) outputDir!: string | null;
  /** decisions.jsonl of the run: its record, the source of its reports (published before the GO files). */
  @Column({ name: "record_file", type: "varchar", length: 500, nullable: true }) recordFile!: string | null;
  /** run-summary.json of the run. */
  @Column({ name: "summary_file", type: "varchar", length: 500, nullable: true }) summaryFile!: string | null;
  /** When the reports were written; NULL with a record file: the reports are owed. */
  @Column({ name: "reports_at", type: "varchar", length: 40, nullable: true }) reportsAt!: string | null;
  /** Why the last attempt at the reports failed. */
  @Column({ name: "reports_error", type: "varchar", length: 1000, nullable: true }) reportsError!: string | null;
  /** The payslip extract the reports wrote (read by `easr payslip`). */
  @Column({ name: "payslip_extract", type: "varchar", length: 500, nullable: true }) payslipExtract!: string | null;
}

@Entity({ name: "easr_file" })
@Index("ux_easr_file_sequence", ["purpose", "sender", "creationDate", "environment", "sequence"], { unique: true })
export class BatchFileRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ name: "run_id", type: "integer" }) runId!: number;
  /** Form type in the file: WECH003, WECH006, … */
  @Column({ name: "form_type", type: "varchar", length: 10 }) formType!: string;
  /** Batch purpose in the name: WECH or ZIMA. */
  @Column({ type: "varchar", length: 4 }) purpose!: string;
  @Column({ name: "file_name", type: "varchar", length: 100 }) fileName!: string;
  @Column({ name: "go_file_name", type: "varchar", length: 100 }) goFileName!: string;
  @Column({ type: "varchar", length: 6 }) sender!: string;
  /** YYYYMMDD as in the name. */
  @Column({ name: "creation_date", type: "varchar", length: 8 }) creationDate!: string;
  @Column({ type: "integer" }) sequence!: number;
  @Column({ type: "varchar", length: 1 }) environment!: string;
  @Column({ name: "form_count", type: "integer" }) formCount!: number;
  @Column({ type: "varchar", length: 64 }) sha256!: string;
  /** A FileState of src/domain/lifecycle.ts: pending, written, received, rejected, abandoned (never out; its sequence stays used). */
  @Column({ type: "varchar", length: 20 }) status!: string;
  @Column({ name: "created_at", type: "varchar", length: 40 }) createdAt!: string;
  /** The folder the file is published in. */
  @Column({ type: "varchar", length: 500, nullable: true }) directory!: string | null;
  /** The file receipt's reference (ACRF FileReference/ReferenceNbr) once received. */
  @Column({ name: "receipt_reference", type: "varchar", length: 20, nullable: true }) receiptReference!: string | null;
}

@Entity({ name: "easr_declaration" })
@Index("ix_easr_declaration_person", ["environment", "staffId", "formType"])
@Index("ix_easr_declaration_file", ["fileId", "sequenceNbr"])
export class DeclarationRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ name: "run_id", type: "integer" }) runId!: number;
  @Column({ name: "file_id", type: "integer" }) fileId!: number;
  @Column({ name: "form_type", type: "varchar", length: 10 }) formType!: string;
  @Column({ type: "varchar", length: 1 }) environment!: string;
  @Column({ name: "staff_id", type: "integer" }) staffId!: number;
  @Column({ name: "assignment_id", type: "integer" }) assignmentId!: number;
  /** The reference period: the month of a monthly form (WECH006, ZIMA002), the holiday year of ZIMA005, null for WECH003. */
  @Column({ name: "reference_month", type: "varchar", length: 7, nullable: true }) referencePeriod!: string | null;
  /** The unit's subject when it is not its assignment ("person", "resumption:<id>", "absence:<id>"); null for a unit about its assignment. */
  @Column({ type: "varchar", length: 40, nullable: true }) subject!: string | null;
  /** NaturalPersonSequenceNbr of the form in its file. */
  @Column({ name: "sequence_nbr", type: "integer" }) sequenceNbr!: number;
  /** 0 original, 1 modification, 3 cancellation. */
  @Column({ name: "attestation_status", type: "smallint" }) attestationStatus!: number;
  /** SHA-256 of the form's declared content, to see later whether the data changed. */
  @Column({ name: "content_hash", type: "varchar", length: 64 }) contentHash!: string;
  /** A DeclarationState of src/domain/lifecycle.ts. */
  @Column({ type: "varchar", length: 30 }) status!: string;
  @Column({ name: "created_at", type: "varchar", length: 40 }) createdAt!: string;
  /** The ticket social security gave the accepted form (NOTI HandledReference, origin 2). */
  @Column({ type: "varchar", length: 20, nullable: true }) ticket!: string | null;
  /** For a modification or cancellation: the declaration it corrects, and that one's ticket. */
  @Column({ name: "replaces_id", type: "integer", nullable: true }) replacesId!: number | null;
  @Column({ name: "reference_ticket", type: "varchar", length: 20, nullable: true }) referenceTicket!: string | null;
  /** SHA-256 of the INSZ, to check that an answer is about the same person without keeping the INSZ. */
  @Column({ name: "insz_hash", type: "varchar", length: 64, nullable: true }) inszHash!: string | null;
  @Column({ name: "answered_at", type: "varchar", length: 40, nullable: true }) answeredAt!: string | null;
  /** Zone 00430 as sent (ZIMA: the sub-risk "001"-"004"); null for WECH forms written before it was kept. */
  @Column({ name: "risk_code", type: "varchar", length: 3, nullable: true }) riskCode!: string | null;
  /** D27: SHA-256 of the source facts the form was built from (src/rules/unit-facts.ts); null before 2026-12. */
  @Column({ name: "facts_hash", type: "varchar", length: 64, nullable: true }) factsHash!: string | null;
  /** D27: the rules version the form was built under (src/rules/rules-version.ts); null before 2026-12. */
  @Column({ name: "rules_version", type: "varchar", length: 20, nullable: true }) rulesVersion!: string | null;
  /** What a cancellation of it must repeat (src/domain/kept-zones.ts), as JSON; null when nothing. */
  @Column({ name: "kept_zones", type: "varchar", length: 200, nullable: true }) keptZones!: string | null;
}

/** D17: a waiting person-month an operator released (easr release): decided by the next run with what is known. */
@Entity({ name: "easr_release" })
@Index("ix_easr_release_person", ["environment", "staffId"])
export class ReleaseRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ type: "varchar", length: 1 }) environment!: string;
  @Column({ name: "staff_id", type: "integer" }) staffId!: number;
  @Column({ name: "reference_month", type: "varchar", length: 7 }) referenceMonth!: string;
  @Column({ name: "released_at", type: "varchar", length: 40 }) releasedAt!: string;
  @Column({ name: "released_by", type: "varchar", length: 100 }) releasedBy!: string;
}

/**
 * Not-eligible decisions, with the facts they rest on (fingerprint): a later run does not decide the
 * same unit again while its facts are unchanged. Append-only; the latest row of a unit counts.
 */
@Entity({ name: "easr_decision" })
@Index("ix_easr_decision_person", ["environment", "staffId"])
export class DecisionRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ name: "run_id", type: "integer" }) runId!: number;
  @Column({ name: "form_type", type: "varchar", length: 10 }) formType!: string;
  @Column({ type: "varchar", length: 1 }) environment!: string;
  @Column({ name: "staff_id", type: "integer" }) staffId!: number;
  @Column({ name: "assignment_id", type: "integer" }) assignmentId!: number;
  @Column({ name: "reference_month", type: "varchar", length: 7, nullable: true }) referencePeriod!: string | null;
  /** As DeclarationRow.subject. */
  @Column({ type: "varchar", length: 40, nullable: true }) subject!: string | null;
  @Column({ type: "varchar", length: 40 }) reason!: string;
  @Column({ type: "varchar", length: 400 }) fingerprint!: string;
  @Column({ name: "created_at", type: "varchar", length: 40 }) createdAt!: string;
}

/** The audit trail: append-only, one row per thing that happened (runs, files, state changes, locks). */
@Entity({ name: "easr_audit" })
@Index("ix_easr_audit_month", ["month", "environment"])
export class AuditRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ type: "varchar", length: 40 }) at!: string;
  /** run-started, run-completed, run-failed, run-interrupted, file-written, file-abandoned, file-completed, swing-stopped, swing-accepted, … */
  @Column({ type: "varchar", length: 40 }) event!: string;
  @Column({ name: "run_id", type: "integer", nullable: true }) runId!: number | null;
  @Column({ type: "varchar", length: 7, nullable: true }) month!: string | null;
  @Column({ type: "varchar", length: 1, nullable: true }) environment!: string | null;
  /** A user name or "scheduler". */
  @Column({ type: "varchar", length: 100 }) actor!: string;
  @Column({ type: "varchar", length: 200 }) host!: string;
  /** Details as JSON (file name, SHA-256, form count, counts …). Never an INSZ. */
  @Column({ type: "text", nullable: true }) detail!: string | null;
}

/** An answer file read by `easr ingest` (ACRF or NOTIFICATION): the same file twice changes nothing. */
@Entity({ name: "easr_answer_file" })
@Index("ux_easr_answer_file", ["fileName", "sha256"], { unique: true })
export class AnswerFileRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  /** ACRF or NOTI */
  @Column({ type: "varchar", length: 10 }) kind!: string;
  @Column({ name: "file_name", type: "varchar", length: 200 }) fileName!: string;
  @Column({ type: "varchar", length: 64 }) sha256!: string;
  @Column({ name: "ingested_at", type: "varchar", length: 40 }) ingestedAt!: string;
  @Column({ type: "varchar", length: 1, nullable: true }) environment!: string | null;
}

/** One answer: a file receipt (ACRF form) or one notification (NOTI form); kept even when it matches nothing. */
@Entity({ name: "easr_answer" })
@Index("ix_easr_answer_declaration", ["declarationId"])
@Index("ix_easr_answer_position", ["answerFileId", "position"])
@Index("ix_easr_answer_status", ["status"])
export class AnswerRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ name: "answer_file_id", type: "integer" }) answerFileId!: number;
  /** The answer's 1-based place in its answer file (null for answers recorded before it was kept). */
  @Column({ type: "integer", nullable: true }) position!: number | null;
  /** ACRF or NOTI */
  @Column({ type: "varchar", length: 10 }) kind!: string;
  /** The batch file it answers (FileReference/FileName, GO or FI name). */
  @Column({ name: "answered_file_name", type: "varchar", length: 100 }) answeredFileName!: string;
  @Column({ name: "file_id", type: "integer", nullable: true }) fileId!: number | null;
  @Column({ name: "declaration_id", type: "integer", nullable: true }) declarationId!: number | null;
  /** 1 OK, 0 not OK (ACRF ReceptionResult / NOTI HandlingResult). */
  @Column({ name: "result_code", type: "smallint" }) resultCode!: number;
  @Column({ type: "varchar", length: 20, nullable: true }) ticket!: string | null;
  /** matched | unmatched (kept and reported, never dropped) | pending (a notification whose file has no receipt yet: applied by a later ingest) */
  @Column({ type: "varchar", length: 20 }) status!: string;
  /** A notification's INSS as its SHA-256 (never in clear), to check the worker again when a pending answer is applied. */
  @Column({ name: "insz_hash", type: "varchar", length: 64, nullable: true }) inszHash!: string | null;
  /** When an answer kept pending was applied; NULL when it was applied as its file was ingested. */
  @Column({ name: "applied_at", type: "varchar", length: 40, nullable: true }) appliedAt!: string | null;
  /** What it says, as JSON (ACRF error ids, the handled form's identification, sequence number …). */
  @Column({ type: "text", nullable: true }) detail!: string | null;
}

/** One anomaly of a notification: error id, the zone's label from the glossary, class B/W, value, path. */
@Entity({ name: "easr_anomaly" })
@Index("ix_easr_anomaly_declaration", ["declarationId"])
export class AnomalyRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ name: "answer_id", type: "integer" }) answerId!: number;
  @Column({ name: "declaration_id", type: "integer", nullable: true }) declarationId!: number | null;
  @Column({ name: "error_id", type: "varchar", length: 20 }) errorId!: string;
  @Column({ name: "zone_label", type: "varchar", length: 200, nullable: true }) zoneLabel!: string | null;
  /** B blocking, W warning */
  @Column({ name: "anomaly_class", type: "varchar", length: 1 }) anomalyClass!: string;
  @Column({ name: "tag_name", type: "varchar", length: 100, nullable: true }) tagName!: string | null;
  @Column({ type: "varchar", length: 200, nullable: true }) value!: string | null;
  @Column({ type: "text", nullable: true }) path!: string | null;
}

/**
 * A declaration file's way onto the batch channel (`easr channel send`): `sending` from before its first
 * byte is put, `go-putting` while its GO file is put, then `sent` (src/channel/send-files.ts says what a
 * send does with a file left in either of the first two).
 */
@Entity({ name: "easr_channel_transfer" })
@Index("ux_easr_channel_transfer_file", ["fileId"], { unique: true })
export class ChannelTransferRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ name: "file_id", type: "integer" }) fileId!: number;
  @Column({ name: "file_name", type: "varchar", length: 100 }) fileName!: string;
  @Column({ type: "varchar", length: 1 }) environment!: string;
  /** The channel's address, without a password. */
  @Column({ type: "varchar", length: 300 }) channel!: string;
  /** sending (before the GO file), go-putting (while putting it), sent (it is on the channel) */
  @Column({ type: "varchar", length: 20 }) status!: string;
  @Column({ type: "integer" }) attempts!: number;
  @Column({ name: "started_at", type: "varchar", length: 40 }) startedAt!: string;
  @Column({ name: "sent_at", type: "varchar", length: 40, nullable: true }) sentAt!: string | null;
}

/**
 * An answer file taken from the channel (`easr channel fetch`): never fetched twice by name once placed;
 * one refused for its signature is fetched and checked again by the next fetch (a certificate put right).
 */
@Entity({ name: "easr_channel_fetch" })
@Index("ux_easr_channel_fetch_name", ["environment", "fileName"], { unique: true })
export class ChannelFetchRow {
  @PrimaryGeneratedColumn({ type: "integer" }) id!: number;
  @Column({ name: "file_name", type: "varchar", length: 200 }) fileName!: string;
  @Column({ type: "varchar", length: 1 }) environment!: string;
  /** The file as fetched. */
  @Column({ type: "varchar", length: 64 }) sha256!: string;
  /** What was placed to be ingested (an enveloping answer's XML); null when it was not (refused, a duplicate). */
  @Column({ name: "content_sha256", type: "varchar", length: 64, nullable: true }) contentSha256!: string | null;
  @Column({ type: "integer" }) size!: number;
  /** verified, not-checked (no EASR_ANSWER_CERT), unsigned, bad */
  @Column({ type: "varchar", length: 20 }) signature!: string;
  /** Where it went: the answers folder (ingested), or the folder of answers not applied. */
  @Column({ name: "local_path", type: "varchar", length: 500 }) localPath!: string;
  @Column({ name: "fetched_at", type: "varchar", length: 40 }) fetchedAt!: string;
}

export const STATE_ENTITIES = [
  ChannelTransferRow,
  ChannelFetchRow,
  RunRow,
  BatchFileRow,
  DeclarationRow,
  DecisionRow,
  AuditRow,
  AnswerFileRow,
  AnswerRow,
  AnomalyRow,
  ReleaseRow,
];
