/**
 * A small file system of its own (tmpfs) mounted on a test's folder, to meet the faults a disk can
 * give: full (ENOSPC) or read-only (EROFS) — as root, permission bits do not stop a write, a read-only
 * mount does. Needs the right to mount (root in the CI machine); where it is missing, `mountSmallDisk`
 * says so and the test is skipped with that reason.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface SmallDisk {
  readonly path: string;
  /** Takes every free byte (a file of filler), so that the next write fails with ENOSPC. */
  fill(): void;
  /** Gives the filler's bytes back. */
  free(): void;
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

function mountCommand(args: string[]): void {
  execFileSync("mount", args, { stdio: "pipe" });
}

/** Mounts a tmpfs of `kilobytes` on `path` (created); the reason instead when mounting is not allowed here. */
export function mountSmallDisk(path: string, kilobytes: number): SmallDisk | string {
  mkdirSync(path, { recursive: true });
  try {
    mountCommand(["-t", "tmpfs", "-o", `size=${kilobytes}k,mode=0755`, "tmpfs", path]);
  } catch (error) {
    return `cannot mount a tmpfs here (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
  const filler = join(path, ".filler");
  return {
    path,
    fill() {
      const fd = openSync(filler, "a");
      const block = Buffer.alloc(4096, 0x2e);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    readOnly: () => mountCommand(["-o", "remount,ro", path]),
    writable: () => mountCommand(["-o", "remount,rw", path]),
    unmount() {
      try {
        execFileSync("umount", ["-l", path], { stdio: "pipe" });
      } catch {
        // already gone
      }
    },
  };
}
