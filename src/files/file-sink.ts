/**
 * A text file written through a buffered stream whose failures reach the writer: the stream's first
 * error (disk full, a folder gone read-only) is kept and thrown by the next write or by `end`, instead
 * of surfacing as an unhandled 'error' event that kills the process with a raw stack trace and leaves
 * the run `running`.
 *
 * Small texts (a line of the decision record, a spooled record) are joined into pieces of about 64 KiB
 * before they go to the stream: handed over one by one, each would be a write of its own to the file
 * system — at half a million lines a month, seconds of the main thread.
 */
import type { WriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { createPrivateWriteStream } from "./file-modes";

/** Characters joined before they are handed to the stream. */
const PIECE_CHARS = 1 << 16;

export class FileSink {
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  /** Texts queued and not yet handed to the stream, and their length. */
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(readonly path: string) {
    this.stream = createPrivateWriteStream(path, { encoding: "utf8" });
    this.stream.on("error", (error) => {
      this.failure ??= error;
    });
  }

  /** Queues `text`; when the buffer is full, waits until it drains. Throws the stream's first error. */
  async write(text: string): Promise<void> {
    if (!this.queue(text)) await this.drained();
  }

  /** Waits until the buffer has drained (after `queue` said it was full). Throws the stream's first error. */
  async drained(): Promise<void> {
    this.throwIfFailed();
    if (this.stream.writableNeedDrain) await once(this.stream, "drain").catch((error: unknown) => this.rethrow(error));
  }

  /** Queues `text` without waiting; false when the buffer is full (then `write` the next text). Throws the stream's first error. */
  queue(text: string): boolean {
    this.throwIfFailed();
    this.pending.push(text);
    this.pendingChars += text.length;
    return this.pendingChars < PIECE_CHARS || this.handOver();
  }

  /** Hands what is queued to the stream as one piece; false when the stream's buffer is full. */
  private handOver(): boolean {
    const piece = this.pending.length === 1 ? this.pending[0] : this.pending.join("");
    this.pending = [];
    this.pendingChars = 0;
    return this.stream.write(piece);
  }

  /** Ends the file and waits until every byte is handed to the file system; throws the stream's first error. */
  async end(): Promise<void> {
    this.throwIfFailed();
    if (this.pendingChars > 0) this.handOver();
    if (!this.stream.writableEnded) this.stream.end();
    await finished(this.stream).catch((error: unknown) => this.rethrow(error));
    this.throwIfFailed();
  }

  /** Stops writing whatever the state (the caller removes the file); never throws. */
  async discard(): Promise<void> {
    this.pending = [];
    this.pendingChars = 0;
    if (this.stream.closed) return;
    this.stream.destroy();
    await once(this.stream, "close").catch(() => undefined);
  }

  private rethrow(error: unknown): never {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    this.throwIfFailed();
    throw error;
  }

  private throwIfFailed(): void {
    if (this.failure) throw new Error(`writing ${this.path} failed: ${this.failure.message}`);
  }
}
