/**
 * Which easr this is: the package version and the git commit it was built from (dist/build-info.json,
 * written by `npm run build`; "unknown" when the build did not record one, e.g. under ts-node).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./project-root";

export interface BuildInfo {
  readonly version: string;
  readonly commit: string;
}

let cached: BuildInfo | undefined;

function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function buildInfo(): BuildInfo {
  if (!cached) {
    const version = readJson(join(projectRoot(), "package.json"))?.version;
    const commit = readJson(join(projectRoot(), "dist", "build-info.json"))?.commit;
    cached = { version: typeof version === "string" ? version : "unknown", commit: typeof commit === "string" ? commit : "unknown" };
  }
  return cached;
}

/** `easr 0.1.0 (commit 884b47ddffb7)`: for --version, the audit trail, the summary and the log. */
export function versionLine(): string {
  const { version, commit } = buildInfo();
  return `easr ${version} (commit ${commit})`;
}
