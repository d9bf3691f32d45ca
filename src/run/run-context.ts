/**
 * Opens what a run needs — the ministry database read-only, the state database with its migrations —
 * and closes it again. The rest of the run never sees a connection.
 */
import type { AppConfig } from "../config/load-config";
import { MinistryReader } from "../source/ministry-reader";
import { openSourceDatabase } from "../source/source-database";
import { DecisionRepository } from "../state/decision-repository";
import { DeclarationRepository } from "../state/declaration-repository";
import { RunRepository } from "../state/run-repository";
import { openStateDatabase } from "../state/state-database";

export interface RunContext {
  readonly source: MinistryReader;
  readonly runs: RunRepository;
  readonly declarations: DeclarationRepository;
  readonly decisions: DecisionRepository;
  close(): Promise<void>;
}

export async function openRunContext(config: AppConfig): Promise<RunContext> {
  const state = await openStateDatabase(config.stateDatabaseUrl);
  let source;
  try {
    source = await openSourceDatabase(config.databaseUrl, { readOnly: true, naming: config.sourceNaming });
  } catch (error) {
    await state.destroy();
    throw error;
  }
  return {
    source: new MinistryReader(source),
    runs: new RunRepository(state),
    declarations: new DeclarationRepository(state),
    decisions: new DecisionRepository(state),
    async close() {
      await source.destroy();
      await state.destroy();
    },
  };
}
