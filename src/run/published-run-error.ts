/**
 * The run's files are out — each FI with its GO file, ready for transfer — but the run did not finish:
 * its record in the state or its reports are incomplete. Never "nothing written": the files stay, and the
 * message says what settles the rest (exit 3).
 */
export class PublishedRunError extends Error {
  override readonly name: string = "PublishedRunError";

  constructor(
    readonly files: readonly string[],
    cause: string,
    settlement: string,
  ) {
    super(
      `the run published ${files.join(", ")} with ${files.length === 1 ? "its GO file" : "their GO files"} (ready for transfer: keep them), but did not finish: ${cause}. ${settlement}`,
    );
  }
}
