import type { Gauge } from 'prom-client';
import type { Log } from '../reconcile/types.js';
import { activeEntryStates } from '../store/records.js';
import type { ActiveEntryCount } from '../store/types.js';

export interface QueueDepthSource {
  countActive(): Promise<ActiveEntryCount[]>;
  log: Log;
  /** `repo\nbase` of every queue seen so far: an emptied queue reports zeros, not nothing. */
  known: Set<string>;
}

/**
 * Sets the depth gauge from the store at scrape time. Every replica reads the same shared
 * store, so each reports the whole queue whoever holds its lease (aggregate with `max`, never
 * `sum`). A store that fails the read leaves the gauge empty for this scrape, so the process
 * metrics are still served and a stale depth is never reported.
 */
export async function collectQueueDepth(
  gauge: Gauge<'repo' | 'base' | 'state'>,
  source: QueueDepthSource,
): Promise<void> {
  gauge.reset();
  let counts: ActiveEntryCount[];
  try {
    counts = await source.countActive();
  } catch (error) {
    source.log.warn({ err: error }, 'could not read the queue depth for /metrics');
    return;
  }
  for (const { repo, base } of counts) source.known.add(`${repo}\n${base}`);
  for (const queue of source.known) {
    const [repo = '', base = ''] = queue.split('\n');
    for (const state of activeEntryStates) gauge.set({ repo, base, state }, 0);
  }
  for (const { repo, base, state, count } of counts) gauge.set({ repo, base, state }, count);
}
