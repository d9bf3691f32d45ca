import { InitialState1764000000000 } from "./1764000000000-initial-state";

/** Every state migration, oldest first. */
export const STATE_MIGRATIONS = [InitialState1764000000000];
