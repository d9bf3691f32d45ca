/**
 * Run after `tsc` by `npm run build` (and so by `npm install`'s prepare): writes dist/build-info.json with
 * the git commit the program was built from — `unknown` outside a git checkout — for `easr --version`, the
 * audit trail and the log (src/util/build-info.ts).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../src/util/project-root";

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: projectRoot(), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

const commit = git(["rev-parse", "--short=12", "HEAD"]);
const dirty = commit !== null && (git(["status", "--porcelain", "--untracked-files=no"]) ?? "") !== "";
writeFileSync(
  join(projectRoot(), "dist", "build-info.json"),
  `${JSON.stringify({ commit: commit === null ? "unknown" : `${commit}${dirty ? "-dirty" : ""}` })}\n`,
);
