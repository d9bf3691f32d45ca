/** A local folder standing for the channel (file://): rehearsals, the demo, tests without a server. */
import { copyFile, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ChannelTransport, RemoteFile } from "./channel-transport";
import { channelFailureOf, missingFolder } from "./channel-failure";

export function openFolderTransport(): ChannelTransport {
  return {
    async checkFolder(folder: string): Promise<void> {
      const found = await stat(folder).catch(() => null);
      if (!found?.isDirectory()) throw missingFolder(folder);
    },
    async list(folder: string): Promise<RemoteFile[]> {
      try {
        const entries = await readdir(folder, { withFileTypes: true });
        const files = entries.filter((e) => e.isFile());
        return Promise.all(files.map(async (e) => ({ name: e.name, size: (await stat(join(folder, e.name))).size })));
      } catch (error) {
        throw channelFailureOf(error, `listing ${folder}`);
      }
    },
    async upload(localPath: string, remotePath: string): Promise<void> {
      await copyFile(localPath, remotePath).catch((error: unknown) => {
        throw channelFailureOf(error, `putting ${remotePath}`);
      });
    },
    async uploadEmpty(remotePath: string): Promise<void> {
      await writeFile(remotePath, "").catch((error: unknown) => {
        throw channelFailureOf(error, `putting ${remotePath}`);
      });
    },
    async download(remotePath: string, localPath: string): Promise<void> {
      await copyFile(remotePath, localPath).catch((error: unknown) => {
        throw channelFailureOf(error, `getting ${remotePath}`);
      });
    },
    async close(): Promise<void> {},
  };
}
