/**
 * The temporary files of one run in its output folder: one FI file per form type with its declarations
 * spooled beside it, the decision log (decisions.jsonl to be) and the not-eligible decisions to
 * remember. All carry the run's label and are hidden (`.…partial`) until published; whatever is left
 * after a failure is removed, and a crash's leftovers by the next run's recovery.
 */
import { join } from "node:path";
import { removeQuietly } from "../files/atomic-file";
import { chunkValidator } from "../files/chunk-validator";
import { type FinishedFile, FormFileWriter } from "../files/form-file-writer";
import { RecordSpool } from "../files/record-spool";
import { formTypeModule } from "../form-types/registry";
import { FORM_TYPES, type FormType } from "../rules/decision-types";
import type { DecisionRecord } from "../state/decision-repository";
import type { DeclarationRecord } from "../state/declaration-repository";
import { DecisionLog } from "./decision-log";
import type { OpenFile } from "./person-step";
import { RunFailedError } from "./decision-pass";

export class RunFiles {
  readonly decisionLogPath: string;
  readonly decisionLog: DecisionLog;
  readonly remembered: RecordSpool<DecisionRecord>;
  private readonly open = new Map<FormType, OpenFile>();
  private readonly temporary: string[] = [];

  constructor(
    private readonly outputDir: string,
    private readonly runLabel: string,
  ) {
    this.decisionLogPath = this.temporaryPath("decisions");
    this.decisionLog = new DecisionLog(this.decisionLogPath);
    this.remembered = new RecordSpool<DecisionRecord>(this.temporaryPath("remembered"));
  }

  private temporaryPath(what: string): string {
    const path = join(this.outputDir, `.${what}.${this.runLabel}.partial`);
    this.temporary.push(path);
    return path;
  }

  /** The FI file of a form type, opened at its first form. */
  fileFor(formType: FormType): OpenFile {
    let file = this.open.get(formType);
    if (!file) {
      const writer = new FormFileWriter(this.temporaryPath(formType), formType, chunkValidator(formTypeModule(formType).xsd));
      file = { writer, declarations: new RecordSpool<DeclarationRecord>(this.temporaryPath(`${formType}.declarations`)) };
      this.open.set(formType, file);
    }
    return file;
  }

  declarationsOf(formType: FormType): RecordSpool<DeclarationRecord> {
    return this.open.get(formType)!.declarations;
  }

  /**
   * Ends every FI file, in form-type order, each validated on the way (see FormFileWriter). A file
   * whose every form was rejected (D22) holds nothing and is not written; an invalid file stops the run.
   * The spools of the declarations and of the decisions to remember are ended with them.
   */
  async finishAll(): Promise<Map<FormType, FinishedFile>> {
    const finished = new Map<FormType, FinishedFile>();
    for (const formType of FORM_TYPES) {
      const file = this.open.get(formType);
      if (!file) continue;
      if (file.writer.count === 0) {
        await this.discard(formType, file);
        continue;
      }
      const done = await file.writer.finish();
      if (!done.validation.valid) {
        const first = done.validation.errors
          .slice(0, 5)
          .map((e) => `line ${e.line}: ${e.message}`)
          .join("; ");
        throw new RunFailedError(`the ${formType} file does not validate against ${formTypeModule(formType).xsd}: ${first}`);
      }
      finished.set(formType, done);
    }
    // Every spool ended too, its last lines on disk, before anything is published: a disk that fills
    // from here on cannot take a line the state still needs.
    for (const file of this.open.values()) await file.declarations.close();
    await this.remembered.close();
    return finished;
  }

  private async discard(formType: FormType, file: OpenFile): Promise<void> {
    await file.writer.abandon();
    await file.declarations.close().catch(() => undefined);
    removeQuietly(file.writer.path);
    removeQuietly(file.declarations.path);
    this.open.delete(formType);
  }

  /** After a completed run: the spools are closed and removed (the published files have moved away). */
  async closeSpools(): Promise<void> {
    await this.remembered.close();
    for (const file of this.open.values()) await file.declarations.close();
    this.removeAll();
  }

  /** After a failure: every writer stopped, every temporary file removed; never throws. */
  async abandon(): Promise<void> {
    for (const file of this.open.values()) await file.writer.abandon().catch(() => undefined);
    for (const file of this.open.values()) await file.declarations.close().catch(() => undefined);
    await this.remembered.close().catch(() => undefined);
    await this.decisionLog.close().catch(() => undefined);
    this.removeAll();
  }

  private removeAll(): void {
    for (const path of this.temporary) removeQuietly(path);
  }
}
