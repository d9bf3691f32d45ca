/** The built `easr` program (bin/easr.js) as a real process, for the tests that kill it (SIGKILL) on the way. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../../src/util/project-root";

export const BIN = join(projectRoot(), "bin", "easr.js");

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `easr --quiet <args>` with these variables added to the environment, to its end. */
export function easrProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "--quiet", ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
