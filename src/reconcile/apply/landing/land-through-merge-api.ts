import { journaled } from '../../journal.js';
import type { ApplyContext, Applied } from '../context.js';
import type { Land } from './land.js';
import { landFailed, landed } from './land-outcome.js';

/**
 * Merge-API landing, for heads in another repository (forks) and `landing.strategy:
 * merge-api`: GitHub builds its own squash, pinned to the tested head (`sha`: a push since
 * then makes GitHub refuse, so no contributor commit is lost). It must come out with exactly
 * the tested tree on the tested base; if not, say so loudly.
 */
export async function landThroughMergeApi(
  ctx: ApplyContext,
  effect: Land,
  headSha: string,
): Promise<Applied> {
  const { deps } = ctx;
  // Only ever one staging of one PR: the merge API writes a commit of its own.
  const staging = effect.stagings[0]!;
  const pr = staging.prs[0]!.pr;
  const tested = await deps.github.getCommit(staging.sha);
  const [title = '', ...rest] = tested.message.split('\n');
  const result = await journaled(
    deps,
    {
      kind: 'merge-pr',
      target: `pr#${pr}`,
      expectedOld: headSha,
      newValue: tested.tree,
      stagingId: Number(staging.id),
      key: `merge:${staging.id}`,
    },
    () => deps.github.mergePull(pr, { sha: headSha, title, message: rest.join('\n').trim() }),
    (r) => (r.kind === 'merged' ? 'done' : r.kind === 'unknown' ? 'unknown' : 'failed'),
  );
  switch (result.kind) {
    case 'merged': {
      const landedCommit = await deps.github.getCommit(result.sha);
      if (landedCommit.tree !== staging.treeSha || landedCommit.parents[0] !== staging.baseSha) {
        deps.log.error(
          { repo: ctx.queue.repo, pr, landed: result.sha, tested: staging.sha },
          'the merge API landed a commit that differs from the tested one',
        );
      }
      // GitHub wrote its own commit: the PR is read afresh, not assumed at ours.
      for (const member of staging.prs) deps.cache.forgetPull(member.pr);
      return landed(ctx, result.sha, []);
    }
    case 'unknown':
      // A lost answer: the next observation shows whether the PR merged. Never merge again blind.
      return 'stale';
    case 'head-moved':
      return 'stale';
    case 'not-mergeable':
      // GitHub says this when the base moved between its read and its write: look again (the
      // next observation rebuilds if the base really moved). Any other 405 is a refusal.
      if (/base branch was modified/i.test(result.message)) return 'stale';
      return landFailed(ctx, staging.id, `GitHub refused the merge: ${result.message}`);
    case 'refused':
      // If the base moved, the next observation rebuilds before it looks at this failure.
      return landFailed(ctx, staging.id, `GitHub refused the merge: ${result.message}`);
  }
}
