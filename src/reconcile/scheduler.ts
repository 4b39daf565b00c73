import { randomUUID } from 'node:crypto';
import type { LeaseStore } from '../store/types.js';
import type { Log, QueueKey } from './types.js';

export type RunQueue = (queue: QueueKey) => Promise<void>;

interface Slot {
  running: Promise<void> | undefined;
  /** Something asked again while a run was in progress: run once more afterwards. */
  again: boolean;
}

/**
 * Runs reconciles one queue at a time. Requests for a queue that is already being reconciled
 * coalesce into one follow-up run (a burst of webhooks costs two runs, not twenty). Across
 * replicas a lease in the store makes sure only one process reconciles a queue; a replica
 * that cannot get it leaves the work to the holder (which will re-observe anyway).
 */
export class ReconcileScheduler {
  readonly #slots = new Map<string, Slot>();
  readonly #holder = `sluice-${process.pid}-${randomUUID().slice(0, 8)}`;
  #inFlight = 0;
  #closed = false;

  constructor(
    private readonly run: RunQueue,
    private readonly options: { leases: LeaseStore; now(): Date; log: Log; leaseMs?: number },
  ) {}

  /** True when nothing is running or waiting: what `/sluice/health` reports as idle. */
  get idle(): boolean {
    return this.#inFlight === 0;
  }

  schedule(queue: QueueKey, reason: string): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const key = `${queue.repo}:${queue.base}`;
    const slot = this.#slots.get(key) ?? { running: undefined, again: false };
    this.#slots.set(key, slot);
    this.options.log.debug({ ...queue, reason }, 'reconcile scheduled');
    if (slot.running) {
      slot.again = true;
      return slot.running;
    }
    this.#inFlight++;
    slot.running = this.#loop(queue, slot).finally(() => {
      slot.running = undefined;
      this.#inFlight--;
    });
    return slot.running;
  }

  async #loop(queue: QueueKey, slot: Slot): Promise<void> {
    do {
      slot.again = false;
      await this.#runLeased(queue);
    } while (slot.again && !this.#closed);
  }

  async #runLeased(queue: QueueKey): Promise<void> {
    const name = `reconcile:${queue.repo}:${queue.base}`;
    const ttlMs = this.options.leaseMs ?? 120_000;
    const { leases, log } = this.options;
    const lease = await leases.acquire({
      name,
      holder: this.#holder,
      now: this.options.now(),
      ttlMs,
    });
    if (!lease.ok) {
      log.info(
        { ...queue, holder: lease.current?.holder },
        'another replica is reconciling this queue',
      );
      return;
    }
    try {
      await this.run(queue);
    } catch (error) {
      log.error({ ...queue, err: error }, 'reconcile failed; the next trigger or sweep retries');
    } finally {
      await leases.release({ name, holder: this.#holder }).catch(() => undefined);
    }
  }

  /** Stops taking work and waits for what is running (graceful shutdown). */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled(
      [...this.#slots.values()].flatMap((s) => (s.running ? [s.running] : [])),
    );
  }
}
