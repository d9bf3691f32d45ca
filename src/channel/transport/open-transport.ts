/** Opens a session on the configured channel, trying again with back-off while it cannot be reached. */
import type { ChannelTransport } from "./channel-transport";
import { withRetries, type ChannelFailure } from "./channel-failure";
import type { ChannelSettings } from "./channel-settings";
import { openFolderTransport } from "./folder-transport";
import { openFtpsTransport } from "./ftps-transport";
import { openSftpTransport } from "./sftp-transport";

export function openTransport(
  settings: ChannelSettings,
  onRetry?: (failure: ChannelFailure, waitMs: number) => void,
): Promise<ChannelTransport> {
  const { protocol } = settings.address;
  return withRetries(
    settings.retry,
    `logging in to ${settings.address.display}`,
    async () => {
      switch (protocol) {
        case "sftp":
          return openSftpTransport(settings);
        case "ftps":
          return openFtpsTransport(settings);
        case "file":
          return openFolderTransport();
      }
    },
    onRetry,
  );
}
