/** Opens a session on the configured channel (one login); the caller tries again (channel-work.ts). */
import type { ChannelTransport } from "./channel-transport";
import type { ChannelSettings } from "./channel-settings";
import { openFolderTransport } from "./folder-transport";
import { openFtpsTransport } from "./ftps-transport";
import { openSftpTransport } from "./sftp-transport";

export async function openTransport(settings: ChannelSettings): Promise<ChannelTransport> {
  switch (settings.address.protocol) {
    case "sftp":
      return openSftpTransport(settings);
    case "ftps":
      return openFtpsTransport(settings);
    case "file":
      return openFolderTransport();
  }
}
