/**
 * The life of a batch file and of each declaration in it, as an explicit table of allowed transitions.
 * A file: written, then received or rejected by the channel's file receipt (ACRF). A
 * declaration: written, then its file received or rejected, then accepted (with or without warnings) or
 * refused by its notification (NOTI); an accepted one is later superseded by an accepted modification or
 * cancelled by an accepted cancellation. Anything else is an error naming both states.
 */
export const FILE_STATES = ["pending", "written", "received", "rejected", "abandoned"] as const;
export type FileState = (typeof FILE_STATES)[number];

export const DECLARATION_STATES = [
  "pending",
  "written",
  "file-received",
  "file-rejected",
  "accepted",
  "accepted-with-warnings",
  "refused",
  "superseded",
  "cancelled",
  "abandoned",
] as const;
export type DeclarationState = (typeof DECLARATION_STATES)[number];

export const FILE_TRANSITIONS: Readonly<Record<FileState, readonly FileState[]>> = {
  pending: ["written", "abandoned"],
  written: ["received", "rejected"],
  received: [],
  rejected: [],
  abandoned: [],
};

export const DECLARATION_TRANSITIONS: Readonly<Record<DeclarationState, readonly DeclarationState[]>> = {
  pending: ["written", "abandoned"],
  written: ["file-received", "file-rejected"],
  "file-received": ["accepted", "accepted-with-warnings", "refused"],
  "file-rejected": [],
  accepted: ["superseded", "cancelled"],
  "accepted-with-warnings": ["superseded", "cancelled"],
  refused: [],
  superseded: [],
  cancelled: [],
  abandoned: [],
};

export class IllegalTransitionError extends Error {
  override readonly name: string = "IllegalTransitionError";
}

function check<S extends string>(table: Readonly<Record<S, readonly S[]>>, what: string, from: string, to: S): void {
  if (!Object.prototype.hasOwnProperty.call(table, from))
    throw new IllegalTransitionError(`${what}: unknown state "${from}" (going to "${to}")`);
  if (!table[from as S].includes(to)) throw new IllegalTransitionError(`${what}: cannot go from "${from}" to "${to}"`);
}

export function checkFileTransition(what: string, from: string, to: FileState): void {
  check(FILE_TRANSITIONS, what, from, to);
}

export function checkDeclarationTransition(what: string, from: string, to: DeclarationState): void {
  check(DECLARATION_TRANSITIONS, what, from, to);
}

/** States in which a declaration stands at social security or may still: it must not be sent again as an original. */
export const STANDING_STATES: readonly DeclarationState[] = ["pending", "written", "file-received", "accepted", "accepted-with-warnings"];

/** States whose answer has not come yet: such a form is not corrected until it has. */
export const WAITING_STATES: readonly DeclarationState[] = ["pending", "written", "file-received"];

/** Accepted: the form's ticket may be referenced by a modification or cancellation. */
export const ACCEPTED_STATES: readonly DeclarationState[] = ["accepted", "accepted-with-warnings"];
