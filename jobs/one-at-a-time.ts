/**
 * One job at a time in the scheduler's process: a month run and a channel tick never overlap, the one
 * that comes second waits for the first. (Other processes are kept apart by the run lock.)
 */
export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
