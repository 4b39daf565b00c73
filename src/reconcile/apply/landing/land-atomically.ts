import type { AtomicRefWrite, LandingView, RefUpdate } from '../../../github/port.js';
import { journaled, type JournalStatus } from '../../journal.js';
import type { ApplyContext, Applied } from '../context.js';
import type { Land } from './land.js';
import { landed } from './land-outcome.js';

const atomicStatus = (r: AtomicRefWrite): JournalStatus =>
  r.kind === 'ok' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed';

/**
 * One `updateRefs` call moves every PR head to its squash commit and fast-forwards the base to
 * the last tip, each only if it is still where the decision saw it: the head at the commit
 * that was queued and tested (a contributor's push in between rejects the whole call, and
 * nothing is lost), the base where the first staging was built. All or nothing, so no crash
 * or lost answer can leave a head moved without the base. The journal row is keyed on the
 * last staging: the call happened exactly when the base is at its tip.
 */
export async function landAtomically(
  ctx: ApplyContext,
  effect: Land,
  view: LandingView,
): Promise<Applied | 'unsupported'> {
  const { deps, queue } = ctx;
  const front = effect.stagings[0]!;
  const tip = effect.stagings.at(-1)!;
  const members = effect.stagings.flatMap((s) => s.prs);
  const heads: RefUpdate[] = members.flatMap((member, i) => {
    const pull = view.pulls[i]!;
    if (pull.headSha === member.commitSha) return [];
    return [
      {
        ref: `refs/heads/${pull.headRef}`,
        before: member.headSha,
        after: member.commitSha,
        force: true,
      },
    ];
  });
  const base: RefUpdate = {
    ref: `refs/heads/${queue.base}`,
    before: front.baseSha,
    after: tip.sha,
    force: false,
  };
  const result = await journaled(
    deps,
    {
      kind: 'update-ref',
      target: base.ref,
      expectedOld: base.before,
      newValue: base.after,
      stagingId: Number(tip.id),
      key: `land:${tip.id}`,
    },
    () => deps.github.updateRefs(view.repositoryId, [...heads, base]),
    atomicStatus,
  );
  switch (result.kind) {
    case 'ok':
      deps.host.learnUpdateRefs(true);
      return landed(ctx, tip.sha, members);
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
      for (const member of members) deps.cache.forgetPull(member.pr);
      deps.cache.forgetBase(queue.base);
      return 'stale';
    case 'unknown':
      // All or none of the refs moved: the next observation tells which.
      for (const member of members) deps.cache.forgetPull(member.pr);
      deps.cache.forgetBase(queue.base);
      return 'stale';
  }
}
