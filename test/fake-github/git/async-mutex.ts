import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A FIFO lock for one repository's writes. Re-entrant within the same async call chain, so a
 * caller can hold the lock around a compound operation (read base, compute, update-ref) and
 * still call the repo's own locking methods, and a race hook can move a ref mid-update.
 */
export class AsyncMutex {
  #tail: Promise<void> = Promise.resolve();
  #holder: symbol | undefined;
  readonly #context = new AsyncLocalStorage<symbol>();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#holder !== undefined && this.#context.getStore() === this.#holder) return fn();
    const previous = this.#tail;
    let release = (): void => {};
    this.#tail = new Promise((resolve) => (release = resolve));
    await previous;
    // A fresh token per holding: work detached inside `fn` that outlives it must queue again.
    const token = Symbol('lock');
    this.#holder = token;
    try {
      return await this.#context.run(token, fn);
    } finally {
      this.#holder = undefined;
      release();
    }
  }
}
