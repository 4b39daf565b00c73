/**
 * The stand-in's virtual clock: timestamps and CI durations use it, so tests are
 * deterministic. JWT checks use the real clock (the app signs with it).
 */
export class VirtualClock {
  #now: number;
  readonly #listeners = new Set<(now: Date) => void>();

  constructor(start: Date = new Date('2026-01-05T09:00:00Z')) {
    this.#now = start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** Moves time forward and lets listeners (the CI engine) fire whatever became due. */
  advance(ms: number): Date {
    if (ms < 0) throw new RangeError('the clock only moves forward');
    this.#now += ms;
    const now = this.now();
    for (const listener of this.#listeners) listener(now);
    return now;
  }

  /** Keeps timestamps strictly increasing across events that happen "at once". */
  tick(): Date {
    this.#now += 1000;
    return this.now();
  }

  onAdvance(listener: (now: Date) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
