/**
 * What the adapter does on the batch channel, whatever the protocol: list a folder, put a file, put an
 * empty file, get a file. One transport is one session (one login); `close` ends it. Paths are the
 * channel's, made by `channelPath`. Every failure is a ChannelFailure (channel-failure.ts).
 */
export interface RemoteFile {
  readonly name: string;
  readonly size: number;
}

export interface ChannelTransport {
  /** Fails with a `missing-folder` ChannelFailure when the folder is not there. */
  checkFolder(folder: string): Promise<void>;
  /** The plain files of a folder (no sub-folders, no links). */
  list(folder: string): Promise<RemoteFile[]>;
  /** Puts the local file at the remote path, replacing what is there. */
  upload(localPath: string, remotePath: string): Promise<void>;
  /** Puts an empty file (GO, TD) at the remote path. */
  uploadEmpty(remotePath: string): Promise<void>;
  /** Gets the remote file into the local path (the caller makes it the final file). */
  download(remotePath: string, localPath: string): Promise<void>;
  close(): Promise<void>;
}
