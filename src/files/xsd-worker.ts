/**
 * The XSD validation worker thread: validates documents sent by {@link ChunkValidator} against a
 * schema of `schemas/` (compiled once per name) and answers with the errors, so that libxml2's work
 * runs beside the monthly run's deciding and writing instead of after it.
 */
import { parentPort } from "node:worker_threads";
import { loadXsd } from "./xsd-validator";

export interface ValidationRequest {
  readonly id: number;
  readonly schemaName: string;
  readonly xml: string;
}

export type ValidationAnswer =
  | { readonly id: number; readonly valid: boolean; readonly errors: { line: number; message: string }[] }
  | { readonly id: number; readonly failure: string };

parentPort?.on("message", (request: ValidationRequest) => {
  loadXsd(request.schemaName)
    .then((schema) => {
      const result = schema.validateString(request.xml);
      parentPort!.postMessage({ id: request.id, valid: result.valid, errors: result.errors } satisfies ValidationAnswer);
    })
    .catch((error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        failure: error instanceof Error ? error.message : String(error),
      } satisfies ValidationAnswer),
    );
});
