/** Something a wait watches: a request log, a delivery list, an app's log. */
export interface ProgressSource {
  /** How a message names it: "API request", "app log". */
  name: string;
  /** Its latest state, in words: any change of it is progress. */
  read(): string;
}

/**
 * Remembers when any watched source last changed and what the change was, so a wait can fail
 * on a stall (nothing moved for a long time) rather than on elapsed time, and say what moved
 * last.
 */
export class ProgressWatch {
  readonly #now: () => number;
  #seen: string[];
  #at: number;
  #last = 'nothing moved since the wait began';

  constructor(
    private readonly sources: ProgressSource[],
    now: () => number = Date.now,
  ) {
    this.#now = now;
    this.#seen = sources.map((s) => s.read());
    this.#at = now();
  }

  /** Reads every source; true when one of them moved since the last look. */
  observe(): boolean {
    let moved = false;
    this.sources.forEach((source, i) => {
      const state = source.read();
      if (state === this.#seen[i]) return;
      this.#seen[i] = state;
      this.#last = `${source.name}: ${state}`;
      moved = true;
    });
    if (moved) this.#at = this.#now();
    return moved;
  }

  /** How long nothing has moved. */
  get quietMs(): number {
    return this.#now() - this.#at;
  }

  /** The last change seen and how long ago, for a message a person reads. */
  describeLast(): string {
    return `${this.#last} (${(this.quietMs / 1000).toFixed(1)} s ago)`;
  }
}
