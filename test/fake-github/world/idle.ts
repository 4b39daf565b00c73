/**
 * Tracks background work (deliveries, CI steps) so a test can wait until the stand-in has
 * nothing left in flight.
 */
export class Idle {
  readonly #pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work)).catch(() => undefined);
    return work;
  }

  get busy(): boolean {
    return this.#pending.size > 0;
  }

  /** Resolves once nothing is pending, including work started while waiting. */
  async wait(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
