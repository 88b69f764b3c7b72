/**
 * Runs changes to the index one after another: an update never interleaves with a reload,
 * and a failed change does not stop the ones queued behind it.
 */
export class UpdateQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
