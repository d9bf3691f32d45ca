import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

let cached: string | undefined;

/** The folder holding package.json, whether the code runs from src/ (ts-node) or dist/src/ (built). */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  cached = dir;
  return dir;
}
