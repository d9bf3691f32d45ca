/**
 * The one way an INSZ is kept in the state: its SHA-256. A declaration keeps the hash of its person's
 * INSZ (`easr_declaration.insz_hash`), a notification kept pending the hash of its INSS
 * (`easr_answer.insz_hash`), so that an answer is matched to the person without the INSZ being stored.
 */
import { createHash } from "node:crypto";

/** The SHA-256 (hex) of an INSZ. */
export function inszHash(insz: string): string {
  return createHash("sha256").update(insz).digest("hex");
}
