import { userInfo } from "node:os";

/** Who started a run, for the state tables. */
export function userName(): string {
  try {
    return userInfo().username || "unknown";
  } catch {
    return process.env.USER ?? "unknown";
  }
}
