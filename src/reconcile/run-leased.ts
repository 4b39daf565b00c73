import type { HeldLease } from '../store/types.js';
import { LeaseLostError } from './lease-lost-error.js';
import { QueueLease, type LeaseFence } from './queue-lease.js';
import type { LeaseSettings } from './lease-settings.js';
import type { Log, QueueKey } from './types.js';

export type RunQueue = (queue: QueueKey, lease: LeaseFence) => Promise<void>;

export interface LeasedRunOptions extends LeaseSettings {
  holder: string;
  now: () => Date;
  log: Log;
  /** Stop before another turn: the process is shutting down. */
  closed(): boolean;
  /** Told when this replica takes the queue's lease and when it lets go (the metrics). */
  onLease?: (queue: QueueKey, held: boolean) => void;
}

/** The queue's lease name, shared with `sluice doctor`. */
export function queueLeaseName(queue: QueueKey): string {
  return `reconcile:${queue.repo}:${queue.base}`;
}

/**
 * One reconcile under the queue's lease, on any replica. A replica turned away by a busy
 * lease leaves a run-again mark for the holder instead of dropping the request; the holder
 * renews while it works, stops before a write once the lease is no longer its own, and before
 * letting go runs again for every mark left meanwhile.
 */
export async function runLeased(
  queue: QueueKey,
  run: RunQueue,
  options: LeasedRunOptions,
): Promise<void> {
  const { leases, log, now, ttlMs } = options;
  const lease = await acquireOrLeaveMark(queue, options);
  if (!lease) return;
  const held = new QueueLease(lease, { leases, now, ttlMs, log });
  options.onLease?.(queue, true);
  const stop = options.every(options.renewMs, () => {
    held.renew().catch((error: unknown) => log.warn({ err: error }, 'lease renewal failed'));
  });
  try {
    for (;;) {
      try {
        await run(queue, held);
      } catch (error) {
        if (error instanceof LeaseLostError) {
          log.warn({ ...queue, err: error }, 'lost the queue lease; the new holder carries on');
          return;
        }
        log.error({ ...queue, err: error }, 'reconcile failed; the next trigger or sweep retries');
      }
      if (held.lost) return;
      const next = await leases
        .handOver({ ...lease, now: now(), ttlMs })
        .catch((error: unknown) => {
          log.warn({ ...queue, err: error }, 'could not hand the queue lease over; it expires');
          return 'lost' as const;
        });
      if (next !== 'run-again') return;
      if (options.closed()) {
        // The mark is cleared but not acted on: the next start-up or sweep covers it.
        await leases.release(lease);
        return;
      }
      log.debug({ ...queue }, 'running again: another replica asked while this one held the queue');
    }
  } finally {
    stop();
    options.onLease?.(queue, false);
  }
}

async function acquireOrLeaveMark(
  queue: QueueKey,
  options: LeasedRunOptions,
): Promise<HeldLease | undefined> {
  const { leases, log, now, holder, ttlMs } = options;
  const name = queueLeaseName(queue);
  // The holder may release between our two statements: then the lease is free, try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const taken = await leases.acquire({ name, holder, now: now(), ttlMs });
    if (taken.ok) return { name, holder, generation: taken.lease.generation };
    if (await leases.requestRun({ name, now: now() })) {
      log.info(
        { ...queue, holder: taken.current?.holder },
        'another replica is reconciling this queue; it will run again for this request',
      );
      return undefined;
    }
  }
  log.warn({ ...queue }, 'could neither take the queue lease nor leave its holder a mark');
  return undefined;
}
