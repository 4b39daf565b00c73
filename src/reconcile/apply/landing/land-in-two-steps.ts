import type { LandingView, RefWrite } from '../../../github/port.js';
import { journaled, type JournalStatus } from '../../journal.js';
import type { ApplyContext, Applied } from '../context.js';
import type { Land } from './land.js';
import { landFailed, landed } from './land-outcome.js';

export const refStatus = (r: RefWrite): JournalStatus =>
  r.kind === 'ok' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed';

/**
 * Fast-forward landing where GitHub has no `updateRefs` (GHES before 3.16): move each PR head
 * to its squash commit (so GitHub sees it reachable from the base and marks the PR merged),
 * then fast-forward the base to the last tip with `force: false`, a compare-and-swap. The
 * path repairs itself: the journal holds each author's head before it moves; if a head cannot
 * move the landing fails and heads already moved are put back by the next decision
 * (`restore-head`, the base having not followed), as they are if this process dies or loses
 * an answer in between and the base moves on; with the base unmoved, a head at its squash
 * commit is ours and the landing is finished.
 */
export async function landInTwoSteps(
  ctx: ApplyContext,
  effect: Land,
  view: LandingView,
): Promise<Applied> {
  const { deps, queue } = ctx;
  const front = effect.stagings[0]!;
  const tip = effect.stagings.at(-1)!;
  const members = effect.stagings.flatMap((s) => s.prs);
  for (const [i, member] of members.entries()) {
    const pull = view.pulls[i]!;
    if (pull.headSha === member.commitSha) continue;
    const head = `refs/heads/${pull.headRef}`;
    const moved = await journaled(
      deps,
      {
        kind: 'update-ref',
        target: `${queue.repo}:${head}`,
        expectedOld: pull.headSha,
        newValue: member.commitSha,
        stagingId: Number(tip.id),
        key: `land-head:${tip.id}:${member.pr}`,
      },
      () => deps.github.setBranch(pull.headRef, member.commitSha, { force: true }),
      refStatus,
    );
    if (moved.kind === 'rejected' || moved.kind === 'missing')
      return landFailed(
        ctx,
        stagingOf(effect, member.pr).id,
        `the head branch ${pull.headRef} could not be moved to the tested commit (${moved.kind === 'missing' ? 'it no longer exists' : moved.message})`,
      );
    if (moved.kind !== 'ok') return 'stale';
  }
  const base = await journaled(
    deps,
    {
      kind: 'update-ref',
      target: `refs/heads/${queue.base}`,
      expectedOld: front.baseSha,
      newValue: tip.sha,
      stagingId: Number(tip.id),
      key: `land-base:${tip.id}`,
    },
    () => deps.github.setBranch(queue.base, tip.sha, { force: false }),
    refStatus,
  );
  if (base.kind === 'ok') return landed(ctx, tip.sha, members);
  // Unknown: the next observation tells whether the base moved to the tip; rejected: it moved
  // on, and the next decision puts the heads back (`restore-head`) before rebuilding.
  deps.cache.forgetBase(queue.base);
  for (const member of members) deps.cache.forgetPull(member.pr);
  return 'stale';
}

function stagingOf(effect: Land, pr: number): Land['stagings'][number] {
  return effect.stagings.find((s) => s.prs.some((p) => p.pr === pr))!;
}
