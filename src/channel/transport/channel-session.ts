/**
 * One login on the channel, opened when first needed and opened again after a failure broke it: a
 * retry starts on a fresh connection.
 */
import type { ChannelTransport } from "./channel-transport";
import type { ChannelSettings } from "./channel-settings";
import { openTransport } from "./open-transport";

export class ChannelSession {
  private current: Promise<ChannelTransport> | null = null;

  constructor(private readonly settings: ChannelSettings) {}

  transport(): Promise<ChannelTransport> {
    if (!this.current) {
      const opening = openTransport(this.settings);
      opening.catch(() => {
        if (this.current === opening) this.current = null;
      });
      this.current = opening;
    }
    return this.current;
  }

  /** Drops the current login (closed in the background); the next `transport()` logs in again. */
  reset(): void {
    const old = this.current;
    this.current = null;
    void old?.then((t) => t.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    const old = this.current;
    this.current = null;
    if (old) await (await old.catch(() => null))?.close();
  }
}
