import type { AtomicRefWrite, LandingView, RefUpdate } from '../../../github/port.js';
import { journaled, type JournalStatus } from '../../journal.js';
import type { ApplyContext, Applied } from '../context.js';
import type { Land } from './land.js';
import { landed } from './land-outcome.js';

const atomicStatus = (r: AtomicRefWrite): JournalStatus =>
  r.kind === 'ok' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed';

/**
 * One `updateRefs` call moves every PR head to the staging commit and fast-forwards the base
 * to it, each only if it is still where the decision saw it: the head at the commit that was
 * queued and tested (a contributor's push in between rejects the whole call, and nothing is
 * lost), the base at the staging commit's parent. All or nothing, so no crash or lost answer
 * can leave a head moved without the base. The journal row is keyed on the base: the call
 * happened exactly when the base is at the staging commit.
 */
export async function landAtomically(
  ctx: ApplyContext,
  effect: Land,
  view: LandingView,
): Promise<Applied | 'unsupported'> {
  const { deps, queue } = ctx;
  const { staging } = effect;
  const heads: RefUpdate[] = staging.prs
    .filter((member) => !(member.pr === view.pull.number && view.pull.headSha === staging.sha))
    .map((member) => ({
      ref: `refs/heads/${headRefOf(ctx, member.pr, view)}`,
      before: member.headSha,
      after: staging.sha,
      force: true,
    }));
  const base: RefUpdate = {
    ref: `refs/heads/${queue.base}`,
    before: staging.baseSha,
    after: staging.sha,
    force: false,
  };
  const result = await journaled(
    deps,
    {
      kind: 'update-ref',
      target: base.ref,
      expectedOld: base.before,
      newValue: base.after,
      stagingId: Number(staging.id),
      key: `land:${staging.id}`,
    },
    () => deps.github.updateRefs(view.repositoryId, [...heads, base]),
    atomicStatus,
  );
  switch (result.kind) {
    case 'ok':
      deps.host.learnUpdateRefs(true);
      return landed(ctx, staging.sha);
    case 'unsupported':
      deps.host.learnUpdateRefs(false);
      deps.log.warn(
        { repo: queue.repo, message: result.message },
        'this GitHub has no updateRefs mutation (GHES before 3.16): landing in two steps',
      );
      return 'unsupported';
    case 'rejected':
      // A head or the base moved since the fresh read: nothing moved; look again.
      deps.log.info({ repo: queue.repo, message: result.message }, 'atomic landing rejected');
      for (const member of staging.prs) deps.cache.forgetPull(member.pr);
      deps.cache.forgetBase(queue.base);
      return 'stale';
    case 'unknown':
      // All or none of the refs moved: the next observation tells which.
      for (const member of staging.prs) deps.cache.forgetPull(member.pr);
      deps.cache.forgetBase(queue.base);
      return 'stale';
  }
}

function headRefOf(ctx: ApplyContext, pr: number, view: LandingView): string {
  if (pr === view.pull.number) return view.pull.headRef;
  const observed = ctx.observation.pulls.get(pr)?.pull.headRef;
  if (observed === undefined) throw new Error(`no head branch observed for #${pr}`);
  return observed;
}
