import type { StagedPull } from '../../../queue/types.js';
import type { ApplyContext, Applied } from '../context.js';

/** The landing cannot happen: the next decision dequeues the staging's PRs with this reason. */
export async function landFailed(
  ctx: ApplyContext,
  stagingId: string,
  reason: string,
): Promise<Applied> {
  await ctx.deps.store.staging.update({
    id: Number(stagingId),
    now: ctx.deps.now(),
    changes: { failure: { kind: 'land', reason } },
  });
  return 'stale';
}

/** The base is at `sha`, each PR head at its squash commit: remember what we wrote instead of reading it back. */
export function landed(ctx: ApplyContext, sha: string, members: readonly StagedPull[]): Applied {
  const { cache } = ctx.deps;
  for (const member of members) {
    const cached = cache.pull(member.pr);
    // We moved the head and the base ourselves: no need to read back what we just wrote (the
    // next reconcile reads the PR afresh if GitHub says anything else through a webhook).
    if (cached)
      cache.rememberPull({ ...cached, pull: { ...cached.pull, headSha: member.commitSha } });
    else cache.forgetPull(member.pr);
  }
  cache.rememberBase(ctx.queue.base, sha);
  ctx.deps.log.info(
    { repo: ctx.queue.repo, base: ctx.queue.base, sha, prs: members.map((m) => m.pr) },
    'landed',
  );
  return 'stale';
}
