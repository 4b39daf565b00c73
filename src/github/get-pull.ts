import type { PullDetails } from './port.js';
import { readUnlessMissing } from './call-github.js';
import type { RepoContext } from './repo-context.js';
import { isHeadWritable, toObservedPull } from './to-observed-pull.js';

/**
 * One read of the PR, no polling: `mergeable` is null while GitHub computes it in the
 * background, and the orchestrator decides when to look again.
 */
export async function getPull(ctx: RepoContext, number: number): Promise<PullDetails | undefined> {
  const answer = await readUnlessMissing(ctx, 'pulls/get', () =>
    ctx.octokit.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: number }),
  );
  if (answer === undefined) return undefined;
  const pull = answer.data;
  const open = pull.state === 'open';
  return {
    pull: toObservedPull(pull, isHeadWritable(ctx, pull, pull.maintainer_can_modify)),
    baseSha: pull.base.sha,
    mergeable: pull.mergeable,
    // While open, `merge_commit_sha` is the test merge; once merged, the commit that landed.
    testMergeSha: open && pull.mergeable === true ? pull.merge_commit_sha : null,
    mergeCommitSha: pull.merged ? pull.merge_commit_sha : null,
  };
}
