import type { SluiceRuntime } from './sluice-runtime.js';
import { sweep } from './sweep.js';

/**
 * A process's sweeps, one at a time: the periodic timer and the test hook both come here, so
 * two sweeps never settle the same journal rows or reconcile the same queues side by side.
 * Discovery of labeled PRs nobody recorded runs on every `discoverEvery`-th sweep (every
 * sweep by default), which is what makes a lost `labeled` webhook cost one interval at most.
 */
export class SweepRunner {
  discoverEvery = 1;
  #count = 0;
  #busy = false;
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly runtime: SluiceRuntime) {}

  /** A sweep is running or waiting: the periodic timer skips its turn. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Runs a sweep once any running one is done; `discover` overrides the schedule. */
  run(options: { discover?: boolean } = {}): Promise<void> {
    const next = this.#tail.then(() => this.#sweep(options.discover));
    this.#tail = next.catch(() => undefined);
    return next;
  }

  async #sweep(discover: boolean | undefined): Promise<void> {
    const due = discover ?? this.#count % this.discoverEvery === 0;
    this.#count++;
    this.#busy = true;
    try {
      await this.runtime.scheduler.track(() => sweep(this.runtime, { discover: due }));
    } finally {
      this.#busy = false;
    }
  }
}
