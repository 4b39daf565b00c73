import type { Effect } from '../queue/effects.js';
import type { Applied } from './apply/context.js';
import type { Observation } from './observe.js';
import type { QueueKey } from './types.js';

/** One effect the orchestrator applied, with the observation it was decided on. */
export interface AppliedEffect {
  queue: QueueKey;
  effect: Effect;
  applied: Applied;
  observation: Observation;
  /** The reconcile's clock when the effect was applied. */
  at: Date;
}

/**
 * What the orchestrator tells whoever watches it (the metrics). A watcher handles its own
 * failures: nothing it does may fail or change a reconcile.
 */
export interface ReconcileEvents {
  effectApplied(event: AppliedEffect): Promise<void>;
}
