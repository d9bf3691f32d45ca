/**
 * What the reports read back from the answers: the anomalies an operator must act on,
 * each with the form it is about, and the tickets of accepted forms for the payslip copy.
 */
import type { DataSource } from "typeorm";
import { ACCEPTED_STATES } from "../domain/lifecycle";
import { AnomalyRow, AnswerFileRow, AnswerRow, BatchFileRow, DeclarationRow, RunRow } from "./entities";

/** One anomaly of a notification, with the form (declaration) it is about. */
export interface AnomalyReportRow {
  readonly staffId: number;
  readonly formType: string;
  readonly assignmentId: number;
  readonly referencePeriod: string | null;
  readonly fileName: string;
  readonly sequenceNbr: number;
  readonly errorId: string;
  /** The glossary label of the zone or block, null when the glossary has none. */
  readonly zoneLabel: string | null;
  /** B blocking, W warning. */
  readonly anomalyClass: string;
  readonly tagName: string | null;
  /** As stored: an INSZ in it is already masked by the ingestion. */
  readonly value: string | null;
  /** The form's state now: refused, accepted-with-warnings, or what a later answer made of it. */
  readonly declarationStatus: string;
  /** When the answer holding the anomaly was ingested (ISO-8601 with offset). */
  readonly ingestedAt: string;
}

/** At most this many names in one IN list (SQL Server takes 2100 parameters per statement). */
const NAMES_PER_QUERY = 1000;

/**
 * Time stamps are text with an offset, so the database compares them as text. Any offset lies within
 * ±14 hours of UTC, so every time stamp later than `sinceIso` starts (as text) after this bound: the
 * database narrows on it, and the exact comparison of instants is done here.
 */
function textLowerBound(sinceIso: string): string {
  return new Date(Date.parse(sinceIso) - 14 * 3600_000).toISOString().slice(0, 19);
}

/** `${fileName}#${sequenceNbr}`: the key of a form in the tickets map. */
export function formKey(fileName: string, sequenceNbr: number): string {
  return `${fileName}#${sequenceNbr}`;
}

export class AnomalyReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * When the latest completed run of `environment` before run `runId` (any, with null) finished, or
   * null when there is none: the anomalies ingested since are new to the operator, because the
   * workbook of that run listed those ingested before (an ingest never overlaps a run: both take the
   * run lock).
   */
  async previousRunFinishedAt(environment: string, runId: number | null): Promise<string | null> {
    const query = this.dataSource
      .getRepository(RunRow)
      .createQueryBuilder("r")
      .select("r.finishedAt", "finishedAt")
      .where("r.environment = :environment AND r.status = :status", { environment, status: "completed" })
      .orderBy("r.id", "DESC")
      .limit(1);
    if (runId !== null) query.andWhere("r.id < :runId", { runId });
    const row = await query.getRawOne<{ finishedAt: unknown }>();
    return row === undefined || row.finishedAt === null ? null : String(row.finishedAt);
  }

  /**
   * The anomalies of the answers ingested (or, kept pending, applied) after `sinceIso` (all of them with null) for the forms of
   * `environment`, in the order they were ingested, then by file and sequence number. Anomalies of
   * answers that matched no form are not here: the ingestion reports those. With `untilIso`, only those
   * ingested up to that time (the reports of a run rebuilt later show what the run would have shown).
   */
  async anomaliesIngestedSince(environment: string, sinceIso: string | null, untilIso: string | null = null): Promise<AnomalyReportRow[]> {
    if (sinceIso !== null && Number.isNaN(Date.parse(sinceIso))) throw new Error(`not a time stamp: "${sinceIso}"`);
    const query = this.dataSource
      .getRepository(AnomalyRow)
      .createQueryBuilder("a")
      .innerJoin(AnswerRow, "ans", "ans.id = a.answerId")
      .innerJoin(AnswerFileRow, "af", "af.id = ans.answerFileId")
      .innerJoin(DeclarationRow, "d", "d.id = a.declarationId")
      .innerJoin(BatchFileRow, "f", "f.id = d.fileId")
      .select("d.staffId", "staffId")
      .addSelect("d.formType", "formType")
      .addSelect("d.assignmentId", "assignmentId")
      .addSelect("d.referencePeriod", "referencePeriod")
      .addSelect("f.fileName", "fileName")
      .addSelect("d.sequenceNbr", "sequenceNbr")
      .addSelect("a.errorId", "errorId")
      .addSelect("a.zoneLabel", "zoneLabel")
      .addSelect("a.anomalyClass", "anomalyClass")
      .addSelect("a.tagName", "tagName")
      .addSelect("a.value", "value")
      .addSelect("d.status", "declarationStatus")
      // An answer kept pending until its file's receipt counts from when it was applied.
      .addSelect("COALESCE(ans.appliedAt, af.ingestedAt)", "ingestedAt")
      .where("d.environment = :environment", { environment })
      .orderBy("af.ingestedAt")
      .addOrderBy("f.fileName")
      .addOrderBy("d.sequenceNbr")
      .addOrderBy("a.id");
    if (sinceIso !== null) query.andWhere("(af.ingestedAt > :bound OR ans.appliedAt > :bound)", { bound: textLowerBound(sinceIso) });
    const raw = await query.getRawMany<Record<string, unknown>>();
    const since = sinceIso === null ? null : Date.parse(sinceIso);
    const until = untilIso === null ? null : Date.parse(untilIso);
    const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
    return raw
      .map((row): AnomalyReportRow => ({
        staffId: Number(row.staffId),
        formType: String(row.formType),
        assignmentId: Number(row.assignmentId),
        referencePeriod: text(row.referencePeriod),
        fileName: String(row.fileName),
        sequenceNbr: Number(row.sequenceNbr),
        errorId: String(row.errorId),
        zoneLabel: text(row.zoneLabel),
        anomalyClass: String(row.anomalyClass),
        tagName: text(row.tagName),
        value: text(row.value),
        declarationStatus: String(row.declarationStatus),
        ingestedAt: String(row.ingestedAt),
      }))
      .filter((row) => (since === null || Date.parse(row.ingestedAt) > since) && (until === null || Date.parse(row.ingestedAt) <= until));
  }

  /**
   * The tickets of the accepted forms (accepted, or accepted with warnings) in the named batch files of
   * `environment`, by `formKey(fileName, sequenceNbr)`. Forms without an accepted answer are absent.
   */
  async ticketsOfFiles(environment: string, fileNames: readonly string[]): Promise<Map<string, string>> {
    const tickets = new Map<string, string>();
    const names = [...new Set(fileNames)];
    for (let i = 0; i < names.length; i += NAMES_PER_QUERY) {
      const rows = await this.dataSource
        .getRepository(DeclarationRow)
        .createQueryBuilder("d")
        .innerJoin(BatchFileRow, "f", "f.id = d.fileId")
        .select("f.fileName", "fileName")
        .addSelect("d.sequenceNbr", "sequenceNbr")
        .addSelect("d.ticket", "ticket")
        .where("f.environment = :environment", { environment })
        .andWhere("f.fileName IN (:...names)", { names: names.slice(i, i + NAMES_PER_QUERY) })
        .andWhere("d.status IN (:...accepted)", { accepted: [...ACCEPTED_STATES] })
        .andWhere("d.ticket IS NOT NULL")
        .getRawMany<{ fileName: unknown; sequenceNbr: unknown; ticket: unknown }>();
      for (const row of rows) tickets.set(formKey(String(row.fileName), Number(row.sequenceNbr)), String(row.ticket));
    }
    return tickets;
  }
}
