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

/** The base is at `sha`: remember what we wrote instead of reading it back. */
export function landed(ctx: ApplyContext, sha: string): Applied {
  const { cache } = ctx.deps;
  const staging = ctx.observation.snapshot.staging;
  for (const member of staging?.prs ?? []) {
    const cached = cache.pull(member.pr);
    // We moved the head and the base ourselves: no need to read back what we just wrote (the
    // next reconcile reads the PR afresh if GitHub says anything else through a webhook).
    if (cached && staging)
      cache.rememberPull({ ...cached, pull: { ...cached.pull, headSha: staging.sha } });
    else cache.forgetPull(member.pr);
  }
  cache.rememberBase(ctx.queue.base, sha);
  ctx.deps.log.info({ repo: ctx.queue.repo, base: ctx.queue.base, sha }, 'landed');
  return 'stale';
}
