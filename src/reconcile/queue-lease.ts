import type { HeldLease, LeaseStore } from '../store/types.js';
import { LeaseLostError } from './lease-lost-error.js';
import type { Log } from './types.js';

/** What a reconcile may ask of the lease it runs under. */
export interface LeaseFence {
  /** Resolves while the lease is still ours; throws LeaseLostError otherwise. */
  assertHeld(): Promise<void>;
}

/**
 * One turn of a queue lease: renewed by the scheduler's timer while the reconcile works, and
 * checked before every GitHub write. A failed renewal is remembered, so the next write stops
 * without asking the store; otherwise the store is asked (one indexed read), because the
 * lease may have been taken over since the last renewal.
 */
export class QueueLease implements LeaseFence {
  #lost = false;

  constructor(
    readonly lease: HeldLease,
    private readonly options: { leases: LeaseStore; now: () => Date; ttlMs: number; log: Log },
  ) {}

  get lost(): boolean {
    return this.#lost;
  }

  async assertHeld(): Promise<void> {
    if (!this.#lost) {
      const now = this.options.now();
      this.#lost = !(await this.options.leases.holds({ ...this.lease, now }));
    }
    if (this.#lost) throw new LeaseLostError(this.lease);
  }

  /** Extends the lease; a refusal means it lapsed or was taken: every later write stops. */
  async renew(): Promise<void> {
    if (this.#lost) return;
    const { leases, now, ttlMs, log } = this.options;
    const renewed = await leases.renew({ ...this.lease, now: now(), ttlMs });
    if (renewed.ok) return;
    this.#lost = true;
    log.warn(
      { lease: this.lease.name, holder: renewed.current?.holder },
      'could not renew the queue lease; this reconcile stops before its next write',
    );
  }
}
