/** The channel as configured (EASR_CHANNEL_*), checked at start-up by src/config/channel-config.ts. */
import type { ChannelAddress } from "./channel-address";
import type { RetryPolicy } from "./channel-failure";

export interface ChannelSettings {
  readonly address: ChannelAddress;
  /** EASR_CHANNEL_PASSWORD, else the URL's. */
  readonly password?: string;
  /** EASR_CHANNEL_KEY: the SSH private key (sftp). */
  readonly privateKey?: Buffer;
  /** EASR_CHANNEL_KEY_PASSPHRASE. */
  readonly keyPassphrase?: string;
  /** EASR_CHANNEL_HOST_KEY: the SFTP server's host key fingerprints, `SHA256:…` as ssh-keygen -l prints them. */
  readonly hostKeys?: readonly string[];
  /** EASR_CHANNEL_CA: the certificate(s) the FTPS server's is checked against, PEM; default the system's. */
  readonly serverCa?: Buffer;
  readonly retry: RetryPolicy;
  /** Seconds a connection may take to open, and an operation may stay silent. */
  readonly timeoutSeconds: number;
}
