import type { HeldLease } from '../store/types.js';

/**
 * A reconcile's queue lease is no longer its own (it lapsed, or another replica took it over):
 * thrown before the next GitHub write, so two replicas never act on one queue at once. The
 * reconcile ends there; the new holder observes afresh and carries on.
 */
export class LeaseLostError extends Error {
  constructor(
    readonly lease: HeldLease,
    options?: { cause?: unknown },
  ) {
    super(
      `${lease.holder} no longer holds ${lease.name} (generation ${lease.generation}): ` +
        'it lapsed or another replica took it over, so this reconcile stops before writing.',
      options,
    );
    this.name = 'LeaseLostError';
  }
}
