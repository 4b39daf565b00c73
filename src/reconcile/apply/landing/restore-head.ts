import type { Effect } from '../../../queue/effects.js';
import { journaled } from '../../journal.js';
import type { ApplyContext, Applied } from '../context.js';
import { refStatus } from './land-in-two-steps.js';

type RestoreHead = Extract<Effect, { kind: 'restore-head' }>;

/**
 * Puts an author's head back to the commit that was queued, after a two-step landing moved it
 * to the staging commit and the base never followed. Read fresh first: only a head still at
 * our staging commit is moved (a contributor's push since then is theirs, and stays). Only the
 * two-step path (hosts without `updateRefs`) can leave a head behind like this.
 */
export async function applyRestoreHead(ctx: ApplyContext, effect: RestoreHead): Promise<Applied> {
  const { deps, queue } = ctx;
  const details = await deps.github.getPull(effect.pr);
  deps.cache.forgetPull(effect.pr);
  if (!details || details.pull.headSha !== effect.from) return 'stale';
  const { headRef } = details.pull;
  const ref = `refs/heads/${headRef}`;
  const restored = await journaled(
    deps,
    {
      kind: 'update-ref',
      target: `${queue.repo}:${ref}`,
      expectedOld: effect.from,
      newValue: effect.to,
      stagingId: Number(effect.stagingId),
      key: `restore-head:${effect.stagingId}:${effect.pr}`,
    },
    () => deps.github.setBranch(headRef, effect.to, { force: true }),
    refStatus,
  );
  deps.log.info(
    { repo: queue.repo, pr: effect.pr, to: effect.to, outcome: restored.kind },
    'put the author’s head back after a landing that did not finish',
  );
  return restored.kind === 'ok' ? 'done' : 'stale';
}
