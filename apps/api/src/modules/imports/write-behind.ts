/**
 * Keeps one database write in flight while the caller prepares the next
 * batch, so PostgreSQL and this process work at the same time (there are two
 * cores) instead of in turns. A failed write is thrown at the next `push` or
 * at `flush`, never left as an unhandled rejection.
 */
export class WriteBehind {
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  /** Waits for the write in flight, then starts this one without waiting for it. */
  async push(write: () => Promise<unknown>): Promise<void> {
    await this.flush();
    this.pending = write().then(
      () => undefined,
      (error: unknown) => {
        this.failure = { error };
      },
    );
    // Give the write a turn to reach the socket before the caller takes the CPU for its next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Waits for the write in flight; throws if it failed. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.failure) throw this.failure.error;
  }
}
