import type { RefWrite } from '../../../github/port.js';
import { journaled, type JournalStatus } from '../../journal.js';
import type { ApplyContext, Applied } from '../context.js';
import type { Land } from './land.js';
import { landFailed, landed } from './land-outcome.js';

export const refStatus = (r: RefWrite): JournalStatus =>
  r.kind === 'ok' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed';

/**
 * Fast-forward landing where GitHub has no `updateRefs` (GHES before 3.16): move the PR head to
 * S (so GitHub sees the head reachable from base and marks the PR merged), then fast-forward
 * the base to S with `force: false`, a compare-and-swap. The path repairs itself: the journal
 * holds the author's head before it moves; if the base moved on, the head is put back here, and
 * if this process dies or loses an answer in between, the next decision either finishes the
 * landing (base unmoved: the head at S is ours) or emits `restore-head` (base moved on).
 */
export async function landInTwoSteps(
  ctx: ApplyContext,
  effect: Land,
  pull: { headRef: string; headSha: string },
): Promise<Applied> {
  const { deps, queue } = ctx;
  const { staging } = effect;
  const head = `refs/heads/${pull.headRef}`;
  if (pull.headSha !== staging.sha) {
    const moved = await journaled(
      deps,
      {
        kind: 'update-ref',
        target: `${queue.repo}:${head}`,
        expectedOld: pull.headSha,
        newValue: staging.sha,
        stagingId: Number(staging.id),
        key: `land-head:${staging.id}`,
      },
      () => deps.github.setBranch(pull.headRef, staging.sha, { force: true }),
      refStatus,
    );
    if (moved.kind === 'rejected' || moved.kind === 'missing')
      return landFailed(
        ctx,
        staging.id,
        `the head branch ${pull.headRef} could not be moved to the tested commit (${moved.kind === 'missing' ? 'it no longer exists' : moved.message})`,
      );
    if (moved.kind !== 'ok') return 'stale';
  }
  const base = await journaled(
    deps,
    {
      kind: 'update-ref',
      target: `refs/heads/${queue.base}`,
      expectedOld: staging.baseSha,
      newValue: staging.sha,
      stagingId: Number(staging.id),
      key: `land-base:${staging.id}`,
    },
    () => deps.github.setBranch(queue.base, staging.sha, { force: false }),
    refStatus,
  );
  if (base.kind === 'ok') return landed(ctx, staging.sha);
  // Unknown: the next observation tells whether the base moved to S; rejected: it moved on,
  // and the next decision puts the head back (`restore-head`) before rebuilding.
  deps.cache.forgetBase(queue.base);
  deps.cache.forgetPull(staging.prs[0]!.pr);
  return 'stale';
}
