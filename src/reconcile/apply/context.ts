import type { SluiceConfig } from '../../config/index.js';
import type { QueueMessageContext } from '../../messages/index.js';
import type { Observation } from '../observe.js';
import type { QueueKey, ReconcileDeps } from '../types.js';

/** What every applier gets: dependencies, the queue, what was observed, the valid config. */
export interface ApplyContext {
  deps: ReconcileDeps;
  queue: QueueKey;
  observation: Observation;
  config: SluiceConfig;
  messages: QueueMessageContext;
  /** Branches of stagings ended during this reconcile: deleted when the queue is left empty. */
  endedBranches: Set<string>;
}

/**
 * `done`: the effect happened as decided. `stale`: GitHub was not as observed (a ref moved,
 * an answer was lost); the reconciler re-reads before deciding anything else.
 */
export type Applied = 'done' | 'stale';
