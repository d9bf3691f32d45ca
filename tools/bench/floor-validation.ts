/**
 * The floor's validation term (issue 17): the run's own FI files validated against their schemas with the
 * validator the product uses (libxml2-wasm, src/files/xsd-worker.ts), in the chunks the product validates
 * (FORMS_PER_CHUNK forms under the file's root element), spread over one worker thread per core. A form
 * must be checked before its file gets a name, so this is work every run has to do, whatever its design.
 *
 * For reference, `xmllint --stream --schema` (libxml2 in C, one core) is timed on the same files when it is
 * installed; the product may use any validator that `npm install` alone sets up, so it is not the floor.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ValidationWorker } from "../../src/files/chunk-validator";
import { chunkDocument, FORMS_PER_CHUNK } from "../../src/files/form-file-writer";
import { formTypeModule } from "../../src/form-types/registry";
import { FORM_TYPES, type FormType } from "../../src/rules/decision-types";
import { projectRoot } from "../../src/util/project-root";

export interface ValidationFloor {
  readonly seconds: number;
  readonly files: number;
  readonly bytes: number;
  readonly chunks: number;
  readonly workers: number;
  /** `xmllint --stream --schema` on the same files, one after the other; null when xmllint is not installed. */
  readonly xmllintSeconds: number | null;
}

/** The compiled validation worker the product runs (the bench runs from dist/, where it is). */
function workerScript(): string {
  const script = join(projectRoot(), "dist", "src", "files", "xsd-worker.js");
  if (!existsSync(script)) throw new Error(`${script} is missing: npm run build first`);
  return script;
}

/** The schema of a file from its root element (`<WECH006>`): its form type's. */
function schemaOf(rootElement: string): string {
  if (!FORM_TYPES.includes(rootElement as FormType)) throw new Error(`not an FI file of a known form type: <${rootElement}>`);
  return formTypeModule(rootElement as FormType).xsd;
}

/** The chunks of an FI file as the product validates them: FORMS_PER_CHUNK forms under the root element. */
async function* chunksOf(path: string): AsyncGenerator<{ schemaName: string; xml: string }> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let root: string | null = null;
  let schemaName = "";
  let forms: string[] = [];
  let form: string[] = [];
  const chunk = () => ({ schemaName, xml: chunkDocument(root!, forms.join("")) });
  for await (const line of lines) {
    if (root === null) {
      const opening = /^<([A-Z0-9]+)>$/.exec(line.trim());
      if (opening) schemaName = schemaOf((root = opening[1]));
      continue;
    }
    form.push(line, "\n");
    if (line.trim() !== "</Form>") continue;
    forms.push(form.join(""));
    form = [];
    if (forms.length === FORMS_PER_CHUNK) {
      yield chunk();
      forms = [];
    }
  }
  if (forms.length > 0) yield chunk();
}

/** Validates `files` over `workers` threads; throws when a chunk is not valid (the run's files must be). */
export async function floorValidate(files: readonly string[], workers = availableParallelism()): Promise<ValidationFloor> {
  const script = workerScript();
  const started = process.hrtime.bigint();
  const pool = Array.from({ length: workers }, () => new ValidationWorker(script));
  const inFlight = new Set<Promise<void>>();
  const failures: string[] = [];
  let chunks = 0;
  try {
    for (const file of files) {
      for await (const { schemaName, xml } of chunksOf(file)) {
        // At most two chunks waiting per worker, so that the files are never all in memory.
        while (Math.min(...pool.map((v) => v.waiting)) >= 2) await Promise.race(inFlight);
        const validator = pool.reduce((a, b) => (b.waiting < a.waiting ? b : a));
        const id = ++chunks;
        const verdict = validator.validate(schemaName, xml).then(
          (result) => {
            inFlight.delete(verdict);
            if (!result.valid) failures.push(`${file}: chunk ${id}: ${result.errors[0]?.message}`);
          },
          (error: Error) => {
            inFlight.delete(verdict);
            failures.push(`${file}: chunk ${id}: ${error.message}`);
          },
        );
        inFlight.add(verdict);
      }
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.all(pool.map((validator) => validator.stop()));
  }
  if (failures.length > 0) throw new Error(`the run's files are not valid: ${failures.slice(0, 3).join("; ")}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const bytes = files.reduce((n, file) => n + statSync(file).size, 0);
  return { seconds, files: files.length, bytes, chunks, workers, xmllintSeconds: xmllintSeconds(files) };
}

/** `xmllint --stream --noout --schema` on each file, one after the other, when xmllint is installed. */
function xmllintSeconds(files: readonly string[]): number | null {
  if (spawnSync("xmllint", ["--version"]).status !== 0) return null;
  const started = process.hrtime.bigint();
  for (const file of files) {
    const root = /<([A-Z0-9]+)>/.exec(spawnSync("head", ["-c", "200", file], { encoding: "utf8" }).stdout)?.[1] ?? "";
    const schema = join(projectRoot(), "schemas", schemaOf(root));
    const result = spawnSync("xmllint", ["--stream", "--noout", "--schema", schema, file], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`xmllint: ${file} is not valid: ${result.stderr.slice(0, 500)}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
