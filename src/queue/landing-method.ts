import type { SluiceConfig } from '../config/index.js';
import type { ObservedPull, QueueSnapshot, Staging } from './types.js';

/**
 * Fast-forward landing needs every head in this repository: one atomic `updateRefs` call then
 * moves the heads and the base together. A fork's head lives in another repository, which that
 * call cannot cover; it lands through the merge API, pinned to the tested head
 * (docs/adr/0003-atomic-landing.md). The merge API writes a commit of GitHub's own, so such a
 * PR is tested alone, from the front of the queue, with nothing built on it.
 */
export function landingMethod(
  snapshot: QueueSnapshot,
  config: SluiceConfig,
  staging: Staging,
): 'fast-forward' | 'merge-api' {
  const own = staging.prs.every((p) => {
    const pull = snapshot.pulls.find((candidate) => candidate.number === p.pr);
    return pull !== undefined && canFastForward(snapshot, config, pull);
  });
  return own ? 'fast-forward' : 'merge-api';
}

/** Sluice can move this PR's head in the same call as the base. */
export function canFastForward(
  snapshot: QueueSnapshot,
  config: SluiceConfig,
  pull: ObservedPull,
): boolean {
  if (config.landing.strategy === 'merge-api') return false;
  const here = `${snapshot.repo.owner}/${snapshot.repo.repo}`.toLowerCase();
  return pull.headWritable && pull.headRepo?.toLowerCase() === here;
}
