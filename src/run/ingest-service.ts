/**
 * The one way answers are ingested — by `easr ingest` and the demo: under the run lock (a run deciding
 * corrections must not read states half-way through an ingest), every answer file of a folder.
 */
import { hostname } from "node:os";
import { type IngestSummary, ingestAnswers } from "../channel/ingest";
import type { AppConfig } from "../config/load-config";
import type { Clock } from "../util/brussels-clock";
import { openStateContext } from "./run-context";

export async function ingestFolder(
  dir: string,
  config: AppConfig,
  deps: { readonly clock: Clock; readonly actor: string },
): Promise<IngestSummary> {
  const context = await openStateContext(config, {
    runLock: { waitSeconds: config.lockWaitSeconds, holder: `${deps.actor} ingest` },
    existing: true,
  });
  try {
    return await ingestAnswers({
      dir,
      environment: config.environment,
      state: context,
      clock: deps.clock,
      actor: deps.actor,
      host: hostname(),
    });
  } finally {
    await context.close();
  }
}
