import type { LeaseStore } from '../store/types.js';

/** How queue leases are held: how long one lasts unrenewed, and how often its holder renews. */
export interface LeaseSettings {
  leases: LeaseStore;
  /** A crashed holder keeps its queues (on PostgreSQL) this long. */
  ttlMs: number;
  /** A fraction of `ttlMs`: a renewal or two may fail before the lease lapses. */
  renewMs: number;
  /** Calls `tick` every `ms` until the returned function is called; tests tick by hand. */
  every(ms: number, tick: () => void): () => void;
}

export const defaultLeaseTiming = { ttlMs: 60_000, renewMs: 15_000 };

export function everyInterval(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  // A renewal timer alone must not keep a stopping process alive.
  timer.unref();
  return () => clearInterval(timer);
}
